#include "cli/commands/question.hpp"

#include <fmt/format.h>

#include <map>

#include "cli/report/values.hpp"
#include "engine/decide/question.hpp"

namespace pacta::cli {

namespace {

// A failure while deciding, at the expression that failed when it is known
// (a date out of range), else at the file.
void report_failure(Diagnostics& diags, const LoadedContract& loaded, const TypedExpr* at,
                    QuestionFailure& f) {
  if (at != nullptr && f.code == Code::E605 && loaded.source != nullptr &&
      at->span.begin < loaded.source->text().size()) {
    diags.error(*loaded.source, at->span.begin, f.code, std::move(f.message), std::move(f.help));
    return;
  }
  diags.error(loaded.contract.path, f.code, std::move(f.message), std::move(f.help));
}

}  // namespace

std::optional<PreparedQuestion> prepare(const QuestionOptions& o, const Limits& limits,
                                        Diagnostics& diags) {
  auto loaded = load_contract(o.file, limits, diags);
  if (!loaded) return std::nullopt;
  PreparedQuestion q{std::make_unique<LoadedContract>(std::move(*loaded)),
                     std::nullopt,
                     {},
                     std::nullopt,
                     nullptr};
  const Contract& c = q.contract();
  auto on = parse_date_flag(o.on, "--on", diags);
  if (o.as_agreed_on) q.as_agreed_on = parse_date_flag(*o.as_agreed_on, "--as-agreed-on", diags);
  std::map<int, Value> assumed;  // the last --assume of a fact wins
  for (const auto& a : o.assume) {
    if (auto v = parse_assumption(c, a, "--assume", limits, diags)) assumed[v->first] = v->second;
  }
  if (diags.has_errors()) return std::nullopt;
  q.assumed.assign(assumed.begin(), assumed.end());
  SituationError error;
  q.situation = make_situation(c, *on, q.assumed, error);
  if (!q.situation) {
    auto f = describe_failure(c, error.error, error.at, -1, error.named_date, "--assume",
                              q.loaded->source.get());
    report_failure(diags, *q.loaded, error.at, f);
    return std::nullopt;
  }
  q.compiled = std::make_unique<CompiledContract>(c, Scenario{q.as_agreed_on});
  return q;
}

std::optional<std::vector<DecidedInstance>> decide_all(const PreparedQuestion& q,
                                                       const InstanceList& todo,
                                                       Diagnostics& diags) {
  const Contract& c = q.contract();
  Decider decider(*q.compiled);
  std::vector<DecidedInstance> results;
  results.reserve(todo.size());
  for (const auto& [action, args] : todo) {
    DecidedInstance r{action, args, {}};
    DecisionError error;
    if (!decider.decide(*q.situation, action, args, r.decision, error)) {
      auto f = describe_failure(c, error.error, error.at, error.clause, -1, "--assume",
                                q.loaded->source.get());
      f.message = fmt::format("{} (deciding {})", f.message, instance_text(c, action, args));
      report_failure(diags, *q.loaded, error.at, f);
      return std::nullopt;
    }
    results.push_back(std::move(r));
  }
  return results;
}

std::optional<VerdictFilter> parse_verdict_filter(const std::string& text, const char* flag,
                                                  Diagnostics& diags) {
  if (auto filter = VerdictFilter::parse(text)) return filter;
  const std::vector<std::string> words = VerdictFilter::words();
  std::string help = did_you_mean(text, words);
  if (help.empty()) {
    help =
        fmt::format("use {} or {}", fmt::join(words.begin(), words.end() - 1, ", "), words.back());
  }
  diags.error(
      flag, Code::E601,
      fmt::format("{} takes a verdict or '{}', got '{}'", flag, VerdictFilter::kAllowed, text),
      help);
  return std::nullopt;
}

Answer answer_of(const PreparedQuestion& q, const std::vector<DecidedInstance>& results) {
  return Answer{q.contract(), q.situation->on, q.as_agreed_on, q.assumed, results};
}

int stop_on(const Diagnostics& diags, Reporter& reporter) {
  reporter.diagnostics(diags);
  return 2;
}

}  // namespace pacta::cli
