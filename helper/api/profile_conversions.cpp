#include "profile_conversions.h"

namespace {

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

QStringList textList(const std::vector<std::string>& values) {
    QStringList list;
    for (const auto& value : values) {
        list.append(text(value));
    }
    return list;
}

SkippedRecord toRecord(const profiles::Skipped& skipped) {
    return {text(skipped.address.toString()), text(skipped.interface), skipped.flags,
            text(std::string(profiles::skipReasonName(skipped.reason))), text(skipped.text)};
}

uchar familyCode(profiles::Families families) {
    switch (families) {
    case profiles::Families::IPv4:
        return 4;
    case profiles::Families::IPv6:
        return 6;
    case profiles::Families::Both:
        break;
    }
    return 0;
}

} // namespace

EndpointRecord toRecord(const profiles::LedgerEntry& entry) {
    return {entry.id, text(entry.address.toString()), entry.port, text(entry.interface),
            entry.flags};
}

ProfileRecord toRecord(const profiles::Profile& profile) {
    ProfileRecord record;
    record.name = text(profile.name);
    record.hasSubflows = profile.limits.subflows.has_value();
    record.subflows = profile.limits.subflows.value_or(0);
    record.hasAddAddrAccepted = profile.limits.addAddrAccepted.has_value();
    record.addAddrAccepted = profile.limits.addAddrAccepted.value_or(0);
    for (const auto& rule : profile.interfaces) {
        record.interfaces.append(
            {text(rule.match), rule.flags, familyCode(rule.families), rule.temporary});
    }
    for (const auto& endpoint : profile.endpoints) {
        record.endpoints.append({0, text(endpoint.address.toString()), endpoint.port,
                                 text(endpoint.interface), endpoint.flags});
    }
    for (const auto& [name, value] : profile.sysctls) {
        record.sysctls.insert(text(name), text(value));
    }
    return record;
}

mptcp::Result<profiles::Profile> profileFromRecord(const ProfileRecord& record) {
    profiles::Profile profile;
    profile.name = record.name.toStdString();
    if (record.hasSubflows) {
        profile.limits.subflows = record.subflows;
    }
    if (record.hasAddAddrAccepted) {
        profile.limits.addAddrAccepted = record.addAddrAccepted;
    }
    for (qsizetype i = 0; i < record.interfaces.size(); ++i) {
        const ProfileRuleRecord& rule = record.interfaces[i];
        profiles::Families families;
        switch (rule.family) {
        case 0:
            families = profiles::Families::Both;
            break;
        case 4:
            families = profiles::Families::IPv4;
            break;
        case 6:
            families = profiles::Families::IPv6;
            break;
        default:
            return mptcp::Error(0, "interfaces[" + std::to_string(i) + "].family: " +
                                       std::to_string(rule.family) + " is not 0 (both), 4 or 6");
        }
        profile.interfaces.push_back(
            {rule.match.toStdString(), rule.flags, families, rule.temporary});
    }
    for (qsizetype i = 0; i < record.endpoints.size(); ++i) {
        const EndpointRecord& endpoint = record.endpoints[i];
        const std::string where = "endpoints[" + std::to_string(i) + "]";
        if (endpoint.id != 0) {
            return mptcp::Error(0, where + ".id: fixed endpoints get their id from the kernel; "
                                           "send 0");
        }
        auto address = mptcp::IpAddress::parse(endpoint.address.toStdString());
        if (!address) {
            return mptcp::Error(0, where + ".address: \"" +
                                       endpoint.address.left(64).toStdString() +
                                       "\" is not an IPv4 or IPv6 address");
        }
        profile.endpoints.push_back(
            {*address, endpoint.port, endpoint.ifname.toStdString(), endpoint.flags});
    }
    for (auto it = record.sysctls.cbegin(); it != record.sysctls.cend(); ++it) {
        profile.sysctls[it.key().toStdString()] = it.value().toStdString();
    }
    return profile;
}

ProfileSummaryList toRecord(const std::vector<profiles::ProfileSummary>& summaries) {
    ProfileSummaryList list;
    for (const auto& summary : summaries) {
        list.append({text(summary.name), summary.builtin, summary.active});
    }
    return list;
}

