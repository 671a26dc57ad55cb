// The Limits page: how many extra paths a connection may have, and how many
// addresses announced by the other side it may use — each a slider with a
// spin box from 0 to the kernel's maximum, one sentence, and warnings when
// the limits and the endpoints together cannot work.
#pragma once

#include <QTimer>
#include <QWidget>

class HelperSession;
class QLabel;
class QSlider;
class QSpinBox;

class LimitsPage : public QWidget {
    Q_OBJECT

public:
    explicit LimitsPage(HelperSession& session, QWidget* parent = nullptr);

    QSlider* subflowsSlider() const { return subflowsSlider_; }
    QSpinBox* subflowsSpin() const { return subflowsSpin_; }
    QSlider* acceptedSlider() const { return acceptedSlider_; }
    QSpinBox* acceptedSpin() const { return acceptedSpin_; }
    QLabel* warnings() const { return warnings_; }

private:
    void onLimitsRead(uint subflows, uint addAddrAccepted);
    void onUserChange();
    void apply();
    void updateRange();
    void updateWarnings();

    HelperSession& session_;
    QSlider* subflowsSlider_;
    QSpinBox* subflowsSpin_;
    QSlider* acceptedSlider_;
    QSpinBox* acceptedSpin_;
    QLabel* subflowsRange_;
    QLabel* acceptedRange_;
    QLabel* warnings_;
    QLabel* state_;
    // Applies a moment after the last change, so a drag makes one request.
    QTimer applyTimer_;
    bool applying_ = false;
};
