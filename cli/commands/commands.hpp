#pragma once
// The pacta commands, called by main.cpp once the flags are parsed. Each
// returns the process exit code: 0 success, 1 a check did not hold, 2 bad
// input or usage. No semantics here: the engine decides. No formatting
// either: a Reporter (cli/report/reporter.hpp) renders what they found.
#include "cli/commands/options.hpp"

namespace pacta::cli {

int run_check(const CheckOptions& options);
int run_lint(const LintOptions& options);
int run_ask(const AskOptions& options);
int run_explain(const ExplainOptions& options);
int run_allowed(const AllowedOptions& options);
int run_test(const TestOptions& options);
int run_plan(const PlanCommandOptions& options);
int run_timeline(const TimelineOptions& options);
int run_diff(const DiffOptions& options);
int run_repl(const ReplOptions& options);
int run_help(const HelpOptions& options);

}  // namespace pacta::cli
