#pragma once
// The situation of one question (language.md §7): the date asked about, every
// fact's value and every named date, prepared once and shared by every
// instance decided under it.
#include <optional>
#include <utility>
#include <vector>

#include "engine/eval/evaluate.hpp"
#include "engine/model/contract.hpp"

namespace pacta {

struct Situation {
  Date on;
  std::vector<std::optional<Value>> facts;  // per fact; nullopt: no default and not assumed
  std::vector<Date> dates;                  // named dates, indexed like Contract::dates
  std::vector<ConditionValue> conditions;   // per named condition, evaluated once

  // The environment every expression of this question is evaluated in
  // (named dates, from/until bounds, `when`); `params` are the argument
  // values of the action instance, for `when` only.
  EvalEnv env(const int* params = nullptr) const {
    EvalEnv env;
    env.facts = facts.data();
    env.dates = dates.data();
    env.conditions = conditions.data();
    env.params = params;
    env.today = on;
    return env;
  }
};

struct SituationError {
  EvalEnv::Error error = EvalEnv::Error::None;
  const TypedExpr* at = nullptr;
  int named_date = -1;
};

// (Re)computes s.conditions for s.on, s.facts and s.dates: after any of them
// changes.
void evaluate_conditions(const Contract& c, Situation& s);

// Fact values: `assumed` (fact index -> value) over defaults; an unset date
// fact is `never`; any other unset fact is unknown (an error if needed).
// Then every named date is evaluated, then every named condition.
std::optional<Situation> make_situation(const Contract& contract, Date on,
                                        const std::vector<std::pair<int, Value>>& assumed,
                                        SituationError& error);

// The same into `s`, reusing its storage (a batch asks one situation per
// question): allocates nothing once warmed up, re-evaluates the named dates
// only when the facts differ from those `s` holds, and the named conditions
// only when the contract has any. `s` is left valid for the old question
// only if this returns true. Gives the same Situation as make_situation.
bool update_situation(const Contract& contract, Situation& s, Date on,
                      const std::vector<std::pair<int, Value>>& assumed, SituationError& error);

// Sets aside the values of `facts` (fact indices; none a date fact) in `s`,
// which make_situation made: each is then unknown, and the named conditions
// are evaluated again (a named date reads only date facts, so none changes).
void forget_facts(const Contract& contract, Situation& s, const std::vector<int>& facts);

}  // namespace pacta
