#pragma once
// `pacta test` (SPEC §5): test files are loaded, their contract loaded and
// compiled once per scenario, and every case decided and compared.
#include <optional>
#include <string>
#include <vector>

#include "grammar/diagnostic.hpp"
#include "grammar/limits.hpp"
#include "grammar/source.hpp"

namespace pacta {

struct TestCaseResult {
  std::string file;
  Position position;  // of the case
  std::string name;
  bool passed = false;
  std::string expected;         // verdict or "allowed"
  std::string got;              // verdict; "" when the case could not be decided
  std::vector<std::string> by;  // deciding clauses
  std::optional<std::vector<std::string>> expected_by;  // when the case gives `by`
  std::optional<std::string> error;                     // why it could not be decided
};

struct TestFileResult {
  std::string file;
  bool loaded = false;  // false: diagnostics say why (exit 2)
  std::vector<TestCaseResult> cases;
};

TestFileResult run_test_file(const std::string& path, const Limits& limits, Diagnostics& diags);

// Files named on the command line, and directories searched (recursively,
// sorted) for *.test.yaml. Missing paths are E101 diagnostics.
std::vector<std::string> find_test_files(const std::vector<std::string>& paths, Diagnostics& diags);

}  // namespace pacta
