#include "endpoint_input.h"

#include "validation.h"

#include <QCoreApplication>

namespace {

// Gives the strings of this file a translation context lupdate can see.
struct EndpointInputText {
    Q_DECLARE_TR_FUNCTIONS(EndpointInputText)
};

} // namespace

EndpointCheck checkEndpointInput(const EndpointInput& input) {
    EndpointCheck check;
    bool number = true;
    uint port = 0;
    if (!input.port.trimmed().isEmpty()) {
        port = input.port.trimmed().toUInt(&number);
        if (!number || port > 65535) {
            check.problem = EndpointInputText::tr("The port must be a number from 1 to 65535.");
            return check;
        }
    }
    uint id = 0;
    if (!input.id.trimmed().isEmpty()) {
        id = input.id.trimmed().toUInt(&number);
        if (!number) {
            check.problem =
                EndpointInputText::tr("The ID must be a number from 1 to 255, or empty.");
            return check;
        }
    }
    const auto validated = helper::validateNewEndpoint(
        input.address.trimmed().toStdString(), static_cast<uint16_t>(port),
        input.ifname.trimmed().toStdString(), id, input.flags);
    if (const auto* refusal = std::get_if<helper::ValidationError>(&validated)) {
        // The helper's sentence: the same words the helper would answer with.
        QString message = QString::fromStdString(refusal->message);
        if (!message.isEmpty()) {
            message[0] = message[0].toUpper();
        }
        check.problem = message + QLatin1Char('.');
        return check;
    }
    check.endpoint = {id, input.address.trimmed(), static_cast<ushort>(port),
                      input.ifname.trimmed(), input.flags};
    constexpr uint kUsed = mptcp::kFlagSignal | mptcp::kFlagSubflow | mptcp::kFlagLaminar;
    if (!(input.flags & kUsed)) {
        check.hint =
            EndpointInputText::tr("Without “Announce”, “Open paths” or “Laminar” the kernel keeps "
                                  "this endpoint but does not use it for new paths.");
    } else if (input.ifname.trimmed().isEmpty() && (input.flags & mptcp::kFlagSubflow)) {
        check.hint =
            EndpointInputText::tr("Choosing the interface makes sure the extra path leaves "
                                  "through it, even when routing would pick another.");
    }
    return check;
}
