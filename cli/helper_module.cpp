#include "helper_module.h"

#include "commands.h"
#include "helper_backend.h"

#include <QCoreApplication>

#include <string>
#include <vector>

extern "C" __attribute__((visibility("default"))) int mptcpctl_run_through_helper(int argc,
                                                                                  char** argv) {
    // main() parsed the same words already; a usage error cannot come back.
    std::vector<std::string> args(argv + 1, argv + argc);
    auto parsed = mptcpctl::parseCommandLine(args);
    auto* commandLine = std::get_if<mptcpctl::ParsedCommandLine>(&parsed);
    if (!commandLine) {
        return 255;
    }
    // The helper path needs an event loop for monitor; nothing else uses it.
    QCoreApplication application(argc, argv);
    auto backend = mptcpctl::makeHelperBackend();
    if (!backend) {
        mptcpctl::printError(stderr, backend.error());
        return 2;
    }
    return mptcpctl::runCommand(**backend, *commandLine, stdout, stderr);
}
