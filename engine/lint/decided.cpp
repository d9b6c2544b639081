// The checks of `pacta lint` that decide (L101-L108, L113): every scenario,
// every action, every combination of fact cells, every instance, every
// change point (lint.hpp says why that is exact).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "engine/compile/without.hpp"
#include "engine/decide/instances.hpp"
#include "engine/lint/internal/lint_parts.hpp"
#include "engine/time/timeline.hpp"
#include "engine/whatif/conditional.hpp"

namespace pacta::lint_detail {

namespace {

constexpr DayRange kAllTime{Date::min(), Date::max()};

// The scenarios a file allows, most inclusive first: every amendment, then
// as agreed on the day before each later `signed` (so the first witness of
// a finding needs no --as-agreed-on when it can do without).
std::vector<Scenario> scenarios_of(const Contract& c) {
  std::vector<Scenario> out{Scenario{}};
  std::set<Date> signed_on;
  for (const Amendment& a : c.amendments) signed_on.insert(a.signed_on);
  for (auto it = signed_on.rbegin(); it != signed_on.rend(); ++it) {
    if (auto day = add_days(*it, -1)) out.push_back(Scenario{*day, {}});
  }
  return out;
}

bool matches(const Pattern& p, const std::vector<int>& args) {
  for (std::size_t i = 0; i < args.size() && i < p.arg_values.size(); ++i) {
    if (p.arg_values[i] >= 0 && p.arg_values[i] != args[i]) return false;
  }
  return true;
}

bool same_cells(const std::vector<UnknownFact>& a, const std::vector<UnknownFact>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].fact != b[i].fact || a[i].cells.size() != b[i].cells.size()) return false;
    for (std::size_t k = 0; k < a[i].cells.size(); ++k) {
      const FactCell &x = a[i].cells[k], &y = b[i].cells[k];
      if (x.kind != y.kind || x.b != y.b || x.member != y.member || x.lo != y.lo || x.hi != y.hi) {
        return false;
      }
    }
  }
  return true;
}

// Which clauses read a date fact (directly, or through a named date or
// condition): lint holds date facts at their default (unset: `never`) and
// does not range over every date they could be, so it claims nothing
// "never" about them (no false finding), only what it has seen happen.
class DateFactReads {
 public:
  explicit DateFactReads(const Contract& c)
      : c_(c), dates_(c.dates.size(), -1), conditions_(c.conditions.size(), -1) {}
  bool of(const TypedExpr* e) { return e != nullptr && walk(*e); }
  bool of(const ClauseVersion& v) {
    return of(v.when.get()) || of(v.from.get()) || of(v.until.get());
  }

 private:
  bool walk(const TypedExpr& e) {
    if (e.op == TypedExpr::Op::Fact) {
      return c_.facts[static_cast<std::size_t>(e.index)].type.kind == Type::Kind::Date;
    }
    if (e.op == TypedExpr::Op::NamedDate) return memo(dates_, e.index, c_.dates);
    if (e.op == TypedExpr::Op::Condition) return memo(conditions_, e.index, c_.conditions);
    return std::any_of(e.operands.begin(), e.operands.end(),
                       [&](const TypedExpr& o) { return walk(o); });
  }
  bool memo(std::vector<int>& seen, int i, const std::vector<NamedDate>& decls) {
    int& m = seen[static_cast<std::size_t>(i)];
    if (m < 0) m = walk(decls[static_cast<std::size_t>(i)].expr) ? 1 : 0;
    return m == 1;
  }
  const Contract& c_;
  std::vector<int> dates_, conditions_;
};

// Per clause: the actions its versions are about, and whether one of them
// reads a date fact.
struct ClauseShape {
  std::set<int> actions;
  bool reads_date_fact = false;
};

std::vector<ClauseShape> clause_shapes(const Contract& c) {
  std::vector<ClauseShape> out(c.clauses.size());
  DateFactReads reads(c);
  for (std::size_t i = 0; i < c.clauses.size(); ++i) {
    out[i].actions.insert(c.clauses[i].version.pattern.action);
    out[i].reads_date_fact = reads.of(c.clauses[i].version);
  }
  for (const Amendment& a : c.amendments) {
    for (const auto& [i, p] : a.amend) {
      ClauseShape& shape = out[static_cast<std::size_t>(i)];
      if (p.modality) shape.actions.insert(p.modality->second.action);
      for (const auto* field : {&p.when, &p.from, &p.until}) {
        if (*field && reads.of(field->value().get())) shape.reads_date_fact = true;
      }
    }
    for (const auto& [i, v] : a.reenact) {
      out[static_cast<std::size_t>(i)].actions.insert(v.pattern.action);
      out[static_cast<std::size_t>(i)].reads_date_fact |= reads.of(v);
    }
  }
  return out;
}

