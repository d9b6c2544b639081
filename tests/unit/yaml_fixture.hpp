#pragma once
// Shared by the YAML reader's unit tests (tests/unit/test_yaml_*.cpp): a file
// read from memory and parsed, diagnostics as "CODE line:col", a scalar of
// the root map with its source offsets, and temporary files.
#include <catch2/catch.hpp>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "grammar/yaml/tree.hpp"

namespace pacta::yaml_fixture {

using pacta::Code;
using pacta::Diagnostic;
using pacta::Diagnostics;
using pacta::Limits;
using pacta::SourceFile;
using pacta::YamlDocument;
using pacta::YamlNode;
using Kind = YamlNode::Kind;
using Style = YamlNode::Style;
using Offsets = std::vector<std::size_t>;

// A file read from memory and parsed; keeps the SourceFile the tree points into.
struct Loaded {
  Diagnostics diags;
  std::optional<SourceFile> file;
  std::optional<YamlDocument> doc;
};

inline Loaded load(std::string bytes, const Limits& limits = {}) {
  Loaded out;
  out.file = pacta::make_source("test.yaml", std::move(bytes), limits, out.diags);
  if (out.file) out.doc = pacta::read_yaml(*out.file, limits, out.diags);
  return out;
}

// "CODE line:col" per diagnostic ("CODE" alone without a position).
inline std::vector<std::string> where(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.all()) {
    std::string code(code_name(d.code));
    out.push_back(d.has_position ? code + " " + std::to_string(d.position.line) + ":" +
                                       std::to_string(d.position.column)
                                 : code);
  }
  return out;
}

// Every diagnostic rendered, for failure messages.
inline std::string rendered(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.all()) out += pacta::render_text(d, false);
  return out;
}

inline const Diagnostic& only(const Diagnostics& diags) {
  REQUIRE(diags.all().size() == 1);
  return diags.all().front();
}

inline const YamlNode& value_of(const YamlNode& map, const std::string& key) {
  REQUIRE(map.kind == Kind::Map);
  for (const auto& [k, v] : map.entries) {
    if (k->kind == Kind::Scalar && k->value == key) return *v;
  }
  FAIL("no key " << key);
  throw;  // unreachable
}

// The root map's value for `key`, after a parse that must succeed.
struct Scalar {
  Loaded loaded;
  const YamlNode* node = nullptr;
  Offsets offsets() const { return pacta::scalar_offsets(*loaded.file, *node); }
};

inline Scalar scalar(std::string text, const std::string& key = "k") {
  Scalar out{load(std::move(text))};
  INFO(rendered(out.loaded.diags));
  REQUIRE(out.loaded.doc);
  REQUIRE(out.loaded.doc->root);
  out.node = &value_of(*out.loaded.doc->root, key);
  REQUIRE(out.node->kind == Kind::Scalar);
  return out;
}

inline Offsets range(std::size_t from, std::size_t count) {
  Offsets out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(from + i);
  return out;
}

inline Offsets concat(std::initializer_list<Offsets> parts) {
  Offsets out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

inline std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("pacta_test_yaml_tree_" + name)).string();
}

inline void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

}  // namespace pacta::yaml_fixture
