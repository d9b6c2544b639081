#pragma once
// Syntax errors in words (no X3 here). Every expectation point of the
// grammar (`a > b`) is a rule named by one of the names below; when X3
// reports that `b` was expected, describe_expectation() turns the rule's
// name into the message and help of an E301.
#include <cstddef>
#include <string>
#include <string_view>

#include "grammar/expr/parse.hpp"

namespace pacta::expression_grammar {

// The names of the grammar's rules. Every rule that follows an operator is
// an "operand"; the others say what was expected in their own words.
namespace rule_name {
inline constexpr char kExpression[] = "expression";
inline constexpr char kOperand[] = "operand";
inline constexpr char kDuration[] = "duration";
inline constexpr char kName[] = "name";
inline constexpr char kNameAfterDot[] = "name-after-dot";
inline constexpr char kList[] = "list";
inline constexpr char kListBody[] = "list-body";
inline constexpr char kListAfterIn[] = "list-after-in";
inline constexpr char kInAfterNot[] = "in-after-not";
inline constexpr char kNoChain[] = "no-chain";
inline constexpr char kCloseParen[] = "close-paren";
inline constexpr char kCloseCall[] = "close-call";
inline constexpr char kOpenArgs[] = "open-args";
inline constexpr char kArgument[] = "argument";
inline constexpr char kThen[] = "then";
inline constexpr char kBusinessUnit[] = "business-unit";
inline constexpr char kElse[] = "else";
inline constexpr char kCloseBracket[] = "close-bracket";
inline constexpr char kEnd[] = "end";
inline constexpr char kActionName[] = "action-name";
inline constexpr char kPatternValue[] = "pattern-value";
inline constexpr char kCloseArgs[] = "close-args";
inline constexpr char kPatternEnd[] = "pattern-end";
}  // namespace rule_name

// The E301 for "`rule` expected at byte `where` of `text`". `where` is
// where X3 stopped, before the spaces it skips.
ParseError describe_expectation(std::string_view text, std::size_t where, std::string_view rule);

// Why a keyword (or `_`) cannot stand where a name was written.
std::string keyword_help(std::string_view word);

}  // namespace pacta::expression_grammar
