#pragma once
// The contracts a batch asks about (docs/cli.md, "Batch questions"): each
// (contract path, as_agreed_on) compiled once and shared by every thread,
// at most Limits::max_batch_scenarios of them kept (least recently used
// dropped). A contract that fails to load is kept too, as its diagnostics:
// its lines are answered with the first one.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/compile/compiled_contract.hpp"
#include "engine/load.hpp"
#include "grammar/date.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/limits.hpp"

namespace pacta::cli {

// What the command line gives every line.
struct BatchSettings {
  std::optional<std::string> default_file;  // FILE
  std::vector<std::string> assume;          // --assume
  std::optional<std::string> facts;         // --facts
  std::optional<Date> as_agreed_on;         // --as-agreed-on
  std::vector<std::string> without;         // --without, ids as given
  std::vector<std::string> with;            // --with: files of amendments, for every contract
  std::optional<Date> today;                // for `"on": "today"`
  Limits limits;
};

// One rule file loaded, with the command line's facts read against it.
struct BatchContract {
  std::string path;
  std::unique_ptr<LoadedContract> loaded;  // null: it failed, `diags` say why
  Diagnostics diags;
  std::vector<std::pair<int, Value>> assumed;  // --facts, then --assume over them
  std::vector<int> without;                    // --without: sorted amendment indices
  std::vector<std::string> quoted_ids;         // per clause: its id as a JSON string

  bool ok() const { return loaded != nullptr; }
  const Contract& contract() const { return loaded->contract; }
};

struct BatchScenario {
  std::shared_ptr<const BatchContract> contract;
  std::optional<Date> as_agreed_on;
  std::unique_ptr<CompiledContract> compiled;  // null when the contract failed
};

class Portfolio {
 public:
  explicit Portfolio(const BatchSettings& settings) : settings_(settings) {}
  // The scenario, loaded and compiled at its first request. Thread-safe.
  std::shared_ptr<const BatchScenario> get(std::string_view path, std::optional<Date> as_agreed_on);

 private:
  struct Entry {
    std::shared_ptr<const BatchScenario> scenario;
    std::uint64_t used = 0;
  };
  std::shared_ptr<const BatchContract> contract_for(std::string_view path);

  const BatchSettings& settings_;
  std::mutex mutex_;
  std::vector<Entry> entries_;
  std::uint64_t clock_ = 0;
};

// The rule file at `path` loaded, its --facts and --assume read.
std::shared_ptr<const BatchContract> load_batch_contract(const std::string& path,
                                                         const BatchSettings& settings);

}  // namespace pacta::cli
