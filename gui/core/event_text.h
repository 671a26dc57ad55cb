// Path manager events in words: what `ip mptcp monitor` prints, said so that
// someone who never read RFC 8684 can follow it.
#pragma once

#include "helper_types.h"

#include <QString>

// Named attributes of an event, as the helper names them (see the contract).
namespace EventAttribute {
inline constexpr char kToken[] = "token";
inline constexpr char kLocalId[] = "locid";
inline constexpr char kRemoteId[] = "remid";
inline constexpr char kSourceAddress[] = "saddr";
inline constexpr char kDestinationAddress[] = "daddr";
inline constexpr char kSourcePort[] = "sport";
inline constexpr char kDestinationPort[] = "dport";
inline constexpr char kBackup[] = "backup";
inline constexpr char kError[] = "error";
inline constexpr char kInterfaceIndex[] = "ifindex";
inline constexpr char kResetReason[] = "reset_reason";
inline constexpr char kResetFlags[] = "reset_flags";
inline constexpr char kServerSide[] = "server_side";
inline constexpr char kTimeout[] = "timeout";
} // namespace EventAttribute

// The generic netlink command numbers of the events the app treats specially.
namespace EventCommand {
inline constexpr uchar kEventsLost = 0;
inline constexpr uchar kCreated = 1;
inline constexpr uchar kEstablished = 2;
inline constexpr uchar kClosed = 3;
inline constexpr uchar kAnnounced = 6;
inline constexpr uchar kRemoved = 7;
inline constexpr uchar kSubflowEstablished = 10;
inline constexpr uchar kSubflowClosed = 11;
inline constexpr uchar kSubflowPriority = 13;
inline constexpr uchar kListenerCreated = 15;
inline constexpr uchar kListenerClosed = 16;
} // namespace EventCommand

// Every command with a title, in the order a filter menu lists them.
QList<uchar> knownEventCommands();
QString eventTitle(uchar command);
// The name `ip mptcp monitor` prints ("SF_ESTABLISHED"), for exports.
QString eventMonitorName(uchar command);
QString eventLocal(const EventRecord& event);
QString eventRemote(const EventRecord& event);
// The remaining attributes in words: ids, backup, error, reset reason, ...
QString eventDetails(const EventRecord& event);
// RFC 8684 section 3.6, in words.
QString resetReasonText(uint reason);
bool hasToken(const EventRecord& event);
uint eventToken(const EventRecord& event);
