// Witness replay for `pacta lint` (SPEC §9.2): every finding that comes
// with a witness is asked again with the Decider, on the bundled contracts,
// the decision cases of tests/spec, the e2e lint fixtures and contracts of the fuzz_decide
// generator, and must show what the finding says (L101: verdict conflict by its clauses; L102: the
// clause applies and does not decide). On the generated contracts the "never" findings are checked
// by brute force too: a clause said never to decide (L102) or never to apply (L104) is absent from
// the answers of every day of 2019-2022 and a few far ones, every instance, scenario and a grid of
// fact values (date facts included, which lint does not range over: a clause whose answer could
// depend on them gets no such finding).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "contract_fixture.hpp"
#include "engine/decide/instances.hpp"
#include "engine/decide/situation.hpp"
#include "engine/lint/lint.hpp"
#include "tests/fuzz/decide_generator.hpp"

using namespace pacta;

namespace {

#ifdef NDEBUG
constexpr unsigned kSeeds = 80;
#else
constexpr unsigned kSeeds = 15;
#endif

namespace gen = pacta::fuzz::generated;

bool contains(const std::vector<int>& list, int x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

// Decides the witness and checks it shows the finding; counts it.
void replay(const Contract& c, const LintFinding& f, std::size_t& replayed) {
  if (!f.witness) return;
  const LintWitness& w = *f.witness;
  INFO(code_name(f.code) << " " << f.message << " on " << w.on.to_string());
  const CompiledContract compiled(c, Scenario{w.as_agreed_on, w.without});
  SituationError serr;
  const std::optional<Situation> s = make_situation(c, w.on, w.assume, serr);
  REQUIRE(s.has_value());
  Decider decider(compiled);
  Decision got;
  DecisionError error;
  REQUIRE(decider.decide(*s, w.action, w.args, got, error));
  if (f.code == Code::L101) {
    CHECK(got.verdict == Verdict::Conflict);
    CHECK(contains(got.by, f.clause));
    CHECK(contains(got.by, f.other));
  } else if (f.code == Code::L102) {
    CHECK(witness_applies(c, w, f.clause));
    CHECK_FALSE(contains(got.by, f.clause));
  } else {
    FAIL("a witness on a finding that should have none");
  }
  ++replayed;
}

// The rule files of rules/, tests/spec/ and the e2e lint cases, found by
// their first key as `pacta lint DIR` finds them.
std::vector<std::string> fixture_files() {
  std::vector<std::string> dirs{PACTA_SOURCE_DIR "/rules", PACTA_SOURCE_DIR "/tests/spec"};
  for (const auto& e : std::filesystem::directory_iterator(PACTA_SOURCE_DIR "/tests/e2e/cases")) {
    if (e.path().filename().string().rfind("lint-", 0) == 0) dirs.push_back(e.path().string());
  }
  std::sort(dirs.begin(), dirs.end());
  Diagnostics diags;
  return find_rule_files(dirs, Limits{}, diags);
}

// The days the brute force asks about.
std::vector<Date> oracle_days() {
  std::vector<Date> days{Date::min(), *Date::parse("2030-01-01"), Date::max()};
  for (Date d = *Date::parse("2019-01-01"); d <= *Date::parse("2022-12-31"); d = *add_days(d, 1)) {
    days.push_back(d);
  }
  return days;
}

// The fact values the brute force assumes (the generated contracts' facts).
std::vector<std::vector<std::pair<int, Value>>> oracle_facts(const Contract& c) {
  std::vector<std::vector<std::pair<int, Value>>> out;
  const int flag = *c.find_fact("flag"), count = *c.find_fact("count"), tier = *c.find_fact("tier");
  const int event = *c.find_fact("event"), ends = *c.find_fact("ends");
  for (bool b : {false, true}) {
    for (int n : {0, 4, 5, 6, 11}) {  // around count's thresholds 3 and 5
      for (int t = 0; t < 3; ++t) {
        for (const char* e : {static_cast<const char*>(nullptr), "2020-07-01"}) {
          for (const char* x : {static_cast<const char*>(nullptr), "2020-05-01"}) {
            std::vector<std::pair<int, Value>> a{{flag, Value::boolean(b)},
                                                 {count, Value::number(Number(n))},
                                                 {tier, Value::member(t)}};
            if (e != nullptr) a.emplace_back(event, Value::date(*Date::parse(e)));
            if (x != nullptr) a.emplace_back(ends, Value::date(*Date::parse(x)));
            std::sort(a.begin(), a.end(),
                      [](const auto& p, const auto& q) { return p.first < q.first; });
            out.push_back(std::move(a));
          }
        }
      }
    }
  }
  return out;
}

// Whether an amendment makes a new version of the clause.
bool amended(const Contract& c, int clause) {
  return std::any_of(c.amendments.begin(), c.amendments.end(), [&](const Amendment& a) {
    const auto is = [&](const auto& p) { return p.first == clause; };
    return std::any_of(a.amend.begin(), a.amend.end(), is) ||
           std::any_of(a.reenact.begin(), a.reenact.end(), is);
  });
}

// Every clause of `claims` (L102, L104, L107 of a clause with one version)
// is absent from every answer: never deciding, and for L104 and L107 never
// set aside either (it never applies).
void brute_force(const Contract& c, const std::vector<const LintFinding*>& claims) {
  std::vector<Scenario> scenarios{Scenario{}};
  for (const Amendment& a : c.amendments) {
    if (auto d = add_days(a.signed_on, -1)) scenarios.push_back(Scenario{*d, {}});
  }
  const std::vector<Date> days = oracle_days();
  const auto facts = oracle_facts(c);
  std::vector<int> actions;  // the claimed clauses' (a clause keeps its action in the generator)
  for (const LintFinding* f : claims) {
    actions.push_back(c.clauses[static_cast<std::size_t>(f->clause)].version.pattern.action);
  }
  std::sort(actions.begin(), actions.end());
  actions.erase(std::unique(actions.begin(), actions.end()), actions.end());
  for (const Scenario& scenario : scenarios) {
    const CompiledContract compiled(c, scenario);
    Decider decider(compiled);
    Situation s;
    for (const auto& assumed : facts) {
      for (int a : actions) {
        const Pattern any{
            a, std::vector<int>(c.actions[static_cast<std::size_t>(a)].params.size(), -1)};
        for (InstanceOdometer it(c, any); !it.done(); it.next()) {
          for (Date d : days) {
            SituationError serr;
            if (!update_situation(c, s, d, assumed, serr)) continue;
            Decision got;
            DecisionError error;
            if (!decider.decide(s, a, it.args(), got, error)) continue;
            for (const LintFinding* f : claims) {
              const bool wrong = contains(got.by, f->clause) ||
                                 (f->code != Code::L102 && contains(got.overridden, f->clause));
              if (!wrong) continue;  // one CHECK per failure: millions of answers are asked
              INFO(code_name(f->code) << " " << f->message << " on " << d.to_string());
              CHECK_FALSE(wrong);
            }
          }
        }
      }
    }
  }
}

}  // namespace

TEST_CASE("every witness of the bundled contracts, spec and lint fixtures shows its finding") {
  std::size_t replayed = 0, files = 0;
  for (const std::string& path : fixture_files()) {
    INFO(path);
    Diagnostics diags;
    auto loaded = load_contract(path, Limits{}, diags);
    if (!loaded) continue;  // the fixtures of invalid input
    ++files;
    const LintResult r = lint_contract(loaded->contract);
    for (const LintFinding& f : r.findings) replay(loaded->contract, f, replayed);
  }
  CHECK(files >= 70);
  CHECK(replayed >= 12);
  WARN("replayed " << replayed << " witnesses of " << files << " files");
}

TEST_CASE("every witness on generated contracts shows its finding; never-claims hold day by day") {
  std::size_t replayed = 0, claimed = 0;
  for (unsigned seed = 1; seed <= kSeeds; ++seed) {
    fuzz::SeededBytes seeded(seed);
    const std::string yaml = gen::write_yaml(gen::make_model(seeded.in), true);
    auto loaded = fixture::load_ok(yaml);
    const Contract& c = loaded->contract();
    INFO("seed " << seed << "\n" << yaml);
    const LintResult r = lint_contract(c);
    std::vector<const LintFinding*> claims;
    for (const LintFinding& f : r.findings) {
      replay(c, f, replayed);
      // An L107 is about one version's `when`: a clause of one version then
      // never applies.
      const bool one_version = f.code == Code::L107 && !amended(c, f.clause);
      if (f.code == Code::L102 || f.code == Code::L104 || one_version) claims.push_back(&f);
    }
    claimed += claims.size();
    if (!claims.empty()) brute_force(c, claims);
  }
  WARN("replayed " << replayed << " witnesses, " << claimed << " never-claims");
  CHECK(replayed >= 10);
}
