#include "engine/eval/evaluate.hpp"

namespace pacta {

namespace {

Value fail(EvalEnv& env, EvalEnv::Error error, const TypedExpr& at, Value placeholder) {
  if (env.error == EvalEnv::Error::None) {
    env.error = error;
    env.error_at = &at;
  }
  return placeholder;
}

int compare(const Value& a, const Value& b) {
  if (a.kind == Type::Kind::Number) return compare(a.n, b.n);
  return a.d < b.d ? -1 : (a.d > b.d ? 1 : 0);
}

// An exact result, or NumberTooLarge past the size bound.
Value number(EvalEnv& env, const TypedExpr& at, std::optional<Number> result) {
  if (!result) return fail(env, EvalEnv::Error::NumberTooLarge, at, Value::number(Number{}));
  return Value::number(std::move(*result));
}

Value arithmetic(const TypedExpr& e, EvalEnv& env) {
  using Op = TypedExpr::Op;
  const Value l = evaluate(e.operands[0], env);
  const Value r = evaluate(e.operands[1], env);
  switch (e.op) {
    case Op::Add:
      return number(env, e, add(l.n, r.n));
    case Op::Sub:
      return number(env, e, subtract(l.n, r.n));
    case Op::Mul:
      return number(env, e, multiply(l.n, r.n));
    default:
      break;
  }
  if (r.n.is_zero()) return fail(env, EvalEnv::Error::DivisionByZero, e, Value::number(Number{}));
  return number(env, e, divide(l.n, r.n));
}

// `and` (decides = false) and `or` (decides = true) in three values: an
// operand whose fact is unset is unknown, and the result is unknown unless
// the other operand decides it alone (false and unknown = false, true or
// unknown = true), whichever side the unknown is on. Unknown is
// MissingFact, naming the first unset fact read; any other error stays an
// error.
Value logic(const TypedExpr& e, EvalEnv& env, bool decides) {
  if (env.error != EvalEnv::Error::None) return Value::boolean(false);  // already failed
  const bool l = evaluate(e.operands[0], env).b;
  if (env.error == EvalEnv::Error::None) {
    if (l == decides) return Value::boolean(decides);
    return Value::boolean(evaluate(e.operands[1], env).b);
  }
  if (env.error != EvalEnv::Error::MissingFact) return Value::boolean(false);
  const TypedExpr* unknown_at = env.error_at;
  env.error = EvalEnv::Error::None;
  const bool r = evaluate(e.operands[1], env).b;
  if (env.error == EvalEnv::Error::None && r == decides) return Value::boolean(decides);
  env.error = EvalEnv::Error::MissingFact;  // the left side's unset fact, read first
  env.error_at = unknown_at;
  return Value::boolean(false);
}

}  // namespace

Value evaluate(const TypedExpr& e, EvalEnv& env) {
  using Op = TypedExpr::Op;
  const auto& ops = e.operands;
  switch (e.op) {
    case Op::Constant:
      return e.constant;
    case Op::Fact:
      if (!env.facts[e.index]) return fail(env, EvalEnv::Error::MissingFact, e, Value{});
      return *env.facts[e.index];
    case Op::NamedDate:
      return Value::date(env.dates[e.index]);
    case Op::Param:
      if (e.type.kind == Type::Kind::Bool) return Value::boolean(env.params[e.index] != 0);
      return Value::member(env.params[e.index]);
    case Op::Today:
      return Value::date(env.today);
    case Op::Not:
      return Value::boolean(!evaluate(ops[0], env).b);
    case Op::Negate:
      return Value::number(-evaluate(ops[0], env).n);
    case Op::And:
      return logic(e, env, false);
    case Op::Or:
      return logic(e, env, true);
    case Op::Eq:
      return Value::boolean(evaluate(ops[0], env) == evaluate(ops[1], env));
    case Op::Ne:
      return Value::boolean(!(evaluate(ops[0], env) == evaluate(ops[1], env)));
    case Op::Lt:
      return Value::boolean(compare(evaluate(ops[0], env), evaluate(ops[1], env)) < 0);
    case Op::Le:
      return Value::boolean(compare(evaluate(ops[0], env), evaluate(ops[1], env)) <= 0);
    case Op::Gt:
      return Value::boolean(compare(evaluate(ops[0], env), evaluate(ops[1], env)) > 0);
    case Op::Ge:
      return Value::boolean(compare(evaluate(ops[0], env), evaluate(ops[1], env)) >= 0);
    case Op::In:
    case Op::NotIn: {
      Value item = evaluate(ops[0], env);
      bool found = false;
      for (std::size_t i = 1; i < ops.size() && !found; ++i) found = evaluate(ops[i], env) == item;
      return Value::boolean(e.op == Op::In ? found : !found);
    }
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
      return arithmetic(e, env);
    case Op::AddDays:
    case Op::AddMonths: {
      Date base = evaluate(ops[0], env).d;
      auto result = e.op == Op::AddDays ? add_days(base, e.amount) : add_months(base, e.amount);
      if (!result && e.saturate && e.amount > 0) return Value::date(Date::never());
      if (!result) return fail(env, EvalEnv::Error::DateOutOfRange, e, Value::date(Date::never()));
      return Value::date(*result);
    }
  }
  return Value{};
}

bool is_constant(const TypedExpr& e, const std::vector<bool>& dates_constant) {
  switch (e.op) {
    case TypedExpr::Op::Fact:
    case TypedExpr::Op::Param:
    case TypedExpr::Op::Today:
      return false;
    case TypedExpr::Op::NamedDate:
      return dates_constant[e.index];
    default:
      break;
  }
  for (const auto& o : e.operands) {
    if (!is_constant(o, dates_constant)) return false;
  }
  return true;
}

}  // namespace pacta
