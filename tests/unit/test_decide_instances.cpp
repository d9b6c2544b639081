// The enumeration of action instances (engine/decide/instances.hpp): every
// instance of a question's pattern, in order, up to a limit; domain sizes;
// counting them without enumerating; and the Decider's steps and their
// up-front bound (Limits::max_decision_steps).
#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "decide_fixture.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/instances.hpp"
#include "engine/decide/situation.hpp"

using namespace pacta;
using namespace pacta::fixture;
using namespace pacta::decide_fixture;

namespace {

using Instances = std::vector<std::vector<int>>;

// Every instance of a pattern written as in `pacta ask`; fails the test when
// the limit is exceeded.
Instances all_instances(const Contract& c, std::string_view pattern, std::size_t limit = 1000) {
  Diagnostics diags;
  auto p = parse_question_pattern(c, pattern, Limits{}, diags);
  INFO(describe(diags));
  REQUIRE(p.has_value());
  auto out = instances(c, *p, limit);
  REQUIRE(out.has_value());
  return *out;
}

bool over_limit(const Contract& c, std::string_view pattern, std::size_t limit) {
  Diagnostics diags;
  auto p = parse_question_pattern(c, pattern, Limits{}, diags);
  INFO(describe(diags));
  REQUIRE(p.has_value());
  return !instances(c, *p, limit).has_value();
}

}  // namespace

// ---------------------------------------------------------------------------
// instances()

TEST_CASE("instances: params in order, values in declaration order", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  CHECK(all_instances(c, "host") ==
        Instances{{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}});
}

TEST_CASE("instances: bool false before true", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  CHECK(all_instances(c, "toggle") == Instances{{0}, {1}});
  CHECK(all_instances(c, "mixed(who=globex)") ==
        Instances{{1, 0, 0}, {1, 0, 1}, {1, 0, 2}, {1, 1, 0}, {1, 1, 1}, {1, 1, 2}});
}

TEST_CASE("instances: partial patterns keep the bound params", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  CHECK(all_instances(c, "host(cloud=aws)") == Instances{{0, 1}, {1, 1}, {2, 1}});
  CHECK(all_instances(c, "host(oracle, _)") == Instances{{2, 0}, {2, 1}, {2, 2}});
  CHECK(all_instances(c, "host(provider=_, cloud=_)").size() == 9);
  CHECK(all_instances(c, "mixed(where=oracle, who=acme)") == Instances{{0, 0, 2}, {0, 1, 2}});
  CHECK(all_instances(c, "mixed(acme, true, oracle)") == Instances{{0, 1, 2}});
  CHECK(all_instances(c, "act") == Instances{{}});
}

TEST_CASE("instances: more than the limit gives nullopt", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  // 3 parties x 2 bools x 3 clouds = 18.
  Instances exact = all_instances(c, "mixed", 18);
  CHECK(exact.size() == 18);
  CHECK(exact.front() == std::vector<int>{0, 0, 0});
  CHECK(exact.back() == std::vector<int>{2, 1, 2});
  CHECK(over_limit(c, "mixed", 17));
  CHECK(over_limit(c, "mixed", 1));
  CHECK_FALSE(over_limit(c, "mixed(flag=true, where=aws)", 3));
  CHECK(over_limit(c, "mixed(flag=true, where=aws)", 2));
  CHECK_FALSE(over_limit(c, "act", 1));
  CHECK(over_limit(c, "act", 0));
}

TEST_CASE("domain_size: bool is 2, a domain its value count", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  CHECK(domain_size(c, Type::boolean()) == 2);
  CHECK(domain_size(c, Type::value(0)) == 3);
  CHECK(domain_size(c, Type::value(*c.find_domain("cloud"))) == 3);
}

// ---------------------------------------------------------------------------
// InstanceOdometer, instance_count

namespace {

Pattern question(const Contract& c, std::string_view text) {
  Diagnostics diags;
  auto p = parse_question_pattern(c, text, Limits{}, diags);
  INFO(describe(diags));
  REQUIRE(p.has_value());
  return *p;
}

}  // namespace

TEST_CASE("odometer: the instances of instances(), one at a time", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  for (const char* text : {"host", "mixed", "mixed(who=globex)", "host(oracle, _)", "act",
                           "mixed(acme, true, oracle)"}) {
    INFO(text);
    const Pattern p = question(c, text);
    Instances walked;
    for (InstanceOdometer it(c, p); !it.done(); it.next()) walked.push_back(it.args());
    CHECK(walked == all_instances(c, text));
    CHECK(instance_count(c, p) == walked.size());
  }
}

