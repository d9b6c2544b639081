#pragma once
// The reserved words and operator spellings of expressions (language.md §6), listed
// once. The grammar builds its tables from these, the printer writes them,
// and is_keyword() is their union, so a word cannot be added to the language
// without becoming reserved.
#include <array>
#include <optional>
#include <string_view>

#include "grammar/expr/ast.hpp"

namespace pacta {

// Words that are operators: `a and b`, `a or b`, `not a`, `x in [..]`,
// `x not in [..]`.
inline constexpr std::array<std::string_view, 4> kOperatorWords = {"and", "or", "not", "in"};

// Words that are values.
struct LiteralWord {
  std::string_view word;
  Expr::Kind kind;
  bool bool_value = false;  // for Kind::Bool
};
inline constexpr std::array<LiteralWord, 4> kLiteralWords = {{
    {"true", Expr::Kind::Bool, true},
    {"false", Expr::Kind::Bool, false},
    {"never", Expr::Kind::Never},
    {"date", Expr::Kind::Today},
}};

// Words that end a duration (`30 days`), singular and plural.
struct DurationUnitWords {
  DurationUnit unit;
  std::string_view singular;
  std::string_view plural;
};
inline constexpr std::array<DurationUnitWords, 4> kDurationUnits = {{
    {DurationUnit::Day, "day", "days"},
    {DurationUnit::Week, "week", "weeks"},
    {DurationUnit::Month, "month", "months"},
    {DurationUnit::Year, "year", "years"},
}};

// `N business days`: this word, then a Day unit word.
inline constexpr std::string_view kBusinessWord = "business";

// The built-in functions. `variadic`: one or more arguments (min, max);
// otherwise exactly one.
struct FunctionWord {
  Function function;
  std::string_view word;
  bool variadic;
};
inline constexpr std::array<FunctionWord, 5> kFunctionWords = {{
    {Function::Min, "min", true},
    {Function::Max, "max", true},
    {Function::EndOfMonth, "end_of_month", false},
    {Function::EndOfQuarter, "end_of_quarter", false},
    {Function::EndOfYear, "end_of_year", false},
}};

// `if C then A else B`.
inline constexpr std::string_view kIfWord = "if";
inline constexpr std::string_view kThenWord = "then";
inline constexpr std::string_view kElseWord = "else";

// How each binary operator is written (the printer's spelling; the grammar
// reads exactly these).
struct BinaryToken {
  BinaryOp op;
  std::string_view token;
};
inline constexpr std::array<BinaryToken, 14> kBinaryTokens = {{
    {BinaryOp::Or, "or"},
    {BinaryOp::And, "and"},
    {BinaryOp::Eq, "=="},
    {BinaryOp::Ne, "!="},
    {BinaryOp::Lt, "<"},
    {BinaryOp::Le, "<="},
    {BinaryOp::Gt, ">"},
    {BinaryOp::Ge, ">="},
    {BinaryOp::In, "in"},
    {BinaryOp::NotIn, "not in"},
    {BinaryOp::Add, "+"},
    {BinaryOp::Sub, "-"},
    {BinaryOp::Mul, "*"},
    {BinaryOp::Div, "/"},
}};

// An operator word, a literal word, a duration unit, a function or
// if/then/else: never an identifier.
bool is_keyword(std::string_view word);
bool is_duration_unit(std::string_view word);
// The unit a word names ("day" and "days" name Day); nullopt for other words.
std::optional<DurationUnit> duration_unit_named(std::string_view word);
// The entry of a literal word, nullptr for other words.
const LiteralWord* literal_named(std::string_view word);
// "true", "false", "never" or "date": the word of a literal of that kind
// (and value, for Bool).
std::string_view literal_word(Expr::Kind kind, bool bool_value);
// "day" or "days", ...
std::string_view duration_unit_word(DurationUnit unit, bool singular);
std::string_view binary_token(BinaryOp op);
std::string_view function_word(Function f);

}  // namespace pacta
