#include "profile_editor_dialog.h"

#include "endpoint.h"
#include "flag_help.h"
#include "helper_session.h"
#include "network_interfaces.h"
#include "profile_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

constexpr int kPreviewDelayMilliseconds = 300;
constexpr uint kRuleFlags[] = {mptcp::kFlagSignal, mptcp::kFlagSubflow, mptcp::kFlagBackup,
                               mptcp::kFlagFullmesh};

// Interfaces of this machine first, then the patterns people use.
QStringList matchSuggestions() {
    QStringList suggestions;
    for (const auto& interface : listNetworkInterfaces()) {
        suggestions.append(interface.name);
    }
    suggestions << QStringLiteral("kind:wifi") << QStringLiteral("kind:ethernet")
                << QStringLiteral("kind:wwan") << QStringLiteral("wl*") << QStringLiteral("ww*")
                << QStringLiteral("en*") << QStringLiteral("eth*") << QStringLiteral("*");
    return suggestions;
}

QTableWidgetItem* checkItem(bool checked, const QString& accessibleName) {
    auto* item = new QTableWidgetItem;
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    item->setData(Qt::AccessibleTextRole, accessibleName);
    return item;
}

bool isChecked(const QTableWidget* table, int row, int column) {
    const QTableWidgetItem* item = table->item(row, column);
    return item && item->checkState() == Qt::Checked;
}

