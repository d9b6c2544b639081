#pragma once
// Runs a program under resource bounds and measures what it used (test helper
// for the resource test, tests/resource/resource_test.cpp).
//
// Guarantees: the child runs with an address-space limit (RLIMIT_AS, set in
// the child after fork and before exec) when one is given, with stdin from
// /dev/null or from a pipe that is never written to, in its own process
// group, optionally with a CPU-time limit (RLIMIT_CPU), which does not
// depend on how loaded the machine is; when the wall-clock timeout expires the whole group is
// killed (SIGKILL) and the result says so. The measured figures are the child's own (wait4): peak
// resident memory and user + system CPU time.
#include <cstddef>
#include <string>
#include <vector>

namespace pacta::testing {

struct RunBounds {
  std::size_t address_space_bytes = 0;  // 0: no RLIMIT_AS (e.g. under ASan)
  double timeout_seconds = 60;          // wall clock; the child is killed after it
  unsigned cpu_seconds = 0;             // RLIMIT_CPU (0: none): SIGXCPU after it
  bool idle_stdin_pipe = false;         // stdin: a pipe nobody writes to (else /dev/null)
  std::vector<std::string> extra_env;   // NAME=VALUE entries added to the environment
};

struct BoundedResult {
  int exit_code = -1;      // -1: did not exit normally
  int signal = 0;          // the signal that ended it, if any
  bool timed_out = false;  // killed because the timeout expired
  double cpu_seconds = 0;  // user + system
  double wall_seconds = 0;
  double peak_mb = 0;  // ru_maxrss in MiB
  std::size_t out_bytes = 0;
  std::size_t err_bytes = 0;
  std::string err_head;  // the first 64 KiB of stderr
};

// Runs PROGRAM ARGS... in directory CWD. Throws std::runtime_error when the
// child cannot be started at all.
BoundedResult run_bounded(const std::string& program, const std::vector<std::string>& args,
                          const std::string& cwd, const RunBounds& bounds);

}  // namespace pacta::testing
