// Runs one parsed mptcpctl command against a backend and prints the result.
#pragma once

#include "backend.h"
#include "command_line.h"

#include <cstdio>

namespace mptcpctl {

// Returns the process exit status: 0 on success, 2 for a refused or failed
// operation (as `ip` does); main() uses 255 for command-line errors. doctor
// returns 1 when it finds a warning or an error.
int runCommand(Backend& backend, const ParsedCommandLine& parsed, std::FILE* out,
               std::FILE* err);

void printError(std::FILE* err, const mptcp::Error& error);

} // namespace mptcpctl
