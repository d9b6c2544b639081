#pragma once
// One line of `pacta repl` (docs/cli.md §17), read and run: a state
// command (`:on`, `:assume`, ...), a question (a bare pattern, `allowed`,
// `timeline`, `explain`, `diff`) answered by the command functions of
// commands.hpp from the session's state, or `:load`, `:show`, `:help`,
// `:quit`. An error is reported and ends the line, never the session.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands/options.hpp"
#include "cli/commands/repl_state.hpp"

namespace pacta::cli {

struct ReplSession {
  std::string file;  // FILE of `pacta repl FILE`
  CommonOptions common;
  ReplState initial;                // what `:reset` goes back to
  ReplState state;                  // what questions are asked under
  std::optional<ReplState> before;  // the state before the last change: `diff`'s base
  ContractSnapshot contracts;       // what questions are answered from
  bool quit = false;                // `:quit` was read
};

// Runs one line; its exit code as the command line's would be: 0, 1 (an
// unmet --expect), 2 (a diagnostic, a usage error). A blank line and a
// comment (`#` first) do nothing.
int run_repl_line(ReplSession& session, std::string_view line);

// A line the REPL cannot run (an unknown command, a missing argument): one
// `error:` line and a `help:` line on stderr, without a code, as a usage
// error of the command line; returns 2.
int repl_usage_error(std::string_view message, std::string_view help);

// The question commands (`ask`, `allowed`, `timeline`, `explain`, `diff`)
// with the words after them (cli/commands/repl_questions.cpp).
int run_repl_question(ReplSession& session, std::string_view command,
                      const std::vector<std::string>& words);

// The contract the session answers from now (for completion); nullptr
// when it does not load under the state (the error was reported before).
std::shared_ptr<const LoadedContract> current_contract(ReplSession& session);

}  // namespace pacta::cli
