#pragma once
// YAML read into a tree of located nodes (yaml-cpp's event API behind this
// header). Duplicate keys, alias bombs, over-deep nesting, bad encodings and
// syntax errors become diagnostics (E1xx); nothing throws.
#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/diagnostic.hpp"
#include "grammar/limits.hpp"
#include "grammar/source.hpp"

namespace pacta {

struct YamlNode;
// A mapping's key and value.
using YamlEntry = std::pair<const YamlNode*, const YamlNode*>;

struct YamlNode {
  enum class Kind { Null, Scalar, Sequence, Map };
  enum class Style { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };

  Kind kind = Kind::Null;
  std::size_t offset = 0;  // byte offset where the node starts in the file
  // Scalar: the decoded value, its style, and where the value's first byte
  // is in the file (after an anchor or tag, after the opening quote, or at
  // the first content line of a block scalar).
  std::string value;
  Style style = Style::Plain;
  std::size_t content_offset = 0;
  std::vector<const YamlNode*> items;  // Sequence
  std::vector<YamlEntry> entries;      // Map, file order
};

// The nodes of a document, in creation order, in chunks that never move
// (a node's address is stable): one allocation per chunk, not per node.
class YamlNodes {
 public:
  YamlNode& make() {
    if (chunks_.empty() || chunks_.back().size() == chunks_.back().capacity()) {
      // 64, 128, ... up to 4096 nodes: a small file allocates little.
      const std::size_t shift = std::min<std::size_t>(chunks_.size(), 6);
      chunks_.emplace_back().reserve(std::size_t{64} << shift);
    }
    ++size_;
    return chunks_.back().emplace_back();
  }
  std::size_t size() const { return size_; }
  const std::vector<std::vector<YamlNode>>& chunks() const { return chunks_; }

 private:
  std::vector<std::vector<YamlNode>> chunks_;
  std::size_t size_ = 0;
};

// Owns the nodes; an alias is a second pointer to the anchored node.
struct YamlDocument {
  YamlNodes nodes;
  const YamlNode* root = nullptr;  // nullptr for an empty document
  bool has_aliases = false;        // some node is reached twice
};

// Reads a whole file from disk into a SourceFile: E101 unreadable, E102
// over the size limit, E103 not UTF-8 (UTF-16/32, invalid bytes). A UTF-8
// BOM is removed. nullopt after reporting.
std::optional<SourceFile> read_source(const std::string& path, const Limits& limits,
                                      Diagnostics& diags);
// The same checks on text already in memory (used by fuzzers and tests).
std::optional<SourceFile> make_source(std::string path, std::string bytes, const Limits& limits,
                                      Diagnostics& diags);

// Parses the single YAML document of `file`. nullopt after reporting E104
// (syntax), E105 (duplicate key), E106 (alias expansion or depth limits).
// An empty document gives a YamlDocument with root == nullptr. Of a source
// holding several files, the file `segment` (offsets are the whole's).
std::optional<YamlDocument> read_yaml(const SourceFile& file, const Limits& limits,
                                      Diagnostics& diags, std::size_t segment = 0);

// The entry of `map` whose key is the scalar `key`, or nullptr (also when
// `map` is not a mapping). Keys are unique: a duplicate is E105.
const YamlEntry* find_entry(const YamlNode& map, std::string_view key);

// For a scalar: map[i] is the file offset of byte i of node.value, and
// map[value.size()] the offset just past it. Exact for every scalar style;
// where the decoded text cannot be aligned with the source (exotic escapes)
// bytes map to content_offset, never to a wrong place further on.
std::vector<std::size_t> scalar_offsets(const SourceFile& file, const YamlNode& node);

}  // namespace pacta
