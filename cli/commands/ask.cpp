// `pacta ask FILE ACTION --on DATE`: decide every instance of an action
// pattern (narrowed by --kind); with --expect, exit 1 unless every verdict
// listed matches.
#include <fmt/format.h>

#include "cli/commands/batch.hpp"
#include "cli/commands/commands.hpp"
#include "cli/commands/question.hpp"
#include "engine/decide/instances.hpp"
#include "engine/decide/question.hpp"

namespace pacta::cli {

namespace {

// The instances of the ACTION pattern; nullopt and a diagnostic when the
// pattern is invalid, has too many instances or would take too long to
// decide (E606, before any is decided).
std::optional<Selection> pattern_selection(const PreparedQuestion& q, const AskOptions& o,
                                           const Limits& limits, Diagnostics& diags) {
  const Contract& c = q.contract();
  auto pattern = parse_question_pattern(c, o.action, limits, diags);
  if (!pattern) return std::nullopt;
  Selection s{{*pattern},
              std::nullopt,
              std::nullopt,
              o.question.kind,
              "<action>",
              "bind more params in the pattern",
              {}};
  if (enumerated(c, s.patterns) > limits.max_instances) {
    diags.error("<action>", Code::E606,
                fmt::format("'{}' has more than {} instances", o.action, limits.max_instances),
                s.help);
    return std::nullopt;
  }
  if (!check_steps(q, s, limits, diags)) return std::nullopt;
  return s;
}

}  // namespace

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
  auto selection = pattern_selection(*q, o, limits, diags);
  if (!selection) return stop_on(diags, *reporter);
  const Listing listing(*q, std::move(*selection));
  auto outcome = listing.decide(expect, false, limits, diags);
  if (!outcome) return stop_on(diags, *reporter);
  reporter->answer(answer_of(*q, listing, *outcome));
  return check_expectation(*q, expect, false, *outcome, *reporter);
}

}  // namespace pacta::cli
