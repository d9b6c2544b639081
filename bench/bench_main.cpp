// pacta benchmarks: load time by contract size, decisions per second, and
// timelines (their cost against change points and days).
// Prints numbers; asserts nothing (tests are elsewhere). Usage:
//   pacta_bench [REPO_ROOT]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "bench/generate.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/instances.hpp"
#include "engine/decide/question.hpp"
#include "engine/load.hpp"
#include "engine/time/timeline.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::optional<pacta::LoadedContract> load(const std::string& name, std::string text) {
  pacta::Diagnostics diags;
  auto loaded = pacta::load_contract_text(name, std::move(text), pacta::Limits{}, diags);
  if (!loaded) {
    std::fprintf(stderr, "%s did not load (%zu errors)\n", name.c_str(), diags.error_count());
  }
  return loaded;
}

// Decides every instance of every action on a spread of dates, repeatedly,
// for at least `min_seconds`.
void decisions_per_second(const std::string& label, const pacta::Contract& c, double min_seconds) {
  pacta::CompiledContract compiled(c, pacta::Scenario{});
  pacta::Decider decider(compiled);
  std::vector<std::pair<int, std::vector<int>>> questions;
  for (std::size_t a = 0; a < c.actions.size(); ++a) {
    pacta::Pattern all{static_cast<int>(a), std::vector<int>(c.actions[a].params.size(), -1)};
    auto list = pacta::instances(c, all, 1'000'000);
    for (auto& args : *list) {
      questions.emplace_back(static_cast<int>(a), std::move(args));
    }
  }
  std::vector<pacta::Situation> situations;
  for (const char* day : {"2019-01-01", "2021-06-15", "2024-02-29", "2026-01-15", "2031-06-01"}) {
    pacta::SituationError error;
    situations.push_back(*pacta::make_situation(c, *pacta::Date::parse(day), {}, error));
  }
  pacta::Decision decision;
  pacta::DecisionError error;
  std::size_t count = 0;
  std::size_t checksum = 0;
  auto start = Clock::now();
  do {
    for (const auto& s : situations) {
      for (const auto& [action, args] : questions) {
        decider.decide(s, action, args, decision, error);
        checksum += static_cast<std::size_t>(decision.verdict) + decision.by.size();
        ++count;
      }
    }
  } while (seconds_since(start) < min_seconds);
  double elapsed = seconds_since(start);
  fmt::print("{:<44} {:>12.0f} decisions/s  ({} decisions, {} instances x {} dates, checksum {})\n",
             label, static_cast<double>(count) / elapsed, count, questions.size(),
             situations.size(), checksum);
}

// The number-heavy contract: every action decided for 40 questions whose
// number facts differ (decimals with up to 4 places), repeatedly.
void number_decisions_per_second(const pacta::Contract& c, double min_seconds) {
  pacta::CompiledContract compiled(c, pacta::Scenario{});
  pacta::Decider decider(compiled);
  std::vector<pacta::Situation> situations;
  for (int q = 0; q < 40; ++q) {
    std::vector<std::pair<int, pacta::Value>> assumed;
    pacta::Diagnostics diags;
    for (const std::string& a :
         {fmt::format("share=0.{:02}", 10 + q), fmt::format("rate={}.{:04}", q % 3, 37 * q + 1),
          fmt::format("fee={}.{}", q % 20, q % 10), fmt::format("threshold={}", 20 + q)}) {
      auto v = pacta::parse_assumption(c, a, "--assume", pacta::Limits{}, diags);
      if (v) assumed.push_back(*v);
    }
    pacta::SituationError error;
    situations.push_back(
        *pacta::make_situation(c, *pacta::Date::parse("2026-01-15"), assumed, error));
  }
  pacta::Decision decision;
  pacta::DecisionError error;
  std::size_t count = 0, checksum = 0;
  const std::vector<int> no_args;
  auto start = Clock::now();
  do {
    for (const auto& s : situations) {
      for (std::size_t a = 0; a < c.actions.size(); ++a) {
        decider.decide(s, static_cast<int>(a), no_args, decision, error);
        checksum += static_cast<std::size_t>(decision.verdict) + decision.by.size();
        ++count;
      }
    }
  } while (seconds_since(start) < min_seconds);
  double elapsed = seconds_since(start);
  fmt::print(
      "{:<44} {:>12.0f} decisions/s  ({} decisions, {} actions x {} questions, checksum {})\n",
      "generated numbers, 1,000 clauses", static_cast<double>(count) / elapsed, count,
      c.actions.size(), situations.size(), checksum);
}

