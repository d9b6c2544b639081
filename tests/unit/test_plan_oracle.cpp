// Proof by brute force (SPEC §9.1): a plan step holds exactly when its
// instance is allowed on every day of its span, decided day by day, in
// every case of the facts it leaves unknown; its first failing day is the
// first such day, and its failing runs are the maximal runs of days with
// one decision that is not allowed. Plans are written as files and checked
// by run_plan_file, on contracts of the fuzz_decide generator; the oracle
// is the Decider, asked about each day on its own.
#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "contract_fixture.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/instances.hpp"
#include "engine/decide/situation.hpp"
#include "engine/testing/plan_runner.hpp"
#include "temp_dir.hpp"
#include "tests/fuzz/decide_generator.hpp"
#include "timeline_fixture.hpp"

using namespace pacta;

namespace {

#ifdef NDEBUG
constexpr unsigned kSeeds = 120;
#else
constexpr unsigned kSeeds = 25;
#endif

namespace gen = pacta::fuzz::generated;

// One step as written: its instance, span and the facts it assumes; the
// facts it leaves out (`tier` has no default) or names in `unknown`
// (`flag`) take every value.
struct StepSpec {
  int action = 0;
  std::vector<int> args;
  Date from, through;
  bool one_day = false, until = false;
  std::optional<bool> flag;  // nullopt: unknown
  std::optional<int> tier;   // nullopt: unknown (no default)
  int count = 5;
};

std::string value_name(const Contract& c, int action, std::size_t param, int value) {
  const Type& t = c.actions[static_cast<std::size_t>(action)].params[param].type;
  if (t.kind == Type::Kind::Bool) return value != 0 ? "true" : "false";
  return c.domains[static_cast<std::size_t>(t.domain)].values[static_cast<std::size_t>(value)];
}

std::string plan_yaml(const Contract& c, const std::vector<StepSpec>& steps) {
  std::string y = "pacta-plan: 1\ncontract: rules.yaml\nsteps:\n";
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const StepSpec& s = steps[i];
    const ActionDecl& a = c.actions[static_cast<std::size_t>(s.action)];
    std::string instance = a.name;
    if (!a.params.empty()) {
      instance += "(";
      for (std::size_t p = 0; p < a.params.size(); ++p) {
        instance += (p > 0 ? ", " : "") + value_name(c, s.action, p, s.args[p]);
      }
      instance += ")";
    }
    y += "  - name: step " + std::to_string(i) + "\n    do: " + instance + "\n";
    if (s.one_day) {
      y += "    on: " + s.from.to_string() + "\n";
    } else {
      y += "    from: " + s.from.to_string() + "\n";
      y += s.until ? "    until: " + add_days(s.through, 1)->to_string() + "\n"
                   : "    through: " + s.through.to_string() + "\n";
    }
    y += "    assume: {count: " + std::to_string(s.count);
    if (s.flag) y += std::string(", flag: ") + (*s.flag ? "true" : "false");
    if (s.tier) {
      const Type& t = c.facts[static_cast<std::size_t>(*c.find_fact("tier"))].type;
      y += ", tier: " + c.domains[static_cast<std::size_t>(t.domain)].values[*s.tier];
    }
    y += "}\n";
    if (!s.flag) y += "    unknown: [flag]\n";
  }
  return y;
}

// What deciding every day says of a step.
struct Expected {
  bool failed = false;  // some day could not be decided
  bool holds = true;
  std::optional<Date> first_failing;
  std::vector<FoundRun> failing;  // without unknown facts only
};

bool allowed(Verdict v) { return v == Verdict::Permitted || v == Verdict::Obligatory; }

Expected decide_days(const Contract& c, const StepSpec& s) {
  Expected out;
  const CompiledContract compiled(c, Scenario{});
  Decider decider(compiled);
  std::vector<std::optional<bool>> flags{s.flag};
  if (!s.flag) flags = {false, true};
  std::vector<std::optional<int>> tiers{s.tier};
  if (!s.tier) tiers = {0, 1, 2};
  const bool split = flags.size() * tiers.size() > 1;
  for (const auto& flag : flags) {
    for (const auto& tier : tiers) {
      std::vector<std::pair<int, Value>> assumed{
          {*c.find_fact("count"), Value::number(Number(s.count))},
          {*c.find_fact("flag"), Value::boolean(*flag)},
          {*c.find_fact("tier"), Value::member(*tier)}};
      std::sort(assumed.begin(), assumed.end(),
                [](const auto& x, const auto& y) { return x.first < y.first; });
      for (Date d = s.from; d <= s.through; d = *add_days(d, 1)) {
        SituationError serr;
        auto situation = make_situation(c, d, assumed, serr);
        Decision decision;
        DecisionError derr;
        if (!situation || !decider.decide(*situation, s.action, s.args, decision, derr)) {
          out.failed = true;
          return out;
        }
        if (allowed(decision.verdict)) continue;
        out.holds = false;
        if (!out.first_failing || d < *out.first_failing) out.first_failing = d;
        if (split) continue;
        FoundRun run{d,
                     d,
                     decision.verdict,
                     decision.is_default,
                     c.clauses.ids(decision.by),
                     c.clauses.ids(decision.overridden)};
        FoundRun* last = out.failing.empty() ? nullptr : &out.failing.back();
        if (last != nullptr && *add_days(last->through, 1) == d && last->verdict == run.verdict &&
            last->is_default == run.is_default && last->by == run.by &&
            last->overridden == run.overridden) {
          last->through = d;
        } else {
          out.failing.push_back(std::move(run));
        }
      }
    }
  }
  return out;
}

