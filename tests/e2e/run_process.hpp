#pragma once
// Runs a program with arguments in a working directory and captures its
// stdout, stderr and exit status (test helper for end-to-end tests).
#include <string>
#include <vector>

namespace pacta::testing {

struct ProcessResult {
  int exit_code = -1;  // -1: did not exit normally (signal)
  std::string out;
  std::string err;
};

// `stdin_path`, when not empty: the file the program reads as its
// standard input (else it inherits the test's).
ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const std::string& cwd, const std::string& stdin_path = "");

// Splits a shell-like command line: whitespace separates words; '...' and
// "..." quote; $'...' quotes with bash's escapes (\xHH, \e, \r, \n, \t,
// \a), for arguments with bytes a file should not hold raw. Enough for the
// examples in docs/ and the golden cases.
std::vector<std::string> split_command(const std::string& line);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);

}  // namespace pacta::testing
