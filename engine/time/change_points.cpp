// Change points (engine/time/timeline.hpp). Days are handled as serials
// (int64), so that "the day after 9999-12-31" is a number like any other.
//
// The walk asks, from a day d0: how long does an expression stay as it is?
//  - a bool expression: its value, and whether it fails, stay the same on
//    [d0, end) (bool_end);
//  - a number or date expression: on [d0, end) it fails on every day or on
//    none, and it is constant, non-decreasing (Up), non-increasing (Down)
//    or of unknown shape in `date` (piece).
// A comparison of two monotone sides of opposite (or no) direction is
// monotone in `date`: the day its sign changes is found by bisection. Two
// sides of the same or unknown direction are compared day by day, within
// Limits::max_decision_steps. Failures that depend on `date` (a shift past
// 9999-12-31, `never` in `date - D`) are monotone too, and end pieces.
// Number arithmetic in `date` is monotone only while no result can exceed
// Limits::max_number_digits: a bound on the digits is carried along, and
// past it the piece is of unknown shape (evaluated day by day, exactly).
#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/time/timeline.hpp"

namespace pacta {

namespace {

using Day = std::int64_t;
constexpr Day kBeyond = Date::kMaxSerial + 2;  // later than any day asked about
constexpr std::size_t kDaySerialDigits = 7;    // |date - date| <= 3652058

Date to_date(Day d) { return *Date::from_serial(d); }
Day to_day(Date d) { return d.is_never() ? kBeyond : d.serial(); }

enum class Shape { Constant, Up, Down, Unknown };

Shape flip(Shape s) {
  if (s == Shape::Up) return Shape::Down;
  if (s == Shape::Down) return Shape::Up;
  return s;
}

// The shape of a + b.
Shape sum(Shape a, Shape b) {
  if (a == Shape::Constant) return b;
  if (b == Shape::Constant) return a;
  return a == b ? a : Shape::Unknown;
}

bool monotone(Shape s) { return s == Shape::Up || s == Shape::Down; }

// A number or date expression over [d0, end).
struct Piece {
  Day end = kBeyond;
  Shape shape = Shape::Constant;
  std::size_t digits = 0;  // numbers: a bound on Number::digits() over the piece
};

bool is_ordered(const TypedExpr& e) {
  return e.type.kind == Type::Kind::Number || e.type.kind == Type::Kind::Date;
}

std::size_t digits_of(const Value& v) { return v.kind == Type::Kind::Number ? v.n.digits() : 0; }

// A day's state of something that may fail: the failure, or a value.
int failure_state(const EvalEnv& env) { return 10 + static_cast<int>(env.error); }

}  // namespace

struct ChangePoints::Impl {
  Impl(const CompiledContract& compiled, const Situation& situation, const Limits& limits);

  bool of_instance(int action, const std::vector<int>& args, DayRange range, std::vector<Date>& out,
                   ChangePointError& error);
  bool of_version(int version, const std::vector<int>& args, DayRange range, std::vector<Date>& out,
                  ChangePointError& error);
  bool of_condition(const TypedExpr& e, const std::vector<int>& args, DayRange range,
                    int clause_index, std::vector<Date>& out, ChangePointError& error);

 private:
  // The days in (from, limit) at which `root` may change, pushed onto `out`.
  bool walk(const TypedExpr& root, Day from, Day limit, std::vector<Date>& out);

  // One day's environment.
  void use_root(const TypedExpr& root);
  const std::vector<int>& dated_conditions_read(const TypedExpr& root);
  EvalEnv env_at(Day d);
  bool truth_at(const TypedExpr& e, Day d, bool& failed);
  Value value_at(const TypedExpr& e, Day d, bool& failed);
  int compare_at(const TypedExpr& l, const TypedExpr& r, Day d);

