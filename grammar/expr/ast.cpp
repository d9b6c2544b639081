#include "grammar/expr/ast.hpp"

#include <array>
#include <string_view>

namespace pacta {

namespace {

// SPEC §2.
constexpr std::array<std::string_view, 16> kKeywords = {
    "and", "or",   "not",  "in",    "true",  "false",  "never", "date",
    "day", "days", "week", "weeks", "month", "months", "year",  "years",
};

bool is_identifier_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool is_identifier_char(char c) { return is_identifier_start(c) || (c >= '0' && c <= '9'); }

// Offsets past the end of the parsed string (which a well-formed tree never
// holds) map to the end of the map rather than reading out of bounds.
std::size_t remap_offset(std::size_t offset, const std::vector<std::size_t>& map) {
  if (map.empty()) return offset;
  return offset < map.size() ? map[offset] : map.back();
}

void remap(Span& s, const std::vector<std::size_t>& map) {
  s.begin = remap_offset(s.begin, map);
  s.end = remap_offset(s.end, map);
}

}  // namespace

bool is_keyword(std::string_view word) {
  for (std::string_view k : kKeywords) {
    if (k == word) return true;
  }
  return false;
}

bool is_identifier(std::string_view word) {
  if (word.empty() || word == "_" || !is_identifier_start(word.front())) return false;
  for (char c : word) {
    if (!is_identifier_char(c)) return false;
  }
  return !is_keyword(word);
}

void remap_spans(Expr& e, const std::vector<std::size_t>& map) {
  // Iterative over the tree: left-associative chains can be a few thousand
  // levels deep even though parentheses are limited to 64.
  std::vector<Expr*> todo{&e};
  while (!todo.empty()) {
    Expr* node = todo.back();
    todo.pop_back();
    remap(node->span, map);
    remap(node->name_span, map);
    for (Expr& child : node->operands) todo.push_back(&child);
  }
}

void remap_spans(ActionPattern& p, const std::vector<std::size_t>& map) {
  remap(p.span, map);
  remap(p.action_span, map);
  for (PatternArg& arg : p.args) {
    remap(arg.span, map);
    remap(arg.param_span, map);
    remap_spans(arg.value, map);
  }
}

Expr without_spans(Expr e) {
  e.span = {};
  e.name_span = {};
  for (Expr& child : e.operands) child = without_spans(std::move(child));
  return e;
}

ActionPattern without_spans(ActionPattern p) {
  p.span = {};
  p.action_span = {};
  for (PatternArg& a : p.args) {
    a.span = {};
    a.param_span = {};
    a.value = without_spans(std::move(a.value));
  }
  return p;
}

}  // namespace pacta
