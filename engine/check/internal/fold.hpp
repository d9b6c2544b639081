#pragma once
// Constant folding: the parts of an expression that read no fact, param,
// named condition or `date` are evaluated when the file is loaded, so that
// one that must fail (9999-12-31 + 1 day, 1 / 0) is a located error at load
// (E306), never an error of every question. Private to engine/check/.
#include <optional>

#include "engine/check/expressions.hpp"
#include "engine/eval/evaluate.hpp"

namespace pacta::expr_check {

struct Folded {
  bool ok = true;              // no constant part failed (else each failure is reported)
  std::optional<Value> value;  // the whole expression's value, when it is constant and ok
};

// Evaluates each largest constant sub-expression of `e` once (named dates are
// constants where scope.dates_constant says so) and reports E306 at the
// sub-expression that failed; a division whose divisor is a constant zero
// is E306 at its `/`, whatever the dividend.
Folded fold_constants(const ExprScope& scope, const SourceFile& file, const TypedExpr& e,
                      Diagnostics& diags);

// E306 for `at`, a constant sub-expression whose evaluation failed with `error`.
void report_constant_failure(const SourceFile& file, Diagnostics& diags, EvalEnv::Error error,
                             const TypedExpr& at);

}  // namespace pacta::expr_check
