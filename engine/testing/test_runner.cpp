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
#include "engine/compile/without.hpp"
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
  std::vector<int> without;  // sorted amendment indices
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
  if (t.without) {
    std::optional<Date> agreed;
    if (r.dates) agreed = r.dates->as_agreed_on;
    ok = resolve_without(c, file, *t.without, agreed, r.without, diags) && ok;
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

namespace {

// A path with a NUL byte is never canonicalised: the system would read it
// only up to the NUL and the key could name another file. The loader
// refuses it, so it is never cached.
std::string canonical_key(const std::string& path) {
  if (path.find('\0') != std::string::npos) return path;
  std::error_code ec;
  const std::string canonical = fs::weakly_canonical(path, ec).string();
  return ec ? path : canonical;
}

}  // namespace

std::shared_ptr<const LoadedContract> ContractCache::load(
    const std::string& path, const std::vector<std::string>& with,
    const std::function<std::optional<LoadedContract>()>& read) {
  // The paths joined by NUL, which no canonical path holds.
  std::string key = canonical_key(path);
  for (const std::string& w : with) {
    key += '\0';
    key += canonical_key(w);
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
  Scenario wanted{out.as_agreed_on, r.without};
  out.without = without_ids(c, wanted);
  CompiledScenario& scenario = cache.get(c, wanted);
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

// The contracts of one test file: the one it names, and that one with the
// files of amendments of each `with` list its cases and timelines give,
// each loaded once (a failure too: its errors are reported once).
class TestContracts {
 public:
  TestContracts(const std::string& path, const LoadedTestFile& test_file, const Limits& limits,
                ContractCache& cache, Diagnostics& diags)
      : dir_(fs::path(path).parent_path()),
        test_file_(test_file),
        limits_(limits),
        cache_(cache),
        diags_(diags) {}

  // nullptr and a diagnostic when it does not load.
  std::shared_ptr<const LoadedContract> get(const std::vector<Name>& with) {
    std::vector<std::string> key;
    key.reserve(with.size());
    for (const Name& w : with) key.push_back(w.value);
    for (const auto& [k, loaded] : loaded_) {
      if (k == key) return loaded;
    }
    auto loaded = load(with);
    loaded_.emplace_back(std::move(key), loaded);
    return loaded;
  }

 private:
  std::shared_ptr<const LoadedContract> load(const std::vector<Name>& with) {
    const Name& contract = test_file_.syntax.contract;
    if (contract.value.empty()) return nullptr;  // reported when the file was read
    const std::string contract_path = (dir_ / contract.value).string();
    std::vector<TestFileReference> files;
    std::vector<std::string> paths;
    for (const Name& w : with) {
      files.push_back({(dir_ / w.value).string(), w.offset});
      paths.push_back(files.back().path);
    }
    return cache_.load(contract_path, paths, [&] {
      return load_test_contract({contract_path, contract.offset}, files, *test_file_.source,
                                limits_, diags_);
    });
  }

  fs::path dir_;
  const LoadedTestFile& test_file_;
  const Limits& limits_;
  ContractCache& cache_;
  Diagnostics& diags_;
  std::vector<std::pair<std::vector<std::string>, std::shared_ptr<const LoadedContract>>> loaded_;
};

std::vector<std::string> names_of(const std::vector<Name>& names) {
  std::vector<std::string> out;
  out.reserve(names.size());
  for (const Name& n : names) out.push_back(n.value);
  return out;
}

}  // namespace

TestFileResult run_test_file(const std::string& path, const Limits& limits, Diagnostics& diags,
                             std::string_view filter, ContractCache* shared) {
  TestFileResult result;
  result.file = path;
  auto test_file = load_test_file(path, limits, diags);
  if (!test_file) return result;
  ContractCache own;
  ContractCache& cache = shared != nullptr ? *shared : own;
  TestContracts contracts(path, *test_file, limits, cache, diags);
  if (!contracts.get({})) return result;
  std::size_t before = diags.error_count();
  const SourceFile& source = *test_file->source;
  // Each case and timeline resolved against its own contract (`with`).
  using Loaded = std::shared_ptr<const LoadedContract>;
  std::vector<std::pair<Loaded, ResolvedCase>> cases;
  for (const auto& t : test_file->syntax.cases) {
    Loaded loaded = contracts.get(t.with);
    if (!loaded) continue;
    if (auto r = resolve_case(loaded->contract, source, t, diags)) {
      cases.emplace_back(loaded, std::move(*r));
    }
  }
  std::vector<std::pair<Loaded, ResolvedTimeline>> timelines;
  for (const auto& t : test_file->syntax.timelines) {
    Loaded loaded = contracts.get(t.with);
    if (!loaded) continue;
    if (auto r = resolve_timeline(loaded->contract, source, t, diags)) {
      timelines.emplace_back(loaded, std::move(*r));
    }
  }
  if (!test_file->ok || diags.error_count() != before) return result;
  for (const auto& [loaded, r] : cases) {
    if (r.syntax->name.find(filter) == std::string::npos) continue;
    result.cases.push_back(run_case(loaded, source, r, cache.scenarios(*loaded)));
    result.cases.back().with = names_of(r.syntax->with);
  }
  for (const auto& [loaded, r] : timelines) {
    if (r.syntax->name.find(filter) == std::string::npos) continue;
    result.timelines.push_back(run_timeline(loaded, source, r, cache.scenarios(*loaded), limits));
    result.timelines.back().with = names_of(r.syntax->with);
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
