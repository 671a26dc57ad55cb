// Numbers and states as people read them, shared by the models and pages.
#pragma once

#include <QString>

QString formatBytes(qulonglong bytes);
QString formatRate(double bytesPerSecond);
QString formatEndpoint(const QString& address, ushort port);
// "Established", "Closing", ... for the kernel's TCP state numbers.
QString tcpStateText(uchar state);
