#pragma once
// What the benchmarks share: where their inputs are (bench/prepare.sh writes
// them into build/bench-data), contracts loaded once per process, and
// questions converted to a compact array before any timing starts.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/load.hpp"

namespace benchmark {
class State;
}  // namespace benchmark

namespace pacta::bench {

// Set by main() from --pacta-root=DIR (default ".") and --pacta-data=DIR
// (default ROOT/build/bench-data, or $PACTA_BENCH_DATA).
struct Paths {
  std::string root = ".";
  std::string data;
};
Paths& paths();
std::string data_file(const std::string& name);  // data/name
std::string root_file(const std::string& name);  // root/name

// A contract loaded once per process (file path, or "generated:N" and
// "numbers:N" for bench/generate.hpp's contracts); nullptr after printing
// why it did not load.
const LoadedContract* contract(const std::string& source);
// The same for a benchmark: when it did not load, the benchmark is skipped
// with the reason ("cannot load SOURCE").
const LoadedContract* contract(benchmark::State& state, const std::string& source);

// One question: an action instance, a date and the value of one bool fact.
struct Question {
  std::int32_t action = 0;
  std::int32_t args[2] = {0, 0};
  std::int32_t arg_count = 0;
  std::int32_t on = 0;  // Date serial
  bool fact = false;
};

// The peers' questions (JSON Lines of gen-queries.mjs or
// gen-cedar-scale.mjs: party, action, target, date, agi_declared) as
// questions on `c`; nullopt (and `error` set) when a line does not fit.
std::optional<std::vector<Question>> read_peer_questions(const Contract& c, const std::string& path,
                                                         std::string& error);

// `n` seeded random questions on `c`: a random instance of a random action,
// a date in 2018..2035 and a random value of `fact` (deterministic).
std::vector<Question> random_questions(const Contract& c, std::size_t n, std::uint32_t seed);

// Every instance of every action of `c`, action by action.
using Instances = std::vector<std::pair<int, std::vector<int>>>;
Instances every_instance(const Contract& c);

// The peers' checksum: FNV-1a over '1' (permitted or obligatory) or '0'.
struct Checksum {
  std::uint32_t hash = 0x811c9dc5U;
  std::size_t allows = 0;
  void add(bool allow) {
    allows += allow ? 1 : 0;
    hash = (hash ^ (allow ? 0x31U : 0x30U)) * 0x01000193U;
  }
};

}  // namespace pacta::bench
