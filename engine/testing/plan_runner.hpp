#pragma once
// `pacta plan` (SPEC §9.1, language.md "Plan files"): each step's instance
// must be allowed (permitted or obligatory) on every day of its span. Exact:
// the step's timeline over its span (engine/time), never day by day; where
// the answer depends on unknown facts, one timeline per case (SPEC §7.3),
// and the step must hold in every case.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/load.hpp"
#include "engine/testing/test_runner.hpp"
#include "engine/whatif/conditional.hpp"
#include "grammar/date.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/limits.hpp"
#include "grammar/source.hpp"

namespace pacta {

// A run of days over which a step's instance is not allowed (or, for an
// obligation, over which it is in force and no step performs it), in the
// case `given` of the unknown facts (empty: whatever they are).
struct PlanRun {
  std::vector<Given> given;
  FoundRun run;
};

// One step checked. Indices (action, args, facts) are into `contract`.
struct PlanStepResult {
  std::string file;
  Position position;  // of the step
  std::string name;
  bool passed = false;
  std::shared_ptr<const LoadedContract> contract;
  int action = -1;  // the `do` instance
  std::vector<int> args;
  Date from, through;  // the span, both inclusive
  std::optional<Date> as_agreed_on;
  std::vector<std::string> without;  // in amendment order
  std::vector<std::string> with;     // files of amendments, as written (plan's, then step's)
  std::vector<std::pair<int, Value>> assume;  // fact index, value; declaration order
  std::vector<int> unknown;                   // facts the answer depends on, ascending
  std::vector<PlanRun> failing;               // every maximal failing run, by case, then by date
  std::optional<Date> first_failing;          // the first day of them (over every case)
  std::optional<std::string> error;           // why the step could not be checked
};

// An obligation in force during the plan's span that no step performs
// (`--obligations`): the instance and the days, in the plan's scenario.
struct PlanObligation {
  std::string file;  // the plan file
  std::shared_ptr<const LoadedContract> contract;
  int action = -1;
  std::vector<int> args;
  std::vector<PlanRun> runs;  // the days of the plan's span it is owed and not performed
};

struct PlanFileResult {
  std::string file;
  std::string name;     // the plan's `name`, when it gives one
  bool loaded = false;  // false: diagnostics say why (exit 2)
  std::vector<PlanStepResult> steps;
  // With `obligations`: the plan's span (first step's first day through
  // the last step's last day) and what is owed in it and not performed.
  std::optional<Date> span_from, span_through;
  std::vector<PlanObligation> obligations;
};

struct PlanOptions {
  bool obligations = false;  // --obligations
};

// Checks every step of the plan file at `path`; `cache` shares contracts
// between the plan files of one run (nullptr: loaded for this file alone).
PlanFileResult run_plan_file(const std::string& path, const Limits& limits, Diagnostics& diags,
                             const PlanOptions& options, ContractCache* cache = nullptr);

// Files named on the command line, and directories searched (recursively,
// sorted) for *.plan.yaml. Missing paths are E101 diagnostics.
std::vector<std::string> find_plan_files(const std::vector<std::string>& paths, Diagnostics& diags);

}  // namespace pacta
