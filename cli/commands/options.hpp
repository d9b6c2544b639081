#pragma once
// The parsed command line, one struct per command: filled by main.cpp from
// the flags, read by the commands. Plain data: no CLI11, no engine.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/report/format.hpp"

namespace pacta::cli {

struct CommonOptions {
  Format format = Format::Text;
  bool color = false;  // decided by main: a terminal and no NO_COLOR
};

struct CheckOptions {
  CommonOptions common;
  std::vector<std::string> files;
  std::optional<std::string> output;  // --output FILE: the --format report there (SPEC §9.3)
};

struct QuestionOptions {
  CommonOptions common;
  std::string file;
  std::string on;
  std::vector<std::string> assume;
  std::optional<std::string> facts;  // --facts FILE
  // --unknown FACT (repeatable): the fact's default is set aside and the
  // answer splits into cases over its values (SPEC §7.3).
  std::vector<std::string> unknown;
  std::optional<std::string> as_agreed_on;
  std::vector<std::string> without;  // --without AMENDMENT (repeatable)
  std::vector<std::string> with;     // --with FILE (repeatable): files of amendments
  std::optional<std::string> kind;   // --kind K: instances a clause of kind K decides or sets aside
  // How diagnostics name the scenario flags: "--" (--assume, ...), or
  // "--base-" for the base side of `diff`.
  std::string flag_prefix = "--";
};

struct AskOptions {
  QuestionOptions question;
  std::string action;  // empty with --batch
  std::optional<std::string> expect;
  std::optional<std::string> batch;  // --batch QUESTIONS|-: JSON Lines, one question a line
  int jobs = 1;                      // --jobs N: threads answering a batch
  bool explain = false;              // --explain: the answer of `pacta explain` (SPEC §8)
};

// `pacta explain FILE ACTION --on D` (SPEC §8): why each instance's answer
// is what it is.
struct ExplainOptions {
  QuestionOptions question;
  std::string action;
  std::optional<std::string> expect;  // `ask --explain --expect V`: as ask's --expect
};

struct AllowedOptions {
  QuestionOptions question;
  std::optional<std::string> party;
  std::optional<std::string> action;
  std::optional<std::string> verdict;
  std::optional<std::string> expect;
  bool expect_none = false;
};

// `pacta timeline FILE [ACTION]` (SPEC §6). `question.on` is unused: every
// day is asked about.
struct TimelineOptions {
  QuestionOptions question;
  std::optional<std::string> action;  // a pattern; every action when absent
  std::optional<std::string> from, to;
  std::optional<std::string> party;
  std::optional<std::string> verdict;
  std::string format = "text";        // text, json, svg or html
  std::optional<std::string> output;  // --output FILE: the document there, not on stdout
  bool explain = false;               // --explain: what changed at each run boundary (text, json)
};

// `pacta diff FILE [OTHER]` (SPEC §7.2): the base is FILE with the
// --base-* flags, the other OTHER (default FILE) with the plain ones.
// `base.on` and `other.on` are unused: every day is compared.
struct DiffOptions {
  QuestionOptions base, other;
  std::optional<std::string> other_file;
  std::optional<std::string> action;  // a pattern over the base contract
  std::optional<std::string> from, to;
  bool by = false;              // deciding clauses differ too
  bool fail_on_change = false;  // exit 1 when anything differs
};

struct TestOptions {
  CommonOptions common;
  std::vector<std::string> paths;
  bool verbose = false;               // list passing cases too
  std::optional<std::string> filter;  // only cases whose name contains it
  bool coverage = false;              // list the clauses that decided no case
  std::optional<std::string> output;  // --output FILE: the --format report there (SPEC §9.3)
};

// `pacta plan PLAN...` (SPEC §9.1).
struct PlanCommandOptions {
  CommonOptions common;
  std::vector<std::string> paths;     // plan files, or directories searched for *.plan.yaml
  bool obligations = false;           // report obligations no step performs (warnings)
  bool deny_warnings = false;         // warnings fail the run (exit 1)
  std::optional<std::string> output;  // --output FILE: the machine report there
};

// `pacta lint PATH...` (SPEC §9.2).
struct LintOptions {
  CommonOptions common;
  std::vector<std::string> files;     // rule files, or directories searched for them
  bool deny_warnings = false;         // a warning fails the run (exit 1)
  std::optional<std::string> output;  // --output FILE: the --format report there (SPEC §9.3)
};

// `pacta repl FILE` (SPEC §11): a what-if session; its commands are read
// from the terminal or standard input (cli/commands/repl.cpp).
struct ReplOptions {
  CommonOptions common;
  std::string file;
  std::optional<std::string> on;  // --on: the session's first date (default: today)
};

// `pacta help [COMMAND]`. The texts come from the flag parser (main.cpp),
// the only code that knows the flags.
struct HelpOptions {
  std::string topic;                                          // empty: the program's help
  std::string top_help;                                       // the program's help text
  std::vector<std::pair<std::string, std::string>> commands;  // name, help text
};

}  // namespace pacta::cli
