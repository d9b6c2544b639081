#pragma once
// Shared by the decision unit tests (tests/unit/test_decide_*.cpp): the small
// rule file every test starts from.
#include <memory>
#include <string>
#include <string_view>

#include "contract_fixture.hpp"

namespace pacta::decide_fixture {

// Parties, types and actions shared by the tests; each test appends its own
// facts, dates, clauses and amendments.
constexpr std::string_view kHeader = R"(pacta: 1
contract: t
parties: [acme, globex, oracle]
types:
  cloud: [azure, aws, oracle]
actions:
  act:
  host: {params: {provider: party, cloud: cloud}}
  toggle: {params: {enabled: bool}}
  mixed: {params: {who: party, flag: bool, where: cloud}}
  guarded: {default: forbidden}
  opened: {default: permitted}
)";

inline std::unique_ptr<fixture::Loaded> contract(std::string_view rest) {
  return fixture::load_ok(std::string(kHeader) + std::string(rest));
}

}  // namespace pacta::decide_fixture
