#include "limits_page.h"

#include "helper_session.h"
#include "limits_advice.h"
#include "page_header.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

constexpr int kApplyDelayMilliseconds = 600;

QGroupBox* limitBox(const QString& title, const QString& sentence, QSlider* slider, QSpinBox* spin,
                    QLabel* range, QWidget* parent) {
    auto* box = new QGroupBox(title, parent);
    auto* grid = new QGridLayout(box);
    auto* text = new QLabel(sentence, box);
    text->setWordWrap(true);
    slider->setOrientation(Qt::Horizontal);
    slider->setTickPosition(QSlider::TicksBelow);
    slider->setTickInterval(1);
    slider->setPageStep(1);
    slider->setAccessibleName(title);
    spin->setAccessibleName(title);
    spin->setAccessibleDescription(sentence);
    slider->setAccessibleDescription(sentence);
    grid->addWidget(text, 0, 0, 1, 2);
    grid->addWidget(slider, 1, 0);
    grid->addWidget(spin, 1, 1);
    grid->addWidget(range, 1, 2);
    grid->setColumnStretch(0, 1);
    QObject::connect(slider, &QSlider::valueChanged, spin, &QSpinBox::setValue);
    QObject::connect(spin, &QSpinBox::valueChanged, slider, &QSlider::setValue);
    return box;
}

} // namespace

LimitsPage::LimitsPage(HelperSession& session, QWidget* parent)
    : QWidget(parent), session_(session), subflowsSlider_(new QSlider(this)),
      subflowsSpin_(new QSpinBox(this)), acceptedSlider_(new QSlider(this)),
      acceptedSpin_(new QSpinBox(this)), subflowsRange_(new QLabel(this)),
      acceptedRange_(new QLabel(this)), warnings_(new QLabel(this)), state_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    addPageHeader(layout, tr("Limits"),
                  tr("Upper bounds the kernel applies to every MPTCP connection. Both sides "
                     "have their own limits; a path opens only if both allow it."));
    layout->addWidget(limitBox(
        tr("Paths per connection"),
        tr("How many extra paths (subflows) each connection may have besides its first one. "
           "0 keeps every connection on a single path."),
        subflowsSlider_, subflowsSpin_, subflowsRange_, this));
    layout->addWidget(limitBox(
        tr("Accepted announcements"),
        tr("How many addresses announced by the other side each connection may use to open "
           "paths towards. 0 ignores every announcement."),
        acceptedSlider_, acceptedSpin_, acceptedRange_, this));

    warnings_->setWordWrap(true);
    warnings_->setAccessibleName(tr("Warnings"));
    warnings_->setTextFormat(Qt::RichText);
    layout->addWidget(warnings_);
    state_->setAccessibleName(tr("Limits state"));
    state_->setWordWrap(true);
    layout->addWidget(state_);
    layout->addStretch();

    applyTimer_.setSingleShot(true);
    applyTimer_.setInterval(kApplyDelayMilliseconds);
    connect(&applyTimer_, &QTimer::timeout, this, &LimitsPage::apply);
    for (auto* spin : {subflowsSpin_, acceptedSpin_}) {
        connect(spin, &QSpinBox::valueChanged, this, &LimitsPage::onUserChange);
    }
    for (auto* slider : {subflowsSlider_, acceptedSlider_}) {
        // A drag applies once, when let go.
        connect(slider, &QSlider::sliderReleased, this, &LimitsPage::onUserChange);
    }
    connect(&session_, &HelperSession::limitsRead, this, &LimitsPage::onLimitsRead);
    connect(&session_, &HelperSession::statusChanged, this, &LimitsPage::updateRange);
    connect(&session_.endpoints(), &QAbstractItemModel::rowsInserted, this,
            &LimitsPage::updateWarnings);
    connect(&session_.endpoints(), &QAbstractItemModel::rowsRemoved, this,
            &LimitsPage::updateWarnings);
    connect(&session_.endpoints(), &QAbstractItemModel::dataChanged, this,
            &LimitsPage::updateWarnings);
    connect(&session_, &HelperSession::eventsArrived, this, &LimitsPage::updateWarnings);
    updateRange();
    if (session_.subflowsLimit()) {
        onLimitsRead(*session_.subflowsLimit(), *session_.addAddrAcceptedLimit());
    }
}

