#pragma once
// What the commands found, as plain data, and the Reporter that renders it
// (in the spirit of OPA's tester reporters). Commands decide the exit code
// and call a Reporter; a Reporter only writes: results to stdout,
// diagnostics to stderr. Every reporter is deterministic: the same report
// gives the same bytes. A new format (JUnit, TAP, SARIF, GitHub) is one
// more file implementing Reporter, plus a case in make_reporter().
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/report/format.hpp"
#include "cli/report/plan_report.hpp"
#include "engine/decide/decider.hpp"
#include "engine/model/contract.hpp"
#include "engine/testing/coverage.hpp"
#include "engine/testing/test_runner.hpp"
#include "engine/whatif/conditional.hpp"
#include "grammar/date.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/verdict.hpp"

namespace pacta::cli {

// One action instance and its decision; when the decision depends on
// unknown facts (SPEC §7.3), its cases instead (two or more, disjoint and
// covering), and `decision` is unused.
struct DecidedInstance {
  int action = -1;
  std::vector<int> args;  // value indices, one per param
  Decision decision;
  std::vector<Case<Decision>> cases = {};
};

// One file named to `pacta check`. The summary is set only when it loaded;
// otherwise the report's diagnostics say why.
struct CheckedFile {
  struct Summary {
    std::string contract_id;
    std::size_t clauses = 0;
    std::size_t amendments = 0;
  };
  std::string path;
  std::optional<Summary> loaded;
};

struct CheckReport {
  const std::vector<CheckedFile>& files;  // command-line order
  const Diagnostics& diagnostics;         // of every file, in file order
};

// The instances of an answer, produced one at a time (a question may list
// a million; they are decided as they are read, never all held): for_each
// calls `f` with each in order, and every call gives the same instances.
// The instance passed is valid only during its call. A reporter that needs
// to measure before it writes (the text table's column widths) walks twice.
class DecidedInstances {
 public:
  virtual void for_each(const std::function<void(const DecidedInstance&)>& f) const = 0;

 protected:
  ~DecidedInstances() = default;
};

// The instances of a list already in memory (small answers, tests).
class DecidedList final : public DecidedInstances {
 public:
  explicit DecidedList(const std::vector<DecidedInstance>& list) : list_(list) {}
  void for_each(const std::function<void(const DecidedInstance&)>& f) const override {
    for (const auto& r : list_) f(r);
  }

 private:
  const std::vector<DecidedInstance>& list_;
};

// The answer to `ask` or `allowed`: the question as understood (the date,
// the scenario, the assumed facts), and every instance decided, in order.
struct Answer {
  const Contract& contract;
  Date on;
  std::optional<Date> as_agreed_on;
  const std::vector<std::pair<int, Value>>& assumed;  // fact index, value; declaration order
  const DecidedInstances& results;
  std::size_t count = 0;                  // how many instances results gives
  std::vector<std::string> without = {};  // --without: amendment ids, in amendment order
  std::vector<std::string> with = {};     // --with: files of amendments, as given
  std::vector<int> unknown = {};          // unknown facts some answer listed depends on, ascending
};

// `--expect` did not hold: `differing` of the `total` instances listed
// have a verdict the filter rejects (for `--expect-none`, no `expected`:
// every instance listed); `shown` holds the first of them, at most
// Limits::max_listed_instances, so the line stays short.
struct UnmetExpectation {
  const Contract& contract;
  std::optional<VerdictFilter> expected;
  const std::vector<DecidedInstance>& shown;
  std::size_t differing = 0;
  std::size_t total = 0;
};

struct TestReport {
  const Diagnostics& diagnostics;  // finding and loading the files
  const std::vector<TestCaseResult>& cases;
  const std::vector<TestTimelineResult>& timelines;  // after the cases, in file order
  std::size_t passed = 0;                            // cases and timelines
  std::size_t failed = 0;
  bool verbose = false;  // text: list passing cases and timelines too
  // --coverage: the clauses that decided no case, after the results.
  const ClauseCoverage* coverage = {};
};

struct LintReport;  // cli/report/lint_report.hpp

class Reporter {
 public:
  virtual ~Reporter() = default;

  // A command stopped on these diagnostics (it exits 2).
  virtual void diagnostics(const Diagnostics& diags) = 0;
  virtual void check(const CheckReport& report) = 0;
  virtual void answer(const Answer& answer) = 0;
  virtual void tests(const TestReport& report) = 0;
  virtual void plan(const PlanReport& report) = 0;
  // `pacta lint`: the loading diagnostics on stderr, the findings on stdout.
  virtual void lint(const LintReport& report) = 0;
  // One sentence on stderr, the same in every format: stdout already holds
  // the answer (in JSON, one document that must stay parseable).
  virtual void unmet_expectation(const UnmetExpectation& unmet);
};

// Colour only changes the text reporter (escape codes; same text otherwise).
std::unique_ptr<Reporter> make_text_reporter(bool color);
std::unique_ptr<Reporter> make_json_reporter();
std::unique_ptr<Reporter> make_reporter(Format format, bool color);

}  // namespace pacta::cli
