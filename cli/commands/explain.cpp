// `pacta explain FILE ACTION --on D` and `ask --explain` (SPEC §8): for each
// instance of the pattern, why its answer is what it is. The instances are
// selected, listed and decided as `ask` does (the same filters, failures and
// --expect); each is then explained by the engine (engine/explain), once per
// case of the unknown facts.
#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/commands/question.hpp"
#include "cli/report/explain_report.hpp"
#include "cli/report/output.hpp"
#include "engine/decide/instances.hpp"

namespace pacta::cli {

namespace {

// E606 unless explaining every instance, in every case, clause by clause
// stays within Limits::max_explained_clauses.
bool check_explained(const Contract& c, const Selection& s, const ActionClauses& about,
                     const std::string& action, const Limits& limits, Diagnostics& diags) {
  const std::uint64_t explained = instance_count(c, s.patterns.front()) *
                                  combinations(s.unknown.front().facts) *
                                  (about.clauses.size() + 1);
  if (explained <= limits.max_explained_clauses) return true;
  diags.error("<action>", Code::E606,
              fmt::format("explaining '{}' would list more than {} clauses", action,
                          limits.max_explained_clauses),
              s.help);
  return false;
}

// Every listed instance explained, in the listing's order.
bool explain_listed(const PreparedQuestion& q, const Listing& listing,
                    const std::vector<UnknownFact>& unknown, const ActionClauses& about,
                    std::vector<ExplainedInstance>& out, Diagnostics& diags) {
  Decider decider(*q.compiled);
  bool ok = true;
  listing.for_each([&](const DecidedInstance& r) {
    if (!ok) return;
    ExplainedInstance i{r.action, r.args, {}};
    DecisionError error;
    ok = explain_cases(*q.compiled, decider, *q.situation, unknown, about, r.args, i.cases, error);
    if (!ok) {
      // Deciding succeeded in the listing: this is the same failure.
      auto f = describe_failure(q.contract(), error.error, error.at, error.clause, -1, "--assume",
                                q.loaded->source.get());
      report_failure(diags, *q.loaded, f);
      return;
    }
    out.push_back(std::move(i));
  });
  return ok;
}

}  // namespace

int run_explain(const ExplainOptions& o) {
  const QuestionOptions& question = o.question;
  auto reporter = make_reporter(question.common.format, question.common.color);
  Limits limits;
  Diagnostics diags;
  auto q = prepare(question, limits, diags);
  std::optional<VerdictFilter> expect;
  if (o.expect) expect = parse_verdict_filter(*o.expect, "--expect", diags);
  if (!q || diags.has_errors()) return stop_on(diags, *reporter);
  auto selection = pattern_selection(
      *q, o.action, question.kind, limits.max_explained_instances, " to explain",
      "bind more params in the pattern: each instance explained is a page", limits, diags);
  if (!selection) return stop_on(diags, *reporter);
  const ActionClauses about = action_clauses(*q->compiled, selection->patterns.front().action);
  if (!check_explained(q->contract(), *selection, about, o.action, limits, diags))
    return stop_on(diags, *reporter);
  const std::vector<UnknownFact> unknown = selection->unknown.front().facts;
  const Listing listing(*q, std::move(*selection));
  auto outcome = listing.decide(expect, false, limits, diags);
  if (!outcome) return stop_on(diags, *reporter);
  std::vector<ExplainedInstance> instances;
  if (!explain_listed(*q, listing, unknown, about, instances, diags))
    return stop_on(diags, *reporter);
  // The explanations' cases are merged as the listing's answers are, so
  // they depend on the facts the listing found.
  const ExplainHeader header{q->contract(), *q->loaded->source, q->situation->on,
                             ScenarioView{q->as_agreed_on, q->without, q->with, q->assumed},
                             outcome->unknown};
  if (question.common.format == Format::Json) {
    write_out(safe_dump(explain_json(header, instances)) + "\n");
  } else {
    write_out(explain_text(header, instances, question.common.color));
  }
  return check_expectation(*q, expect, false, *outcome, *reporter);
}

}  // namespace pacta::cli
