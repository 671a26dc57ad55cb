// The Profiles page: the saved profiles and the built-in presets, which one
// is in use and what the helper did to keep it true (endpoints kept, held
// while a link is down, skipped and why, other managers it stands aside
// for). From here a profile is used, stopped, created, edited, copied or
// deleted; the tray menu switches between them too.
#pragma once

#include "profile_types.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class HelperSession;
class ProfileEditorDialog;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTextBrowser;

class ProfilesPage : public QWidget {
    Q_OBJECT

public:
    explicit ProfilesPage(HelperSession& session, QWidget* parent = nullptr);

    QListWidget* list() const { return list_; }
    QTextBrowser* statusView() const { return status_; }
    QPushButton* useButton() const { return use_; }
    QPushButton* stopButton() const { return stop_; }
    QPushButton* newButton() const { return new_; }
    QPushButton* editButton() const { return edit_; }
    QPushButton* deleteButton() const { return delete_; }
    // The editor while it is open (tests fill it in like a person would).
    ProfileEditorDialog* editor() const;
    // Selects a profile by name; false when there is none.
    bool select(const QString& name);

signals:
    void message(const QString& text);

protected:
    // "12 s ago" ages only while the page is on screen.
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void onProfiles(const ProfileSummaryList& profiles);
    void onStatus(const ProfileStatusRecord& status);
    void updateButtons();
    QString selectedName() const;
    bool selectedIsBuiltin() const;
    void openEditor(const ProfileRecord& profile, bool isNew);
    void editSelected(bool asCopy);
    void deleteSelected();
    void deleteNamed(const QString& name);

    HelperSession& session_;
    QListWidget* list_;
    QTextBrowser* status_;
    QPushButton* use_;
    QPushButton* stop_;
    QPushButton* new_;
    QPushButton* edit_;
    QPushButton* copy_;
    QPushButton* delete_;
    QPointer<ProfileEditorDialog> editor_;
    // Selected once the list has it (a save answers before the new list).
    QString pendingSelection_;
    ProfileSummaryList profiles_;
    // "12 s ago" ages while the page is shown.
    QTimer ageTimer_;
    bool busy_ = false;
};
