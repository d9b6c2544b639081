// `pacta ask FILE ACTION --on DATE`: decide every instance of an action
// pattern (narrowed by --kind); with --expect, exit 1 unless every verdict
// listed matches.
#include <fmt/format.h>

#include "cli/commands/commands.hpp"
#include "cli/commands/question.hpp"
#include "engine/decide/instances.hpp"
#include "engine/decide/question.hpp"

namespace pacta::cli {

namespace {

// Every instance of the ACTION pattern; nullopt and a diagnostic when the
// pattern is invalid or has too many instances.
std::optional<InstanceList> pattern_instances(const Contract& c, const std::string& action,
                                              const Limits& limits, Diagnostics& diags) {
  auto pattern = parse_question_pattern(c, action, limits, diags);
  if (!pattern) return std::nullopt;
  auto list = instances(c, *pattern, limits.max_instances);
  if (!list) {
    diags.error("<action>", Code::E606,
                fmt::format("'{}' has more than {} instances", action, limits.max_instances),
                "bind more params in the pattern");
    return std::nullopt;
  }
  InstanceList todo;
  for (auto& args : *list) todo.emplace_back(pattern->action, std::move(args));
  return todo;
}

}  // namespace

int run_ask(const AskOptions& o) {
  auto reporter = make_reporter(o.question.common.format, o.question.common.color);
  Limits limits;
  Diagnostics diags;
  auto q = prepare(o.question, limits, diags);
  std::optional<VerdictFilter> expect;
  if (o.expect) expect = parse_verdict_filter(*o.expect, "--expect", diags);
  if (!q || diags.has_errors()) return stop_on(diags, *reporter);
  auto todo = pattern_instances(q->contract(), o.action, limits, diags);
  if (!todo) return stop_on(diags, *reporter);
  auto results = decide_all(*q, *todo, diags);
  if (!results) return stop_on(diags, *reporter);
  keep_kind(*q, o.question.kind, *results);
  reporter->answer(answer_of(*q, *results));
  return check_expectation(*q, expect, false, *results, *reporter);
}

}  // namespace pacta::cli
