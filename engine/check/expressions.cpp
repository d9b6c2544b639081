#include "engine/check/expressions.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/check/internal/expression_words.hpp"
#include "grammar/expr/keywords.hpp"

namespace pacta {

namespace {

class ExprChecker {
 public:
  ExprChecker(const ExprScope& scope, const SourceFile& file, Diagnostics& diags)
      : s_(scope), c_(*scope.contract), file_(file), diags_(diags) {}

  std::optional<TypedExpr> require(const Expr& e, const Type& expected) {
    auto t = infer(e, expected);
    if (t && !(t->type == expected)) {
      error(e.span.begin, Code::E403,
            fmt::format("expected {} here, but this is {}", a(expected), a(t->type)),
            hint_for(expected));
      return std::nullopt;
    }
    return t;
  }

 private:
  void error(std::size_t offset, Code code, std::string message, std::string help = {}) {
    diags_.error(file_, offset, code, std::move(message), std::move(help));
  }

  std::string a(const Type& t) const { return type_words(c_, t); }

  std::string hint_for(const Type& t) const {
    if (diags_.full()) return {};  // not kept: skip listing every value
    return type_hint_words(c_, t);
  }

  static TypedExpr node(TypedExpr::Op op, Type type, Span span) {
    TypedExpr t;
    t.op = op;
    t.type = type;
    t.span = span;
    return t;
  }
  static TypedExpr constant(Value v, Type type, Span span) {
    TypedExpr t = node(TypedExpr::Op::Constant, type, span);
    t.constant = std::move(v);
    return t;
  }

  // A bare name that is not a param, fact or named date: a party or enum
  // value whose type comes from the context.
  bool is_bare_value(const Expr& e) const {
    if (e.kind != Expr::Kind::Name || !e.qualifier.empty()) return false;
    if (s_.action >= 0) {
      for (const auto& p : c_.actions[s_.action].params) {
        if (p.name == e.name) return false;
      }
    }
    if (c_.find_fact(e.name)) return false;
    for (const auto& d : c_.dates) {
      if (d.name == e.name) return false;
    }
    return !is_condition(e.name);
  }

  std::vector<std::string> visible_names() const {
    std::vector<std::string> out;
    if (s_.action >= 0) {
      for (const auto& p : c_.actions[s_.action].params) out.push_back(p.name);
    }
    for (const auto& f : c_.facts) out.push_back(f.name);
    for (const auto& d : c_.dates) out.push_back(d.name);
    if (s_.allow_conditions) {
      for (const auto& d : c_.conditions) out.push_back(d.name);
    }
    for (const auto& d : c_.domains) {
      for (const auto& v : d.values) out.push_back(v);
    }
    return out;
  }

  // `cloud == aws` where `cloud` is a type: point to the params (in a
  // `when`) and facts of that type, which hold a value of it.
  std::string type_name_help(const std::string& name) const {
    return type_name_words(c_, s_.action, name);
  }

  std::optional<TypedExpr> name(const Expr& e, const std::optional<Type>& hint) {
    if (!e.qualifier.empty()) return qualified(e);
    if (s_.action >= 0) {
      const auto& params = c_.actions[s_.action].params;
      for (std::size_t i = 0; i < params.size(); ++i) {
        if (params[i].name != e.name) continue;
        TypedExpr t = node(TypedExpr::Op::Param, params[i].type, e.span);
        t.index = static_cast<int>(i);
        return t;
      }
    }
    if (auto f = c_.find_fact(e.name)) {
      if (s_.fact_ok != nullptr && !(*s_.fact_ok)[*f]) return std::nullopt;
      TypedExpr t = node(TypedExpr::Op::Fact, c_.facts[*f].type, e.span);
      t.index = *f;
      return t;
    }
    for (std::size_t i = 0; i < c_.dates.size(); ++i) {
      if (c_.dates[i].name != e.name) continue;
      if (s_.used_dates != nullptr) s_.used_dates->push_back(static_cast<int>(i));
      TypedExpr t = node(TypedExpr::Op::NamedDate, Type::date(), e.span);
      t.index = static_cast<int>(i);
      return t;
    }
    if (is_condition(e.name)) return condition(e);
    return bare_value(e, hint);
  }

  bool is_condition(const std::string& n) const {
    for (const auto& d : c_.conditions) {
      if (d.name == n) return true;
    }
    return false;
  }

  // A named condition: visible in `when` and in other conditions.
  std::optional<TypedExpr> condition(const Expr& e) {
    for (std::size_t i = 0; i < c_.conditions.size(); ++i) {
      if (c_.conditions[i].name != e.name) continue;
      if (!s_.allow_conditions) {
        error(e.span.begin, Code::E401,
              fmt::format("the named condition '{}' cannot be used in {}", e.name, s_.context),
              "named conditions are visible in `when` and in other conditions");
        return std::nullopt;
      }
      if (s_.used_conditions != nullptr) s_.used_conditions->push_back(static_cast<int>(i));
      TypedExpr t = node(TypedExpr::Op::Condition, Type::boolean(), e.span);
      t.index = static_cast<int>(i);
      return t;
    }
    return std::nullopt;
  }

