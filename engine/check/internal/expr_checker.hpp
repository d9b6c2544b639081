#pragma once
// The expression checker (check_expression, engine/check/expressions.hpp):
// names and values in expressions.cpp, calls, `if`, arithmetic, comparisons
// and membership in operators.cpp. Private to engine/check/.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/check/expressions.hpp"
#include "engine/check/internal/expression_words.hpp"

namespace pacta::expr_check {

class ExprChecker {
 public:
  ExprChecker(const ExprScope& scope, const SourceFile& file, Diagnostics& diags)
      : s_(scope), c_(*scope.contract), file_(file), diags_(diags) {}
  std::optional<TypedExpr> require(const Expr& e, const Type& expected);

 private:
  void error(std::size_t offset, Code code, std::string message, std::string help = {});
  std::string a(const Type& t) const { return type_words(c_, t); }
  std::string hint_for(const Type& t) const;
  static TypedExpr node(TypedExpr::Op op, Type type, Span span);
  static TypedExpr constant(Value v, Type type, Span span);
  // A bare name that is not a param, fact or named date: a party or enum
  // value whose type comes from the context.
  bool is_bare_value(const Expr& e) const;
  std::vector<std::string> visible_names() const;
  // `cloud == aws` where `cloud` is a type: point to the params (in a
  // `when`) and facts of that type, which hold a value of it.
  std::string type_name_help(const std::string& name) const;
  std::optional<TypedExpr> name(const Expr& e, const std::optional<Type>& hint);
  bool is_condition(const std::string& n) const;
  // A named condition: visible in `when` and in other conditions.
  std::optional<TypedExpr> condition(const Expr& e);
  std::optional<TypedExpr> bare_value(const Expr& e, const std::optional<Type>& hint);
  std::optional<TypedExpr> qualified(const Expr& e);
  // Both sides of a comparison; a bare value takes its type from the other.
  std::optional<std::pair<TypedExpr, TypedExpr>> pair(const Expr& l, const Expr& r);
  std::optional<TypedExpr> infer(const Expr& e, const std::optional<Type>& hint);

  // min/max over numbers or dates of one type; end_of_*(date).
  std::optional<TypedExpr> call(const Expr& e);
  // if C then A else B: C a bool, A and B of one type (a bare value takes
  // its type from the other branch, or from the context).
  std::optional<TypedExpr> conditional(const Expr& e, const std::optional<Type>& hint);
  // `a - b`: numbers, or two dates (a number of days).
  std::optional<TypedExpr> subtraction(const Expr& e);
  std::optional<TypedExpr> unary(const Expr& e);
  std::optional<TypedExpr> binary(const Expr& e);
  std::optional<TypedExpr> date_shift(const Expr& e);
  std::optional<TypedExpr> comparison(const Expr& e);
  std::optional<TypedExpr> membership(const Expr& e);

  const ExprScope& s_;
  const Contract& c_;
  const SourceFile& file_;
  Diagnostics& diags_;
};

}  // namespace pacta::expr_check
