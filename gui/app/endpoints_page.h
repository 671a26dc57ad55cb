// The Endpoints page: the kernel's endpoints as a table with the flags as
// check boxes (backup and full mesh can be ticked in place), add, delete,
// delete all with a one-step undo, and what each flag means.
#pragma once

#include <QWidget>

class AddEndpointDialog;
class HelperSession;
class QLabel;
class QPushButton;
class QTableView;
struct HelperStatus;

class EndpointsPage : public QWidget {
    Q_OBJECT

public:
    explicit EndpointsPage(HelperSession& session, QWidget* parent = nullptr);

    QTableView* table() const { return table_; }
    QPushButton* addButton() const { return add_; }
    QPushButton* deleteButton() const { return delete_; }
    QPushButton* flushButton() const { return flush_; }
    QPushButton* undoButton() const { return undo_; }
    // The open "Add endpoint" dialog, if any (tests fill it in).
    AddEndpointDialog* addDialog() const { return dialog_; }

    void openAddDialog();

signals:
    void message(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void updateButtons();
    void deleteSelected();
    void confirmFlush();

    HelperSession& session_;
    QTableView* table_;
    QPushButton* add_;
    QPushButton* delete_;
    QPushButton* flush_;
    QPushButton* undo_;
    QPushButton* refresh_;
    QLabel* empty_;
    AddEndpointDialog* dialog_ = nullptr;
};
