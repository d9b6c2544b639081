// `pacta ask FILE ACTION --on DATE`: decide every instance of an action
// pattern (narrowed by --kind); with --expect, exit 1 unless every verdict
// listed matches.
#include "cli/commands/batch.hpp"
#include "cli/commands/commands.hpp"
#include "cli/commands/question.hpp"

namespace pacta::cli {

int run_ask(const AskOptions& o) {
  if (o.batch) return run_batch(o);
  if (o.explain) return run_explain(ExplainOptions{o.question, o.action, o.expect});
  auto reporter = make_reporter(o.question.common.format, o.question.common.color);
  Limits limits;
  Diagnostics diags;
  auto q = prepare(o.question, limits, diags);
  std::optional<VerdictFilter> expect;
  if (o.expect) expect = parse_verdict_filter(*o.expect, "--expect", diags);
  if (!q || diags.has_errors()) return stop_on(diags, *reporter);
  auto selection = pattern_selection(*q, o.action, o.question.kind, limits.max_instances, "",
                                     "bind more params in the pattern", limits, diags);
  if (!selection) return stop_on(diags, *reporter);
  const Listing listing(*q, std::move(*selection));
  auto outcome = listing.decide(expect, false, limits, diags);
  if (!outcome) return stop_on(diags, *reporter);
  reporter->answer(answer_of(*q, listing, *outcome));
  return check_expectation(*q, expect, false, *outcome, *reporter);
}

}  // namespace pacta::cli
