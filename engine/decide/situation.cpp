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

std::optional<Situation> make_situation(const Contract& c, Date on,
                                        const std::vector<std::pair<int, Value>>& assumed,
                                        SituationError& error) {
  Situation s;
  s.on = on;
  s.facts = fact_values(c, assumed);
  s.dates.assign(c.dates.size(), Date::never());
  // In dependency order: a named date reads only those before it.
  for (int i : c.date_order) {
    EvalEnv env = s.env();
    Value v = evaluate(c.dates[i].expr, env);
    if (env.error != EvalEnv::Error::None) {
      error = SituationError{env.error, env.error_at, i};
      return std::nullopt;
    }
    s.dates[i] = v.d;
  }
  evaluate_conditions(c, s);
  return s;
}

}  // namespace pacta
