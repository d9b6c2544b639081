#pragma once
// `pacta repl FILE` (SPEC §11): the state a session asks every question
// under — the date, the assumptions and the scenario — and how it becomes
// the option structs of the commands, so that the REPL answers exactly as
// `pacta ask`, `allowed`, `timeline`, `explain` and `diff` would with the
// same flags (the same text, the same diagnostics); and the snapshot of the
// files the session answers from, which only `:load` reads again.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands/options.hpp"
#include "engine/load.hpp"

namespace pacta::cli {

// What the state commands set (docs/cli.md §17). Plain text as the user
// typed it: prepare() (question.hpp) reads it as it reads the flags.
struct ReplState {
  std::string on;  // --on: YYYY-MM-DD
  // --assume: NAME=VALUE as typed, one per name, in the order first assumed.
  std::vector<std::string> assume;
  std::vector<std::string> unknown;  // --unknown
  std::string agreed;                // --as-agreed-on; empty: none
  std::vector<std::string> without;  // --without, in the order given
  std::vector<std::string> with;     // --with, the paths as given
  bool operator==(const ReplState& other) const = default;
};

// `:assume N=V`: replaces an earlier value of N, and N is no longer
// unknown. A text without `=` is kept as typed (prepare() then says what
// an assumption looks like).
void assume_fact(ReplState& s, std::string_view assignment);
// `:forget N`: N neither assumed nor unknown; false when it was neither.
bool forget_fact(ReplState& s, std::string_view name);
// `:unknown N`: N unknown, and no longer assumed.
void leave_unknown(ReplState& s, std::string_view name);
// `:without ID`, `:with FILE`: added once (again: no change).
void add_without(ReplState& s, std::string_view id);
void add_with(ReplState& s, std::string_view path);

// The flags of a question about `file` under `s`.
QuestionOptions question_options(const std::string& file, const ReplState& s,
                                 const CommonOptions& common);
AskOptions ask_options(const std::string& file, const ReplState& s, const CommonOptions& common,
                       std::string pattern);
ExplainOptions explain_options(const std::string& file, const ReplState& s,
                               const CommonOptions& common, std::string pattern);
AllowedOptions allowed_options(const std::string& file, const ReplState& s,
                               const CommonOptions& common);
// A timeline asks about every day: no --on.
TimelineOptions timeline_options(const std::string& file, const ReplState& s,
                                 const CommonOptions& common);
// `diff`: the base is `base` (its flags named --base-...), the other
// `other`; both over every day (no --on); --unknown is the other's on
// both sides, as on the command line.
DiffOptions diff_options(const std::string& file, const ReplState& base, const ReplState& other,
                         const CommonOptions& common);

// `:state`: the file and every part of the state, one per line, through
// visible().
std::string state_text(const std::string& file, const ReplState& s);

// The files a session answers from, read once: at the start, by `:load`,
// and a file of amendments when `:with` first names it. Each (FILE, with
// files) pair is loaded once from those bytes and shared by every question
// asked of it (installed as prepare()'s ContractSource by the REPL).
class ContractSnapshot {
 public:
  // The contract of `file` with `with`, loaded from the bytes kept (a file
  // not read yet is read now and kept); nullptr and `diags` say why.
  std::shared_ptr<const LoadedContract> get(const std::string& file,
                                            const std::vector<std::string>& with,
                                            const Limits& limits, Diagnostics& diags);
  // `:load`: `file` and `with` read again and loaded. When they load, they
  // replace every file and contract kept; otherwise nothing changes, the
  // session goes on answering from what it had, and false.
  bool reload(const std::string& file, const std::vector<std::string>& with, const Limits& limits,
              Diagnostics& diags);

 private:
  std::map<std::string, SourceFile> files_;
  std::map<std::vector<std::string>, std::shared_ptr<const LoadedContract>> loaded_;
};

}  // namespace pacta::cli
