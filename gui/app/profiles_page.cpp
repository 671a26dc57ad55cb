#include "profiles_page.h"

#include "helper_session.h"
#include "page_header.h"
#include "profile_editor_dialog.h"
#include "profile_text.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {

constexpr int kNameRole = Qt::UserRole + 1;
constexpr int kBuiltinRole = Qt::UserRole + 2;

QString itemText(const ProfileSummaryRecord& profile) {
    QString text = profile.name;
    if (profile.builtin) {
        text = ProfilesPage::tr("%1 (built in)").arg(text);
    }
    if (profile.active) {
        text = ProfilesPage::tr("%1 — in use").arg(text);
    }
    return text;
}

void describe(QListWidgetItem* item, const ProfileSummaryRecord& profile) {
    item->setText(itemText(profile));
    item->setData(kNameRole, profile.name);
    item->setData(kBuiltinRole, profile.builtin);
    QFont font = item->font();
    font.setBold(profile.active);
    item->setFont(font);
}

} // namespace

ProfilesPage::ProfilesPage(HelperSession& session, QWidget* parent)
    : QWidget(parent), session_(session), list_(new QListWidget(this)),
      status_(new QTextBrowser(this)), use_(new QPushButton(tr("&Use"), this)),
      stop_(new QPushButton(tr("&Stop using"), this)), new_(new QPushButton(tr("&New…"), this)),
      edit_(new QPushButton(tr("&Edit…"), this)), copy_(new QPushButton(tr("Co&py…"), this)),
      delete_(new QPushButton(tr("&Delete"), this)) {
    auto* layout = new QVBoxLayout(this);
    addPageHeader(layout, tr("Profiles"),
                  tr("A profile says which interfaces carry extra paths. The helper keeps it "
                     "true while addresses come and go, after suspend and after a reboot, and "
                     "never touches endpoints it did not make."));
    auto* body = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    list_->setAccessibleName(tr("Profiles"));
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    left->addWidget(list_, 1);
    auto* row1 = new QHBoxLayout;
    row1->addWidget(use_);
    row1->addWidget(stop_);
    left->addLayout(row1);
    auto* row2 = new QHBoxLayout;
    for (QPushButton* button : {new_, edit_, copy_, delete_}) {
        row2->addWidget(button);
    }
    left->addLayout(row2);
    body->addLayout(left, 2);
    status_->setAccessibleName(tr("Profile status"));
    status_->setOpenLinks(false);
    body->addWidget(status_, 3);
    layout->addLayout(body, 1);

    use_->setToolTip(tr("Make the selected profile the one the helper keeps true."));
    stop_->setToolTip(tr("Delete the endpoints the profile made and stop following the "
                         "network. Limits keep their values."));
    copy_->setToolTip(tr("A new profile starting from the selected one (built-in presets "
                         "are changed this way)."));

    connect(&session_, &HelperSession::profilesRead, this, &ProfilesPage::onProfiles);
    connect(&session_, &HelperSession::profileStatusRead, this, &ProfilesPage::onStatus);
    connect(&session_, &HelperSession::statusChanged, this, &ProfilesPage::updateButtons);
    connect(list_, &QListWidget::currentRowChanged, this, &ProfilesPage::updateButtons);
    connect(list_, &QListWidget::itemDoubleClicked, this, [this] { editSelected(false); });
    connect(use_, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        busy_ = true;
        updateButtons();
        session_.client().activateProfile(name, [this, name](const HelperError& error) {
            busy_ = false;
            updateButtons();
            if (!error.isError()) {
                emit message(tr("Using profile \"%1\".").arg(name));
            }
        });
    });
    connect(stop_, &QPushButton::clicked, this, [this] {
        busy_ = true;
        updateButtons();
        session_.client().deactivateProfile([this](const HelperError& error) {
            busy_ = false;
            updateButtons();
            if (!error.isError()) {
                emit message(tr("No profile in use; its endpoints are deleted."));
            }
        });
    });
    connect(new_, &QPushButton::clicked, this, [this] {
        ProfileRecord profile;
        profile.interfaces.append({QStringLiteral("*"), 2 /* subflow */, 0, false});
        openEditor(profile, true);
    });
    connect(edit_, &QPushButton::clicked, this, [this] { editSelected(false); });
    connect(copy_, &QPushButton::clicked, this, [this] { editSelected(true); });
    connect(delete_, &QPushButton::clicked, this, &ProfilesPage::deleteSelected);
    ageTimer_.setInterval(10000);
    connect(&ageTimer_, &QTimer::timeout, this, [this] { onStatus(session_.profileStatus()); });

    onProfiles(session_.profiles());
    onStatus(session_.profileStatus());
}

