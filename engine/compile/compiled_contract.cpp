#include "engine/compile/compiled_contract.hpp"

#include <algorithm>
#include <memory>
#include <utility>

#include "engine/eval/evaluate.hpp"

namespace pacta {

namespace {

// A `when` that never holds, shared by every version that needs one.
const SharedExpr& never_true() {
  static const SharedExpr never = [] {
    TypedExpr e;
    e.type = Type::boolean();
    e.constant = Value::boolean(false);
    return std::make_shared<const TypedExpr>(std::move(e));
  }();
  return never;
}

// Copies only pointers for what the patch leaves alone.
ClauseVersion apply_patch(const ClauseVersion& old, const ClausePatch& p) {
  ClauseVersion v = old;
  if (p.modality) {
    v.modality = p.modality->first;
    v.pattern = p.modality->second;
  }
  if (p.when) {
    v.when = *p.when;
    v.when_action = p.checked_against_action;
  }
  // A `when` checked against another action than the one this version is
  // about (possible only when the scenario's as_agreed_on drops an earlier
  // amendment that changed the action) would read params that do not
  // exist. The version then never applies: better silent than reading the
  // wrong argument.
  if (v.when && v.when_action != v.pattern.action) v.when = never_true();
  if (p.from) v.from = *p.from;
  if (p.until) {
    v.until = *p.until;
    v.until_is_through = p.until_is_through;
  }
  if (p.overrides) v.overrides = *p.overrides;
  if (p.kind) v.kind = *p.kind;
  if (p.title) v.title = *p.title;
  if (p.text) v.text = *p.text;
  if (p.ref) v.ref = *p.ref;
  return v;
}

// Named dates that read no fact (directly or through another), with their
// values; the others stay `never` and are not read by a constant bound.
std::vector<Date> constant_dates(const Contract& c, std::vector<bool>& constant) {
  constant.assign(c.dates.size(), false);
  std::vector<Date> values(c.dates.size(), Date::never());
  for (int i : c.date_order) {
    if (!is_constant(c.dates[i].expr, constant)) continue;
    EvalEnv env;
    env.dates = values.data();
    const Value v = evaluate(c.dates[i].expr, env);
    if (env.error != EvalEnv::Error::None) continue;  // met (and reported) per situation
    constant[i] = true;
    values[i] = v.d;
  }
  return values;
}

// A version's bounds when constant and evaluable; else unknown (evaluated
// per situation by the Decider, which reports any failure).
ConstantBounds bounds_of(const ClauseVersion& v, const std::vector<bool>& constant,
                         const std::vector<Date>& dates) {
  ConstantBounds b;
  if ((v.from && !is_constant(*v.from, constant)) || (v.until && !is_constant(*v.until, constant)))
    return b;
  EvalEnv env;
  env.dates = dates.data();
  if (v.from) b.from = evaluate(*v.from, env).d;
  if (v.until) b.until = evaluate(*v.until, env).d;
  b.known = env.error == EvalEnv::Error::None;
  if (!b.known) b = ConstantBounds{};
  return b;
}

}  // namespace

CompiledContract::CompiledContract(const Contract& contract, const Scenario& scenario)
    : contract_(&contract), scenario_(scenario), by_action_(contract.actions.size()) {
  // The open version of each clause, as an index into versions_ (-1: none).
  std::vector<int> open(contract.clauses.size(), -1);
  for (std::size_t i = 0; i < contract.clauses.size(); ++i) {
    if (contract.clauses[i].added_by >= 0) continue;
    open[i] = static_cast<int>(versions_.size());
    versions_.push_back(ClauseVersionSpan{static_cast<int>(i), Date::min(), Date::never(), -1,
                                          &contract.clauses[i].version});
  }
  auto close = [&](int clause, Date at) {
    if (open[clause] < 0) return false;
    versions_[open[clause]].end = at;
    open[clause] = -1;
    return true;
  };
  for (std::size_t a = 0; a < contract.amendments.size(); ++a) {
    const Amendment& am = contract.amendments[a];
    if (scenario.as_agreed_on && am.signed_on > *scenario.as_agreed_on) continue;
    if (std::binary_search(scenario.without.begin(), scenario.without.end(), static_cast<int>(a)))
      continue;
    amendments_.push_back(static_cast<int>(a));
    for (int clause : am.repeal) close(clause, am.effective);
    for (const auto& [clause, patch] : am.amend) {
      int previous = open[clause];
      if (previous < 0) continue;  // its addition was not agreed on in this scenario
      amended_.push_back(
          std::make_unique<const ClauseVersion>(apply_patch(*versions_[previous].version, patch)));
      close(clause, am.effective);
      open[clause] = static_cast<int>(versions_.size());
      versions_.push_back(ClauseVersionSpan{clause, am.effective, Date::never(),
                                            static_cast<int>(a), amended_.back().get()});
    }
    auto start = [&](int clause, const ClauseVersion& version) {
      close(clause, am.effective);
      open[clause] = static_cast<int>(versions_.size());
      versions_.push_back(
          ClauseVersionSpan{clause, am.effective, Date::never(), static_cast<int>(a), &version});
    };
    for (int clause : am.add) start(clause, contract.clauses[clause].version);
    // A re-enacted clause: its repeal closed the old version (when that
    // repeal is in this scenario; otherwise the re-enactment replaces it).
    for (const auto& [clause, version] : am.reenact) start(clause, version);
  }
  for (std::size_t v = 0; v < versions_.size(); ++v) {
    const auto& span = versions_[v];
    if (span.start >= span.end) continue;  // replaced on the day it started
    int action = span.version->pattern.action;
    if (action >= 0) by_action_[action].push_back(static_cast<int>(v));
  }
  std::vector<bool> constant;
  const std::vector<Date> dates = constant_dates(contract, constant);
  constant_bounds_.reserve(versions_.size());
  for (const auto& span : versions_) {
    constant_bounds_.push_back(bounds_of(*span.version, constant, dates));
  }
  index_ = ClauseIndex(contract, versions_, by_action_, constant_bounds_);
}

}  // namespace pacta
