#include "engine/whatif/conditional.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace pacta {

namespace {

using Op = TypedExpr::Op;

// Walks the expressions a decision of the actions reads, marking the
// unknown facts they use and the thresholds number facts are compared with.
class Walker {
 public:
  Walker(const Contract& c, const Situation& s)
      : c_(c),
        s_(s),
        used_(c.facts.size(), false),
        thresholds_(c.facts.size()),
        seen_conditions_(c.conditions.size(), false),
        seen_dates_(c.dates.size(), false) {}

  void walk(const TypedExpr& e) {
    if (problem_) return;
    switch (e.op) {
      case Op::Fact:
        if (unknown(e.index)) {
          used_[static_cast<std::size_t>(e.index)] = true;
          if (c_.facts[static_cast<std::size_t>(e.index)].type.kind == Type::Kind::Number) {
            not_splittable(e.index,
                           "it is used in arithmetic or as a value, not only compared "
                           "with constants");
          }
        }
        return;
      case Op::Condition:
        if (!seen_conditions_[static_cast<std::size_t>(e.index)]) {
          seen_conditions_[static_cast<std::size_t>(e.index)] = true;
          walk(c_.conditions[static_cast<std::size_t>(e.index)].expr);
        }
        return;
      case Op::NamedDate:
        if (!seen_dates_[static_cast<std::size_t>(e.index)]) {
          seen_dates_[static_cast<std::size_t>(e.index)] = true;
          walk(c_.dates[static_cast<std::size_t>(e.index)].expr);
        }
        return;
      default:
        break;
    }
    if (is_comparison(e.op) && e.operands.size() == 2) {
      for (int side = 0; side < 2; ++side) {
        const TypedExpr& f = e.operands[static_cast<std::size_t>(side)];
        const TypedExpr& other = e.operands[static_cast<std::size_t>(1 - side)];
        if (unknown_number(f)) {
          threshold(f.index, other);
          if (unknown_number(other)) return;  // reported by threshold()
          walk(other);
          return;
        }
      }
    }
    if ((e.op == Op::In || e.op == Op::NotIn) && !e.operands.empty() &&
        unknown_number(e.operands[0])) {
      for (std::size_t i = 1; i < e.operands.size(); ++i) {
        threshold(e.operands[0].index, e.operands[i]);
      }
      return;
    }
    for (const TypedExpr& o : e.operands) walk(o);
  }

  const std::vector<bool>& used() const { return used_; }
  std::vector<std::vector<Number>>& thresholds() { return thresholds_; }
  std::optional<SplitProblem>& problem() { return problem_; }

 private:
  bool unknown(int fact) const { return !s_.facts[static_cast<std::size_t>(fact)].has_value(); }
  bool unknown_number(const TypedExpr& e) const {
    return e.op == Op::Fact && unknown(e.index) &&
           c_.facts[static_cast<std::size_t>(e.index)].type.kind == Type::Kind::Number;
  }
  // Reads no unknown fact and no param: its value is the same in every cell.
  bool known(const TypedExpr& e) const {
    if (e.op == Op::Fact && unknown(e.index)) return false;
    if (e.op == Op::Param) return false;
    if (e.op == Op::Condition) return known(c_.conditions[static_cast<std::size_t>(e.index)].expr);
    if (e.op == Op::NamedDate) return known(c_.dates[static_cast<std::size_t>(e.index)].expr);
    return std::all_of(e.operands.begin(), e.operands.end(),
                       [this](const TypedExpr& o) { return known(o); });
  }

  void threshold(int fact, const TypedExpr& other) {
    used_[static_cast<std::size_t>(fact)] = true;
    if (!known(other)) {
      not_splittable(fact,
                     "it is compared with a value that is not a constant (another unknown "
                     "fact or a param)");
      return;
    }
    EvalEnv env = s_.env();
    const Value v = evaluate(other, env);
    if (env.error != EvalEnv::Error::None || v.kind != Type::Kind::Number) {
      not_splittable(fact, "the value it is compared with cannot be evaluated");
      return;
    }
    thresholds_[static_cast<std::size_t>(fact)].push_back(v.n);
  }

