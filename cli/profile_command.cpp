#include "profile_command.h"

#include "command_line.h"
#include "commands.h"
#include "json.h"
#include "ledger.h"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string_view>

namespace mptcpctl {

namespace {

bool matches(const std::string& word, const char* keyword) {
    return !word.empty() && std::string_view(keyword).starts_with(word);
}

std::string flagText(uint32_t flags) {
    std::string text;
    for (const auto& name : profiles::flagNames(flags)) {
        text += " " + name;
    }
    return text;
}

std::string quoted(const std::string& text) {
    return "\"" + text + "\"";
}

std::string endpointLine(const profiles::LedgerEntry& entry) {
    std::string line = entry.address.toString();
    if (entry.id != 0) {
        line += " id " + std::to_string(entry.id);
    }
    if (entry.port != 0) {
        line += " port " + std::to_string(entry.port);
    }
    line += flagText(entry.flags);
    if (!entry.interface.empty()) {
        line += " dev " + entry.interface;
    }
    return line;
}

profiles::json::Value entryJson(const profiles::LedgerEntry& entry) {
    profiles::json::Object object;
    object.emplace_back("id", uint32_t{entry.id});
    object.emplace_back("address", entry.address.toString());
    if (entry.port != 0) {
        object.emplace_back("port", uint32_t{entry.port});
    }
    if (!entry.interface.empty()) {
        object.emplace_back("dev", entry.interface);
    }
    profiles::json::Array flags;
    for (auto& name : profiles::flagNames(entry.flags)) {
        flags.emplace_back(std::move(name));
    }
    object.emplace_back("flags", std::move(flags));
    return profiles::json::Value(std::move(object));
}

profiles::json::Value textArray(const std::vector<std::string>& lines) {
    profiles::json::Array array;
    for (const auto& line : lines) {
        array.emplace_back(line);
    }
    return profiles::json::Value(std::move(array));
}

profiles::json::Value statusJson(const profiles::ProfileStatus& status) {
    profiles::json::Object object;
    object.emplace_back("active", status.active ? profiles::json::Value(*status.active)
                                                : profiles::json::Value(nullptr));
    object.emplace_back("healthy", status.healthy);
    object.emplace_back("errors", textArray(status.errors));
    profiles::json::Array managed;
    for (const auto& entry : status.managed) {
        managed.push_back(entryJson(entry));
    }
    object.emplace_back("endpoints", std::move(managed));
    profiles::json::Array held;
    for (const auto& entry : status.held) {
        held.push_back(entryJson(entry.entry));
    }
    object.emplace_back("held", std::move(held));
    profiles::json::Array skipped;
    for (const auto& entry : status.skipped) {
        profiles::json::Object item;
        item.emplace_back("address", entry.address.toString());
        item.emplace_back("dev", entry.interface);
        item.emplace_back("reason", std::string(profiles::skipReasonName(entry.reason)));
        item.emplace_back("text", entry.text);
        skipped.emplace_back(std::move(item));
    }
    object.emplace_back("skipped", std::move(skipped));
    object.emplace_back("notes", textArray(status.notes));
    object.emplace_back("actions", textArray(status.actions));
    profiles::json::Array disowned;
    for (const auto& entry : status.disowned) {
        disowned.push_back(entryJson(entry));
    }
    object.emplace_back("disowned", std::move(disowned));
    object.emplace_back("last_pass", int64_t{status.lastPass});
    return profiles::json::Value(std::move(object));
}

mptcp::Result<std::string> readInput(const std::string& file) {
    if (file == "-") {
        return std::string(std::istreambuf_iterator<char>(std::cin), {});
    }
    auto text = profiles::readWholeFile(file, 256 * 1024);
    if (!text) {
        return mptcp::Error(text.error().code(),
                            "cannot read " + file + ": " + std::strerror(text.error().code()));
    }
    return text;
}

} // namespace

std::string parseProfileCommand(const std::vector<std::string>& words, size_t start,
                                ProfileCommand& command) {
    using Verb = ProfileCommand::Verb;
    if (start >= words.size()) {
        command.verb = Verb::List;
        return {};
    }
    const std::string& verb = words[start];
    struct Entry {
        const char* keyword;
        Verb verb;
        const char* operand; // nullptr: none
    };
    // In the order a prefix is tried: "s" is show, "d" is delete.
    static const Entry entries[] = {
        {"list", Verb::List, nullptr},     {"show", Verb::Show, "NAME"},
        {"status", Verb::Status, nullptr}, {"activate", Verb::Activate, "NAME"},
        {"delete", Verb::Delete, "NAME"},  {"deactivate", Verb::Deactivate, nullptr},
        {"import", Verb::Import, "FILE"},  {"export", Verb::Export, "NAME"},
    };
    const Entry* found = nullptr;
    for (const auto& entry : entries) {
        if (!found && matches(verb, entry.keyword)) {
            found = &entry;
        }
    }
    if (!found) {
        return "Command \"" + verb + "\" is unknown, try \"mptcpctl help\".";
    }
    command.verb = found->verb;
    size_t next = start + 1;
    if (found->operand) {
        if (next >= words.size()) {
            return "command line is not complete: \"profile " + std::string(found->keyword) +
                   "\" needs a " + found->operand;
        }
        (command.verb == Verb::Import ? command.file : command.name) = words[next++];
    }
    if (next < words.size()) {
        return "argument \"" + words[next] + "\" is wrong: unknown argument";
    }
    return {};
}

std::string describeProfile(const profiles::Profile& profile) {
    std::string text = "profile " + quoted(profile.name) + "\n";
    if (!profile.limits.empty()) {
        text += "limits";
        if (profile.limits.subflows) {
            text += " subflows " + std::to_string(*profile.limits.subflows);
        }
        if (profile.limits.addAddrAccepted) {
            text += " add_addr_accepted " + std::to_string(*profile.limits.addAddrAccepted);
        }
        text += "\n";
    }
    for (const auto& rule : profile.interfaces) {
        text += "interface " + rule.match + flagText(rule.flags);
        if (rule.families != profiles::Families::Both) {
            text += " " + std::string(profiles::familiesName(rule.families));
        }
        if (rule.temporary) {
            text += " temporary";
        }
        text += "\n";
    }
    for (const auto& endpoint : profile.endpoints) {
        text += "endpoint " + endpoint.address.toString();
        if (endpoint.port != 0) {
            text += " port " + std::to_string(endpoint.port);
        }
        if (!endpoint.interface.empty()) {
            text += " dev " + endpoint.interface;
        }
        text += flagText(endpoint.flags) + "\n";
    }
    for (const auto& [name, value] : profile.sysctls) {
        text += "sysctl " + name + " " + value + "\n";
    }
    return text;
}

std::string describeProfileStatus(const profiles::ProfileStatus& status) {
    if (!status.active) {
        std::string text = "no profile is active\n";
        for (const auto& error : status.errors) {
            text += "error: " + error + "\n";
        }
        return text;
    }
    std::string text =
        "active " + quoted(*status.active) + (status.healthy ? "" : " (with errors)") + "\n";
    for (const auto& error : status.errors) {
        text += "error: " + error + "\n";
    }
    for (const auto& entry : status.managed) {
        bool held = false;
        for (const auto& waiting : status.held) {
            held = held || waiting.entry == entry;
        }
        text +=
            "endpoint " + endpointLine(entry) + (held ? " (no carrier, kept for now)" : "") + "\n";
    }
    for (const auto& skipped : status.skipped) {
        text += "skipped " + skipped.text + "\n";
    }
    for (const auto& entry : status.disowned) {
        text += "no longer managed " + endpointLine(entry) +
                " (changed or deleted by someone "
                "else)\n";
    }
    for (const auto& note : status.notes) {
        text += "note: " + note + "\n";
    }
    return text;
}

int runProfileCommand(ProfileClient* client, const ProfileCommand& command,
                      const GlobalOptions& options, std::FILE* out, std::FILE* err) {
    using Verb = ProfileCommand::Verb;
    auto write = [out](const std::string& text) {
        std::fwrite(text.data(), 1, text.size(), out);
        std::fflush(out);
    };
    auto fail = [out, err](const mptcp::Error& error) {
        std::fflush(out);
        printError(err, error);
        return 2;
    };
    auto done = [&fail](const mptcp::Status& status) { return status ? 0 : fail(status.error()); };
    if (command.verb == Verb::Import) {
        // Read and check the file first: its mistakes are named with line and
        // column here, without bothering the helper (or polkit).
        auto text = readInput(command.file);
        if (!text) {
            return fail(text.error());
        }
        auto profile = profiles::parseProfile(*text);
        if (!profile) {
            return fail(mptcp::Error(0, (command.file == "-" ? "standard input" : command.file) +
                                            ": " + profile.error().advice()));
        }
        if (!client) {
            return fail(mptcp::Error(0, "profiles are kept by the helper; run mptcpctl without "
                                        "--direct"));
        }
        return done(client->save(*profile));
    }
    if (!client) {
        return fail(mptcp::Error(0, "profiles are kept by the helper; run mptcpctl without "
                                    "--direct"));
    }
    switch (command.verb) {
    case Verb::List: {
        auto list = client->list();
        if (!list) {
            return fail(list.error());
        }
        if (options.json) {
            profiles::json::Array array;
            for (const auto& summary : *list) {
                profiles::json::Object item;
                item.emplace_back("name", summary.name);
                item.emplace_back("builtin", summary.builtin);
                item.emplace_back("active", summary.active);
                array.emplace_back(std::move(item));
            }
            write(profiles::json::write(profiles::json::Value(std::move(array))));
            return 0;
        }
        std::string text;
        for (const auto& summary : *list) {
            std::string marks = summary.builtin ? "preset" : "";
            if (summary.active) {
                marks += marks.empty() ? "active" : ", active";
            }
            text += summary.name + (marks.empty() ? "" : " (" + marks + ")") + "\n";
        }
        write(text);
        return 0;
    }
    case Verb::Show:
    case Verb::Export: {
        auto profile = client->load(command.name);
        if (!profile) {
            return fail(profile.error());
        }
        write(command.verb == Verb::Export || options.json ? profiles::writeProfile(*profile)
                                                           : describeProfile(*profile));
        return 0;
    }
    case Verb::Status: {
        auto status = client->status();
        if (!status) {
            return fail(status.error());
        }
        write(options.json ? profiles::json::write(statusJson(*status))
                           : describeProfileStatus(*status));
        return 0;
    }
    case Verb::Activate:
        return done(client->activate(command.name));
    case Verb::Deactivate:
        return done(client->deactivate());
    case Verb::Delete:
        return done(client->remove(command.name));
    case Verb::Import:
        break;
    }
    return 0;
}

} // namespace mptcpctl
