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
#include "engine/testing/test_contracts.hpp"
#include "engine/testing/test_timelines.hpp"
#include "engine/whatif/conditional.hpp"
#include "grammar/files/test_file.hpp"

namespace pacta {

namespace {

namespace fs = std::filesystem;

struct ResolvedExpectedCase {
  std::vector<Given> given;
  std::string expect;
  bool has_by = false, has_overridden = false;
  std::vector<int> by, overridden;
};

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
  std::vector<int> unknown;        // facts whose default is set aside, sorted
  std::vector<ResolvedExpectedCase> expect_cases;
};

bool resolve_expected_cases(const Contract& c, const SourceFile& file, const TestCaseSyntax& t,
                            std::vector<ResolvedExpectedCase>& out, Diagnostics& diags) {
  bool ok = true;
  for (const ExpectedCaseSyntax& e : t.expect_cases) {
    ResolvedExpectedCase r;
    r.expect = e.expect.value;
    r.has_by = e.by.has_value();
    r.has_overridden = e.overridden.has_value();
    ok = resolve_given(c, file, e.given, r.given, diags) && ok;
    ok = resolve_clauses(c, file, e.by, r.by, diags) && ok;
    ok = resolve_clauses(c, file, e.overridden, r.overridden, diags) && ok;
    out.push_back(std::move(r));
  }
  return ok;
}

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
  ok = resolve_unknown(c, file, t.unknown, r.assume, r.unknown, diags) && ok;
  ok = resolve_expected_cases(c, file, t, r.expect_cases, diags) && ok;
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

// Whether one cell of an unknown fact lies in what a Given of an expected
// case says of it: inside, outside, or partly (a number interval cutting
// across the cell).
enum class Within { In, Out, Partly };

bool above_lo(const Given& g, const Number& p) {
  if (!g.lo) return true;
  const int k = compare(p, *g.lo);
  return k > 0 || (k == 0 && g.lo_inclusive);
}

bool below_hi(const Given& g, const Number& p) {
  if (!g.hi) return true;
  const int k = compare(p, *g.hi);
  return k < 0 || (k == 0 && g.hi_inclusive);
}

Within cell_within(const Given& g, const FactCell& cell) {
  switch (cell.kind) {
    case FactCell::Kind::Bool:
      return cell.b == g.b ? Within::In : Within::Out;
    case FactCell::Kind::Member:
      return std::find(g.members.begin(), g.members.end(), cell.member) != g.members.end()
                 ? Within::In
                 : Within::Out;
    case FactCell::Kind::Point:
      return above_lo(g, *cell.lo) && below_hi(g, *cell.lo) ? Within::In : Within::Out;
    case FactCell::Kind::Interval:
      break;
  }
  // The open interval (cell.lo, cell.hi), a missing end unbounded.
  const bool in = (!g.lo || (cell.lo && compare(*cell.lo, *g.lo) >= 0)) &&
                  (!g.hi || (cell.hi && compare(*cell.hi, *g.hi) <= 0));
  if (in) return Within::In;
  const bool out = (g.hi && cell.lo && compare(*cell.lo, *g.hi) >= 0) ||
                   (g.lo && cell.hi && compare(*cell.hi, *g.lo) <= 0);
  return out ? Within::Out : Within::Partly;
}

// Compares each combination of the unknown facts' cells, as it is
// decided, with `expect` or `expect_cases`; the first difference is kept
// in `out`.
class CaseChecker {
 public:
  // `depends[i]`: whether the merged answer depends on facts[i] (a fact
  // of the action's clauses that this instance's answer does not read is
  // neither shown nor may be given).
  CaseChecker(const ResolvedCase& r, const std::vector<UnknownFact>& facts,
              std::vector<bool> depends, TestCaseResult& out)
      : r_(r), facts_(facts), depends_(std::move(depends)), out_(out) {}

  void check(const std::vector<int>& combination, const Decision& d) {
    if (out_.mismatch != TestCaseResult::Mismatch::None) return;
    if (r_.expect_cases.empty()) {
      if (!holds(r_.syntax->expect.value, r_.syntax->by.has_value(), r_.by,
                 r_.syntax->overridden.has_value(), r_.overridden, d)) {
        fail(TestCaseResult::Mismatch::Differs, combination, d);
      }
      return;
    }
    int found = -1;
    for (std::size_t k = 0; k < r_.expect_cases.size(); ++k) {
      const auto within = region_within(r_.expect_cases[k].given, combination, static_cast<int>(k));
      if (out_.mismatch != TestCaseResult::Mismatch::None) return;
      if (!within) continue;
      if (found >= 0) {
        out_.other_case = static_cast<int>(k);
        out_.expected_case = found;
        fail(TestCaseResult::Mismatch::Overlap, combination, d);
        return;
      }
      found = static_cast<int>(k);
    }
    if (found < 0) {
      fail(TestCaseResult::Mismatch::NotCovered, combination, d);
      return;
    }
    const ResolvedExpectedCase& e = r_.expect_cases[static_cast<std::size_t>(found)];
    if (!holds(e.expect, e.has_by, e.by, e.has_overridden, e.overridden, d)) {
      out_.expected_case = found;
      fail(TestCaseResult::Mismatch::Differs, combination, d);
    }
  }

