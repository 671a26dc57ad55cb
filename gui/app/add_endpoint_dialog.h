// "Add endpoint": pick an interface of this machine (listed with its kind
// and addresses), choose what the address is for, and see at once whether
// the helper would take it.
#pragma once

#include "endpoint_input.h"
#include "network_interfaces.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

class AddEndpointDialog : public QDialog {
    Q_OBJECT

public:
    explicit AddEndpointDialog(QWidget* parent = nullptr,
                               QList<NetworkInterface> interfaces = listNetworkInterfaces());

    EndpointRecord endpoint() const { return check_.endpoint; }
    // The result of the last check (tests read it).
    const EndpointCheck& check() const { return check_; }

    // Shown under the form when the helper refused what the form allowed.
    void showRefusal(const QString& message);
    void setBusy(bool busy);

    QComboBox* interfacePicker() const { return interface_; }
    QComboBox* addressField() const { return address_; }
    QCheckBox* flagBox(uint flag) const;

signals:
    // "Add" pressed on a valid form; the dialog stays open until accept().
    void addRequested(const EndpointRecord& endpoint);

private:
    void onInterfaceChosen();
    void recheck();
    EndpointInput input() const;

    QList<NetworkInterface> interfaces_;
    QComboBox* interface_;
    QComboBox* address_;
    QList<QPair<uint, QCheckBox*>> flags_;
    QLineEdit* port_;
    QLineEdit* id_;
    QLabel* problem_;
    QDialogButtonBox* buttons_;
    EndpointCheck check_;
};
