// mptcp_load: MPTCP load for the benchmarks (bench/run builds it with g++).
//
//   mptcp_load server PORT [ADDR]
//       Accepts MPTCP connections, drains them and closes each when its peer
//       does. Runs until SIGTERM/SIGINT. Prints "LISTENING" once it listens.
//   mptcp_load churn ADDR PORT SECONDS [WINDOW]
//       For SECONDS, keeps WINDOW connections in flight: connect, send one
//       byte (the server's DSS ack makes the connection fully established, so
//       the path manager opens the extra subflow), wait until every subflow
//       is established and there are two (at most 1 s), close; repeat.
//       Prints one JSON line of counts at the end.
//   mptcp_load hold ADDR PORT N [WINDOW]
//       Opens N connections the same way and keeps them; prints
//       "READY <established> <with two subflows>" and holds them until stdin
//       reaches EOF, then closes them all and exits.
//
// Bounded: churn stops at its deadline, hold after N connections; every wait
// has a timeout. Only the address given on the command line is contacted.
#include <arpa/inet.h>
#include <linux/mptcp.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#ifndef IPPROTO_MPTCP
#define IPPROTO_MPTCP 262
#endif
#ifndef SOL_MPTCP
#define SOL_MPTCP 284
#endif

namespace {

using Clock = std::chrono::steady_clock;
volatile sig_atomic_t stopping = 0;

void onSignal(int) { stopping = 1; }

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

void raiseFileLimit(rlim_t wanted) {
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur >= wanted) return;
    limit.rlim_cur = wanted;
    if (limit.rlim_max < wanted) limit.rlim_max = wanted;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0) {
        std::fprintf(stderr, "mptcp_load: cannot raise RLIMIT_NOFILE to %lu: %s\n",
                     static_cast<unsigned long>(wanted), std::strerror(errno));
    }
}

sockaddr_in parseAddress(const char* address, const char* port) {
    sockaddr_in sin{};
    sin.sin_family = AF_INET;
    sin.sin_port = htons(static_cast<uint16_t>(std::atoi(port)));
    if (inet_pton(AF_INET, address, &sin.sin_addr) != 1) {
        std::fprintf(stderr, "mptcp_load: bad IPv4 address %s\n", address);
        std::exit(2);
    }
    return sin;
}

int runServer(const char* port, const char* address) {
    raiseFileLimit(1 << 16);
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_MPTCP);
    if (listener < 0) {
        std::perror("mptcp_load: MPTCP socket");
        return 1;
    }
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in sin = parseAddress(address ? address : "0.0.0.0", port);
    if (bind(listener, reinterpret_cast<sockaddr*>(&sin), sizeof(sin)) != 0 ||
        listen(listener, 4096) != 0) {
        std::perror("mptcp_load: bind/listen");
        return 1;
    }
    int epoll = epoll_create1(EPOLL_CLOEXEC);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = listener;
    epoll_ctl(epoll, EPOLL_CTL_ADD, listener, &event);
    std::printf("LISTENING\n");
    std::fflush(stdout);
    std::vector<epoll_event> ready(256);
    char buffer[4096];
    while (!stopping) {
        int count = epoll_wait(epoll, ready.data(), static_cast<int>(ready.size()), 200);
        for (int i = 0; i < count; ++i) {
            int fd = ready[i].data.fd;
            if (fd == listener) {
                for (;;) {
                    int conn = accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
                    if (conn < 0) break;
                    epoll_event connEvent{};
                    connEvent.events = EPOLLIN | EPOLLRDHUP;
                    connEvent.data.fd = conn;
                    epoll_ctl(epoll, EPOLL_CTL_ADD, conn, &connEvent);
                }
                continue;
            }
            ssize_t got = read(fd, buffer, sizeof(buffer));
            if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR)) {
                close(fd); // also leaves the epoll set
            }
        }
    }
    return 0;
}

// Connections in flight, driven by one epoll loop.
struct Flight {
    enum State { Connecting, Joining } state = Connecting;
    Clock::time_point started;
};

struct Counters {
    long opened = 0, established = 0, joined = 0, noJoin = 0, failed = 0;
};

// Every subflow of `fd` established, and how many there are.
int establishedSubflows(int fd) {
    struct {
        mptcp_subflow_data header;
        tcp_info info[8];
    } data{};
    data.header.size_subflow_data = sizeof(data.header);
    data.header.size_user = sizeof(tcp_info);
    socklen_t length = sizeof(data);
    if (getsockopt(fd, SOL_MPTCP, MPTCP_TCPINFO, &data, &length) != 0) {
        return -1;
    }
    unsigned count = std::min<unsigned>(data.header.num_subflows, 8);
    for (unsigned i = 0; i < count; ++i) {
        if (data.info[i].tcpi_state != TCP_ESTABLISHED) return 0;
    }
    return static_cast<int>(count);
}

class Driver {
public:
    Driver(sockaddr_in target, int window) : target_(target), window_(window) {
        epoll_ = epoll_create1(EPOLL_CLOEXEC);
    }

