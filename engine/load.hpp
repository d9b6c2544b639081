#pragma once
// The front-end pipeline in one call: file -> SourceFile -> YAML tree ->
// RuleFileSyntax -> checked Contract. Every diagnostic goes to `diags`.
// Test files are read by engine/load_test_file.hpp, kept apart so that a
// reader of contracts (the CLI) never sees the file-syntax or YAML headers.
#include <memory>
#include <optional>
#include <string>

#include "engine/model/contract.hpp"
#include "grammar/diagnostic.hpp"
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

}  // namespace pacta
