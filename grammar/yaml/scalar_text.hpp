#pragma once
// Reading a YAML scalar's source text (internal to grammar/): where its
// content starts, which style it has, and how each decoded byte maps back to
// a byte of the file. Shared by the tree builder and scalar_offsets().
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/yaml/tree.hpp"

namespace pacta::yaml_text {

bool is_blank(char c);
// Where an anchor or alias name ends: a blank, a line break or a flow indicator.
bool ends_token(std::string_view text, std::size_t pos);
// The position after whitespace, line breaks and comments starting at `pos`.
std::size_t skip_blank_lines(std::string_view text, std::size_t pos);
// Length of the line break at `pos`, 0 if none (a lone CR is not a break).
std::size_t break_length(std::string_view text, std::size_t pos);
// Whether the text at `pos` is a written null (`~`, `null`, ...), as opposed
// to an empty value.
bool is_written_null(std::string_view text, std::size_t pos);
// The first tag (`!x`, `!!str`, `!<verbatim>`) among the node properties at
// `pos` (a node's mark): its [begin, end), empty (begin == end) when none.
std::pair<std::size_t, std::size_t> find_tag(std::string_view text, std::size_t pos);
// Sets node.style and node.content_offset from the source at node.offset.
void classify_scalar(std::string_view text, YamlNode& node, bool plain_by_tag);

struct Alignment {
  std::vector<std::size_t> map;  // value.size() + 1 file offsets
  bool complete = false;         // every byte was aligned
  std::size_t end = 0;           // source position after the last aligned byte
};
Alignment align_scalar(std::string_view text, const YamlNode& node);

}  // namespace pacta::yaml_text
