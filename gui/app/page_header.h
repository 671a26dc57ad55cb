// The title and the one-paragraph introduction at the top of every page.
#pragma once

#include <QString>

class QVBoxLayout;

void addPageHeader(QVBoxLayout* layout, const QString& title, const QString& introduction);
