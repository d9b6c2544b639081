#pragma once
// Type checking of one expression against a contract's names (language.md §6):
// the engine-internal half of check.hpp, shared by the contract checker
// and by questions.
#include <optional>
#include <string_view>
#include <vector>

#include "engine/model/contract.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"

namespace pacta {

struct ExprScope {
  const Contract* contract = nullptr;
  int action = -1;                             // params of this action are visible (`when`)
  bool allow_today = false;                    // `date` is visible (`when`)
  const std::vector<bool>* fact_ok = nullptr;  // facts whose declaration failed are skipped
  std::string_view context = "an expression";
  std::vector<int>* used_dates = nullptr;       // records named dates used, when set
  bool allow_conditions = false;                // named conditions are visible (`when`)
  std::vector<int>* used_conditions = nullptr;  // records named conditions used, when set
  // Constant folding (see check_expression). Named dates count as constants
  // where dates_constant says so (indexed by named date; null: none does),
  // with their values in constant_dates.
  bool fold = true;
  const std::vector<bool>* dates_constant = nullptr;
  const std::vector<Date>* constant_dates = nullptr;
};

// The exact value of a number literal (Expr::Kind::Number), from the text
// as written (the AST's double is only an approximation).
Number literal_number(const Expr& e);

// Checks `e` and requires the result type `expected`. With scope.fold, every
// sub-expression that reads no fact, param, condition or `date` is then
// evaluated once (the largest such, as evaluation would meet them), and one
// whose evaluation fails is E306 at the part that failed, as is a division
// by a constant zero whatever its dividend; the result is then nullopt. So
// an expression that loads never fails on its constant parts when decided.
std::optional<TypedExpr> check_expression(const ExprScope& scope, const SourceFile& file,
                                          const Expr& e, const Type& expected, Diagnostics& diags);

}  // namespace pacta
