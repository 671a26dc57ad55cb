#include "network_interfaces.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

namespace {

constexpr int kArphrdEther = 1;
constexpr int kArphrdLoopback = 772;

QString readLine(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll()).trimmed();
}

QString ueventValue(const QString& directory, const QString& key) {
    QFile file(directory + QStringLiteral("/uevent"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QString prefix = key + QLatin1Char('=');
    for (const QByteArray& line : file.readAll().split('\n')) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (text.startsWith(prefix)) {
            return text.mid(prefix.size());
        }
    }
    return {};
}

// The address as text, or nothing for loopback and link-local addresses:
// peers elsewhere cannot reach those, so they make no endpoints.
QString usableAddress(const sockaddr* socketAddress) {
    char text[INET6_ADDRSTRLEN] = {};
    if (socketAddress->sa_family == AF_INET) {
        const auto* ipv4 = reinterpret_cast<const sockaddr_in*>(socketAddress);
        const uint32_t host = ntohl(ipv4->sin_addr.s_addr);
        if ((host >> 24) == 127 || (host >> 16) == 0xa9fe) {
            return {};
        }
        inet_ntop(AF_INET, &ipv4->sin_addr, text, sizeof(text));
    } else {
        const auto* ipv6 = reinterpret_cast<const sockaddr_in6*>(socketAddress);
        if (IN6_IS_ADDR_LOOPBACK(&ipv6->sin6_addr) || IN6_IS_ADDR_LINKLOCAL(&ipv6->sin6_addr)) {
            return {};
        }
        inet_ntop(AF_INET6, &ipv6->sin6_addr, text, sizeof(text));
    }
    return QString::fromLatin1(text);
}

struct AddressesAndFlags {
    QStringList addresses;
    bool up = false;
};

QHash<QString, AddressesAndFlags> addressesByInterface() {
    QHash<QString, AddressesAndFlags> result;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) {
        return result;
    }
    for (ifaddrs* entry = list; entry != nullptr; entry = entry->ifa_next) {
        const QString name = QString::fromLocal8Bit(entry->ifa_name);
        AddressesAndFlags& found = result[name];
        found.up = found.up || (entry->ifa_flags & IFF_UP);
        if (entry->ifa_addr == nullptr ||
            (entry->ifa_addr->sa_family != AF_INET && entry->ifa_addr->sa_family != AF_INET6)) {
            continue;
        }
        const QString address = usableAddress(entry->ifa_addr);
        if (!address.isEmpty()) {
            found.addresses.append(address);
        }
    }
    freeifaddrs(list);
    return result;
}

} // namespace

InterfaceKind interfaceKind(const QString& sysfsRoot, const QString& name) {
    const QString directory = sysfsRoot + QLatin1Char('/') + name;
    const QString deviceType = ueventValue(directory, QStringLiteral("DEVTYPE"));
    if (QFileInfo::exists(directory + QStringLiteral("/wireless")) ||
        QFileInfo::exists(directory + QStringLiteral("/phy80211")) ||
        deviceType == QLatin1String("wlan")) {
        return InterfaceKind::WiFi;
    }
    if (deviceType == QLatin1String("wwan")) {
        return InterfaceKind::MobileBroadband;
    }
    // Bridges, VLANs, bonds and the like say what they are; plain NICs (and
    // veth pairs, which behave like them) do not.
    if (deviceType.isEmpty() &&
        readLine(directory + QStringLiteral("/type")).toInt() == kArphrdEther) {
        return InterfaceKind::Ethernet;
    }
    return InterfaceKind::Other;
}

QList<NetworkInterface> listNetworkInterfaces(const QString& sysfsRoot) {
    const QHash<QString, AddressesAndFlags> addresses = addressesByInterface();
    QList<NetworkInterface> interfaces;
    const QStringList names =
        QDir(sysfsRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System);
    for (const QString& name : names) {
        const QString directory = sysfsRoot + QLatin1Char('/') + name;
        if (readLine(directory + QStringLiteral("/type")).toInt() == kArphrdLoopback) {
            continue;
        }
        NetworkInterface interface;
        interface.name = name;
        interface.kind = interfaceKind(sysfsRoot, name);
        const auto found = addresses.constFind(name);
        if (found != addresses.constEnd()) {
            interface.addresses = found->addresses;
            interface.up = found->up;
        }
        interfaces.append(interface);
    }
    std::stable_sort(interfaces.begin(), interfaces.end(),
                     [](const NetworkInterface& left, const NetworkInterface& right) {
                         if (left.kind != right.kind) {
                             return left.kind < right.kind;
                         }
                         return left.name < right.name;
                     });
    return interfaces;
}

QString interfaceKindText(InterfaceKind kind) {
    switch (kind) {
    case InterfaceKind::WiFi:
        return QCoreApplication::translate("NetworkInterfaces", "Wi-Fi");
    case InterfaceKind::Ethernet:
        return QCoreApplication::translate("NetworkInterfaces", "Ethernet");
    case InterfaceKind::MobileBroadband:
        return QCoreApplication::translate("NetworkInterfaces", "Mobile broadband");
    case InterfaceKind::Other:
        break;
    }
    return QCoreApplication::translate("NetworkInterfaces", "Other");
}
