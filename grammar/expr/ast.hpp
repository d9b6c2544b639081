#pragma once
// The expression and action-pattern syntax tree (language.md §6). Plain values:
// copyable and comparable, with a source span on every node. Spirit types
// never appear here; grammar/expr/parse.hpp is the only way to build a tree from
// text.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "grammar/date.hpp"

namespace pacta {

// Byte offsets [begin, end). Relative to the parsed string when returned by
// parse_*(); the rule-file reader shifts them to offsets in the file.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

enum class UnaryOp { Negate, Not };

enum class BinaryOp {
  Or,
  And,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  In,
  NotIn,
  Add,
  Sub,
  Mul,
  Div,
};

// BusinessDay: `N business days` (not Saturday, Sunday or a holiday).
enum class DurationUnit { Day, Week, Month, Year, BusinessDay };

// The built-in functions: `min(a, b, ..)`, `max(..)`, `end_of_month(d)`, ...
enum class Function { Min, Max, EndOfMonth, EndOfQuarter, EndOfYear };

struct Expr {
  enum class Kind {
    Bool,      // true / false                      -> bool_value
    Number,    // 20, 0.15                          -> number, text
    DateLit,   // 2025-10-28                        -> date
    Never,     // never
    Today,     // date (the date being asked about)
    Name,      // name, or qualifier.name           -> name, qualifier
    List,      // [a, b, c]                         -> operands
    Unary,     // -x, not x                         -> unary_op, operands[0]
    Binary,    // x op y                            -> binary_op, operands[0..1]
    Duration,  // 30 days (only as right operand of + or -) -> count, unit
    Call,      // min(a, b), end_of_month(d)                 -> function, operands
    If,        // if c then a else b                          -> operands[0..2]
  };

  Kind kind = Kind::Bool;
  Span span;
  bool bool_value = false;
  double number = 0;
  std::string text;  // Number: the literal as written
  Date date;
  std::string name;       // Name
  std::string qualifier;  // Name: "" when unqualified
  Span name_span;         // Name: span of `name` alone (after the dot)
  UnaryOp unary_op = UnaryOp::Not;
  BinaryOp binary_op = BinaryOp::Or;
  std::int64_t count = 0;  // Duration
  DurationUnit unit = DurationUnit::Day;
  Function function = Function::Min;  // Call
  std::vector<Expr> operands;

  friend bool operator==(const Expr&, const Expr&) = default;
};

// One argument of an action pattern: `value`, `param=value`, `_`, `param=_`.
struct PatternArg {
  std::optional<std::string> param;  // named argument
  Span param_span;                   // valid when param is set
  bool wildcard = false;             // `_`
  Expr value;                        // Bool or Name when not a wildcard
  Span span;                         // the whole argument
  friend bool operator==(const PatternArg&, const PatternArg&) = default;
};

// `name`, `name()`, `name(a, b)`, `name(p=a, q=_)`.
struct ActionPattern {
  std::string action;
  Span action_span;
  std::vector<PatternArg> args;
  Span span;
  friend bool operator==(const ActionPattern&, const ActionPattern&) = default;
};

// Shift every span of the tree through `map`: map[i] is the file offset of
// byte i of the parsed string (map.size() == string length + 1).
void remap_spans(Expr& e, const std::vector<std::size_t>& map);
void remap_spans(ActionPattern& p, const std::vector<std::size_t>& map);

// The tree with every span zeroed: trees that differ only in positions
// compare equal (the printer's round trip, and comparisons of rule files).
// `left op right`, spanning both (the grammar's actions and the reader of
// simple forms build binary nodes alike).
Expr binary_node(BinaryOp op, Expr left, Expr right);

Expr without_spans(Expr e);
ActionPattern without_spans(ActionPattern p);

}  // namespace pacta
