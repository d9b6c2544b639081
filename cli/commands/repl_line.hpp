#pragma once
// Where `pacta repl` reads its lines (docs/cli.md §17): on a terminal,
// through libedit (line editing, history kept in a file, tab completion);
// otherwise plainly from standard input, without a prompt, so a session
// can be a script. Either way a line is bounded: past
// Limits::max_repl_line_bytes the rest of it is read and dropped, never
// held.
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cli/commands/repl_complete.hpp"

namespace pacta::cli {

struct InputLine {
  std::string text;       // without its line break; may hold any byte, NUL included
  bool too_long = false;  // longer than the bound: `text` holds only its first bytes
};

class LineInput {
 public:
  LineInput() = default;
  LineInput(const LineInput&) = delete;
  LineInput& operator=(const LineInput&) = delete;
  virtual ~LineInput() = default;
  // The next line; nullopt at the end of the input (Ctrl-D on a terminal).
  virtual std::optional<InputLine> read() = 0;
};

// Standard input, line by line, no prompt.
std::unique_ptr<LineInput> plain_input(std::size_t max_bytes);

struct TerminalSetup {
  std::function<std::string()> prompt;                   // asked before each line
  std::function<Completion(std::string_view)> complete;  // the text before the cursor
  // Where history is loaded from and saved to after each line; nullopt:
  // none kept. A file that cannot be read or written is one warning on
  // stderr, and the session goes on.
  std::optional<std::string> history;
  std::size_t history_size = 1000;
};

// libedit on the terminal of standard input and output.
std::unique_ptr<LineInput> terminal_input(TerminalSetup setup, std::size_t max_bytes);

// `$XDG_STATE_HOME/pacta/history` (an absolute XDG_STATE_HOME), else
// `$HOME/.local/state/pacta/history`; nullopt when neither is set.
std::optional<std::string> history_path();

}  // namespace pacta::cli
