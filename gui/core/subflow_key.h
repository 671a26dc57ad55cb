// What identifies a TCP subflow on this host: its two addresses and ports.
// Also identifies a connection whose token is unknown (0).
#pragma once

#include "helper_types.h"

#include <QHash>
#include <QString>

struct SubflowKey {
    QString localAddress;
    ushort localPort = 0;
    QString remoteAddress;
    ushort remotePort = 0;

    static SubflowKey of(const SubflowRecord& subflow) {
        return {subflow.localAddress, subflow.localPort, subflow.remoteAddress, subflow.remotePort};
    }
    static SubflowKey of(const ConnectionRecord& connection) {
        return {connection.localAddress, connection.localPort, connection.remoteAddress,
                connection.remotePort};
    }

    friend bool operator==(const SubflowKey&, const SubflowKey&) = default;
};

inline size_t qHash(const SubflowKey& key, size_t seed = 0) {
    return qHashMulti(seed, key.localAddress, key.localPort, key.remoteAddress, key.remotePort);
}

// Connections are known by their token; the addresses only tell apart
// connections the kernel reports without one.
struct ConnectionKey {
    uint token = 0;
    SubflowKey addresses;

    static ConnectionKey of(const ConnectionRecord& connection) {
        return {connection.token,
                connection.token != 0 ? SubflowKey{} : SubflowKey::of(connection)};
    }

    friend bool operator==(const ConnectionKey&, const ConnectionKey&) = default;
};

inline size_t qHash(const ConnectionKey& key, size_t seed = 0) {
    return qHashMulti(seed, key.token, key.addresses);
}
