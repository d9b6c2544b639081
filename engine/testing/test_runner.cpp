#include "engine/testing/test_runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <system_error>

#include "engine/check/check.hpp"
#include "engine/check/expressions.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/question.hpp"
#include "engine/decide/situation.hpp"
#include "engine/discover.hpp"
#include "engine/eval/evaluate.hpp"
#include "engine/load.hpp"
#include "engine/load_test_file.hpp"
#include "engine/testing/case_dates.hpp"
#include "engine/testing/resolve.hpp"
#include "engine/testing/scenarios.hpp"
#include "engine/testing/test_timelines.hpp"
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
  std::vector<int> by, overridden;
  std::optional<CaseDates> dates;  // evaluated at load; nullopt: the situation fails
};

// Resolves every part the case has, so that one run reports every error;
// nullopt when any part is wrong or missing.
std::optional<ResolvedCase> resolve_case(const Contract& c, const SourceFile& file,
                                         const TestCaseSyntax& t, Diagnostics& diags) {
  ResolvedCase r;
  r.syntax = &t;
  ExprScope scope;
  scope.contract = &c;
  scope.context = "a test case";
  bool dates_ok = t.on.is_set();
  if (t.on.is_set()) {
    auto on = check_expression(scope, file, t.on.value, Type::date(), diags);
    if (on) r.on = *on;
    dates_ok = on.has_value();
  }
  if (t.as_agreed_on.is_set()) {
    r.as_agreed_on = check_expression(scope, file, t.as_agreed_on.value, Type::date(), diags);
    dates_ok = dates_ok && r.as_agreed_on.has_value();
  }
  bool ok = t.complete && dates_ok;
  if (t.ask) ok = resolve_ask(c, file, *t.ask, r.pattern, diags) && ok;
  const bool assumed = resolve_assume(c, file, t.assume, r.assume, diags);
  ok = assumed && ok;
  if (dates_ok && assumed) {  // a date that is no day is an error of the file
    const CaseDatesResult d =
        case_dates(c, file, {&r.on, r.as_agreed_on ? &*r.as_agreed_on : nullptr}, r.assume, diags);
    r.dates = d.dates;
    ok = ok && d.ok;
  }
  ok = resolve_clauses(c, file, t.by, r.by, diags) && ok;
  ok = resolve_clauses(c, file, t.overridden, r.overridden, diags) && ok;
  if (!ok) return std::nullopt;
  return r;
}

}  // namespace

struct ContractCache::Entry {
  std::shared_ptr<const LoadedContract> contract;
  Scenarios scenarios;
};

ContractCache::ContractCache() = default;
ContractCache::~ContractCache() = default;

std::shared_ptr<const LoadedContract> ContractCache::load(
    const std::string& path, const std::function<std::optional<LoadedContract>()>& read) {
  // A path with a NUL byte is never canonicalised: the system would read it
  // only up to the NUL and the key could name another file. `read` refuses
  // it, so it is never cached.
  std::string key = path;
  if (path.find('\0') == std::string::npos) {
    std::error_code ec;
    const std::string canonical = fs::weakly_canonical(path, ec).string();
    if (!ec) key = canonical;
  }
  auto& entry = by_path_[key];
  if (entry) return entry->contract;
  ++loads_;
  auto loaded = read();
  if (!loaded) {
    by_path_.erase(key);
    return nullptr;
  }
  entry = std::make_unique<Entry>();
  entry->contract = std::make_shared<const LoadedContract>(std::move(*loaded));
  return entry->contract;
}

ContractCache::Scenarios& ContractCache::scenarios(const LoadedContract& contract) {
  for (auto& [path, entry] : by_path_) {
    if (&entry->contract->contract == &contract.contract) return entry->scenarios;
  }
  throw std::logic_error("ContractCache::scenarios: a contract it did not load");
}

