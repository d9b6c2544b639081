// `pacta timeline FILE [ACTION]` (SPEC §6): for every instance of ACTION
// (every action when absent), the runs of days over which its decision
// stays the same, from the engine's change points (engine/time). Written as
// text, JSON, SVG or HTML, to stdout or --output.
#include "engine/time/timeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "cli/commands/commands.hpp"
#include "cli/commands/question.hpp"
#include "cli/report/output.hpp"
#include "cli/report/timeline_report.hpp"
#include "cli/report/values.hpp"
#include "engine/decide/instances.hpp"

namespace pacta::cli {

namespace {

// The rows of one instance: one, or one per case of a conditional timeline.
void add_rows(const Contract& c, TimelineRow row, std::vector<Case<std::vector<Run>>> cases,
              std::vector<TimelineRow>& rows, std::set<int>& unknown) {
  if (cases.size() == 1) {
    row.runs = std::move(cases.front().outcome);
    rows.push_back(std::move(row));
    return;
  }
  for (int fact : given_facts(cases)) unknown.insert(fact);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    row.when = case_label(c, cases, i);
    row.given = std::move(cases[i].given);
    row.runs = std::move(cases[i].outcome);
    rows.push_back(row);
  }
}

std::size_t run_count(const std::vector<Case<std::vector<Run>>>& cases) {
  std::size_t n = 0;
  for (const auto& k : cases) n += k.outcome.size();
  return n;
}

bool has_verdict(const std::vector<Case<std::vector<Run>>>& cases, const VerdictFilter& filter) {
  return std::any_of(cases.begin(), cases.end(), [&](const auto& k) {
    return std::any_of(k.outcome.begin(), k.outcome.end(),
                       [&](const Run& r) { return filter.matches(r.decision.verdict); });
  });
}

// Every instance's timeline, in order, in cases where it depends on
// unknown facts; false (and a diagnostic) at the first that cannot be
// made, or past Limits::max_timeline_runs.
bool build_rows(const PreparedQuestion& q, const std::vector<Pattern>& patterns,
                std::optional<int> party, const std::optional<VerdictFilter>& verdict,
                DayRange range, const Limits& limits, TimelineReport& report, Diagnostics& diags) {
  const Contract& c = q.contract();
  Timeliner timeliner(*q.compiled, *q.situation, limits);
  std::set<int> unknown;
  std::size_t runs = 0;
  for (const Pattern& p : patterns) {
    auto analysis = analyze_action(q, p.action, limits, diags);
    if (!analysis) return false;
    std::optional<CaseTimeliners> split;
    if (!analysis->facts.empty()) {
      split.emplace(*q.compiled, *q.situation, analysis->facts, as_set(analysis->facts), limits);
    }
    for (InstanceOdometer it(c, p); !it.done(); it.next()) {
      if (party && !involves(c, p.action, it.args(), *party)) continue;
      TimelineRow row{p.action, it.args(), {}};
      std::vector<Case<std::vector<Run>>> cases(1);
      TimelineFailure failure;
      const bool ok =
          split ? timeline_cases(*split, analysis->facts, p.action, row.args, range, cases, failure)
                : timeliner.timeline(p.action, row.args, range, cases.front().outcome, failure);
      if (!ok) {
        report_timeline_failure(q, failure, p.action, row.args, limits, diags);
        return false;
      }
      if (verdict && !has_verdict(cases, *verdict)) continue;
      runs += run_count(cases);
      if (runs > limits.max_timeline_runs) {
        diags.error(c.path, Code::E606,
                    fmt::format("the timelines have more than {} runs (at {})",
                                limits.max_timeline_runs, instance_text(c, p.action, row.args)),
                    "narrow the question with an ACTION pattern, --party, or --from and --to");
        return false;
      }
      add_rows(c, std::move(row), std::move(cases), report.rows, unknown);
    }
  }
  report.unknown.assign(unknown.begin(), unknown.end());
  return true;
}

// A situation in which the facts are as the row's case says: for each
// unknown fact, the representative of its first cell the case covers.
Situation case_situation(const PreparedQuestion& q, const TimelineRow& row,
                         const std::vector<UnknownFact>& unknown) {
  Situation s = *q.situation;
  for (const UnknownFact& f : unknown) {
    const Given* g = nullptr;
    for (const Given& given : row.given) {
      if (given.fact == f.fact) g = &given;
    }
    for (const FactCell& cell : f.cells) {
      if (g != nullptr && !covers(*g, cell.representative)) continue;
      s.facts[static_cast<std::size_t>(f.fact)] = cell.representative;
      break;
    }
  }
  return s;
}

// --explain: what changed at each run boundary of every row; E606 when that
// would explain more than Limits::max_explained_clauses clauses.
bool explain_rows(const PreparedQuestion& q, TimelineReport& report, const Limits& limits,
                  Diagnostics& diags) {
  const Contract& c = q.contract();
  std::uint64_t boundaries = 0;
  for (const TimelineRow& row : report.rows) boundaries += row.runs.size();
  if (boundaries * (c.clauses.size() + q.compiled->versions().size() + 1) >
      limits.max_explained_clauses) {
    diags.error(c.path, Code::E606,
                fmt::format("explaining {} run boundaries would look at more than {} clauses",
                            boundaries, limits.max_explained_clauses),
                "narrow the question with an ACTION pattern, --party, or --from and --to");
    return false;
  }
  Decider decider(*q.compiled);
  // Rows come action by action: the clauses about the action and its
  // unknown facts are found once for all its rows.
  std::optional<ActionClauses> about;
  std::optional<UnknownAnalysis> analysis;
  for (TimelineRow& row : report.rows) {
    if (!about || about->action != row.action) {
      about = action_clauses(*q.compiled, row.action);
      analysis.reset();
    }
    if (!row.given.empty() && !analysis) {
      analysis = analyze_action(q, row.action, limits, diags);
      if (!analysis) return false;
    }
    const Situation s = row.given.empty() ? *q.situation : case_situation(q, row, analysis->facts);
    row.changes.resize(row.runs.size());
    for (std::size_t k = 1; k < row.runs.size(); ++k) {
      DecisionError error;
      if (changes_at(*q.compiled, s, decider, *about, row.args, row.runs[k].from, row.changes[k],
                     error))
        continue;
      TimelineFailure f;
      f.on = row.runs[k].from;
      f.decision = error;
      report_timeline_failure(q, f, row.action, row.args, limits, diags);
      return false;
    }
  }
  report.source = q.loaded->source.get();
  return true;
}

void render(const TimelineReport& report, const TimelineOptions& o, const Sink& sink) {
  if (o.format == "json") return write_timeline_json(report, sink);
  if (o.format == "svg") return sink(render_timeline_svg(report));
  if (o.format == "html") return sink(render_timeline_html(report));
  return write_timeline_text(report, o.question.common.color && !o.output, sink);
}

bool picture(const TimelineOptions& o) { return o.format == "svg" || o.format == "html"; }

// The document on stdout, or in the --output file (E608 if it cannot be
// written).
bool write_document(const TimelineReport& report, const TimelineOptions& o, Diagnostics& diags) {
  if (!o.output) {
    render(report, o, [](std::string_view piece) { write_out(piece); });
    return true;
  }
  OutputFile file;
  auto why = file.open(*o.output);
  if (!why) {
    render(report, o, [&](std::string_view piece) { file.write(piece); });
    why = file.close();
  }
  if (!why) return true;
  diags.error("--output", Code::E608, fmt::format("cannot write '{}': {}", *o.output, *why),
              "give --output a path in a folder that exists and may be written, or leave "
              "--output out to write to standard output");
  return false;
}

}  // namespace

