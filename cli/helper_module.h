// The helper half of mptcpctl is a module loaded only when a command goes
// through the helper: it holds every Qt and D-Bus dependency, so that
// `mptcpctl --direct` starts without loading Qt at all.
#pragma once

// The module's file name, looked for next to the executable (a build tree)
// and then in MPTCPCTL_MODULE_DIR (an installed system).
inline constexpr const char* kHelperModuleName = "mptcpctl-helper.so";
// Its entry point: runs mptcpctl's command line through the helper and
// returns the exit status.
inline constexpr const char* kHelperModuleEntry = "mptcpctl_run_through_helper";

extern "C" int mptcpctl_run_through_helper(int argc, char** argv);
