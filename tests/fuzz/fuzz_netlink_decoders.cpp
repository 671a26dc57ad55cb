// Every decoder of kernel replies and events, fed arbitrary bytes. The first
// byte picks the decoder so one corpus covers them all.
#include "connections.h"
#include "endpoint.h"
#include "event_monitor.h"
#include "genl_family.h"
#include "netlink_socket.h"
#include "path_manager.h"
#include "rtnetlink.h"

#include <linux/netlink.h>

#include <cstring>
#include <memory>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) {
        return 0;
    }
    const uint8_t selector = data[0];
    // An exact-size heap copy, so any read past the input is reported.
    auto bytes = std::make_unique<char[]>(size - 1 ? size - 1 : 1);
    std::memcpy(bytes.get(), data + 1, size - 1);
    std::span<const char> input(bytes.get(), size - 1);
    switch (selector % 11) {
    case 0: (void)mptcp::decodeEndpointMessage(input); break;
    case 1: (void)mptcp::decodeLimitsMessage(input); break;
    case 2: {
        std::vector<mptcp::Event> events;
        (void)mptcp::decodeEventDatagram(input, 0x1d, events);
        break;
    }
    case 3: (void)mptcp::decodeMptcpDiagMessage(input); break;
    case 4: (void)mptcp::decodeTcpDiagMessage(input); break;
    case 5:
        // These two take a header the socket layer already bounded by nlmsg_ok.
        if (input.size() >= sizeof(nlmsghdr) &&
            reinterpret_cast<const nlmsghdr*>(input.data())->nlmsg_len == input.size()) {
            (void)mptcp::decodeGenlFamily(reinterpret_cast<const nlmsghdr*>(input.data()));
        }
        break;
    case 6:
        if (input.size() >= sizeof(nlmsghdr) &&
            reinterpret_cast<const nlmsghdr*>(input.data())->nlmsg_len == input.size()) {
            (void)mptcp::decodeErrorMessage(reinterpret_cast<const nlmsghdr*>(input.data()));
        }
        break;
    // The doctor's rtnetlink replies.
    case 7: (void)doctor::decodeLinkMessage(input); break;
    case 8: (void)doctor::decodeAddressMessage(input); break;
    case 9: (void)doctor::decodeRouteMessage(input); break;
    case 10: (void)doctor::decodeRuleMessage(input); break;
    }
    return 0;
}