void report_timeline_failure(const PreparedQuestion& q, const TimelineFailure& f, int action,
                             const std::vector<int>& args, const Limits& limits,
                             Diagnostics& diags) {
  const Contract& c = q.contract();
  const std::string instance = instance_text(c, action, args);
  if (f.points.kind == ChangePointError::Kind::TooManyDays) {
    diags.error(*q.loaded->source, f.points.at->span.begin, Code::E607,
                fmt::format("`date` is on both sides of this comparison, so its timeline is "
                            "evaluated day by day: for {}, the {} days of the range take more "
                            "than {} steps",
                            instance, f.points.days, limits.max_decision_steps),
                "narrow the range with --from and --to, or compare `date` with an expression "
                "that does not depend on it");
    return;
  }
  if (f.points.kind == ChangePointError::Kind::TooManySteps) {
    diags.error(c.path, Code::E606,
                fmt::format("the timelines took more than {} steps (at {} on {})",
                            limits.max_decision_steps, instance, f.on.to_string()),
                "narrow the question with an ACTION pattern, --party, or --from and --to");
    return;
  }
  auto failure = describe_failure(c, f.decision.error, f.decision.at, f.decision.clause, -1,
                                  "--assume", q.loaded->source.get());
  failure.message =
      fmt::format("{} (deciding {} on {})", failure.message, instance, f.on.to_string());
  if (f.decision.error == EvalEnv::Error::DateOutOfRange) {
    failure.help +=
        fmt::format("; a timeline asks about every day of its range: end it before {} with --to",
                    f.on.to_string());
  }
  report_failure(diags, *q.loaded, failure);
}