using Instances = std::vector<std::pair<int, std::vector<int>>>;

Instances every_instance(const pacta::Contract& c) {
  Instances out;
  for (std::size_t a = 0; a < c.actions.size(); ++a) {
    pacta::Pattern all{static_cast<int>(a), std::vector<int>(c.actions[a].params.size(), -1)};
    auto list = pacta::instances(c, all, 1'000'000);
    for (auto& args : *list) out.emplace_back(static_cast<int>(a), std::move(args));
  }
  return out;
}

pacta::DayRange years(int first, int count) {
  if (count <= 0) return pacta::DayRange{};  // all time
  return {*pacta::Date::from_ymd(first, 1, 1), *pacta::Date::from_ymd(first + count - 1, 12, 31)};
}

// The timelines of `instances` over `range`, repeated for `min_seconds`:
// per pass the change points (ChangePoints::of_instance, summed), the runs
// and the time; the cost per change point and per day shows which one it
// grows with.
void timelines(const std::string& label, const pacta::Contract& c, const Instances& instances,
               pacta::DayRange range, double min_seconds) {
  pacta::CompiledContract compiled(c, pacta::Scenario{});
  pacta::SituationError serror;
  const auto situation = pacta::make_situation(c, range.first, {}, serror);
  if (!situation) return;
  std::uint64_t points = 0;
  {
    pacta::ChangePoints cp(compiled, *situation, pacta::Limits{});
    std::vector<pacta::Date> out;
    pacta::ChangePointError error;
    for (const auto& [action, args] : instances) {
      if (cp.of_instance(action, args, range, out, error)) points += out.size();
    }
  }
  std::optional<pacta::Timeliner> timeliner;
  std::vector<pacta::Run> runs;
  pacta::TimelineFailure failure;
  std::size_t passes = 0, run_count = 0, failures = 0;
  auto start = Clock::now();
  do {
    run_count = failures = 0;
    // One Timeliner per pass, as one `pacta timeline` run: its step budget
    // (Limits::max_decision_steps) covers one pass.
    timeliner.emplace(compiled, *situation, pacta::Limits{});
    for (const auto& [action, args] : instances) {
      if (timeliner->timeline(action, args, range, runs, failure))
        run_count += runs.size();
      else
        ++failures;
    }
    ++passes;
  } while (seconds_since(start) < min_seconds);
  const double per_pass = seconds_since(start) / static_cast<double>(passes);
  const double days = static_cast<double>(range.last.serial() - range.first.serial() + 1);
  fmt::print(
      "{:<34} {:>9} days {:>6} inst {:>8} points {:>7} runs {:>10.3f} ms  {:>8.1f} ns/point  "
      "{:>9.3f} ns/inst-day{}\n",
      label, static_cast<std::uint64_t>(days), instances.size(), points, run_count, per_pass * 1e3,
      per_pass * 1e9 / static_cast<double>(std::max<std::uint64_t>(points, 1)),
      per_pass * 1e9 / (days * static_cast<double>(instances.size())),
      failures ? fmt::format("  ({} failed)", failures) : std::string());
}