StepSpec random_step(const Contract& c, std::mt19937& prng) {
  StepSpec s;
  s.action = static_cast<int>(prng() % c.actions.size());
  const Pattern any{
      s.action, std::vector<int>(c.actions[static_cast<std::size_t>(s.action)].params.size(), -1)};
  auto list = instances(c, any, 1000);
  REQUIRE(list.has_value());
  s.args = (*list)[prng() % list->size()];
  // The generated contracts change in 2019-2022.
  s.from = *add_days(*Date::parse("2018-12-01"), static_cast<std::int64_t>(prng() % 1500));
  s.one_day = prng() % 5 == 0;
  s.through = s.one_day ? s.from : *add_days(s.from, static_cast<std::int64_t>(prng() % 400));
  s.until = !s.one_day && prng() % 2 == 0;
  if (prng() % 3 != 0) s.flag = prng() % 2 == 0;
  if (prng() % 3 != 0) s.tier = static_cast<int>(prng() % 3);
  s.count = static_cast<int>(prng() % 9);
  return s;
}

}  // namespace

TEST_CASE("a plan step holds exactly when every day of its span is allowed, in every case") {
  std::uint64_t checked = 0, held = 0, failed = 0;
  for (unsigned seed = 1; seed <= kSeeds; ++seed) {
    fuzz::SeededBytes seeded(seed);
    const std::string yaml = gen::write_yaml(gen::make_model(seeded.in), true);
    auto loaded = fixture::load_ok(yaml);
    const Contract& c = loaded->contract();
    std::mt19937 prng(seed);
    std::vector<StepSpec> steps;
    for (int k = 0; k < 4; ++k) steps.push_back(random_step(c, prng));
    const testing::TempDir dir("pacta_plan_oracle");
    dir.file("rules.yaml", yaml);
    const std::string plan = plan_yaml(c, steps);
    const std::string path = dir.file("demo.plan.yaml", plan);
    INFO("seed " << seed << "\n" << yaml << "\n" << plan);
    Diagnostics diags;
    const PlanFileResult result = run_plan_file(path, Limits{}, diags, PlanOptions{});
    INFO(fixture::describe(diags));
    if (!result.loaded) {
      // An unknown fact the contract cannot split on (E613) is the only
      // refusal a generated plan may meet.
      REQUIRE(diags.error_count() > 0);
      CHECK(!fixture::with_code(diags, Code::E613).empty());
      continue;
    }
    REQUIRE(result.steps.size() == steps.size());
    for (std::size_t i = 0; i < steps.size(); ++i) {
      INFO("step " << i);
      const PlanStepResult& got = result.steps[i];
      const Expected want = decide_days(c, steps[i]);
      CHECK(got.from == steps[i].from);
      CHECK(got.through == steps[i].through);
      if (want.failed) {  // a day's decision fails: the step cannot be checked
        CHECK(got.error.has_value());
        CHECK_FALSE(got.passed);
        continue;
      }
      REQUIRE_FALSE(got.error.has_value());
      ++checked;
      CHECK(got.passed == want.holds);
      CHECK(got.first_failing == want.first_failing);
      (want.holds ? held : failed) += 1;
      if (!steps[i].flag || !steps[i].tier) continue;
      REQUIRE(got.failing.size() == want.failing.size());
      for (std::size_t k = 0; k < want.failing.size(); ++k) {
        const FoundRun& g = got.failing[k].run;
        const FoundRun& w = want.failing[k];
        CHECK(g.from == w.from);
        CHECK(g.through == w.through);
        CHECK(g.verdict == w.verdict);
        CHECK(g.is_default == w.is_default);
        CHECK(g.by == w.by);
        CHECK(g.overridden == w.overridden);
      }
    }
  }
  // The generator must exercise both outcomes, or the property proves little.
  CHECK(checked > kSeeds);
  CHECK(held > 0);
  CHECK(failed > 0);
}
