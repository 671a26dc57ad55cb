#include "sysctl_catalog.h"

#include "sysctl.h"

#include <QCoreApplication>

namespace {

// Gives the strings of this file a translation context lupdate can see.
struct SysctlCatalog {
    Q_DECLARE_TR_FUNCTIONS(SysctlCatalog)
};

QString fromView(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

struct Words {
    const char* name;
    const char* title;
    const char* explanation;
};

// The helper's table has English descriptions for logs; these are the
// translatable ones the window shows.
constexpr Words kWords[] = {
    {"enabled", QT_TRANSLATE_NOOP("SysctlCatalog", "MPTCP on"),
     QT_TRANSLATE_NOOP("SysctlCatalog",
                       "Whether programs may use Multipath TCP at all. When off, every "
                       "connection is plain TCP and nothing on the other pages has an effect.")},
    {"path_manager", QT_TRANSLATE_NOOP("SysctlCatalog", "Path manager"),
     QT_TRANSLATE_NOOP("SysctlCatalog",
                       "Who decides which extra paths to open: “kernel” uses the endpoints and "
                       "limits of this program; “userspace” leaves it to a daemon such as "
                       "mptcpd, and then the endpoints here are ignored.")},
    {"pm_type", QT_TRANSLATE_NOOP("SysctlCatalog", "Path manager (older setting)"),
     QT_TRANSLATE_NOOP("SysctlCatalog",
                       "The numeric form of the path manager setting on older kernels: 0 is the "
                       "kernel's, 1 a userspace daemon.")},
    {"scheduler", QT_TRANSLATE_NOOP("SysctlCatalog", "Scheduler"),
     QT_TRANSLATE_NOOP("SysctlCatalog",
                       "How new connections choose the path for each piece of data. Changes "
                       "apply to connections opened afterwards.")},
    {"checksum_enabled", QT_TRANSLATE_NOOP("SysctlCatalog", "Checksums"),
     QT_TRANSLATE_NOOP("SysctlCatalog",
                       "Protects data with checksums so that network devices which rewrite "
                       "traffic are detected; costs some processor time. Usually off.")},
    {"allow_join_initial_addr_port",
     QT_TRANSLATE_NOOP("SysctlCatalog", "Extra paths to the first address"),
     QT_TRANSLATE_NOOP("SysctlCatalog",
                       "Whether the other side may open extra paths to the address and port its "
                       "connection first reached. Turn off behind a load balancer that cannot "
                       "route them.")},
    {"add_addr_timeout", QT_TRANSLATE_NOOP("SysctlCatalog", "Announcement retry"),
     QT_TRANSLATE_NOOP("SysctlCatalog",
                       "How long to wait for the other side to confirm an address announcement "
                       "before sending it again.")},
    {"close_timeout", QT_TRANSLATE_NOOP("SysctlCatalog", "Grace time without paths"),
     QT_TRANSLATE_NOOP("SysctlCatalog",
                       "How long a connection that lost its last path stays open, waiting for a "
                       "new one (for example while Wi-Fi reconnects), before it is closed.")},
    {"stale_loss_cnt", QT_TRANSLATE_NOOP("SysctlCatalog", "Stale path after"),
     QT_TRANSLATE_NOOP("SysctlCatalog",
                       "After how many retransmission timeouts without progress a path counts "
                       "as stale, so the scheduler stops sending on it.")},
    {"blackhole_timeout", QT_TRANSLATE_NOOP("SysctlCatalog", "Pause after a firewall blocks MPTCP"),
     QT_TRANSLATE_NOOP("SysctlCatalog",
                       "How long MPTCP stays off after a firewall was found dropping it; longer "
                       "each time it happens again. 0 turns this detection off.")},
    {"syn_retrans_before_tcp_fallback",
     QT_TRANSLATE_NOOP("SysctlCatalog", "Attempts before plain TCP"),
     QT_TRANSLATE_NOOP("SysctlCatalog",
                       "How many connection attempts carry MPTCP options before the kernel tries "
                       "plain TCP, in case something on the way drops them.")},
};

const Words* wordsFor(std::string_view name) {
    for (const auto& words : kWords) {
        if (name == words.name) {
            return &words;
        }
    }
    return nullptr;
}

} // namespace

QList<SysctlEntry> sysctlEntries() {
    QList<SysctlEntry> entries;
    for (const auto& spec : mptcp::mptcpSysctlSpecs()) {
        SysctlEntry entry;
        entry.name = fromView(spec.name);
        if (spec.type == mptcp::SysctlType::Choice) {
            entry.type = SysctlEntry::Type::Choice;
            entry.choicesName = fromView(spec.choicesFile);
        } else if (spec.minimum == 0 && spec.maximum == 1) {
            entry.type = SysctlEntry::Type::OnOff;
        }
        entry.minimum = spec.minimum;
        entry.maximum = spec.maximum;
        if (spec.unit == "seconds") {
            entry.unit = SysctlCatalog::tr("seconds");
        }
        if (const Words* words = wordsFor(spec.name)) {
            entry.title = SysctlCatalog::tr(words->title);
            entry.explanation = SysctlCatalog::tr(words->explanation);
        } else {
            // A setting newer than these words: the helper's English is better than nothing.
            entry.title = entry.name;
            entry.explanation = fromView(spec.description);
        }
        entries.append(entry);
    }
    return entries;
}

QStringList sysctlChoices(const SysctlEntry& entry, const QVariantMap& values) {
    if (entry.type != SysctlEntry::Type::Choice) {
        return {};
    }
    QStringList choices =
        values.value(entry.choicesName).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString current = values.value(entry.name).toString();
    if (!current.isEmpty() && !choices.contains(current)) {
        choices.prepend(current);
    }
    return choices;
}

QString choiceExplanation(const QString& sysctl, const QString& choice) {
    if (sysctl == QLatin1String("scheduler")) {
        if (choice == QLatin1String("default")) {
            return SysctlCatalog::tr("Sends on the path with the lowest delay that has room, and "
                                     "keeps backup paths for when the others fail.");
        }
        if (choice.startsWith(QLatin1String("bpf"))) {
            return SysctlCatalog::tr(
                "A scheduler loaded as a BPF program; see its own documentation.");
        }
        if (choice == QLatin1String("redundant")) {
            return SysctlCatalog::tr("Sends every piece of data on all paths at once: lowest delay "
                                     "and loss, at the cost of bandwidth.");
        }
    }
    if (sysctl == QLatin1String("path_manager")) {
        if (choice == QLatin1String("kernel")) {
            return SysctlCatalog::tr("The kernel opens paths and announces addresses from the "
                                     "endpoints configured in this program.");
        }
        if (choice == QLatin1String("userspace")) {
            return SysctlCatalog::tr("A daemon such as mptcpd decides; the endpoints here are not "
                                     "used.");
        }
    }
    return {};
}