// The next combination of cells, the last fact turning fastest; false
// after the last.
bool next_combination(const std::vector<UnknownFact>& facts, std::vector<int>& combination) {
  for (std::size_t i = facts.size(); i-- > 0;) {
    if (++combination[i] < static_cast<int>(facts[i].cells.size())) return true;
    combination[i] = 0;
  }
  return false;
}

// How one version takes part on one day.
enum class Part { Out, InForce, Applies, Failed };  // InForce: in force, `when` false

// What lint learns of a clause's `when` (one per clause and expression).
struct WhenSeen {
  bool in_force = false, held = false, failed_to_hold = false;
  std::optional<LintWitness> held_witness;
};

struct ClauseSeen {
  bool in_force = false, applies = false, decides = false;
  std::optional<LintWitness> applies_witness;
};

// An amendment left out (L106): its scenario, and whether some answer
// differs from the one with every amendment.
struct LeftOut {
  int amendment = -1;
  std::unique_ptr<CompiledContract> compiled;
  bool differs = false;
};

// One combination of fact cells: the situation and the question's facts.
struct Cell {
  Situation situation;
  std::vector<std::pair<int, Value>> assume;
};

class DecidedLinter {
 public:
  DecidedLinter(const Contract& c, const Limits& limits)
      : c_(c),
        limits_(limits),
        clauses_(c.clauses.size()),
        shapes_(clause_shapes(c)),
        action_complete_(c.actions.size(), true),
        action_reads_date_fact_(c.actions.size(), false) {
    limits_.max_decision_steps = std::max(limits.max_decision_steps, limits.max_lint_steps);
    for (const ClauseShape& shape : shapes_) {
      for (int a : shape.actions) {
        if (a >= 0 && shape.reads_date_fact)
          action_reads_date_fact_[static_cast<std::size_t>(a)] = true;
      }
    }
  }

  void run(std::vector<LintFinding>& out);
  std::uint64_t steps() const { return steps_; }

 private:
  void scenario(const Scenario& s, bool with_left_out);
  // What one action's questions need: its fact cells, its base situation,
  // the amendments left out that may change its answers.
  struct Prepared {
    std::vector<UnknownFact> facts;
    Situation base;
    std::vector<LeftOut*> others;
    struct Action {
      int action = -1;
      std::vector<LeftOut*> others;
    };
  };
  struct ActionGroup {
    std::vector<UnknownFact> facts;
    Situation base;
    std::vector<Prepared::Action> actions;
  };
  // One combination of cells: its Timeliner and ChangePoints, and the
  // Timeliners of the amendments left out, made when first needed.
  struct CellTools {
    Timeliner timeliner;
    ChangePoints points;
    std::map<const LeftOut*, std::unique_ptr<Timeliner>> others;
    std::uint64_t work() const;
  };
  std::optional<Prepared> prepare(const CompiledContract& cc, int a, bool with_left_out);
  void group(const CompiledContract& cc, ActionGroup& g, const Scenario& s);
  std::optional<std::vector<UnknownFact>> fact_space(const CompiledContract& cc, int a,
                                                     Situation& base, std::string& why) const;
  std::optional<std::vector<UnknownFact>> open_facts(const CompiledContract& cc, int a,
                                                     std::optional<Situation>& base,
                                                     std::string& why) const;
  bool in_cell(const CompiledContract& cc, Cell& cell, const Scenario& s,
               const Prepared::Action& pa, CellTools& tools);
  bool instance(const CompiledContract& cc, ChangePoints& cp, Cell& cell, const LintWitness& w);
  void runs_seen(const std::vector<Run>& runs, const LintWitness& w);
  bool version(const CompiledContract& cc, ChangePoints& cp, Cell& cell, int vi,
               const LintWitness& w);
  bool overrides(const CompiledContract& cc, ChangePoints& cp, Cell& cell, int vi,
                 const std::vector<int>& args);
  Part part_on(const CompiledContract& cc, ChangePoints& cp, Cell& cell, int vi,
               const std::vector<int>& args, Date d);
  bool over_budget(std::uint64_t pending) const {
    return steps_ + pending > limits_.max_lint_steps;
  }
  void stop(std::size_t offset, std::string why);
  void bounds(const CompiledContract& cc);
  void report(std::vector<LintFinding>& out) const;
  void report_clause(int clause, std::vector<LintFinding>& out) const;
  bool clause_complete(int clause) const;
  bool touches(int amendment, int action) const;

