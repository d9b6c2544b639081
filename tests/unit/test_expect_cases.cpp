// `expect_cases` of `pacta test` (SPEC §7.3) against brute force, on random
// contracts: a test file whose expected cases are the merged cases the
// engine gives passes; one whose expected cases are each single value of
// the facts the answer depends on, each expecting what a plain decision
// with those values assumed gives, passes too (so merging, checking value
// by value and deciding agree); changing one verdict fails at that case,
// and leaving a case out fails as "not covered".
#include <array>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "contract_fixture.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/testing/test_runner.hpp"
#include "engine/whatif/conditional.hpp"

using namespace pacta;
using pacta::fixture::day;
using pacta::fixture::kConditionalHead;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kAtoms = {
    "approved",   "not approved", "level == gold", "level != bronze", "level in [gold, silver]",
    "rate > 2",   "rate >= 5",    "rate < 0",      "rate == 2",       "rate != 7",
    "to == acme", "rate <= 2.5"};

std::string random_clauses(unsigned seed) {
  std::mt19937 prng(seed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(prng() % n); };
  std::string clauses;
  const std::size_t n = 1 + pick(4);
  for (std::size_t i = 0; i < n; ++i) {
    const char* modality = std::array{"permit", "forbid", "oblige"}[pick(3)];
    clauses += "  - id: c" + std::to_string(i) + "\n    " + modality + ": ship\n    when: (" +
               kAtoms[pick(kAtoms.size())] + ")" + (pick(2) == 0 ? " and " : " or ") + "(" +
               kAtoms[pick(kAtoms.size())] + ")\n";
  }
  return clauses;
}

// A Given as the YAML of `given`.
std::string given_yaml(const Contract& c, const Given& g) {
  const FactDecl& f = c.facts[static_cast<std::size_t>(g.fact)];
  std::string out = f.name + ": ";
  switch (g.kind) {
    case FactCell::Kind::Bool:
      return out + (g.b ? "true" : "false");
    case FactCell::Kind::Member: {
      out += "[";
      for (std::size_t i = 0; i < g.members.size(); ++i) {
        out += (i ? ", " : "") + c.domains[f.type.domain].values[g.members[i]];
      }
      return out + "]";
    }
    case FactCell::Kind::Point:
    case FactCell::Kind::Interval:
      break;
  }
  std::string parts;
  if (g.lo) {
    parts +=
        "min: " + g.lo->to_string() + ", min_inclusive: " + (g.lo_inclusive ? "true" : "false");
  }
  if (g.hi) {
    parts += std::string(parts.empty() ? "" : ", ") + "max: " + g.hi->to_string() +
             ", max_inclusive: " + (g.hi_inclusive ? "true" : "false");
  }
  return out + "{" + parts + "}";
}

struct Expected {
  std::vector<Given> given;
  Verdict verdict;
  std::vector<std::string> by;
};

std::string case_yaml(const Contract& c, const std::string& name, const std::string& instance,
                      const std::vector<Expected>& expected) {
  std::string out =
      "  - name: " + name + "\n    on: 2026-01-01\n    ask: " + instance + "\n    expect_cases:\n";
  for (const Expected& e : expected) {
    std::string given;
    for (const Given& g : e.given) given += (given.empty() ? "" : ", ") + given_yaml(c, g);
    std::string by;
    for (const auto& id : e.by) by += (by.empty() ? "" : ", ") + id;
    out += "      - {given: {" + given + "}, expect: " + verdict_name(e.verdict) + ", by: [" + by +
           "]}\n";
  }
  return out;
}

Verdict other_than(Verdict v) {
  return v == Verdict::Forbidden ? Verdict::Permitted : Verdict::Forbidden;
}

}  // namespace

