// `pacta test PATH...`: run every test file; exit 1 on a failed case, 2 when
// a file could not be found or loaded.
#include <algorithm>

#include "cli/commands/commands.hpp"
#include "cli/report/reporter.hpp"
#include "engine/testing/test_runner.hpp"

namespace pacta::cli {

int run_test(const TestOptions& o) {
  Limits limits;
  Diagnostics diags;
  auto files = find_test_files(o.paths, diags);
  bool load_failed = diags.has_errors();
  std::vector<TestCaseResult> cases;
  for (const auto& file : files) {
    TestFileResult result = run_test_file(file, limits, diags);
    load_failed = load_failed || !result.loaded;
    cases.insert(cases.end(), result.cases.begin(), result.cases.end());
  }
  const auto passed = static_cast<std::size_t>(
      std::count_if(cases.begin(), cases.end(), [](const TestCaseResult& r) { return r.passed; }));
  make_reporter(o.common.format, o.common.color)
      ->tests(TestReport{diags, cases, passed, cases.size() - passed});
  if (load_failed) return 2;
  return passed < cases.size() ? 1 : 0;
}

}  // namespace pacta::cli
