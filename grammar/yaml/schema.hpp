#pragma once
// Shared helpers for readers of YAML documents with a fixed schema (rule
// files, test files): node kinds, allowed keys with did-you-mean, scalars
// parsed as expressions with spans shifted into the file.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "grammar/diagnostic.hpp"
#include "grammar/expr/ast.hpp"
#include "grammar/limits.hpp"
#include "grammar/source.hpp"
#include "grammar/yaml/tree.hpp"

namespace pacta {

// A scalar as quoted in a one-line message: line breaks and tabs escaped
// (`\n`, `\r`, `\t`), so a block scalar (`key: |`) never breaks the line.
std::string shown_scalar(std::string_view value);

class YamlReader {
 public:
  YamlReader(const SourceFile& file, const Limits& limits, Diagnostics& diags)
      : file_(file), limits_(limits), diags_(diags) {}

  // E201 unless the node has the kind; `what` names it for the message.
  bool expect_map(const YamlNode& node, std::string_view what);
  bool expect_sequence(const YamlNode& node, std::string_view what);
  bool expect_scalar(const YamlNode& node, std::string_view what);

  // E202 for every key not in `allowed` (with did-you-mean), E203 for every
  // `required` key missing. Returns false when a required key is missing.
  bool check_keys(const YamlNode& map, std::string_view what,
                  std::initializer_list<std::string_view> allowed,
                  std::initializer_list<std::string_view> required);
  // The value of `key` in `map`, or nullptr (find_entry for the key node).
  static const YamlNode* find(const YamlNode& map, std::string_view key) {
    const YamlEntry* entry = find_entry(map, key);
    return entry != nullptr ? entry->second : nullptr;
  }

  // A scalar parsed as an expression / action pattern; spans in file offsets.
  std::optional<Expr> expression(const YamlNode& node, std::string_view what);
  std::optional<ActionPattern> action_pattern(const YamlNode& node, std::string_view what);
  // An identifier [A-Za-z_][A-Za-z0-9_]*, not a keyword (E205).
  std::optional<std::string> identifier(const YamlNode& node, std::string_view what);
  // A clause / amendment id [A-Za-z0-9][A-Za-z0-9_.-]* (E205).
  std::optional<std::string> clause_id(const YamlNode& node, std::string_view what);
  // A scalar that must be one of `choices` (E204 with did-you-mean).
  std::optional<std::string> choice(const YamlNode& node, std::string_view what,
                                    std::vector<std::string> choices, std::string help = {});
  std::optional<std::string> text(const YamlNode& node, std::string_view what);

  void error(std::size_t offset, Code code, std::string message, std::string help = {}) {
    diags_.error(file_, offset, code, std::move(message), std::move(help));
  }
  const SourceFile& file() const { return file_; }
  const Limits& limits() const { return limits_; }
  Diagnostics& diags() { return diags_; }

 private:
  const SourceFile& file_;
  const Limits& limits_;
  Diagnostics& diags_;
};

// "a list", "a mapping", "text", "nothing" — for messages.
const char* describe_kind(const YamlNode& node);

}  // namespace pacta