void LimitsPage::updateRange() {
    const HelperStatus& status = session_.status();
    const int maximum = status.supportKnown ? static_cast<int>(status.support.maxLimit) : 8;
    for (auto* spin : {subflowsSpin_, acceptedSpin_}) {
        const QSignalBlocker blocker(spin);
        spin->setRange(0, maximum);
    }
    for (auto* slider : {subflowsSlider_, acceptedSlider_}) {
        const QSignalBlocker blocker(slider);
        slider->setRange(0, maximum);
    }
    for (auto* range : {subflowsRange_, acceptedRange_}) {
        range->setText(tr("0 to %1 (the kernel's most)").arg(maximum));
    }
    const bool editable = status.canChangePathManager();
    for (QWidget* control : std::initializer_list<QWidget*>{subflowsSlider_, subflowsSpin_,
                                                            acceptedSlider_, acceptedSpin_}) {
        control->setEnabled(editable);
    }
}

void LimitsPage::onLimitsRead(uint subflows, uint addAddrAccepted) {
    // The user's pending change wins over an older answer.
    if (applyTimer_.isActive() || subflowsSlider_->isSliderDown() ||
        acceptedSlider_->isSliderDown()) {
        return;
    }
    const auto show = [](QSpinBox* spin, QSlider* slider, uint value) {
        const QSignalBlocker spinBlocker(spin);
        const QSignalBlocker sliderBlocker(slider);
        spin->setValue(static_cast<int>(value));
        slider->setValue(static_cast<int>(value));
    };
    show(subflowsSpin_, subflowsSlider_, subflows);
    show(acceptedSpin_, acceptedSlider_, addAddrAccepted);
    if (!applying_) {
        state_->setText(tr("These are the kernel's current limits."));
    }
    updateWarnings();
}

void LimitsPage::onUserChange() {
    if (subflowsSlider_->isSliderDown() || acceptedSlider_->isSliderDown()) {
        return;
    }
    state_->setText(tr("Changed; applying in a moment…"));
    applyTimer_.start();
    updateWarnings();
}

void LimitsPage::apply() {
    const uint subflows = static_cast<uint>(subflowsSpin_->value());
    const uint accepted = static_cast<uint>(acceptedSpin_->value());
    if (session_.subflowsLimit() == subflows && session_.addAddrAcceptedLimit() == accepted) {
        state_->setText(tr("These are the kernel's current limits."));
        return;
    }
    applying_ = true;
    state_->setText(tr("Applying… (you may be asked for a password)"));
    session_.client().setLimits(subflows, accepted, [this](const HelperError& error) {
        applying_ = false;
        if (error.isError()) {
            state_->setText(tr("Not applied: %1").arg(error.message));
            // Show the kernel's values again rather than ones it does not have.
            session_.client().refreshLimits();
            return;
        }
        state_->setText(tr("Applied."));
    });
}

void LimitsPage::updateWarnings() {
    LimitsFacts facts;
    facts.subflows = static_cast<uint>(subflowsSpin_->value());
    facts.addAddrAccepted = static_cast<uint>(acceptedSpin_->value());
    facts.endpoints = session_.endpoints().endpoints();
    facts.addressesAnnouncedByPeers = session_.addressesAnnouncedByPeers();
    const QStringList warnings = limitsWarnings(facts);
    if (warnings.isEmpty()) {
        warnings_->clear();
        warnings_->setVisible(false);
        return;
    }
    QString html;
    for (const auto& warning : warnings) {
        html += QStringLiteral("<p>⚠ <b>%1</b> %2</p>")
                    .arg(tr("Warning:").toHtmlEscaped(), warning.toHtmlEscaped());
    }
    warnings_->setText(html);
    warnings_->setVisible(true);
}
