#include "settings_page.h"

#include "app_settings.h"
#include "autostart_entry.h"
#include "helper_session.h"
#include "page_header.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <climits>

namespace {

// One setting: its title and editor on a line, what it does below, at the
// full width of the page so the sentence wraps where a reader expects.
QWidget* settingRow(const QString& title, QWidget* editor, const QString& explanation,
                    QLabel** noteOut) {
    auto* row = new QWidget;
    auto* layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 4, 0, 8);
    layout->setSpacing(3);
    auto* line = new QHBoxLayout;
    auto* label = new QLabel(title + QLatin1Char(':'), row);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    label->setBuddy(editor);
    line->addWidget(label);
    line->addWidget(editor);
    line->addStretch();
    layout->addLayout(line);
    auto* text = new QLabel(explanation, row);
    text->setWordWrap(true);
    layout->addWidget(text);
    if (noteOut) {
        auto* note = new QLabel(row);
        note->setWordWrap(true);
        QFont italic = note->font();
        italic.setItalic(true);
        note->setFont(italic);
        layout->addWidget(note);
        *noteOut = note;
    }
    return row;
}

} // namespace

SettingsPage::SettingsPage(HelperSession& session, AppSettings& settings, QWidget* parent)
    : QWidget(parent), session_(session), settings_(settings), kernelRows_(new QVBoxLayout),
      entries_(sysctlEntries()) {
    auto* outer = new QVBoxLayout(this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    addPageHeader(layout, tr("Settings"),
                  tr("The kernel's MPTCP settings for this computer (net.mptcp), and how this "
                     "app behaves."));

    auto* kernel = new QGroupBox(tr("Kernel (net.mptcp)"), content);
    kernel->setLayout(kernelRows_);
    buildKernelRows();
    layout->addWidget(kernel);
    layout->addWidget(buildAppOptions());
    layout->addStretch();
    scroll->setWidget(content);
    outer->addWidget(scroll);

    connect(&session_, &HelperSession::sysctlsRead, this, &SettingsPage::onSysctls);
    connect(&session_, &HelperSession::statusChanged, this, &SettingsPage::updateEnabled);
    onSysctls(session_.sysctls());
    updateEnabled();
}

void SettingsPage::buildKernelRows() {
    for (const SysctlEntry& entry : entries_) {
        QWidget* editor = nullptr;
        QLabel* note = nullptr;
        switch (entry.type) {
        case SysctlEntry::Type::OnOff: {
            // pm_type is a choice between two path managers, not an on/off switch.
            auto* box = new QCheckBox(entry.name == QLatin1String("pm_type")
                                          ? tr("A userspace daemon decides")
                                          : tr("On"));
            connect(box, &QCheckBox::toggled, this,
                    [this, name = entry.name](bool on) { write(name, on ? 1 : 0); });
            editor = box;
            break;
        }
        case SysctlEntry::Type::Number: {
            auto* spin = new QSpinBox;
            spin->setRange(static_cast<int>(std::max<qint64>(entry.minimum, INT_MIN)),
                           static_cast<int>(std::min<qint64>(entry.maximum, INT_MAX)));
            if (!entry.unit.isEmpty()) {
                spin->setSuffix(QLatin1Char(' ') + entry.unit);
            }
            spin->setKeyboardTracking(false);
            spin->setMinimumWidth(140);
            connect(spin, &QSpinBox::editingFinished, this, [this, spin, name = entry.name] {
                if (session_.sysctls().value(name).toString() != QString::number(spin->value())) {
                    write(name, spin->value());
                }
            });
            editor = spin;
            break;
        }
        case SysctlEntry::Type::Choice: {
            auto* combo = new QComboBox;
            combo->setMinimumWidth(140);
            connect(combo, &QComboBox::activated, this,
                    [this, combo, name = entry.name] { write(name, combo->currentText()); });
            editor = combo;
            break;
        }
        }
        editor->setAccessibleName(entry.title);
        editor->setAccessibleDescription(entry.explanation);
        editor->setToolTip(QStringLiteral("net.mptcp.%1").arg(entry.name));
        editors_.insert(entry.name, editor);
        QWidget* row = settingRow(entry.title, editor, entry.explanation,
                                  entry.type == SysctlEntry::Type::Choice ? &note : nullptr);
        if (note) {
            choiceNotes_.insert(entry.name, note);
        }
        kernelRows_->addWidget(row);
        rows_.insert(entry.name, row);
    }
}

void SettingsPage::onSysctls(const QVariantMap& values) {
    for (const SysctlEntry& entry : entries_) {
        QWidget* editor = editors_.value(entry.name);
        // Settings this kernel does not have are not shown at all, nor is the
        // older path manager switch next to the newer one.
        const bool present =
            values.contains(entry.name) && !(entry.name == QLatin1String("pm_type") &&
                                             values.contains(QStringLiteral("path_manager")));
        rows_.value(entry.name)->setVisible(present);
        if (!present) {
            continue;
        }
        const QString value = values.value(entry.name).toString();
        const QSignalBlocker blocker(editor);
        if (auto* box = qobject_cast<QCheckBox*>(editor)) {
            box->setChecked(value.toInt() != 0);
        } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
            if (!spin->hasFocus()) {
                spin->setValue(value.toInt());
            }
        } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
            combo->clear();
            combo->addItems(sysctlChoices(entry, values));
            combo->setCurrentText(value);
            if (QLabel* note = choiceNotes_.value(entry.name)) {
                const QString explanation = choiceExplanation(entry.name, value);
                note->setText(explanation.isEmpty() ? QString()
                                                    : tr("“%1”: %2").arg(value, explanation));
                note->setVisible(!explanation.isEmpty());
            }
        }
    }
}