    // Starts connections until `window` are in flight (or `budget` runs out).
    void fill(long& budget) {
        while (static_cast<int>(flights_.size()) < window_ && budget != 0 && !stopping) {
            int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_MPTCP);
            if (fd < 0) {
                ++counters.failed;
                return;
            }
            ++counters.opened;
            if (budget > 0) --budget;
            int rc = connect(fd, reinterpret_cast<const sockaddr*>(&target_), sizeof(target_));
            if (rc != 0 && errno != EINPROGRESS) {
                ++counters.failed;
                close(fd);
                continue;
            }
            epoll_event event{};
            event.events = EPOLLOUT;
            event.data.fd = fd;
            epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &event);
            flights_[fd] = Flight{Flight::Connecting, Clock::now()};
        }
    }

    // One round: handles writable sockets and checks joins. Completed
    // connections go to `done` (churn closes them, hold keeps them).
    void step(std::vector<int>& done, int timeoutMs) {
        epoll_event ready[256];
        int count = epoll_wait(epoll_, ready, 256, timeoutMs);
        for (int i = 0; i < count; ++i) {
            int fd = ready[i].data.fd;
            auto found = flights_.find(fd);
            if (found == flights_.end() || found->second.state != Flight::Connecting) continue;
            int error = 0;
            socklen_t length = sizeof(error);
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
            epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
            if (error != 0) {
                ++counters.failed;
                close(fd);
                flights_.erase(found);
                continue;
            }
            ++counters.established;
            char byte = 'm';
            (void)!write(fd, &byte, 1);
            found->second.state = Flight::Joining;
        }
        const auto now = Clock::now();
        for (auto it = flights_.begin(); it != flights_.end();) {
            if (it->second.state != Flight::Joining) {
                if (now - it->second.started > std::chrono::seconds(5)) {
                    ++counters.failed;
                    close(it->first);
                    it = flights_.erase(it);
                } else {
                    ++it;
                }
                continue;
            }
            int subflows = establishedSubflows(it->first);
            if (subflows >= 2) {
                ++counters.joined;
            } else if (now - it->second.started < std::chrono::seconds(1)) {
                ++it;
                continue;
            } else {
                ++counters.noJoin;
            }
            done.push_back(it->first);
            it = flights_.erase(it);
        }
    }

    bool idle() const { return flights_.empty(); }

    Counters counters;

private:
    sockaddr_in target_;
    int window_;
    int epoll_;
    std::unordered_map<int, Flight> flights_;
};

int runChurn(const char* address, const char* port, double seconds, int window) {
    raiseFileLimit(1 << 14);
    Driver driver(parseAddress(address, port), window);
    const auto start = Clock::now();
    long unlimited = -1;
    std::vector<int> done;
    while (!stopping && secondsSince(start) < seconds) {
        driver.fill(unlimited);
        done.clear();
        driver.step(done, 1);
        for (int fd : done) close(fd);
    }
    // Let what is in flight finish (bounded: each has a 1 s / 5 s timeout).
    const auto drainStart = Clock::now();
    while (!driver.idle() && secondsSince(drainStart) < 6) {
        done.clear();
        driver.step(done, 1);
        for (int fd : done) close(fd);
    }
    const double elapsed = secondsSince(start);
    const auto& c = driver.counters;
    std::printf("{\"opened\": %ld, \"established\": %ld, \"joined\": %ld, \"no_join\": %ld, "
                "\"failed\": %ld, \"seconds\": %.3f}\n",
                c.opened, c.established, c.joined, c.noJoin, c.failed, elapsed);
    std::fflush(stdout);
    return 0;
}

int runHold(const char* address, const char* port, long total, int window) {
    raiseFileLimit(static_cast<rlim_t>(total) + 1024);
    Driver driver(parseAddress(address, port), window);
    std::vector<int> held;
    held.reserve(static_cast<size_t>(total));
    long budget = total;
    const auto start = Clock::now();
    while (!stopping && (budget > 0 || !driver.idle()) && secondsSince(start) < 120) {
        driver.fill(budget);
        driver.step(held, 1);
    }
    std::printf("READY %ld %ld %.3f\n", driver.counters.established, driver.counters.joined,
                secondsSince(start));
    std::fflush(stdout);
    // Hold until stdin closes (or a signal).
    char buffer[64];
    while (!stopping) {
        pollfd in{0, POLLIN, 0};
        if (poll(&in, 1, 500) > 0 && read(0, buffer, sizeof(buffer)) <= 0) break;
    }
    for (int fd : held) close(fd);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    std::signal(SIGPIPE, SIG_IGN);
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "server" && argc >= 3) {
        return runServer(argv[2], argc > 3 ? argv[3] : nullptr);
    }
    if (mode == "churn" && argc >= 5) {
        return runChurn(argv[2], argv[3], std::atof(argv[4]), argc > 5 ? std::atoi(argv[5]) : 32);
    }
    if (mode == "hold" && argc >= 5) {
        return runHold(argv[2], argv[3], std::atol(argv[4]), argc > 5 ? std::atoi(argv[5]) : 64);
    }
    std::fprintf(stderr,
                 "usage: mptcp_load server PORT [ADDR] | churn ADDR PORT SECONDS [WINDOW] | "
                 "hold ADDR PORT N [WINDOW]\n");
    return 255;
}
