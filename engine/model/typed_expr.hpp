#pragma once
// Types, values and typed (compiled) expressions. A TypedExpr has every name
// resolved to an index, so evaluation never looks at text.
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "engine/model/number.hpp"
#include "grammar/date.hpp"
#include "grammar/expr/ast.hpp"

namespace pacta {

struct Type {
  enum class Kind : std::uint8_t { Bool, Number, Date, Value };  // Value: a party or an enum value
  Kind kind = Kind::Bool;
  int domain = -1;  // Value: index into Contract::domains (0 = party)

  static Type boolean() { return {Kind::Bool, -1}; }
  static Type number() { return {Kind::Number, -1}; }
  static Type date() { return {Kind::Date, -1}; }
  static Type value(int domain) { return {Kind::Value, domain}; }
  bool is_finite() const { return kind == Kind::Bool || kind == Kind::Value; }
  friend bool operator==(const Type&, const Type&) = default;
};

struct Value {
  Type::Kind kind = Type::Kind::Bool;
  bool b = false;
  // One of the two, by kind: a Value stays 24 bytes, as it was with a
  // double, and is copied on every evaluation step.
  union {
    Date d{};
    int index;  // Value kind: index in its domain
  };
  Number n;  // exact (number.hpp); small fractions are stored inline

  static Value boolean(bool v) {
    Value x;
    x.kind = Type::Kind::Bool;
    x.b = v;
    return x;
  }
  static Value number(Number v) {
    Value x;
    x.kind = Type::Kind::Number;
    x.n = std::move(v);
    return x;
  }
  static Value date(Date v) {
    Value x;
    x.kind = Type::Kind::Date;
    x.d = v;
    return x;
  }
  static Value member(int i) {
    Value x;
    x.kind = Type::Kind::Value;
    x.index = i;
    return x;
  }
  // Same kind and same value; only the field of the kind is compared.
  friend bool operator==(const Value& x, const Value& y) {
    if (x.kind != y.kind) return false;
    switch (x.kind) {
      case Type::Kind::Bool:
        return x.b == y.b;
      case Type::Kind::Number:
        return x.n == y.n;
      case Type::Kind::Date:
        return x.d == y.d;
      case Type::Kind::Value:
        return x.index == y.index;
    }
    return false;
  }
};

struct TypedExpr {
  enum class Op {
    Constant,
    Fact,
    NamedDate,
    Param,
    Today,
    Not,
    Negate,
    And,
    Or,
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
    AddDays,
    AddMonths,    // AddDays/AddMonths: amount may be negative
    DaysBetween,  // date - date: a number of days
    Min,          // numbers or dates, one or more operands
    Max,
    EndOfMonth,
    EndOfQuarter,
    EndOfYear,
    If,               // operands[0] the condition, [1] then, [2] else
    Condition,        // a named condition: index into Contract::conditions
    AddBusinessDays,  // amount may be negative; skips weekends and `holidays`
  };
  Op op = Op::Constant;
  Type type;
  Value constant;           // Constant
  int index = -1;           // Fact, NamedDate, Param
  std::int64_t amount = 0;  // AddDays, AddMonths
  bool saturate = false;    // AddDays: past 9999-12-31 gives `never` instead of an error
  std::shared_ptr<const std::vector<Date>> holidays;  // AddBusinessDays: sorted
  std::vector<TypedExpr> operands;  // In/NotIn: operands[0] the item, the rest the list
  Span span;
};

// `==`, `!=`, `<`, `<=`, `>`, `>=`: the relations of two operands.
inline bool is_comparison(TypedExpr::Op op) {
  using Op = TypedExpr::Op;
  return op == Op::Eq || op == Op::Ne || op == Op::Lt || op == Op::Le || op == Op::Gt ||
         op == Op::Ge;
}

}  // namespace pacta
