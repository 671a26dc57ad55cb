// Findings across the D-Bus contract: the record's signature is the one the
// XML documents, and every kind of finding and action survives the trip from
// the helper's types to the record and back (what mptcpctl prints through the
// helper equals what --direct prints).
#include "checks.h"
#include "helper_types.h"
#include "record_conversions.h"

#include <QDBusMetaType>

#include <gtest/gtest.h>

namespace {

using namespace doctor;

Finding finding(std::optional<FixAction> action, Severity severity = Severity::Warning) {
    return {"some-id", severity, "What is wrong.", "Why it matters.", "ip rule add …\nline two",
            action};
}

TEST(FindingRecords, SignatureIsTheDocumentedOne) {
    registerHelperTypes();
    EXPECT_STREQ(QDBusMetaType::typeToSignature(QMetaType::fromType<FindingList>()),
                 "a(susss(sa{sv}))");
}

TEST(FindingRecords, EveryActionSurvivesTheRoundTrip) {
    const std::vector<Finding> findings = {
        finding(std::nullopt, Severity::Info),
        finding(SetSysctlFix{"path_manager", "kernel"}, Severity::Error),
        finding(SetLimitsFix{4, 2}),
        finding(RemoveEndpointFix{255}),
        finding(SetEndpointFlagsFix{7, 12}),
    };
    for (const Finding& original : findings) {
        FindingRecord record = toRecord(original);
        EXPECT_EQ(fromRecord(record), original) << original.id;
    }
}

TEST(FindingRecords, ArgumentsUseTheMethodsOwnNames) {
    FindingRecord limits = toRecord(finding(SetLimitsFix{4, 2}));
    EXPECT_EQ(limits.severity, 1u);
    EXPECT_EQ(limits.action.method, QStringLiteral("SetLimits"));
    EXPECT_EQ(limits.action.arguments.value(QStringLiteral("subflows")).toUInt(), 4u);
    EXPECT_EQ(limits.action.arguments.value(QStringLiteral("addAddrAccepted")).toUInt(), 2u);
    FindingRecord removal = toRecord(finding(RemoveEndpointFix{9}));
    EXPECT_EQ(removal.action.arguments.value(QStringLiteral("id")).toUInt(), 9u);
    EXPECT_TRUE(removal.action.arguments.contains(QStringLiteral("address")));
    FindingRecord none = toRecord(finding(std::nullopt));
    EXPECT_TRUE(none.action.method.isEmpty());
    EXPECT_TRUE(none.action.arguments.isEmpty());
}

TEST(FindingRecords, UnknownThingsFromANewerHelper) {
    FindingRecord record = toRecord(finding(std::nullopt));
    record.severity = 9;
    record.action.method = QStringLiteral("RebootTheInternet");
    Finding read = fromRecord(record);
    EXPECT_EQ(read.severity, Severity::Error) << "never understated";
    EXPECT_FALSE(read.action);
}

} // namespace
