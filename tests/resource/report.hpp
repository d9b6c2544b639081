#pragma once
// The resource test's judgement and its table: what a run must do, how the
// growth from 1x to 4x is compared, and how both are printed.
#include <cstddef>
#include <string>
#include <vector>

#include "tests/resource/bounded_run.hpp"
#include "tests/resource/generators.hpp"

namespace pacta::resource {

// 4x/1x of memory, CPU time or output may be at most this: linear growth
// gives 4 (less with a fixed start-up cost), quadratic 16.
constexpr double kMaxRatio = 6.0;

// The bounds and noise floors of one build.
struct Mode {
  const char* name = "release";  // printed in the header
  bool sanitized = false;
  std::size_t divisor = 1;                                 // every class's N is divided by it
  std::size_t address_space_bytes = std::size_t{1} << 30;  // RLIMIT_AS of each run
  // A scaled run is killed after this much CPU time (independent of the
  // machine's load), or of wall-clock time (a run that waits, not works).
  unsigned cpu_limit_seconds = 60;
  double timeout_seconds = 300;
  double unscaled_timeout_seconds = 10;  // per run of an unscaled class
  double memory_floor_mb = 30;           // a 4x run below this: memory not compared
  double time_floor_seconds = 0.2;       // a 4x run below this: time not compared
  double output_floor_mb = 1;            // 4x output (stdout + stderr) below this: not compared
};

// One run of a class at one size.
struct Row {
  int scale = 1;
  std::size_t n = 0;
  std::size_t input_bytes = 0;
  pacta::testing::BoundedResult run;
  std::string problem;  // empty: the run itself was fine
};

// What is wrong with one run (crash, timeout, exit code, diagnostic), or "".
std::string judge_run(const ResourceClass& c, const pacta::testing::BoundedResult& r,
                      const Mode& mode, const pacta::testing::RunBounds& bounds);
// Every problem of the class: its runs' and its growth's.
std::vector<std::string> judge_growth(const ResourceClass& c, const std::vector<Row>& rows,
                                      const Mode& mode);

void print_header(const Mode& mode);
void print_row(const ResourceClass& c, const Row& row);
void print_verdict(const ResourceClass& c, const std::vector<Row>& rows,
                   const std::vector<std::string>& problems, const Mode& mode);
void print_summary(std::size_t classes, const std::vector<std::string>& failed);

}  // namespace pacta::resource
