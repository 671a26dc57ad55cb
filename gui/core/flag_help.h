// Endpoint flags in plain words: a short label for column headers and check
// boxes, and what the flag does, including on which side of a connection
// (the one that connects, or the one that accepts) it matters.
#pragma once

#include <QString>

QString flagLabel(uint flag);
QString flagHelp(uint flag);
// Every flag with its help, as one paragraph per flag (for the help panel).
QString allFlagsHelp();
