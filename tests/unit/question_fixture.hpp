#pragma once
// Shared by the unit tests of questions from outside a rule file
// (tests/unit/test_question_*.cpp): one contract with a fact and a param of
// every type, a pattern or an assumption parsed against it, and a check that
// exactly one diagnostic was reported, at this column of the flag's text.
#include <catch2/catch.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "contract_fixture.hpp"

namespace pacta::question_fixture {

constexpr std::string_view kContract = R"(pacta: 1
contract: t
parties: [acme, globex, oracle]
types:
  cloud: [azure, aws, oracle]
facts:
  approved: {type: bool}
  rate: {type: number, default: 0.15}
  breach_on: {type: date}
  region: {type: cloud}
  partner: {type: party}
actions:
  act:
  host: {params: {provider: party, cloud: cloud}}
  toggle: {params: {enabled: bool}}
clauses:
  - id: c
    forbid: act
    when: approved
)";

inline const Contract& contract() {
  static auto l = fixture::load_ok(std::string(kContract));
  return l->contract();
}

struct PatternResult {
  std::optional<Pattern> pattern;
  Diagnostics diags;
};

inline PatternResult pattern(std::string_view text) {
  PatternResult r;
  r.pattern = parse_question_pattern(contract(), text, Limits{}, r.diags);
  return r;
}

struct AssumptionResult {
  std::optional<std::pair<int, Value>> assumption;
  Diagnostics diags;
};

inline AssumptionResult assumption(std::string_view text, const Contract& c = contract()) {
  AssumptionResult r;
  r.assumption = parse_assumption(c, text, "--assume", Limits{}, r.diags);
  return r;
}

inline int fact(std::string_view name) { return *contract().find_fact(name); }

// Exactly one diagnostic, with this code, column (line 1), message part and
// file name (the flag).
#define CHECK_ONLY(result_, file_, code_, column_, message_)          \
  do {                                                                \
    INFO("diagnostics:\n" << describe((result_).diags));              \
    REQUIRE((result_).diags.all().size() == 1);                       \
    const Diagnostic& d_ = (result_).diags.all().front();             \
    CHECK(d_.code == (code_));                                        \
    CHECK(d_.file == (file_));                                        \
    CHECK(d_.has_position);                                           \
    CHECK(d_.position.line == 1u);                                    \
    CHECK(d_.position.column == static_cast<std::uint32_t>(column_)); \
    CHECK(d_.message.find(message_) != std::string::npos);            \
  } while (0)

}  // namespace pacta::question_fixture
