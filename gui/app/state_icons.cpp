#include "state_icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {

const QColor kInk(0x2b, 0x2f, 0x36);
const QColor kPaper(0xf4, 0xf6, 0xf8);
const QColor kIdle(0x4b, 0x55, 0x63);
const QColor kActive(0x1f, 0x7a, 0x4d);
const QColor kWarning(0xd9, 0x8e, 0x04);
const QColor kDoctor(0xc0, 0x26, 0x2d);

// Three paths leaving one point and meeting again: MPTCP's subflows.
QPainterPath forkPath(qreal size) {
    QPainterPath path;
    const qreal left = size * 0.14;
    const qreal right = size * 0.86;
    const qreal middle = size * 0.5;
    path.moveTo(left, middle);
    path.cubicTo(size * 0.38, size * 0.12, size * 0.62, size * 0.12, right, middle);
    path.moveTo(left, middle);
    path.lineTo(right, middle);
    path.moveTo(left, middle);
    path.cubicTo(size * 0.38, size * 0.88, size * 0.62, size * 0.88, right, middle);
    return path;
}

// Idle draws the ends hollow, in use they are filled: a difference of shape.
void drawFork(QPainter& painter, qreal size, const QColor& color, bool filled) {
    // A thin light halo keeps the dark lines visible on dark panels.
    painter.setPen(QPen(kPaper, size * 0.15, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(forkPath(size));
    painter.setPen(QPen(color, size * 0.08, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(forkPath(size));
    const qreal dot = size * 0.1;
    painter.setPen(QPen(filled ? kPaper : color, size * (filled ? 0.03 : 0.06)));
    painter.setBrush(filled ? color : kPaper);
    painter.drawEllipse(QPointF(size * 0.14, size * 0.5), dot, dot);
    painter.drawEllipse(QPointF(size * 0.86, size * 0.5), dot, dot);
}

void drawOff(QPainter& painter, qreal size) {
    const QRectF circle(size * 0.14, size * 0.14, size * 0.72, size * 0.72);
    const QLineF slash(QPointF(size * 0.27, size * 0.73), QPointF(size * 0.73, size * 0.27));
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(kPaper, size * 0.15, Qt::SolidLine, Qt::RoundCap));
    painter.drawEllipse(circle);
    painter.drawLine(slash);
    painter.setPen(QPen(kInk, size * 0.08, Qt::SolidLine, Qt::RoundCap));
    painter.drawEllipse(circle);
    painter.drawLine(slash);
}

void drawCountBadge(QPainter& painter, qreal size, int count) {
    const QRectF badge(size * 0.52, size * 0.52, size * 0.46, size * 0.46);
    painter.setPen(QPen(kPaper, size * 0.04));
    painter.setBrush(kInk);
    painter.drawRoundedRect(badge, size * 0.1, size * 0.1);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(static_cast<int>(size * (count > 9 ? 0.26 : 0.34)));
    painter.setFont(font);
    painter.setPen(kPaper);
    painter.drawText(badge, Qt::AlignCenter,
                     count > 99 ? QStringLiteral("99+") : QString::number(count));
}

void drawWarningBadge(QPainter& painter, qreal size) {
    QPainterPath triangle;
    triangle.moveTo(size * 0.75, size * 0.46);
    triangle.lineTo(size * 0.99, size * 0.96);
    triangle.lineTo(size * 0.51, size * 0.96);
    triangle.closeSubpath();
    painter.setPen(QPen(kInk, size * 0.04, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(kWarning);
    painter.drawPath(triangle);
    painter.setPen(QPen(kInk, size * 0.06, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(size * 0.75, size * 0.62), QPointF(size * 0.75, size * 0.78));
    painter.drawPoint(QPointF(size * 0.75, size * 0.88));
}

// The doctor found something: a round red badge with a white cross in the
// top right corner, apart from the count and the warning triangle below.
void drawDoctorBadge(QPainter& painter, qreal size) {
    const QRectF badge(size * 0.56, size * 0.02, size * 0.42, size * 0.42);
    painter.setPen(QPen(kPaper, size * 0.04));
    painter.setBrush(kDoctor);
    painter.drawEllipse(badge);
    painter.setPen(QPen(kPaper, size * 0.08, Qt::SolidLine, Qt::FlatCap));
    const QPointF centre = badge.center();
    const qreal arm = size * 0.12;
    painter.drawLine(QPointF(centre.x() - arm, centre.y()), QPointF(centre.x() + arm, centre.y()));
    painter.drawLine(QPointF(centre.x(), centre.y() - arm), QPointF(centre.x(), centre.y() + arm));
}

// The names the states are installed under (hicolor, status); an icon
// theme may draw them its own way.
QString themeName(TrayCondition condition) {
    switch (condition) {
    case TrayCondition::Off:
        return QStringLiteral("mptcp-manager-off");
    case TrayCondition::Idle:
        return QStringLiteral("mptcp-manager-idle");
    case TrayCondition::Active:
        return QStringLiteral("mptcp-manager-active");
    case TrayCondition::Degraded:
        return QStringLiteral("mptcp-manager-degraded");
    }
    return {};
}

// The state from the icon theme, when it has one that renders at this size.
bool drawThemed(QPainter& painter, TrayCondition condition, int size) {
    const QIcon themed = QIcon::fromTheme(themeName(condition));
    const QPixmap pixmap = themed.isNull() ? QPixmap() : themed.pixmap(size, size);
    if (pixmap.isNull()) {
        return false;
    }
    painter.drawPixmap(QRect(0, 0, size, size), pixmap);
    return true;
}

QPixmap drawState(TrayCondition condition, int subflows, bool doctor, int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal extent = size;
    // Numbers and the doctor's cross are ours on any theme.
    if (drawThemed(painter, condition, size)) {
        if (condition == TrayCondition::Active && subflows > 0) {
            drawCountBadge(painter, extent, subflows);
        }
        if (doctor) {
            drawDoctorBadge(painter, extent);
        }
        return pixmap;
    }
    switch (condition) {
    case TrayCondition::Off:
        drawOff(painter, extent);
        break;
    case TrayCondition::Idle:
        drawFork(painter, extent, kIdle, false);
        break;
    case TrayCondition::Active:
        drawFork(painter, extent, kActive, true);
        if (subflows > 0) {
            drawCountBadge(painter, extent, subflows);
        }
        break;
    case TrayCondition::Degraded:
        drawFork(painter, extent, kInk, true);
        drawWarningBadge(painter, extent);
        break;
    }
    if (doctor) {
        drawDoctorBadge(painter, extent);
    }
    return pixmap;
}

} // namespace

QIcon stateIcon(TrayCondition condition, int subflows, bool doctorBadge) {
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64, 128}) {
        icon.addPixmap(drawState(condition, subflows, doctorBadge, size));
    }
    return icon;
}
