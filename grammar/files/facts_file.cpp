#include "grammar/files/facts_file.hpp"

#include <fmt/format.h>

#include "grammar/files/file_kind.hpp"
#include "grammar/yaml/schema.hpp"

namespace pacta {

FactsFileSyntax read_facts_file(const SourceFile& file, const YamlDocument& doc,
                                const Limits& limits, Diagnostics& diags) {
  YamlReader r(file, limits, diags);
  FactsFileSyntax out;
  if (doc.root == nullptr) {
    r.error(0, Code::E107, "the facts file is empty",
            "a facts file is a map of fact names to values, e.g. `agi_declared: true`");
    return out;
  }
  if (!check_not_a_pacta_file(file, doc, "a facts file", diags)) return out;
  const YamlNode& root = *doc.root;
  if (root.kind != YamlNode::Kind::Map) {
    r.error(root.offset, Code::E201,
            fmt::format("a facts file must be a mapping of fact names to values, found {}",
                        describe_kind(root)),
            "write one `fact: value` per line, e.g. `agi_declared: true`");
    return out;
  }
  for (const auto& [key, value] : root.entries) {
    if (!r.expect_scalar(*key, "a fact name")) continue;
    if (value->kind != YamlNode::Kind::Scalar) {
      r.error(value->offset, Code::E201,
              fmt::format("the value of fact '{}' must be a single value, found {}", key->value,
                          describe_kind(*value)),
              "write one literal, as for --assume: true, 31, 2026-01-15, never, a party or an "
              "enum value");
      continue;
    }
    out.entries.push_back(FactEntrySyntax{key->value, key->content_offset, value->value,
                                          scalar_offsets(file, *value)});
  }
  return out;
}

}  // namespace pacta