QString textAt(const QTableWidget* table, int row, int column) {
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

QTableWidget* makeTable(const QStringList& headers, QWidget* parent) {
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->setVisible(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    return table;
}

// "Add" and "Remove" (and, for ordered tables, "Up" / "Down") under a table.
QHBoxLayout* tableButtons(QTableWidget* table, const QString& addText,
                          const std::function<void()>& add, bool ordered) {
    auto* row = new QHBoxLayout;
    auto* addButton = new QPushButton(addText, table->parentWidget());
    auto* remove = new QPushButton(ProfileEditorDialog::tr("Remove"), table->parentWidget());
    // Several tables have these buttons: say which table each one acts on.
    remove->setAccessibleDescription(table->accessibleName());
    row->addWidget(addButton);
    row->addWidget(remove);
    QObject::connect(addButton, &QPushButton::clicked, table, add);
    QObject::connect(remove, &QPushButton::clicked, table, [table] {
        if (table->currentRow() >= 0) {
            table->removeRow(table->currentRow()); // rowsRemoved: the preview follows
        }
    });
    if (ordered) {
        for (int step : {-1, 1}) {
            auto* move = new QPushButton(step < 0 ? ProfileEditorDialog::tr("Up")
                                                  : ProfileEditorDialog::tr("Down"),
                                         table->parentWidget());
            row->addWidget(move);
            QObject::connect(move, &QPushButton::clicked, table, [table, step] {
                const int from = table->currentRow();
                const int to = from + step;
                if (from < 0 || to < 0 || to >= table->rowCount()) {
                    return;
                }
                // Cell widgets (pickers) cannot move: swap their values instead.
                for (int column = 0; column < table->columnCount(); ++column) {
                    auto* upper = qobject_cast<QComboBox*>(table->cellWidget(from, column));
                    auto* lower = qobject_cast<QComboBox*>(table->cellWidget(to, column));
                    if (upper && lower) {
                        const QString text = upper->currentText();
                        const int index = upper->currentIndex();
                        if (upper->isEditable()) {
                            upper->setCurrentText(lower->currentText());
                            lower->setCurrentText(text);
                        } else {
                            upper->setCurrentIndex(lower->currentIndex());
                            lower->setCurrentIndex(index);
                        }
                        continue;
                    }
                    QTableWidgetItem* a = table->takeItem(from, column);
                    QTableWidgetItem* b = table->takeItem(to, column);
                    table->setItem(from, column, b);
                    table->setItem(to, column, a);
                }
                table->setCurrentCell(to, 0);
            });
        }
    }
    row->addStretch();
    return row;
}

} // namespace

ProfileEditorDialog::ProfileEditorDialog(HelperSession& session, const ProfileRecord& profile,
                                         bool isNew, QWidget* parent)
    : QDialog(parent), session_(session), name_(new QLineEdit(this)),
      subflowsSet_(new QCheckBox(tr("Set paths per connection to"), this)),
      subflows_(new QSpinBox(this)),
      acceptedSet_(new QCheckBox(tr("Set accepted announcements to"), this)),
      accepted_(new QSpinBox(this)), rules_(nullptr), endpoints_(nullptr), sysctls_(nullptr),
      preview_(new QTextBrowser(this)), problem_(new QLabel(this)),
      save_(new QPushButton(tr("&Save"), this)),
      saveAndUse_(new QPushButton(tr("Save and &use"), this)) {
    setWindowTitle(isNew ? tr("New profile") : tr("Edit profile \"%1\"").arg(profile.name));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    name_->setAccessibleName(tr("Profile name"));
    name_->setMaxLength(64);
    if (!isNew) {
        name_->setToolTip(tr("Saving under another name makes a new profile; this one stays."));
    }
    form->addRow(tr("&Name:"), name_);
    const uint most = std::max<uint>(session_.status().support.maxLimit, 8);
    for (auto [check, spin] : {std::pair{subflowsSet_, subflows_}, {acceptedSet_, accepted_}}) {
        spin->setRange(0, static_cast<int>(most));
        auto* row = new QHBoxLayout;
        row->addWidget(check);
        row->addWidget(spin);
        row->addStretch();
        form->addRow(row);
        connect(check, &QCheckBox::toggled, spin, &QWidget::setEnabled);
    }
    subflows_->setAccessibleName(subflowsSet_->text());
    accepted_->setAccessibleName(acceptedSet_->text());
    subflowsSet_->setToolTip(tr("Unticked: the profile leaves the limit as it is."));
    acceptedSet_->setToolTip(subflowsSet_->toolTip());
    layout->addLayout(form);

    auto* split = new QSplitter(Qt::Vertical, this);
    auto* rulesBox = new QGroupBox(tr("Interfaces (the first rule that matches decides)"), split);
    auto* rulesLayout = new QVBoxLayout(rulesBox);
    QStringList ruleHeaders{tr("Interface or pattern")};
    for (uint flag : kRuleFlags) {
        ruleHeaders << flagLabel(flag);
    }
    ruleHeaders << tr("Family") << tr("Temporary IPv6");
    rules_ = makeTable(ruleHeaders, rulesBox);
    rules_->setAccessibleName(tr("Interface rules"));
    for (int column = RuleSignalColumn; column <= RuleFullmeshColumn; ++column) {
        rules_->horizontalHeaderItem(column)->setToolTip(
            flagHelp(kRuleFlags[column - RuleSignalColumn]));
    }
    rules_->horizontalHeaderItem(MatchColumn)
        ->setToolTip(tr("An interface name, a pattern such as wl* or kind:wifi, kind:ethernet, "
                        "kind:wwan."));
    rules_->horizontalHeaderItem(TemporaryColumn)
        ->setToolTip(tr("Also use IPv6 privacy addresses, which change every few hours."));
    rulesLayout->addWidget(rules_);
    rulesLayout->addLayout(tableButtons(
        rules_, tr("Add rule"),
        [this] {
            addRule({QStringLiteral("*"), mptcp::kFlagSubflow, 0, false});
        },
        true));

    auto* endpointsBox = new QGroupBox(tr("Fixed endpoints"), split);
    auto* endpointsLayout = new QVBoxLayout(endpointsBox);
    QStringList endpointHeaders{tr("Address"), tr("Port"), tr("Interface")};
    for (uint flag : kRuleFlags) {
        endpointHeaders << flagLabel(flag);
    }
    endpoints_ = makeTable(endpointHeaders, endpointsBox);
    endpoints_->setAccessibleName(tr("Fixed endpoints"));
    endpointsLayout->addWidget(endpoints_);
    endpointsLayout->addLayout(tableButtons(
        endpoints_, tr("Add endpoint"),
        [this] {
            addEndpoint({0, QString(), 0, QString(), mptcp::kFlagSignal});
        },
        false));

    auto* sysctlsBox = new QGroupBox(tr("net.mptcp settings"), split);
    auto* sysctlsLayout = new QVBoxLayout(sysctlsBox);
    sysctls_ = makeTable({tr("Name (without net.mptcp.)"), tr("Value")}, sysctlsBox);
    sysctls_->setAccessibleName(tr("net.mptcp settings"));
    sysctlsLayout->addWidget(sysctls_);
    sysctlsLayout->addLayout(tableButtons(
        sysctls_, tr("Add setting"), [this] { addSysctl(QString(), QString()); }, false));

    auto* previewBox = new QGroupBox(tr("If you use it now"), split);
    auto* previewLayout = new QVBoxLayout(previewBox);
    preview_->setAccessibleName(tr("Preview"));
    previewLayout->addWidget(preview_);
    // The rules and what they would do matter most; the rest is rarely used.
    for (const auto& [index, stretch] : {std::pair{0, 3}, {1, 1}, {2, 1}, {3, 4}}) {
        split->setStretchFactor(index, stretch);
    }
    layout->addWidget(split, 1);

    problem_->setWordWrap(true);
    problem_->setAccessibleName(tr("Problem"));
    problem_->setStyleSheet(QStringLiteral("color: #b3261e"));
    layout->addWidget(problem_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(save_, QDialogButtonBox::AcceptRole);
    buttons->addButton(saveAndUse_, QDialogButtonBox::ActionRole);
    save_->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save_, &QPushButton::clicked, this, [this] { save(false); });
    connect(saveAndUse_, &QPushButton::clicked, this, [this] { save(true); });

    previewTimer_.setSingleShot(true);
    previewTimer_.setInterval(kPreviewDelayMilliseconds);
    connect(&previewTimer_, &QTimer::timeout, this, &ProfileEditorDialog::askPreview);
    connect(name_, &QLineEdit::textChanged, this, &ProfileEditorDialog::schedulePreview);
    for (QCheckBox* check : {subflowsSet_, acceptedSet_}) {
        connect(check, &QCheckBox::toggled, this, &ProfileEditorDialog::schedulePreview);
    }
    for (QSpinBox* spin : {subflows_, accepted_}) {
        connect(spin, &QSpinBox::valueChanged, this, &ProfileEditorDialog::schedulePreview);
    }
    for (QTableWidget* table : {rules_, endpoints_, sysctls_}) {
        connect(table->model(), &QAbstractItemModel::dataChanged, this,
                &ProfileEditorDialog::schedulePreview);
        connect(table->model(), &QAbstractItemModel::rowsInserted, this,
                &ProfileEditorDialog::schedulePreview);
        connect(table->model(), &QAbstractItemModel::rowsRemoved, this,
                &ProfileEditorDialog::schedulePreview);
    }
    load(profile);
    resize(800, 860);
    askPreview();
}

void ProfileEditorDialog::load(const ProfileRecord& profile) {
    name_->setText(profile.name);
    subflowsSet_->setChecked(profile.hasSubflows);
    subflows_->setEnabled(profile.hasSubflows);
    subflows_->setValue(static_cast<int>(profile.subflows));
    acceptedSet_->setChecked(profile.hasAddAddrAccepted);
    accepted_->setEnabled(profile.hasAddAddrAccepted);
    accepted_->setValue(static_cast<int>(profile.addAddrAccepted));
    for (const auto& rule : profile.interfaces) {
        addRule(rule);
    }
    for (const auto& endpoint : profile.endpoints) {
        addEndpoint(endpoint);
    }
    for (auto it = profile.sysctls.begin(); it != profile.sysctls.end(); ++it) {
        addSysctl(it.key(), it.value());
    }
}

void ProfileEditorDialog::addRule(const ProfileRuleRecord& rule) {
    const int row = rules_->rowCount();
    rules_->insertRow(row);
    auto* match = new QComboBox(rules_);
    match->setEditable(true);
    match->addItems(matchSuggestions());
    match->setCurrentText(rule.match);
    match->setAccessibleName(tr("Interface or pattern"));
    connect(match, &QComboBox::currentTextChanged, this, &ProfileEditorDialog::schedulePreview);
    rules_->setCellWidget(row, MatchColumn, match);
    for (int column = RuleSignalColumn; column <= RuleFullmeshColumn; ++column) {
        const uint flag = kRuleFlags[column - RuleSignalColumn];
        rules_->setItem(row, column, checkItem(rule.flags & flag, flagLabel(flag)));
    }
    auto* family = new QComboBox(rules_);
    family->addItem(tr("IPv4 and IPv6"), 0);
    family->addItem(tr("IPv4 only"), 4);
    family->addItem(tr("IPv6 only"), 6);
    family->setCurrentIndex(std::max(0, family->findData(int(rule.family))));
    family->setAccessibleName(tr("Family"));
    connect(family, &QComboBox::currentIndexChanged, this, &ProfileEditorDialog::schedulePreview);
    rules_->setCellWidget(row, FamilyColumn, family);
    rules_->setItem(row, TemporaryColumn, checkItem(rule.temporary, tr("Temporary IPv6")));
    rules_->setCurrentCell(row, RuleSignalColumn);
}

void ProfileEditorDialog::addEndpoint(const EndpointRecord& endpoint) {
    const int row = endpoints_->rowCount();
    endpoints_->insertRow(row);
    endpoints_->setItem(row, AddressColumn, new QTableWidgetItem(endpoint.address));
    auto* port = new QSpinBox(endpoints_);
    port->setRange(0, 65535);
    port->setSpecialValueText(tr("any"));
    port->setValue(endpoint.port);
    port->setAccessibleName(tr("Port"));
    connect(port, &QSpinBox::valueChanged, this, &ProfileEditorDialog::schedulePreview);
    endpoints_->setCellWidget(row, PortColumn, port);
    endpoints_->setItem(row, InterfaceColumn, new QTableWidgetItem(endpoint.ifname));
    for (int column = EndpointSignalColumn; column <= EndpointFullmeshColumn; ++column) {
        const uint flag = kRuleFlags[column - EndpointSignalColumn];
        endpoints_->setItem(row, column, checkItem(endpoint.flags & flag, flagLabel(flag)));
    }
    endpoints_->setCurrentCell(row, AddressColumn);
}

void ProfileEditorDialog::addSysctl(const QString& name, const QString& value) {
    const int row = sysctls_->rowCount();
    sysctls_->insertRow(row);
    sysctls_->setItem(row, 0, new QTableWidgetItem(name));
    sysctls_->setItem(row, 1, new QTableWidgetItem(value));
    sysctls_->setCurrentCell(row, 0);
}

ProfileRecord ProfileEditorDialog::profile() const {
    ProfileRecord profile;
    profile.name = name_->text().trimmed();
    profile.hasSubflows = subflowsSet_->isChecked();
    profile.subflows = profile.hasSubflows ? static_cast<uint>(subflows_->value()) : 0;
    profile.hasAddAddrAccepted = acceptedSet_->isChecked();
    profile.addAddrAccepted =
        profile.hasAddAddrAccepted ? static_cast<uint>(accepted_->value()) : 0;
    for (int row = 0; row < rules_->rowCount(); ++row) {
        ProfileRuleRecord rule;
        if (auto* match = qobject_cast<QComboBox*>(rules_->cellWidget(row, MatchColumn))) {
            rule.match = match->currentText().trimmed();
        }
        for (int column = RuleSignalColumn; column <= RuleFullmeshColumn; ++column) {
            if (isChecked(rules_, row, column)) {
                rule.flags |= kRuleFlags[column - RuleSignalColumn];
            }
        }
        if (auto* family = qobject_cast<QComboBox*>(rules_->cellWidget(row, FamilyColumn))) {
            rule.family = static_cast<uchar>(family->currentData().toUInt());
        }
        rule.temporary = isChecked(rules_, row, TemporaryColumn);
        profile.interfaces.append(rule);
    }
    for (int row = 0; row < endpoints_->rowCount(); ++row) {
        EndpointRecord endpoint;
        endpoint.address = textAt(endpoints_, row, AddressColumn);
        if (auto* port = qobject_cast<QSpinBox*>(endpoints_->cellWidget(row, PortColumn))) {
            endpoint.port = static_cast<ushort>(port->value());
        }
        endpoint.ifname = textAt(endpoints_, row, InterfaceColumn);
        for (int column = EndpointSignalColumn; column <= EndpointFullmeshColumn; ++column) {
            if (isChecked(endpoints_, row, column)) {
                endpoint.flags |= kRuleFlags[column - EndpointSignalColumn];
            }
        }
        profile.endpoints.append(endpoint);
    }
    for (int row = 0; row < sysctls_->rowCount(); ++row) {
        const QString name = textAt(sysctls_, row, 0);
        if (!name.isEmpty()) {
            profile.sysctls.insert(name, textAt(sysctls_, row, 1));
        }
    }
    return profile;
}

void ProfileEditorDialog::schedulePreview() {
    previewTimer_.start();
}

void ProfileEditorDialog::askPreview() {
    const int sequence = ++previewSequence_;
    ProfileRecord wanted = profile();
    // The preview does not depend on the name; an empty one is for Save to refuse.
    if (wanted.name.isEmpty()) {
        wanted.name = QStringLiteral("preview");
    }
    // The dialog may be closed before the answer comes.
    session_.client().previewProfile(
        wanted, [self = QPointer(this), sequence](const HelperError& error,
                                                  const ProfilePreviewRecord& preview) {
            if (self) {
                self->showPreview(sequence, error, preview);
            }
        });
}

void ProfileEditorDialog::showPreview(int sequence, const HelperError& error,
                                      const ProfilePreviewRecord& preview) {
    if (sequence != previewSequence_) {
        return; // an older answer; a newer question is on its way
    }
    ++previewsShown_;
    if (error.isError()) {
        problem_->setText(error.message);
        preview_->setHtml(QString());
    } else {
        problem_->clear();
        preview_->setHtml(profilePreviewHtml(preview));
    }
    setBusy(busy_);
}

void ProfileEditorDialog::setBusy(bool busy) {
    busy_ = busy;
    const bool can = !busy_ && session_.status().canChangeSettings();
    save_->setEnabled(can);
    saveAndUse_->setEnabled(can);
}

void ProfileEditorDialog::save(bool andUse) {
    const ProfileRecord wanted = profile();
    if (wanted.name.isEmpty()) {
        problem_->setText(tr("Give the profile a name."));
        name_->setFocus();
        return;
    }
    setBusy(true);
    // Cancel may close the dialog while the helper (or polkit) works.
    session_.client().saveProfile(
        wanted, [self = QPointer(this), andUse, name = wanted.name](const HelperError& error) {
            if (self) {
                self->onSaved(andUse, name, error);
            }
        });
}

void ProfileEditorDialog::onSaved(bool andUse, const QString& name, const HelperError& error) {
    if (error.isError()) {
        setBusy(false);
        problem_->setText(error.message);
        return;
    }
    emit saved(name);
    if (!andUse) {
        accept();
        return;
    }
    session_.client().activateProfile(name, [self = QPointer(this)](const HelperError& used) {
        if (!self) {
            return;
        }
        self->setBusy(false);
        if (used.isError()) {
            // Saved, not in use: say why and let the person change it.
            self->problem_->setText(tr("Saved, but not in use: %1").arg(used.message));
            return;
        }
        self->accept();
    });
}
