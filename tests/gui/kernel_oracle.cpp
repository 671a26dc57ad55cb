#include "kernel_oracle.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

namespace oracle {

namespace {

QJsonObject failure(const QString& why) {
    return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), why}};
}

QString runIp(const QStringList& arguments) {
    QProcess ip;
    ip.start(QStringLiteral("ip"), arguments);
    if (!ip.waitForFinished(20000) || ip.exitCode() != 0) {
        qWarning("ip %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                 ip.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(ip.readAllStandardOutput());
}

} // namespace

bool available() {
    return !qEnvironmentVariableIsEmpty("MPTCP_TEST_ORACLE");
}

QJsonObject request(const QJsonObject& message, int timeoutMilliseconds) {
    const QByteArray path = qgetenv("MPTCP_TEST_ORACLE");
    const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return failure(QStringLiteral("socket: %1").arg(QString::fromLocal8Bit(strerror(errno))));
    }
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.constData(), sizeof(address.sun_path) - 1);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
        ::close(fd);
        return failure(
            QStringLiteral("cannot reach the oracle at %1").arg(QString::fromLocal8Bit(path)));
    }
    const QByteArray line = QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n';
    if (::write(fd, line.constData(), static_cast<size_t>(line.size())) != line.size()) {
        ::close(fd);
        return failure(QStringLiteral("short write to the oracle"));
    }
    QByteArray answer;
    QDeadlineTimer deadline(timeoutMilliseconds);
    while (!answer.contains('\n') && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        pollfd readable{fd, POLLIN, 0};
        if (poll(&readable, 1, 10) <= 0) {
            continue;
        }
        char buffer[4096];
        const ssize_t got = ::read(fd, buffer, sizeof(buffer));
        if (got <= 0) {
            break;
        }
        answer.append(buffer, got);
    }
    ::close(fd);
    if (!answer.contains('\n')) {
        return failure(QStringLiteral("no answer from the oracle"));
    }
    return QJsonDocument::fromJson(answer.left(answer.indexOf('\n'))).object();
}

QJsonArray kernelEndpoints() {
    return QJsonDocument::fromJson(runIp({QStringLiteral("-j"), QStringLiteral("mptcp"),
                                          QStringLiteral("endpoint"), QStringLiteral("show")})
                                       .toUtf8())
        .array();
}

QJsonObject kernelLimits() {
    const QStringList words =
        runIp({QStringLiteral("mptcp"), QStringLiteral("limits"), QStringLiteral("show")})
            .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QJsonObject limits;
    for (qsizetype i = 0; i + 1 < words.size(); i += 2) {
        limits.insert(words[i], words[i + 1].trimmed().toInt());
    }
    return limits;
}

QString kernelSysctl(const QString& name) {
    QFile file(QStringLiteral("/proc/sys/net/mptcp/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromLatin1(file.readAll()).trimmed();
}

} // namespace oracle