 private:
  static bool holds(const std::string& expect, bool has_by, const std::vector<int>& by,
                    bool has_overridden, const std::vector<int>& overridden, const Decision& d) {
    return verdict_matches(expect, d.verdict) && (!has_by || same_set(by, d.by)) &&
           (!has_overridden || same_set(overridden, d.overridden));
  }

  // Whether expected case `k`'s region holds the combination; a mismatch
  // (NotRead, Misaligned) when it cannot say.
  bool region_within(const std::vector<Given>& region, const std::vector<int>& combination, int k) {
    bool in = true;
    for (const Given& g : region) {
      auto f = std::find_if(facts_.begin(), facts_.end(),
                            [&](const UnknownFact& u) { return u.fact == g.fact; });
      if (f == facts_.end() || !depends_[static_cast<std::size_t>(f - facts_.begin())]) {
        out_.expected_case = k;
        out_.fact = g.fact;
        out_.mismatch = TestCaseResult::Mismatch::NotRead;
        return false;
      }
      const std::size_t i = static_cast<std::size_t>(f - facts_.begin());
      const Within w = cell_within(g, f->cells[static_cast<std::size_t>(combination[i])]);
      if (w == Within::Partly) {
        out_.expected_case = k;
        out_.fact = g.fact;
        out_.mismatch = TestCaseResult::Mismatch::Misaligned;
        return false;
      }
      in = in && w == Within::In;
    }
    return in;
  }

  void fail(TestCaseResult::Mismatch m, const std::vector<int>& combination, const Decision& d) {
    out_.mismatch = m;
    out_.at.clear();
    for (std::size_t i = 0; i < facts_.size(); ++i) {
      if (depends_[i]) out_.at.push_back(given_of(facts_[i], {combination[i]}));
    }
    out_.at_decision = d;
  }

  const ResolvedCase& r_;
  const std::vector<UnknownFact>& facts_;
  std::vector<bool> depends_;
  TestCaseResult& out_;
};

void set_got(const Contract& c, const Decision& d, TestCaseResult& out) {
  out.got = verdict_name(d.verdict);
  out.by = c.clauses.ids(d.by);
  out.overridden = c.clauses.ids(d.overridden);
  out.is_default = d.is_default;
}

// The case decided once per combination of the unknown facts' cells
// (SPEC §7.3) and merged into cases; then each combination checked, in
// order, against `expect` or `expect_cases`.
void run_conditional(const Contract& c, const ResolvedCase& r, const Situation& situation,
                     const UnknownAnalysis& analysis, CompiledScenario& scenario,
                     TestCaseResult& out) {
  std::vector<std::pair<std::vector<int>, Decision>> decided;
  ConditionalDecision merged;
  DecisionError error;
  if (!decide_cases(scenario.compiled, scenario.decider, situation, analysis.facts,
                    r.pattern.action, r.pattern.arg_values, merged, error,
                    [&](const std::vector<int>& combination, const Decision& d) {
                      decided.emplace_back(combination, d);
                    })) {
    out.error = failure_message(c, error.error, error.at, error.clause, -1);
    return;
  }
  std::vector<Case<Decision>>& cases = merged.cases;
  out.unknown = given_facts(cases);
  std::vector<bool> depends;
  for (const UnknownFact& u : analysis.facts) {
    depends.push_back(std::binary_search(out.unknown.begin(), out.unknown.end(), u.fact));
  }
  CaseChecker checker(r, analysis.facts, std::move(depends), out);
  for (const auto& [combination, d] : decided) checker.check(combination, d);
  if (cases.size() == 1) {
    set_got(c, cases.front().outcome, out);
  } else {
    out.got_cases = std::move(cases);
  }
  out.passed = out.mismatch == TestCaseResult::Mismatch::None;
}

TestCaseResult run_case(const std::shared_ptr<const LoadedContract>& loaded, const SourceFile& file,
                        const ResolvedCase& r, CompiledCache& cache, const Limits& limits) {
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
  for (const ResolvedExpectedCase& e : r.expect_cases) {
    out.expected_cases.push_back(
        {e.given, e.expect, e.has_by ? std::optional(c.clauses.ids(e.by)) : std::nullopt,
         e.has_overridden ? std::optional(c.clauses.ids(e.overridden)) : std::nullopt});
  }
  auto situation = case_situation(c, r, out);
  if (!situation) return out;
  forget_facts(c, *situation, r.unknown);
  Scenario wanted{out.as_agreed_on, r.without};
  out.without = without_ids(c, wanted);
  CompiledScenario& scenario = cache.get(c, wanted);
  const UnknownAnalysis analysis = analyze_unknown_facts(
      scenario.compiled, *situation, {r.pattern.action}, limits.max_unknown_combinations);
  if (analysis.problem) {
    out.error = analysis.problem->message;
    return out;
  }
  run_conditional(c, r, *situation, analysis, scenario, out);
  return out;
}

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
  TestContracts contracts(path, *test_file->source, test_file->syntax.contract, limits, cache,
                          diags);
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
    result.cases.push_back(run_case(loaded, source, r, cache.scenarios(*loaded), limits));
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
  return find_files(paths, named_like(".test.yaml", "test files are named like contract.test.yaml"),
                    diags);
}

}  // namespace pacta
