// `pacta allowed FILE --on DATE`: every instance of every action decided,
// narrowed by --party, --action, --verdict and --kind; --expect and
// --expect-none check what is left.
#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/commands/question.hpp"
#include "engine/decide/instances.hpp"
#include "engine/decide/question.hpp"

namespace pacta::cli {

namespace {

// Actions by name (cli.md), then instances in declaration order; only the
// `only` pattern when given, only instances involving `party`.
// nullopt and E606 when there are too many to enumerate or to decide.
std::optional<Selection> select_instances(const PreparedQuestion& q, const AllowedOptions& o,
                                          const std::optional<Pattern>& only,
                                          std::optional<int> party, const Limits& limits,
                                          Diagnostics& diags) {
  const Contract& c = q.contract();
  Selection s{question_patterns(c, only),
              party,
              std::nullopt,
              o.question.kind,
              o.question.file,
              "narrow the question with --action and a pattern, e.g. --action "
              "'act(param=value)', or with --party",
              {}};
  if (enumerated(c, s.patterns) > limits.max_instances) {
    diags.error(
        o.question.file, Code::E606,
        fmt::format("the contract has more than {} action instances", limits.max_instances),
        "narrow the question with --action and a pattern, e.g. --action 'act(param=value)'");
    return std::nullopt;
  }
  if (!check_steps(q, s, limits, diags)) return std::nullopt;
  return s;
}

}  // namespace

int run_allowed(const AllowedOptions& o) {
  auto reporter = make_reporter(o.question.common.format, o.question.common.color);
  Limits limits;
  Diagnostics diags;
  auto q = prepare(o.question, limits, diags);
  std::optional<VerdictFilter> verdict, expect;
  if (o.verdict) verdict = parse_verdict_filter(*o.verdict, "--verdict", diags);
  if (o.expect) expect = parse_verdict_filter(*o.expect, "--expect", diags);
  if (!q || diags.has_errors()) return stop_on(diags, *reporter);
  const Contract& c = q->contract();
  std::optional<int> party;
  if (o.party) party = parse_party(c, *o.party, diags);
  std::optional<Pattern> only;
  if (o.action) only = parse_question_pattern(c, *o.action, limits, diags);
  if (diags.has_errors()) return stop_on(diags, *reporter);
  auto selection = select_instances(*q, o, only, party, limits, diags);
  if (!selection) return stop_on(diags, *reporter);
  selection->verdict = verdict;
  const Listing listing(*q, std::move(*selection));
  auto outcome = listing.decide(expect, o.expect_none, limits, diags);
  if (!outcome) return stop_on(diags, *reporter);
  reporter->answer(answer_of(*q, listing, *outcome));
  return check_expectation(*q, expect, o.expect_none, *outcome, *reporter);
}

}  // namespace pacta::cli
