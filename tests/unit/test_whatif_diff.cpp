// `pacta diff` (SPEC §7.2), proved by brute force: on generated contracts,
// for pairs of scenarios (as agreed on a date, every amendment, without
// one amendment, other facts), the runs diff_runs finds are exactly the
// days on which the two sides, decided one by one, differ, with both
// decisions, and neighbouring runs never carry the same pair; a contract
// compared with itself has no difference, and matches itself entirely.
// Matching two contracts by name lists what one side lacks.
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "contract_fixture.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/compile/without.hpp"
#include "engine/decide/instances.hpp"
#include "engine/time/timeline.hpp"
#include "engine/whatif/diff.hpp"
#include "engine/whatif/match.hpp"
#include "tests/fuzz/decide_generator.hpp"
#include "timeline_fixture.hpp"

using namespace pacta;
using pacta::fixture::day;
using namespace pacta::timeline_fixture;

namespace {

namespace gen = fuzz::generated;

bool same_decision(const Decision& a, const Decision& b) {
  return a.verdict == b.verdict && a.is_default == b.is_default && a.by == b.by &&
         a.overridden == b.overridden;
}

// One side: a scenario of the contract and a situation.
struct Side {
  Side(const Contract& c, const Scenario& s, const std::vector<std::pair<int, Value>>& assumed)
      : compiled(c, s), decider(compiled) {
    SituationError e;
    situation = make_situation(c, Date::min(), assumed, e);
  }
  CompiledContract compiled;
  Decider decider;
  std::optional<Situation> situation;
};

// The decision on `d`, or nullopt when it fails.
std::optional<Decision> on_day(Side& s, int action, const std::vector<int>& args, Date d) {
  Situation at = *s.situation;
  at.on = d;
  evaluate_conditions(s.compiled.contract(), at);
  Decision out;
  DecisionError e;
  if (!s.decider.decide(at, action, args, out, e)) return std::nullopt;
  return out;
}

// Checks diff_runs against the days of `window` decided one by one.
void check_pair(const Contract& c, Side& a, Side& b, DayRange window, bool by,
                const std::string& context) {
  Timeliner ta(a.compiled, *a.situation, Limits{}), tb(b.compiled, *b.situation, Limits{});
  DiffRule rule{by, [](const std::vector<int>& x, const std::vector<int>& y) { return x == y; }};
  for (const auto& [action, args] : all_instances(c)) {
    std::vector<Run> ra, rb;
    TimelineFailure fa, fb;
    if (!ta.timeline(action, args, window, ra, fa) || !tb.timeline(action, args, window, rb, fb)) {
      continue;  // a failing day: the timeline oracle checks those
    }
    const std::vector<DiffRun> runs = diff_runs(ra, rb, rule);
    INFO(context << " " << instance_text(c, action, args));
    for (std::size_t i = 1; i < runs.size(); ++i) {
      CHECK(runs[i - 1].through < runs[i].from);
      const bool touching = runs[i - 1].through.serial() + 1 == runs[i].from.serial();
      CHECK_FALSE((touching && same_decision(runs[i - 1].base, runs[i].base) &&
                   same_decision(runs[i - 1].other, runs[i].other)));
    }
    std::size_t k = 0;
    for (Date d = window.first;; d = *Date::from_serial(d.serial() + 1)) {
      const auto x = on_day(a, action, args, d);
      const auto y = on_day(b, action, args, d);
      REQUIRE(x);
      REQUIRE(y);
      while (k < runs.size() && runs[k].through < d) ++k;
      const bool in_run = k < runs.size() && runs[k].from <= d;
      const bool differs = !rule.same(*x, *y);
      INFO("on " << d.to_string());
      REQUIRE(in_run == differs);
      if (in_run) {
        CHECK(same_decision(runs[k].base, *x));
        CHECK(same_decision(runs[k].other, *y));
      }
      if (d == window.last) break;
    }
  }
}

}  // namespace

