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
};

// The exact value of a number literal (Expr::Kind::Number), from the text
// as written (the AST's double is only an approximation).
Number literal_number(const Expr& e);

// Checks `e` and requires the result type `expected`.
std::optional<TypedExpr> check_expression(const ExprScope& scope, const SourceFile& file,
                                          const Expr& e, const Type& expected, Diagnostics& diags);

}  // namespace pacta
