#pragma once
// A test file read and checked for shape, through the same first steps as a
// contract (engine/load.hpp); its cases are resolved by engine/testing/.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/load.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/files/test_file.hpp"
#include "grammar/limits.hpp"
#include "grammar/source.hpp"

namespace pacta {

struct LoadedTestFile {
  std::unique_ptr<SourceFile> source;  // kept: the cases' diagnostics point into it
  TestFileSyntax syntax;               // read for shape; cases not yet resolved
  bool ok = true;                      // false: a shape error (in `diags`); the cases
                                       // read are still resolved, to report every error
};

// nullopt when the file cannot be read as YAML or is of another kind (the
// diagnostics say why); otherwise what could be read, `ok` false after an
// error.
std::optional<LoadedTestFile> load_test_file(const std::string& path, const Limits& limits,
                                             Diagnostics& diags);

// A file a test file names, and where in the test file it is named.
struct TestFileReference {
  std::string path;
  std::size_t offset = 0;
};

// The rule file `contract` names (the `contract:` of `test_file`), with
// the files of amendments `with` (a case's `with:`) appended. A path that
// cannot be opened (missing, a directory, no regular file, a NUL byte in
// it, ...) is E701 where the test file names it; what is wrong inside a
// file is reported in it, like `load_contract_with`. `owner` names the
// kind of `test_file` ("test file", "plan file") in messages.
std::optional<LoadedContract> load_test_contract(const TestFileReference& contract,
                                                 const std::vector<TestFileReference>& with,
                                                 const SourceFile& test_file, const Limits& limits,
                                                 Diagnostics& diags,
                                                 std::string_view owner = "test file");

}  // namespace pacta