  std::optional<TypedExpr> bare_value(const Expr& e, const std::optional<Type>& hint) {
    if (hint && hint->kind == Type::Kind::Value) {
      if (auto v = c_.domains[hint->domain].find(e.name)) {
        return constant(Value::member(*v), *hint, e.span);
      }
    }
    std::vector<int> domains;
    for (std::size_t d = 0; d < c_.domains.size(); ++d) {
      if (c_.domains[d].find(e.name)) domains.push_back(static_cast<int>(d));
    }
    if (domains.size() == 1) {
      Type t = Type::value(domains[0]);
      return constant(Value::member(*c_.domains[domains[0]].find(e.name)), t, e.span);
    }
    if (domains.size() > 1) {
      std::vector<std::string> forms;
      if (!diags_.full()) {
        for (int d : domains) forms.push_back(fmt::format("{}.{}", c_.domains[d].name, e.name));
      }
      error(
          e.span.begin, Code::E402,
          fmt::format("'{}' is ambiguous here: it is a value of {} types", e.name, domains.size()),
          fmt::format("write it qualified: {}", fmt::join(forms, " or ")));
      return std::nullopt;
    }
    std::string help = type_name_help(e.name);
    if (help.empty() && !diags_.full()) help = did_you_mean(e.name, visible_names());
    if (help.empty() && hint && hint->kind == Type::Kind::Value) help = hint_for(*hint);
    error(e.span.begin, Code::E401, fmt::format("unknown name '{}' in {}", e.name, s_.context),
          help);
    return std::nullopt;
  }

  std::optional<TypedExpr> qualified(const Expr& e) {
    auto d = c_.find_domain(e.qualifier);
    if (!d) {
      std::vector<std::string> types;
      if (!diags_.full()) {
        for (const auto& dom : c_.domains) types.push_back(dom.name);
      }
      std::string help = did_you_mean(e.qualifier, types);
      error(e.span.begin, Code::E401, fmt::format("unknown type '{}'", e.qualifier),
            help.empty() ? fmt::format("the value types are: {}", fmt::join(types, ", ")) : help);
      return std::nullopt;
    }
    auto v = c_.domains[*d].find(e.name);
    if (!v) {
      std::string help =
          diags_.full() ? std::string() : did_you_mean(e.name, c_.domains[*d].values);
      error(e.name_span.begin, Code::E401,
            fmt::format("'{}' is not a value of {}", e.name, c_.domains[*d].name),
            help.empty() ? hint_for(Type::value(*d)) : help);
      return std::nullopt;
    }
    return constant(Value::member(*v), Type::value(*d), e.span);
  }

  // Both sides of a comparison; a bare value takes its type from the other.
  std::optional<std::pair<TypedExpr, TypedExpr>> pair(const Expr& l, const Expr& r) {
    std::optional<TypedExpr> lt, rt;
    if (is_bare_value(l) && !is_bare_value(r)) {
      rt = infer(r, std::nullopt);
      if (!rt) return std::nullopt;
      lt = infer(l, rt->type);
    } else {
      lt = infer(l, std::nullopt);
      if (!lt) return std::nullopt;
      rt = infer(r, lt->type);
    }
    if (!lt || !rt) return std::nullopt;
    return std::pair{std::move(*lt), std::move(*rt)};
  }

  std::optional<TypedExpr> infer(const Expr& e, const std::optional<Type>& hint) {
    using K = Expr::Kind;
    switch (e.kind) {
      case K::Bool:
        return constant(Value::boolean(e.bool_value), Type::boolean(), e.span);
      case K::Number:
        return constant(Value::number(literal_number(e)), Type::number(), e.span);
      case K::DateLit:
        return constant(Value::date(e.date), Type::date(), e.span);
      case K::Never:
        return constant(Value::date(Date::never()), Type::date(), e.span);
      case K::Today:
        if (!s_.allow_today) {
          error(e.span.begin, Code::E401,
                fmt::format("'date' (the date asked about) cannot be used in {}", s_.context),
                "'date' is only visible in `when`; bound a clause in time with from/until");
          return std::nullopt;
        }
        return node(TypedExpr::Op::Today, Type::date(), e.span);
      case K::Name:
        return name(e, hint);
      case K::List:
        error(e.span.begin, Code::E403, "a list can only follow 'in' or 'not in'",
              "e.g. `channel in [aws, oracle]`");
        return std::nullopt;
      case K::Duration:
        error(e.span.begin, Code::E403, "a duration can only be added to or subtracted from a date",
              "e.g. `signed + 30 days`");
        return std::nullopt;
      case K::Unary:
        return unary(e);
      case K::Binary:
        return binary(e);
      case K::Call:
        return call(e);
      case K::If:
        return conditional(e, hint);
    }
    return std::nullopt;
  }

  // min/max over numbers or dates of one type; end_of_*(date).
  std::optional<TypedExpr> call(const Expr& e) {
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
  std::optional<TypedExpr> conditional(const Expr& e, const std::optional<Type>& hint) {
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
  std::optional<TypedExpr> subtraction(const Expr& e) {
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

  std::optional<TypedExpr> unary(const Expr& e) {
    bool is_not = e.unary_op == UnaryOp::Not;
    Type t = is_not ? Type::boolean() : Type::number();
    auto operand = require(e.operands[0], t);
    if (!operand) return std::nullopt;
    TypedExpr out = node(is_not ? TypedExpr::Op::Not : TypedExpr::Op::Negate, t, e.span);
    out.operands.push_back(std::move(*operand));
    return out;
  }

  std::optional<TypedExpr> binary(const Expr& e) {
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

  std::optional<TypedExpr> date_shift(const Expr& e) {
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

  std::optional<TypedExpr> comparison(const Expr& e) {
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

  std::optional<TypedExpr> membership(const Expr& e) {
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

  const ExprScope& s_;
  const Contract& c_;
  const SourceFile& file_;
  Diagnostics& diags_;
};

}  // namespace

std::optional<TypedExpr> check_expression(const ExprScope& scope, const SourceFile& file,
                                          const Expr& e, const Type& expected, Diagnostics& diags) {
  return ExprChecker(scope, file, diags).require(e, expected);
}

}  // namespace pacta