  void not_splittable(int fact, const char* why) {
    if (problem_) return;
    const std::string& name = c_.facts[static_cast<std::size_t>(fact)].name;
    problem_ = SplitProblem{
        fact,
        fmt::format("the answer depends on the unknown fact '{}', which cannot be split into "
                    "cases exactly: {}",
                    name, why),
        fmt::format("assume a value for it: --assume {}=VALUE", name)};
  }

  const Contract& c_;
  const Situation& s_;
  std::vector<bool> used_;
  std::vector<std::vector<Number>> thresholds_;
  std::vector<bool> seen_conditions_, seen_dates_;
  std::optional<SplitProblem> problem_;
};

}  // namespace

std::optional<std::vector<FactCell>> number_cells(std::vector<Number> t) {
  std::sort(t.begin(), t.end(), [](const Number& a, const Number& b) { return compare(a, b) < 0; });
  t.erase(std::unique(t.begin(), t.end()), t.end());
  std::vector<FactCell> cells;
  auto interval = [&](std::optional<Number> lo, std::optional<Number> hi) -> bool {
    FactCell cell;
    cell.kind = FactCell::Kind::Interval;
    std::optional<Number> r;
    if (lo && hi) {
      if (auto sum = add(*lo, *hi)) r = divide(*sum, Number(2));
    } else if (lo) {
      r = add(*lo, Number(1));
    } else if (hi) {
      r = subtract(*hi, Number(1));
    } else {
      r = Number(0);
    }
    if (!r) return false;
    cell.lo = std::move(lo);
    cell.hi = std::move(hi);
    cell.representative = Value::number(std::move(*r));
    cells.push_back(std::move(cell));
    return true;
  };
  if (!interval(std::nullopt, t.empty() ? std::nullopt : std::optional<Number>(t.front()))) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < t.size(); ++i) {
    FactCell point;
    point.kind = FactCell::Kind::Point;
    point.lo = t[i];
    point.hi = t[i];
    point.representative = Value::number(t[i]);
    cells.push_back(std::move(point));
    const std::optional<Number> next =
        i + 1 < t.size() ? std::optional<Number>(t[i + 1]) : std::nullopt;
    if (!interval(t[i], next)) return std::nullopt;
  }
  return cells;
}

bool covers(const Given& g, const Value& v) {
  switch (g.kind) {
    case FactCell::Kind::Bool:
      return v.b == g.b;
    case FactCell::Kind::Member:
      return std::find(g.members.begin(), g.members.end(), v.index) != g.members.end();
    case FactCell::Kind::Point:
    case FactCell::Kind::Interval:
      break;
  }
  if (g.lo && (g.lo_inclusive ? compare(v.n, *g.lo) < 0 : compare(v.n, *g.lo) <= 0)) return false;
  return !(g.hi && (g.hi_inclusive ? compare(v.n, *g.hi) > 0 : compare(v.n, *g.hi) >= 0));
}

std::size_t combinations(const std::vector<UnknownFact>& facts) {
  std::size_t n = 1;
  for (const UnknownFact& f : facts) {
    const std::size_t k = std::max<std::size_t>(f.cells.size(), 1);
    n = n > std::numeric_limits<std::size_t>::max() / k ? std::numeric_limits<std::size_t>::max()
                                                        : n * k;
  }
  return n;
}

