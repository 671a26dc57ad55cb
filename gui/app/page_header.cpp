#include "page_header.h"

#include <QLabel>
#include <QVBoxLayout>

void addPageHeader(QVBoxLayout* layout, const QString& title, const QString& introduction) {
    auto* heading = new QLabel(title);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.35);
    font.setBold(true);
    heading->setFont(font);
    heading->setAccessibleName(title);
    auto* text = new QLabel(introduction);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    heading->setBuddy(text);
    layout->addWidget(heading);
    layout->addWidget(text);
}
