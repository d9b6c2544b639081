#pragma once
// The compiled scenarios of one contract in a ContractCache: one per
// `as_agreed_on`, shared by every case and timeline that asks it. Internal
// to engine/testing.
#include <map>
#include <memory>
#include <optional>

#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/testing/test_runner.hpp"

namespace pacta {

// One scenario compiled, and the Decider that serves every case asking it:
// its bounds stay computed while the cases' facts stay the same.
struct CompiledScenario {
  CompiledScenario(const Contract& c, const Scenario& scenario)
      : compiled(c, scenario), decider(compiled) {}
  CompiledContract compiled;
  Decider decider;
};

struct ContractCache::Scenarios {
  std::map<std::pair<std::optional<Date>, std::vector<int>>, std::unique_ptr<CompiledScenario>>
      by_scenario;

  // The scenario (as agreed on a date, without some amendments), compiled
  // at its first request.
  CompiledScenario& get(const Contract& c, const Scenario& wanted) {
    auto& scenario = by_scenario[{wanted.as_agreed_on, wanted.without}];
    if (!scenario) scenario = std::make_unique<CompiledScenario>(c, wanted);
    return *scenario;
  }
};

}  // namespace pacta
