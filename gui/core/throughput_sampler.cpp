#include "throughput_sampler.h"

namespace {

// A counter that went down belongs to a new socket with the same addresses
// (or the kernel stopped counting): no rate can be told from it.
double perSecond(qulonglong before, qulonglong now, double seconds) {
    return now >= before ? static_cast<double>(now - before) / seconds : 0.0;
}

} // namespace

void ThroughputSampler::addSnapshot(const ConnectionList& connections, qint64 milliseconds) {
    qsizetype subflows = 0;
    for (const auto& connection : connections) {
        subflows += connection.subflows.size();
    }
    QHash<SubflowKey, Sample> current;
    QHash<SubflowKey, Throughput> rates;
    current.reserve(subflows);
    rates.reserve(subflows);
    for (const auto& connection : connections) {
        for (const auto& subflow : connection.subflows) {
            const SubflowKey key = SubflowKey::of(subflow);
            const Sample sample{subflow.bytesSent, subflow.bytesReceived, milliseconds};
            const auto before = previous_.constFind(key);
            if (before == previous_.constEnd()) {
                current.insert(key, sample);
                continue;
            }
            if (milliseconds - before->milliseconds < kShortestIntervalMilliseconds) {
                current.insert(key, *before);
                if (const auto known = rates_.constFind(key); known != rates_.constEnd()) {
                    rates.insert(key, *known);
                }
                continue;
            }
            current.insert(key, sample);
            const double seconds =
                static_cast<double>(milliseconds - before->milliseconds) / 1000.0;
            rates.insert(key, {perSecond(before->sent, sample.sent, seconds),
                               perSecond(before->received, sample.received, seconds)});
        }
    }
    // Subflows that closed are forgotten with their samples.
    previous_ = std::move(current);
    rates_ = std::move(rates);
}

std::optional<Throughput> ThroughputSampler::rate(const SubflowKey& subflow) const {
    const auto found = rates_.constFind(subflow);
    if (found == rates_.constEnd()) {
        return std::nullopt;
    }
    return *found;
}

std::optional<Throughput> ThroughputSampler::rate(const ConnectionRecord& connection) const {
    std::optional<Throughput> sum;
    for (const auto& subflow : connection.subflows) {
        if (auto one = rate(SubflowKey::of(subflow))) {
            Throughput total = sum.value_or(Throughput{});
            total.sentPerSecond += one->sentPerSecond;
            total.receivedPerSecond += one->receivedPerSecond;
            sum = total;
        }
    }
    return sum;
}

void ThroughputSampler::clear() {
    previous_.clear();
    rates_.clear();
}
