#include "profile_types.h"

#include <QDBusMetaType>

QDBusArgument& operator<<(QDBusArgument& argument, const ProfileRuleRecord& value) {
    argument.beginStructure();
    argument << value.match << value.flags << value.family << value.temporary;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, ProfileRuleRecord& value) {
    argument.beginStructure();
    argument >> value.match >> value.flags >> value.family >> value.temporary;
    argument.endStructure();
    return argument;
}

QDBusArgument& operator<<(QDBusArgument& argument, const ProfileRecord& value) {
    argument.beginStructure();
    argument << value.name;
    argument.beginStructure();
    argument << value.hasSubflows << value.subflows << value.hasAddAddrAccepted
             << value.addAddrAccepted;
    argument.endStructure();
    argument << value.interfaces << value.endpoints << value.sysctls;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, ProfileRecord& value) {
    argument.beginStructure();
    argument >> value.name;
    argument.beginStructure();
    argument >> value.hasSubflows >> value.subflows >> value.hasAddAddrAccepted >>
        value.addAddrAccepted;
    argument.endStructure();
    argument >> value.interfaces >> value.endpoints >> value.sysctls;
    argument.endStructure();
    return argument;
}

QDBusArgument& operator<<(QDBusArgument& argument, const ProfileSummaryRecord& value) {
    argument.beginStructure();
    argument << value.name << value.builtin << value.active;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, ProfileSummaryRecord& value) {
    argument.beginStructure();
    argument >> value.name >> value.builtin >> value.active;
    argument.endStructure();
    return argument;
}

QDBusArgument& operator<<(QDBusArgument& argument, const SkippedRecord& value) {
    argument.beginStructure();
    argument << value.address << value.ifname << value.flags << value.reason << value.text;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, SkippedRecord& value) {
    argument.beginStructure();
    argument >> value.address >> value.ifname >> value.flags >> value.reason >> value.text;
    argument.endStructure();
    return argument;
}

QDBusArgument& operator<<(QDBusArgument& argument, const ProfileStatusRecord& value) {
    argument.beginStructure();
    argument << value.active << value.healthy << value.errors << value.managed << value.held
             << value.skipped << value.notes << value.actions << value.disowned << value.lastPass;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, ProfileStatusRecord& value) {
    argument.beginStructure();
    argument >> value.active >> value.healthy >> value.errors >> value.managed >> value.held >>
        value.skipped >> value.notes >> value.actions >> value.disowned >> value.lastPass;
    argument.endStructure();
    return argument;
}

QDBusArgument& operator<<(QDBusArgument& argument, const ProfilePreviewRecord& value) {
    argument.beginStructure();
    argument << value.adds << value.changes << value.deletes << value.kept << value.skipped
             << value.notes;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, ProfilePreviewRecord& value) {
    argument.beginStructure();
    argument >> value.adds >> value.changes >> value.deletes >> value.kept >> value.skipped >>
        value.notes;
    argument.endStructure();
    return argument;
}

void registerProfileTypes() {
    qRegisterMetaType<ProfileSummaryList>("ProfileSummaryList");
    qRegisterMetaType<ProfileRuleList>("ProfileRuleList");
    qRegisterMetaType<SkippedList>("SkippedList");
    qRegisterMetaType<StringMap>("StringMap");
    qDBusRegisterMetaType<StringMap>();
    qDBusRegisterMetaType<ProfileRuleRecord>();
    qDBusRegisterMetaType<ProfileRuleList>();
    qDBusRegisterMetaType<ProfileRecord>();
    qDBusRegisterMetaType<ProfileSummaryRecord>();
    qDBusRegisterMetaType<ProfileSummaryList>();
    qDBusRegisterMetaType<SkippedRecord>();
    qDBusRegisterMetaType<SkippedList>();
    qDBusRegisterMetaType<ProfileStatusRecord>();
    qDBusRegisterMetaType<ProfilePreviewRecord>();
}
