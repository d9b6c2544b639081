#pragma once
// What `ask` and `allowed` share: the question prepared from the flags
// (contract loaded, date and facts parsed, scenario compiled), deciding a
// list of instances, and the verdict filters of --expect and --verdict.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/commands/options.hpp"
#include "cli/report/reporter.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/load.hpp"
#include "grammar/verdict.hpp"

namespace pacta::cli {

// Everything a question needs, prepared once: the contract, the scenario
// compiled, the facts and named dates of the situation.
struct PreparedQuestion {
  std::unique_ptr<LoadedContract> loaded;  // heap: the compiled contract points into it
  std::optional<Date> as_agreed_on;
  std::vector<std::pair<int, Value>> assumed;  // fact declaration order
  std::optional<Situation> situation;
  std::unique_ptr<CompiledContract> compiled;

  const Contract& contract() const { return loaded->contract; }
};

// An action and its argument value indices, to be decided.
using InstanceList = std::vector<std::pair<int, std::vector<int>>>;

// nullopt: `diags` says why (unreadable file, bad date or fact, ...).
std::optional<PreparedQuestion> prepare(const QuestionOptions& o, const Limits& limits,
                                        Diagnostics& diags);
// Decides every instance in order; nullopt and a diagnostic when one cannot
// be decided (a fact the question needs and lacks).
std::optional<std::vector<DecidedInstance>> decide_all(const PreparedQuestion& q,
                                                       const InstanceList& todo,
                                                       Diagnostics& diags);
// `flag`'s value as a verdict filter; E601 with did-you-mean otherwise.
std::optional<VerdictFilter> parse_verdict_filter(const std::string& text, const char* flag,
                                                  Diagnostics& diags);
// --kind K: keeps the instances that a clause of kind K (in its version in
// force on the date) decides or sets aside; all of them without the flag.
void keep_kind(const PreparedQuestion& q, const std::optional<std::string>& kind,
               std::vector<DecidedInstance>& results);
// --expect V (`expect`) or --expect-none: 1, and the message, when some
// instance of `results` differs (any instance, for --expect-none); else 0.
int check_expectation(const PreparedQuestion& q, const std::optional<VerdictFilter>& expect,
                      bool expect_none, const std::vector<DecidedInstance>& results,
                      Reporter& reporter);
// The answer the reporter renders, viewing `q` and `results`.
Answer answer_of(const PreparedQuestion& q, const std::vector<DecidedInstance>& results);

// Reports the diagnostics that stop a command; the exit code for it (2).
int stop_on(const Diagnostics& diags, Reporter& reporter);

}  // namespace pacta::cli