bool ProfilesPage::select(const QString& name) {
    for (int row = 0; row < list_->count(); ++row) {
        if (list_->item(row)->data(kNameRole).toString() == name) {
            list_->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

QString ProfilesPage::selectedName() const {
    const QListWidgetItem* item = list_->currentItem();
    return item ? item->data(kNameRole).toString() : QString();
}

bool ProfilesPage::selectedIsBuiltin() const {
    const QListWidgetItem* item = list_->currentItem();
    return item && item->data(kBuiltinRole).toBool();
}

void ProfilesPage::onProfiles(const ProfileSummaryList& profiles) {
    profiles_ = profiles;
    // Row by row, by name, so the selection stays where the person left it.
    for (int row = list_->count() - 1; row >= 0; --row) {
        const QString name = list_->item(row)->data(kNameRole).toString();
        const bool wanted = std::any_of(profiles.begin(), profiles.end(),
                                        [&](const auto& profile) { return profile.name == name; });
        if (!wanted) {
            delete list_->takeItem(row);
        }
    }
    for (int i = 0; i < profiles.size(); ++i) {
        QListWidgetItem* item = list_->item(i);
        if (!item || item->data(kNameRole).toString() != profiles[i].name) {
            item = new QListWidgetItem;
            list_->insertItem(i, item);
        }
        describe(item, profiles[i]);
    }
    // Names that moved leave stale duplicates behind the ones just placed.
    while (list_->count() > profiles.size()) {
        delete list_->takeItem(list_->count() - 1);
    }
    if (!pendingSelection_.isEmpty() && select(pendingSelection_)) {
        pendingSelection_.clear();
    }
    if (!list_->currentItem() && list_->count() > 0) {
        list_->setCurrentRow(0);
    }
    updateButtons();
}

void ProfilesPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    onStatus(session_.profileStatus());
}

void ProfilesPage::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    ageTimer_.stop();
}

void ProfilesPage::onStatus(const ProfileStatusRecord& status) {
    status_->setHtml(profileStatusHtml(status, QDateTime::currentDateTimeUtc()));
    if (status.active.isEmpty() || !isVisible()) {
        ageTimer_.stop();
    } else if (!ageTimer_.isActive()) {
        ageTimer_.start();
    }
    updateButtons();
}

void ProfilesPage::updateButtons() {
    const bool can = session_.status().canChangeSettings() && !busy_;
    const QString name = selectedName();
    const bool active = !name.isEmpty() && name == session_.profileStatus().active;
    use_->setEnabled(can && !name.isEmpty() && !active);
    stop_->setEnabled(can && !session_.profileStatus().active.isEmpty());
    new_->setEnabled(can);
    edit_->setEnabled(can && !name.isEmpty() && !selectedIsBuiltin());
    copy_->setEnabled(can && !name.isEmpty());
    delete_->setEnabled(can && !name.isEmpty() && !selectedIsBuiltin() && !active);
}

void ProfilesPage::editSelected(bool asCopy) {
    const QString name = selectedName();
    if (name.isEmpty() || (!asCopy && selectedIsBuiltin())) {
        return;
    }
    session_.client().readProfile(
        name, [this, asCopy](const HelperError& error, const ProfileRecord& read) {
            if (error.isError()) {
                emit message(tr("Cannot read the profile: %1").arg(error.message));
                return;
            }
            ProfileRecord profile = read;
            if (asCopy) {
                profile.name = tr("%1 (copy)").arg(profile.name);
            }
            openEditor(profile, asCopy);
        });
}

void ProfilesPage::openEditor(const ProfileRecord& profile, bool isNew) {
    if (editor_) {
        editor_->raise();
        return;
    }
    editor_ = new ProfileEditorDialog(session_, profile, isNew, this);
    editor_->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor_, &ProfileEditorDialog::saved, this, [this](const QString& name) {
        emit message(tr("Profile \"%1\" saved.").arg(name));
        if (!select(name)) {
            pendingSelection_ = name;
        }
    });
    editor_->open();
}

void ProfilesPage::deleteSelected() {
    const QString name = selectedName();
    if (name.isEmpty()) {
        return;
    }
    // Not exec(): the window keeps running (and tests answer the box).
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete profile"),
                                tr("Delete the profile \"%1\"?").arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, name](int result) {
        if (result == QMessageBox::Yes) {
            deleteNamed(name);
        }
    });
    box->open();
}

void ProfilesPage::deleteNamed(const QString& name) {
    session_.client().deleteProfile(name, [this, name](const HelperError& error) {
        if (!error.isError()) {
            emit message(tr("Profile \"%1\" deleted.").arg(name));
        }
    });
}

ProfileEditorDialog* ProfilesPage::editor() const {
    return editor_;
}
