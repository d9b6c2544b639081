#pragma once
// The traced evaluator (SPEC §8): an expression evaluated with the value of
// every sub-expression kept, for explanations. Beside the hot evaluator
// (eval/evaluate.hpp), never in it: each node's value is computed by the hot
// evaluator itself on a copy of the node whose operands are the values
// already traced, so both agree by construction, and the hot path is not
// touched. Linear in the expression's size (at most
// Limits::max_expression_bytes of text).
#include <vector>

#include "engine/eval/evaluate.hpp"
#include "engine/model/contract.hpp"

namespace pacta {

struct TracedExpr {
  const TypedExpr* expr = nullptr;
  bool ok = false;  // `value` holds; else `error` says why there is none
  Value value;
  EvalEnv::Error error = EvalEnv::Error::None;
  // False where the result does not depend on this operand: the right side
  // of `and` after false (of `or` after true), the branch of `if` not
  // taken, list items after the one found. Such operands are still traced
  // where they can be evaluated, so an explanation shows every value.
  bool needed = true;
  // The operands in order; for a named condition, one: its definition.
  std::vector<TracedExpr> operands;
};

// `e` in `env` (params, facts, named dates and conditions of one decision).
// The root's ok/value/error are those evaluate_condition / evaluate give.
TracedExpr trace_expression(const TypedExpr& e, const EvalEnv& env, const Contract& contract);

// The smallest false part of a false bool trace: through `and` to its first
// false operand, through a named condition to its definition, through `if`
// to the branch taken; anything else (a comparison, `or`, `not`) is itself
// the reason. As the operand indices that lead to it from `t` (empty: `t`
// itself).
std::vector<int> smallest_false(const TracedExpr& t);

}  // namespace pacta
