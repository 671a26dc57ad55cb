// Captures real kernel messages as seed corpora for the fuzzers: runs in a
// network namespace of its own, configures endpoints and limits, opens an
// MPTCP connection with an extra subflow over loopback, and saves every
// message the kernel sends, prefixed with the decoder selector byte that
// fuzz_netlink_decoders uses.
#include "connections.h"
#include "event_monitor.h"
#include "netlink_socket.h"
#include "path_manager.h"

#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

std::string corpusDirectory;
int currentSelector = 0;
int saved = 0;

void save(const nlmsghdr* message) {
    const std::string path = corpusDirectory + "/seed-" + std::to_string(currentSelector) + "-" +
                             std::to_string(saved++);
    std::ofstream file(path, std::ios::binary);
    // NLMSG_ERROR and NLMSG_DONE replies seed the error decoder.
    char selector = static_cast<char>(message->nlmsg_type == NLMSG_ERROR ? 6 : currentSelector);
    file.write(&selector, 1);
    file.write(reinterpret_cast<const char*>(message), message->nlmsg_len);
}

bool check(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "capture_seeds: %s failed\n", what);
    }
    return ok;
}

int connectLoopback(int port) {
    int listener = socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<uint16_t>(port));
    if (listener < 0 || bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof(address)) ||
        listen(listener, 1)) {
        return -1;
    }
    int client = socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP);
    if (connect(client, reinterpret_cast<sockaddr*>(&address), sizeof(address))) {
        return -1;
    }
    int accepted = accept(listener, nullptr, nullptr);
    (void)!write(client, "seed", 4);
    char buffer[4];
    (void)!read(accepted, buffer, 4);
    return client;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: capture_seeds CORPUS_DIRECTORY\n");
        return 2;
    }
    corpusDirectory = argv[1];
    if (!check(unshare(CLONE_NEWNET) == 0, "unshare(CLONE_NEWNET) (needs root)") ||
        !check(std::system("ip link set lo up && ip address add 127.0.0.2/8 dev lo 2>/dev/null; "
                           "ip address add 2001:db8::1/64 dev lo nodad") == 0,
               "address setup")) {
        return 1;
    }
    mptcp::setReceiveTap(save);
    currentSelector = 5;
    auto pm = mptcp::PathManager::open();
    auto monitor = mptcp::EventMonitor::open();
    if (!check(pm.ok() && monitor.ok(), "opening mptcp_pm")) {
        return 1;
    }
    currentSelector = 0;
    mptcp::Endpoint endpoint;
    endpoint.address = *mptcp::IpAddress::parse("127.0.0.2");
    endpoint.flags = mptcp::kFlagSubflow | mptcp::kFlagBackup;
    endpoint.ifindex = 1;
    (void)pm->addEndpoint(endpoint);
    endpoint.address = *mptcp::IpAddress::parse("2001:db8::1");
    endpoint.flags = mptcp::kFlagSignal;
    endpoint.port = 9000;
    endpoint.ifindex = 0;
    (void)pm->addEndpoint(endpoint);
    (void)pm->endpoints();
    (void)pm->endpoint(1);
    (void)pm->removeEndpoint(77); // an error reply with extack
    currentSelector = 1;
    (void)pm->setLimits(4, 4);
    (void)pm->limits();
    (void)pm->setLimits(9, 0);

    currentSelector = 2;
    int client = connectLoopback(7000);
    check(client >= 0, "loopback MPTCP connection");
    usleep(300 * 1000); // time for the extra subflow to join
    currentSelector = 3;
    (void)mptcp::listConnections({true, true});
    currentSelector = 2;
    close(client);
    for (int round = 0; round < 10; ++round) {
        pollfd descriptor{monitor->fd(), POLLIN, 0};
        poll(&descriptor, 1, 50);
        (void)monitor->read(false);
    }
    std::printf("capture_seeds: %d kernel messages saved in %s\n", saved, argv[1]);
    return saved > 0 ? 0 : 1;
}