  const Contract& c_;
  Limits limits_;
  std::uint64_t steps_ = 0;
  bool stopped_ = false;  // the work bound was reached: nothing more is analysed
  std::vector<ClauseSeen> clauses_;
  std::vector<ClauseShape> shapes_;
  std::vector<bool> action_complete_;  // every question about it was analysed
  // Some clause about it reads a date fact, or a fact held at its default:
  // nothing "never" is said of it.
  std::vector<bool> action_reads_date_fact_;
  std::map<std::pair<int, const TypedExpr*>, WhenSeen> whens_;
  std::map<std::pair<int, int>, bool> override_took_effect_;  // (clause, overridden)
  std::map<std::vector<int>, LintWitness> conflicts_;         // by the clauses deciding
  std::set<std::tuple<int, const TypedExpr*, const TypedExpr*>> empty_bounds_;
  std::set<int> empty_bounds_clauses_;  // clauses with an L105
  std::vector<LeftOut> left_out_;
  std::vector<LintFinding> found_;  // L105, L113 as they are met
};

void DecidedLinter::stop(std::size_t offset, std::string why) {
  found_.push_back(LintFinding{Code::L113, offset, fmt::format("lint stopped: {}", why)});
}

void DecidedLinter::run(std::vector<LintFinding>& out) {
  const std::vector<Scenario> all = scenarios_of(c_);
  for (int i = 0; i < static_cast<int>(c_.amendments.size()); ++i) {
    Scenario s{std::nullopt, {i}};
    if (find_without_conflict(c_, s)) continue;
    left_out_.push_back(LeftOut{i, std::make_unique<CompiledContract>(c_, s), false});
  }
  for (std::size_t i = 0; i < all.size() && !stopped_; ++i) scenario(all[i], i == 0);
  report(out);
}

void DecidedLinter::scenario(const Scenario& s, bool with_left_out) {
  const CompiledContract cc(c_, s);
  bounds(cc);
  // Actions whose questions split on the same facts, held the same way,
  // share one Timeliner and one ChangePoints per combination of cells:
  // each costs the size of the contract to make.
  std::vector<ActionGroup> groups;
  for (int a = 0; a < static_cast<int>(c_.actions.size()); ++a) {
    std::optional<Prepared> p = prepare(cc, a, with_left_out);
    if (!p) continue;
    auto same = std::find_if(groups.begin(), groups.end(), [&](const ActionGroup& g) {
      return g.base.facts == p->base.facts && same_cells(g.facts, p->facts);
    });
    if (same == groups.end()) {
      groups.push_back(ActionGroup{std::move(p->facts), std::move(p->base), {}});
      same = groups.end() - 1;
    }
    same->actions.push_back(Prepared::Action{a, std::move(p->others)});
  }
  for (ActionGroup& g : groups) {
    if (!stopped_) group(cc, g, s);
  }
  if (!stopped_) return;
  std::fill(action_complete_.begin(), action_complete_.end(), false);
  for (LeftOut& l : left_out_) l.differs = true;
}

// L105: a version whose constant bounds leave no day.
void DecidedLinter::bounds(const CompiledContract& cc) {
  for (std::size_t vi = 0; vi < cc.versions().size(); ++vi) {
    const ConstantBounds& b = cc.constant_bounds()[vi];
    const ClauseVersionSpan& span = cc.versions()[vi];
    const ClauseVersion& v = *span.version;
    if (!b.known || !v.from || !v.until || b.from < b.until) continue;
    if (!empty_bounds_.insert({span.clause, v.from.get(), v.until.get()}).second) continue;
    const std::string& id = c_.clauses[static_cast<std::size_t>(span.clause)].id;
    std::string message =
        v.until_is_through
            ? fmt::format("clause '{}' has empty bounds: through {} is before from {}", id,
                          add_days(b.until, -1).value_or(b.until).to_string(), b.from.to_string())
            : fmt::format("clause '{}' has empty bounds: until {} is not after from {}", id,
                          b.until.to_string(), b.from.to_string());
    LintFinding f{Code::L105, v.until->span.begin, std::move(message)};
    f.clause = span.clause;
    empty_bounds_clauses_.insert(span.clause);
    found_.push_back(std::move(f));
  }
}

