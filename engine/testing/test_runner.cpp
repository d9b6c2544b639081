#include "engine/testing/test_runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "engine/check/check.hpp"
#include "engine/check/expressions.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/question.hpp"
#include "engine/decide/situation.hpp"
#include "engine/eval/evaluate.hpp"
#include "engine/load.hpp"
#include "engine/load_test_file.hpp"
#include "grammar/files/test_file.hpp"

namespace pacta {

namespace {

namespace fs = std::filesystem;

// A case with every name resolved against its contract.
struct ResolvedCase {
  const TestCaseSyntax* syntax = nullptr;
  Pattern pattern;
  TypedExpr on;
  std::optional<TypedExpr> as_agreed_on;
  std::vector<std::pair<int, Value>> assume;
  std::vector<int> by;
};

std::optional<ResolvedCase> resolve_case(const Contract& c, const SourceFile& file,
                                         const TestCaseSyntax& t, Diagnostics& diags) {
  ResolvedCase r;
  r.syntax = &t;
  bool ok = true;
  ExprScope scope;
  scope.contract = &c;
  scope.context = "a test case";
  if (auto on = check_expression(scope, file, t.on.value, Type::date(), diags))
    r.on = *on;
  else
    ok = false;
  if (t.as_agreed_on.is_set()) {
    r.as_agreed_on = check_expression(scope, file, t.as_agreed_on.value, Type::date(), diags);
    ok = ok && r.as_agreed_on.has_value();
  }
  if (auto p = resolve_pattern(c, file, t.ask, diags)) {
    r.pattern = *p;
    const ActionDecl& a = c.actions[p->action];
    for (std::size_t i = 0; i < a.params.size(); ++i) {
      if (p->arg_values[i] >= 0) continue;
      diags.error(file, t.ask.span.begin, Code::E702,
                  fmt::format("'ask' must name one instance, but param '{}' has no value",
                              a.params[i].name),
                  fmt::format("give every param, e.g. {}({}={})", a.name, a.params[i].name,
                              example_value(c, a.params[i].type)));
      ok = false;
    }
  } else {
    ok = false;
  }
  for (const auto& [name, value] : t.assume) {
    auto fact = c.find_fact(name.value);
    if (!fact) {
      std::vector<std::string> names;
      if (!diags.full()) {
        for (const auto& f : c.facts) names.push_back(f.name);
      }
      diags.error(file, name.offset, Code::E604, fmt::format("unknown fact '{}'", name.value),
                  did_you_mean(name.value, names));
      ok = false;
      continue;
    }
    if (auto v = resolve_literal(c, file, value, c.facts[*fact].type, diags)) {
      r.assume.emplace_back(*fact, *v);
    } else {
      ok = false;
    }
  }
  if (t.by) {
    for (const auto& id : *t.by) {
      if (auto i = c.find_clause(id.value)) {
        r.by.push_back(*i);
        continue;
      }
      report_unknown_clause(c, file, id, diags);
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  std::sort(r.by.begin(), r.by.end());
  return r;
}

TestCaseResult run_case(const Contract& c, const SourceFile& file, const ResolvedCase& r,
                        std::map<std::optional<Date>, std::unique_ptr<CompiledContract>>& cache) {
  const TestCaseSyntax& t = *r.syntax;
  TestCaseResult out;
  out.file = file.path();
  out.position = file.position(t.offset);
  out.name = t.name;
  out.expected = t.expect.value;
  if (t.by) out.expected_by = c.clauses.ids(r.by);
  SituationError serr;
  auto situation = make_situation(c, Date::min(), r.assume, serr);
  if (!situation) {
    out.error = failure_message(c, serr.error, serr.at, -1, serr.named_date);
    return out;
  }
  auto date_of = [&](const TypedExpr& e) -> std::optional<Date> {
    EvalEnv env = situation->env();
    Value v = evaluate(e, env);
    if (env.error != EvalEnv::Error::None || v.d.is_never()) return std::nullopt;
    return v.d;
  };
  auto on = date_of(r.on);
  std::optional<Date> agreed;
  if (r.as_agreed_on) agreed = date_of(*r.as_agreed_on);
  if (!on || (r.as_agreed_on && !agreed)) {
    out.error = "the case's date is never or out of range";
    return out;
  }
  situation->on = *on;
  auto& compiled = cache[agreed];
  if (!compiled) compiled = std::make_unique<CompiledContract>(c, Scenario{agreed});
  Decider decider(*compiled);
  Decision d;
  DecisionError derr;
  if (!decider.decide(*situation, r.pattern.action, r.pattern.arg_values, d, derr)) {
    out.error = failure_message(c, derr.error, derr.at, derr.clause, -1);
    return out;
  }
  out.got = verdict_name(d.verdict);
  out.by = c.clauses.ids(d.by);
  bool verdict_ok = verdict_matches(t.expect.value, d.verdict);
  bool by_ok = true;
  if (t.by) {
    std::set<int> want(r.by.begin(), r.by.end());
    std::set<int> got(d.by.begin(), d.by.end());
    by_ok = want == got;
  }
  out.passed = verdict_ok && by_ok;
  return out;
}

}  // namespace

TestFileResult run_test_file(const std::string& path, const Limits& limits, Diagnostics& diags) {
  TestFileResult result;
  result.file = path;
  auto test_file = load_test_file(path, limits, diags);
  if (!test_file) return result;
  const SourceFile& source = *test_file->source;
  const TestFileSyntax& syntax = test_file->syntax;
  fs::path contract_path = fs::path(path).parent_path() / syntax.contract.value;
  std::error_code ec;
  if (!fs::is_regular_file(contract_path, ec)) {
    diags.error(source, syntax.contract.offset, Code::E701,
                fmt::format("contract file '{}' not found", contract_path.string()),
                "the path is relative to the test file's folder");
    return result;
  }
  auto loaded = load_contract(contract_path.string(), limits, diags);
  if (!loaded) return result;
  const Contract& c = loaded->contract;
  std::size_t before = diags.error_count();
  std::vector<ResolvedCase> cases;
  for (const auto& t : syntax.cases) {
    if (auto r = resolve_case(c, source, t, diags)) cases.push_back(std::move(*r));
  }
  if (diags.error_count() != before) return result;
  std::map<std::optional<Date>, std::unique_ptr<CompiledContract>> cache;
  for (const auto& r : cases) result.cases.push_back(run_case(c, source, r, cache));
  result.loaded = true;
  return result;
}

std::vector<std::string> find_test_files(const std::vector<std::string>& paths,
                                         Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (it->is_regular_file(ec) && name.size() > 10 &&
            name.compare(name.size() - 10, 10, ".test.yaml") == 0) {
          found.push_back(it->path().string());
        }
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        diags.error(p, Code::E101, fmt::format("no *.test.yaml files in '{}'", p),
                    "test files are named like contract.test.yaml");
      }
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      out.push_back(p);
    } else {
      diags.error(p, Code::E101, fmt::format("cannot read '{}': No such file or directory", p),
                  "give a test file or a folder that contains *.test.yaml files");
    }
  }
  return out;
}

}  // namespace pacta
