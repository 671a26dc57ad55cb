#include "add_endpoint_dialog.h"

#include "endpoint.h"
#include "flag_help.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QString interfaceText(const NetworkInterface& interface) {
    const QString addresses = interface.addresses.isEmpty()
                                  ? QCoreApplication::translate("AddEndpointDialog", "no address")
                                  : interface.addresses.join(QStringLiteral(", "));
    QString text = QStringLiteral("%1 — %2 — %3")
                       .arg(interface.name, interfaceKindText(interface.kind), addresses);
    if (!interface.up) {
        text += QCoreApplication::translate("AddEndpointDialog", " (down)");
    }
    return text;
}

} // namespace

AddEndpointDialog::AddEndpointDialog(QWidget* parent, QList<NetworkInterface> interfaces)
    : QDialog(parent), interfaces_(std::move(interfaces)), interface_(new QComboBox(this)),
      address_(new QComboBox(this)), port_(new QLineEdit(this)), id_(new QLineEdit(this)),
      problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Add endpoint"));
    setAccessibleName(tr("Add endpoint"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("An endpoint is an address of this computer that MPTCP may "
                                "use for extra paths. Pick the network it belongs to."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    interface_->setAccessibleName(tr("Interface"));
    interface_->addItem(tr("Any interface (the routing table decides)"), QString());
    for (const auto& interface : interfaces_) {
        interface_->addItem(interfaceText(interface), interface.name);
    }
    form->addRow(tr("&Interface:"), interface_);
    address_->setEditable(true);
    address_->setInsertPolicy(QComboBox::NoInsert);
    address_->setAccessibleName(tr("Address"));
    address_->lineEdit()->setPlaceholderText(tr("e.g. 192.0.2.10 or 2001:db8::10"));
    form->addRow(tr("&Address:"), address_);
    layout->addLayout(form);

    auto* purpose = new QGroupBox(tr("Use this address to"), this);
    auto* purposeLayout = new QVBoxLayout(purpose);
    const QList<QPair<uint, QString>> choices{
        {mptcp::kFlagSubflow, tr("Open extra paths from it (this computer connects out)")},
        {mptcp::kFlagSignal, tr("Announce it to peers (this computer accepts connections)")},
        {mptcp::kFlagBackup, tr("Carry data only when other paths fail (backup)")},
        {mptcp::kFlagFullmesh, tr("Open a path to every address a peer announced (full mesh)")},
        {mptcp::kFlagLaminar, tr("Follow the peer's announced addresses (laminar, Linux 6.18+)")},
    };
    for (const auto& [flag, text] : choices) {
        auto* box = new QCheckBox(text, purpose);
        box->setToolTip(flagHelp(flag));
        box->setAccessibleName(flagLabel(flag));
        box->setAccessibleDescription(flagHelp(flag));
        box->setChecked(flag == mptcp::kFlagSubflow);
        purposeLayout->addWidget(box);
        flags_.append({flag, box});
        connect(box, &QCheckBox::toggled, this, &AddEndpointDialog::recheck);
    }
    layout->addWidget(purpose);

    auto* advanced = new QFormLayout;
    port_->setAccessibleName(tr("Port"));
    port_->setPlaceholderText(tr("none"));
    port_->setValidator(new QIntValidator(1, 65535, port_));
    port_->setToolTip(tr("Only for announced addresses: the port peers should connect to."));
    advanced->addRow(tr("&Port (announce only):"), port_);
    id_->setAccessibleName(tr("Endpoint ID"));
    id_->setPlaceholderText(tr("automatic"));
    id_->setValidator(new QIntValidator(1, 255, id_));
    advanced->addRow(tr("I&D:"), id_);
    layout->addLayout(advanced);

    problem_->setWordWrap(true);
    problem_->setAccessibleName(tr("Check result"));
    problem_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(problem_);

    buttons_->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    buttons_->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Add"));
    buttons_->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    layout->addWidget(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (check_.problem.isEmpty() && !check_.endpoint.address.isEmpty()) {
            emit addRequested(check_.endpoint);
        }
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(interface_, &QComboBox::currentIndexChanged, this,
            &AddEndpointDialog::onInterfaceChosen);
    connect(address_, &QComboBox::editTextChanged, this, &AddEndpointDialog::recheck);
    connect(port_, &QLineEdit::textChanged, this, &AddEndpointDialog::recheck);
    connect(id_, &QLineEdit::textChanged, this, &AddEndpointDialog::recheck);

    // Start on the first interface that has an address: the common case.
    for (int row = 1; row < interface_->count(); ++row) {
        if (!interfaces_[row - 1].addresses.isEmpty()) {
            interface_->setCurrentIndex(row);
            break;
        }
    }
    onInterfaceChosen();
    setMinimumWidth(560);
}

QCheckBox* AddEndpointDialog::flagBox(uint flag) const {
    for (const auto& [bit, box] : flags_) {
        if (bit == flag) {
            return box;
        }
    }
    return nullptr;
}

void AddEndpointDialog::onInterfaceChosen() {
    const int row = interface_->currentIndex() - 1;
    const QString typed = address_->currentText();
    address_->clear();
    if (row >= 0 && row < interfaces_.size()) {
        address_->addItems(interfaces_[row].addresses);
    }
    if (address_->count() == 0) {
        address_->setEditText(typed);
    }
    recheck();
}

EndpointInput AddEndpointDialog::input() const {
    EndpointInput input;
    input.address = address_->currentText();
    input.port = port_->text();
    input.ifname = interface_->currentData().toString();
    input.id = id_->text();
    for (const auto& [flag, box] : flags_) {
        if (box->isChecked()) {
            input.flags |= flag;
        }
    }
    return input;
}

void AddEndpointDialog::recheck() {
    const EndpointInput current = input();
    port_->setEnabled(current.flags & mptcp::kFlagSignal);
    check_ = checkEndpointInput(current);
    const bool empty = current.address.trimmed().isEmpty();
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(!empty && check_.problem.isEmpty());
    // Words first ("Cannot add:", "Note:"), so the meaning never rests on the colour.
    if (empty) {
        problem_->setText(tr("Enter or pick the address to use."));
        problem_->setStyleSheet({});
    } else if (!check_.problem.isEmpty()) {
        problem_->setText(tr("Cannot add: %1").arg(check_.problem));
        problem_->setStyleSheet(QStringLiteral("color: #a40000;"));
    } else if (!check_.hint.isEmpty()) {
        problem_->setText(tr("Note: %1").arg(check_.hint));
        problem_->setStyleSheet({});
    } else {
        problem_->setText(tr("Ready to add."));
        problem_->setStyleSheet({});
    }
}

void AddEndpointDialog::showRefusal(const QString& message) {
    problem_->setText(tr("The helper refused: %1").arg(message));
    problem_->setStyleSheet(QStringLiteral("color: #a40000;"));
}

void AddEndpointDialog::setBusy(bool busy) {
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(!busy && check_.problem.isEmpty());
    if (busy) {
        problem_->setText(tr("Adding… (you may be asked for a password)"));
        problem_->setStyleSheet({});
    }
}
