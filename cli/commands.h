// Runs one parsed mptcpctl command against a backend and prints the result.
#pragma once

#include "backend.h"
#include "command_line.h"

#include <cstdio>

namespace mptcpctl {

// Returns the process exit status: 0 on success, 1 for a refused or failed
// operation, 2 when the kernel could not be reached.
int runCommand(Backend& backend, const ParsedCommandLine& parsed, std::FILE* out,
               std::FILE* err);

void printError(std::FILE* err, const mptcp::Error& error);

} // namespace mptcpctl