std::optional<std::vector<UnknownFact>> DecidedLinter::fact_space(const CompiledContract& cc, int a,
                                                                  Situation& base,
                                                                  std::string& why) const {
  for (;;) {
    UnknownAnalysis u = analyze_unknown_facts(cc, base, {a}, limits_.max_unknown_combinations);
    if (!u.problem) return std::move(u.facts);
    const auto f = static_cast<std::size_t>(u.problem->fact);
    if (f >= c_.facts.size() || base.facts[f] || !c_.facts[f].default_value) {
      why = u.problem->message;
      return std::nullopt;
    }
    base.facts[f] = c_.facts[f].default_value;  // held at its default
    evaluate_conditions(c_, base);
  }
}

// The base situation of action `a`'s questions: every fact that can be
// split set aside, and its cells; nullopt (and `why`) when it cannot be.
std::optional<std::vector<UnknownFact>> DecidedLinter::open_facts(const CompiledContract& cc, int a,
                                                                  std::optional<Situation>& base,
                                                                  std::string& why) const {
  SituationError serr;
  base = make_situation(c_, Date::min(), {}, serr);
  why = "a named date cannot be evaluated";
  if (!base) return std::nullopt;
  std::vector<int> open;
  for (std::size_t f = 0; f < c_.facts.size(); ++f) {
    if (c_.facts[f].type.kind != Type::Kind::Date) open.push_back(static_cast<int>(f));
  }
  forget_facts(c_, *base, open);
  return fact_space(cc, a, *base, why);
}

// The questions about action `a`: its fact cells, its base situation and
// the amendments left out that may change its answers (L106); nullopt
// (and an L113 finding) when they cannot be split.
std::optional<DecidedLinter::Prepared> DecidedLinter::prepare(const CompiledContract& cc, int a,
                                                              bool with_left_out) {
  const ActionDecl& decl = c_.actions[static_cast<std::size_t>(a)];
  std::optional<Situation> base;
  std::string why;
  std::optional<std::vector<UnknownFact>> facts = open_facts(cc, a, base, why);
  if (!facts) {
    action_complete_[static_cast<std::size_t>(a)] = false;
    for (LeftOut& l : left_out_) l.differs = l.differs || with_left_out;  // unknown: not reported
    stop(decl.offset, fmt::format("action '{}' is not analysed: {}", decl.name, why));
    return std::nullopt;
  }
  for (std::size_t f = 0; f < c_.facts.size(); ++f) {
    // A fact held at its default (it cannot be split): like a date fact,
    // lint has not seen its other values.
    if (c_.facts[f].type.kind != Type::Kind::Date && base->facts[f]) {
      action_reads_date_fact_[static_cast<std::size_t>(a)] = true;
    }
  }
  Prepared p{std::move(*facts), std::move(*base), {}};
  for (LeftOut& l : left_out_) {
    if (!with_left_out || l.differs || !touches(l.amendment, a)) continue;
    if (action_reads_date_fact_[static_cast<std::size_t>(a)]) {
      l.differs = true;  // the same at the date facts' defaults says nothing of other dates
      continue;
    }
    std::string other_why;
    Situation other_base = p.base;
    auto other = fact_space(*l.compiled, a, other_base, other_why);
    if (!other || !same_cells(*other, p.facts)) {
      l.differs = true;  // it reads other facts: counted as a change (never a false finding)
    } else {
      p.others.push_back(&l);
    }
  }
  return p;
}

// Every combination of the group's fact cells, every action of the group.
void DecidedLinter::group(const CompiledContract& cc, ActionGroup& g, const Scenario& s) {
  std::vector<int> combination(g.facts.size(), 0);
  std::vector<bool> failed(g.actions.size(), false);
  do {
    Cell cell{g.base, {}};
    for (std::size_t i = 0; i < g.facts.size(); ++i) {
      const UnknownFact& u = g.facts[i];
      const Value& v = u.cells[static_cast<std::size_t>(combination[i])].representative;
      cell.situation.facts[static_cast<std::size_t>(u.fact)] = v;
      cell.assume.emplace_back(u.fact, v);
    }
    evaluate_conditions(c_, cell.situation);
    CellTools tools{
        Timeliner(cc, cell.situation, limits_), ChangePoints(cc, cell.situation, limits_), {}};
    for (std::size_t k = 0; k < g.actions.size() && !stopped_; ++k) {
      if (failed[k]) continue;
      const Prepared::Action& pa = g.actions[k];
      if (in_cell(cc, cell, s, pa, tools)) continue;
      failed[k] = true;
      action_complete_[static_cast<std::size_t>(pa.action)] = false;
      for (LeftOut* l : pa.others) l->differs = true;
    }
    steps_ += tools.work();
  } while (!stopped_ && next_combination(g.facts, combination));
}

