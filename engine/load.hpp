#pragma once
// The front-end pipeline in one call: file -> SourceFile -> YAML tree ->
// RuleFileSyntax -> checked Contract. Every diagnostic goes to `diags`.
// Test files are read by engine/load_test_file.hpp, kept apart so that a
// reader of contracts (the CLI) never sees the file-syntax or YAML headers.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
// The rule file with the files of amendments `with` (`--with FILE`, each
// `pacta-amendments: 1`) appended after its own amendments, checked as one
// contract; every diagnostic names the file it is in. `with` empty: the
// same as load_contract.
std::optional<LoadedContract> load_contract_with(const std::string& path,
                                                 const std::vector<std::string>& with,
                                                 const Limits& limits, Diagnostics& diags);
// One file read as load_contract_with reads each of its files (a regular
// file, its size and encoding checked; E101, E102, ... otherwise), for a
// caller that keeps the bytes and loads them later with
// load_contract_sources (`pacta repl`: the snapshot of `:load`).
std::optional<SourceFile> read_contract_file(const std::string& path, const Limits& limits,
                                             Diagnostics& diags);
// The same from sources in memory: the rule file first, then the files of
// amendments (tests and fuzzers).
std::optional<LoadedContract> load_contract_sources(std::vector<SourceFile> sources,
                                                    const Limits& limits, Diagnostics& diags);
// The same from text in memory (`path` only names it in diagnostics).
std::optional<LoadedContract> load_contract_text(std::string path, std::string text,
                                                 const Limits& limits, Diagnostics& diags);

// The rule files `paths` name: a file as given, a directory searched
// recursively for *.yaml / *.yml files whose first key is `pacta` (sorted
// by path; files of other kinds are skipped). A directory without any is an
// E101 diagnostic.
std::vector<std::string> find_rule_files(const std::vector<std::string>& paths,
                                         const Limits& limits, Diagnostics& diags);

// `check` and `lint`: the rule files `paths` name (find_rule_files), each
// loaded in order and handed to `each` with its path (nullopt when it does
// not load). Returns the diagnostics of the search and of every file, each
// file with its own quota of them.
Diagnostics load_rule_files(const std::vector<std::string>& paths, const Limits& limits,
                            const std::function<void(const std::string& path,
                                                     std::optional<LoadedContract>& loaded)>& each);

// A facts file (the CLI's `--facts FILE`): a YAML map of fact values, each
// read like an assumption (`flag` names where it came from in messages),
// diagnostics pointing into the file. Fact index and value, in declaration
// order; nullopt after an error.
std::optional<std::vector<std::pair<int, Value>>> load_facts_file(const Contract& contract,
                                                                  const std::string& path,
                                                                  std::string_view flag,
                                                                  const Limits& limits,
                                                                  Diagnostics& diags);

}  // namespace pacta
