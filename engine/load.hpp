#pragma once
// The front-end pipeline in one call: file -> SourceFile -> YAML tree ->
// RuleFileSyntax -> checked Contract (or TestFileSyntax, for a test file).
// Every diagnostic goes to `diags`.
#include <memory>
#include <optional>
#include <string>

#include "engine/model/contract.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/files/test_file.hpp"
#include "grammar/limits.hpp"
#include "grammar/source.hpp"

namespace pacta {

struct LoadedContract {
  std::unique_ptr<SourceFile> source;  // kept: diagnostics and explanations point into it
  Contract contract;
};

std::optional<LoadedContract> load_contract(const std::string& path, const Limits& limits,
                                            Diagnostics& diags);
// The same from text in memory (`path` only names it in diagnostics).
std::optional<LoadedContract> load_contract_text(std::string path, std::string text,
                                                 const Limits& limits, Diagnostics& diags);

struct LoadedTestFile {
  std::unique_ptr<SourceFile> source;  // kept: the cases' diagnostics point into it
  TestFileSyntax syntax;               // read for shape; cases not yet resolved
};

// A test file read and checked for shape (SPEC §5); nullopt after an error.
std::optional<LoadedTestFile> load_test_file(const std::string& path, const Limits& limits,
                                             Diagnostics& diags);

}  // namespace pacta