// The same timelines made the slow way, for comparison: every day decided.
void days_decided(const std::string& label, const pacta::Contract& c, const Instances& instances,
                  pacta::DayRange range) {
  pacta::CompiledContract compiled(c, pacta::Scenario{});
  pacta::SituationError serror;
  auto s = pacta::make_situation(c, range.first, {}, serror);
  if (!s) return;
  pacta::Decider decider(compiled);
  pacta::Decision d;
  pacta::DecisionError error;
  std::size_t checksum = 0;
  auto start = Clock::now();
  for (std::int64_t day = range.first.serial(); day <= range.last.serial(); ++day) {
    s->on = *pacta::Date::from_serial(day);
    pacta::evaluate_conditions(c, *s);
    for (const auto& [action, args] : instances) {
      decider.decide(*s, action, args, d, error);
      checksum += d.by.size();
    }
  }
  const double elapsed = seconds_since(start);
  fmt::print("{:<34} {:>9} days {:>6} inst {:>10.3f} ms decided day by day (checksum {})\n", label,
             range.last.serial() - range.first.serial() + 1, instances.size(), elapsed * 1e3,
             checksum);
}

}  // namespace

int main(int argc, char** argv) {
  std::string root = argc > 1 ? argv[1] : ".";
  fmt::print("== load time (generated contracts: parse YAML, parse expressions, check)\n");
  for (int n : {1000, 10000, 100000}) {
    std::string text = pacta::bench::generate_contract(n);
    auto start = Clock::now();
    auto loaded = load(fmt::format("generated-{}", n), text);
    double elapsed = seconds_since(start);
    if (!loaded) return 1;
    fmt::print("{:>7} clauses  {:>6.1f} MiB  {:>8.3f} s  {:>8.1f} us/clause\n", n,
               static_cast<double>(text.size()) / (1024.0 * 1024.0), elapsed, elapsed * 1e6 / n);
  }
  fmt::print("\n== decisions\n");
  std::string path = root + "/rules/microsoft-openai.yaml";
  pacta::Diagnostics diags;
  auto ms = pacta::load_contract(path, pacta::Limits{}, diags);
  if (!ms) {
    std::fprintf(stderr, "cannot load %s\n", path.c_str());
    return 1;
  }
  decisions_per_second("microsoft-openai", ms->contract, 2.0);
  auto generated = load("generated-10000", pacta::bench::generate_contract(10000));
  if (!generated) return 1;
  decisions_per_second("generated, 10,000 clauses", generated->contract, 2.0);
  auto numbers = load("generated-numbers", pacta::bench::generate_number_contract(1000));
  if (!numbers) return 1;
  number_decisions_per_second(numbers->contract, 2.0);

  fmt::print("\n== timelines (every instance; cost per change point and per instance-day)\n");
  const Instances ms_all = every_instance(ms->contract);
  timelines("microsoft-openai, all time", ms->contract, ms_all, years(0, 0), 2.0);
  for (int n : {1, 10, 100}) {
    timelines(fmt::format("microsoft-openai, {} years", n), ms->contract, ms_all,
              years(n == 100 ? 1970 : 2020, n), 1.0);
  }
  days_decided("microsoft-openai, 10 years", ms->contract, ms_all, years(2020, 10));
  const Instances gen_all = every_instance(generated->contract);
  timelines("generated 10,000, 10 years", generated->contract, gen_all, years(2020, 10), 2.0);
  // One instance in 200 (100 of them), over 1, 10 and 100 years and all time.
  Instances gen_some;
  for (std::size_t i = 0; i < gen_all.size(); i += 200) gen_some.push_back(gen_all[i]);
  for (int n : {1, 10, 100, 0}) {
    timelines(n ? fmt::format("generated 10,000 (100 inst), {} y", n)
                : std::string("generated 10,000 (100 inst), all"),
              generated->contract, gen_some, years(n == 100 ? 1970 : 2020, n), 1.0);
  }
  days_decided("generated 10,000 (100 inst), 10 y", generated->contract, gen_some, years(2020, 10));
  return 0;
}
