// `pacta diff FILE [OTHER]` (SPEC §7.2): every instance's timeline on both
// sides (the base: FILE with the --base-* flags; the other: OTHER, default
// FILE, with the plain flags), compared exactly over the range: the runs
// on which the answers differ (engine/whatif/diff.hpp), instances matched
// by name across two files (engine/whatif/match.hpp).
#include <fmt/format.h>

#include <algorithm>

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

// The changed instances of every compared action; false (and a
// diagnostic) at the first timeline that cannot be made, or past the
// bounds on instances and runs.
bool find_changes(const Sides& s, const std::vector<const ActionMatch*>& actions,
                  const std::optional<Pattern>& only, DayRange range, const DiffRule& rule,
                  const Limits& limits, std::vector<InstanceChange>& changes, Diagnostics& diags) {
  const Contract& b = s.base.contract();
  Timeliner tb(*s.base.compiled, *s.base.situation, limits);
  Timeliner to(*s.other.compiled, *s.other.situation, limits);
  std::vector<Run> rb, ro;
  std::vector<int> other_args;
  std::size_t runs = 0;
  for (const ActionMatch* a : actions) {
    const Pattern p =
        only ? *only : Pattern{a->base, std::vector<int>(b.actions[a->base].params.size(), -1)};
    for (InstanceOdometer it(b, p); !it.done(); it.next()) {
      if (!a->map_args(it.args(), other_args)) continue;  // a value on one side only
      TimelineFailure failure;
      if (!tb.timeline(a->base, it.args(), range, rb, failure)) {
        report_timeline_failure(s.base, failure, a->base, it.args(), limits, diags);
        return false;
      }
      if (!to.timeline(a->other, other_args, range, ro, failure)) {
        report_timeline_failure(s.other, failure, a->other, other_args, limits, diags);
        return false;
      }
      runs += rb.size() + ro.size();
      if (runs > limits.max_timeline_runs) {
        diags.error(b.path, Code::E606,
                    fmt::format("the timelines compared have more than {} runs (at {})",
                                limits.max_timeline_runs, instance_text(b, a->base, it.args())),
                    "narrow the question with --action, or --from and --to");
        return false;
      }
      auto differ = diff_runs(rb, ro, rule);
      if (!differ.empty()) {
        changes.push_back(InstanceChange{a->base, a->other, it.args(), std::move(differ)});
      }
    }
  }
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
  if (!find_changes(Sides{*base, *other}, actions, only, range->days(), rule, limits,
                    report.changes, diags)) {
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