TEST_CASE("diff runs are the days on which two scenarios differ, on generated contracts") {
  const DayRange window{day("2019-05-01"), day("2022-09-30")};
  int differing_pairs = 0;
  for (unsigned seed = 1; seed <= 40; ++seed) {
    fuzz::SeededBytes seeded(seed);
    fuzz::Bytes& in = seeded.in;
    const gen::Model model = gen::make_model(in);
    auto loaded = fixture::load_ok(gen::write_yaml(model, true));
    const Contract& c = loaded->contract();
    const gen::Question q1 = gen::make_question(in), q2 = gen::make_question(in);
    Scenario agreed;
    if (gen::kAgreed[q1.agreed]) agreed.as_agreed_on = gen::kAgreed[q1.agreed]->date();
    Scenario without;
    if (!c.amendments.empty())
      without.without = {static_cast<int>(in.pick(static_cast<unsigned>(c.amendments.size())))};
    if (find_without_conflict(c, without)) without.without.clear();
    Side all(c, Scenario{}, gen::assumptions(c, q1));
    Side as_agreed(c, agreed, gen::assumptions(c, q1));
    Side left_out(c, without, gen::assumptions(c, q1));
    Side other_facts(c, Scenario{}, gen::assumptions(c, q2));
    Side same(c, Scenario{}, gen::assumptions(c, q1));
    if (!all.situation || !as_agreed.situation || !left_out.situation || !other_facts.situation) {
      continue;
    }
    const std::string context = "seed " + std::to_string(seed);
    check_pair(c, as_agreed, all, window, false, context + " as agreed vs all");
    check_pair(c, all, left_out, window, true, context + " all vs without, by");
    check_pair(c, all, other_facts, window, false, context + " other facts");
    // The same contract and scenario on both sides: never a difference.
    Timeliner t1(all.compiled, *all.situation, Limits{}),
        t2(same.compiled, *same.situation, Limits{});
    DiffRule by{true, [](const std::vector<int>& x, const std::vector<int>& y) { return x == y; }};
    for (const auto& [action, args] : all_instances(c)) {
      std::vector<Run> r1, r2;
      TimelineFailure f;
      if (!t1.timeline(action, args, DayRange{}, r1, f)) continue;
      REQUIRE(t2.timeline(action, args, DayRange{}, r2, f));
      CHECK(diff_runs(r1, r2, by).empty());
      std::vector<Run> ra;
      if (Timeliner(as_agreed.compiled, *as_agreed.situation, Limits{})
              .timeline(action, args, DayRange{}, ra, f) &&
          !diff_runs(ra, r1, by).empty()) {
        ++differing_pairs;
      }
    }
    const Matching m = match_contracts(c, c);
    CHECK(m.only_in_base.empty());
    CHECK(m.only_in_other.empty());
    CHECK(m.actions.size() == c.actions.size());
  }
  CHECK(differing_pairs > 10);  // the property is seen on both sides
}

TEST_CASE("two contracts are matched by action, param and value names") {
  auto base = fixture::load_ok(R"(pacta: 1
contract: v1
parties: [acme, globex]
types:
  cloud: [azure, aws]
actions:
  host: {params: {provider: party, cloud: cloud}}
  audit: {params: {by: party}}
  pay: {}
clauses: []
)");
  auto other = fixture::load_ok(R"(pacta: 1
contract: v2
parties: [globex, initech, acme]
types:
  cloud: [aws, azure, gcp]
actions:
  host: {params: {cloud: cloud, provider: party}}
  audit: {params: {auditor: party}}
  terminate: {}
clauses: []
)");
  const Contract& b = base->contract();
  const Contract& o = other->contract();
  const Matching m = match_contracts(b, o);
  REQUIRE(m.actions.size() == 1);  // host; audit's params differ, pay and terminate one-sided
  const ActionMatch& host = m.actions[0];
  std::vector<int> args;
  // host(provider=globex, cloud=aws) is host(cloud=aws, provider=globex) there.
  REQUIRE(host.map_args({1, 1}, args));
  CHECK(args == std::vector<int>{0, 0});
  CHECK(host.map_args({0, 0}, args));
  CHECK(args == std::vector<int>{1, 2});
  auto text = [](const std::vector<OneSided>& list) {
    std::vector<std::string> out;
    for (const auto& x : list) out.push_back(x.action + "/" + x.param + "/" + x.value);
    return out;
  };
  CHECK(text(m.only_in_base) == std::vector<std::string>{"audit/by/", "pay//"});
  CHECK(text(m.only_in_other) == std::vector<std::string>{"host/provider/initech", "host/cloud/gcp",
                                                          "audit/auditor/", "terminate//"});
}
