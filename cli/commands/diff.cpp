// `pacta diff FILE [OTHER]` (SPEC §7.2): every instance's timeline on both
// sides (the base: FILE with the --base-* flags; the other: OTHER, default
// FILE, with the plain flags), compared exactly over the range: the runs
// on which the answers differ (engine/whatif/diff.hpp), instances matched
// by name across two files (engine/whatif/match.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "cli/commands/commands.hpp"
#include "cli/commands/question.hpp"
#include "cli/report/diff_report.hpp"
#include "cli/report/output.hpp"
#include "cli/report/values.hpp"
#include "engine/decide/instances.hpp"
#include "grammar/input_file.hpp"

namespace pacta::cli {

namespace {

// The actions compared, by name (the order of `allowed`), and only the one
// the --action pattern names.
std::vector<const ActionMatch*> compared(const Contract& base, const Matching& m,
                                         const std::optional<Pattern>& only) {
  std::vector<const ActionMatch*> out;
  for (const ActionMatch& a : m.actions) {
    if (!only || only->action == a.base) out.push_back(&a);
  }
  std::sort(out.begin(), out.end(), [&](const ActionMatch* x, const ActionMatch* y) {
    return base.actions[x->base].name < base.actions[y->base].name;
  });
  return out;
}

struct Sides {
  const PreparedQuestion& base;
  const PreparedQuestion& other;
};

// The unknown facts both sides' clauses of one action read (SPEC §7.3),
// joined by name into the base's facts: the cells over both (a number cut
// at the thresholds of either side), and how each side sets them.
struct JointFacts {
  std::vector<UnknownFact> joint;
  std::vector<std::optional<UnknownFact>> base, other;
};

// The cells of base fact `f` over both sides; the other side's fact `g`
// (-1: none). nullopt (and `why`) when they cannot be matched.
std::optional<std::vector<FactCell>> joint_cells(const Contract& b, const Contract& c,
                                                 const UnknownFact* ub, const UnknownFact* uo,
                                                 int f, int g, std::string& why) {
  const FactDecl& fb = b.facts[static_cast<std::size_t>(f)];
  if (g >= 0 && c.facts[static_cast<std::size_t>(g)].type.kind != fb.type.kind) {
    why = fmt::format("fact '{}' has another type in the other contract", fb.name);
    return std::nullopt;
  }
  if (fb.type.kind == Type::Kind::Number) {
    std::vector<Number> thresholds;
    for (const UnknownFact* u : {ub, uo}) {
      if (u == nullptr) continue;
      for (const FactCell& cell : u->cells) {
        if (cell.kind == FactCell::Kind::Point) thresholds.push_back(*cell.lo);
      }
    }
    auto cells = number_cells(std::move(thresholds));
    if (!cells) why = fmt::format("the thresholds of '{}' are too large to split between", fb.name);
    return cells;
  }
  if (fb.type.kind == Type::Kind::Value && g >= 0) {
    const auto& vb = b.domains[fb.type.domain].values;
    const auto& vo = c.domains[c.facts[static_cast<std::size_t>(g)].type.domain].values;
    if (std::vector<std::string>(vb.begin(), vb.end()) !=
        std::vector<std::string>(vo.begin(), vo.end())) {
      why = fmt::format("fact '{}' has other values in the other contract", fb.name);
      return std::nullopt;
    }
  }
  return (ub != nullptr ? ub : uo)->cells;  // bools, and values in the same order
}

// nullopt and E613 when a fact unknown on one side cannot be matched on
// the other (not declared by the base, another type, other values).
std::optional<JointFacts> join_unknown(const Sides& s, const ActionMatch& a, const Limits& limits,
                                       Diagnostics& diags) {
  auto ab = analyze_action(s.base, a.base, limits, diags);
  if (!ab) return std::nullopt;
  auto ao = analyze_action(s.other, a.other, limits, diags);
  if (!ao) return std::nullopt;
  const Contract& b = s.base.contract();
  const Contract& c = s.other.contract();
  const auto refuse = [&](const PreparedQuestion& q, int fact, const std::string& why,
                          std::string help = {}) {
    const FactDecl& d = q.contract().facts[static_cast<std::size_t>(fact)];
    if (help.empty()) {
      help = fmt::format(
          "assume a value for it on both sides: --assume {0}=VALUE --base-assume "
          "{0}=VALUE",
          d.name);
    }
    diags.error(*q.loaded->source, d.offset, Code::E613,
                fmt::format("the answers depend on the unknown fact '{}', which cannot be split "
                            "alike on both sides: {}",
                            d.name, why),
                std::move(help));
    return std::nullopt;
  };
  std::map<int, std::pair<const UnknownFact*, const UnknownFact*>> by_base;  // base fact -> sides
  for (const UnknownFact& u : ab->facts) by_base[u.fact].first = &u;
  for (const UnknownFact& u : ao->facts) {
    auto f = b.find_fact(c.facts[static_cast<std::size_t>(u.fact)].name);
    if (!f) {
      const std::string& name = c.facts[static_cast<std::size_t>(u.fact)].name;
      return refuse(
          s.other, u.fact, "the base contract does not declare it",
          fmt::format("assume a value for it on the other side: --assume {}=VALUE", name));
    }
    by_base[*f].second = &u;
  }
  JointFacts out;
  for (const auto& [f, sides] : by_base) {
    const auto g = c.find_fact(b.facts[static_cast<std::size_t>(f)].name);
    std::string why;
    auto cells = joint_cells(b, c, sides.first, sides.second, f, g.value_or(-1), why);
    if (!cells) return refuse(s.base, f, why);
    out.joint.push_back(UnknownFact{f, *cells});
    out.base.push_back(sides.first ? std::optional(UnknownFact{f, *cells}) : std::nullopt);
    if (sides.second == nullptr) {
      out.other.push_back(std::nullopt);
      continue;
    }
    UnknownFact mine{*g, *cells};  // members by name: the same order on both sides
    out.other.push_back(std::move(mine));
  }
  if (combinations(out.joint) > limits.max_unknown_combinations) {
    return refuse(s.base, out.joint.front().fact,
                  fmt::format("together they make more than {} combinations",
                              limits.max_unknown_combinations));
  }
  return out;
}

// The changed instances of every compared action; false (and a
// diagnostic) at the first timeline that cannot be made, or past the
// bounds on instances and runs.
// The timelines of one action on both sides: plain, or once per
// combination of the joint unknown facts' cells.
class SideTimelines {
 public:
  SideTimelines(const Sides& s, const JointFacts& facts, const Limits& limits)
      : s_(s),
        facts_(facts),
        plain_base_(*s.base.compiled, *s.base.situation, limits),
        plain_other_(*s.other.compiled, *s.other.situation, limits) {
    if (!facts.joint.empty()) {
      base_.emplace(*s.base.compiled, *s.base.situation, facts.joint, facts.base, limits);
      other_.emplace(*s.other.compiled, *s.other.situation, facts.joint, facts.other, limits);
    }
  }

