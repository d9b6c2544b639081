// The front end by contract size: load (read the bytes, YAML, file syntax,
// expressions, names and types: what `pacta check` does) and compile (the
// CompiledContract of the default scenario, what every question needs
// first). Contracts: bench/generate.hpp's (1,000 to 100,000 clauses) and the
// peers' synthetic ones (bench/prepare.sh: 10,000 and 100,000 clauses).
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <string>

#include "bench/common.hpp"
#include "bench/generate.hpp"
#include "bench/registry.hpp"
#include "engine/compile/compiled_contract.hpp"

namespace pacta::bench {

namespace {

void load_text(benchmark::State& state, const std::string& name, const std::string& text) {
  std::size_t clauses = 0;
  for (auto _ : state) {
    Diagnostics diags;
    auto loaded = load_contract_text(name, text, Limits{}, diags);
    if (!loaded) {
      state.SkipWithError(fmt::format("{} did not load", name).c_str());
      return;
    }
    clauses = loaded->contract.clauses.size();
    benchmark::DoNotOptimize(loaded);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
  state.counters["clauses"] = static_cast<double>(clauses);
  state.counters["per_clause"] = benchmark::Counter(
      static_cast<double>(clauses),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void load_generated(benchmark::State& state) {
  const auto n = static_cast<int>(state.range(0));
  load_text(state, fmt::format("generated-{}", n), generate_contract(n));
}

void load_file(benchmark::State& state, const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    state.SkipWithError(fmt::format("cannot read {} (run bench/prepare.sh)", path).c_str());
    return;
  }
  std::stringstream text;
  text << in.rdbuf();
  load_text(state, path, text.str());
}

void compile(benchmark::State& state, const std::string& source) {
  const LoadedContract* loaded = contract(state, source);
  if (loaded == nullptr) return;
  for (auto _ : state) {
    const CompiledContract compiled(loaded->contract, Scenario{});
    benchmark::DoNotOptimize(compiled.versions().data());
  }
  state.counters["clauses"] = static_cast<double>(loaded->contract.clauses.size());
}

}  // namespace

void register_front_end() {
  benchmark::RegisterBenchmark("load/generated", load_generated)
      ->Arg(1000)
      ->Arg(10000)
      ->Arg(100000)
      ->Unit(benchmark::kMillisecond);
  for (const int k : {10000, 100000}) {
    const std::string file = data_file(fmt::format("scale/contract_{}.pacta.yaml", k));
    benchmark::RegisterBenchmark(fmt::format("load/synthetic-{}", k).c_str(),
                                 [file](benchmark::State& st) { load_file(st, file); })
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(fmt::format("compile/synthetic-{}", k).c_str(),
                                 [file](benchmark::State& st) { compile(st, file); })
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RegisterBenchmark("compile/generated-10000", [](benchmark::State& st) {
    compile(st, "generated:10000");
  })->Unit(benchmark::kMillisecond);
}

}  // namespace pacta::bench
