#include "cli/commands/commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>

#include "cli/report/output.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/question.hpp"
#include "engine/load.hpp"
#include "engine/testing/test_runner.hpp"

namespace pacta::cli {

namespace {

void out(const std::string& text) { std::fputs(text.c_str(), stdout); }

int finish_with_diagnostics(const Diagnostics& diags, const CommonOptions& common) {
  print_diagnostics(diags, common.format == Format::Json, common.color);
  return 2;
}

// Everything a question needs, prepared once: the contract, the scenario
// compiled, the facts and named dates of the situation.
struct PreparedQuestion {
  std::unique_ptr<LoadedContract> loaded;  // heap: the compiled contract points into it
  std::optional<Date> as_agreed_on;
  std::vector<std::pair<int, Value>> assumed;  // fact declaration order
  std::optional<Situation> situation;
  std::unique_ptr<CompiledContract> compiled;
};

std::optional<PreparedQuestion> prepare(const QuestionOptions& o, const Limits& limits,
                                        Diagnostics& diags) {
  auto loaded = load_contract(o.file, limits, diags);
  if (!loaded) return std::nullopt;
  PreparedQuestion q{std::make_unique<LoadedContract>(std::move(*loaded)),
                     std::nullopt,
                     {},
                     std::nullopt,
                     nullptr};
  const Contract& c = q.loaded->contract;
  auto on = parse_date_flag(o.on, "--on", diags);
  if (o.as_agreed_on) q.as_agreed_on = parse_date_flag(*o.as_agreed_on, "--as-agreed-on", diags);
  std::map<int, Value> assumed;  // the last --assume of a fact wins
  for (const auto& a : o.assume) {
    if (auto v = parse_assumption(c, a, limits, diags)) assumed[v->first] = v->second;
  }
  if (diags.has_errors()) return std::nullopt;
  q.assumed.assign(assumed.begin(), assumed.end());
  SituationError error;
  q.situation = make_situation(c, *on, q.assumed, error);
  if (!q.situation) {
    auto f = describe_failure(c, error.error, error.at, -1, error.named_date);
    diags.error(o.file, f.code, f.message, f.help);
    return std::nullopt;
  }
  q.compiled = std::make_unique<CompiledContract>(c, Scenario{q.as_agreed_on});
  return q;
}

// Decides every instance; a failure (a fact the question needs and lacks)
// is a diagnostic naming the fact and the --assume that supplies it.
std::optional<std::vector<DecidedInstance>> decide_all(
    const PreparedQuestion& q, const std::vector<std::pair<int, std::vector<int>>>& todo,
    Diagnostics& diags) {
  const Contract& c = q.loaded->contract;
  Decider decider(*q.compiled);
  std::vector<DecidedInstance> results;
  results.reserve(todo.size());
  for (const auto& [action, args] : todo) {
    DecidedInstance r{action, args, {}};
    DecisionError error;
    if (!decider.decide(*q.situation, action, args, r.decision, error)) {
      auto f = describe_failure(c, error.error, error.at, error.clause, -1);
      diags.error(c.path, f.code,
                  fmt::format("{} (deciding {})", f.message, instance_text(c, action, args)),
                  f.help);
      return std::nullopt;
    }
    results.push_back(std::move(r));
  }
  return results;
}

Json question_json(const PreparedQuestion& q, const std::vector<DecidedInstance>& results) {
  const Contract& c = q.loaded->contract;
  Json j;
  j["contract"] = c.id;
  j["on"] = q.situation->on.to_string();
  j["as_agreed_on"] = q.as_agreed_on ? Json(q.as_agreed_on->to_string()) : Json(nullptr);
  Json assume = Json::object();
  for (const auto& [fact, value] : q.assumed) {
    assume[c.facts[fact].name] = value_json(c, c.facts[fact].type, value);
  }
  j["assume"] = assume;
  j["results"] = results_json(c, results);
  return j;
}

std::string question_header(const PreparedQuestion& q) {
  const Contract& c = q.loaded->contract;
  std::string header = fmt::format("{} on {}", c.id, q.situation->on.to_string());
  if (q.as_agreed_on) header += fmt::format(", as agreed on {}", q.as_agreed_on->to_string());
  std::vector<std::string> assumed;
  for (const auto& [fact, value] : q.assumed) {
    Json v = value_json(c, c.facts[fact].type, value);
    assumed.push_back(
        fmt::format("{}={}", c.facts[fact].name, v.is_string() ? v.get<std::string>() : v.dump()));
  }
  if (!assumed.empty()) header += fmt::format(", assuming {}", fmt::join(assumed, ", "));
  return header + "\n\n";
}

void print_results(const QuestionOptions& o, const PreparedQuestion& q,
                   const std::vector<DecidedInstance>& results) {
  if (o.common.format == Format::Json) {
    out(question_json(q, results).dump(2) + "\n");
    return;
  }
  out(question_header(q));
  if (results.empty()) {
    out("no instances\n");
    return;
  }
  out(results_table(q.loaded->contract, results, o.common.color));
}

// A verdict or "allowed" (for --expect and --verdict).
std::optional<std::string> verdict_filter(const std::string& text, const char* flag,
                                          Diagnostics& diags) {
  if (text == "allowed" || parse_verdict(text)) return text;
  std::vector<std::string> choices = {"permitted", "obligatory", "forbidden", "conflict",
                                      "allowed"};
  std::string help = did_you_mean(text, choices);
  diags.error(flag, Code::E601,
              fmt::format("{} takes a verdict or 'allowed', got '{}'", flag, text),
              help.empty() ? "use permitted, obligatory, forbidden, conflict or allowed" : help);
  return std::nullopt;
}

bool verdict_matches(const std::string& filter, Verdict v) {
  return filter == "allowed" ? is_allowed(v) : filter == verdict_name(v);
}

}  // namespace

int run_check(const CheckOptions& o) {
  Limits limits;
  Diagnostics all(limits.max_diagnostics * std::max<std::size_t>(1, o.files.size()));
  Json files = Json::array();
  std::string report;
  for (const auto& path : o.files) {
    Diagnostics diags(limits.max_diagnostics);
    auto loaded = load_contract(path, limits, diags);
    if (loaded) {
      const Contract& c = loaded->contract;
      auto count = [](std::size_t n, const char* noun) {
        return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
      };
      report +=
          fmt::format("{}: ok: contract '{}', {}, {}\n", path, c.id,
                      count(c.clauses.size(), "clause"), count(c.amendments.size(), "amendment"));
    }
    files.push_back(Json{{"file", path}, {"ok", loaded.has_value()}});
    for (const auto& d : diags.all()) all.add(d);
    all.add_suppressed(diags.suppressed());
  }
  if (o.common.format == Format::Json) {
    Json j;
    j["files"] = files;
    Json list = Json::array();
    for (const auto& d : all.all()) list.push_back(diagnostic_json(d));
    j["diagnostics"] = list;
    j["suppressed"] = all.suppressed();
    out(j.dump(2) + "\n");
  } else {
    print_diagnostics(all, false, o.common.color);
    out(report);
  }
  return all.has_errors() ? 2 : 0;
}

int run_ask(const AskOptions& o) {
  Limits limits;
  Diagnostics diags;
  auto q = prepare(o.question, limits, diags);
  std::optional<std::string> expect;
  if (o.expect) expect = verdict_filter(*o.expect, "--expect", diags);
  if (!q || diags.has_errors()) return finish_with_diagnostics(diags, o.question.common);
  const Contract& c = q->loaded->contract;
  auto pattern = parse_question_pattern(c, o.action, limits, diags);
  if (!pattern) return finish_with_diagnostics(diags, o.question.common);
  auto list = instances(c, *pattern, limits.max_instances);
  if (!list) {
    diags.error("<action>", Code::E606,
                fmt::format("'{}' has more than {} instances", o.action, limits.max_instances),
                "bind more params in the pattern");
    return finish_with_diagnostics(diags, o.question.common);
  }
  std::vector<std::pair<int, std::vector<int>>> todo;
  for (auto& args : *list) todo.emplace_back(pattern->action, std::move(args));
  auto results = decide_all(*q, todo, diags);
  if (!results) return finish_with_diagnostics(diags, o.question.common);
  print_results(o.question, *q, *results);
  if (expect) {
    std::vector<std::string> differing;
    for (const auto& r : *results) {
      if (!verdict_matches(*expect, r.decision.verdict)) {
        differing.push_back(fmt::format("{} is {}", instance_text(c, r.action, r.args),
                                        verdict_name(r.decision.verdict)));
      }
    }
    if (!differing.empty()) {
      std::fputs(fmt::format("pacta: expected {}, but {} of {} instance{} differ{}: {}\n", *expect,
                             differing.size(), results->size(), results->size() == 1 ? "" : "s",
                             differing.size() == 1 ? "s" : "", fmt::join(differing, "; "))
                     .c_str(),
                 stderr);
      return 1;
    }
  }
  return 0;
}

int run_allowed(const AllowedOptions& o) {
  Limits limits;
  Diagnostics diags;
  auto q = prepare(o.question, limits, diags);
  std::optional<std::string> verdict;
  if (o.verdict) verdict = verdict_filter(*o.verdict, "--verdict", diags);
  if (!q || diags.has_errors()) return finish_with_diagnostics(diags, o.question.common);
  const Contract& c = q->loaded->contract;
  std::optional<int> party;
  if (o.party) {
    party = c.domains[0].find(*o.party);
    if (!party) {
      std::string help = did_you_mean(*o.party, c.domains[0].values);
      diags.error("--party", Code::E602, fmt::format("unknown party '{}'", *o.party),
                  help.empty()
                      ? fmt::format("the parties are: {}", fmt::join(c.domains[0].values, ", "))
                      : help);
    }
  }
  std::optional<Pattern> only;
  if (o.action) only = parse_question_pattern(c, *o.action, limits, diags);
  if (diags.has_errors()) return finish_with_diagnostics(diags, o.question.common);

  // Actions by name (SPEC §4), then instances in declaration order.
  std::vector<int> order(c.actions.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return c.actions[a].name < c.actions[b].name; });
  std::vector<std::pair<int, std::vector<int>>> todo;
  for (int action : order) {
    if (only && only->action != action) continue;
    Pattern pattern =
        only ? *only : Pattern{action, std::vector<int>(c.actions[action].params.size(), -1)};
    auto list = instances(c, pattern, limits.max_instances - todo.size());
    if (!list) {
      diags.error(
          o.question.file, Code::E606,
          fmt::format("the contract has more than {} action instances", limits.max_instances),
          "narrow the question with --action and a pattern, e.g. --action 'act(param=value)'");
      return finish_with_diagnostics(diags, o.question.common);
    }
    const auto& params = c.actions[action].params;
    for (auto& args : *list) {
      if (party) {
        bool involves = false;
        for (std::size_t i = 0; i < params.size(); ++i) {
          involves = involves || (params[i].type.kind == Type::Kind::Value &&
                                  params[i].type.domain == 0 && args[i] == *party);
        }
        if (!involves) continue;
      }
      todo.emplace_back(action, std::move(args));
    }
  }
  auto results = decide_all(*q, todo, diags);
  if (!results) return finish_with_diagnostics(diags, o.question.common);
  if (verdict) {
    std::erase_if(*results, [&](const DecidedInstance& r) {
      return !verdict_matches(*verdict, r.decision.verdict);
    });
  }
  print_results(o.question, *q, *results);
  return 0;
}