  // The cases of the instance's changes (one case, with no given, when
  // nothing is unknown); false and a diagnostic when a timeline fails.
  bool changes(const ActionMatch& a, const std::vector<int>& args,
               const std::vector<int>& other_args, DayRange range, const DiffRule& rule,
               const Limits& limits, std::vector<Case<std::vector<DiffRun>>>& out,
               std::size_t& runs, Diagnostics& diags) {
    bool failed = false;
    std::vector<Run> rb, ro;
    const auto one = [&](Timeliner& tb, Timeliner& to) {
      std::vector<DiffRun> differ;
      if (failed) return differ;
      TimelineFailure failure;
      if (!tb.timeline(a.base, args, range, rb, failure)) {
        report_timeline_failure(s_.base, failure, a.base, args, limits, diags);
        failed = true;
      } else if (!to.timeline(a.other, other_args, range, ro, failure)) {
        report_timeline_failure(s_.other, failure, a.other, other_args, limits, diags);
        failed = true;
      } else {
        runs += rb.size() + ro.size();
        differ = diff_runs(rb, ro, rule);
      }
      return differ;
    };
    if (facts_.joint.empty()) {
      out = {Case<std::vector<DiffRun>>{{}, one(plain_base_, plain_other_)}};
    } else {
      out = merge_cases<std::vector<DiffRun>>(facts_.joint, [&](const std::vector<int>& combo) {
        return one(base_->timeliner(combo), other_->timeliner(combo));
      });
    }
    return !failed;
  }