void SettingsPage::write(const QString& name, const QVariant& value) {
    session_.client().setSysctl(name, value, [this, name](const HelperError& error) {
        if (error.isError()) {
            // Show the kernel's value again (the read after a write already happened).
            onSysctls(session_.sysctls());
            emit message(tr("net.mptcp.%1 not changed: %2").arg(name, error.message));
        } else {
            emit message(tr("net.mptcp.%1 changed.").arg(name));
        }
    });
}

void SettingsPage::updateEnabled() {
    const bool editable = session_.status().canChangeSettings();
    for (QWidget* editor : std::as_const(editors_)) {
        editor->setEnabled(editable);
    }
}

QWidget* SettingsPage::buildAppOptions() {
    auto* group = new QGroupBox(tr("This app"));
    auto* layout = new QVBoxLayout(group);
    auto* notifyLabel = new QLabel(tr("Tell me with a notification when:"), group);
    layout->addWidget(notifyLabel);
    const QList<QPair<NotificationKind, QString>> kinds{
        {NotificationKind::PathOpened, tr("a connection starts using another path")},
        {NotificationKind::PathClosed, tr("a path closes or fails (with the reason)")},
        {NotificationKind::BackupSwitched, tr("a backup path takes over or steps back")},
    };
    for (const auto& [kind, text] : kinds) {
        auto* box = new QCheckBox(text, group);
        box->setAccessibleName(text);
        box->setChecked(settings_.notifyAbout(kind));
        connect(box, &QCheckBox::toggled, this, [this, kind = kind](bool on) {
            settings_.setNotifyAbout(kind, on);
            emit notificationChoicesChanged();
        });
        layout->addWidget(box);
    }
    pauseNotifications_ = new QCheckBox(tr("Pause all notifications for now"), group);
    pauseNotifications_->setAccessibleName(tr("Pause notifications"));
    pauseNotifications_->setChecked(settings_.notificationsPaused());
    connect(pauseNotifications_, &QCheckBox::toggled, this, [this](bool paused) {
        settings_.setNotificationsPaused(paused);
        emit notificationChoicesChanged();
    });
    layout->addWidget(pauseNotifications_);

    auto* minimized =
        new QCheckBox(tr("Start in the system tray, without opening this window"), group);
    minimized->setAccessibleName(tr("Start minimized to the tray"));
    minimized->setChecked(settings_.startMinimized());
    connect(minimized, &QCheckBox::toggled, this,
            [this](bool on) { settings_.setStartMinimized(on); });
    layout->addWidget(minimized);

    auto* autostart = new QCheckBox(tr("Start when I log in"), group);
    autostart->setAccessibleName(tr("Start when I log in"));
    autostart->setChecked(AutostartEntry().isEnabled());
    connect(autostart, &QCheckBox::toggled, this, [this, autostart](bool on) {
        QString error;
        if (!AutostartEntry().setEnabled(on, QCoreApplication::applicationFilePath(), &error)) {
            const QSignalBlocker blocker(autostart);
            autostart->setChecked(!on);
            emit message(tr("Could not change the autostart entry: %1").arg(error));
        }
    });
    layout->addWidget(autostart);
    return group;
}

void SettingsPage::updateNotificationBox(bool paused) {
    const QSignalBlocker blocker(pauseNotifications_);
    pauseNotifications_->setChecked(paused);
}
