#include "status_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

StatusBanner::StatusBanner(QWidget* parent)
    : QFrame(parent), icon_(new QLabel(this)), title_(new QLabel(this)), text_(new QLabel(this)),
      action_(new QPushButton(this)) {
    setObjectName(QStringLiteral("statusBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Status"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    icon_->setAlignment(Qt::AlignTop);
    layout->addWidget(icon_);
    auto* words = new QVBoxLayout;
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    text_->setWordWrap(true);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    words->addWidget(title_);
    words->addWidget(text_);
    layout->addLayout(words, 1);
    layout->addWidget(action_, 0, Qt::AlignVCenter);
    connect(action_, &QPushButton::clicked, this, [this] {
        if (content_.action == BannerContent::Action::EnableMptcp) {
            emit enableMptcpRequested();
        } else {
            emit retryRequested();
        }
    });
    setVisible(false);
}

void StatusBanner::show(const BannerContent& content) {
    content_ = content;
    if (content.severity == BannerContent::Severity::None) {
        setVisible(false);
        return;
    }
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    QString background = QStringLiteral("#e8f1fb");
    QString border = QStringLiteral("#7aa7d6");
    if (content.severity == BannerContent::Severity::Warning) {
        pixmap = QStyle::SP_MessageBoxWarning;
        background = QStringLiteral("#fff4d6");
        border = QStringLiteral("#d9a520");
    } else if (content.severity == BannerContent::Severity::Error) {
        pixmap = QStyle::SP_MessageBoxCritical;
        background = QStringLiteral("#fde7e7");
        border = QStringLiteral("#d46a6a");
    }
    // The icon's shape and the title's words carry the meaning; the colours only help.
    setStyleSheet(QStringLiteral("#statusBanner { background: %1; border: 1px solid %2; "
                                 "border-radius: 4px; } #statusBanner QLabel { color: #1d1d1d; }")
                      .arg(background, border));
    icon_->setPixmap(style()->standardIcon(pixmap).pixmap(32, 32));
    title_->setText(content.title);
    text_->setText(content.text);
    setAccessibleDescription(content.title + QStringLiteral(": ") + content.text);
    switch (content.action) {
    case BannerContent::Action::EnableMptcp:
        action_->setText(tr("Turn MPTCP on"));
        action_->setAccessibleName(tr("Turn MPTCP on"));
        action_->setVisible(true);
        break;
    case BannerContent::Action::Retry:
        action_->setText(tr("Try again"));
        action_->setAccessibleName(tr("Try again"));
        action_->setVisible(true);
        break;
    case BannerContent::Action::None:
        action_->setVisible(false);
        break;
    }
    setVisible(true);
}
