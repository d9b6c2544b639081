#pragma once
// The pacta commands, called by main.cpp once the flags are parsed. Each
// returns the process exit code: 0 success, 1 a check did not hold, 2 bad
// input or usage. No semantics here: the engine decides.
#include <optional>
#include <string>
#include <vector>

namespace pacta::cli {

enum class Format { Text, Json };

struct CommonOptions {
  Format format = Format::Text;
  bool color = false;  // decided by main: a terminal and no NO_COLOR
};

struct CheckOptions {
  CommonOptions common;
  std::vector<std::string> files;
};

struct QuestionOptions {
  CommonOptions common;
  std::string file;
  std::string on;
  std::vector<std::string> assume;
  std::optional<std::string> as_agreed_on;
};

struct AskOptions {
  QuestionOptions question;
  std::string action;
  std::optional<std::string> expect;
};

struct AllowedOptions {
  QuestionOptions question;
  std::optional<std::string> party;
  std::optional<std::string> action;
  std::optional<std::string> verdict;
};

struct TestOptions {
  CommonOptions common;
  std::vector<std::string> paths;
};

int run_check(const CheckOptions& options);
int run_ask(const AskOptions& options);
int run_allowed(const AllowedOptions& options);
int run_test(const TestOptions& options);

}  // namespace pacta::cli
