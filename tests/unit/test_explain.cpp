// Explanations (SPEC §8) checked against the Decider, on the bundled
// contracts, the decision cases of tests/spec and contracts of the
// fuzz_decide generator, in every scenario (all amendments, as agreed on
// the day before each signature, each amendment left out), on the days
// around every amendment and bound and a few far ones, for every instance:
//  - explain_instance fails exactly where deciding fails, and its decision
//    is the Decider's;
//  - every clause about the action appears exactly once; the deciding ones
//    are the decision's `by`, the set-aside ones its `overridden`, and each
//    set-aside clause names an applying clause that overrides it;
//  - a traced `when` has the value the hot evaluator gives, and so does
//    every sub-expression the trace evaluates (re-evaluated on its own);
//    a clause whose `when` is false points at a false part of it;
//  - at every run boundary of a timeline, changes_at names at least one
//    clause whose part changed (a boundary is where the decision changes).
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "contract_fixture.hpp"
#include "engine/decide/instances.hpp"
#include "engine/explain/changes.hpp"
#include "engine/explain/explain.hpp"
#include "engine/load.hpp"
#include "engine/time/timeline.hpp"
#include "tests/fuzz/decide_generator.hpp"

using namespace pacta;

namespace {

#ifdef NDEBUG
constexpr unsigned kSeeds = 60;
#else
constexpr unsigned kSeeds = 10;
#endif

namespace gen = pacta::fuzz::generated;

std::vector<Scenario> scenarios(const Contract& c) {
  std::vector<Scenario> out{Scenario{}};
  for (std::size_t a = 0; a < c.amendments.size(); ++a) {
    out.push_back(Scenario{add_days(c.amendments[a].signed_on, -1), {}});
    out.push_back(Scenario{std::nullopt, {static_cast<int>(a)}});
  }
  return out;
}

// Days around every amendment and every constant bound, and far ones.
std::vector<Date> days(const CompiledContract& compiled) {
  std::set<Date> out{*Date::parse("2019-07-22"), *Date::parse("2024-06-01"),
                     *Date::parse("2031-01-01"), *Date::parse("9999-12-31")};
  auto around = [&](Date d) {
    if (d.is_never() || d == Date::min()) return;
    for (int k = -1; k <= 1; ++k) {
      if (auto x = add_days(d, k)) out.insert(*x);
    }
  };
  for (const auto& v : compiled.versions()) {
    around(v.start);
    around(v.end);
  }
  for (const auto& b : compiled.constant_bounds()) {
    around(b.from);
    around(b.until);
  }
  return {out.begin(), out.end()};
}

// Every sub-expression the trace evaluated has the value the hot
// evaluator gives it alone (a named condition: its situation's value).
void check_trace(const TracedExpr& t, const EvalEnv& env, std::size_t& checked) {
  if (t.ok && t.expr->op != TypedExpr::Op::Condition) {
    EvalEnv local = env;
    const Value v = evaluate(*t.expr, local);
    CHECK(local.error == EvalEnv::Error::None);
    CHECK(v == t.value);
    ++checked;
  }
  if (t.expr->op == TypedExpr::Op::Condition) return;  // its definition: another environment
  for (const TracedExpr& o : t.operands) check_trace(o, env, checked);
}

struct Counts {
  std::size_t explained = 0, clauses = 0, traced = 0, boundaries = 0;
};

void check_one(const CompiledContract& compiled, const Situation& s, const ActionClauses& about,
               const std::vector<int>& args, Counts& n) {
  const int action = about.action;
  const Contract& c = compiled.contract();
  Decider decider(compiled), other(compiled);
  Decision d;
  DecisionError e1, e2;
  const bool decided = decider.decide(s, action, args, d, e1);
  InstanceExplanation x;
  REQUIRE(explain_instance(compiled, s, other, about, args, x, e2) == decided);
  if (!decided) return;
  ++n.explained;
  REQUIRE(x.decision == d);
  std::vector<int> seen, by, overridden;
  for (const ClauseExplanation& k : x.clauses) {
    seen.push_back(k.clause);
    if (k.role == ClauseRole::Deciding) by.push_back(k.clause);
    if (k.role == ClauseRole::SetAside) {
      overridden.push_back(k.clause);
      CHECK_FALSE(k.set_aside_by.empty());
    }
    if (k.when) {
      const EvalEnv env = s.env(args.data());
      EvalEnv hot = env;
      const bool value = evaluate_condition(*k.version->when, hot);
      CHECK(k.when->ok == (hot.error == EvalEnv::Error::None));
      if (k.when->ok) CHECK(k.when->value.b == value);
      check_trace(*k.when, env, n.traced);
    }
    if (k.reason == Reason::WhenFalse) {
      const TracedExpr& f = traced_at(*k.when, k.false_path);
      CHECK(f.ok);
      CHECK_FALSE(f.value.b);
    }
    if (k.role != ClauseRole::NotApplicable) CHECK(k.reason == Reason::None);
    if (k.role == ClauseRole::NotApplicable) CHECK(k.reason != Reason::None);
    ++n.clauses;
  }
  std::vector<int> unique = seen;
  std::sort(unique.begin(), unique.end());
  CHECK(std::adjacent_find(unique.begin(), unique.end()) == unique.end());
  CHECK(unique == clauses_about(c, action));
  std::sort(by.begin(), by.end());
  std::sort(overridden.begin(), overridden.end());
  CHECK(by == d.by);
  CHECK(overridden == d.overridden);
}

void check_boundaries(const CompiledContract& compiled, const Situation& s,
                      const ActionClauses& about, const std::vector<int>& args, Counts& n) {
  const int action = about.action;
  Timeliner timeliner(compiled, s, Limits{});
  std::vector<Run> runs;
  TimelineFailure failure;
  if (!timeliner.timeline(action, args, DayRange{}, runs, failure)) return;
  Decider decider(compiled);
  for (std::size_t k = 1; k < runs.size(); ++k) {
    std::vector<BoundaryChange> changes;
    DecisionError error;
    REQUIRE(changes_at(compiled, s, decider, about, args, runs[k].from, changes, error));
    INFO("boundary " << runs[k].from.to_string());
    const bool clause_changed = std::any_of(
        changes.begin(), changes.end(),
        [](const BoundaryChange& ch) { return ch.kind == BoundaryChange::Kind::Clause; });
    // A boundary where only the default's reason could change does not
    // exist: the decision changes, so some clause's part does.
    CHECK(clause_changed);
    ++n.boundaries;
  }
}

void check_contract(const Contract& c, const std::vector<std::pair<int, Value>>& assumed,
                    Counts& n) {
  for (const Scenario& sc : scenarios(c)) {
    const CompiledContract compiled(c, sc);
    for (Date on : days(compiled)) {
      SituationError serr;
      const auto s = make_situation(c, on, assumed, serr);
      if (!s) continue;
      for (std::size_t a = 0; a < c.actions.size(); ++a) {
        Pattern p{static_cast<int>(a), std::vector<int>(c.actions[a].params.size(), -1)};
        auto list = instances(c, p, 64);
        if (!list) continue;
        const ActionClauses about = action_clauses(compiled, static_cast<int>(a));
        for (const auto& args : *list) check_one(compiled, *s, about, args, n);
      }
    }
    SituationError serr;
    const auto s = make_situation(c, Date::min(), assumed, serr);
    if (!s) continue;
    for (std::size_t a = 0; a < c.actions.size(); ++a) {
      Pattern p{static_cast<int>(a), std::vector<int>(c.actions[a].params.size(), -1)};
      auto list = instances(c, p, 16);
      if (!list) continue;
      const ActionClauses about = action_clauses(compiled, static_cast<int>(a));
      for (const auto& args : *list) check_boundaries(compiled, *s, about, args, n);
    }
  }
}

}  // namespace

