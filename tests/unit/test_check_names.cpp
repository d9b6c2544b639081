// Names in a rule file: unknown names with did-you-mean (E401), and values
// resolved by the type the context expects, ambiguous where none is (E402).
//
// Every YAML text starts on line 1 right after `R"yaml(`, so the line numbers
// in the assertions can be read off the text.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "check_fixture.hpp"

using namespace pacta;
using namespace pacta::fixture;

// ---------------------------------------------------------------------------
// E401 unknown names, with did-you-mean

TEST_CASE("E401: unknown type of a fact and of a param", "[checker][E401]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
types:
  cloud: [aws]
facts:
  approved: {type: boool}
actions:
  act: {params: {where: clowd}}
clauses: []
)yaml");
  CHECK_ERROR(l, Code::E401, 7, 20, "unknown type 'boool'");
  CHECK_ERROR(l, Code::E401, 9, 25, "unknown type 'clowd'");
  CHECK_HELP(l, Code::E401, "did you mean 'bool'?");
  CHECK_HELP(l, Code::E401, "did you mean 'cloud'?");
  CHECK(l->diags.error_count() == 2);
}

TEST_CASE("E401: unknown name in when, with did-you-mean", "[checker][E401]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  approved: {type: bool}
actions:
  act:
clauses:
  - id: c
    forbid: act
    when: aproved and true
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 11, 11, "unknown name 'aproved' in 'when'");
  CHECK_HELP(l, Code::E401, "did you mean 'approved'?");
}

TEST_CASE("E401: unknown action, param and value in a pattern", "[checker][E401]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme, globex]
types:
  cloud: [azure, aws]
actions:
  host: {params: {provider: party, cloud: cloud}}
clauses:
  - id: a
    forbid: hots(acme)
  - id: b
    forbid: host(provder=acme)
  - id: c
    forbid: host(acme, gcp)
  - id: d
    forbid: host(cloud=cloud.gcp)
)yaml");
  CHECK_ERROR(l, Code::E401, 10, 13, "unknown action 'hots'");
  CHECK_ERROR(l, Code::E401, 12, 18, "action 'host' has no param 'provder'");
  CHECK_ERROR(l, Code::E401, 14, 24, "'gcp' is not a value of cloud");
  CHECK_ERROR(l, Code::E401, 16, 30, "'gcp' is not a value of cloud");
  CHECK_HELP(l, Code::E401, "did you mean 'host'?");
  CHECK_HELP(l, Code::E401, "did you mean 'provider'?");
  CHECK(l->diags.error_count() == 4);
}

TEST_CASE("E401: unknown qualifier and unknown qualified value", "[checker][E401]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
types:
  cloud: [azure, aws]
actions:
  host: {params: {cloud: cloud}}
clauses:
  - id: a
    forbid: host
    when: cloud == clowd.aws
  - id: b
    forbid: host
    when: cloud == cloud.awz
)yaml");
  CHECK_ERROR(l, Code::E401, 11, 20, "unknown type 'clowd'");
  CHECK_ERROR(l, Code::E401, 14, 26, "'awz' is not a value of cloud");
  CHECK_HELP(l, Code::E401, "did you mean 'cloud'?");
  CHECK_HELP(l, Code::E401, "did you mean 'aws'?");
  CHECK(l->diags.error_count() == 2);
}

TEST_CASE("E401: unknown clause in overrides", "[checker][E401]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: general
    forbid: act
  - id: special
    permit: act
    overrides: [generl]
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 11, 17, "unknown clause 'generl'");
  CHECK_HELP(l, Code::E401, "did you mean 'general'?");
}

TEST_CASE("E401: `date` is only visible in when", "[checker][E401]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
dates:
  d: date + 1 day
actions:
  act:
clauses:
  - id: c
    forbid: act
    from: date
    until: 2025-01-01
    when: date > 2024-01-01
amendments:
  - id: a
    signed: date
)yaml");
  CHECK_ERROR(l, Code::E401, 5, 6, "'date' (the date asked about) cannot be used in a named date");
  CHECK_ERROR(l, Code::E401, 11, 11, "'date' (the date asked about) cannot be used in 'from'");
  CHECK_ERROR(l, Code::E401, 16, 13, "'date' (the date asked about) cannot be used in");
  CHECK(l->diags.error_count() == 3);
}