  // The walk.
  Day bool_end(const TypedExpr& e, Day d0, Day limit);
  Day logic_end(const TypedExpr& e, Day d0, Day limit, bool decides);
  Day compare_end(const TypedExpr& l, const TypedExpr& r, const TypedExpr& at, Day d0, Day limit);
  Piece piece(const TypedExpr& e, Day d0, Day limit);
  Piece constant_piece(const TypedExpr& e, Day d0, Day limit);
  Piece arithmetic_piece(const TypedExpr& e, Day d0, Day limit);
  Piece extreme_piece(const TypedExpr& e, Day d0, Day limit);
  Piece if_piece(const TypedExpr& e, Day d0, Day limit);
  Piece shift_piece(const TypedExpr& e, Day d0, Day limit);
  Piece days_between_piece(const TypedExpr& e, Day d0, Day limit);
  // The first day in (d0, limit) whose state(day) differs from state(d0),
  // else limit: by bisection when the states are monotone in the day, else
  // day by day (at `at`, within the step budget).
  template <class State>
  Day first_change(Day d0, Day limit, bool is_monotone, const TypedExpr& at, State state);
  bool over_budget(const TypedExpr* at, ChangePointError::Kind kind, std::uint64_t days);

 public:
  struct Bounds {
    bool done = false;
    bool failed = false;
    Day from = 0, until = kBeyond;
  };
  const Bounds& bounds_of(int version);

  const CompiledContract& compiled;
  const Contract& contract;
  const Situation& situation;
  Limits limits;
  std::uint64_t steps = 0;

