#include "engine/load.hpp"

#include "engine/check/check.hpp"
#include "engine/load_test_file.hpp"
#include "grammar/files/rule_file.hpp"
#include "grammar/yaml/tree.hpp"

namespace pacta {

namespace {

// The first steps of every file: its text kept where diagnostics can point
// into it, and its YAML tree.
struct ReadDocument {
  std::unique_ptr<SourceFile> file;
  YamlDocument doc;
};

std::optional<ReadDocument> read_document(std::optional<SourceFile> source, const Limits& limits,
                                          Diagnostics& diags) {
  if (!source) return std::nullopt;
  auto file = std::make_unique<SourceFile>(std::move(*source));
  auto doc = read_yaml(*file, limits, diags);
  if (!doc) return std::nullopt;
  return ReadDocument{std::move(file), std::move(*doc)};
}

std::optional<LoadedContract> load_source(std::optional<SourceFile> source, const Limits& limits,
                                          Diagnostics& diags) {
  auto read = read_document(std::move(source), limits, diags);
  if (!read) return std::nullopt;
  auto& [file, doc] = *read;
  std::size_t before = diags.error_count();
  RuleFileSyntax syntax = read_rule_file(*file, doc, limits, diags);
  // Names and types are checked even after a shape error, so one run
  // reports every error in the file.
  if (!syntax.declarations_ok) return std::nullopt;
  auto contract = check_contract(*file, syntax, diags);
  if (!contract || diags.error_count() != before) return std::nullopt;
  return LoadedContract{std::move(file), std::move(*contract)};
}

}  // namespace

std::optional<LoadedContract> load_contract(const std::string& path, const Limits& limits,
                                            Diagnostics& diags) {
  return load_source(read_source(path, limits, diags), limits, diags);
}

std::optional<LoadedContract> load_contract_text(std::string path, std::string text,
                                                 const Limits& limits, Diagnostics& diags) {
  return load_source(make_source(std::move(path), std::move(text), limits, diags), limits, diags);
}

std::optional<LoadedTestFile> load_test_file(const std::string& path, const Limits& limits,
                                             Diagnostics& diags) {
  auto read = read_document(read_source(path, limits, diags), limits, diags);
  if (!read) return std::nullopt;
  std::size_t before = diags.error_count();
  TestFileSyntax syntax = read_test_file(*read->file, read->doc, limits, diags);
  if (diags.error_count() != before) return std::nullopt;
  return LoadedTestFile{std::move(read->file), std::move(syntax)};
}

}  // namespace pacta
