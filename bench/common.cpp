#include "bench/common.hpp"

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>

#include "bench/generate.hpp"
#include "engine/decide/instances.hpp"

namespace pacta::bench {

Paths& paths() {
  static Paths p;
  return p;
}

std::string data_file(const std::string& name) { return paths().data + "/" + name; }
std::string root_file(const std::string& name) { return paths().root + "/" + name; }

namespace {

std::optional<LoadedContract> load_source(const std::string& source, Diagnostics& diags) {
  const Limits limits;
  for (const auto& [prefix, make] :
       {std::pair{std::string("generated:"), &generate_contract},
        std::pair{std::string("numbers:"), &generate_number_contract},
        std::pair{std::string("conditional:"), &generate_conditional_contract}}) {
    if (source.starts_with(prefix)) {
      const int n = std::stoi(source.substr(prefix.size()));
      return load_contract_text(source, make(n), limits, diags);
    }
  }
  return load_contract(source, limits, diags);
}

}  // namespace

const LoadedContract* contract(benchmark::State& state, const std::string& source) {
  const LoadedContract* loaded = contract(source);
  if (loaded == nullptr) state.SkipWithError(fmt::format("cannot load {}", source).c_str());
  return loaded;
}

const LoadedContract* contract(const std::string& source) {
  static std::map<std::string, std::unique_ptr<LoadedContract>> cache;
  auto& slot = cache[source];
  if (!slot) {
    Diagnostics diags;
    auto loaded = load_source(source, diags);
    if (!loaded) {
      std::fprintf(stderr, "pacta_bench: %s did not load (%zu errors; run bench/prepare.sh)\n",
                   source.c_str(), diags.error_count());
      return nullptr;
    }
    slot = std::make_unique<LoadedContract>(std::move(*loaded));
  }
  return slot.get();
}

namespace {

// One line of the peers' questions, or an error.
std::optional<Question> peer_question(const Contract& c, const std::string& line,
                                      std::string& error) {
  const auto j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    error = "not a JSON object: " + line;
    return std::nullopt;
  }
  Question q;
  const auto action = c.find_action(j.value("action", ""));
  const auto on = Date::parse(j.value("date", ""));
  if (!action || !on) {
    error = "unknown action or bad date: " + line;
    return std::nullopt;
  }
  q.action = *action;
  q.on = on->serial();
  q.fact = j.value("agi_declared", false);
  const auto& params = c.actions[*action].params;
  const std::string values[2] = {j.value("party", ""), j.value("target", "")};
  q.arg_count = static_cast<std::int32_t>(std::min<std::size_t>(params.size(), 2));
  for (int i = 0; i < q.arg_count; ++i) {
    const auto v = c.domains[params[i].type.domain].find(values[i]);
    if (!v) {
      error = fmt::format("no value '{}' for {}: {}", values[i], params[i].name, line);
      return std::nullopt;
    }
    q.args[i] = *v;
  }
  return q;
}

}  // namespace

std::optional<std::vector<Question>> read_peer_questions(const Contract& c, const std::string& path,
                                                         std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = fmt::format("cannot read {} (run bench/prepare.sh)", path);
    return std::nullopt;
  }
  const auto fact = c.find_fact("agi_declared");
  if (!fact) {
    error = "the contract has no fact agi_declared";
    return std::nullopt;
  }
  std::vector<Question> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto q = peer_question(c, line, error);
    if (!q) return std::nullopt;
    out.push_back(*q);
  }
  return out;
}

std::vector<Question> random_questions(const Contract& c, std::size_t n, std::uint32_t seed) {
  const Instances all = every_instance(c);
  std::mt19937 rng(seed);
  const std::int32_t first = Date::from_ymd(2018, 1, 1)->serial();
  const std::int32_t last = Date::from_ymd(2035, 12, 31)->serial();
  std::uniform_int_distribution<std::size_t> pick(0, all.size() - 1);
  std::uniform_int_distribution<std::int32_t> day(first, last);
  std::vector<Question> out(n);
  for (auto& q : out) {
    const auto& [action, args] = all[pick(rng)];
    q.action = action;
    q.arg_count = static_cast<std::int32_t>(std::min<std::size_t>(args.size(), 2));
    for (int i = 0; i < q.arg_count; ++i) q.args[i] = args[i];
    q.on = day(rng);
    q.fact = (rng() & 1U) != 0;
  }
  return out;
}

Instances every_instance(const Contract& c) {
  Instances out;
  for (std::size_t a = 0; a < c.actions.size(); ++a) {
    const Pattern all{static_cast<int>(a), std::vector<int>(c.actions[a].params.size(), -1)};
    auto list = instances(c, all, 1'000'000);
    for (auto& args : *list) out.emplace_back(static_cast<int>(a), std::move(args));
  }
  return out;
}

}  // namespace pacta::bench
