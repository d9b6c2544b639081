#pragma once
// A facts file (`--facts FILE`, cli.md): a YAML map of fact names to
// values, as many `--assume NAME=VALUE`s. Read here for shape only (a map of
// single values); each entry keeps where its name and every byte of its
// value are in the file, so that the engine, which reads the values like
// `--assume` values, points its diagnostics into the file.
#include <cstddef>
#include <string>
#include <vector>

#include "grammar/diagnostic.hpp"
#include "grammar/limits.hpp"
#include "grammar/source.hpp"
#include "grammar/yaml/tree.hpp"

namespace pacta {

struct FactEntrySyntax {
  std::string name;
  std::size_t name_offset = 0;
  std::string value;
  // value_offsets[i]: the file offset of byte i of `value`; one more entry
  // for the offset just past it.
  std::vector<std::size_t> value_offsets;
};

struct FactsFileSyntax {
  std::vector<FactEntrySyntax> entries;  // file order
};

// E107 for an empty file, E108 for a rule, test or other pacta file, E201
// for a document that is not a map or a value that is not a single value.
FactsFileSyntax read_facts_file(const SourceFile& file, const YamlDocument& doc,
                                const Limits& limits, Diagnostics& diags);

}  // namespace pacta
