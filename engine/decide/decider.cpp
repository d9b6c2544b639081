#include "engine/decide/decider.hpp"

#include <algorithm>
#include <limits>

#include "engine/decide/instances.hpp"

namespace pacta {

namespace {

constexpr std::uint64_t kMaxSteps = std::numeric_limits<std::uint64_t>::max();

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
  return a > kMaxSteps - b ? kMaxSteps : a + b;
}

std::uint64_t saturating_mul(std::uint64_t a, std::uint64_t b) {
  return b != 0 && a > kMaxSteps / b ? kMaxSteps : a * b;
}

// The most EvalEnv::steps one evaluation of `e` can count: every node at
// most twice (evaluate() and evaluate_condition() each count the node they
// are called on, and one may hand a node to the other once). Business days
// also pass over the holidays between the start and the result: at most
// the whole calendar, counted here though the evaluator does not count it.
std::uint64_t evaluation_bound(const TypedExpr& e) {
  std::uint64_t n = 2;
  if (e.op == TypedExpr::Op::AddBusinessDays && e.holidays) n += e.holidays->size();
  for (const auto& o : e.operands) n = saturating_add(n, evaluation_bound(o));
  return n;
}

}  // namespace

Decider::Decider(const CompiledContract& compiled)
    : compiled_(compiled),
      bounds_(compiled.versions().size()),
      bounds_round_(compiled.versions().size(), 0),
      overridden_(compiled.contract().clauses.size(), 0),
      applies_(compiled.contract().clauses.size(), 0) {}

void Decider::sync_inputs(const Situation& s) {
  synced_ = true;
  if (bounds_inputs_ && bounds_inputs_->facts == s.facts && bounds_inputs_->dates == s.dates)
    return;
  if (!bounds_inputs_) bounds_inputs_.emplace();
  bounds_inputs_->facts = s.facts;  // assigned, not rebuilt: the capacity is reused
  bounds_inputs_->dates = s.dates;
  if (++round_ == 0) {  // wrapped: forget every version's round
    std::fill(bounds_round_.begin(), bounds_round_.end(), 0);
    round_ = 1;
  }
}

void Decider::compute_bounds(int vi, const Situation& s) {
  const ClauseVersion& v = *compiled_.versions()[vi].version;
  EvalEnv env = s.env();
  Bounds& b = bounds_[vi];
  b = Bounds{};
  if (v.from) b.from = evaluate(*v.from, env).d;
  if (v.until) b.until = evaluate(*v.until, env).d;
  b.error = env.error;
  b.error_at = env.error_at;
  bounds_round_[vi] = round_;
}

const Decider::Bounds& Decider::bounds(int vi, const Situation& s) {
  if (!synced_) sync_inputs(s);
  if (bounds_round_[vi] != round_) compute_bounds(vi, s);
  return bounds_[vi];
}

void Decider::start_decision() {
  synced_ = false;
  if (++epoch_ == 0) {  // wrapped: clear the marks once every 4 billion decisions
    std::fill(overridden_.begin(), overridden_.end(), 0);
    std::fill(applies_.begin(), applies_.end(), 0);
    epoch_ = 1;
  }
}

Decider::Check Decider::in_force(const IndexedVersion& e, const Situation& s,
                                 DecisionError& error) {
  if (s.on < e.from || s.on >= e.until) return Check::No;
  if (e.exact) return Check::Yes;
  const Bounds& b = bounds(e.version, s);
  if (b.error != EvalEnv::Error::None) {
    error = DecisionError{b.error, b.error_at, compiled_.versions()[e.version].clause};
    return Check::Failed;
  }
  return b.from <= s.on && s.on < b.until ? Check::Yes : Check::No;
}

Decider::Check Decider::applicable(const IndexedVersion& e, const std::vector<int>& args,
                                   EvalEnv& env, DecisionError& error) {
  const int* wanted = compiled_.index().pins(e);  // -1: any value
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (wanted[i] >= 0 && wanted[i] != args[i]) return Check::No;
  }
  steps_ += 1 + (e.overrides ? e.text->overrides.size() : 0);
  if (e.when == nullptr) return Check::Yes;
  bool holds = evaluate_condition(*e.when, env);
  if (env.error != EvalEnv::Error::None) {
    error = DecisionError{env.error, env.error_at, e.clause};
    return Check::Failed;
  }
  return holds ? Check::Yes : Check::No;
}

