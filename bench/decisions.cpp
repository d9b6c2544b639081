// Decisions per second. The main figures ask one situation per question, as
// a service does: each question's date and facts differ, so each builds its
// Situation (update_situation) and then decides one instance, over a
// pre-generated array of questions (the peers' random questions, or seeded
// random ones). The "few dates" figures are the earlier benchmark: every
// instance decided on five situations made once, which hides the work per
// situation; they are kept, labelled, for comparison with older figures.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bench/common.hpp"
#include "bench/registry.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/instances.hpp"
#include "engine/decide/question.hpp"
#include "engine/whatif/conditional.hpp"

namespace pacta::bench {

namespace {

// The peers' checksum of their 100,000 random questions (seed 42).
constexpr std::size_t kPeerAllows = 14078;
constexpr std::uint32_t kPeerFnv = 0x5619e6a9U;

struct Expected {
  std::size_t allows = 0;
  std::uint32_t fnv = 0;
};

// Decides every question once per iteration, each in its own situation.
void one_situation_per_question(benchmark::State& state, const Contract& c,
                                const std::vector<Question>& questions,
                                std::optional<Expected> expected) {
  const CompiledContract compiled(c, Scenario{});
  Decider decider(compiled);
  const auto fact = c.find_fact("agi_declared");
  std::vector<std::pair<int, Value>> assumed{{fact.value_or(0), Value::boolean(false)}};
  if (!fact) assumed.clear();
  std::vector<int> args;
  args.reserve(2);
  Situation s;
  Decision decision;
  SituationError serror;
  DecisionError derror;
  Checksum sum;
  for (auto _ : state) {
    sum = Checksum{};
    for (const Question& q : questions) {
      if (fact) assumed[0].second = Value::boolean(q.fact);
      args.resize(static_cast<std::size_t>(q.arg_count));
      for (std::size_t i = 0; i < args.size(); ++i) args[i] = q.args[i];
      if (!update_situation(c, s, *Date::from_serial(q.on), assumed, serror) ||
          !decider.decide(s, q.action, args, decision, derror)) {
        state.SkipWithError("a question could not be decided");
        return;
      }
      sum.add(decision.verdict == Verdict::Permitted || decision.verdict == Verdict::Obligatory);
    }
    benchmark::DoNotOptimize(sum.hash);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(questions.size()));
  state.SetLabel(
      fmt::format("{} questions, allows={} fnv32={:08x}", questions.size(), sum.allows, sum.hash));
  if (expected && (sum.allows != expected->allows || sum.hash != expected->fnv)) {
    state.SkipWithError(fmt::format("checksum allows={} fnv32={:08x}, expected allows={} "
                                    "fnv32={:08x}",
                                    sum.allows, sum.hash, expected->allows, expected->fnv)
                            .c_str());
  }
}

// The peers' questions on a contract; skipped with the reason when the
// inputs are missing.
void peer_questions(benchmark::State& state, const std::string& contract_file,
                    const std::string& questions_file, std::optional<Expected> expected) {
  const LoadedContract* loaded = contract(state, contract_file);
  if (loaded == nullptr) return;
  static std::map<std::string, std::vector<Question>> cache;
  auto it = cache.find(questions_file);
  if (it == cache.end()) {
    std::string error;
    auto questions = read_peer_questions(loaded->contract, questions_file, error);
    if (!questions) {
      state.SkipWithError(error.c_str());
      return;
    }
    it = cache.emplace(questions_file, std::move(*questions)).first;
  }
  one_situation_per_question(state, loaded->contract, it->second, expected);
}

void random_on(benchmark::State& state, const std::string& source) {
  const LoadedContract* loaded = contract(state, source);
  if (loaded == nullptr) return;
  static std::map<std::string, std::vector<Question>> cache;
  auto it = cache.find(source);
  if (it == cache.end()) {
    it = cache.emplace(source, random_questions(loaded->contract, 100'000, 42)).first;
  }
  one_situation_per_question(state, loaded->contract, it->second, std::nullopt);
}

// The earlier benchmark: every instance of every action decided on five
// dates whose situations are made once (no work per situation).
void few_dates(benchmark::State& state, const std::string& source) {
  const LoadedContract* loaded = contract(state, source);
  if (loaded == nullptr) return;
  const Contract& c = loaded->contract;
  const CompiledContract compiled(c, Scenario{});
  Decider decider(compiled);
  const Instances questions = every_instance(c);
  std::vector<Situation> situations;
  for (const char* day : {"2019-01-01", "2021-06-15", "2024-02-29", "2026-01-15", "2031-06-01"}) {
    SituationError error;
    situations.push_back(*make_situation(c, *Date::parse(day), {}, error));
  }
  Decision decision;
  DecisionError error;
  std::size_t checksum = 0;
  for (auto _ : state) {
    for (const auto& s : situations) {
      for (const auto& [action, args] : questions) {
        decider.decide(s, action, args, decision, error);
        checksum += static_cast<std::size_t>(decision.verdict) + decision.by.size();
      }
    }
    benchmark::DoNotOptimize(checksum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(situations.size() * questions.size()));
  state.SetLabel(fmt::format("{} instances x {} dates", questions.size(), situations.size()));
}

// The number-heavy contract: every action decided in 40 situations whose
// number facts differ (decimals of up to 4 places), made once.
void number_heavy(benchmark::State& state) {
  const LoadedContract* loaded = contract("numbers:1000");
  if (loaded == nullptr) {
    state.SkipWithError("the number contract did not load");
    return;
  }
  const Contract& c = loaded->contract;
  const CompiledContract compiled(c, Scenario{});
  Decider decider(compiled);
  std::vector<Situation> situations;
  for (int q = 0; q < 40; ++q) {
    std::vector<std::pair<int, Value>> assumed;
    Diagnostics diags;
    for (const std::string& a :
         {fmt::format("share=0.{:02}", 10 + q), fmt::format("rate={}.{:04}", q % 3, 37 * q + 1),
          fmt::format("fee={}.{}", q % 20, q % 10), fmt::format("threshold={}", 20 + q)}) {
      if (auto v = parse_assumption(c, a, "--assume", Limits{}, diags)) assumed.push_back(*v);
    }
    SituationError error;
    situations.push_back(*make_situation(c, *Date::parse("2026-01-15"), assumed, error));
  }
  Decision decision;
  DecisionError error;
  const std::vector<int> no_args;
  std::size_t checksum = 0;
  for (auto _ : state) {
    for (const auto& s : situations) {
      for (std::size_t a = 0; a < c.actions.size(); ++a) {
        decider.decide(s, static_cast<int>(a), no_args, decision, error);
        checksum += static_cast<std::size_t>(decision.verdict) + decision.by.size();
      }
    }
    benchmark::DoNotOptimize(checksum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(situations.size() * c.actions.size()));
}

// `allowed` with three unknown bool facts (SPEC §7.3), without printing:
// on each of 24 dates (a month apart, so the clauses in force change) a
// situation with no fact assumed, the unknown facts each action's clauses
// read found, and every instance decided once per combination of their
// values and merged into cases. Items: instances answered.
void conditional_allowed(benchmark::State& state, const std::string& source) {
  const LoadedContract* loaded = contract(state, source);
  if (loaded == nullptr) return;
  const Contract& c = loaded->contract;
  const CompiledContract compiled(c, Scenario{});
  Decider decider(compiled);
  std::size_t instances = 0, cases = 0;
  for (auto _ : state) {
    instances = cases = 0;
    for (int m = 0; m < 24; ++m) {
      SituationError serror;
      const auto s =
          make_situation(c, *Date::from_ymd(2021 + m / 4, 1 + (m * 5) % 12, 15), {}, serror);
      for (std::size_t a = 0; a < c.actions.size(); ++a) {
        const int action = static_cast<int>(a);
        const UnknownAnalysis analysis = analyze_unknown_facts(compiled, *s, {action}, 4096);
        const Pattern all{action, std::vector<int>(c.actions[a].params.size(), -1)};
        for (InstanceOdometer it(c, all); !it.done(); it.next()) {
          ConditionalDecision out;
          DecisionError error;
          if (analysis.problem ||
              !decide_cases(compiled, decider, *s, analysis.facts, action, it.args(), out, error)) {
            state.SkipWithError("an instance could not be answered in cases");
            return;
          }
          ++instances;
          cases += out.cases.size();
        }
      }
    }
    benchmark::DoNotOptimize(cases);
  }
  state.counters["cases/instance"] =
      static_cast<double>(cases) / static_cast<double>(std::max<std::size_t>(instances, 1));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(instances));
}

}  // namespace

void register_decisions() {
  const std::string peer_contract = data_file("msft-openai-peer.yaml");
  const Expected expected{kPeerAllows, kPeerFnv};
  benchmark::RegisterBenchmark("decide/peers-contract/peers-100k-questions",
                               [peer_contract, expected](benchmark::State& st) {
                                 peer_questions(st, peer_contract, data_file("q100000.jsonl"),
                                                expected);
                               })
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark(
      "decide/microsoft-openai/random-100k-questions",
      [](benchmark::State& st) { random_on(st, root_file("rules/microsoft-openai.yaml")); })
      ->Unit(benchmark::kMillisecond);
  for (const int k : {10, 10000}) {
    benchmark::RegisterBenchmark(
        fmt::format("decide/synthetic-{}/peers-scale-questions", k).c_str(),
        [k](benchmark::State& st) {
          peer_questions(st, data_file(fmt::format("scale/contract_{}.pacta.yaml", k)),
                         data_file(fmt::format("scale/queries_{}.jsonl", k)), std::nullopt);
        })
        ->Unit(benchmark::kMillisecond);
  }
  benchmark::RegisterBenchmark("decide-few-dates/microsoft-openai", [](benchmark::State& st) {
    few_dates(st, root_file("rules/microsoft-openai.yaml"));
  })->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("decide-few-dates/generated-10000", [](benchmark::State& st) {
    few_dates(st, "generated:10000");
  })->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("decide-few-dates/generated-numbers-1000", number_heavy)
      ->Unit(benchmark::kMicrosecond);
  for (const int k : {200, 2000}) {
    benchmark::RegisterBenchmark(
        fmt::format("conditional/allowed-3-unknown-bools/generated-{}", k).c_str(),
        [k](benchmark::State& st) { conditional_allowed(st, fmt::format("conditional:{}", k)); })
        ->Unit(benchmark::kMillisecond);
  }
}

}  // namespace pacta::bench
