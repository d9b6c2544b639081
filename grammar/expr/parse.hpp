#pragma once
// The expression and action-pattern parsers (Boost.Spirit X3 behind this
// header; nothing else includes X3). Errors are returned as values.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/codes.hpp"
#include "grammar/expr/ast.hpp"
#include "grammar/limits.hpp"

namespace pacta {

// One syntax error or exceeded limit, at a byte of the parsed string. The
// grammar's semantic actions throw it internally; parse_*() always return
// it as a value.
struct ParseError {
  std::size_t offset = 0;  // byte offset into the parsed string
  Code code{};             // E3xx, see docs/errors.md
  std::string message;
  std::string help;
};

template <class T>
struct ParseResult {
  std::optional<T> value;          // set exactly when errors is empty
  std::vector<ParseError> errors;  // usually one: parsing stops at the first
};

// language.md §6 `expr`, the whole string (surrounding whitespace allowed).
ParseResult<Expr> parse_expression(std::string_view text, const Limits& limits = {});
// An action pattern: `name`, `name(args)`.
ParseResult<ActionPattern> parse_action_pattern(std::string_view text, const Limits& limits = {});

// The same two, by the grammar alone: without the reader of the simple
// forms (grammar/expr/internal/simple.hpp) that parse_* try first. For the
// tests and fuzz_expression, which check that both give the same tree.
ParseResult<Expr> parse_expression_by_grammar(std::string_view text, const Limits& limits = {});
ParseResult<ActionPattern> parse_action_pattern_by_grammar(std::string_view text,
                                                           const Limits& limits = {});

// The canonical text of a tree: parse(print(e)) == e up to spans. Minimal
// parentheses, single spaces around binary operators.
std::string print_expression(const Expr& e);
std::string print_action_pattern(const ActionPattern& p);

}  // namespace pacta