int run_test(const TestOptions& o) {
  Limits limits;
  Diagnostics diags;
  auto files = find_test_files(o.paths, diags);
  std::size_t passed = 0, failed = 0;
  bool load_failed = diags.has_errors();
  Json cases = Json::array();
  std::string report;
  for (const auto& file : files) {
    TestFileResult result = run_test_file(file, limits, diags);
    load_failed = load_failed || !result.loaded;
    for (const auto& r : result.cases) {
      (r.passed ? passed : failed)++;
      cases.push_back(Json{{"file", r.file},
                           {"line", r.position.line},
                           {"name", r.name},
                           {"passed", r.passed},
                           {"expected", r.expected},
                           {"got", r.got.empty() ? Json(nullptr) : Json(r.got)},
                           {"by", r.by},
                           {"error", r.error.empty() ? Json(nullptr) : Json(r.error)}});
      if (r.passed) continue;
      auto by_text = [](const std::vector<std::string>& by) {
        return by.empty() ? std::string("no clause (default)")
                          : fmt::format("{}", fmt::join(by, ", "));
      };
      std::string expected = r.expected;
      if (r.by_checked) expected += fmt::format(" by {}", by_text(r.expected_by));
      std::string got = r.error.empty() ? fmt::format("{} by {}", r.got, by_text(r.by))
                                        : fmt::format("an error: {}", r.error);
      report += fmt::format("{}:{}: FAIL {}: expected {}, got {}\n", r.file, r.position.line,
                            r.name.empty() ? "(unnamed)" : r.name, expected, got);
    }
  }
  if (o.common.format == Format::Json) {
    if (diags.has_errors()) print_diagnostics(diags, true, false);
    Json j;
    j["cases"] = cases;
    j["passed"] = passed;
    j["failed"] = failed;
    out(j.dump(2) + "\n");
  } else {
    print_diagnostics(diags, false, o.common.color);
    out(report);
    out(fmt::format("{} passed, {} failed\n", passed, failed));
  }
  if (load_failed) return 2;
  return failed > 0 ? 1 : 0;
}

}  // namespace pacta::cli
