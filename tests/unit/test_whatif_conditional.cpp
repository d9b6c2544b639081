// Conditional answers (SPEC §7.3, engine/whatif/conditional.hpp): the
// cases of an instance whose answer depends on unknown facts, checked by
// hand on small contracts and by brute force on random ones: asking once
// per value of every unknown fact (numbers at each threshold, between two,
// and beyond both ends) gives the decision of the one case that covers the
// value; the cases are disjoint and cover every value; and the answer does
// not depend on the order of `and` / `or` operands.
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "contract_fixture.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/whatif/conditional.hpp"

using namespace pacta;
using pacta::fixture::day;

namespace {

using pacta::fixture::kConditionalHead;

struct Split {
  std::unique_ptr<fixture::Loaded> loaded;
  std::unique_ptr<CompiledContract> compiled;
  std::optional<Situation> situation;
  UnknownAnalysis analysis;
};

Split split(const std::string& clauses, const std::vector<std::string>& assume = {}) {
  Split s;
  s.loaded = fixture::load_ok(std::string(kConditionalHead) + clauses);
  const Contract& c = s.loaded->contract();
  s.compiled = std::make_unique<CompiledContract>(c, Scenario{std::nullopt, {}});
  SituationError e;
  s.situation = make_situation(c, day("2026-01-01"), fixture::assumptions(c, assume), e);
  REQUIRE(s.situation);
  s.analysis = analyze_unknown_facts(*s.compiled, *s.situation, {0}, 4096);
  return s;
}

std::vector<Case<Decision>> cases_of(Split& s, const std::string& instance) {
  const Contract& c = s.loaded->contract();
  const auto [action, args] = fixture::instance(c, instance);
  Decider decider(*s.compiled);
  ConditionalDecision out;
  DecisionError error;
  REQUIRE(
      decide_cases(*s.compiled, decider, *s.situation, s.analysis.facts, action, args, out, error));
  return out.cases;
}

std::string text(const Contract& c, const std::vector<Case<Decision>>& cases) {
  std::string out;
  for (const auto& k : cases) {
    std::string given;
    for (const Given& g : k.given) {
      given += c.facts[static_cast<std::size_t>(g.fact)].name + "[";
      switch (g.kind) {
        case FactCell::Kind::Bool:
          given += g.b ? "true" : "false";
          break;
        case FactCell::Kind::Member:
          for (int m : g.members) given += std::to_string(m);
          break;
        case FactCell::Kind::Point:
          given += "=" + g.lo->to_string();
          break;
        case FactCell::Kind::Interval:
          given += (g.lo ? (g.lo_inclusive ? "[" : "(") + g.lo->to_string() : "-inf") + "," +
                   (g.hi ? g.hi->to_string() + (g.hi_inclusive ? "]" : ")") : "inf");
          break;
      }
      given += "] ";
    }
    out += given + "-> " + verdict_name(k.outcome.verdict) +
           (k.outcome.is_default ? " (default)" : "") + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("an unknown bool splits the answer; a fact that changes nothing is dropped") {
  auto s = split(R"(  - id: gate
    permit: ship
    when: approved
  - id: noise
    permit: ship
    when: level == gold and not approved and approved
)");
  REQUIRE(!s.analysis.problem);
  const Contract& c = s.loaded->contract();
  CHECK(text(c, cases_of(s, "ship(acme)")) ==
        "approved[true] -> permitted\napproved[false] -> permitted (default)\n");
}

TEST_CASE("enum values with the same answer merge into one list") {
  auto s = split(R"(  - id: gold-only
    forbid: ship
    when: level != gold
)");
  const Contract& c = s.loaded->contract();
  CHECK(text(c, cases_of(s, "ship(acme)")) ==
        "level[0] -> permitted (default)\nlevel[12] -> forbidden\n");
}

TEST_CASE("numbers split at the thresholds the contract compares them with") {
  auto s = split(R"(  - id: low
    forbid: ship
    when: rate < 2 or rate >= 10
  - id: exact
    permit: ship
    when: rate == 5
)");
  REQUIRE(!s.analysis.problem);
  const Contract& c = s.loaded->contract();
  CHECK(text(c, cases_of(s, "ship(acme)")) ==
        "rate[-inf,2)] -> forbidden\n"
        "rate[[2,5)] -> permitted (default)\n"
        "rate[=5] -> permitted\n"
        "rate[(5,10)] -> permitted (default)\n"
        "rate[[10,inf] -> forbidden\n");
}

TEST_CASE("the answer does not depend on the order of `or` and `and` operands") {
  for (const char* when : {"rate > 2 or approved", "approved or rate > 2"}) {
    INFO(when);
    auto s = split(std::string("  - id: c\n    permit: ship\n    when: ") + when + "\n");
    const Contract& c = s.loaded->contract();
    CHECK(text(c, cases_of(s, "ship(acme)")) ==
          "approved[true] -> permitted\n"
          "approved[false] rate[-inf,2]] -> permitted "
          "(default)\n"
          "approved[false] rate[(2,inf] -> permitted\n");
  }
  // One of them assumed: an ordinary answer, whichever comes first.
  for (const char* when : {"rate > 2 or approved", "approved or rate > 2"}) {
    INFO(when);
    auto s = split(std::string("  - id: c\n    permit: ship\n    when: ") + when + "\n",
                   {"approved=true"});
    const Contract& c = s.loaded->contract();
    CHECK(text(c, cases_of(s, "ship(acme)")) == "-> permitted\n");
  }
}

TEST_CASE("a number fact that cannot be split exactly is a problem naming it") {
  for (const char* when : {"rate * 2 > 5", "rate > rate", "rate + 1 > 3"}) {
    INFO(when);
    auto s = split(std::string("  - id: c\n    permit: ship\n    when: ") + when + "\n");
    REQUIRE(s.analysis.problem);
    CHECK(s.analysis.problem->message.find("'rate'") != std::string::npos);
    CHECK(s.analysis.problem->help == "assume a value for it: --assume rate=VALUE");
  }
  auto fine = split("  - id: c\n    permit: ship\n    when: rate > 2 * 3 + 1\n");
  CHECK(!fine.analysis.problem);
}

TEST_CASE("too many combinations are refused, naming the widest fact") {
  auto s =
      split("  - id: c\n    permit: ship\n    when: approved and level == gold and rate > 1\n");
  const Contract& c = s.loaded->contract();
  CHECK(combinations(s.analysis.facts) == 2 * 3 * 3);
  const auto tight = analyze_unknown_facts(*s.compiled, *s.situation, {0}, 10);
  REQUIRE(tight.problem);
  CHECK(c.facts[static_cast<std::size_t>(tight.problem->fact)].name != "approved");
}

TEST_CASE("conditional answers equal asking once per value, on random contracts") {
  const std::vector<std::string> atoms = {"approved",
                                          "not approved",
                                          "level == gold",
                                          "level != bronze",
                                          "level in [gold, silver]",
                                          "rate > 2",
                                          "rate >= 5",
                                          "rate < 0",
                                          "rate == 2",
                                          "rate != 7",
                                          "rate in [1, 5]",
                                          "known",
                                          "to == acme",
                                          "rate <= 2.5"};
  const std::vector<std::string> numbers = {"-3",  "0", "0.5", "1", "1.5", "2", "2.25",
                                            "2.5", "3", "5",   "6", "7",   "8", "100"};
  int checked = 0, split_cases = 0;
  for (unsigned seed = 1; seed <= 120; ++seed) {
    std::mt19937 prng(seed);
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(prng() % n); };
    std::string clauses;
    std::string swapped;  // every `and` / `or` with its operands the other way round
    const std::size_t n = 1 + pick(4);
    for (std::size_t i = 0; i < n; ++i) {
      const std::string a = atoms[pick(atoms.size())], b = atoms[pick(atoms.size())];
      const std::string op = pick(2) == 0 ? " and " : " or ";
      const char* modality = std::array{"permit", "forbid", "oblige"}[pick(3)];
      const std::string head =
          "  - id: c" + std::to_string(i) + "\n    " + modality + ": ship\n    when: ";
      clauses += head + "(" + a + ")" + op + "(" + b + ")\n";
      swapped += head + "(" + b + ")" + op + "(" + a + ")\n";
    }
    INFO("seed " << seed << "\n" << clauses);
    auto s = split(clauses);
    auto t = split(swapped);
    REQUIRE(!s.analysis.problem);
    const Contract& c = s.loaded->contract();
    for (const char* instance : {"ship(acme)", "ship(globex)"}) {
      const auto cases = cases_of(s, instance);
      CHECK(text(c, cases) == text(t.loaded->contract(), cases_of(t, instance)));
      split_cases += cases.size() > 1 ? 1 : 0;
      const auto [action, args] = fixture::instance(c, instance);
      const CompiledContract compiled(c, Scenario{std::nullopt, {}});
      Decider decider(compiled);
      for (const char* approved : {"true", "false"}) {
        for (const char* level : {"gold", "silver", "bronze"}) {
          for (const std::string& rate : numbers) {
            const auto assumed =
                fixture::assumptions(c, {std::string("approved=") + approved,
                                         std::string("level=") + level, "rate=" + rate});
            SituationError serr;
            auto sit = make_situation(c, day("2026-01-01"), assumed, serr);
            REQUIRE(sit);
            Decision d;
            DecisionError derr;
            REQUIRE(decider.decide(*sit, action, args, d, derr));
            int covering = 0;
            for (const auto& k : cases) {
              const bool in = std::all_of(k.given.begin(), k.given.end(), [&](const Given& g) {
                return covers(g, *sit->facts[static_cast<std::size_t>(g.fact)]);
              });
              if (!in) continue;
              ++covering;
              CHECK(k.outcome == d);
            }
            INFO("approved=" << approved << " level=" << level << " rate=" << rate << "\n"
                             << text(c, cases));
            CHECK(covering == 1);
            ++checked;
          }
        }
      }
    }
  }
  CHECK(checked > 10000);
  CHECK(split_cases > 100);
}