std::uint64_t DecidedLinter::CellTools::work() const {
  std::uint64_t n = timeliner.steps() + points.steps();
  for (const auto& [l, t] : others) n += t->steps();
  return n;
}

// Every instance of one action in one combination of fact cells; false
// (and an L113 finding) when one cannot be analysed.
bool DecidedLinter::in_cell(const CompiledContract& cc, Cell& cell, const Scenario& s,
                            const Prepared::Action& pa, CellTools& tools) {
  const int a = pa.action;
  const ActionDecl& decl = c_.actions[static_cast<std::size_t>(a)];
  std::vector<Timeliner*> other_t;
  other_t.reserve(pa.others.size());
  for (LeftOut* l : pa.others) {
    auto& t = tools.others[l];
    if (!t) t = std::make_unique<Timeliner>(*l->compiled, cell.situation, limits_);
    other_t.push_back(t.get());
  }
  const std::vector<int> any(decl.params.size(), -1);
  std::vector<Run> runs, other_runs;
  for (InstanceOdometer it(c_, Pattern{a, any}); !it.done(); it.next()) {
    if (over_budget(tools.work())) {
      stopped_ = true;
      stop(decl.offset,
           fmt::format("the work bound of {} steps (Limits::max_lint_steps) was reached while "
                       "analysing action '{}'; it and the actions after it are not fully analysed",
                       limits_.max_lint_steps, decl.name));
      return false;
    }
    TimelineFailure failure;
    if (!tools.timeliner.timeline(a, it.args(), kAllTime, runs, failure)) {
      stop(decl.offset, fmt::format("action '{}' is not analysed: an instance cannot be decided "
                                    "on {}",
                                    decl.name, failure.on.to_string()));
      return false;
    }
    const LintWitness w{Date::min(), a, it.args(), cell.assume, s.as_agreed_on, {}};
    runs_seen(runs, w);
    for (std::size_t k = 0; k < pa.others.size(); ++k) {
      if (pa.others[k]->differs) continue;
      if (!other_t[k]->timeline(a, it.args(), kAllTime, other_runs, failure) ||
          other_runs != runs) {
        pa.others[k]->differs = true;
      }
    }
    if (!instance(cc, tools.points, cell, w)) {
      stop(decl.offset, fmt::format("action '{}' is not analysed: the days on which a clause "
                                    "about it changes cannot be found exactly",
                                    decl.name));
      return false;
    }
  }
  return true;
}

void DecidedLinter::runs_seen(const std::vector<Run>& runs, const LintWitness& w) {
  for (const Run& r : runs) {
    for (int clause : r.decision.by) clauses_[static_cast<std::size_t>(clause)].decides = true;
    if (r.decision.verdict != Verdict::Conflict || conflicts_.count(r.decision.by) != 0) continue;
    LintWitness at = w;
    at.on = pick_day(r.from, r.through);
    conflicts_.emplace(r.decision.by, std::move(at));
  }
}

bool DecidedLinter::instance(const CompiledContract& cc, ChangePoints& cp, Cell& cell,
                             const LintWitness& w) {
  const std::vector<int>& args = w.args;
  for (int vi : cc.versions_for_action(w.action)) {
    const ClauseVersion& v = *cc.versions()[static_cast<std::size_t>(vi)].version;
    if (!matches(v.pattern, args)) continue;
    if (!version(cc, cp, cell, vi, w)) return false;
    if (!v.overrides.empty() && !overrides(cc, cp, cell, vi, args)) return false;
  }
  return true;
}

