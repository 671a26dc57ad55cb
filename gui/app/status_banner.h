// The strip at the top of the window that says why the window cannot do
// everything right now (helper missing, restarting, MPTCP off, read-only,
// a kernel error) and offers the one thing that helps.
#pragma once

#include "status_banner_text.h"

#include <QFrame>

class QLabel;
class QPushButton;

class StatusBanner : public QFrame {
    Q_OBJECT

public:
    explicit StatusBanner(QWidget* parent = nullptr);

    void show(const BannerContent& content);
    const BannerContent& content() const { return content_; }

signals:
    void enableMptcpRequested();
    void retryRequested();

private:
    QLabel* icon_;
    QLabel* title_;
    QLabel* text_;
    QPushButton* action_;
    BannerContent content_;
};
