#include "commands.h"

#include "json_writer.h"

#include <string>

namespace mptcpctl {

namespace {

struct Printer {
    Backend& backend;
    const GlobalOptions& options;
    std::FILE* out;
    std::FILE* err;

    InterfaceNamer namer() const {
        return [this](int32_t ifindex) { return backend.interfaceName(ifindex); };
    }

    void write(const std::string& text) const {
        std::fwrite(text.data(), 1, text.size(), out);
        std::fflush(out);
    }

    // Exit status 2 for a refused or failed operation, as `ip` does.
    int fail(const mptcp::Error& error) const {
        std::fflush(out);
        printError(err, error);
        return 2;
    }

    int status(const mptcp::Status& result) const { return result ? 0 : fail(result.error()); }

    int operator()(const EndpointAdd& add) const { return status(backend.addEndpoint(add)); }
    int operator()(const EndpointDelete& remove) const {
        return status(backend.removeEndpoint(remove.id, remove.address));
    }
    int operator()(const EndpointChange& change) const {
        return status(backend.changeEndpoint(change.selector, change.flags));
    }
    int operator()(const EndpointFlush&) const { return status(backend.flushEndpoints()); }
    int operator()(const LimitsSet& set) const {
        return status(backend.setLimits(set.subflows, set.addAddrAccepted));
    }

    int operator()(const EndpointShow& show) const {
        std::vector<mptcp::Endpoint> list;
        if (show.id) {
            auto endpoint = backend.endpoint(*show.id);
            if (!endpoint) {
                return fail(endpoint.error());
            }
            list.push_back(*endpoint);
        } else {
            auto all = backend.endpoints();
            if (!all) {
                return fail(all.error());
            }
            list = std::move(all).value();
        }
        if (options.json) {
            JsonWriter json(options.pretty);
            json.beginArray();
            for (const auto& endpoint : list) {
                writeEndpoint(json, endpoint, namer());
            }
            json.endArray();
            write(json.text() + "\n");
        } else {
            std::string text;
            for (const auto& endpoint : list) {
                text += formatEndpoint(endpoint, namer());
            }
            write(text);
        }
        return 0;
    }

    int operator()(const LimitsShow&) const {
        auto limits = backend.limits();
        if (!limits) {
            return fail(limits.error());
        }
        if (options.json) {
            JsonWriter json(options.pretty);
            writeLimits(json, *limits);
            write(json.text() + "\n");
        } else {
            write(formatLimits(*limits));
        }
        return 0;
    }

    int operator()(const Monitor&) const {
        mptcp::Status result = backend.monitor([this](const std::vector<mptcp::Event>& events) {
            std::string text;
            for (const auto& event : events) {
                if (options.json) {
                    JsonWriter json;
                    writeEvent(json, event);
                    text += json.text() + "\n";
                } else {
                    text += formatEvent(event);
                }
            }
            write(text);
            return !std::ferror(out);
        });
        return status(result);
    }

    int operator()(const Connections& query) const {
        auto connections = backend.connections(query.listeners);
        if (!connections) {
            return fail(connections.error());
        }
        if (options.json) {
            JsonWriter json(options.pretty);
            json.beginArray();
            for (const auto& connection : *connections) {
                writeConnection(json, connection, namer());
            }
            json.endArray();
            write(json.text() + "\n");
        } else {
            std::string text;
            for (const auto& connection : *connections) {
                text += formatConnection(connection, namer());
            }
            write(text);
        }
        return 0;
    }

    // Exit status 1 when a finding is a warning or an error: something is wrong.
    int operator()(const ProfileCommand& command) const {
        return runProfileCommand(backend.profiles(), command, options, out, err);
    }

    int operator()(const Doctor&) const {
        auto findings = backend.diagnose();
        if (!findings) {
            return fail(findings.error());
        }
        if (options.json) {
            JsonWriter json(options.pretty);
            json.beginArray();
            for (const auto& finding : *findings) {
                writeFinding(json, finding);
            }
            json.endArray();
            write(json.text() + "\n");
        } else {
            write(formatFindings(*findings));
        }
        return doctor::somethingWrong(*findings) ? 1 : 0;
    }

    int operator()(const Help&) const {
        std::fputs(usageText(), out);
        return 0;
    }
};

} // namespace

void printError(std::FILE* err, const mptcp::Error& error) {
    std::fprintf(err, "mptcpctl: %s\n", error.describe().c_str());
}

int runCommand(Backend& backend, const ParsedCommandLine& parsed, std::FILE* out,
               std::FILE* err) {
    return std::visit(Printer{backend, parsed.options, out, err}, parsed.command);
}

} // namespace mptcpctl