Part DecidedLinter::part_on(const CompiledContract& cc, ChangePoints& cp, Cell& cell, int vi,
                            const std::vector<int>& args, Date d) {
  const ClauseVersionSpan& span = cc.versions()[static_cast<std::size_t>(vi)];
  if (d < span.start || d >= span.end) return Part::Out;
  bool failed = false;
  if (!cp.in_bounds(vi, d, failed)) return failed ? Part::Failed : Part::Out;
  if (!matches(span.version->pattern, args)) return Part::Out;
  if (!span.version->when) return Part::Applies;
  Situation& s = cell.situation;
  if (s.on != d) {
    s.on = d;
    if (!c_.conditions.empty()) evaluate_conditions(c_, s);
  }
  EvalEnv env = s.env(args.data());
  const bool holds = evaluate_condition(*span.version->when, env);
  steps_ += env.steps;
  if (env.error != EvalEnv::Error::None) return Part::Failed;
  return holds ? Part::Applies : Part::InForce;
}

bool DecidedLinter::version(const CompiledContract& cc, ChangePoints& cp, Cell& cell, int vi,
                            const LintWitness& w) {
  std::vector<Date> days{Date::min()};
  ChangePointError error;
  if (!cp.of_version(vi, w.args, kAllTime, days, error)) return false;
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  const ClauseVersionSpan& span = cc.versions()[static_cast<std::size_t>(vi)];
  ClauseSeen& seen = clauses_[static_cast<std::size_t>(span.clause)];
  const TypedExpr* when = span.version->when.get();
  WhenSeen* ws = when != nullptr && when->op != TypedExpr::Op::Constant
                     ? &whens_[{span.clause, when}]
                     : nullptr;
  for (std::size_t k = 0; k < days.size(); ++k) {
    const Part p = part_on(cc, cp, cell, vi, w.args, days[k]);
    if (p == Part::Out || p == Part::Failed) continue;
    const Date last = k + 1 < days.size() ? *add_days(days[k + 1], -1) : Date::max();
    seen.in_force = true;
    if (ws != nullptr) ws->in_force = true;
    if (p == Part::InForce) {
      if (ws != nullptr) ws->failed_to_hold = true;
      continue;
    }
    seen.applies = true;
    if (!seen.applies_witness) {
      seen.applies_witness = w;
      seen.applies_witness->on = pick_day(days[k], last);
    }
    if (ws != nullptr) ws->held = true;
  }
  return true;
}

