// fuzz_rulefile: the whole rule-file loader (bytes -> UTF-8 check -> YAML
// tree -> rule-file syntax -> checked contract) on one document, every
// diagnostic rendered with its source line; and when the contract loads,
// it is compiled for a few scenarios and a bounded number of questions is
// decided on it.
//
// Properties (abort on violation):
//  - the loader returns a contract exactly when it reported no error;
//  - every diagnostic has a code, a message and a sane position;
//  - deciding either succeeds or reports an error with its location.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/instances.hpp"
#include "engine/decide/question.hpp"
#include "fuzz_common.hpp"

using namespace pacta;

namespace {

void decide_some(const Contract& c) {
  // Scenarios: every amendment, and as agreed before the first signature.
  std::vector<Scenario> scenarios{Scenario{}};
  if (!c.amendments.empty()) scenarios.push_back(Scenario{Date::min(), {}});
  const Date dates[] = {*Date::from_ymd(2000, 1, 1), *Date::from_ymd(2025, 10, 28), Date::max()};
  std::size_t budget = 256;  // decisions per input: bounded, whatever the contract
  for (const Scenario& scenario : scenarios) {
    CompiledContract compiled(c, scenario);
    Decider decider(compiled);
    for (Date on : dates) {
      SituationError serr;
      auto situation = make_situation(c, on, {}, serr);
      if (!situation) {
        PACTA_FUZZ_CHECK(serr.error != EvalEnv::Error::None, "situation error without a kind");
        describe_failure(c, serr.error, serr.at, -1, serr.named_date, "--assume");
        continue;
      }
      for (std::size_t a = 0; a < c.actions.size(); ++a) {
        Pattern any{static_cast<int>(a), std::vector<int>(c.actions[a].params.size(), -1)};
        auto all = instances(c, any, 8);
        if (!all) {  // more than 8: the first instance only, if there is one
          bool some = true;
          for (const Param& p : c.actions[a].params) some = some && domain_size(c, p.type) > 0;
          if (!some) continue;
          all.emplace(1, std::vector<int>(c.actions[a].params.size(), 0));
        }
        for (const auto& args : *all) {
          if (budget-- == 0) return;
          Decision d;
          DecisionError derr;
          if (!decider.decide(*situation, static_cast<int>(a), args, d, derr)) {
            PACTA_FUZZ_CHECK(derr.error != EvalEnv::Error::None && derr.at != nullptr,
                             "decision error without a kind or a location");
            describe_failure(c, derr.error, derr.at, derr.clause, -1, "--assume");
            continue;
          }
          PACTA_FUZZ_CHECK(d.is_default == d.by.empty(), c.actions[a].name);
        }
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Limits limits;
  limits.max_file_bytes = 1u << 20;  // larger inputs only test the size check
  Diagnostics diags;
  auto loaded =
      load_contract_text("fuzz.yaml", std::string(fuzz::as_text(data, size)), limits, diags);
  PACTA_FUZZ_CHECK(loaded.has_value() == !diags.has_errors(),
                   loaded ? "loaded despite errors" : "not loaded, but no error reported");
  fuzz::render_all(diags);
  if (loaded) decide_some(loaded->contract);
  return 0;
}
