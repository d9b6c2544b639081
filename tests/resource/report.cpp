#include "tests/resource/report.hpp"

#include <fmt/format.h>
#include <signal.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>

namespace pacta::resource {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

bool contains(const std::string& text, const char* what) {
  return text.find(what) != std::string::npos;
}

std::string exit_text(const pacta::testing::BoundedResult& r) {
  if (r.timed_out) return "kill";
  if (r.signal != 0) return fmt::format("sig{}", r.signal);
  return std::to_string(r.exit_code);
}

std::string codes_text(const std::vector<int>& codes) {
  std::string s;
  for (int code : codes) s += (s.empty() ? "" : " or ") + std::to_string(code);
  return s;
}

// 4x/1x of one measure, or nothing when the 4x figure is under the floor.
struct Growth {
  bool compared = false;
  double ratio = 0;
};

Growth growth(double at1, double at4, double floor) {
  if (at4 < floor) return {};
  return {true, at4 / std::max(at1, 1e-3)};
}

std::string growth_text(const Growth& g) {
  return g.compared ? fmt::format("{:.1f}", g.ratio) : std::string("- (under the floor)");
}

double output_mb(const Row& row) {
  return static_cast<double>(row.run.out_bytes + row.run.err_bytes) / kMiB;
}

}  // namespace

std::string judge_run(const ResourceClass& c, const pacta::testing::BoundedResult& r,
                      const Mode& mode, const pacta::testing::RunBounds& bounds) {
  if (r.timed_out)
    return fmt::format("did not end within {:.0f} s (wall clock; killed)", bounds.timeout_seconds);
  if (r.signal == SIGXCPU ||
      (r.signal == SIGKILL && bounds.cpu_seconds != 0 && r.cpu_seconds >= bounds.cpu_seconds))
    return fmt::format("used more than {} s of CPU (RLIMIT_CPU; killed)", bounds.cpu_seconds);
  if (r.signal != 0) return fmt::format("killed by signal {} ({})", r.signal, strsignal(r.signal));
  if (mode.sanitized && contains(r.err_head, "hard rss limit exhausted"))
    return "over ASan's hard_rss_limit_mb (killed)";
  if (mode.sanitized &&
      (contains(r.err_head, "Sanitizer") || contains(r.err_head, "runtime error:")))
    return "sanitizer report on stderr";
  if (std::find(c.exit_codes.begin(), c.exit_codes.end(), r.exit_code) == c.exit_codes.end())
    return fmt::format("exit {}, expected {}", r.exit_code, codes_text(c.exit_codes));
  if (r.exit_code == 2 && !contains(r.err_head, "[E"))
    return "exit 2 without a diagnostic code on stderr";
  if (r.exit_code == 2 && *c.diagnostic && !contains(r.err_head, c.diagnostic))
    return fmt::format("exit 2, but stderr does not contain {}", c.diagnostic);
  if (c.max_stderr_bytes != 0 && r.err_bytes > c.max_stderr_bytes)
    return fmt::format("{} bytes on stderr, more than the bound of {}", r.err_bytes,
                       c.max_stderr_bytes);
  return "";
}

std::vector<std::string> judge_growth(const ResourceClass& c, const std::vector<Row>& rows,
                                      const Mode& mode) {
  std::vector<std::string> problems;
  for (const auto& row : rows) {
    if (!row.problem.empty()) problems.push_back(fmt::format("{}x: {}", row.scale, row.problem));
  }
  if (c.base_n == 0 || rows.size() < 3 || !problems.empty()) return problems;
  const Row& a = rows.front();
  const Row& b = rows.back();
  auto check = [&](const char* what, Growth g) {
    if (g.compared && g.ratio > kMaxRatio)
      problems.push_back(
          fmt::format("{} grew {:.1f}x from 1x to 4x (at most {:.0f})", what, g.ratio, kMaxRatio));
  };
  check("peak memory", growth(a.run.peak_mb, b.run.peak_mb, mode.memory_floor_mb));
  check("CPU time", growth(a.run.cpu_seconds, b.run.cpu_seconds, mode.time_floor_seconds));
  check("output", growth(output_mb(a), output_mb(b), mode.output_floor_mb));
  return problems;
}

void print_header(const Mode& mode) {
  std::printf(
      "resource test (%s): each run under %s, killed after %u s of CPU\nor %.0f s of wall clock "
      "(%.0f s when not scaled); 4x/1x growth at most %.0f\n"
      "(not compared when the 4x run is under %.0f MB, %.1f s CPU, %.0f MB output)\n\n",
      mode.name,
      mode.address_space_bytes
          ? fmt::format("a {} MiB address-space limit", mode.address_space_bytes >> 20).c_str()
          : "ASan's hard_rss_limit_mb=3072",
      mode.cpu_limit_seconds, mode.timeout_seconds, mode.unscaled_timeout_seconds, kMaxRatio,
      mode.memory_floor_mb, mode.time_floor_seconds, mode.output_floor_mb);
  std::printf("%-21s %4s %4s %9s %8s %5s %7s %7s %8s %8s  %s\n", "class", "item", "size", "N",
              "input MB", "exit", "cpu s", "wall s", "peak MB", "out MB", "problem");
  std::fflush(stdout);
}

void print_row(const ResourceClass& c, const Row& row) {
  std::printf("%-21s %4s %3dx %9zu %8.2f %5s %7.2f %7.2f %8.1f %8.2f  %s\n", c.name, c.item,
              row.scale, row.n, static_cast<double>(row.input_bytes) / kMiB,
              exit_text(row.run).c_str(), row.run.cpu_seconds, row.run.wall_seconds,
              row.run.peak_mb, output_mb(row), row.problem.c_str());
  std::fflush(stdout);
}

void print_verdict(const ResourceClass& c, const std::vector<Row>& rows,
                   const std::vector<std::string>& problems, const Mode& mode) {
  std::string line = fmt::format("  {} {}", c.name, problems.empty() ? "PASS" : "FAIL");
  if (c.base_n != 0 && rows.size() == 3 && rows.back().problem.empty()) {
    const Row& a = rows.front();
    const Row& b = rows.back();
    line += fmt::format(
        "  4x/1x: memory {}, time {}, output {}",
        growth_text(growth(a.run.peak_mb, b.run.peak_mb, mode.memory_floor_mb)),
        growth_text(growth(a.run.cpu_seconds, b.run.cpu_seconds, mode.time_floor_seconds)),
        growth_text(growth(output_mb(a), output_mb(b), mode.output_floor_mb)));
  }
  std::printf("%s\n", line.c_str());
  for (const auto& p : problems) std::printf("    %s\n", p.c_str());
  std::fflush(stdout);
}

void print_summary(std::size_t classes, const std::vector<std::string>& failed) {
  std::printf("\n%zu classes, %zu failed", classes, failed.size());
  for (std::size_t i = 0; i < failed.size(); ++i)
    std::printf("%s%s", i == 0 ? ": " : ", ", failed[i].c_str());
  std::printf("\n");
}

}  // namespace pacta::resource
