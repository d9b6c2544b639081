#pragma once
// `pacta test` (language.md §8): test files are loaded, their contract loaded and
// compiled once per scenario, and every case decided and compared.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/load.hpp"
#include "grammar/date.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/limits.hpp"
#include "grammar/source.hpp"

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
  std::vector<std::pair<int, Value>> assume;  // fact index, value; declaration order
  std::string expected;                       // verdict or "allowed"
  std::optional<std::vector<std::string>> expected_by;          // when the case gives `by`
  std::optional<std::vector<std::string>> expected_overridden;  // when it gives `overridden`
  std::string got;                      // verdict; "" when the case could not be decided
  std::vector<std::string> by;          // deciding clauses
  std::vector<std::string> overridden;  // clauses set aside
  bool is_default = false;              // no clause applied: the verdict is a default
  std::optional<std::string> error;     // why it could not be decided
};

struct TestFileResult {
  std::string file;
  bool loaded = false;  // false: diagnostics say why (exit 2)
  std::vector<TestCaseResult> cases;
};

// Runs the cases whose name contains `filter` (every case when empty); the
// others are checked but neither run nor listed.
TestFileResult run_test_file(const std::string& path, const Limits& limits, Diagnostics& diags,
                             std::string_view filter = {});

// Files named on the command line, and directories searched (recursively,
// sorted) for *.test.yaml. Missing paths are E101 diagnostics.
std::vector<std::string> find_test_files(const std::vector<std::string>& paths, Diagnostics& diags);

}  // namespace pacta
