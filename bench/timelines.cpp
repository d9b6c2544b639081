// Timelines (SPEC §6) and diffs of two scenarios (SPEC §7.2): every
// instance's timeline over a range, with one
// Timeliner per iteration (as one `pacta timeline` run), counting the change
// points (ChangePoints::of_instance, summed) and runs, so the cost per
// change point and per instance-day shows which one it grows with; and the
// same instances decided day by day, for comparison.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

#include "bench/common.hpp"
#include "bench/registry.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/time/timeline.hpp"
#include "engine/whatif/diff.hpp"

namespace pacta::bench {

namespace {

DayRange years(int first, int count) {
  if (count <= 0) return DayRange{};  // all time
  return {*Date::from_ymd(first, 1, 1), *Date::from_ymd(first + count - 1, 12, 31)};
}

// Every instance of the contract, or one in `stride` of them.
Instances some_instances(const Contract& c, std::size_t stride) {
  const Instances all = every_instance(c);
  Instances out;
  for (std::size_t i = 0; i < all.size(); i += stride) out.push_back(all[i]);
  return out;
}

std::uint64_t change_points(const CompiledContract& compiled, const Situation& s,
                            const Instances& instances, DayRange range) {
  ChangePoints cp(compiled, s, Limits{});
  std::vector<Date> out;
  ChangePointError error;
  std::uint64_t points = 0;
  for (const auto& [action, args] : instances) {
    if (cp.of_instance(action, args, range, out, error)) points += out.size();
  }
  return points;
}

void timelines(benchmark::State& state, const std::string& source, std::size_t stride,
               DayRange range) {
  const LoadedContract* loaded = contract(state, source);
  if (loaded == nullptr) return;
  const Contract& c = loaded->contract;
  const CompiledContract compiled(c, Scenario{});
  SituationError serror;
  const auto situation = make_situation(c, range.first, {}, serror);
  if (!situation) {
    state.SkipWithError("no situation");
    return;
  }
  const Instances instances = some_instances(c, stride);
  const std::uint64_t points = change_points(compiled, *situation, instances, range);
  std::optional<Timeliner> timeliner;
  std::vector<Run> runs;
  TimelineFailure failure;
  std::size_t run_count = 0;
  for (auto _ : state) {
    run_count = 0;
    timeliner.emplace(compiled, *situation, Limits{});
    for (const auto& [action, args] : instances) {
      if (!timeliner->timeline(action, args, range, runs, failure)) {
        state.SkipWithError("a timeline failed");
        return;
      }
      run_count += runs.size();
    }
  }
  const double days = static_cast<double>(range.last.serial() - range.first.serial() + 1);
  using C = benchmark::Counter;
  state.counters["instances"] = static_cast<double>(instances.size());
  state.counters["points"] = static_cast<double>(points);
  state.counters["runs"] = static_cast<double>(run_count);
  state.counters["per_point"] =
      C(static_cast<double>(points), C::kIsIterationInvariantRate | C::kInvert);
  state.counters["per_inst_day"] =
      C(days * static_cast<double>(instances.size()), C::kIsIterationInvariantRate | C::kInvert);
}

// The same instances decided on every day of the range.
void day_by_day(benchmark::State& state, const std::string& source, std::size_t stride,
                DayRange range) {
  const LoadedContract* loaded = contract(state, source);
  if (loaded == nullptr) return;
  const Contract& c = loaded->contract;
  const CompiledContract compiled(c, Scenario{});
  SituationError serror;
  auto s = make_situation(c, range.first, {}, serror);
  if (!s) {
    state.SkipWithError("no situation");
    return;
  }
  const Instances instances = some_instances(c, stride);
  Decider decider(compiled);
  Decision d;
  DecisionError error;
  std::size_t checksum = 0;
  for (auto _ : state) {
    for (std::int64_t day = range.first.serial(); day <= range.last.serial(); ++day) {
      s->on = *Date::from_serial(day);
      evaluate_conditions(c, *s);
      for (const auto& [action, args] : instances) {
        decider.decide(*s, action, args, d, error);
        checksum += d.by.size();
      }
    }
    benchmark::DoNotOptimize(checksum);
  }
  state.counters["instances"] = static_cast<double>(instances.size());
}

// `pacta diff` without its printing: every instance's timeline over all
// time in two scenarios, and the runs on which they differ
// (engine/whatif/diff.hpp). `agreed`: the base as agreed on that day (the
// other has every amendment); else the other leaves out the first
// amendment in amendment order.
void diff_scenarios(benchmark::State& state, const std::string& source,
                    std::optional<Date> agreed) {
  const LoadedContract* loaded = contract(state, source);
  if (loaded == nullptr) return;
  const Contract& c = loaded->contract;
  Scenario base, other;
  base.as_agreed_on = agreed;
  if (!agreed && !c.amendments.empty()) other.without = {0};
  const CompiledContract cb(c, base), co(c, other);
  SituationError serror;
  const auto situation = make_situation(c, Date::min(), {}, serror);
  if (!situation) {
    state.SkipWithError("no situation");
    return;
  }
  const Instances instances = every_instance(c);
  // As `diff --by`: the deciding clauses count too (one contract: by index).
  const DiffRule rule{true,
                      [](const std::vector<int>& x, const std::vector<int>& y) { return x == y; }};
  std::vector<Run> rb, ro;
  TimelineFailure failure;
  std::size_t changed = 0, runs = 0;
  for (auto _ : state) {
    changed = runs = 0;
    Timeliner tb(cb, *situation, Limits{}), to(co, *situation, Limits{});
    for (const auto& [action, args] : instances) {
      if (!tb.timeline(action, args, DayRange{}, rb, failure) ||
          !to.timeline(action, args, DayRange{}, ro, failure)) {
        state.SkipWithError("a timeline failed");
        return;
      }
      const std::size_t n = diff_runs(rb, ro, rule).size();
      runs += n;
      changed += n > 0 ? 1 : 0;
    }
  }
  state.counters["instances"] = static_cast<double>(instances.size());
  state.counters["changed"] = static_cast<double>(changed);
  state.counters["diff_runs"] = static_cast<double>(runs);
}

void add(const std::string& name, const std::string& source, std::size_t stride, DayRange range,
         bool days) {
  auto* b = benchmark::RegisterBenchmark(name.c_str(),
                                         [source, stride, range, days](benchmark::State& st) {
                                           if (days) {
                                             day_by_day(st, source, stride, range);
                                           } else {
                                             timelines(st, source, stride, range);
                                           }
                                         });
  b->Unit(benchmark::kMillisecond);
}

}  // namespace

void register_timelines() {
  const std::string ms = root_file("rules/microsoft-openai.yaml");
  add("timeline/microsoft-openai/all-time", ms, 1, years(0, 0), false);
  for (const int n : {1, 10, 100}) {
    add(fmt::format("timeline/microsoft-openai/{}-years", n), ms, 1,
        years(n == 100 ? 1970 : 2020, n), false);
  }
  add("timeline-day-by-day/microsoft-openai/10-years", ms, 1, years(2020, 10), true);
  const std::string gen = "generated:10000";
  add("timeline/generated-10000/10-years", gen, 1, years(2020, 10), false);
  // One instance in 200 (100 of them), over 1, 10 and 100 years and all time.
  for (const int n : {1, 10, 100, 0}) {
    add(n ? fmt::format("timeline/generated-10000-100-instances/{}-years", n)
          : std::string("timeline/generated-10000-100-instances/all-time"),
        gen, 200, years(n == 100 ? 1970 : 2020, n), false);
  }
  add("timeline-day-by-day/generated-10000-100-instances/10-years", gen, 200, years(2020, 10),
      true);
  benchmark::RegisterBenchmark(
      "diff/microsoft-openai/restructuring-all-time",
      [ms](benchmark::State& st) { diff_scenarios(st, ms, Date::from_ymd(2025, 10, 27)); })
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark(
      "diff/generated-10000/without-one-amendment-all-time",
      [gen](benchmark::State& st) { diff_scenarios(st, gen, std::nullopt); })
      ->Unit(benchmark::kMillisecond);
}

}  // namespace pacta::bench