namespace {

using CompiledCache = ContractCache::Scenarios;

// The case's question: its facts and the dates evaluated at load; nullopt
// and out.error when the contract's named dates fail with those facts.
std::optional<Situation> case_situation(const Contract& c, const ResolvedCase& r,
                                        TestCaseResult& out) {
  SituationError serr;
  auto situation = make_situation(c, Date::min(), r.assume, serr);
  if (!situation) {
    out.error = failure_message(c, serr.error, serr.at, -1, serr.named_date);
    return std::nullopt;
  }
  // Loading evaluated the dates; only a failing situation leaves them unset.
  if (!r.dates) {
    out.error = "the case's dates could not be evaluated";
    return std::nullopt;
  }
  out.on = r.dates->on;
  out.as_agreed_on = r.dates->as_agreed_on;
  situation->on = *out.on;
  evaluate_conditions(c, *situation);  // they may read `date`
  return situation;
}

TestCaseResult run_case(const std::shared_ptr<const LoadedContract>& loaded, const SourceFile& file,
                        const ResolvedCase& r, CompiledCache& cache) {
  const Contract& c = loaded->contract;
  const TestCaseSyntax& t = *r.syntax;
  TestCaseResult out;
  out.file = file.path();
  out.position = file.position(t.offset);
  out.name = t.name;
  out.contract = loaded;
  out.action = r.pattern.action;
  out.args = r.pattern.arg_values;
  out.assume = r.assume;
  out.expected = t.expect.value;
  if (t.by) out.expected_by = c.clauses.ids(r.by);
  if (t.overridden) out.expected_overridden = c.clauses.ids(r.overridden);
  auto situation = case_situation(c, r, out);
  if (!situation) return out;
  CompiledScenario& scenario = cache.get(c, out.as_agreed_on);
  Decision d;
  DecisionError derr;
  if (!scenario.decider.decide(*situation, r.pattern.action, r.pattern.arg_values, d, derr)) {
    out.error = failure_message(c, derr.error, derr.at, derr.clause, -1);
    return out;
  }
  out.got = verdict_name(d.verdict);
  out.by = c.clauses.ids(d.by);
  out.overridden = c.clauses.ids(d.overridden);
  out.is_default = d.is_default;
  out.passed = verdict_matches(t.expect.value, d.verdict) && (!t.by || same_set(r.by, d.by)) &&
               (!t.overridden || same_set(r.overridden, d.overridden));
  return out;
}

// The contract the test file names; nullopt and a diagnostic otherwise.
std::shared_ptr<const LoadedContract> test_contract(const std::string& path,
                                                    const LoadedTestFile& test_file,
                                                    const Limits& limits, ContractCache& contracts,
                                                    Diagnostics& diags) {
  const Name& contract = test_file.syntax.contract;
  if (contract.value.empty()) return nullptr;  // reported when the file was read
  fs::path contract_path = fs::path(path).parent_path() / contract.value;
  return contracts.load(contract_path.string(), [&] {
    return load_test_contract(contract_path.string(), *test_file.source, contract.offset, limits,
                              diags);
  });
}

}  // namespace

TestFileResult run_test_file(const std::string& path, const Limits& limits, Diagnostics& diags,
                             std::string_view filter, ContractCache* shared) {
  TestFileResult result;
  result.file = path;
  auto test_file = load_test_file(path, limits, diags);
  if (!test_file) return result;
  ContractCache own;
  ContractCache& contracts = shared != nullptr ? *shared : own;
  auto loaded = test_contract(path, *test_file, limits, contracts, diags);
  if (!loaded) return result;
  const Contract& c = loaded->contract;
  std::size_t before = diags.error_count();
  const SourceFile& source = *test_file->source;
  std::vector<ResolvedCase> cases;
  for (const auto& t : test_file->syntax.cases) {
    if (auto r = resolve_case(c, source, t, diags)) cases.push_back(std::move(*r));
  }
  std::vector<ResolvedTimeline> timelines;
  for (const auto& t : test_file->syntax.timelines) {
    if (auto r = resolve_timeline(c, source, t, diags)) timelines.push_back(std::move(*r));
  }
  if (!test_file->ok || diags.error_count() != before) return result;
  CompiledCache& cache = contracts.scenarios(*loaded);
  for (const auto& r : cases) {
    if (r.syntax->name.find(filter) == std::string::npos) continue;
    result.cases.push_back(run_case(loaded, source, r, cache));
  }
  for (const auto& r : timelines) {
    if (r.syntax->name.find(filter) == std::string::npos) continue;
    result.timelines.push_back(run_timeline(loaded, source, r, cache, limits));
  }
  result.loaded = true;
  return result;
}

std::vector<std::string> find_test_files(const std::vector<std::string>& paths,
                                         Diagnostics& diags) {
  FileSearch search;
  search.name_matches = [](const std::string& name) {
    return name.size() > 10 && name.ends_with(".test.yaml");
  };
  search.none_found = "no *.test.yaml files in '{}'";
  search.none_found_help = "test files are named like contract.test.yaml";
  return find_files(paths, search, diags);
}

}  // namespace pacta
