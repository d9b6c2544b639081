#include "engine/decide/decider.hpp"

#include <algorithm>

namespace pacta {

Decider::Decider(const CompiledContract& compiled)
    : compiled_(compiled),
      overridden_(compiled.contract().clauses.size(), 0),
      applies_(compiled.contract().clauses.size(), 0) {}

void Decider::refresh_bounds(const Situation& s) {
  if (bounds_inputs_ && bounds_inputs_->facts == s.facts && bounds_inputs_->dates == s.dates) {
    return;
  }
  compute_bounds(s);
}

void Decider::compute_bounds(const Situation& s) {
  const auto& versions = compiled_.versions();
  bounds_.assign(versions.size(), Bounds{});
  for (std::size_t vi = 0; vi < versions.size(); ++vi) {
    const ClauseVersion& v = versions[vi].version;
    EvalEnv env = s.env();
    Bounds& b = bounds_[vi];
    if (v.from) b.from = evaluate(*v.from, env).d;
    if (v.until) b.until = evaluate(*v.until, env).d;
    b.error = env.error;
    b.error_at = env.error_at;
  }
  if (!bounds_inputs_) bounds_inputs_.emplace();
  bounds_inputs_->facts = s.facts;  // assigned, not rebuilt: the capacity is reused
  bounds_inputs_->dates = s.dates;
}

bool Decider::decide(const Situation& s, int action, const std::vector<int>& args, Decision& out,
                     DecisionError& error) {
  const auto& versions = compiled_.versions();
  refresh_bounds(s);
  if (++epoch_ == 0) {  // wrapped: clear the marks once every 4 billion decisions
    std::fill(overridden_.begin(), overridden_.end(), 0);
    std::fill(applies_.begin(), applies_.end(), 0);
    epoch_ = 1;
  }
  applicable_.clear();
  EvalEnv env = s.env(args.data());
  auto failed = [&](int clause) {
    if (env.error == EvalEnv::Error::None) return false;
    error = DecisionError{env.error, env.error_at, clause};
    return true;
  };
  for (int vi : compiled_.versions_for_action(action)) {
    const ClauseVersionSpan& span = versions[vi];
    // 1. In force: the amendments make this version current, and its own
    //    bounds contain the date.
    if (s.on < span.start || s.on >= span.end) continue;
    const ClauseVersion& v = span.version;
    const Bounds& b = bounds_[vi];
    if (b.error != EvalEnv::Error::None) {
      error = DecisionError{b.error, b.error_at, span.clause};
      return false;
    }
    if (s.on < b.from || s.on >= b.until) continue;
    // 2. Applicable: the pattern matches and `when` holds.
    bool matches = true;
    for (std::size_t i = 0; i < v.pattern.arg_values.size() && matches; ++i) {
      matches = v.pattern.arg_values[i] < 0 || v.pattern.arg_values[i] == args[i];
    }
    if (!matches) continue;
    if (v.when) {
      bool holds = evaluate(*v.when, env).b;
      if (failed(span.clause)) return false;
      if (!holds) continue;
    }
    applicable_.push_back(vi);
    applies_[span.clause] = epoch_;
  }
  // 3. Overrides: every applicable clause sets aside those it lists, whether
  //    or not it is itself set aside (simultaneously, not in sequence).
  out.overridden.clear();
  for (int vi : applicable_) {
    for (int target : versions[vi].version.overrides) {
      if (applies_[target] == epoch_ && overridden_[target] != epoch_) {
        overridden_[target] = epoch_;
        out.overridden.push_back(target);
      }
    }
  }
  // 4. Verdict from what remains; 5. the deciding clauses.
  bool forbid = false, oblige = false, permit = false;
  for (int vi : applicable_) {
    const auto& span = versions[vi];
    if (overridden_[span.clause] == epoch_) continue;
    forbid = forbid || span.version.modality == Modality::Forbid;
    oblige = oblige || span.version.modality == Modality::Oblige;
    permit = permit || span.version.modality == Modality::Permit;
  }
  out.is_default = false;
  if (forbid && oblige)
    out.verdict = Verdict::Conflict;
  else if (forbid)
    out.verdict = Verdict::Forbidden;
  else if (oblige)
    out.verdict = Verdict::Obligatory;
  else if (permit)
    out.verdict = Verdict::Permitted;
  else {
    const Contract& c = compiled_.contract();
    out.verdict = c.actions[action].default_verdict.value_or(c.default_verdict);
    out.is_default = true;
  }
  out.by.clear();
  for (int vi : applicable_) {
    const auto& span = versions[vi];
    if (overridden_[span.clause] == epoch_) continue;
    Modality m = span.version.modality;
    bool deciding = (out.verdict == Verdict::Conflict && m != Modality::Permit) ||
                    (out.verdict == Verdict::Forbidden && m == Modality::Forbid) ||
                    (out.verdict == Verdict::Obligatory && m == Modality::Oblige) ||
                    (out.verdict == Verdict::Permitted && !out.is_default && m == Modality::Permit);
    if (deciding) out.by.push_back(span.clause);
  }
  std::sort(out.by.begin(), out.by.end());
  std::sort(out.overridden.begin(), out.overridden.end());
  return true;
}

std::size_t domain_size(const Contract& c, const Type& type) {
  if (type.kind == Type::Kind::Bool) return 2;
  return c.domains[type.domain].values.size();
}

std::optional<std::vector<std::vector<int>>> instances(const Contract& c, const Pattern& pattern,
                                                       std::size_t limit) {
  const ActionDecl& a = c.actions[pattern.action];
  std::size_t total = 1;
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    std::size_t n = pattern.arg_values[i] >= 0 ? 1 : domain_size(c, a.params[i].type);
    if (n == 0) return std::vector<std::vector<int>>{};
    if (total > limit / n) return std::nullopt;
    total *= n;
  }
  if (total > limit) return std::nullopt;
  std::vector<std::vector<int>> out;
  out.reserve(total);
  std::vector<int> current(a.params.size());
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    current[i] = pattern.arg_values[i] >= 0 ? pattern.arg_values[i] : 0;
  }
  for (std::size_t k = 0; k < total; ++k) {
    out.push_back(current);
    // Odometer: the last param turns fastest.
    for (std::size_t i = a.params.size(); i-- > 0;) {
      if (pattern.arg_values[i] >= 0) continue;
      if (++current[i] < static_cast<int>(domain_size(c, a.params[i].type))) break;
      current[i] = 0;
    }
  }
  return out;
}

}  // namespace pacta
