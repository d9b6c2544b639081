#include "engine/eval/evaluate.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <vector>

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
bool logic(const TypedExpr& e, EvalEnv& env, bool decides) {
  if (env.error != EvalEnv::Error::None) return false;  // already failed
  const bool l = evaluate_condition(e.operands[0], env);
  if (env.error == EvalEnv::Error::None) {
    if (l == decides) return decides;
    return evaluate_condition(e.operands[1], env);
  }
  if (env.error != EvalEnv::Error::MissingFact) return false;
  const TypedExpr* unknown_at = env.error_at;
  env.error = EvalEnv::Error::None;
  const bool r = evaluate_condition(e.operands[1], env);
  if (env.error == EvalEnv::Error::None && r == decides) return decides;
  env.error = EvalEnv::Error::MissingFact;  // the left side's unset fact, read first
  env.error_at = unknown_at;
  return false;
}

// An operand's value without copying it when it is a constant or a fact
// (a Value holds a Number: copies are not free); else evaluated into
// `scratch`.
const Value& operand(const TypedExpr& o, EvalEnv& env, Value& scratch) {
  if (o.op == TypedExpr::Op::Constant) return o.constant;
  if (o.op == TypedExpr::Op::Fact && env.facts[o.index]) return *env.facts[o.index];
  scratch = evaluate(o, env);
  return scratch;
}

// A param or a constant of a domain type (a party, an enum value): its value
// index, read without building a Value; -1 for anything else.
int member_index(const TypedExpr& o, const EvalEnv& env) {
  if (o.type.kind != Type::Kind::Value) return -1;
  if (o.op == TypedExpr::Op::Param) return env.params[o.index];
  if (o.op == TypedExpr::Op::Constant) return o.constant.index;
  return -1;
}

bool relation(const TypedExpr& e, EvalEnv& env) {
  using Op = TypedExpr::Op;
  // `channel != azure`, the commonest `when`: two indices compared.
  if (e.op == Op::Eq || e.op == Op::Ne) {
    const int a = member_index(e.operands[0], env);
    const int b = a < 0 ? -1 : member_index(e.operands[1], env);
    if (b >= 0) return (a == b) == (e.op == Op::Eq);
  }
  Value left_scratch, right_scratch;
  const Value& l = operand(e.operands[0], env, left_scratch);
  const Value& r = operand(e.operands[1], env, right_scratch);
  switch (e.op) {
    case Op::Eq:
      return l == r;
    case Op::Ne:
      return !(l == r);
    case Op::Lt:
      return compare(l, r) < 0;
    case Op::Le:
      return compare(l, r) <= 0;
    case Op::Gt:
      return compare(l, r) > 0;
    default:
      return compare(l, r) >= 0;
  }
}

bool membership(const TypedExpr& e, EvalEnv& env) {
  const auto& ops = e.operands;
  Value item_scratch, scratch;
  const Value& item = operand(ops[0], env, item_scratch);
  bool found = false;
  for (std::size_t i = 1; i < ops.size() && !found; ++i)
    found = operand(ops[i], env, scratch) == item;
  return e.op == TypedExpr::Op::In ? found : !found;
}

// min/max: the first of the smallest (largest) operands.
Value extreme(const TypedExpr& e, EvalEnv& env, bool smallest) {
  Value best = evaluate(e.operands[0], env);
  for (std::size_t i = 1; i < e.operands.size(); ++i) {
    Value v = evaluate(e.operands[i], env);
    const int c = compare(v, best);
    if (smallest ? c < 0 : c > 0) best = std::move(v);
  }
  return best;
}

// date - date in days; `never` has no distance to a date.
Value days_between(const TypedExpr& e, EvalEnv& env) {
  const Date l = evaluate(e.operands[0], env).d;
  const Date r = evaluate(e.operands[1], env).d;
  if (l.is_never() || r.is_never()) {
    return fail(env, EvalEnv::Error::DateOutOfRange, e, Value::number(Number{}));
  }
  return Value::number(Number(static_cast<std::int64_t>(l.serial()) - r.serial()));
}

// The last day of d's month, quarter or year; `never` stays `never`.
Value end_of(const TypedExpr& e, EvalEnv& env) {
  const Date d = evaluate(e.operands[0], env).d;
  if (d.is_never()) return Value::date(d);
  int month = d.month();
  if (e.op == TypedExpr::Op::EndOfQuarter) month = (month + 2) / 3 * 3;
  if (e.op == TypedExpr::Op::EndOfYear) month = 12;
  return Value::date(Date::from_ymd(d.year(), month, days_in_month(d.year(), month)).value_or(d));
}

// Business days (SPEC §2): not a Saturday, Sunday or holiday. Counting N
// of them costs N / 5 steps of a week plus a few days, and one pass over
// the holidays between the start and the result; never a loop over N days.
class BusinessDays {
 public:
  explicit BusinessDays(const std::vector<Date>& holidays) : holidays_(holidays) {}

