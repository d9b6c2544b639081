// pacta benchmarks: load time by contract size, and decisions per second.
// Prints numbers; asserts nothing (tests are elsewhere). Usage:
//   pacta_bench [REPO_ROOT]
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench/generate.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/instances.hpp"
#include "engine/decide/question.hpp"
#include "engine/load.hpp"

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
  return 0;
}
