// `pacta allowed FILE --on DATE`: every instance of every action decided,
// narrowed by --party, --action, --verdict and --kind; --expect and
// --expect-none check what is left.
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "cli/commands/commands.hpp"
#include "cli/commands/question.hpp"
#include "engine/decide/instances.hpp"
#include "engine/decide/question.hpp"

namespace pacta::cli {

namespace {

// The --party value as a party index; E602 with did-you-mean otherwise.
std::optional<int> parse_party(const Contract& c, const std::string& name, Diagnostics& diags) {
  const Domain& parties = c.domains[0];
  if (auto party = parties.find(name)) return party;
  std::string help = did_you_mean(name, parties.values);
  diags.error(
      "--party", Code::E602, fmt::format("unknown party '{}'", name),
      help.empty() ? fmt::format("the parties are: {}", fmt::join(parties.values, ", ")) : help);
  return std::nullopt;
}

// Whether some party-typed param of `action` is bound to `party`.
bool involves(const Contract& c, int action, const std::vector<int>& args, int party) {
  const auto& params = c.actions[action].params;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Type& t = params[i].type;
    if (t.kind == Type::Kind::Value && t.domain == 0 && args[i] == party) return true;
  }
  return false;
}

// Actions by name (cli.md), then instances in declaration order; only the
// `only` pattern's action when given, only instances involving `party`.
// nullopt and E606 when there are more than the limit.
std::optional<InstanceList> select_instances(const Contract& c, const std::optional<Pattern>& only,
                                             std::optional<int> party, const std::string& file,
                                             const Limits& limits, Diagnostics& diags) {
  std::vector<int> order(c.actions.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return c.actions[a].name < c.actions[b].name; });
  InstanceList todo;
  for (int action : order) {
    if (only && only->action != action) continue;
    Pattern pattern =
        only ? *only : Pattern{action, std::vector<int>(c.actions[action].params.size(), -1)};
    auto list = instances(c, pattern, limits.max_instances - todo.size());
    if (!list) {
      diags.error(
          file, Code::E606,
          fmt::format("the contract has more than {} action instances", limits.max_instances),
          "narrow the question with --action and a pattern, e.g. --action 'act(param=value)'");
      return std::nullopt;
    }
    for (auto& args : *list) {
      if (!party || involves(c, action, args, *party)) todo.emplace_back(action, std::move(args));
    }
  }
  return todo;
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
  auto todo = select_instances(c, only, party, o.question.file, limits, diags);
  if (!todo) return stop_on(diags, *reporter);
  auto results = decide_all(*q, *todo, diags);
  if (!results) return stop_on(diags, *reporter);
  if (verdict) {
    std::erase_if(*results,
                  [&](const DecidedInstance& r) { return !verdict->matches(r.decision.verdict); });
  }
  keep_kind(*q, o.question.kind, *results);
  reporter->answer(answer_of(*q, *results));
  return check_expectation(*q, expect, o.expect_none, *results, *reporter);
}

}  // namespace pacta::cli
