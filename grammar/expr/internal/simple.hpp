#pragma once
// The forms most rule files are made of, read without the grammar: `and`
// over comparisons (`channel != c5`, `region in [r1, r2]`) of sums of dates,
// names and durations (`start + 3 months`), and an action pattern whose
// arguments are names, `_`, booleans or `param=` one of them. Each builds exactly the tree the X3
// grammar builds for the same text (same nodes, same spans); anything else, and anything the
// grammar would reject, is nullopt: the grammar reads it (and reports its errors). No X3 here.
// Private to grammar/expr/internal/grammar.cpp.
#include <optional>
#include <string_view>

#include "grammar/expr/ast.hpp"

namespace pacta::expression_grammar {

std::optional<Expr> simple_expression(std::string_view text);
std::optional<ActionPattern> simple_action_pattern(std::string_view text);

}  // namespace pacta::expression_grammar
