#include "engine/explain/explain.hpp"

#include <algorithm>
#include <functional>
#include <utility>

namespace pacta {

namespace {

bool contains(const std::vector<int>& sorted, int x) {
  return std::binary_search(sorted.begin(), sorted.end(), x);
}

// The compiled versions of each clause of `about` (ascending), in the order
// the amendments made them (so their spans follow one another), empty ones
// left out: one pass over the versions.
std::vector<std::vector<int>> versions_of(const CompiledContract& compiled,
                                          const std::vector<int>& about) {
  std::vector<std::vector<int>> out(about.size());
  const auto& versions = compiled.versions();
  for (std::size_t v = 0; v < versions.size(); ++v) {
    const ClauseVersionSpan& span = versions[v];
    if (span.start >= span.end) continue;
    auto at = std::lower_bound(about.begin(), about.end(), span.clause);
    if (at == about.end() || *at != span.clause) continue;
    out[static_cast<std::size_t>(at - about.begin())].push_back(static_cast<int>(v));
  }
  return out;
}

BoundExplanation bound_of(const TypedExpr& e, bool through, const Situation& s) {
  EvalEnv env = s.env();
  const Value v = evaluate(e, env);
  BoundExplanation b{&e, through, std::nullopt, env.error};
  if (env.error != EvalEnv::Error::None) return b;
  b.day = through && !v.d.is_never() ? add_days(v.d, -1) : std::optional<Date>(v.d);
  return b;
}

void fill_bounds(const ClauseVersion& v, const Situation& s, ClauseExplanation& x) {
  if (v.from) x.from = bound_of(*v.from, false, s);
  if (v.until) x.until = bound_of(*v.until, v.until_is_through, s);
}

void set_version(const CompiledContract& compiled, int v, ClauseExplanation& x) {
  const ClauseVersionSpan& span = compiled.versions()[static_cast<std::size_t>(v)];
  x.version = span.version;
  x.made_by = span.amendment;
  x.version_start = span.start;
  x.version_end = span.end;
}

// The amendment of the scenario that repealed `clause` effective `at`.
int repealer(const CompiledContract& compiled, int clause, Date at) {
  const Contract& c = compiled.contract();
  for (int a : compiled.amendments_in_effect()) {
    const Amendment& am = c.amendments[static_cast<std::size_t>(a)];
    if (am.effective != at) continue;
    if (std::find(am.repeal.begin(), am.repeal.end(), clause) != am.repeal.end()) return a;
  }
  return -1;
}

// No version of the clause holds on the day: why.
void not_in_force(const CompiledContract& compiled, const std::vector<int>& versions, Date on,
                  ClauseExplanation& x) {
  const Contract& c = compiled.contract();
  const Clause& clause = c.clauses[static_cast<std::size_t>(x.clause)];
  if (versions.empty()) {
    const int adder = clause.added_by;
    x.amendment = adder;
    const Scenario& sc = compiled.scenario();
    const bool unsigned_ =
        adder >= 0 && sc.as_agreed_on &&
        c.amendments[static_cast<std::size_t>(adder)].signed_on > *sc.as_agreed_on;
    x.reason = unsigned_ ? Reason::NotSigned : Reason::LeftOut;
    if (adder >= 0) x.date = c.amendments[static_cast<std::size_t>(adder)].signed_on;
    return;
  }
  // The last version that ended on or before the day, else the first one
  // (which starts after it).
  int last_before = -1;
  for (int v : versions) {
    if (compiled.versions()[static_cast<std::size_t>(v)].end <= on) last_before = v;
  }
  if (last_before < 0) {
    set_version(compiled, versions.front(), x);
    x.reason = Reason::AddedLater;
    x.amendment = x.made_by;
    x.date = x.version_start;
    return;
  }
  set_version(compiled, last_before, x);
  x.reason = Reason::Repealed;
  x.date = x.version_end;
  x.amendment = repealer(compiled, x.clause, x.version_end);
}

// The first param the version's pattern pins to another value.
bool pattern_mismatch(const ClauseVersion& v, const std::vector<int>& args, ClauseExplanation& x) {
  for (std::size_t i = 0; i < v.pattern.arg_values.size() && i < args.size(); ++i) {
    const int wanted = v.pattern.arg_values[i];
    if (wanted < 0 || wanted == args[i]) continue;
    x.reason = Reason::PatternMismatch;
    x.param = static_cast<int>(i);
    x.wanted = wanted;
    x.got = args[i];
    return true;
  }
  return false;
}

// The version holds on the day and is about the action: bounds, pattern,
// `when`, in the order the decision reads them. True when it applies.
bool check_version(const Contract& c, const Situation& s, const std::vector<int>& args,
                   ClauseExplanation& x) {
  const ClauseVersion& v = *x.version;
  fill_bounds(v, s, x);
  for (const auto* b : {&x.from, &x.until}) {
    if (!*b || (*b)->day) continue;
    x.reason = Reason::Fails;
    x.error = (*b)->error;
    return false;
  }
  if (x.from && s.on < *x.from->day) {
    x.reason = Reason::BeforeFrom;
    x.date = *x.from->day;
    return false;
  }
  if (x.until) {
    const Date last = *x.until->day;  // through: the last day; until: the first day after
    if (x.until->through ? s.on > last : s.on >= last) {
      x.reason = Reason::AtOrAfterUntil;
      x.date = last;
      return false;
    }
  }
  if (pattern_mismatch(v, args, x)) return false;
  if (!v.when) return true;
  x.when = trace_expression(*v.when, s.env(args.data()), c);
  if (!x.when->ok) {
    x.reason = Reason::Fails;
    x.error = x.when->error;
    return false;
  }
  if (x.when->value.b) return true;
  x.reason = Reason::WhenFalse;
  x.false_path = smallest_false(*x.when);
  return false;
}

// One clause about the action on the day: its version and whether it applies.
ClauseExplanation clause_on(const CompiledContract& compiled, const Situation& s, int clause,
                            const std::vector<int>& versions, int action,
                            const std::vector<int>& args) {
  ClauseExplanation x;
  x.clause = clause;
  int holding = -1;
  for (int v : versions) {
    const ClauseVersionSpan& span = compiled.versions()[static_cast<std::size_t>(v)];
    if (span.start <= s.on && s.on < span.end) holding = v;
  }
  if (holding < 0) {
    not_in_force(compiled, versions, s.on, x);
    return x;
  }
  set_version(compiled, holding, x);
  if (x.version->pattern.action != action) {
    x.reason = Reason::OtherAction;
    return x;
  }
  if (check_version(compiled.contract(), s, args, x)) x.role = ClauseRole::Deciding;
  return x;
}

// Roles from the decision: x.role is Deciding for every clause that applies.
// A clause set aside is set aside by every applying clause that overrides
// it (language.md §7, step 3: even one set aside itself).
void assign_roles(const Decision& d, std::vector<ClauseExplanation>& clauses) {
  std::vector<const ClauseExplanation*> applying;
  for (const ClauseExplanation& x : clauses) {
    if (x.role == ClauseRole::Deciding) applying.push_back(&x);
  }
  for (ClauseExplanation& x : clauses) {
    if (x.role != ClauseRole::Deciding) continue;
    if (contains(d.overridden, x.clause)) {
      x.role = ClauseRole::SetAside;
      for (const ClauseExplanation* y : applying) {
        const auto& o = y->version->overrides;
        if (std::find(o.begin(), o.end(), x.clause) != o.end()) x.set_aside_by.push_back(y->clause);
      }
    } else if (!contains(d.by, x.clause)) {
      x.role = ClauseRole::Outweighed;
    }
  }
  std::stable_sort(clauses.begin(), clauses.end(),
                   [](const ClauseExplanation& a, const ClauseExplanation& b) {
                     return static_cast<int>(a.role) < static_cast<int>(b.role);
                   });
}

}  // namespace

std::vector<int> clauses_about(const Contract& c, int action) {
  std::vector<int> out;
  for (std::size_t i = 0; i < c.clauses.size(); ++i) {
    if (c.clauses[i].version.pattern.action == action) out.push_back(static_cast<int>(i));
  }
  for (const Amendment& am : c.amendments) {
    for (const auto& [clause, patch] : am.amend) {
      if (patch.modality && patch.modality->second.action == action) out.push_back(clause);
    }
    for (const auto& [clause, version] : am.reenact) {
      if (version.pattern.action == action) out.push_back(clause);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

ActionClauses action_clauses(const CompiledContract& compiled, int action) {
  ActionClauses a;
  a.action = action;
  a.clauses = clauses_about(compiled.contract(), action);
  a.versions = versions_of(compiled, a.clauses);
  return a;
}

bool explain_instance(const CompiledContract& compiled, const Situation& s, Decider& decider,
                      const ActionClauses& about, const std::vector<int>& args,
                      InstanceExplanation& out, DecisionError& error) {
  const int action = about.action;
  out = InstanceExplanation{};
  out.action = action;
  out.args = args;
  out.on = s.on;
  if (!decider.decide(s, action, args, out.decision, error)) return false;
  if (out.decision.is_default) {
    const bool of_action =
        compiled.contract().actions[static_cast<std::size_t>(action)].default_verdict.has_value();
    out.default_of = of_action ? InstanceExplanation::DefaultOf::Action
                               : InstanceExplanation::DefaultOf::Contract;
  }
  out.clauses.reserve(about.clauses.size());
  for (std::size_t i = 0; i < about.clauses.size(); ++i) {
    out.clauses.push_back(
        clause_on(compiled, s, about.clauses[i], about.versions[i], action, args));
  }
  assign_roles(out.decision, out.clauses);
  return true;
}

const TracedExpr& traced_at(const TracedExpr& root, const std::vector<int>& path) {
  const TracedExpr* t = &root;
  for (int i : path) t = &t->operands[static_cast<std::size_t>(i)];
  return *t;
}

namespace {

// A case's outcome: the decision, and the first combination that led to it
// (where the case is explained). Cases are merged on the decision alone.
struct Outcome {
  Decision decision;
  std::vector<int> combination;
  friend bool operator==(const Outcome& a, const Outcome& b) { return a.decision == b.decision; }
};

}  // namespace

bool explain_cases(const CompiledContract& compiled, Decider& decider, const Situation& base,
                   const std::vector<UnknownFact>& facts, const ActionClauses& about,
                   const std::vector<int>& args, std::vector<ExplainedCase>& out,
                   DecisionError& error) {
  const Contract& c = compiled.contract();
  Situation s = base;
  auto assume = [&](const std::vector<int>& combination) {
    for (std::size_t i = 0; i < facts.size(); ++i) {
      s.facts[static_cast<std::size_t>(facts[i].fact)] =
          facts[i].cells[static_cast<std::size_t>(combination[i])].representative;
    }
    if (!c.conditions.empty()) evaluate_conditions(c, s);
  };
  bool failed = false;
  const auto cases = merge_cases<Outcome>(facts, [&](const std::vector<int>& combination) {
    Outcome o{{}, combination};
    if (failed) return o;
    assume(combination);
    if (!decider.decide(s, about.action, args, o.decision, error)) failed = true;
    return o;
  });
  if (failed) return false;
  out.clear();
  out.reserve(cases.size());
  for (const auto& k : cases) {
    assume(k.outcome.combination);
    ExplainedCase e{k.given, {}};
    if (!explain_instance(compiled, s, decider, about, args, e.explanation, error)) return false;
    out.push_back(std::move(e));
  }
  return true;
}

}  // namespace pacta