ProfileStatusRecord toRecord(const profiles::ProfileStatus& status) {
    ProfileStatusRecord record;
    record.active = text(status.active.value_or(std::string()));
    record.healthy = status.healthy;
    record.errors = textList(status.errors);
    for (const auto& entry : status.managed) {
        record.managed.append(toRecord(entry));
    }
    for (const auto& held : status.held) {
        record.held.append(toRecord(held.entry));
    }
    for (const auto& skipped : status.skipped) {
        record.skipped.append(toRecord(skipped));
    }
    record.notes = textList(status.notes);
    record.actions = textList(status.actions);
    for (const auto& entry : status.disowned) {
        record.disowned.append(toRecord(entry));
    }
    record.lastPass = static_cast<qlonglong>(status.lastPass);
    return record;
}

ProfilePreviewRecord toRecord(const profiles::Plan& plan) {
    ProfilePreviewRecord record;
    for (const auto& add : plan.adds) {
        record.adds.append({0, text(add.endpoint.address.toString()), add.endpoint.port,
                            text(add.interface), add.endpoint.flags});
    }
    for (const auto& change : plan.changes) {
        EndpointRecord changed = toRecord(change.entry);
        changed.flags = change.flags;
        record.changes.append(changed);
    }
    for (const auto& removal : plan.deletes) {
        record.deletes.append(toRecord(removal.entry));
    }
    for (const auto& entry : plan.kept) {
        record.kept.append(toRecord(entry));
    }
    for (const auto& skipped : plan.skipped) {
        record.skipped.append(toRecord(skipped));
    }
    record.notes = textList(plan.notes);
    return record;
}

namespace {

profiles::LedgerEntry entryFromRecord(const EndpointRecord& record) {
    profiles::LedgerEntry entry;
    entry.id = static_cast<uint8_t>(record.id);
    entry.address =
        mptcp::IpAddress::parse(record.address.toStdString()).value_or(mptcp::IpAddress{});
    entry.port = record.port;
    entry.interface = record.ifname.toStdString();
    entry.flags = record.flags;
    return entry;
}

std::vector<std::string> strings(const QStringList& list) {
    std::vector<std::string> out;
    for (const auto& item : list) {
        out.push_back(item.toStdString());
    }
    return out;
}

profiles::SkipReason reasonFromName(const QString& name) {
    using profiles::SkipReason;
    for (const SkipReason reason :
         {SkipReason::UnusableAddress, SkipReason::NoCarrier, SkipReason::ForeignEndpoint,
          SkipReason::NoRoom, SkipReason::Mptcpd, SkipReason::NetworkManager,
          SkipReason::NoInterface}) {
        if (name.toStdString() == profiles::skipReasonName(reason)) {
            return reason;
        }
    }
    return SkipReason::UnusableAddress;
}

} // namespace

std::vector<profiles::ProfileSummary> fromRecord(const ProfileSummaryList& records) {
    std::vector<profiles::ProfileSummary> summaries;
    for (const auto& record : records) {
        summaries.push_back({record.name.toStdString(), record.builtin, record.active});
    }
    return summaries;
}

profiles::ProfileStatus fromRecord(const ProfileStatusRecord& record) {
    profiles::ProfileStatus status;
    if (!record.active.isEmpty()) {
        status.active = record.active.toStdString();
    }
    status.healthy = record.healthy;
    status.errors = strings(record.errors);
    for (const auto& endpoint : record.managed) {
        status.managed.push_back(entryFromRecord(endpoint));
    }
    for (const auto& endpoint : record.held) {
        status.held.push_back({entryFromRecord(endpoint), {}});
    }
    for (const auto& skipped : record.skipped) {
        status.skipped.push_back(
            {mptcp::IpAddress::parse(skipped.address.toStdString()).value_or(mptcp::IpAddress{}),
             skipped.ifname.toStdString(), skipped.flags, reasonFromName(skipped.reason),
             skipped.text.toStdString()});
    }
    status.notes = strings(record.notes);
    status.actions = strings(record.actions);
    for (const auto& endpoint : record.disowned) {
        status.disowned.push_back(entryFromRecord(endpoint));
    }
    status.lastPass = static_cast<std::time_t>(record.lastPass);
    return status;
}
