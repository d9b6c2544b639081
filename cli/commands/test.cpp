// `pacta test PATH...`: run every test file (only the cases and timelines
// --filter names); exit 1 on a failed case or timeline or when no case ran
// at all (a green run must have checked something), 2 when a file could
// not be found or loaded, when --filter matches nothing, or when the report
// could not be written.
#include <fmt/format.h>

#include <algorithm>

#include "cli/commands/commands.hpp"
#include "cli/commands/report_output.hpp"
#include "cli/report/ci_convert.hpp"
#include "cli/report/output.hpp"
#include "cli/report/reporter.hpp"
#include "engine/testing/coverage.hpp"
#include "engine/testing/test_runner.hpp"

namespace pacta::cli {

int run_test(const TestOptions& o) {
  Limits limits;
  Diagnostics diags;
  auto files = find_test_files(o.paths, diags);
  bool load_failed = diags.has_errors();
  std::vector<TestCaseResult> cases;
  std::vector<TestTimelineResult> timelines;
  ContractCache contracts;  // each contract loaded once per run
  for (const auto& file : files) {
    TestFileResult result = run_test_file(file, limits, diags, o.filter.value_or(""), &contracts);
    load_failed = load_failed || !result.loaded;
    cases.insert(cases.end(), result.cases.begin(), result.cases.end());
    timelines.insert(timelines.end(), result.timelines.begin(), result.timelines.end());
  }
  if (o.filter && cases.empty() && timelines.empty() && !load_failed) {
    diags.error("--filter", Code::E601,
                fmt::format("no case or timeline name contains '{}'", *o.filter),
                "the filter is a part of a case's or a timeline's `name`, compared letter for "
                "letter; `pacta test --verbose` lists the names");
    load_failed = true;
  }
  const auto passed = static_cast<std::size_t>(
      std::count_if(cases.begin(), cases.end(), [](const TestCaseResult& r) { return r.passed; }) +
      std::count_if(timelines.begin(), timelines.end(),
                    [](const TestTimelineResult& r) { return r.passed; }));
  const std::size_t total = cases.size() + timelines.size();
  std::optional<ClauseCoverage> coverage;
  if (o.coverage) coverage = clause_coverage(cases, timelines);
  const TestReport report{
      diags, cases, timelines, passed, total - passed, o.verbose, coverage ? &*coverage : nullptr};
  const bool written = deliver_report({o.common, o.output, [&](Reporter& r) { r.tests(report); },
                                       [&] { return test_ci_report(report); }});
  if (load_failed || !written) return 2;
  if (total == 0) {
    write_err("pacta: no case or timeline ran: the test files hold none\n");
    return 1;
  }
  return passed < total ? 1 : 0;
}

}  // namespace pacta::cli
