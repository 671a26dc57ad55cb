// The profile editor: a name, the limits to set (or leave alone), the rules
// that pick interfaces (first match decides) with the flags their endpoints
// get, fixed endpoints, net.mptcp settings, and a live preview of what using
// the profile would do to this machine right now — computed by the helper,
// which also says, field by field, what is wrong with it.
#pragma once

#include "helper_error.h"
#include "profile_types.h"

#include <QDialog>
#include <QTimer>

class HelperSession;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTextBrowser;

class ProfileEditorDialog : public QDialog {
    Q_OBJECT

public:
    enum RuleColumn {
        MatchColumn,
        RuleSignalColumn,
        RuleSubflowColumn,
        RuleBackupColumn,
        RuleFullmeshColumn,
        FamilyColumn,
        TemporaryColumn,
        RuleColumnCount
    };
    enum EndpointColumn {
        AddressColumn,
        PortColumn,
        InterfaceColumn,
        EndpointSignalColumn,
        EndpointSubflowColumn,
        EndpointBackupColumn,
        EndpointFullmeshColumn,
        EndpointColumnCount
    };

    ProfileEditorDialog(HelperSession& session, const ProfileRecord& profile, bool isNew,
                        QWidget* parent = nullptr);

    // What the widgets say now.
    ProfileRecord profile() const;

    QLineEdit* nameField() const { return name_; }
    QCheckBox* subflowsSet() const { return subflowsSet_; }
    QSpinBox* subflowsSpin() const { return subflows_; }
    QCheckBox* acceptedSet() const { return acceptedSet_; }
    QSpinBox* acceptedSpin() const { return accepted_; }
    QTableWidget* rules() const { return rules_; }
    QTableWidget* endpoints() const { return endpoints_; }
    QTableWidget* sysctls() const { return sysctls_; }
    QTextBrowser* preview() const { return preview_; }
    QLabel* problem() const { return problem_; }
    QPushButton* saveButton() const { return save_; }
    QPushButton* saveAndUseButton() const { return saveAndUse_; }
    // Rows as a person adds them.
    void addRule(const ProfileRuleRecord& rule);
    void addEndpoint(const EndpointRecord& endpoint);
    void addSysctl(const QString& name, const QString& value);
    // Preview answers received (tests wait for the next one).
    int previewsShown() const { return previewsShown_; }

signals:
    void saved(const QString& name);

private:
    void load(const ProfileRecord& profile);
    void schedulePreview();
    void askPreview();
    void showPreview(int sequence, const HelperError& error, const ProfilePreviewRecord& preview);
    void save(bool andUse);
    void onSaved(bool andUse, const QString& name, const HelperError& error);
    void setBusy(bool busy);

    HelperSession& session_;
    QLineEdit* name_;
    QCheckBox* subflowsSet_;
    QSpinBox* subflows_;
    QCheckBox* acceptedSet_;
    QSpinBox* accepted_;
    QTableWidget* rules_;
    QTableWidget* endpoints_;
    QTableWidget* sysctls_;
    QTextBrowser* preview_;
    QLabel* problem_;
    QPushButton* save_;
    QPushButton* saveAndUse_;
    QTimer previewTimer_;
    int previewSequence_ = 0;
    int previewsShown_ = 0;
    bool busy_ = false;
};
