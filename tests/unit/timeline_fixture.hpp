#pragma once
// Shared by the timeline tests (test_timeline_oracle.cpp,
// test_timeline_edges.cpp): every instance of a contract, and a Checker
// that compares timelines with the days decided one by one
// (tests/fuzz/timeline_oracle.hpp).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/instances.hpp"
#include "engine/decide/situation.hpp"
#include "engine/time/timeline.hpp"
#include "tests/fuzz/timeline_oracle.hpp"

namespace pacta::timeline_fixture {

inline const DayRange kAllTime{Date::min(), Date::max()};

inline std::vector<std::pair<int, std::vector<int>>> all_instances(const Contract& c) {
  std::vector<std::pair<int, std::vector<int>>> out;
  for (std::size_t a = 0; a < c.actions.size(); ++a) {
    const Pattern any{static_cast<int>(a), std::vector<int>(c.actions[a].params.size(), -1)};
    auto list = instances(c, any, 100'000);
    REQUIRE(list.has_value());
    for (auto& args : *list) out.emplace_back(static_cast<int>(a), std::move(args));
  }
  return out;
}

inline std::string instance_text(const Contract& c, int action, const std::vector<int>& args) {
  std::string s = c.actions[action].name + "(";
  for (std::size_t i = 0; i < args.size(); ++i) s += (i ? "," : "") + std::to_string(args[i]);
  return s + ")";
}

// The runs of `whole` that meet `range`, clipped to it.
inline oracle::Answer clip(const oracle::Answer& whole, DayRange range) {
  oracle::Answer out = whole;
  out.runs.clear();
  for (const Run& r : whole.runs) {
    if (r.through < range.first || r.from > range.last) continue;
    Run c = r;
    c.from = std::max(c.from, range.first);
    c.through = std::min(c.through, range.last);
    out.runs.push_back(c);
  }
  return out;
}

// What one timeline must satisfy against the days: equal over `window`
// (decided day by day), and over all time: clipped to the window it is the
// window's timeline, its runs tile all time, and on the first and last day
// of every run (and the day before each run) deciding agrees with it.
struct Checker {
  const CompiledContract& compiled;
  const Situation& situation;
  // A Timeliner per instance (`fresh`): the step budget
  // (Limits::max_decision_steps) is the work of one timeline, so a costly
  // instance does not leave the next one without budget.
  std::optional<Timeliner> timeliner;
  Decider decider;
  std::uint64_t compared_days = 0;
  std::uint64_t refusals = 0;

  Checker(const CompiledContract& c, const Situation& s) : compiled(c), situation(s), decider(c) {}

  Timeliner& fresh() {
    timeliner.emplace(compiled, situation, Limits{});
    return *timeliner;
  }

  bool decides(Date on, int action, const std::vector<int>& args, Decision& d) {
    Situation s = situation;
    s.on = on;
    evaluate_conditions(compiled.contract(), s);
    DecisionError error;
    return decider.decide(s, action, args, d, error);
  }

  void check_window(int action, const std::vector<int>& args, DayRange window,
                    const std::string& context) {
    const oracle::Answer days = oracle::decide_every_day(compiled, situation, action, args, window);
    const oracle::Answer got = oracle::timeline_of(fresh(), action, args, window);
    compared_days += static_cast<std::uint64_t>(window.last.serial() - window.first.serial() + 1);
    INFO(context << " over " << window.first.to_string() << ".." << window.last.to_string());
    INFO(oracle::disagreement(days, got));
    CHECK(oracle::disagreement(days, got).empty());
  }

  void check_all_time(int action, const std::vector<int>& args, DayRange window,
                      const std::string& context) {
    const oracle::Answer whole = oracle::timeline_of(fresh(), action, args, kAllTime);
    if (oracle::refused(whole)) {
      ++refusals;  // allowed (SPEC §6: refuse rather than guess), counted
      return;
    }
    INFO(context << " over all time:\n" << oracle::describe(whole));
    if (!whole.ok) return;  // the failing day is checked where days are decided
    REQUIRE(!whole.runs.empty());
    CHECK(whole.runs.front().from == Date::min());
    CHECK(whole.runs.back().through == Date::max());
    for (std::size_t i = 1; i < whole.runs.size(); ++i) {
      CHECK(whole.runs[i].from.serial() == whole.runs[i - 1].through.serial() + 1);
      CHECK_FALSE(oracle::same_decision(whole.runs[i].decision, whole.runs[i - 1].decision));
    }
    const oracle::Answer in_window = oracle::timeline_of(fresh(), action, args, window);
    if (in_window.ok) CHECK(oracle::disagreement(clip(whole, window), in_window).empty());
    Decision d;
    for (const Run& r : whole.runs) {
      for (Date on : {r.from, r.through}) {
        INFO("deciding " << on.to_string());
        if (decides(on, action, args, d)) CHECK(oracle::same_decision(d, r.decision));
      }
    }
  }
};

}  // namespace pacta::timeline_fixture
