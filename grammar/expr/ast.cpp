#include "grammar/expr/ast.hpp"

#include <cstddef>
#include <utility>
#include <vector>

namespace pacta {

namespace {

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

Expr binary_node(BinaryOp op, Expr left, Expr right) {
  Expr node;
  node.kind = Expr::Kind::Binary;
  node.binary_op = op;
  node.span = Span{left.span.begin, right.span.end};
  node.operands.reserve(2);
  node.operands.push_back(std::move(left));
  node.operands.push_back(std::move(right));
  return node;
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