TEST_CASE("explanations agree with the Decider on the bundled and spec contracts") {
  Diagnostics diags;
  const auto files =
      find_rule_files({PACTA_SOURCE_DIR "/rules", PACTA_SOURCE_DIR "/tests/spec"}, Limits{}, diags);
  REQUIRE(files.size() > 10);
  Counts n;
  for (const std::string& path : files) {
    INFO(path);
    Diagnostics d;
    auto loaded = load_contract(path, Limits{}, d);
    if (!loaded) continue;
    check_contract(loaded->contract, {}, n);
  }
  CHECK(n.explained > 1000);
  CHECK(n.traced > 100);
  CHECK(n.boundaries > 50);
}

TEST_CASE("explanations agree with the Decider on generated contracts") {
  Counts n;
  for (unsigned seed = 1; seed <= kSeeds; ++seed) {
    fuzz::SeededBytes seeded(seed);
    const std::string yaml = gen::write_yaml(gen::make_model(seeded.in), true);
    auto loaded = fixture::load_ok(yaml);
    const Contract& c = loaded->contract();
    INFO("seed " << seed << "\n" << yaml);
    const gen::Question q = gen::make_question(seeded.in);
    check_contract(c, gen::assumptions(c, q), n);
  }
  CHECK(n.explained > 1000);
  CHECK(n.boundaries > 50);
}
