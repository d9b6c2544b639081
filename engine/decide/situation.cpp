#include "engine/decide/situation.hpp"

namespace pacta {

namespace {

std::vector<std::optional<Value>> fact_values(const Contract& c,
                                              const std::vector<std::pair<int, Value>>& assumed) {
  std::vector<std::optional<Value>> facts(c.facts.size());
  for (std::size_t i = 0; i < c.facts.size(); ++i) {
    const FactDecl& f = c.facts[i];
    if (f.default_value) {
      facts[i] = *f.default_value;
    } else if (f.type.kind == Type::Kind::Date) {
      facts[i] = Value::date(Date::never());  // an event that has not happened
    }
  }
  for (const auto& [fact, value] : assumed) facts[fact] = value;
  return facts;
}

// The value fact `i` takes: the last assumption about it, else its default,
// else `never` for a date fact; nullptr: none.
const Value* fact_value(const Contract& c, std::size_t i,
                        const std::vector<std::pair<int, Value>>& assumed) {
  for (auto it = assumed.rbegin(); it != assumed.rend(); ++it) {
    if (static_cast<std::size_t>(it->first) == i) return &it->second;
  }
  const FactDecl& f = c.facts[i];
  if (f.default_value) return &*f.default_value;
  static const Value never = Value::date(Date::never());  // an event that has not happened
  return f.type.kind == Type::Kind::Date ? &never : nullptr;
}

// Sets every fact to the value it takes; true when one changed.
bool set_facts(const Contract& c, Situation& s, const std::vector<std::pair<int, Value>>& assumed) {
  const std::size_t n = c.facts.size();
  bool changed = s.facts.size() != n;
  if (changed) s.facts.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Value* v = fact_value(c, i, assumed);
    std::optional<Value>& held = s.facts[i];
    if (v == nullptr ? !held : held && *held == *v) continue;
    if (v == nullptr) {
      held.reset();
    } else {
      held = *v;
    }
    changed = true;
  }
  return changed;
}

}  // namespace

// Named conditions read no params: once per situation, in dependency order;
// an error (an unset fact) is kept and met where one is used.
void evaluate_conditions(const Contract& c, Situation& s) {
  s.conditions.assign(c.conditions.size(), ConditionValue{});
  for (int i : c.condition_order) {
    EvalEnv env = s.env();
    const bool b = evaluate_condition(c.conditions[i].expr, env);
    s.conditions[i] = ConditionValue{b, static_cast<int>(env.error), env.error_at};
  }
}

// Assumptions are few (a question's own); each fact looks them over, which
// costs less than sorting them would, up to this many.
constexpr std::size_t kScannedAssumptions = 16;

bool update_situation(const Contract& c, Situation& s, Date on,
                      const std::vector<std::pair<int, Value>>& assumed, SituationError& error) {
  s.on = on;
  bool facts_changed = false;
  if (assumed.size() <= kScannedAssumptions) {
    facts_changed = set_facts(c, s, assumed);
  } else {
    auto facts = fact_values(c, assumed);
    facts_changed = facts != s.facts;
    s.facts = std::move(facts);
  }
  if (facts_changed || s.dates.size() != c.dates.size()) {
    s.dates.assign(c.dates.size(), Date::never());
    // In dependency order: a named date reads only those before it (and
    // facts, never `date`).
    for (int i : c.date_order) {
      EvalEnv env = s.env();
      const Value v = evaluate(c.dates[i].expr, env);
      if (env.error != EvalEnv::Error::None) {
        error = SituationError{env.error, env.error_at, i};
        s.dates.clear();  // recomputed next time
        return false;
      }
      s.dates[i] = v.d;
    }
  }
  // Conditions may read `date`: after any change.
  if (!c.conditions.empty() || !s.conditions.empty()) evaluate_conditions(c, s);
  return true;
}

std::optional<Situation> make_situation(const Contract& c, Date on,
                                        const std::vector<std::pair<int, Value>>& assumed,
                                        SituationError& error) {
  Situation s;
  if (!update_situation(c, s, on, assumed, error)) return std::nullopt;
  return s;
}

void forget_facts(const Contract& c, Situation& s, const std::vector<int>& facts) {
  if (facts.empty()) return;
  for (int f : facts) s.facts[static_cast<std::size_t>(f)].reset();
  if (!c.conditions.empty()) evaluate_conditions(c, s);
}

}  // namespace pacta
