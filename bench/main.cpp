// pacta_bench: in-process benchmarks on Google Benchmark (front end, decisions,
// timelines). Prints numbers; asserts nothing beyond the peers' checksums
// (tests are elsewhere). Usage:
//   pacta_bench [--pacta-root=DIR] [--pacta-data=DIR] [--benchmark_* flags]
// DIR defaults: the current directory, and ROOT/build/bench-data (or
// $PACTA_BENCH_DATA), which bench/prepare.sh fills. `./run.sh bench` runs it.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string_view>
#include <vector>

#include "bench/common.hpp"
#include "bench/registry.hpp"

int main(int argc, char** argv) {
  auto& paths = pacta::bench::paths();
  std::vector<char*> rest;
  std::string_view data;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("--pacta-root=")) {
      paths.root = arg.substr(13);
    } else if (arg.starts_with("--pacta-data=")) {
      data = arg.substr(13);
    } else {
      rest.push_back(argv[i]);
    }
  }
  const char* env = std::getenv("PACTA_BENCH_DATA");
  paths.data = !data.empty()    ? std::string(data)
               : env != nullptr ? std::string(env)
                                : paths.root + "/build/bench-data";
  pacta::bench::register_front_end();
  pacta::bench::register_decisions();
  pacta::bench::register_timelines();
  pacta::bench::register_plans();
  pacta::bench::register_lint();
  int count = static_cast<int>(rest.size());
  benchmark::Initialize(&count, rest.data());
  if (benchmark::ReportUnrecognizedArguments(count, rest.data())) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
