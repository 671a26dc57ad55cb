// Bytes per second of each subflow, from the byte counters of two successive
// Connections() answers. The kernel counts bytes, not rates, so a rate is
// only known from the second answer on.
#pragma once

#include "helper_types.h"
#include "subflow_key.h"

#include <QHash>

#include <optional>

struct Throughput {
    double sentPerSecond = 0;
    double receivedPerSecond = 0;

    double total() const { return sentPerSecond + receivedPerSecond; }
    friend bool operator==(const Throughput&, const Throughput&) = default;
};

class ThroughputSampler {
public:
    // Answers closer together than this (an event-triggered read right after
    // a poll) keep the older baseline: bytes leave in bursts, and a burst
    // divided by a few milliseconds is a rate no link has.
    static constexpr qint64 kShortestIntervalMilliseconds = 800;

    // `milliseconds` is when the answer arrived (any monotonic clock).
    void addSnapshot(const ConnectionList& connections, qint64 milliseconds);

    // Forgets every sample: the next answer is a new baseline.
    void clear();

    std::optional<Throughput> rate(const SubflowKey& subflow) const;
    // The sum of its subflows' rates; empty before the second answer.
    std::optional<Throughput> rate(const ConnectionRecord& connection) const;
    const QHash<SubflowKey, Throughput>& rates() const { return rates_; }

private:
    struct Sample {
        qulonglong sent = 0;
        qulonglong received = 0;
        qint64 milliseconds = 0;
    };

    QHash<SubflowKey, Sample> previous_;
    QHash<SubflowKey, Throughput> rates_;
};
