// The Doctor page: why multipath is not happening. The helper's findings in
// a list, most fundamental first; the selected one explained (what is
// wrong, why it matters, how to fix it, with the exact commands), and a
// button that makes the fix when the helper can make it.
#pragma once

#include <QWidget>

class HelperSession;
class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
struct HelperStatus;

class DoctorPage : public QWidget {
    Q_OBJECT

public:
    explicit DoctorPage(HelperSession& session, QWidget* parent = nullptr);

    QListView* list() const { return list_; }
    QPushButton* fixButton() const { return fix_; }
    QPushButton* checkButton() const { return check_; }
    QLabel* verdict() const { return verdict_; }
    QLabel* why() const { return why_; }
    QPlainTextEdit* fixText() const { return fixText_; }

signals:
    void message(const QString& text);

private:
    void showSelected();
    void updateVerdict();
    void runFix();

    HelperSession& session_;
    QLabel* verdict_;
    QListView* list_;
    QLabel* summary_;
    QLabel* why_;
    QPlainTextEdit* fixText_;
    QPushButton* fix_;
    QPushButton* check_;
    bool fixing_ = false;
    bool diagnosed_ = false; // an answer came from the helper
};
