// The clause index (engine/compile/clause_index.hpp) against brute force:
// a list's slice at a date holds every entry whose window contains the date,
// and decisions through the index equal those computed directly from the
// clauses of generated contracts (many clauses, pinned and free params,
// overlapping windows, constant and fact-dependent bounds).
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "contract_fixture.hpp"
#include "engine/compile/clause_index.hpp"
#include "engine/decide/situation.hpp"

namespace pacta {

namespace {

Date serial_day(std::int32_t serial) { return *Date::from_serial(serial); }

std::vector<IndexedVersion> random_windows(std::mt19937& rng, int n, int span, int longest) {
  std::uniform_int_distribution<int> start(0, span), length(0, longest);
  std::bernoulli_distribution open(0.1);
  std::vector<IndexedVersion> entries;
  for (int i = 0; i < n; ++i) {
    const int a = start(rng);
    IndexedVersion e;
    e.version = i * 3;  // ascending, not dense
    e.from = open(rng) ? Date::min() : serial_day(700000 + a);
    e.until = open(rng) ? Date::never() : serial_day(700000 + a + length(rng));
    e.exact = true;
    entries.push_back(e);
  }
  return entries;
}

}  // namespace

TEST_CASE("a list's slice holds every entry in force, ascending", "[index]") {
  std::mt19937 rng(11);
  for (int n : {0, 1, 5, 8, 9, 40, 120}) {
    for (int round = 0; round < 6; ++round) {
      const auto entries =
          random_windows(rng, n, round % 2 == 0 ? 400 : 4000, round % 2 == 0 ? 130 : 40);
      const VersionSlices list(entries);
      // Short windows slice within the bound; long ones may not.
      if (round % 2 == 1 && n <= 40) REQUIRE(list.built());
      if (!list.built()) continue;
      for (int d = -5; d < 4500; d += 7) {
        const Date on = serial_day(700000 + d);
        std::vector<int> expected, got;
        for (std::size_t i = 0; i < entries.size(); ++i) {
          if (entries[i].from <= on && on < entries[i].until)
            expected.push_back(static_cast<int>(i));
        }
        const auto near = list.near(on);
        CHECK(std::is_sorted(near.begin(), near.end()));
        for (auto i : near) {
          if (entries[i].from <= on && on < entries[i].until) got.push_back(static_cast<int>(i));
        }
        INFO("n=" << n << " day " << d);
        CHECK(got == expected);
      }
    }
  }
}

TEST_CASE("windows that all overlap are not sliced into a quadratic index", "[index]") {
  // n nested windows: slicing would hold ~n^2/2 items; the list is scanned.
  std::vector<IndexedVersion> entries;
  const int n = 2000;
  for (int i = 0; i < n; ++i) {
    entries.push_back(IndexedVersion{serial_day(700000 + i), serial_day(710000 - i), i, i});
  }
  CHECK_FALSE(VersionSlices(entries).built());
  entries.resize(20);  // 20 nested windows: 210 items, within the bound
  CHECK(VersionSlices(entries).built());
}

namespace {

struct GeneratedClause {
  bool forbid = false;
  int who = -1, cloud = -1;  // -1: free
  int from = 0, until = 0;   // day offsets from 2020-01-01
  bool dynamic = false;      // until: `until + shift` with a fact
};

// A contract of `n` clauses over `parties` parties and 4 clouds; dynamic
// bounds read the number fact `shift` (days).
std::string contract_text(const std::vector<GeneratedClause>& clauses, int parties) {
  std::string y = "pacta: 1\ncontract: g\ndefault: forbidden\nparties: [";
  for (int p = 0; p < parties; ++p) y += (p ? ", p" : "p") + std::to_string(p);
  y += "]\ntypes:\n  cloud: [c0, c1, c2, c3]\nfacts:\n  extended: {type: date}\n";
  y += "actions:\n  sell: {params: {who: party, channel: cloud}}\nclauses:\n";
  const Date base = *Date::parse("2020-01-01");
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    const auto& c = clauses[i];
    y += "  - id: k" + std::to_string(i) + "\n    " + (c.forbid ? "forbid" : "permit") + ": sell(";
    std::string args;
    if (c.who >= 0) args += "who=p" + std::to_string(c.who);
    if (c.cloud >= 0)
      args += std::string(args.empty() ? "" : ", ") + "channel=c" + std::to_string(c.cloud);
    y += args + ")\n";
    y += "    from: " + add_days(base, c.from)->to_string() + "\n";
    if (c.dynamic) {
      y += "    until: min(extended, " + add_days(base, c.until)->to_string() + ")\n";
    } else {
      y += "    until: " + add_days(base, c.until)->to_string() + "\n";
    }
  }
  return y;
}

}  // namespace

TEST_CASE("decisions through the index equal brute force on generated contracts", "[index]") {
  std::mt19937 rng(5);
  for (int round = 0; round < 8; ++round) {
    const int parties = round % 2 == 0 ? 3 : 40, n = round < 4 ? 30 : 400;
    std::uniform_int_distribution<int> day(0, 3000), len(1, 1500), party(-1, parties - 1),
        cloud(-1, 3);
    std::bernoulli_distribution coin(0.3);
    std::vector<GeneratedClause> clauses(n);
    for (auto& c : clauses) {
      c.forbid = coin(rng);
      c.who = round % 4 == 3 ? -1 : party(rng);
      c.cloud = cloud(rng);
      c.from = day(rng);
      c.until = c.from + len(rng);
      c.dynamic = coin(rng);
    }
    auto loaded = fixture::load_ok(contract_text(clauses, parties));
    const Contract& c = loaded->contract();
    const CompiledContract compiled(c, Scenario{});
    Decider decider(compiled);
    Situation s;
    const Date base = *Date::parse("2020-01-01");
    for (int q = 0; q < 3000; ++q) {
      const int extended = day(rng);
      const int on = day(rng) - 50;
      std::vector<std::pair<int, Value>> assumed;
      if (coin(rng)) assumed.emplace_back(0, Value::date(*add_days(base, extended)));
      SituationError serr;
      REQUIRE(update_situation(c, s, *add_days(base, on), assumed, serr));
      const std::vector<int> args{std::uniform_int_distribution<int>(0, parties - 1)(rng),
                                  std::uniform_int_distribution<int>(0, 3)(rng)};
      bool forbid = false, permit = false;
      for (const auto& g : clauses) {
        const int until = g.dynamic && !assumed.empty() ? std::min(extended, g.until) : g.until;
        if ((g.who >= 0 && g.who != args[0]) || (g.cloud >= 0 && g.cloud != args[1])) continue;
        if (on < g.from || on >= until) continue;
        (g.forbid ? forbid : permit) = true;
      }
      const Verdict expected =
          forbid ? Verdict::Forbidden : (permit ? Verdict::Permitted : Verdict::Forbidden);
      Decision d;
      DecisionError error;
      REQUIRE(decider.decide(s, 0, args, d, error));
      INFO("round " << round << " question " << q);
      CHECK(d.verdict == expected);
      CHECK(d.is_default == (!forbid && !permit));
    }
  }
}

}  // namespace pacta