bool Decider::find_applicable(const Situation& s, int action, const std::vector<int>& args,
                              DecisionError& error) {
  applicable_.clear();
  any_overrides_ = false;
  EvalEnv env = s.env(args.data());
  std::uint64_t met = 0;
  bool failed = false;
  for_each_candidate(compiled_.index(), action, args.data(), s.on, [&](const IndexedVersion& e) {
    ++met;
    Check check = in_force(e, s, error);
    if (check == Check::Yes) check = applicable(e, args, env, error);
    failed = check == Check::Failed;
    if (check == Check::Yes) {
      applicable_.push_back(&e);
      applies_[e.clause] = epoch_;
      any_overrides_ = any_overrides_ || e.overrides;
    }
    return !failed;
  });
  steps_ += 1 + met + env.steps;
  return !failed;
}

// Simultaneously, not in sequence: a clause set aside still sets aside the
// clauses it lists.
void Decider::set_aside_overridden(std::vector<int>& overridden) {
  overridden.clear();
  if (!any_overrides_) return;
  for (const IndexedVersion* e : applicable_) {
    for (int target : e->text->overrides) {
      if (applies_[target] == epoch_ && !set_aside(target)) {
        overridden_[target] = epoch_;
        overridden.push_back(target);
      }
    }
  }
}

void Decider::reach_verdict(int action, Decision& out) const {
  bool forbid = false, oblige = false, permit = false;
  for (const IndexedVersion* e : applicable_) {
    if (any_overrides_ && set_aside(e->clause)) continue;
    const Modality m = e->modality;
    forbid = forbid || m == Modality::Forbid;
    oblige = oblige || m == Modality::Oblige;
    permit = permit || m == Modality::Permit;
  }
  out.is_default = false;
  if (auto v = verdict_of(forbid, oblige, permit)) {
    out.verdict = *v;
    return;
  }
  const Contract& c = compiled_.contract();
  out.verdict = c.actions[action].default_verdict.value_or(c.default_verdict);
  out.is_default = true;
}

void Decider::list_deciding(Decision& out) const {
  out.by.clear();
  for (const IndexedVersion* e : applicable_) {
    if (any_overrides_ && set_aside(e->clause)) continue;
    if (is_deciding(out.verdict, out.is_default, e->modality)) out.by.push_back(e->clause);
  }
  if (!std::is_sorted(out.by.begin(), out.by.end())) std::sort(out.by.begin(), out.by.end());
  std::sort(out.overridden.begin(), out.overridden.end());
}

bool Decider::decide(const Situation& s, int action, const std::vector<int>& args, Decision& out,
                     DecisionError& error) {
  start_decision();
  if (!find_applicable(s, action, args, error)) return false;
  set_aside_overridden(out.overridden);
  reach_verdict(action, out);
  list_deciding(out);
  return true;
}

// Bounds the counting of decide(): per instance 1 + the versions on the
// action (the index gives at most those); per version in force on `on` (by
// its span; its own bounds may still exclude it) and instance matching its
// pattern, 1 + its overrides + the most its `when` can count.
std::uint64_t Decider::steps_bound(Date on, const Pattern& pattern,
                                   std::optional<int> party) const {
  const Contract& c = compiled_.contract();
  const std::vector<int>& versions = compiled_.versions_for_action(pattern.action);
  std::uint64_t steps =
      saturating_mul(instance_count(c, pattern, party), 1 + std::uint64_t{versions.size()});
  for (int vi : versions) {
    const ClauseVersionSpan& span = compiled_.versions()[vi];
    if (on < span.start || on >= span.end) continue;
    const ClauseVersion& v = *span.version;
    std::uint64_t per_instance = 1 + std::uint64_t{v.overrides.size()};
    if (v.when) per_instance = saturating_add(per_instance, evaluation_bound(*v.when));
    steps = saturating_add(
        steps, saturating_mul(instance_count(c, pattern, party, &v.pattern), per_instance));
  }
  return steps;
}

}  // namespace pacta