TEST_CASE("instance_count: with a party, with a clause's pattern", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  const int acme = 0;
  for (const char* text : {"host", "mixed", "mixed(who=globex)", "mixed(who=acme)", "act"}) {
    for (const char* also : {"host", "host(cloud=aws)", "host(acme)", "host(globex, azure)",
                             "mixed", "mixed(where=aws)", "mixed(globex)", "act"}) {
      INFO(text << " also " << also);
      const Pattern p = question(c, text);
      const Pattern q = question(c, also);
      if (p.action != q.action) continue;
      std::uint64_t matching = 0, involving = 0;
      for (const auto& args : all_instances(c, text)) {
        bool matches = true;
        for (std::size_t i = 0; i < args.size(); ++i) {
          matches = matches && (q.arg_values[i] < 0 || q.arg_values[i] == args[i]);
        }
        if (!matches) continue;
        ++matching;
        if (involves(c, p.action, args, acme)) ++involving;
      }
      CHECK(instance_count(c, p, std::nullopt, &q) == matching);
      CHECK(instance_count(c, p, acme, &q) == involving);
    }
  }
}

TEST_CASE("instance_count: saturates instead of overflowing", "[decide][instances]") {
  std::string yaml = "pacta: 1\ncontract: t\nparties: [a]\ntypes:\n  t: [";
  for (int i = 0; i < 1000; ++i) yaml += (i ? ", v" : "v") + std::to_string(i);
  yaml += "]\nactions:\n  wide: {params: {";
  for (int i = 0; i < 8; ++i) yaml += (i ? ", p" : "p") + std::to_string(i) + ": t";
  yaml += "}}\nclauses: []\n";
  auto l = fixture::load_ok(yaml);
  const Contract& c = l->contract();
  CHECK(instance_count(c, question(c, "wide")) == kManyInstances);  // 1000^8 = 10^24
  CHECK_FALSE(instances(c, question(c, "wide"), 1'000'000).has_value());
}

// ---------------------------------------------------------------------------
// Decider::steps, Decider::steps_bound

TEST_CASE("steps_bound: an upper bound of the steps counted while deciding",
          "[decide][instances][steps]") {
  auto l = contract(R"(facts:
  rate: {type: number, default: 2}
clauses:
  - id: a
    forbid: host(provider=acme)
    when: rate > 1 and (cloud == aws or cloud == oracle)
  - id: b
    permit: host
    when: rate * rate + 1 > 4 or provider in [globex, oracle]
    overrides: [a]
  - id: c
    oblige: host(cloud=azure)
  - id: d
    permit: mixed
    when: flag and not (where == aws)
  - id: e
    forbid: mixed(who=globex)
    from: 2026-01-01
)");
  const Contract& c = l->contract();
  CompiledContract compiled(c, Scenario{});
  SituationError serr;
  for (const char* on : {"2025-01-01", "2026-06-01"}) {
    auto situation = make_situation(c, fixture::day(on), {}, serr);
    REQUIRE(situation.has_value());
    for (const char* text : {"host", "host(acme)", "mixed", "mixed(who=globex)", "act"}) {
      for (std::optional<int> party : {std::optional<int>{}, std::optional<int>{0}}) {
        INFO(text << " on " << on << (party ? " --party acme" : ""));
        const Pattern p = question(c, text);
        Decider decider(compiled);
        const std::uint64_t bound = decider.steps_bound(situation->on, p, party);
        std::uint64_t decided = 0;
        for (const auto& args : all_instances(c, text)) {
          if (party && !involves(c, p.action, args, *party)) continue;
          Decision d;
          DecisionError error;
          REQUIRE(decider.decide(*situation, p.action, args, d, error));
          ++decided;
        }
        CHECK(decider.steps() <= bound);
        CHECK(decider.steps() >= decided);  // at least one step per decision
      }
    }
  }
}

TEST_CASE("steps: grow with the clauses and the conditions looked at",
          "[decide][instances][steps]") {
  auto few = contract("clauses:\n  - id: a\n    permit: host\n");
  auto more = contract(R"(clauses:
  - id: a
    permit: host
    when: cloud == aws or cloud == oracle or provider == acme
  - id: b
    forbid: host(oracle)
)");
  auto steps = [](const fixture::Loaded& l) {
    const Contract& c = l.contract();
    CompiledContract compiled(c, Scenario{});
    SituationError serr;
    auto situation = make_situation(c, fixture::day("2025-01-01"), {}, serr);
    Decider decider(compiled);
    for (const auto& args : all_instances(c, "host")) {
      Decision d;
      DecisionError error;
      decider.decide(*situation, *c.find_action("host"), args, d, error);
    }
    return decider.steps();
  };
  CHECK(steps(*few) < steps(*more));
}
