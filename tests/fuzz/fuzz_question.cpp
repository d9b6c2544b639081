// fuzz_question: what `pacta ask` and `pacta allowed` do with command-line
// text, against a fixed contract (fuzz_common.hpp). The input is split into
// lines:
//   line 1          the ACTION pattern            (parse_question_pattern)
//   middle lines    --assume NAME=VALUE each      (parse_assumption), or,
//                   starting with '@', --as-agreed-on DATE (parse_date_flag)
//   last line       --on DATE                     (parse_date_flag)
// Every diagnostic is rendered (a caret into the flag's own text). When all
// parse, the situation is made and every instance of the pattern decided.
//
// Properties (abort on violation):
//  - each parser returns a value exactly when it reported no error;
//  - an instance binds every param to a value of its domain, and matches
//    the pattern;
//  - a decision's is_default is exactly "no deciding clause"; deciding the
//    same instance twice gives the same decision.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/instances.hpp"
#include "engine/decide/question.hpp"
#include "fuzz_common.hpp"

using namespace pacta;

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      out.push_back(text.substr(start));
      return out;
    }
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
}

bool same(const Decision& a, const Decision& b) {
  return a.verdict == b.verdict && a.is_default == b.is_default && a.by == b.by &&
         a.overridden == b.overridden;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Contract& c = fuzz::fuzz_contract().contract;
  static const CompiledContract all_amendments(c, Scenario{});
  const Limits limits;
  const auto lines = split_lines(fuzz::as_text(data, size));
  if (lines.size() > 64) return 0;  // many flags test nothing new

  Diagnostics diags;
  bool ok = true;
  auto pattern = parse_question_pattern(c, lines[0], limits, diags);
  PACTA_FUZZ_CHECK(pattern.has_value() == !diags.has_errors(), std::string(lines[0]));
  ok = ok && pattern.has_value();

  std::vector<std::pair<int, Value>> assumed;
  std::optional<Date> agreed;
  for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
    const std::size_t before = diags.error_count();
    if (!lines[i].empty() && lines[i][0] == '@') {
      agreed = parse_date_flag(lines[i].substr(1), "--as-agreed-on", diags);
      PACTA_FUZZ_CHECK(agreed.has_value() == (diags.error_count() == before),
                       std::string(lines[i]));
      ok = ok && agreed.has_value();
      continue;
    }
    auto a = parse_assumption(c, lines[i], "--assume", limits, diags);
    PACTA_FUZZ_CHECK(a.has_value() == (diags.error_count() == before), std::string(lines[i]));
    if (a) {
      PACTA_FUZZ_CHECK(a->first >= 0 && a->first < static_cast<int>(c.facts.size()),
                       std::string(lines[i]));
      PACTA_FUZZ_CHECK(a->second.kind == c.facts[a->first].type.kind, std::string(lines[i]));
      assumed.push_back(*a);
    }
    ok = ok && a.has_value();
  }
  std::optional<Date> on;
  if (lines.size() >= 2) {
    const std::size_t before = diags.error_count();
    on = parse_date_flag(lines.back(), "--on", diags);
    PACTA_FUZZ_CHECK(on.has_value() == (diags.error_count() == before), std::string(lines.back()));
    PACTA_FUZZ_CHECK(!on || Date::parse(on->to_string()) == on, std::string(lines.back()));
    ok = ok && on.has_value();
  }
  fuzz::render_all(diags);
  if (!ok || !on) return 0;

  SituationError serr;
  auto situation = make_situation(c, *on, assumed, serr);
  if (!situation) {
    PACTA_FUZZ_CHECK(serr.error != EvalEnv::Error::None, "situation error without a kind");
    describe_failure(c, serr.error, serr.at, -1, serr.named_date, "--assume");
    return 0;
  }
  auto all = instances(c, *pattern, limits.max_instances);
  PACTA_FUZZ_CHECK(all.has_value(), "the fixed contract has few instances");
  const ActionDecl& action = c.actions[pattern->action];
  std::optional<CompiledContract> scenario;
  if (agreed) scenario.emplace(c, Scenario{*agreed, {}});
  Decider decider(scenario ? *scenario : all_amendments);
  for (const auto& args : *all) {
    PACTA_FUZZ_CHECK(args.size() == action.params.size(), action.name);
    for (std::size_t i = 0; i < args.size(); ++i) {
      PACTA_FUZZ_CHECK(
          args[i] >= 0 && static_cast<std::size_t>(args[i]) < domain_size(c, action.params[i].type),
          action.name);
      PACTA_FUZZ_CHECK(pattern->arg_values[i] < 0 || pattern->arg_values[i] == args[i],
                       action.name);
    }
    Decision d, again;
    DecisionError derr;
    if (!decider.decide(*situation, pattern->action, args, d, derr)) {
      PACTA_FUZZ_CHECK(derr.error != EvalEnv::Error::None && derr.at != nullptr, action.name);
      describe_failure(c, derr.error, derr.at, derr.clause, -1, "--assume");
      continue;
    }
    PACTA_FUZZ_CHECK(d.is_default == d.by.empty(), action.name);
    PACTA_FUZZ_CHECK(decider.decide(*situation, pattern->action, args, again, derr), action.name);
    PACTA_FUZZ_CHECK(same(d, again), action.name);
  }
  return 0;
}
