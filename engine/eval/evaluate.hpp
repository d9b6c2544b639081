#pragma once
// Evaluation of typed expressions. No text: every name is an index into the
// environment's arrays. No allocation unless a number outgrows the int64
// fraction form (number.hpp).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/model/typed_expr.hpp"

namespace pacta {

// A named condition's value in one situation: a bool, or the error
// (MissingFact: unknown) met evaluating it.
struct ConditionValue {
  bool value = false;
  int error = 0;  // an EvalEnv::Error
  const TypedExpr* at = nullptr;
};

struct EvalEnv {
  const std::optional<Value>* facts = nullptr;  // indexed by fact; nullopt: no value
  const Date* dates = nullptr;                  // named dates, evaluated for this question
  const int* params = nullptr;                  // the action instance's argument values
  Date today;                                   // `date`: the date asked about
  const ConditionValue* conditions = nullptr;   // per named condition, this situation

  // NumberTooLarge: an exact result past Limits::max_number_digits.
  enum class Error { None, MissingFact, DateOutOfRange, DivisionByZero, NumberTooLarge };
  Error error = Error::None;
  const TypedExpr* error_at = nullptr;  // the sub-expression that failed
  // Work done: one per call of evaluate() or evaluate_condition(), so a
  // node counts at most twice (as a value and as a condition). The Decider
  // adds it to its steps (Limits::max_decision_steps).
  std::uint64_t steps = 0;
};

// On failure sets env.error (first failure wins) and returns a placeholder.
Value evaluate(const TypedExpr& e, EvalEnv& env);

// The value of a bool expression, as evaluate(e, env).b, without building a
// Value for each `and`, `or`, `not`, fact or param on the way (the
// decider's `when`).
bool evaluate_condition(const TypedExpr& e, EvalEnv& env);

// Where a failure of `at` is shown in `text`, the source its spans are
// offsets into: a division points at its `/` (what failed is dividing,
// not the dividend), anything else at its first character.
std::size_t failure_offset(const TypedExpr& at, std::string_view text);

// True when the expression reads no fact, param or `date` (named dates are
// looked through via `dates_constant`, indexed by named date).
bool is_constant(const TypedExpr& e, const std::vector<bool>& dates_constant);

}  // namespace pacta
