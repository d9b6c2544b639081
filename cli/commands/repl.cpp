// `pacta repl FILE` (SPEC §11, docs/cli.md §17): a what-if session. The
// file is loaded once at the start (a file that does not load is exit 2,
// as for every command) and again only by `:load`; each line is run by
// run_repl_line (repl_commands.hpp). On a terminal, a banner, a prompt
// with the date, libedit's editing, history and completion; otherwise the
// lines of standard input, no prompt, and the exit code is the worst of
// the lines', so a script in CI notices a failure.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>

#include "cli/commands/commands.hpp"
#include "cli/commands/question.hpp"
#include "cli/commands/repl_commands.hpp"
#include "cli/commands/repl_line.hpp"
#include "cli/report/output.hpp"
#include "cli/report/reporter.hpp"
#include "engine/decide/question.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

// While alive, prepare() answers from the session's snapshot.
class SnapshotSource {
 public:
  explicit SnapshotSource(ReplSession& s)
      : previous_(
            set_contract_source([&s](const std::string& file, const std::vector<std::string>& with,
                                     const Limits& limits, Diagnostics& diags) {
              return s.contracts.get(file, with, limits, diags);
            })) {}
  SnapshotSource(const SnapshotSource&) = delete;
  SnapshotSource& operator=(const SnapshotSource&) = delete;
  ~SnapshotSource() { set_contract_source(std::move(previous_)); }

 private:
  ContractSource previous_;
};

// The session's first state: --on (default today), nothing assumed. False
// (and the diagnostics reported) when the date or the file is bad.
bool start(ReplSession& s, const ReplOptions& o) {
  const Limits limits;
  Diagnostics diags;
  auto on = parse_date_flag(o.on.value_or("today"), "--on", diags, local_today());
  if (on) {
    s.initial.on = on->to_string();
    s.state = s.initial;
    s.contracts.get(s.file, {}, limits, diags);
  }
  if (!diags.has_errors()) return true;
  make_reporter(o.common.format, o.common.color)->diagnostics(diags);
  return false;
}

std::unique_ptr<LineInput> terminal_session(ReplSession& s, const Limits& limits) {
  auto loaded = current_contract(s);
  write_out(visible(fmt::format("pacta repl: contract '{}' ({}); :help lists the commands, Tab "
                                "completes",
                                loaded ? loaded->contract.id : std::string(), s.file)) +
            "\n");
  TerminalSetup setup;
  setup.prompt = [&s] { return fmt::format("pacta {}> ", s.state.on); };
  setup.complete = [&s](std::string_view before) {
    Diagnostics ignored;
    auto contract = s.contracts.get(s.file, s.state.with, Limits{}, ignored);
    if (!contract) return Completion{before.size(), {}, false};
    return complete(contract->contract, before);
  };
  setup.history = history_path();
  return terminal_input(std::move(setup), limits.max_repl_line_bytes);
}

}  // namespace

int run_repl(const ReplOptions& o) {
  ReplSession s;
  s.file = o.file;
  s.common = o.common;
  const SnapshotSource source(s);
  if (!start(s, o)) return 2;
  const Limits limits;
  const bool terminal = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0;
  auto input = terminal ? terminal_session(s, limits) : plain_input(limits.max_repl_line_bytes);
  int worst = 0;
  for (std::size_t number = 1; !s.quit; ++number) {
    auto line = input->read();
    if (!line) break;
    const int code =
        line->too_long
            ? repl_usage_error(fmt::format("line {} is longer than {} bytes: it is skipped", number,
                                           limits.max_repl_line_bytes),
                               "a command fits on one line")
            : run_repl_line(s, line->text);
    worst = std::max(worst, code);
    flush(Stream::Out);  // each answer as soon as it is made, for a program reading a pipe
  }
  // On a terminal a mistake is typed again; a script's failure is its exit code.
  return terminal ? 0 : worst;
}

}  // namespace pacta::cli