TEST_CASE("expect_cases agree with the merged cases and with asking once per value") {
  const fs::path dir = fs::temp_directory_path() / "pacta_test_expect_cases";
  fs::create_directories(dir);
  int value_cases = 0, conditional = 0;
  for (unsigned seed = 1; seed <= 60; ++seed) {
    const std::string clauses = random_clauses(seed);
    INFO("seed " << seed << "\n" << clauses);
    auto loaded = fixture::load_ok(std::string(kConditionalHead) + clauses);
    const Contract& c = loaded->contract();
    const CompiledContract compiled(c, Scenario{std::nullopt, {}});
    Decider decider(compiled);
    SituationError serr;
    const auto situation = make_situation(c, day("2026-01-01"), {}, serr);
    REQUIRE(situation);
    const UnknownAnalysis analysis = analyze_unknown_facts(compiled, *situation, {0}, 4096);
    REQUIRE(!analysis.problem);
    std::string file = "pacta-test: 1\ncontract: deal.yaml\ncases:\n";
    std::vector<std::string> must_fail;
    for (const char* instance : {"ship(acme)", "ship(globex)"}) {
      const auto [action, args] = fixture::instance(c, instance);
      ConditionalDecision merged;
      DecisionError derr;
      REQUIRE(
          decide_cases(compiled, decider, *situation, analysis.facts, action, args, merged, derr));
      std::vector<Expected> as_merged;
      for (const auto& k : merged.cases) {
        as_merged.push_back({k.given, k.outcome.verdict, c.clauses.ids(k.outcome.by)});
      }
      const std::string who = std::string(instance).substr(5, 4);
      file += case_yaml(c, "merged " + who, instance, as_merged);
      // One expected case per value (cell) of the facts the answer depends
      // on, each expecting a plain decision with the cell's value assumed.
      std::vector<const UnknownFact*> depends;
      for (const UnknownFact& u : analysis.facts) {
        const bool read = std::any_of(merged.cases.begin(), merged.cases.end(), [&](const auto& k) {
          return std::any_of(k.given.begin(), k.given.end(),
                             [&](const Given& g) { return g.fact == u.fact; });
        });
        if (read) depends.push_back(&u);
      }
      std::vector<Expected> per_value;
      std::vector<int> cell(depends.size(), 0);
      for (bool more = true; more;) {
        std::vector<std::pair<int, Value>> assumed;
        Expected e{{}, Verdict::Permitted, {}};
        for (std::size_t i = 0; i < depends.size(); ++i) {
          const FactCell& fc = depends[i]->cells[static_cast<std::size_t>(cell[i])];
          assumed.emplace_back(depends[i]->fact, fc.representative);
          e.given.push_back(given_of(*depends[i], {cell[i]}));
        }
        // The facts it does not depend on get some value: the answer is the same.
        for (const UnknownFact& u : analysis.facts) {
          if (std::find(depends.begin(), depends.end(), &u) == depends.end()) {
            assumed.emplace_back(u.fact, u.cells.back().representative);
          }
        }
        std::sort(assumed.begin(), assumed.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        auto s = make_situation(c, day("2026-01-01"), assumed, serr);
        REQUIRE(s);
        Decision d;
        REQUIRE(decider.decide(*s, action, args, d, derr));
        e.verdict = d.verdict;
        e.by = c.clauses.ids(d.by);
        per_value.push_back(std::move(e));
        more = false;
        for (std::size_t i = depends.size(); i-- > 0;) {
          if (++cell[i] < static_cast<int>(depends[i]->cells.size())) {
            more = true;
            break;
          }
          cell[i] = 0;
        }
      }
      value_cases += static_cast<int>(per_value.size());
      file += case_yaml(c, "per value " + who, instance, per_value);
      if (merged.cases.size() < 2) continue;
      ++conditional;
      std::vector<Expected> changed = as_merged;
      changed.front().verdict = other_than(changed.front().verdict);
      changed.front().by.clear();
      file += case_yaml(c, "changed " + who, instance, changed);
      must_fail.push_back("changed " + who);
      std::vector<Expected> short_one(as_merged.begin(), as_merged.end() - 1);
      file += case_yaml(c, "one left out " + who, instance, short_one);
      must_fail.push_back("one left out " + who);
    }
    {
      std::ofstream(dir / "deal.yaml") << kConditionalHead << clauses;
      std::ofstream(dir / "deal.test.yaml") << file;
    }
    Limits limits;
    Diagnostics diags;
    const TestFileResult result = run_test_file((dir / "deal.test.yaml").string(), limits, diags);
    INFO(file);
    REQUIRE(result.loaded);
    REQUIRE(!diags.has_errors());
    for (const TestCaseResult& r : result.cases) {
      INFO(r.name);
      CHECK(!r.error);
      const bool fails = std::find(must_fail.begin(), must_fail.end(), r.name) != must_fail.end();
      CHECK(r.passed == !fails);
      if (r.name.rfind("changed", 0) == 0) {
        CHECK(r.mismatch == TestCaseResult::Mismatch::Differs);
        CHECK(r.expected_case == 0);
      }
      if (r.name.rfind("one left out", 0) == 0) {
        CHECK(r.mismatch == TestCaseResult::Mismatch::NotCovered);
      }
    }
  }
  fs::remove_all(dir);
  CHECK(conditional > 20);
  CHECK(value_cases > 200);
}