TEST_CASE("E401: did-you-mean suggests params, facts and values", "[checker][E401]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme, globex]
types:
  cloud: [azure, aws]
facts:
  approved: {type: bool}
actions:
  host: {params: {provider: party, cloud: cloud}}
clauses:
  - id: a
    forbid: host
    when: provder == acme
  - id: b
    forbid: host
    when: cloud == azur
)yaml");
  CHECK_ERROR(l, Code::E401, 13, 11, "unknown name 'provder' in 'when'");
  CHECK_ERROR(l, Code::E401, 16, 20, "unknown name 'azur' in 'when'");
  CHECK_HELP(l, Code::E401, "did you mean 'provider'?");
  CHECK_HELP(l, Code::E401, "did you mean 'azure'?");
}

// ---------------------------------------------------------------------------
// Value resolution by expected type; E402 ambiguity

namespace {

constexpr const char* kOracleHeader = R"yaml(pacta: 1
contract: t
parties: [acme, oracle]
types:
  cloud: [azure, oracle]
facts:
  partner: {type: party, default: oracle}
  region: {type: cloud, default: oracle}
actions:
  host: {params: {provider: party, cloud: cloud}}
clauses:
)yaml";  // 11 lines; clauses start on line 12

}  // namespace

TEST_CASE("values: a bare name takes the type the context expects", "[checker][values]") {
  auto l = load(std::string(kOracleHeader) + R"yaml(  - id: a
    forbid: host(oracle, oracle)
    when: provider == oracle and oracle == cloud and region == oracle
  - id: b
    forbid: host(provider=oracle, cloud=oracle)
    when: cloud in [oracle, azure] and oracle not in [provider, partner]
  - id: c
    forbid: host(party.oracle, cloud.oracle)
    when: cloud.oracle == cloud and party.oracle == provider
)yaml");
  CHECK_LOADS(l);
  const Contract& c = l->contract();
  CHECK(c.clauses[0].version.pattern.arg_values == std::vector<int>{1, 1});
  CHECK(c.clauses[1].version.pattern.arg_values == std::vector<int>{1, 1});
  CHECK(c.clauses[2].version.pattern.arg_values == std::vector<int>{1, 1});
  REQUIRE(c.facts[0].default_value.has_value());
  CHECK(c.facts[0].default_value->index == 1);
  CHECK(c.facts[1].default_value->index == 1);
  // The resolved values decide as written.
  CHECK(said(*l, {"host(oracle, oracle)", "2025-01-01", {"partner=acme"}}) ==
        "forbidden by [a, c]");
}

TEST_CASE("E402: a bare value of two types where no type is expected", "[checker][E402]") {
  auto l = load(std::string(kOracleHeader) + R"yaml(  - id: a
    forbid: host
    when: oracle == oracle
)yaml");
  CHECK_ONLY_ERROR(l, Code::E402, 14, 11, "'oracle' is ambiguous here: it is a value of 2 types");
  CHECK_HELP(l, Code::E402, "write it qualified: party.oracle or cloud.oracle");
}

TEST_CASE("E402: ambiguous in a list with no typed element", "[checker][E402]") {
  auto l = load(std::string(kOracleHeader) + R"yaml(  - id: a
    forbid: host
    when: oracle in [oracle, acme]
)yaml");
  CHECK_ERROR(l, Code::E402, 14, 11, "'oracle' is ambiguous here");
  CHECK_HELP(l, Code::E402, "party.oracle or cloud.oracle");
}

TEST_CASE("E403: a qualified value of the wrong type", "[checker][E403][values]") {
  auto l = load(std::string(kOracleHeader) + R"yaml(  - id: a
    forbid: host(cloud=party.oracle)
  - id: b
    forbid: host
    when: cloud == party.oracle
)yaml");
  CHECK_ERROR(l, Code::E403, 13, 24, "expected a cloud, but 'party.oracle' is a party");
  CHECK_ERROR(l, Code::E403, 16, 20, "cannot compare a cloud with a party");
  CHECK(l->diags.error_count() == 2);
}
