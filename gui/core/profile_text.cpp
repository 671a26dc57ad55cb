#include "profile_text.h"

#include "endpoint.h"
#include "flag_help.h"

#include <QCoreApplication>

namespace {

// Gives the strings of this file a translation context lupdate can see.
struct ProfileText {
    Q_DECLARE_TR_FUNCTIONS(ProfileText)
};

QString escaped(const QString& text) {
    return text.toHtmlEscaped();
}

// One titled list; nothing at all when there is nothing to list.
QString section(const QString& title, const QStringList& lines) {
    if (lines.isEmpty()) {
        return {};
    }
    QString html = QStringLiteral("<p><b>%1</b></p><ul>").arg(escaped(title));
    for (const auto& line : lines) {
        html += QStringLiteral("<li>%1</li>").arg(line);
    }
    return html + QStringLiteral("</ul>");
}

QStringList endpointLines(const EndpointList& endpoints) {
    QStringList lines;
    for (const auto& endpoint : endpoints) {
        lines.append(escaped(profileEndpointText(endpoint)));
    }
    return lines;
}

QStringList skippedLines(const SkippedList& skipped) {
    QStringList lines;
    for (const auto& item : skipped) {
        lines.append(escaped(item.text));
    }
    return lines;
}

QStringList escapedLines(const QStringList& texts) {
    QStringList lines;
    for (const auto& text : texts) {
        lines.append(escaped(text));
    }
    return lines;
}

QString agoText(qlonglong seconds) {
    if (seconds < 60) {
        return ProfileText::tr("%1 s ago").arg(std::max<qlonglong>(seconds, 0));
    }
    if (seconds < 3600) {
        return ProfileText::tr("%1 min ago").arg(seconds / 60);
    }
    return ProfileText::tr("%1 h ago").arg(seconds / 3600);
}

} // namespace

QString profileFlagsText(uint flags) {
    QStringList names;
    for (uint flag : {mptcp::kFlagSignal, mptcp::kFlagSubflow, mptcp::kFlagBackup,
                      mptcp::kFlagFullmesh, mptcp::kFlagLaminar}) {
        if (flags & flag) {
            names.append(flagLabel(flag));
        }
    }
    return names.isEmpty() ? ProfileText::tr("no flags") : names.join(QStringLiteral(", "));
}

QString profileEndpointText(const EndpointRecord& endpoint) {
    QString address = endpoint.address;
    if (endpoint.port != 0) {
        address = address.contains(QLatin1Char(':'))
                      ? QStringLiteral("[%1]:%2").arg(address).arg(endpoint.port)
                      : QStringLiteral("%1:%2").arg(address).arg(endpoint.port);
    }
    const QString flags = profileFlagsText(endpoint.flags);
    return endpoint.ifname.isEmpty()
               ? ProfileText::tr("%1 (%2)").arg(address, flags)
               : ProfileText::tr("%1 on %2 (%3)").arg(address, endpoint.ifname, flags);
}

QString profileStatusHtml(const ProfileStatusRecord& status, const QDateTime& now) {
    if (status.active.isEmpty()) {
        return QStringLiteral("<p>%1</p>")
            .arg(escaped(ProfileText::tr(
                "No profile is in use: the endpoints stay as they are until you change them.")));
    }
    QString html =
        QStringLiteral("<p>%1</p>")
            .arg(status.healthy ? ProfileText::tr("In use: <b>%1</b>. The helper keeps it true as "
                                                  "addresses come and go.")
                                      .arg(escaped(status.active))
                                : ProfileText::tr("In use: <b>%1</b>, with errors.")
                                      .arg(escaped(status.active)));
    html += section(ProfileText::tr("Errors"), escapedLines(status.errors));
    html += section(ProfileText::tr("Endpoints it keeps"), endpointLines(status.managed));
    html +=
        section(ProfileText::tr("Waiting for their link to come back"), endpointLines(status.held));
    html += section(ProfileText::tr("Not made"), skippedLines(status.skipped));
    html += section(ProfileText::tr("Notes"), escapedLines(status.notes));
    html += section(ProfileText::tr("Changed by someone else, no longer managed"),
                    endpointLines(status.disowned));
    if (status.lastPass > 0) {
        const qlonglong ago = status.lastPass - now.toSecsSinceEpoch();
        html += section(ProfileText::tr("Last look at the network, %1").arg(agoText(-ago)),
                        status.actions.isEmpty()
                            ? QStringList{escaped(ProfileText::tr("nothing to change"))}
                            : escapedLines(status.actions));
    }
    return html;
}

QString profilePreviewHtml(const ProfilePreviewRecord& preview) {
    QString html;
    html += section(ProfileText::tr("Would add"), endpointLines(preview.adds));
    html += section(ProfileText::tr("Would change (in place, live paths stay)"),
                    endpointLines(preview.changes));
    html += section(ProfileText::tr("Would delete"), endpointLines(preview.deletes));
    html += section(ProfileText::tr("Would keep"), endpointLines(preview.kept));
    html += section(ProfileText::tr("Would not make"), skippedLines(preview.skipped));
    html += section(ProfileText::tr("Notes"), escapedLines(preview.notes));
    if (html.isEmpty()) {
        html = QStringLiteral("<p>%1</p>")
                   .arg(escaped(ProfileText::tr(
                       "Nothing would change now: no interface matches a rule with a "
                       "usable address. The profile still applies when one appears.")));
    }
    return html;
}
