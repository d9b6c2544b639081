#pragma once
// What `ask` and `allowed` share: the question prepared from the flags
// (contract loaded, date and facts parsed, scenario compiled), deciding a
// list of instances, and the verdict filters of --expect and --verdict.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands/options.hpp"
#include "cli/report/reporter.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/question.hpp"
#include "engine/load.hpp"
#include "engine/time/timeline.hpp"
#include "engine/whatif/case_timelines.hpp"
#include "engine/whatif/conditional.hpp"
#include "grammar/verdict.hpp"

namespace pacta::cli {

// Everything a question needs, prepared once: the contract, the scenario
// compiled, the facts and named dates of the situation.
struct PreparedQuestion {
  // Shared: the compiled contract points into it, and `pacta repl` answers
  // many questions from one loaded snapshot (ContractSource below).
  std::shared_ptr<const LoadedContract> loaded;
  std::optional<Date> as_agreed_on;
  std::vector<std::string> without;            // --without, in amendment order
  std::vector<std::string> with;               // --with, the paths as given
  std::vector<std::pair<int, Value>> assumed;  // fact declaration order
  std::optional<Situation> situation;
  std::unique_ptr<CompiledContract> compiled;

  const Contract& contract() const { return loaded->contract; }
};

// Where prepare() takes a question's contract (FILE and its --with files)
// from. Unset, every command reads the files (load_contract_with); `pacta
// repl` installs one that answers from the snapshot its start or its last
// `:load` took (cli/commands/repl_state.hpp), so a session's answers do not
// change while the file is being edited. nullptr: `diags` says why.
using ContractSource = std::function<std::shared_ptr<const LoadedContract>(
    const std::string& file, const std::vector<std::string>& with, const Limits& limits,
    Diagnostics& diags)>;
// Installs `source` (an empty one: read the files again); returns the one
// it replaces. Process-wide, for the thread that prepares questions.
ContractSource set_contract_source(ContractSource source);

// The local date, for `today` in date flags; nullopt if the clock cannot be read.
std::optional<Date> local_today();
// A failure while deciding, as a diagnostic: at the sub-expression that
// failed (the engine locates it), else at the contract's file.
void report_failure(Diagnostics& diags, const LoadedContract& loaded, QuestionFailure& f);

// nullopt: `diags` says why (unreadable file, bad date or fact, ...).
std::optional<PreparedQuestion> prepare(const QuestionOptions& o, const Limits& limits,
                                        Diagnostics& diags);
// --from and --to of `timeline` and `diff`: the days asked about, an end
// not given left open; nullopt and E601 when --from is after --to.
struct RangeFlags {
  std::optional<Date> from, to;
  DayRange days() const { return DayRange{from.value_or(Date::min()), to.value_or(Date::max())}; }
};
std::optional<RangeFlags> parse_range(const std::optional<std::string>& from,
                                      const std::optional<std::string>& to, Diagnostics& diags);

// A timeline of `q` that could not be made (timeline, diff), as a diagnostic.
void report_timeline_failure(const PreparedQuestion& q, const TimelineFailure& f, int action,
                             const std::vector<int>& args, const Limits& limits,
                             Diagnostics& diags);

// The --party value as a party index; E602 with did-you-mean otherwise.
std::optional<int> parse_party(const Contract& c, const std::string& name, Diagnostics& diags);
// `flag`'s value as a verdict filter; E601 with did-you-mean otherwise.
std::optional<VerdictFilter> parse_verdict_filter(const std::string& text, const char* flag,
                                                  Diagnostics& diags);

// What a question lists: the instances of each pattern in order, only
// those involving `party` (when given); of those decided, only the ones
// whose verdict `verdict` accepts and, with --kind, that a clause of that
// kind (in its version in force on the date) decides or sets aside.
struct Selection {
  std::vector<Pattern> patterns;
  std::optional<int> party;
  std::optional<VerdictFilter> verdict;
  std::optional<std::string> kind;
  // Where an E606 for the question is reported, and its help.
  std::string where, help;
  // Per pattern: the unknown facts its action's clauses read (SPEC §7.3),
  // each instance then decided once per combination of their cells and
  // answered in cases. Set by check_steps.
  std::vector<UnknownAnalysis> unknown = {};
};

// The patterns a question lists: `only` when given, else every action with
// every param free, actions by name (cli.md).
std::vector<Pattern> question_patterns(const Contract& c, const std::optional<Pattern>& only);
// Instances the patterns enumerate (before the party filter), saturating.
std::uint64_t enumerated(const Contract& c, const std::vector<Pattern>& patterns);
// The unknown facts the clauses of `action` read in `q` (SPEC §7.3), each
// with its cells; nullopt and E613 at the fact's declaration when one
// cannot be split into cases (or they make too many combinations).
std::optional<UnknownAnalysis> analyze_action(const PreparedQuestion& q, int action,
                                              const Limits& limits, Diagnostics& diags);

// Finds the unknown facts of each pattern (s.unknown; E613 when one cannot
// be split into cases), then E606 unless deciding the selection, once per
// combination of their cells, takes at most Limits::max_decision_steps by
// Decider::steps_bound: checked before any instance is decided.
bool check_steps(const PreparedQuestion& q, Selection& s, const Limits& limits, Diagnostics& diags);

// The instances of the ACTION pattern `action` (`ask`, `explain`), narrowed
// by --kind; nullopt and a diagnostic when the pattern is invalid, has more
// than `max_instances` instances (E606 "'ACTION' has more than N
// instances" and `suffix`, with `help`), or would take too long to decide
// (check_steps) — all before any instance is decided.
std::optional<Selection> pattern_selection(const PreparedQuestion& q, const std::string& action,
                                           const std::optional<std::string>& kind,
                                           std::size_t max_instances, std::string_view suffix,
                                           const std::string& help, const Limits& limits,
                                           Diagnostics& diags);

// What one walk over the listing found: how many instances are listed and,
// for --expect / --expect-none, how many differ and the first of them.
struct Outcome {
  std::size_t listed = 0;
  std::size_t differing = 0;
  std::vector<DecidedInstance> shown;  // at most Limits::max_listed_instances
  std::vector<int> unknown;            // facts some listed answer depends on, ascending
};

// The instances a selection lists, decided as they are read: memory does
// not grow with their number. decide() walks them first, so a failure is
// found before anything is written; the reporter's walks then repeat it
// (deciding is deterministic, so every walk gives the same instances).
class Listing final : public DecidedInstances {
 public:
  Listing(const PreparedQuestion& q, Selection s);
  // nullopt and a diagnostic at the first instance that cannot be decided
  // (a fact the question needs and lacks), or past max_decision_steps.
  std::optional<Outcome> decide(const std::optional<VerdictFilter>& expect, bool expect_none,
                                const Limits& limits, Diagnostics& diags) const;
  // Only after decide() succeeded.
  void for_each(const std::function<void(const DecidedInstance&)>& f) const override;

 private:
  bool walk(const std::function<void(const DecidedInstance&)>& f, const Limits* limits,
            Diagnostics* diags) const;
  bool listed(const Decision& d) const;
  bool listed(const DecidedInstance& r) const;  // some case listed, for a conditional one

  const PreparedQuestion& q_;
  Selection s_;
  std::vector<const std::string*> kinds_;  // with --kind: per clause, on the date
};

// --expect V (`expect`) or --expect-none: 1, and the message, when some
// instance listed differs (any instance, for --expect-none); else 0.
int check_expectation(const PreparedQuestion& q, const std::optional<VerdictFilter>& expect,
                      bool expect_none, const Outcome& outcome, Reporter& reporter);
// The answer the reporter renders, viewing `q` and `listing`.
Answer answer_of(const PreparedQuestion& q, const Listing& listing, const Outcome& outcome);

// Reports the diagnostics that stop a command; the exit code for it (2).
int stop_on(const Diagnostics& diags, Reporter& reporter);

}  // namespace pacta::cli