UnknownAnalysis analyze_unknown_facts(const CompiledContract& compiled, const Situation& s,
                                      const std::vector<int>& actions,
                                      std::size_t max_combinations) {
  const Contract& c = compiled.contract();
  UnknownAnalysis out;
  bool any_unknown = false;
  for (const auto& f : s.facts) any_unknown = any_unknown || !f.has_value();
  if (!any_unknown) return out;
  Walker w(c, s);
  for (int action : actions) {
    for (int vi : compiled.versions_for_action(action)) {
      const ClauseVersion& v = *compiled.versions()[static_cast<std::size_t>(vi)].version;
      for (const SharedExpr& e : {v.when, v.from, v.until}) {
        if (e) w.walk(*e);
      }
    }
  }
  if (w.problem()) {
    out.problem = std::move(w.problem());
    return out;
  }
  const std::vector<bool>& used = w.used();
  for (std::size_t i = 0; i < c.facts.size(); ++i) {
    if (!used[i]) continue;
    UnknownFact u;
    u.fact = static_cast<int>(i);
    const Type& t = c.facts[i].type;
    if (t.kind == Type::Kind::Bool) {
      for (bool b : {true, false}) {
        FactCell cell;
        cell.kind = FactCell::Kind::Bool;
        cell.b = b;
        cell.representative = Value::boolean(b);
        u.cells.push_back(std::move(cell));
      }
    } else if (t.kind == Type::Kind::Value) {
      const Domain& d = c.domains[static_cast<std::size_t>(t.domain)];
      for (std::size_t m = 0; m < d.values.size(); ++m) {
        FactCell cell;
        cell.kind = FactCell::Kind::Member;
        cell.member = static_cast<int>(m);
        cell.representative = Value::member(static_cast<int>(m));
        u.cells.push_back(std::move(cell));
      }
    } else if (t.kind == Type::Kind::Number) {
      auto cells = number_cells(std::move(w.thresholds()[i]));
      if (!cells) {
        out.problem = SplitProblem{
            static_cast<int>(i),
            fmt::format("the answer depends on the unknown fact '{}', whose thresholds are too "
                        "large to split between exactly",
                        c.facts[i].name),
            fmt::format("assume a value for it: --assume {}=VALUE", c.facts[i].name)};
        return out;
      }
      u.cells = std::move(*cells);
    } else {
      continue;  // a date fact is never unknown: unset is `never`
    }
    out.facts.push_back(std::move(u));
  }
  if (combinations(out.facts) > max_combinations) {
    const auto widest = std::max_element(
        out.facts.begin(), out.facts.end(),
        [](const UnknownFact& a, const UnknownFact& b) { return a.cells.size() < b.cells.size(); });
    const std::string& name = c.facts[static_cast<std::size_t>(widest->fact)].name;
    out.problem = SplitProblem{
        widest->fact,
        fmt::format("the answer depends on {} unknown facts whose values make more than {} "
                    "combinations to decide",
                    out.facts.size(), max_combinations),
        fmt::format("assume some of them, e.g. --assume {}=VALUE", name)};
    out.facts.clear();
  }
  return out;
}

Given given_of(const UnknownFact& f, const std::vector<int>& cells) {
  Given g;
  g.fact = f.fact;
  const FactCell& first = f.cells[static_cast<std::size_t>(cells.front())];
  const FactCell& last = f.cells[static_cast<std::size_t>(cells.back())];
  g.kind = first.kind;
  switch (first.kind) {
    case FactCell::Kind::Bool:
      g.b = first.b;
      break;
    case FactCell::Kind::Member:
      for (int i : cells) g.members.push_back(f.cells[static_cast<std::size_t>(i)].member);
      break;
    case FactCell::Kind::Point:
    case FactCell::Kind::Interval:
      g.kind = FactCell::Kind::Interval;
      g.lo = first.lo;
      g.lo_inclusive = first.kind == FactCell::Kind::Point;
      g.hi = last.hi;
      g.hi_inclusive = last.kind == FactCell::Kind::Point;
      if (first.kind == FactCell::Kind::Point && cells.size() == 1) g.kind = FactCell::Kind::Point;
      break;
  }
  return g;
}

bool decide_cases(const CompiledContract& compiled, Decider& decider, const Situation& base,
                  const std::vector<UnknownFact>& facts, int action, const std::vector<int>& args,
                  ConditionalDecision& out, DecisionError& error, const EachDecision& each) {
  const Contract& c = compiled.contract();
  Situation s = base;
  bool failed = false;
  out.cases = merge_cases<Decision>(facts, [&](const std::vector<int>& combination) {
    Decision d;
    if (failed) return d;
    for (std::size_t i = 0; i < facts.size(); ++i) {
      s.facts[static_cast<std::size_t>(facts[i].fact)] =
          facts[i].cells[static_cast<std::size_t>(combination[i])].representative;
    }
    if (!c.conditions.empty()) evaluate_conditions(c, s);
    if (!decider.decide(s, action, args, d, error)) {
      failed = true;
    } else if (each) {
      each(combination, d);
    }
    return d;
  });
  return !failed;
}

}  // namespace pacta
