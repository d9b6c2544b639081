#pragma once
// The benchmarks of each file, registered by main() once the paths of the
// inputs are known (Google Benchmark's RegisterBenchmark).
namespace pacta::bench {

void register_front_end();  // front_end.cpp: load (parse + check) and compile by size
void register_decisions();  // decisions.cpp: decisions per second
void register_timelines();  // timelines.cpp: timelines against change points and days
void register_plans();      // plans.cpp: plan files checked step by step
void register_lint();       // lint.cpp: the whole lint analysis of a contract

}  // namespace pacta::bench
