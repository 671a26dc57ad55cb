#include "doctor_page.h"

#include "finding_model.h"
#include "helper_session.h"
#include "page_header.h"

#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIdentityProxyModel>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace {

// The findings with the style's severity icons (the model itself holds no
// pictures: it lives in the widget-free core).
class SeverityIconModel : public QIdentityProxyModel {
public:
    SeverityIconModel(const QStyle* style, QObject* parent)
        : QIdentityProxyModel(parent), style_(style) {}

    QVariant data(const QModelIndex& index, int role) const override {
        if (role != Qt::DecorationRole) {
            return QIdentityProxyModel::data(index, role);
        }
        switch (index.data(FindingModel::SeverityRole).toUInt()) {
        case 0:
            return style_->standardIcon(QStyle::SP_MessageBoxInformation);
        case 1:
            return style_->standardIcon(QStyle::SP_MessageBoxWarning);
        default:
            return style_->standardIcon(QStyle::SP_MessageBoxCritical);
        }
    }

private:
    const QStyle* style_;
};

} // namespace

DoctorPage::DoctorPage(HelperSession& session, QWidget* parent)
    : QWidget(parent), session_(session), verdict_(new QLabel(this)), list_(new QListView(this)),
      summary_(new QLabel(this)), why_(new QLabel(this)), fixText_(new QPlainTextEdit(this)),
      fix_(new QPushButton(tr("&Fix it"), this)),
      check_(new QPushButton(tr("&Check again"), this)) {
    auto* layout = new QVBoxLayout(this);
    addPageHeader(layout, tr("Doctor"),
                  tr("Looks at the kernel, the endpoints, the interfaces, the routes and the "
                     "live connections, and says why a second path would not open."));
    verdict_->setWordWrap(true);
    verdict_->setAccessibleName(tr("Verdict"));
    auto* top = new QHBoxLayout;
    top->addWidget(verdict_, 1);
    top->addWidget(check_);
    layout->addLayout(top);

    auto* icons = new SeverityIconModel(style(), this);
    icons->setSourceModel(&session_.findings());
    list_->setModel(icons);
    list_->setAccessibleName(tr("Findings"));
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setWordWrap(true);
    list_->setIconSize(QSize(22, 22));
    list_->setSpacing(2);
    layout->addWidget(list_, 2);

    auto* details = new QGroupBox(tr("Selected finding"), this);
    auto* detailsLayout = new QVBoxLayout(details);
    QFont bold = summary_->font();
    bold.setBold(true);
    summary_->setFont(bold);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    why_->setWordWrap(true);
    why_->setAccessibleName(tr("Why it matters"));
    why_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Fixes hold command lines: fixed width, selectable, copyable.
    fixText_->setReadOnly(true);
    fixText_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fixText_->setAccessibleName(tr("How to fix it"));
    fixText_->setMaximumHeight(140);
    fixText_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    fix_->setToolTip(tr("Makes this change through the helper (you may be asked for a "
                        "password)."));
    detailsLayout->addWidget(summary_);
    detailsLayout->addWidget(why_);
    detailsLayout->addWidget(new QLabel(tr("How to fix it:"), details));
    detailsLayout->addWidget(fixText_);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(fix_);
    detailsLayout->addLayout(buttons);
    layout->addWidget(details, 1);

    FindingModel& model = session_.findings();
    connect(check_, &QPushButton::clicked, &session_.client(), &HelperClient::refreshDiagnosis);
    connect(fix_, &QPushButton::clicked, this, &DoctorPage::runFix);
    connect(list_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DoctorPage::showSelected);
    const auto rowsChanged = [this] {
        updateVerdict();
        showSelected();
    };
    connect(&model, &QAbstractItemModel::rowsInserted, this, rowsChanged);
    connect(&model, &QAbstractItemModel::rowsRemoved, this, rowsChanged);
    connect(&model, &QAbstractItemModel::rowsMoved, this, rowsChanged);
    connect(&model, &QAbstractItemModel::dataChanged, this, &DoctorPage::showSelected);
    connect(&session_, &HelperSession::statusChanged, this, [this] {
        updateVerdict();
        showSelected();
    });
    connect(&session_.client(), &HelperClient::diagnosisRead, this, [this] {
        diagnosed_ = true;
        updateVerdict();
    });
    updateVerdict();
    showSelected();
}

void DoctorPage::updateVerdict() {
    const FindingModel& model = session_.findings();
    if (model.rowCount() > 0 && !list_->currentIndex().isValid()) {
        list_->setCurrentIndex(list_->model()->index(0, 0));
    }
    const int problems = model.problemCount();
    if (session_.status().availability != HelperAvailability::Running) {
        verdict_->setText(diagnosed_ ? tr("The helper is not available; what follows is what it "
                                          "found last.")
                                     : tr("The helper is not available: nothing was checked."));
    } else if (!diagnosed_) {
        verdict_->setText(tr("Checking…"));
    } else if (model.rowCount() == 0) {
        verdict_->setText(tr("Nothing is wrong: MPTCP can open every path you configured."));
    } else if (problems == 0) {
        verdict_->setText(tr("Nothing is wrong; a few notes below."));
    } else if (problems == 1) {
        verdict_->setText(tr("One thing stops or weakens multipath:"));
    } else {
        verdict_->setText(
            tr("%1 things stop or weaken multipath, most fundamental first:").arg(problems));
    }
}

void DoctorPage::showSelected() {
    const QModelIndex current = list_->currentIndex();
    const bool any = current.isValid();
    summary_->setText(any ? current.data().toString() : QString());
    why_->setText(any ? current.data(FindingModel::WhyRole).toString() : QString());
    fixText_->setPlainText(any ? current.data(FindingModel::FixRole).toString() : QString());
    const bool hasAction = any && current.data(FindingModel::HasActionRole).toBool();
    fix_->setVisible(hasAction);
    fix_->setEnabled(hasAction && !fixing_ && session_.status().canChangeSettings());
}

void DoctorPage::runFix() {
    const QModelIndex current = list_->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const FindingRecord finding = session_.findings().findings().value(current.row());
    fixing_ = true;
    showSelected();
    session_.client().runFix(finding, [this, summary = finding.summary](const HelperError& error) {
        fixing_ = false;
        showSelected();
        if (!error.isError()) {
            emit message(tr("Fixed: %1").arg(summary));
        }
    });
}