 private:
  ChangePointError failure;
  int clause = -1;  // of the version walked, for failures
  const int* params = nullptr;
  // Named conditions that read `date` (directly or through another); per
  // root expression, the ones it reads, in evaluation order.
  std::vector<bool> dated;
  std::vector<int> order_position;
  std::unordered_map<const TypedExpr*, std::vector<int>> reads;
  // Per node of the roots walked: whether it reads `date` (directly or
  // through a named condition). A node that does not is constant.
  std::unordered_map<const TypedExpr*, bool> dated_nodes;
  bool mark_dated(const TypedExpr& e);
  bool is_dated(const TypedExpr& e) const { return dated_nodes.at(&e); }
  const std::vector<int>* root_reads = nullptr;
  std::vector<ConditionValue> conditions;  // the situation's; dated ones of conditions_day
  Day conditions_day = -1;
  std::vector<Day> condition_end;  // dated conditions: bool_end from the walk's d0
  std::vector<Bounds> bounds;      // per version
};

namespace {

// Whether `e` reads `date` or a named condition marked in `dated`.
bool reads_date(const TypedExpr& e, const std::vector<bool>& dated) {
  if (e.op == TypedExpr::Op::Today) return true;
  if (e.op == TypedExpr::Op::Condition) return dated[e.index];
  return std::any_of(e.operands.begin(), e.operands.end(),
                     [&](const TypedExpr& o) { return reads_date(o, dated); });
}

void collect_conditions(const TypedExpr& e, std::vector<int>& out) {
  if (e.op == TypedExpr::Op::Condition) out.push_back(e.index);
  for (const auto& o : e.operands) collect_conditions(o, out);
}

}  // namespace

ChangePoints::Impl::Impl(const CompiledContract& c, const Situation& s, const Limits& l)
    : compiled(c),
      contract(c.contract()),
      situation(s),
      limits(l),
      dated(c.contract().conditions.size(), false),
      order_position(c.contract().conditions.size(), 0),
      conditions(s.conditions),
      condition_end(c.contract().conditions.size(), kBeyond),
      bounds(c.versions().size()) {
  for (std::size_t k = 0; k < contract.condition_order.size(); ++k) {
    const int i = contract.condition_order[k];
    order_position[i] = static_cast<int>(k);
    dated[i] = reads_date(contract.conditions[i].expr, dated);
  }
  conditions.resize(contract.conditions.size());
}

const std::vector<int>& ChangePoints::Impl::dated_conditions_read(const TypedExpr& root) {
  auto [it, fresh] = reads.try_emplace(&root);
  if (!fresh) return it->second;
  std::vector<bool> seen(contract.conditions.size(), false);
  std::vector<int> todo, found;
  collect_conditions(root, todo);
  while (!todo.empty()) {
    const int i = todo.back();
    todo.pop_back();
    if (seen[i] || !dated[i]) continue;
    seen[i] = true;
    found.push_back(i);
    collect_conditions(contract.conditions[i].expr, todo);
  }
  std::sort(found.begin(), found.end(),
            [&](int a, int b) { return order_position[a] < order_position[b]; });
  it->second = std::move(found);
  return it->second;
}

bool ChangePoints::Impl::mark_dated(const TypedExpr& e) {
  if (auto it = dated_nodes.find(&e); it != dated_nodes.end()) return it->second;
  bool d = e.op == TypedExpr::Op::Today || (e.op == TypedExpr::Op::Condition && dated[e.index]);
  for (const auto& o : e.operands) d = mark_dated(o) || d;  // every operand is marked
  dated_nodes[&e] = d;
  return d;
}

void ChangePoints::Impl::use_root(const TypedExpr& root) {
  root_reads = &dated_conditions_read(root);
  conditions_day = -1;
  mark_dated(root);
  for (int i : *root_reads) mark_dated(contract.conditions[i].expr);
}

EvalEnv ChangePoints::Impl::env_at(Day d) {
  EvalEnv env;
  env.facts = situation.facts.data();
  env.dates = situation.dates.data();
  env.conditions = conditions.data();
  env.params = params;
  env.today = to_date(d);
  if (conditions_day != d && root_reads && !root_reads->empty()) {
    for (int i : *root_reads) {
      EvalEnv at = env;
      const bool b = evaluate_condition(contract.conditions[i].expr, at);
      steps += at.steps;
      conditions[i] = ConditionValue{b, static_cast<int>(at.error), at.error_at};
    }
    conditions_day = d;
  }
  return env;
}

bool ChangePoints::Impl::truth_at(const TypedExpr& e, Day d, bool& failed) {
  EvalEnv env = env_at(d);
  const bool b = evaluate_condition(e, env);
  steps += env.steps;
  failed = env.error != EvalEnv::Error::None;
  over_budget(&e, ChangePointError::Kind::TooManySteps, 0);
  return b;
}

Value ChangePoints::Impl::value_at(const TypedExpr& e, Day d, bool& failed) {
  EvalEnv env = env_at(d);
  Value v = evaluate(e, env);
  steps += env.steps;
  failed = env.error != EvalEnv::Error::None;
  over_budget(&e, ChangePointError::Kind::TooManySteps, 0);
  return v;
}

// The sign of l - r on day d, or its failure.
int ChangePoints::Impl::compare_at(const TypedExpr& l, const TypedExpr& r, Day d) {
  EvalEnv env = env_at(d);
  const Value lv = evaluate(l, env);
  const Value rv = evaluate(r, env);
  steps += env.steps;
  if (env.error != EvalEnv::Error::None) return failure_state(env);
  if (lv.kind == Type::Kind::Number) return compare(lv.n, rv.n);
  return lv.d < rv.d ? -1 : (lv.d > rv.d ? 1 : 0);
}

bool ChangePoints::Impl::over_budget(const TypedExpr* at, ChangePointError::Kind kind,
                                     std::uint64_t days) {
  if (failure.kind != ChangePointError::Kind::None) return true;
  if (steps <= limits.max_decision_steps) return false;
  failure = ChangePointError{kind, at, clause, days};
  return true;
}

template <class State>
Day ChangePoints::Impl::first_change(Day d0, Day limit, bool is_monotone, const TypedExpr& at,
                                     State state) {
  if (limit - d0 <= 1) return limit;
  const int start = state(d0);
  if (is_monotone) {
    if (state(limit - 1) == start) return limit;
    Day same = d0, differs = limit - 1;  // state(same) == start != state(differs)
    while (differs - same > 1) {
      if (over_budget(&at, ChangePointError::Kind::TooManySteps, 0)) return limit;
      const Day mid = same + (differs - same) / 2;
      (state(mid) == start ? same : differs) = mid;
    }
    return differs;
  }
  for (Day d = d0 + 1; d < limit; ++d) {
    if (over_budget(&at, ChangePointError::Kind::TooManyDays,
                    static_cast<std::uint64_t>(limit - d0))) {
      return limit;
    }
    if (state(d) != start) return d;
  }
  return limit;
}

Day ChangePoints::Impl::bool_end(const TypedExpr& e, Day d0, Day limit) {
  using Op = TypedExpr::Op;
  if (failure.kind != ChangePointError::Kind::None || !is_dated(e)) return limit;
  const auto& ops = e.operands;
  switch (e.op) {  // a node here reads `date`: no constant, fact or param
    case Op::Condition:
      return std::min(condition_end[e.index], limit);
    case Op::Not:
      return bool_end(ops[0], d0, limit);
    case Op::And:
      return logic_end(e, d0, limit, false);
    case Op::Or:
      return logic_end(e, d0, limit, true);
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
      if (is_ordered(ops[0])) return compare_end(ops[0], ops[1], e, d0, limit);
      return std::min(piece(ops[0], d0, limit).end, piece(ops[1], d0, limit).end);
    case Op::In:
    case Op::NotIn: {
      Day end = limit;
      if (is_ordered(ops[0])) {
        for (std::size_t i = 1; i < ops.size(); ++i) {
          end = std::min(end, compare_end(ops[0], ops[i], e, d0, limit));
        }
        return end;
      }
      for (const auto& o : ops) end = std::min(end, piece(o, d0, limit).end);
      return end;
    }
    case Op::If:
      return if_piece(e, d0, limit).end;
    default:
      break;
  }
  // No other operator is a bool; should one be added, it is exact day by day.
  return first_change(d0, limit, false, e, [&](Day d) {
    bool failed = false;
    const bool b = truth_at(e, d, failed);
    return failed ? 2 : static_cast<int>(b);
  });
}

// `and` (decides = false), `or` (decides = true): while the left side holds
// the deciding value without failing, the right side is not read.
Day ChangePoints::Impl::logic_end(const TypedExpr& e, Day d0, Day limit, bool decides) {
  const Day left = bool_end(e.operands[0], d0, limit);
  if (!is_dated(e.operands[1])) return left;  // the result changes only with the left side
  bool failed = false;
  const bool l = truth_at(e.operands[0], d0, failed);
  if (!failed && l == decides) return left;
  return std::min(left, bool_end(e.operands[1], d0, left));
}

Day ChangePoints::Impl::compare_end(const TypedExpr& l, const TypedExpr& r, const TypedExpr& at,
                                    Day d0, Day limit) {
  const Piece a = piece(l, d0, limit);
  const Piece b = piece(r, d0, a.end);
  const Day end = std::min({a.end, b.end, limit});
  if (a.shape == Shape::Constant && b.shape == Shape::Constant) return end;
  const Shape difference = (a.shape == Shape::Unknown || b.shape == Shape::Unknown)
                               ? Shape::Unknown
                               : sum(a.shape, flip(b.shape));
  // An order (<, <=, >, >=) changes once where the sign of l - r does; `==`,
  // `!=` and `in` need the sign itself (it passes through 0 and on).
  using Op = TypedExpr::Op;
  const Op op = at.op;
  const bool order = op == Op::Lt || op == Op::Le || op == Op::Gt || op == Op::Ge;
  return first_change(d0, end, monotone(difference), at, [&](Day d) {
    const int sign = compare_at(l, r, d);
    if (!order || sign > 1) return sign;  // > 1: a failure
    return static_cast<int>(op == Op::Lt   ? sign < 0
                            : op == Op::Le ? sign <= 0
                            : op == Op::Gt ? sign > 0
                                           : sign >= 0);
  });
}

Piece ChangePoints::Impl::piece(const TypedExpr& e, Day d0, Day limit) {
  using Op = TypedExpr::Op;
  if (failure.kind != ChangePointError::Kind::None) return Piece{limit};
  if (e.type.kind == Type::Kind::Bool) return Piece{bool_end(e, d0, limit)};
  if (!is_dated(e)) return constant_piece(e, d0, limit);
  const auto& ops = e.operands;
  switch (e.op) {
    case Op::Today:
      return Piece{limit, Shape::Up};
    case Op::Negate: {
      Piece p = piece(ops[0], d0, limit);
      p.shape = flip(p.shape);
      return p;
    }
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
      return arithmetic_piece(e, d0, limit);
    case Op::DaysBetween:
      return days_between_piece(e, d0, limit);
    case Op::AddDays:
    case Op::AddMonths:
    case Op::AddBusinessDays:
      return shift_piece(e, d0, limit);
    case Op::EndOfMonth:
    case Op::EndOfQuarter:
    case Op::EndOfYear:
      return piece(ops[0], d0, limit);  // monotone, and never fails
    case Op::Min:
    case Op::Max:
      return extreme_piece(e, d0, limit);
    case Op::If:
      return if_piece(e, d0, limit);
    default:
      return Piece{limit, Shape::Unknown};
  }
}

// An expression that does not read `date`: its value (or failure) is the
// same on every day; numbers carry their digits.
Piece ChangePoints::Impl::constant_piece(const TypedExpr& e, Day d0, Day limit) {
  if (e.type.kind != Type::Kind::Number) return Piece{limit};
  if (e.op == TypedExpr::Op::Constant) return Piece{limit, Shape::Constant, digits_of(e.constant)};
  bool failed = false;
  const Value v = value_at(e, d0, failed);
  return Piece{limit, Shape::Constant, failed ? 0 : digits_of(v)};
}

Piece ChangePoints::Impl::arithmetic_piece(const TypedExpr& e, Day d0, Day limit) {
  using Op = TypedExpr::Op;
  const Piece a = piece(e.operands[0], d0, limit);
  const Piece b = piece(e.operands[1], d0, a.end);
  Piece out{std::min(a.end, b.end)};
  if (a.shape == Shape::Constant && b.shape == Shape::Constant) {
    bool failed = false;
    const Value v = value_at(e, d0, failed);
    out.digits = failed ? 0 : digits_of(v);
    return out;
  }
  const bool additive = e.op == Op::Add || e.op == Op::Sub;
  out.digits = a.digits + b.digits + (additive ? 1 : 0);
  out.shape = Shape::Unknown;
  if (a.shape == Shape::Unknown || b.shape == Shape::Unknown ||
      out.digits > limits.max_number_digits) {
    return out;
  }
  if (additive) {
    out.shape = sum(a.shape, e.op == Op::Add ? b.shape : flip(b.shape));
    return out;
  }
  // A product or quotient by a constant follows the constant's sign; a
  // divisor in `date` may reach zero: day by day.
  const bool left_constant = a.shape == Shape::Constant;
  if (!left_constant && b.shape != Shape::Constant) return out;
  if (e.op == Op::Div && left_constant) return out;
  bool failed = false;
  const Value c = value_at(e.operands[left_constant ? 0 : 1], d0, failed);
  const Shape moving = left_constant ? b.shape : a.shape;
  if (failed || c.n.is_zero()) {
    out.shape = Shape::Constant;  // fails, or is zero, on every day of the piece
  } else {
    out.shape = compare(c.n, Number{}) > 0 ? moving : flip(moving);
  }
  return out;
}

Piece ChangePoints::Impl::extreme_piece(const TypedExpr& e, Day d0, Day limit) {
  Piece out{limit};
  bool up = false, down = false, unknown = false;
  for (const auto& o : e.operands) {
    const Piece p = piece(o, d0, out.end);
    out.end = std::min(out.end, p.end);
    out.digits = std::max(out.digits, p.digits);
    up = up || p.shape == Shape::Up;
    down = down || p.shape == Shape::Down;
    unknown = unknown || p.shape == Shape::Unknown;
  }
  if (unknown || (up && down)) {
    out.shape = Shape::Unknown;
  } else if (up || down) {
    out.shape = up ? Shape::Up : Shape::Down;
  } else {
    bool failed = false;
    const Value v = value_at(e, d0, failed);
    out.digits = failed ? 0 : digits_of(v);
  }
  return out;
}

// `if C then A else B`: C as it is on d0 picks the branch. A C that fails
// makes the whole fail, on every day C does.
Piece ChangePoints::Impl::if_piece(const TypedExpr& e, Day d0, Day limit) {
  const Day condition = bool_end(e.operands[0], d0, limit);
  bool failed = false;
  const bool c = truth_at(e.operands[0], d0, failed);
  if (failed) return Piece{condition};
  const TypedExpr& branch = e.operands[c ? 1 : 2];
  if (branch.type.kind == Type::Kind::Bool) return Piece{bool_end(branch, d0, condition)};
  Piece p = piece(branch, d0, condition);
  p.end = std::min(p.end, condition);
  return p;
}

// D + N days / months / business days: as monotone as D; past either end
// of the calendar it fails (or, saturating, is `never`), on a prefix or a
// suffix of the piece: that boundary ends the piece.
Piece ChangePoints::Impl::shift_piece(const TypedExpr& e, Day d0, Day limit) {
  Piece p = piece(e.operands[0], d0, limit);
  if (!monotone(p.shape)) return p;
  p.end = first_change(d0, p.end, true, e, [&](Day d) {
    bool failed = false;
    value_at(e, d, failed);
    return static_cast<int>(failed);
  });
  return p;
}

// D1 - D2 in days: fails where either side is `never`, which for a
// monotone side is a prefix or a suffix of the piece.
Piece ChangePoints::Impl::days_between_piece(const TypedExpr& e, Day d0, Day limit) {
  const Piece a = piece(e.operands[0], d0, limit);
  const Piece b = piece(e.operands[1], d0, a.end);
  Piece out{std::min(a.end, b.end), Shape::Constant, kDaySerialDigits};
  if (a.shape == Shape::Unknown || b.shape == Shape::Unknown) {
    out.shape = Shape::Unknown;
    return out;
  }
  out.shape = sum(a.shape, flip(b.shape));
  for (const TypedExpr* side : {&e.operands[0], &e.operands[1]}) {
    const Shape s = side == &e.operands[0] ? a.shape : b.shape;
    if (!monotone(s)) continue;
    out.end = first_change(d0, out.end, true, e, [&](Day d) {
      bool failed = false;
      const Value v = value_at(*side, d, failed);
      return failed ? 2 : static_cast<int>(v.d.is_never());
    });
  }
  return out;
}

bool ChangePoints::Impl::walk(const TypedExpr& root, Day from, Day limit, std::vector<Date>& out) {
  use_root(root);
  for (Day d = from; d < limit;) {
    for (int i : *root_reads) condition_end[i] = bool_end(contract.conditions[i].expr, d, limit);
    Day next = bool_end(root, d, limit);
    if (failure.kind != ChangePointError::Kind::None) return false;
    next = std::max(next, d + 1);
    if (next < limit) out.push_back(to_date(next));
    d = next;
  }
  return true;
}

const ChangePoints::Impl::Bounds& ChangePoints::Impl::bounds_of(int version) {
  Bounds& b = bounds[version];
  if (b.done) return b;
  b.done = true;
  const ClauseVersion& v = *compiled.versions()[version].version;
  EvalEnv env = situation.env();
  if (v.from) b.from = to_day(evaluate(*v.from, env).d);
  if (v.until) b.until = to_day(evaluate(*v.until, env).d);
  steps += env.steps;
  b.failed = env.error != EvalEnv::Error::None;
  return b;
}

// A version whose bounds fail makes deciding fail on every day of its span,
// whatever the instance (the decider checks bounds before the pattern);
// otherwise only a version whose pattern matches the instance counts.
bool ChangePoints::Impl::of_version(int version, const std::vector<int>& args, DayRange range,
                                    std::vector<Date>& out, ChangePointError& error) {
  failure = ChangePointError{};
  params = args.data();
  const Day first = range.first.serial();
  const Day stop = Day{range.last.serial()} + 1;
  auto add = [&](Day d) {
    if (first < d && d < stop) out.push_back(to_date(d));
  };
  const ClauseVersionSpan& span = compiled.versions()[version];
  const ClauseVersion& v = *span.version;
  const Bounds& b = bounds_of(version);
  Day start = to_day(span.start), end = to_day(span.end);
  if (b.failed) {
    add(start);
    add(end);
    return true;
  }
  bool matches = true;
  for (std::size_t i = 0; i < v.pattern.arg_values.size() && matches; ++i) {
    matches = v.pattern.arg_values[i] < 0 || v.pattern.arg_values[i] == args[i];
  }
  start = std::max(start, b.from);
  end = std::min(end, b.until);
  if (!matches || start >= end) return true;
  add(start);
  add(end);
  if (!v.when) return true;
  clause = span.clause;
  const Day from = std::max(start, first), limit = std::min(end, stop);
  if (from < limit && !walk(*v.when, from, limit, out)) {
    error = failure;
    return false;
  }
  return true;
}

bool ChangePoints::Impl::of_instance(int action, const std::vector<int>& args, DayRange range,
                                     std::vector<Date>& out, ChangePointError& error) {
  out.clear();
  out.push_back(range.first);
  for (int vi : compiled.versions_for_action(action)) {
    if (!of_version(vi, args, range, out, error)) return false;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return true;
}

bool ChangePoints::Impl::of_condition(const TypedExpr& e, const std::vector<int>& args,
                                      DayRange range, int clause_index, std::vector<Date>& out,
                                      ChangePointError& error) {
  out.clear();
  out.push_back(range.first);
  failure = ChangePointError{};
  params = args.data();
  clause = clause_index;
  if (!walk(e, range.first.serial(), Day{range.last.serial()} + 1, out)) {
    error = failure;
    return false;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return true;
}

ChangePoints::ChangePoints(const CompiledContract& compiled, const Situation& situation,
                           const Limits& limits)
    : impl_(std::make_unique<Impl>(compiled, situation, limits)) {}

ChangePoints::~ChangePoints() = default;

bool ChangePoints::of_instance(int action, const std::vector<int>& args, DayRange range,
                               std::vector<Date>& out, ChangePointError& error) {
  return impl_->of_instance(action, args, range, out, error);
}

bool ChangePoints::of_version(int version, const std::vector<int>& args, DayRange range,
                              std::vector<Date>& out, ChangePointError& error) {
  return impl_->of_version(version, args, range, out, error);
}

bool ChangePoints::of_condition(const TypedExpr& e, const std::vector<int>& args, DayRange range,
                                int clause, std::vector<Date>& out, ChangePointError& error) {
  return impl_->of_condition(e, args, range, clause, out, error);
}

bool ChangePoints::in_bounds(int version, Date d, bool& failed) {
  const auto& b = impl_->bounds_of(version);
  failed = b.failed;
  return !b.failed && b.from <= d.serial() && d.serial() < b.until;
}

std::uint64_t ChangePoints::steps() const { return impl_->steps; }

}  // namespace pacta
