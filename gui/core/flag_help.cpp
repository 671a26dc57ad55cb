#include "flag_help.h"

#include "endpoint.h"

#include <QCoreApplication>

namespace {

// Gives the strings of this file a translation context lupdate can see.
struct FlagHelp {
    Q_DECLARE_TR_FUNCTIONS(FlagHelp)
};

} // namespace

QString flagLabel(uint flag) {
    switch (flag) {
    case mptcp::kFlagSignal:
        return FlagHelp::tr("Announce");
    case mptcp::kFlagSubflow:
        return FlagHelp::tr("Open paths");
    case mptcp::kFlagBackup:
        return FlagHelp::tr("Backup");
    case mptcp::kFlagFullmesh:
        return FlagHelp::tr("Full mesh");
    case mptcp::kFlagLaminar:
        return FlagHelp::tr("Laminar");
    case mptcp::kFlagImplicit:
        return FlagHelp::tr("Kernel-made");
    default:
        return FlagHelp::tr("Flag 0x%1").arg(flag, 0, 16);
    }
}

QString flagHelp(uint flag) {
    switch (flag) {
    case mptcp::kFlagSignal:
        return FlagHelp::tr(
            "Announce (signal): tell the other side of each connection about this address, "
            "so it can open an extra path to it. Useful on the side that accepts "
            "connections (a server).");
    case mptcp::kFlagSubflow:
        return FlagHelp::tr(
            "Open paths (subflow): open an extra path from this address for each connection. "
            "Useful on the side that starts connections (a laptop or phone). Needs the "
            "“Paths per connection” limit above zero.");
    case mptcp::kFlagBackup:
        return FlagHelp::tr(
            "Backup: use paths from this address only when the other paths fail, for "
            "example a metered mobile link. Works on both sides. Can be changed at any time.");
    case mptcp::kFlagFullmesh:
        return FlagHelp::tr(
            "Full mesh: open a path from this address to every address the other side "
            "announced, not just to one. For the side that starts connections, with “Open "
            "paths” only. Can be changed at any time.");
    case mptcp::kFlagLaminar:
        return FlagHelp::tr(
            "Laminar: use this address for paths towards the addresses the other side "
            "announces, one path each (Linux 6.18 and newer). For the side that starts "
            "connections.");
    case mptcp::kFlagImplicit:
        return FlagHelp::tr(
            "Kernel-made (implicit): the kernel added this entry itself for an address a "
            "connection used. It cannot be set by hand; delete it or add a real endpoint "
            "with the same address.");
    default:
        return {};
    }
}

QString allFlagsHelp() {
    // In the order of the endpoint table's columns.
    QString text;
    for (uint flag : {mptcp::kFlagSignal, mptcp::kFlagSubflow, mptcp::kFlagBackup,
                      mptcp::kFlagFullmesh, mptcp::kFlagLaminar, mptcp::kFlagImplicit}) {
        text += QStringLiteral("<p>") + flagHelp(flag).toHtmlEscaped() + QStringLiteral("</p>");
    }
    return text;
}