bool DecidedLinter::overrides(const CompiledContract& cc, ChangePoints& cp, Cell& cell, int vi,
                              const std::vector<int>& args) {
  const ClauseVersionSpan& span = cc.versions()[static_cast<std::size_t>(vi)];
  const int a = span.version->pattern.action;
  for (int target : span.version->overrides) {
    bool& took = override_took_effect_[{span.clause, target}];
    if (took) continue;
    std::vector<int> theirs;
    for (int wj : cc.versions_for_action(a)) {
      if (cc.versions()[static_cast<std::size_t>(wj)].clause == target) theirs.push_back(wj);
    }
    if (theirs.empty()) continue;
    std::vector<Date> days{Date::min()};
    ChangePointError error;
    if (!cp.of_version(vi, args, kAllTime, days, error)) return false;
    for (int wj : theirs) {
      if (!cp.of_version(wj, args, kAllTime, days, error)) return false;
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    for (Date d : days) {
      if (part_on(cc, cp, cell, vi, args, d) != Part::Applies) continue;
      took = std::any_of(theirs.begin(), theirs.end(), [&](int wj) {
        return part_on(cc, cp, cell, wj, args, d) == Part::Applies;
      });
      if (took) break;
    }
  }
  return true;
}

// Whether "never" can be said of the questions about the clause's
// actions: each fully analysed, none reading a date fact.
bool DecidedLinter::clause_complete(int clause) const {
  const ClauseShape& shape = shapes_[static_cast<std::size_t>(clause)];
  return std::all_of(shape.actions.begin(), shape.actions.end(), [&](int a) {
    return a < 0 || (action_complete_[static_cast<std::size_t>(a)] &&
                     !action_reads_date_fact_[static_cast<std::size_t>(a)]);
  });
}

// Whether amendment `amendment` repeals, amends or adds a clause about
// `action` (else leaving it out changes none of the action's versions).
bool DecidedLinter::touches(int amendment, int action) const {
  const Amendment& a = c_.amendments[static_cast<std::size_t>(amendment)];
  const auto about = [&](int clause) {
    return shapes_[static_cast<std::size_t>(clause)].actions.count(action) != 0;
  };
  return std::any_of(a.repeal.begin(), a.repeal.end(), about) ||
         std::any_of(a.add.begin(), a.add.end(), about) ||
         std::any_of(a.amend.begin(), a.amend.end(),
                     [&](const auto& p) { return about(p.first); }) ||
         std::any_of(a.reenact.begin(), a.reenact.end(),
                     [&](const auto& p) { return about(p.first); });
}

void DecidedLinter::report_clause(int clause, std::vector<LintFinding>& out) const {
  const Clause& cl = c_.clauses[static_cast<std::size_t>(clause)];
  const ClauseSeen& seen = clauses_[static_cast<std::size_t>(clause)];
  bool explained = empty_bounds_clauses_.count(clause) != 0;
  // The clause's entries of the maps keyed by clause first: a range, so
  // that reporting stays linear in the clauses.
  for (auto it = whens_.lower_bound({clause, nullptr});
       it != whens_.end() && it->first.first == clause; ++it) {
    const auto& [key, w] = *it;
    if (!w.in_force || (w.held && w.failed_to_hold)) continue;
    LintFinding f{w.held ? Code::L108 : Code::L107, key.second->span.begin,
                  w.held ? fmt::format("the `when` of clause '{}' is always true while it is in "
                                       "force, for every instance of its pattern and every fact "
                                       "value: it can be left out",
                                       cl.id)
                         : fmt::format("the `when` of clause '{}' is never true while it is in "
                                       "force, for any instance of its pattern or fact value",
                                       cl.id)};
    f.clause = clause;
    explained = explained || !w.held;
    out.push_back(std::move(f));
  }
  if (!seen.applies) {
    if (explained) return;
    LintFinding f{
        Code::L104, cl.offset,
        seen.in_force
            ? fmt::format("clause '{}' never applies, with every amendment or as agreed on "
                          "any earlier date",
                          cl.id)
            : fmt::format("clause '{}' is never in force, with every amendment or as agreed "
                          "on any earlier date: its bounds and the amendments leave it no day",
                          cl.id)};
    f.clause = clause;
    out.push_back(std::move(f));
    return;
  }
  bool overrides_something = false;
  for (auto it = override_took_effect_.lower_bound({clause, -1});
       it != override_took_effect_.end() && it->first.first == clause; ++it) {
    const auto& [key, took] = *it;
    overrides_something = overrides_something || took;
    if (took) continue;
    LintFinding f{Code::L103, cl.offset,
                  fmt::format("clause '{}' overrides '{}', but the two never apply together: the "
                              "override never takes effect",
                              cl.id, c_.clauses[static_cast<std::size_t>(key.second)].id)};
    f.clause = clause;
    f.other = key.second;
    out.push_back(std::move(f));
  }
  if (seen.decides || overrides_something) return;
  LintFinding f{Code::L102, cl.offset,
                fmt::format("clause '{}' never decides: wherever it applies, other clauses decide "
                            "(or it is set aside): verdict and deciding clauses are the same "
                            "without it",
                            cl.id),
                seen.applies_witness};
  f.clause = clause;
  out.push_back(std::move(f));
}

void DecidedLinter::report(std::vector<LintFinding>& out) const {
  out.insert(out.end(), found_.begin(), found_.end());
  for (const auto& [by, w] : conflicts_) {
    std::vector<int> first = by;
    LintFinding f{Code::L101, c_.clauses[static_cast<std::size_t>(by.front())].offset,
                  fmt::format("{} can both decide: an obligation and a prohibition apply together "
                              "and no override settles it (verdict conflict)",
                              clause_list(c_, by)),
                  w};
    f.clause = by.front();
    f.other = by.size() > 1 ? by[1] : -1;
    out.push_back(std::move(f));
  }
  for (int i = 0; i < static_cast<int>(c_.clauses.size()); ++i) {
    if (clause_complete(i)) report_clause(i, out);
  }
  for (const LeftOut& l : left_out_) {
    if (l.differs) continue;
    const Amendment& a = c_.amendments[static_cast<std::size_t>(l.amendment)];
    LintFinding f{Code::L106, a.offset,
                  fmt::format("amendment '{}' changes no answer: every instance's timeline is "
                              "the same without it, for every fact value",
                              a.id)};
    f.amendment = l.amendment;
    out.push_back(std::move(f));
  }
}

}  // namespace

std::uint64_t decided_findings(const Contract& c, const Limits& limits,
                               std::vector<LintFinding>& out) {
  DecidedLinter linter(c, limits);
  linter.run(out);
  return linter.steps();
}

}  // namespace pacta::lint_detail