 private:
  const Sides& s_;
  const JointFacts& facts_;
  Timeliner plain_base_, plain_other_;
  std::optional<CaseTimeliners> base_, other_;
};

// The changes of one instance: its runs, or the cases in which they change.
void add_change(const ActionMatch& a, const std::vector<int>& args,
                std::vector<Case<std::vector<DiffRun>>> cases, std::set<int>& unknown,
                std::vector<InstanceChange>& changes) {
  if (cases.size() == 1) {
    if (!cases.front().outcome.empty()) {
      changes.push_back(InstanceChange{a.base, a.other, args, std::move(cases.front().outcome)});
    }
    return;
  }
  cases.erase(
      std::remove_if(cases.begin(), cases.end(), [](const auto& k) { return k.outcome.empty(); }),
      cases.end());
  if (cases.empty()) return;
  for (int fact : given_facts(cases)) unknown.insert(fact);
  changes.push_back(InstanceChange{a.base, a.other, args, {}, std::move(cases)});
}

bool find_changes(const Sides& s, const std::vector<const ActionMatch*>& actions,
                  const std::optional<Pattern>& only, DayRange range, const DiffRule& rule,
                  const Limits& limits, DiffReport& report, Diagnostics& diags) {
  const Contract& b = s.base.contract();
  std::vector<int> other_args;
  std::set<int> unknown;
  std::size_t runs = 0;
  for (const ActionMatch* a : actions) {
    const Pattern p =
        only ? *only : Pattern{a->base, std::vector<int>(b.actions[a->base].params.size(), -1)};
    auto facts = join_unknown(s, *a, limits, diags);
    if (!facts) return false;
    SideTimelines timelines(s, *facts, limits);
    for (InstanceOdometer it(b, p); !it.done(); it.next()) {
      if (!a->map_args(it.args(), other_args)) continue;  // a value on one side only
      std::vector<Case<std::vector<DiffRun>>> cases;
      if (!timelines.changes(*a, it.args(), other_args, range, rule, limits, cases, runs, diags)) {
        return false;
      }
      if (runs > limits.max_timeline_runs) {
        diags.error(b.path, Code::E606,
                    fmt::format("the timelines compared have more than {} runs (at {})",
                                limits.max_timeline_runs, instance_text(b, a->base, it.args())),
                    "narrow the question with --action, or --from and --to");
        return false;
      }
      add_change(*a, it.args(), std::move(cases), unknown, report.changes);
    }
  }
  report.unknown.assign(unknown.begin(), unknown.end());
  return true;
}

// One-sided entries about the action --action names, or all.
std::vector<OneSided> about(const std::vector<OneSided>& list, const Contract& base,
                            const std::optional<Pattern>& only) {
  if (!only) return list;
  std::vector<OneSided> out;
  for (const OneSided& o : list) {
    if (o.action == base.actions[only->action].name) out.push_back(o);
  }
  return out;
}

DiffSide side_of(const PreparedQuestion& q) {
  return DiffSide{q.contract(), q.contract().path, q.as_agreed_on, q.assumed, q.without, q.with};
}

}  // namespace

int run_diff(const DiffOptions& o) {
  auto reporter = make_reporter(o.other.common.format, o.other.common.color);
  const Limits limits;
  Diagnostics diags;
  auto base = prepare(o.base, limits, diags);
  auto other = prepare(o.other, limits, diags);
  auto range = parse_range(o.from, o.to, diags);
  if (!base || !other || !range || diags.has_errors()) return stop_on(diags, *reporter);
  const Contract& b = base->contract();
  const Contract& c = other->contract();
  std::optional<Pattern> only;
  if (o.action) only = parse_question_pattern(b, *o.action, limits, diags);
  if (diags.has_errors()) return stop_on(diags, *reporter);
  const Matching m = match_contracts(b, c);
  if (m.actions.empty() && !b.actions.empty() && !c.actions.empty()) {
    // Nothing would be compared: "no answer changes" would be a lie.
    diags.error(o.other.file, Code::E612,
                fmt::format("'{}' and '{}' have no action in common: there is nothing to compare",
                            shown_path(o.base.file), shown_path(o.other.file)),
                "diff compares two versions of one contract, matching actions by name; give the "
                "same contract twice, or one with the scenario flags");
    return stop_on(diags, *reporter);
  }
  const auto actions = compared(b, m, only);
  std::vector<Pattern> patterns;
  patterns.reserve(actions.size());
  for (const ActionMatch* a : actions) {
    patterns.push_back(
        only ? *only : Pattern{a->base, std::vector<int>(b.actions[a->base].params.size(), -1)});
  }
  if (enumerated(b, patterns) > limits.max_instances) {
    diags.error(o.base.file, Code::E606,
                fmt::format("the question has more than {} action instances", limits.max_instances),
                "narrow it with --action, e.g. --action 'act(param=value)'");
    return stop_on(diags, *reporter);
  }
  DiffRule rule{o.by, [&](const std::vector<int>& x, const std::vector<int>& y) {
                  return b.clauses.ids(x) == c.clauses.ids(y);
                }};
  DiffReport report{side_of(*base), side_of(*other), range->from, range->to, {}, {}, {}, o.by};
  if (!find_changes(Sides{*base, *other}, actions, only, range->days(), rule, limits, report,
                    diags)) {
    return stop_on(diags, *reporter);
  }
  report.only_in_base = about(m.only_in_base, b, only);
  report.only_in_other = about(m.only_in_other, b, only);
  if (o.other.common.format == Format::Json) {
    write_out(diff_json(report));
  } else {
    write_out(diff_text(report, o.other.common.color));
  }
  const bool changed =
      !report.changes.empty() || !report.only_in_base.empty() || !report.only_in_other.empty();
  return o.fail_on_change && changed ? 1 : 0;
}

}  // namespace pacta::cli
