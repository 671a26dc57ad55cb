#include "display_format.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace {

// Gives the strings of this file a translation context lupdate can see.
struct DisplayFormat {
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)
};

} // namespace

QString formatBytes(qulonglong bytes) {
    return QLocale().formattedDataSize(static_cast<qint64>(bytes), 1,
                                       QLocale::DataSizeTraditionalFormat);
}

QString formatRate(double bytesPerSecond) {
    return DisplayFormat::tr("%1/s").arg(QLocale().formattedDataSize(
        static_cast<qint64>(std::llround(bytesPerSecond)), 1, QLocale::DataSizeTraditionalFormat));
}

QString formatEndpoint(const QString& address, ushort port) {
    // IPv6 addresses are bracketed so the port cannot be read as part of them.
    if (address.contains(QLatin1Char(':'))) {
        return QStringLiteral("[%1]:%2").arg(address).arg(port);
    }
    return QStringLiteral("%1:%2").arg(address).arg(port);
}

QString tcpStateText(uchar state) {
    switch (state) {
    case 1:
        return DisplayFormat::tr("Established");
    case 2:
        return DisplayFormat::tr("Connecting");
    case 3:
        return DisplayFormat::tr("Answering a connection");
    case 4:
    case 5:
        return DisplayFormat::tr("Closing (sent end)");
    case 6:
        return DisplayFormat::tr("Closed, waiting");
    case 7:
        return DisplayFormat::tr("Closed");
    case 8:
        return DisplayFormat::tr("Closing (peer ended)");
    case 9:
        return DisplayFormat::tr("Closing (last data)");
    case 10:
        return DisplayFormat::tr("Listening");
    case 11:
        return DisplayFormat::tr("Closing (both ended)");
    case 12:
        return DisplayFormat::tr("Answering a connection");
    default:
        return DisplayFormat::tr("State %1").arg(state);
    }
}
