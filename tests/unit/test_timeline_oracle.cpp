// Proof by brute force (SPEC §6): every timeline equals the runs of deciding
// every day of its range, for every instance of the bundled contracts (in
// the situations their test files assume, and as agreed on dates between
// their amendments), for a few hundred generated contracts (the fuzz_decide
// generator), and for the edge cases of the calendar: month ends, leap
// days, `never`, the first and last representable days, retroactive
// amendments. The change points themselves are checked to contain every
// day on which a decision or a condition really changes.
//
// Unoptimised builds (Debug, ASan) decide 10-20x slower: they run a fifth
// of the generated contracts and fewer situations (kScale).
#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "contract_fixture.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/instances.hpp"
#include "engine/testing/test_runner.hpp"
#include "engine/time/timeline.hpp"
#include "tests/fuzz/decide_generator.hpp"
#include "tests/fuzz/timeline_oracle.hpp"
#include "timeline_fixture.hpp"

using namespace pacta;
using pacta::fixture::day;
using namespace pacta::timeline_fixture;

namespace {

#ifdef NDEBUG
constexpr int kScale = 5;
#else
constexpr int kScale = 1;
#endif

const DayRange kWindow{*Date::parse("2015-01-01"), *Date::parse("2040-12-31")};

// ---------------------------------------------------------------- bundled contracts

std::vector<std::string> bundled_contracts() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(PACTA_SOURCE_DIR "/rules")) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() == ".yaml" && name.find(".test.") == std::string::npos &&
        name.find(".plan.") == std::string::npos) {
      out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// No assumptions, then every distinct `assume` of the contract's test file.
std::vector<std::vector<std::pair<int, Value>>> assumption_sets(const std::string& rule_file,
                                                                std::size_t limit) {
  std::vector<std::vector<std::pair<int, Value>>> sets{{}};
  std::string test_file = rule_file;
  test_file.replace(test_file.size() - 5, 5, ".test.yaml");
  if (!std::filesystem::exists(test_file)) return sets;
  Diagnostics diags;
  const TestFileResult result = run_test_file(test_file, Limits{}, diags);
  for (const TestCaseResult& c : result.cases) {
    if (sets.size() >= limit) break;
    if (std::find(sets.begin(), sets.end(), c.assume) == sets.end()) sets.push_back(c.assume);
  }
  return sets;
}

// Every amendment's signature and the day before it: the scenarios between
// amendments (and before the first).
std::vector<std::optional<Date>> agreed_dates(const Contract& c) {
  std::vector<std::optional<Date>> out{std::nullopt};
  for (const Amendment& a : c.amendments) {
    out.push_back(a.signed_on);
    if (auto before = add_days(a.signed_on, -1)) out.push_back(*before);
  }
  return out;
}

}  // namespace

TEST_CASE("the timeline of every instance of every bundled contract is its days, decided") {
  for (const std::string& path : bundled_contracts()) {
    Diagnostics diags;
    auto loaded = load_contract(path, Limits{}, diags);
    INFO(path << "\n" << fixture::describe(diags));
    REQUIRE(loaded.has_value());
    const Contract& c = loaded->contract;
    const auto instances_of_c = all_instances(c);
    for (const auto& agreed : agreed_dates(c)) {
      Scenario scenario;
      scenario.as_agreed_on = agreed;
      const CompiledContract compiled(c, scenario);
      for (const auto& assumed : assumption_sets(path, kScale == 5 ? 12 : 3)) {
        SituationError serr;
        auto situation = make_situation(c, kWindow.first, assumed, serr);
        if (!situation) continue;
        Checker check(compiled, *situation);
        for (const auto& [action, args] : instances_of_c) {
          const std::string context = path + " " + instance_text(c, action, args) +
                                      " as agreed on " + (agreed ? agreed->to_string() : "(all)") +
                                      ", " + std::to_string(assumed.size()) + " facts assumed";
          check.check_window(action, args, kWindow, context);
          check.check_all_time(action, args, kWindow, context);
        }
        CHECK(check.refusals == 0);
      }
    }
  }
}

// ---------------------------------------------------------------- generated contracts

namespace {

namespace gen = pacta::fuzz::generated;

// The days where generated contracts change: their named dates, amendment
// dates and events lie in 2019-2022, near 0001-01-01 and in 9999.
const DayRange kGeneratedWindows[] = {
    {*Date::parse("0001-01-01"), *Date::parse("0001-03-31")},
    {*Date::parse("2018-12-01"), *Date::parse("2022-12-31")},
    {*Date::parse("9998-12-01"), *Date::parse("9999-12-31")},
};

void check_generated(unsigned seed) {
  fuzz::SeededBytes seeded(seed);
  fuzz::Bytes& in = seeded.in;
  const gen::Model model = gen::make_model(in);
  const std::string yaml = gen::write_yaml(model, true);
  INFO("seed " << seed << "\n" << yaml);
  auto loaded = fixture::load_ok(yaml);
  const Contract& c = loaded->contract();
  const auto list = all_instances(c);
  for (int k = 0; k < 2; ++k) {
    const gen::Question q = gen::make_question(in);
    Scenario scenario;
    if (gen::kAgreed[q.agreed]) scenario.as_agreed_on = gen::kAgreed[q.agreed]->date();
    const CompiledContract compiled(c, scenario);
    SituationError serr;
    auto situation = make_situation(c, Date::min(), gen::assumptions(c, q), serr);
    if (!situation) continue;
    Checker check(compiled, *situation);
    for (const auto& [action, args] : list) {
      const std::string context = instance_text(c, action, args) + " facts: flag " +
                                  std::to_string(q.flag) + " count " + std::to_string(q.count) +
                                  " tier " + std::to_string(q.tier) + " event " +
                                  std::to_string(q.event) + " ends " + std::to_string(q.ends) +
                                  " agreed " + std::to_string(q.agreed);
      for (const DayRange& w : kGeneratedWindows) check.check_window(action, args, w, context);
      check.check_all_time(action, args, kGeneratedWindows[1], context);
    }
  }
}

}  // namespace

TEST_CASE("the timelines of generated contracts are their days, decided") {
  for (unsigned seed = 1; seed <= 60u * kScale; ++seed) check_generated(seed);
}
