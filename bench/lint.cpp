// `pacta lint` (SPEC §9.2): the whole analysis of one contract per
// iteration (every scenario, fact cell, instance and change point), on the
// bundled contracts and the generated ones of 1,000 and 10,000 clauses;
// the counters give the work (Limits::max_lint_steps' steps) and findings.
#include "engine/lint/lint.hpp"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <string>

#include "bench/common.hpp"
#include "bench/registry.hpp"

namespace pacta::bench {

namespace {

void lint(benchmark::State& state, const std::string& source) {
  const LoadedContract* loaded = contract(state, source);
  if (loaded == nullptr) return;
  LintResult r;
  for (auto _ : state) {
    r = lint_contract(loaded->contract);
    benchmark::DoNotOptimize(r.findings.data());
  }
  using C = benchmark::Counter;
  state.counters["steps"] = C(static_cast<double>(r.steps));
  state.counters["findings"] = C(static_cast<double>(r.findings.size()));
  state.counters["clauses"] = C(static_cast<double>(loaded->contract.clauses.size()));
}

}  // namespace

void register_lint() {
  for (const char* name : {"microsoft-openai", "distribution", "saas-subscription"}) {
    const std::string path = root_file(fmt::format("rules/{}.yaml", name));
    benchmark::RegisterBenchmark(fmt::format("lint/{}", name).c_str(), [path](
                                                                           benchmark::State& st) {
      lint(st, path);
    })->Unit(benchmark::kMillisecond);
  }
  for (const int n : {1000, 10000}) {
    const std::string source = fmt::format("generated:{}", n);
    benchmark::RegisterBenchmark(fmt::format("lint/generated-{}", n).c_str(),
                                 [source](benchmark::State& st) { lint(st, source); })
        ->Unit(benchmark::kMillisecond);
  }
}

}  // namespace pacta::bench
