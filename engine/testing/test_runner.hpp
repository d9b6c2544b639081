#pragma once
// `pacta test` (language.md §8): test files are loaded, their contract loaded
// once per run (ContractCache) and compiled once per scenario, every case
// decided and compared, and every timeline made and compared run by run.
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/load.hpp"
#include "engine/whatif/conditional.hpp"
#include "grammar/date.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/limits.hpp"
#include "grammar/source.hpp"
#include "grammar/verdict.hpp"

namespace pacta {

// One case run: the question as the case asks it, what it expects and what
// pacta decided. Indices (action, args, facts) are into `contract`.
struct TestCaseResult {
  std::string file;
  Position position;  // of the case
  std::string name;
  bool passed = false;
  std::shared_ptr<const LoadedContract> contract;  // the case's contract, kept for reports
  int action = -1;                                 // the `ask` instance
  std::vector<int> args;
  std::optional<Date> on;                     // nullopt: the case's date could not be computed
  std::optional<Date> as_agreed_on;           // the case's `as_agreed_on`, when it gives one
  std::vector<std::string> without;           // the case's `without`, in amendment order
  std::vector<std::string> with;              // the case's `with`, as written
  std::vector<std::pair<int, Value>> assume;  // fact index, value; declaration order
  std::string expected;                       // verdict or "allowed"
  std::optional<std::vector<std::string>> expected_by;          // when the case gives `by`
  std::optional<std::vector<std::string>> expected_overridden;  // when it gives `overridden`
  std::string got;                      // verdict; "" when the case could not be decided
  std::vector<std::string> by;          // deciding clauses
  std::vector<std::string> overridden;  // clauses set aside
  bool is_default = false;              // no clause applied: the verdict is a default
  std::optional<std::string> error;     // why it could not be decided

  // Conditional answers (SPEC §7.3). The facts left unknown that the
  // answer depends on; then its cases (two or more; `got`, `by`, ... are
  // then unset).
  std::vector<int> unknown;
  std::vector<Case<Decision>> got_cases;
  // `expect_cases` as the case gives them (`expected` is then empty).
  struct ExpectedCase {
    std::vector<Given> given;
    std::string expect;
    std::optional<std::vector<std::string>> by, overridden;
  };
  std::vector<ExpectedCase> expected_cases;
  // Why a case failed where its answer has cases: at the combination of
  // the unknown facts' values `at` (one Given per fact), the answer differs
  // from what `expect` or expected case `expected_case` says (Differs), no
  // expected case or two of them (`expected_case`, `other_case`) hold
  // there; or expected case `expected_case` gives fact `fact` that the
  // answer does not depend on (NotRead), or values of it that cut across
  // the contract's thresholds (Misaligned).
  enum class Mismatch { None, Differs, NotCovered, Overlap, NotRead, Misaligned };
  Mismatch mismatch = Mismatch::None;
  std::vector<Given> at;
  Decision at_decision;  // the answer at `at`
  int expected_case = -1, other_case = -1, fact = -1;
};

// One run of a timeline: expected (`by`, `overridden`, `default` only when
// the test gives them) or found. Date::min() is the beginning of time and
// Date::max() no end (`null` in the test file).
struct ExpectedRun {
  Date from, through;
  Verdict verdict = Verdict::Permitted;
  std::optional<std::vector<std::string>> by;          // clause ids, as written
  std::optional<std::vector<std::string>> overridden;  // clause ids, as written
  std::optional<bool> is_default;
};

struct FoundRun {
  Date from, through;
  Verdict verdict = Verdict::Permitted;
  bool is_default = false;
  std::vector<std::string> by;          // deciding clauses
  std::vector<std::string> overridden;  // clauses set aside
};

// One timeline run: the instance and range it asks about, the runs it
// expects and the runs pacta found. Indices (action, args, facts) are into
// `contract`.
struct TestTimelineResult {
  std::string file;
  Position position;  // of the timeline
  std::string name;
  bool passed = false;
  std::shared_ptr<const LoadedContract> contract;
  int action = -1;  // the `ask` instance
  std::vector<int> args;
  std::optional<Date> from, to;               // the timeline's range, when it gives one
  std::optional<Date> as_agreed_on;           // when it gives one
  std::vector<std::string> without;           // its `without`, in amendment order
  std::vector<std::string> with;              // its `with`, as written
  std::vector<std::pair<int, Value>> assume;  // fact index, value; declaration order
  std::vector<ExpectedRun> expected;
  std::vector<FoundRun> found;  // empty when the timeline could not be made
  // The first run (0-based) that differs between `expected` and `found`,
  // when the timeline failed and was made; it may be past the end of one
  // of them (a missing or an extra run).
  std::optional<std::size_t> differs;
  std::optional<std::string> error;  // why the timeline could not be made
};

struct TestFileResult {
  std::string file;
  bool loaded = false;  // false: diagnostics say why (exit 2)
  std::vector<TestCaseResult> cases;
  std::vector<TestTimelineResult> timelines;
};

// The contracts of one `pacta test` run, shared by its test files: each is
// loaded once (keyed by its canonical path and those of the files of
// amendments `with` appends to it), compiled once per scenario
// (`as_agreed_on`), and one Decider per scenario serves every case. A
// contract that fails to load is not kept: each test file naming it
// reports its errors, as a fresh load would.
class ContractCache {
 public:
  ContractCache();
  ~ContractCache();
  ContractCache(const ContractCache&) = delete;
  ContractCache& operator=(const ContractCache&) = delete;

  // The contract at `path`, read by `read` at its first request; nullptr
  // (and the diagnostics `read` gave) when it does not load, and then it is
  // read again at the next request, so every test file naming it reports
  // why.
  std::shared_ptr<const LoadedContract> load(
      const std::string& path, const std::vector<std::string>& with,
      const std::function<std::optional<LoadedContract>()>& read);
  std::size_t loads() const { return loads_; }  // files read, for tests

  struct Scenarios;  // the compiled scenarios of one contract (test_runner.cpp)
  Scenarios& scenarios(const LoadedContract& contract);

 private:
  struct Entry;
  std::map<std::string, std::unique_ptr<Entry>> by_path_;
  std::size_t loads_ = 0;
};

// Runs the cases and timelines whose name contains `filter` (all when
// empty); the others are checked but neither run nor listed. `cache` shares contracts
// between the test files of one run; without it the contract is loaded for
// this file alone.
TestFileResult run_test_file(const std::string& path, const Limits& limits, Diagnostics& diags,
                             std::string_view filter = {}, ContractCache* cache = nullptr);

// Files named on the command line, and directories searched (recursively,
// sorted) for *.test.yaml. Missing paths are E101 diagnostics.
std::vector<std::string> find_test_files(const std::vector<std::string>& paths, Diagnostics& diags);

}  // namespace pacta
