#pragma once
// A YAML tree as text, every field of every node (kind, offsets, style,
// value, order), for comparing the fast reader with yaml-cpp's path: two
// trees are the same exactly when their dumps are equal.
#include <string>

#include "grammar/yaml/tree.hpp"

namespace pacta::yaml_dump {

inline void dump_node(const YamlNode* node, int indent, std::string& out) {
  out.append(static_cast<std::size_t>(indent) * 2, ' ');
  if (node == nullptr) {
    out += "<none>\n";
    return;
  }
  static const char* const kinds[] = {"null", "scalar", "seq", "map"};
  static const char* const styles[] = {"plain", "single", "double", "literal", "folded"};
  out += kinds[static_cast<int>(node->kind)];
  out += " @" + std::to_string(node->offset) + " content@" + std::to_string(node->content_offset);
  out += std::string(" ") + styles[static_cast<int>(node->style)] + " [";
  for (const char c : node->value) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F || c == '\\' || c == ']') {
      static const char* const hex = "0123456789ABCDEF";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  out += "]\n";
  for (const YamlNode* item : node->items) dump_node(item, indent + 1, out);
  for (const auto& [key, value] : node->entries) {
    dump_node(key, indent + 1, out);
    dump_node(value, indent + 2, out);
  }
}

inline std::string dump(const YamlDocument& doc) {
  std::string out = doc.has_aliases ? "aliases\n" : "no aliases\n";
  dump_node(doc.root, 0, out);
  return out;
}

}  // namespace pacta::yaml_dump