  // The date `n` business days after (n > 0) or before (n < 0) `from`, as
  // a day serial (possibly outside the calendar).
  std::int64_t add(std::int64_t from, std::int64_t n) const {
    const int dir = n < 0 ? -1 : 1;
    const std::int64_t count = n < 0 ? -n : n;
    std::int64_t x = step(from, count, dir);
    std::int64_t seen = 0;  // weekday holidays between `from` and x
    std::int64_t accounted = 0;
    if (dir > 0) {
      auto it = std::upper_bound(holidays_.begin(), holidays_.end(), from, after);
      for (;;) {
        for (; it != holidays_.end() && it->serial() <= x; ++it) seen += weekday(it->serial());
        if (seen == accounted) return x;
        x = step(x, seen - accounted, dir);
        accounted = seen;
      }
    }
    auto it = std::make_reverse_iterator(
        std::lower_bound(holidays_.begin(), holidays_.end(), from, before));
    for (;;) {
      for (; it != holidays_.rend() && it->serial() >= x; ++it) seen += weekday(it->serial());
      if (seen == accounted) return x;
      x = step(x, seen - accounted, dir);
      accounted = seen;
    }
  }

 private:
  static bool after(std::int64_t s, const Date& d) { return s < d.serial(); }
  static bool before(const Date& d, std::int64_t s) { return d.serial() < s; }

  static bool weekday(std::int64_t serial) {
    static const std::int64_t monday = Date::from_ymd(2024, 1, 1)->serial();
    return ((serial - monday) % 7 + 7) % 7 < 5;
  }
  // The k-th weekday after (dir 1) or before (dir -1) s; s itself if k is 0.
  // Any 7 consecutive days hold 5 weekdays.
  static std::int64_t step(std::int64_t s, std::int64_t k, int dir) {
    if (k == 0) return s;
    const std::int64_t weeks = (k - 1) / 5;
    std::int64_t rest = k - 5 * weeks;  // 1..5
    s += static_cast<std::int64_t>(dir) * 7 * weeks;
    while (rest > 0) {
      s += dir;
      if (weekday(s)) --rest;
    }
    return s;
  }

  const std::vector<Date>& holidays_;
};

Value add_business_days(const TypedExpr& e, EvalEnv& env) {
  const Date base = evaluate(e.operands[0], env).d;
  if (base.is_never()) return Value::date(base);
  static const std::vector<Date> kNone;
  const BusinessDays days(e.holidays ? *e.holidays : kNone);
  const std::optional<Date> result = Date::from_serial(days.add(base.serial(), e.amount));
  if (!result) return fail(env, EvalEnv::Error::DateOutOfRange, e, Value::date(Date::never()));
  return Value::date(*result);
}

}  // namespace

Value evaluate(const TypedExpr& e, EvalEnv& env) {
  ++env.steps;
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
    case Op::Negate:
      return Value::number(-evaluate(ops[0], env).n);
    case Op::Not:
    case Op::And:
    case Op::Or:
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
    case Op::In:
    case Op::NotIn:
      return Value::boolean(evaluate_condition(e, env));
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
    case Op::DaysBetween:
      return days_between(e, env);
    case Op::Min:
    case Op::Max:
      return extreme(e, env, e.op == Op::Min);
    case Op::EndOfMonth:
    case Op::EndOfQuarter:
    case Op::EndOfYear:
      return end_of(e, env);
    case Op::AddBusinessDays:
      return add_business_days(e, env);
    case Op::Condition:
      return Value::boolean(evaluate_condition(e, env));
    case Op::If:
      return evaluate_condition(ops[0], env) ? evaluate(ops[1], env) : evaluate(ops[2], env);
  }
  return Value{};
}

bool evaluate_condition(const TypedExpr& e, EvalEnv& env) {
  ++env.steps;
  using Op = TypedExpr::Op;
  switch (e.op) {
    case Op::Constant:
      return e.constant.b;
    case Op::Fact:
      if (!env.facts[e.index]) return fail(env, EvalEnv::Error::MissingFact, e, Value{}).b;
      return env.facts[e.index]->b;
    case Op::Param:
      return env.params[e.index] != 0;
    case Op::Condition: {
      const ConditionValue& v = env.conditions[e.index];
      if (v.error != 0) return fail(env, static_cast<EvalEnv::Error>(v.error), *v.at, Value{}).b;
      return v.value;
    }
    case Op::Not:
      return !evaluate_condition(e.operands[0], env);
    case Op::And:
      return logic(e, env, false);
    case Op::Or:
      return logic(e, env, true);
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
      return relation(e, env);
    case Op::In:
    case Op::NotIn:
      return membership(e, env);
    default:
      return evaluate(e, env).b;
  }
}

std::size_t failure_offset(const TypedExpr& at, std::string_view text) {
  if (at.op == TypedExpr::Op::Div && at.operands.size() == 2) {
    // Between the operands stand only blanks, parentheses and the `/`.
    const std::size_t from = at.operands[0].span.end;
    const std::size_t to = std::min(at.operands[1].span.begin, text.size());
    if (from < to) {
      const std::size_t slash = text.substr(from, to - from).find('/');
      if (slash != std::string_view::npos) return from + slash;
    }
  }
  return at.span.begin;
}

bool is_constant(const TypedExpr& e, const std::vector<bool>& dates_constant) {
  switch (e.op) {
    case TypedExpr::Op::Fact:
    case TypedExpr::Op::Param:
    case TypedExpr::Op::Today:
    case TypedExpr::Op::Condition:
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
