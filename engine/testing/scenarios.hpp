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
  CompiledScenario(const Contract& c, std::optional<Date> as_agreed_on)
      : compiled(c, Scenario{as_agreed_on}), decider(compiled) {}
  CompiledContract compiled;
  Decider decider;
};

struct ContractCache::Scenarios {
  std::map<std::optional<Date>, std::unique_ptr<CompiledScenario>> by_date;

  // The scenario as agreed on `as_agreed_on`, compiled at its first request.
  CompiledScenario& get(const Contract& c, std::optional<Date> as_agreed_on) {
    auto& scenario = by_date[as_agreed_on];
    if (!scenario) scenario = std::make_unique<CompiledScenario>(c, as_agreed_on);
    return *scenario;
  }
};

}  // namespace pacta