int run_timeline(const TimelineOptions& o) {
  auto reporter = make_reporter(o.question.common.format, o.question.common.color);
  const Limits limits;
  Diagnostics diags;
  auto q = prepare(o.question, limits, diags);
  auto range = parse_range(o.from, o.to, diags);
  if (o.explain && picture(o)) {
    diags.error(
        "--explain", Code::E601,
        fmt::format("--explain describes the runs in text or JSON, not in --format {}", o.format),
        "use --format text or --format json with --explain");
  }
  std::optional<VerdictFilter> verdict;
  if (o.verdict) verdict = parse_verdict_filter(*o.verdict, "--verdict", diags);
  if (!q || !range || diags.has_errors()) return stop_on(diags, *reporter);
  const Contract& c = q->contract();
  std::optional<int> party;
  if (o.party) party = parse_party(c, *o.party, diags);
  std::optional<Pattern> only;
  if (o.action) only = parse_question_pattern(c, *o.action, limits, diags);
  if (diags.has_errors()) return stop_on(diags, *reporter);
  const std::vector<Pattern> patterns = question_patterns(c, only);
  if (enumerated(c, patterns) > limits.max_instances) {
    diags.error(o.question.file, Code::E606,
                fmt::format("the question has more than {} action instances", limits.max_instances),
                "narrow it with an ACTION pattern, e.g. 'act(param=value)', or with --party");
    return stop_on(diags, *reporter);
  }
  TimelineReport report{c,  range->from, range->to,  q->as_agreed_on, q->assumed,
                        {}, {},          q->without, q->with};
  if (!build_rows(*q, patterns, party, verdict, range->days(), limits, report, diags)) {
    return stop_on(diags, *reporter);
  }
  if (o.explain && !explain_rows(*q, report, limits, diags)) return stop_on(diags, *reporter);
  for (int a : q->compiled->amendments_in_effect()) {
    report.amendments.push_back(
        TimelineAmendment{a, c.amendments[a].signed_on, c.amendments[a].effective});
  }
  if (picture(o) && report.rows.size() > limits.max_picture_rows) {
    diags.error(o.question.file, Code::E606,
                fmt::format("the picture would have {} rows, more than {}", report.rows.size(),
                            limits.max_picture_rows),
                "narrow it with an ACTION pattern or --party, or use --format text or json");
    return stop_on(diags, *reporter);
  }
  if (!write_document(report, o, diags)) return stop_on(diags, *reporter);
  return 0;
}

}  // namespace pacta::cli
