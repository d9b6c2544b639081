#pragma once
// The limits of an expression or action pattern that are checked without
// the grammar (no X3 here). Before parsing: the size (E304), then one linear
// pass that rejects non-ASCII bytes (E301) and nesting deeper than
// Limits::max_nesting_depth (E303), so that the grammar's recursion is
// bounded whatever the input. After parsing: the depth of the tree (E303).
#include <optional>
#include <string_view>

#include "grammar/expr/ast.hpp"
#include "grammar/expr/parse.hpp"
#include "grammar/limits.hpp"

namespace pacta::expression_grammar {

// `what` names the text in the size message ("the expression").
std::optional<ParseError> prescan(std::string_view text, const Limits& limits,
                                  std::string_view what);

// E303 at the first node deeper than Limits::max_tree_depth.
std::optional<ParseError> tree_depth_error(const Expr& root, const Limits& limits);

}  // namespace pacta::expression_grammar
