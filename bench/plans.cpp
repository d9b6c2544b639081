// Plans (SPEC §9.1): bench/prepare.sh writes a plan of 1,000 steps on the
// bundled contract (random instances and spans, a quarter with an unknown
// fact); each iteration checks it whole with run_plan_file, as `pacta plan`
// does: the plan file read, the contract loaded once per run (ContractCache)
// and every step's timeline made over its span.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "bench/common.hpp"
#include "bench/registry.hpp"
#include "engine/testing/plan_runner.hpp"

namespace pacta::bench {

namespace {

void check_plan(benchmark::State& state, const std::string& path, bool obligations) {
  if (!std::filesystem::exists(path)) {
    state.SkipWithError(("missing " + path + ": run bench/prepare.sh").c_str());
    return;
  }
  std::size_t steps = 0, held = 0, owed = 0;
  for (auto _ : state) {
    Diagnostics diags;
    const PlanFileResult result = run_plan_file(path, Limits{}, diags, PlanOptions{obligations});
    if (!result.loaded) {
      state.SkipWithError("the plan did not load");
      return;
    }
    steps = result.steps.size();
    held = 0;
    for (const PlanStepResult& s : result.steps) held += s.passed ? 1 : 0;
    owed = result.obligations.size();
    benchmark::DoNotOptimize(held);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(steps));
  state.SetLabel(std::to_string(steps) + " steps, " + std::to_string(held) + " held, " +
                 std::to_string(owed) + " obligations not performed");
}

}  // namespace

void register_plans() {
  const std::string plan = data_file("plan-1000.plan.yaml");
  benchmark::RegisterBenchmark("plan/microsoft-openai/1000-steps", [plan](benchmark::State& st) {
    check_plan(st, plan, false);
  })->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("plan/microsoft-openai/1000-steps-obligations",
                               [plan](benchmark::State& st) { check_plan(st, plan, true); })
      ->Unit(benchmark::kMillisecond);
}

}  // namespace pacta::bench
