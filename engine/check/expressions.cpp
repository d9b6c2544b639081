#include "engine/check/expressions.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/check/internal/expr_checker.hpp"
#include "engine/check/internal/expression_words.hpp"
#include "engine/check/internal/fold.hpp"
#include "grammar/expr/keywords.hpp"

namespace pacta::expr_check {

std::optional<TypedExpr> ExprChecker::require(const Expr& e, const Type& expected) {
  auto t = infer(e, expected);
  if (t && !(t->type == expected)) {
    error(e.span.begin, Code::E403,
          fmt::format("expected {} here, but this is {}", a(expected), a(t->type)),
          hint_for(expected));
    return std::nullopt;
  }
  return t;
}

void ExprChecker::error(std::size_t offset, Code code, std::string message, std::string help) {
  diags_.error(file_, offset, code, std::move(message), std::move(help));
}

std::string ExprChecker::hint_for(const Type& t) const {
  if (diags_.full()) return {};  // not kept: skip listing every value
  return type_hint_words(c_, t);
}

TypedExpr ExprChecker::node(TypedExpr::Op op, Type type, Span span) {
  TypedExpr t;
  t.op = op;
  t.type = type;
  t.span = span;
  return t;
}

TypedExpr ExprChecker::constant(Value v, Type type, Span span) {
  TypedExpr t = node(TypedExpr::Op::Constant, type, span);
  t.constant = std::move(v);
  return t;
}

// A bare name that is not a param, fact or named date: a party or enum
// value whose type comes from the context.
bool ExprChecker::is_bare_value(const Expr& e) const {
  if (e.kind != Expr::Kind::Name || !e.qualifier.empty()) return false;
  if (s_.action >= 0 && c_.actions[s_.action].find_param(e.name)) return false;
  if (c_.find_fact(e.name) || c_.find_date(e.name)) return false;
  return !is_condition(e.name);
}

std::vector<std::string> ExprChecker::visible_names() const {
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
std::string ExprChecker::type_name_help(const std::string& name) const {
  return type_name_words(c_, s_.action, name);
}

std::optional<TypedExpr> ExprChecker::name(const Expr& e, const std::optional<Type>& hint) {
  if (!e.qualifier.empty()) return qualified(e);
  if (s_.action >= 0) {
    const ActionDecl& action = c_.actions[s_.action];
    if (auto i = action.find_param(e.name)) {
      TypedExpr t = node(TypedExpr::Op::Param, action.params[*i].type, e.span);
      t.index = *i;
      return t;
    }
  }
  if (auto f = c_.find_fact(e.name)) {
    if (s_.fact_ok != nullptr && !(*s_.fact_ok)[*f]) return std::nullopt;
    TypedExpr t = node(TypedExpr::Op::Fact, c_.facts[*f].type, e.span);
    t.index = *f;
    return t;
  }
  if (auto i = c_.find_date(e.name)) {
    if (s_.used_dates != nullptr) s_.used_dates->push_back(*i);
    TypedExpr t = node(TypedExpr::Op::NamedDate, Type::date(), e.span);
    t.index = *i;
    return t;
  }
  if (is_condition(e.name)) return condition(e);
  return bare_value(e, hint);
}

bool ExprChecker::is_condition(const std::string& n) const {
  return c_.find_condition(n).has_value();
}

// A named condition: visible in `when` and in other conditions.
std::optional<TypedExpr> ExprChecker::condition(const Expr& e) {
  const auto i = c_.find_condition(e.name);
  if (!i) return std::nullopt;
  if (!s_.allow_conditions) {
    error(e.span.begin, Code::E401,
          fmt::format("the named condition '{}' cannot be used in {}", e.name, s_.context),
          "named conditions are visible in `when` and in other conditions");
    return std::nullopt;
  }
  if (s_.used_conditions != nullptr) s_.used_conditions->push_back(*i);
  TypedExpr t = node(TypedExpr::Op::Condition, Type::boolean(), e.span);
  t.index = *i;
  return t;
}

std::optional<TypedExpr> ExprChecker::bare_value(const Expr& e, const std::optional<Type>& hint) {
  if (hint && hint->kind == Type::Kind::Value) {
    if (auto v = c_.domains[hint->domain].find(e.name)) {
      return constant(Value::member(*v), *hint, e.span);
    }
  }
  const std::vector<int>& domains = c_.domains_with_value(e.name);
  if (domains.size() == 1) {
    Type t = Type::value(domains[0]);
    return constant(Value::member(*c_.domains[domains[0]].find(e.name)), t, e.span);
  }
  if (domains.size() > 1) {
    std::vector<std::string> forms;
    if (!diags_.full()) {
      for (int d : domains) forms.push_back(fmt::format("{}.{}", c_.domains[d].name, e.name));
    }
    error(e.span.begin, Code::E402,
          fmt::format("'{}' is ambiguous here: it is a value of {} types", e.name, domains.size()),
          fmt::format("write it qualified: {}", fmt::join(forms, " or ")));
    return std::nullopt;
  }
  std::string help;  // not kept past the cap: skip the words that scan every name
  if (!diags_.full()) help = type_name_help(e.name);
  if (help.empty() && !diags_.full()) help = did_you_mean(e.name, visible_names());
  if (help.empty() && hint && hint->kind == Type::Kind::Value) help = hint_for(*hint);
  error(e.span.begin, Code::E401, fmt::format("unknown name '{}' in {}", e.name, s_.context), help);
  return std::nullopt;
}

std::optional<TypedExpr> ExprChecker::qualified(const Expr& e) {
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
    std::string help = diags_.full() ? std::string() : did_you_mean(e.name, c_.domains[*d].values);
    error(e.name_span.begin, Code::E401,
          fmt::format("'{}' is not a value of {}", e.name, c_.domains[*d].name),
          help.empty() ? hint_for(Type::value(*d)) : help);
    return std::nullopt;
  }
  return constant(Value::member(*v), Type::value(*d), e.span);
}

// Both sides of a comparison; a bare value takes its type from the other.
std::optional<std::pair<TypedExpr, TypedExpr>> ExprChecker::pair(const Expr& l, const Expr& r) {
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

std::optional<TypedExpr> ExprChecker::infer(const Expr& e, const std::optional<Type>& hint) {
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

}  // namespace pacta::expr_check

namespace pacta {

using expr_check::ExprChecker;

std::optional<TypedExpr> check_expression(const ExprScope& scope, const SourceFile& file,
                                          const Expr& e, const Type& expected, Diagnostics& diags) {
  auto t = ExprChecker(scope, file, diags).require(e, expected);
  if (t && scope.fold && !expr_check::fold_constants(scope, file, *t, diags).ok)
    return std::nullopt;
  return t;
}

}  // namespace pacta
