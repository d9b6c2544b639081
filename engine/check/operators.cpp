// Type checking of calls (min, max, end_of_*), `if`, arithmetic, date
// shifts, comparisons and membership: the operator half of ExprChecker.

#include <fmt/format.h>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/check/internal/expr_checker.hpp"
#include "engine/check/internal/expression_words.hpp"
#include "grammar/expr/keywords.hpp"

namespace pacta::expr_check {

// min/max over numbers or dates of one type; end_of_*(date).
std::optional<TypedExpr> ExprChecker::call(const Expr& e) {
  using Op = TypedExpr::Op;
  if (e.function != Function::Min && e.function != Function::Max) {
    auto d = require(e.operands[0], Type::date());
    if (!d) return std::nullopt;
    const Op op = e.function == Function::EndOfMonth     ? Op::EndOfMonth
                  : e.function == Function::EndOfQuarter ? Op::EndOfQuarter
                                                         : Op::EndOfYear;
    TypedExpr out = node(op, Type::date(), e.span);
    out.operands.push_back(std::move(*d));
    return out;
  }
  auto first = infer(e.operands[0], std::nullopt);
  if (!first) return std::nullopt;
  const Type t = first->type;
  if (t.kind != Type::Kind::Number && t.kind != Type::Kind::Date) {
    error(e.operands[0].span.begin, Code::E403,
          fmt::format("'{}' takes numbers or dates, not {}", function_word(e.function), a(t)),
          "e.g. min(renewal_date, 2030-01-01) or max(fee, 100)");
    return std::nullopt;
  }
  TypedExpr out = node(e.function == Function::Min ? Op::Min : Op::Max, t, e.span);
  out.operands.push_back(std::move(*first));
  bool ok = true;
  for (std::size_t i = 1; i < e.operands.size(); ++i) {
    if (auto o = require(e.operands[i], t))
      out.operands.push_back(std::move(*o));
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

// if C then A else B: C a bool, A and B of one type (a bare value takes
// its type from the other branch, or from the context).
std::optional<TypedExpr> ExprChecker::conditional(const Expr& e, const std::optional<Type>& hint) {
  auto c = require(e.operands[0], Type::boolean());
  std::optional<std::pair<TypedExpr, TypedExpr>> branches;
  if (hint && is_bare_value(e.operands[1]) && is_bare_value(e.operands[2])) {
    auto a1 = infer(e.operands[1], hint);
    auto a2 = a1 ? infer(e.operands[2], a1->type) : std::nullopt;
    if (a1 && a2) branches = std::pair{std::move(*a1), std::move(*a2)};
  } else {
    branches = pair(e.operands[1], e.operands[2]);
  }
  if (!c || !branches) return std::nullopt;
  auto& [then_branch, else_branch] = *branches;
  if (!(then_branch.type == else_branch.type)) {
    error(e.operands[2].span.begin, Code::E403,
          fmt::format("the branches of 'if' differ: {} after 'then', {} after 'else'",
                      a(then_branch.type), a(else_branch.type)),
          "both branches of an 'if' must have the same type");
    return std::nullopt;
  }
  TypedExpr out = node(TypedExpr::Op::If, then_branch.type, e.span);
  out.operands.push_back(std::move(*c));
  out.operands.push_back(std::move(then_branch));
  out.operands.push_back(std::move(else_branch));
  return out;
}

// `a - b`: numbers, or two dates (a number of days).
std::optional<TypedExpr> ExprChecker::subtraction(const Expr& e) {
  auto l = infer(e.operands[0], std::nullopt);
  if (!l) return std::nullopt;
  const bool dates = l->type.kind == Type::Kind::Date;
  if (!dates && !(l->type == Type::number())) {
    return require(e.operands[0], Type::number());  // reports the mismatch
  }
  auto r = require(e.operands[1], l->type);
  if (!r) return std::nullopt;
  TypedExpr out =
      node(dates ? TypedExpr::Op::DaysBetween : TypedExpr::Op::Sub, Type::number(), e.span);
  out.operands.push_back(std::move(*l));
  out.operands.push_back(std::move(*r));
  return out;
}

std::optional<TypedExpr> ExprChecker::unary(const Expr& e) {
  bool is_not = e.unary_op == UnaryOp::Not;
  Type t = is_not ? Type::boolean() : Type::number();
  auto operand = require(e.operands[0], t);
  if (!operand) return std::nullopt;
  TypedExpr out = node(is_not ? TypedExpr::Op::Not : TypedExpr::Op::Negate, t, e.span);
  out.operands.push_back(std::move(*operand));
  return out;
}

std::optional<TypedExpr> ExprChecker::binary(const Expr& e) {
  using B = BinaryOp;
  using Op = TypedExpr::Op;
  const Expr& l = e.operands[0];
  const Expr& r = e.operands[1];
  auto both = [&](Op op, Type operand_type, Type result) -> std::optional<TypedExpr> {
    auto lt = require(l, operand_type);
    auto rt = require(r, operand_type);
    if (!lt || !rt) return std::nullopt;
    TypedExpr out = node(op, result, e.span);
    out.operands.push_back(std::move(*lt));
    out.operands.push_back(std::move(*rt));
    return out;
  };
  switch (e.binary_op) {
    case B::And:
      return both(Op::And, Type::boolean(), Type::boolean());
    case B::Or:
      return both(Op::Or, Type::boolean(), Type::boolean());
    case B::Mul:
      return both(Op::Mul, Type::number(), Type::number());
    case B::Div:
      return both(Op::Div, Type::number(), Type::number());
    case B::Add:
    case B::Sub:
      if (r.kind == Expr::Kind::Duration) return date_shift(e);
      if (e.binary_op == B::Sub) return subtraction(e);
      return both(e.binary_op == B::Add ? Op::Add : Op::Sub, Type::number(), Type::number());
    case B::Eq:
    case B::Ne:
    case B::Lt:
    case B::Le:
    case B::Gt:
    case B::Ge:
      return comparison(e);
    case B::In:
    case B::NotIn:
      return membership(e);
  }
  return std::nullopt;
}

std::optional<TypedExpr> ExprChecker::date_shift(const Expr& e) {
  const Expr& duration = e.operands[1];
  auto base = require(e.operands[0], Type::date());
  if (!base) return std::nullopt;
  if (duration.unit == DurationUnit::BusinessDay) {
    TypedExpr out = node(TypedExpr::Op::AddBusinessDays, Type::date(), e.span);
    out.amount = e.binary_op == BinaryOp::Sub ? -duration.count : duration.count;
    out.holidays = c_.holidays;
    out.operands.push_back(std::move(*base));
    return out;
  }
  bool months = duration.unit == DurationUnit::Month || duration.unit == DurationUnit::Year;
  std::int64_t amount = duration.count;
  if (duration.unit == DurationUnit::Week) amount *= 7;
  if (duration.unit == DurationUnit::Year) amount *= 12;
  if (e.binary_op == BinaryOp::Sub) amount = -amount;
  TypedExpr out =
      node(months ? TypedExpr::Op::AddMonths : TypedExpr::Op::AddDays, Type::date(), e.span);
  out.amount = amount;
  out.operands.push_back(std::move(*base));
  return out;
}

std::optional<TypedExpr> ExprChecker::comparison(const Expr& e) {
  using B = BinaryOp;
  using Op = TypedExpr::Op;
  auto sides = pair(e.operands[0], e.operands[1]);
  if (!sides) return std::nullopt;
  auto& [lt, rt] = *sides;
  bool ordering = e.binary_op != B::Eq && e.binary_op != B::Ne;
  if (!(lt.type == rt.type)) {
    error(e.operands[1].span.begin, Code::E403,
          fmt::format("cannot compare {} with {}", a(lt.type), a(rt.type)),
          "both sides of a comparison must have the same type");
    return std::nullopt;
  }
  if (ordering && lt.type.kind != Type::Kind::Number && lt.type.kind != Type::Kind::Date) {
    error(e.operands[0].span.begin, Code::E403,
          fmt::format("'<', '<=', '>' and '>=' compare numbers or dates, not {}", a(lt.type)),
          "use == or != for other values");
    return std::nullopt;
  }
  Op op = Op::Eq;
  switch (e.binary_op) {
    case B::Eq:
      op = Op::Eq;
      break;
    case B::Ne:
      op = Op::Ne;
      break;
    case B::Lt:
      op = Op::Lt;
      break;
    case B::Le:
      op = Op::Le;
      break;
    case B::Gt:
      op = Op::Gt;
      break;
    default:
      op = Op::Ge;
      break;
  }
  TypedExpr out = node(op, Type::boolean(), e.span);
  out.operands.push_back(std::move(lt));
  out.operands.push_back(std::move(rt));
  return out;
}

std::optional<TypedExpr> ExprChecker::membership(const Expr& e) {
  const Expr& item = e.operands[0];
  const Expr& list = e.operands[1];
  std::optional<Type> hint;
  if (is_bare_value(item)) {
    for (const auto& element : list.operands) {
      if (is_bare_value(element)) continue;
      if (auto t = infer(element, std::nullopt))
        hint = t->type;
      else
        return std::nullopt;
      break;
    }
  }
  auto it = infer(item, hint);
  if (!it) return std::nullopt;
  TypedExpr out = node(e.binary_op == BinaryOp::In ? TypedExpr::Op::In : TypedExpr::Op::NotIn,
                       Type::boolean(), e.span);
  Type element_type = it->type;
  out.operands.push_back(std::move(*it));
  bool ok = true;
  for (const auto& element : list.operands) {
    if (auto t = require(element, element_type))
      out.operands.push_back(std::move(*t));
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace pacta::expr_check
