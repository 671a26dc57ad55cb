#include "helper_calls.h"

#include "helper_proxy.h"

#include <QDBusMessage>

namespace mptcpctl {

mptcp::Error fromDBus(const QDBusError& error) {
    return mptcp::Error(0, error.message().toStdString());
}

mptcp::Status callInteractive(HelperProxy& proxy, const QString& method,
                              const QList<QVariant>& arguments) {
    QDBusMessage call = QDBusMessage::createMethodCall(proxy.service(), proxy.path(),
                                                       proxy.interface(), method);
    call.setArguments(arguments);
    call.setInteractiveAuthorizationAllowed(true);
    QDBusMessage reply = proxy.connection().call(call, QDBus::Block, proxy.timeout());
    if (reply.type() == QDBusMessage::ErrorMessage) {
        return fromDBus(QDBusError(reply));
    }
    return {};
}

} // namespace mptcpctl
