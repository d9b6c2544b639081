// The rule-file reader and the checker (SPEC §1, §2): every diagnostic code
// they produce, with its exact line:column and message; several errors in
// one file; value resolution by expected type; named dates; type rules of
// every operator; amendments checked in amendment order; overrides acyclic;
// positions inside quoted and block scalars. And the checked Contract a
// valid file gives.
//
// Every YAML text starts on line 1 right after `R"yaml(`, so the line numbers
// in the assertions can be read off the text.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "contract_fixture.hpp"

using namespace pacta;
using namespace pacta::fixture;

namespace {

// The file loads with exactly one error, and it is this one.
#define CHECK_ONLY_ERROR(loaded, code, line, column, message)      \
  do {                                                             \
    INFO("diagnostics:\n" << (loaded)->report());                  \
    CHECK_FALSE((loaded)->ok());                                   \
    CHECK((loaded)->diags.error_count() == 1);                     \
    CHECK(has_diag((loaded)->diags, code, line, column, message)); \
  } while (0)

// The file has (at least) this error.
#define CHECK_ERROR(loaded, code, line, column, message)           \
  do {                                                             \
    INFO("diagnostics:\n" << (loaded)->report());                  \
    CHECK_FALSE((loaded)->ok());                                   \
    CHECK(has_diag((loaded)->diags, code, line, column, message)); \
  } while (0)

#define CHECK_HELP(loaded, code, help)            \
  do {                                            \
    INFO("diagnostics:\n" << (loaded)->report()); \
    CHECK(has_help((loaded)->diags, code, help)); \
  } while (0)

#define CHECK_LOADS(loaded)                       \
  do {                                            \
    INFO("diagnostics:\n" << (loaded)->report()); \
    CHECK((loaded)->ok());                        \
    CHECK((loaded)->diags.all().empty());         \
  } while (0)

}  // namespace

// ---------------------------------------------------------------------------
// A valid file and the Contract it gives

TEST_CASE("a valid contract loads without diagnostics and is fully resolved", "[checker]") {
  auto l = load(R"yaml(pacta: 1
contract: demo-1
title: Demo
default: forbidden
parties: [acme, globex, oracle]
types:
  cloud: [azure, aws, oracle]
facts:
  approved: {type: bool}
  rate: {type: number, default: 0.15}
  breach_on: {type: date}
  region: {type: cloud, default: oracle}
  partner: {type: party, default: oracle}
dates:
  renewal: signed + 1 month
  signed: 2024-01-31
actions:
  host:
    params: {provider: party, cloud: cloud}
    default: permitted
  pay: {params: {payer: party, now: bool}}
  idle:
clauses:
  - id: hosting
    kind: exclusivity
    title: Azure only
    text: Only Azure.
    ref: "4.1"
    forbid: host(cloud=aws)
    when: region == oracle and partner == oracle
    from: signed
    through: renewal
  - id: payment
    oblige: pay(acme, true)
    overrides: [hosting]
amendments:
  - id: late
    signed: 2025-06-01
    repeal: [payment]
  - id: early
    signed: 2025-01-01
    amend:
      - id: hosting
        until: null
    add:
      - id: added
        permit: idle
)yaml");
  CHECK_LOADS(l);
  const Contract& c = l->contract();
  CHECK(c.id == "demo-1");
  CHECK(c.title == "Demo");
  CHECK(c.default_verdict == Verdict::Forbidden);
  REQUIRE(c.domains.size() == 2);
  CHECK(c.domains[0].name == "party");
  CHECK(c.domains[0].values == std::vector<std::string>{"acme", "globex", "oracle"});
  CHECK(c.domains[1].name == "cloud");
  CHECK(c.domains[1].values == std::vector<std::string>{"azure", "aws", "oracle"});
  REQUIRE(c.facts.size() == 5);
  CHECK(c.facts[0].type == Type::boolean());
  CHECK_FALSE(c.facts[0].default_value.has_value());
  REQUIRE(c.facts[1].default_value.has_value());
  CHECK(c.facts[1].default_value->n.to_string() == "0.15");
  CHECK(c.facts[2].type == Type::date());
  CHECK(c.facts[3].type == Type::value(1));
  REQUIRE(c.facts[3].default_value.has_value());
  CHECK(c.facts[3].default_value->index == 2);  // cloud.oracle
  CHECK(c.facts[4].type == Type::value(0));
  CHECK(c.facts[4].default_value->index == 2);  // party.oracle
  // Named dates: evaluation order puts `signed` before `renewal`.
  REQUIRE(c.dates.size() == 2);
  CHECK(c.dates[0].name == "renewal");
  CHECK(c.date_order == std::vector<int>{1, 0});
  REQUIRE(c.actions.size() == 3);
  CHECK(c.actions[0].name == "host");
  REQUIRE(c.actions[0].params.size() == 2);
  CHECK(c.actions[0].params[0].name == "provider");
  CHECK(c.actions[0].params[0].type == Type::value(0));
  CHECK(c.actions[0].params[1].type == Type::value(1));
  CHECK(c.actions[0].default_verdict == Verdict::Permitted);
  CHECK(c.actions[1].params[1].type == Type::boolean());
  CHECK_FALSE(c.actions[1].default_verdict.has_value());
  CHECK(c.actions[2].params.empty());
  // Clauses: original ones, then added ones.
  REQUIRE(c.clauses.size() == 3);
  CHECK(c.clauses[0].id == "hosting");
  CHECK(c.clauses[0].added_by == -1);
  const ClauseVersion& h = c.clauses[0].version;
  CHECK(h.modality == Modality::Forbid);
  CHECK(h.pattern.action == 0);
  CHECK(h.pattern.arg_values == std::vector<int>{-1, 1});
  CHECK(h.when.has_value());
  CHECK(h.from.has_value());
  CHECK(h.until.has_value());
  CHECK(h.until_is_through);
  CHECK(h.kind == "exclusivity");
  CHECK(h.title == "Azure only");
  CHECK(h.text == "Only Azure.");
  CHECK(h.ref == "4.1");
  const ClauseVersion& p = c.clauses[1].version;
  CHECK(p.modality == Modality::Oblige);
  CHECK(p.pattern.arg_values == std::vector<int>{0, 1});
  CHECK(p.overrides == std::vector<int>{0});
  CHECK(c.clauses[2].id == "added");
  CHECK(c.clauses[2].added_by == 1);  // the second amendment in the file
  // Amendments in amendment order (effective), each knowing its file order.
  REQUIRE(c.amendments.size() == 2);
  CHECK(c.amendments[0].id == "early");
  CHECK(c.amendments[0].file_order == 1);
  CHECK(c.amendments[0].effective == day("2025-01-01"));
  CHECK(c.amendments[0].add == std::vector<int>{2});
  REQUIRE(c.amendments[0].amend.size() == 1);
  CHECK(c.amendments[0].amend[0].first == 0);
  REQUIRE(c.amendments[0].amend[0].second.until.has_value());
  CHECK_FALSE(c.amendments[0].amend[0].second.until->has_value());  // removed
  CHECK_FALSE(c.amendments[0].amend[0].second.from.has_value());    // inherited
  CHECK(c.amendments[1].id == "late");
  CHECK(c.amendments[1].file_order == 0);
  CHECK(c.amendments[1].signed_on == day("2025-06-01"));
  CHECK(c.amendments[1].effective == day("2025-06-01"));
  CHECK(c.amendments[1].repeal == std::vector<int>{1});
}

TEST_CASE("effective defaults to signed, and may differ from it", "[checker][amend]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: c
    forbid: act
dates:
  start: 2025-03-01
amendments:
  - id: a
    signed: 2025-01-01
    effective: start + 1 month
    repeal: [c]
)yaml");
  CHECK_LOADS(l);
  const Amendment& a = l->contract().amendments.at(0);
  CHECK(a.signed_on == day("2025-01-01"));
  CHECK(a.effective == day("2025-04-01"));
}

// ---------------------------------------------------------------------------
// E2xx: the shape of the file (grammar/rule_file.cpp, yaml_reader.cpp)

TEST_CASE("E201: a clause must be a mapping", "[checker][E201]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - [a, b]
)yaml");
  CHECK_ONLY_ERROR(l, Code::E201, 7, 5, "a clause must be a mapping (key: value), found a list");
}

TEST_CASE("E201: facts must be a mapping, clauses a list", "[checker][E201]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts: [approved]
actions:
  act:
clauses:
  id: c
)yaml");
  CHECK_ERROR(l, Code::E201, 4, 8, "facts must be a mapping (key: value), found a list");
  CHECK_ERROR(l, Code::E201, 8, 3, "clauses must be a list, found a mapping");
  CHECK(l->diags.error_count() == 2);
}

TEST_CASE("E201: an expression must be a single value", "[checker][E201]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: c
    forbid: act
    when: [true]
)yaml");
  CHECK_ONLY_ERROR(l, Code::E201, 9, 11, "'when' must be a single value, found a list");
}

TEST_CASE("E201: parties must be a list", "[checker][E201]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: acme
actions:
  act:
clauses: []
)yaml");
  CHECK_ONLY_ERROR(l, Code::E201, 3, 10, "parties must be a list, found a single value");
}

TEST_CASE("E202: unknown key in a clause, with did-you-mean", "[checker][E202]") {
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
    wehn: approved
)yaml");
  CHECK_ONLY_ERROR(l, Code::E202, 11, 5, "unknown key 'wehn' in clause 'c'");
  CHECK_HELP(l, Code::E202, "did you mean 'when'?");
}

TEST_CASE("E202: unknown keys at the top, in a fact, an action and an amendment",
          "[checker][E202]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
titel: x
facts:
  approved: {type: bool, defualt: true}
actions:
  act: {parms: {p: party}}
clauses:
  - id: c
    forbid: act
amendments:
  - id: a1
    signed: 2025-01-01
    efective: 2025-02-01
    repeal: [c]
)yaml");
  CHECK_ERROR(l, Code::E202, 4, 1, "unknown key 'titel' in the rule file");
  CHECK_ERROR(l, Code::E202, 6, 26, "unknown key 'defualt' in fact 'approved'");
  CHECK_ERROR(l, Code::E202, 8, 9, "unknown key 'parms' in action 'act'");
  CHECK_ERROR(l, Code::E202, 15, 5, "unknown key 'efective' in amendment 'a1'");
  CHECK_HELP(l, Code::E202, "did you mean 'title'?");
  CHECK_HELP(l, Code::E202, "did you mean 'default'?");
  CHECK_HELP(l, Code::E202, "did you mean 'params'?");
  CHECK_HELP(l, Code::E202, "did you mean 'effective'?");
  CHECK(l->diags.error_count() == 4);
}

TEST_CASE("E202 and E203: a misspelt required top-level key", "[checker][E202][E203]") {
  auto l = load(R"yaml(pacta: 1
contract: t
partys: [acme]
actions:
  act:
clauses: []
)yaml");
  CHECK_ERROR(l, Code::E202, 3, 1, "unknown key 'partys' in the rule file");
  CHECK_HELP(l, Code::E202, "did you mean 'parties'?");
  CHECK_ERROR(l, Code::E203, 1, 1, "the rule file is missing the required key 'parties'");
}

TEST_CASE("E203: a clause without id, a fact without type, an amendment without signed",
          "[checker][E203]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  approved: {default: true}
actions:
  act:
clauses:
  - forbid: act
amendments:
  - id: a1
    add: []
)yaml");
  CHECK_ERROR(l, Code::E203, 5, 13, "fact 'approved' is missing the required key 'type'");
  CHECK_ERROR(l, Code::E203, 9, 5, "a clause is missing the required key 'id'");
  CHECK_ERROR(l, Code::E203, 11, 5, "amendment 'a1' is missing the required key 'signed'");
  CHECK(l->diags.error_count() == 3);
}

TEST_CASE("E203: a clause without a modality", "[checker][E203]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: c
    title: nothing to do
)yaml");
  CHECK_ONLY_ERROR(l, Code::E203, 7, 5, "clause 'c' has none of permit, forbid or oblige");
}

TEST_CASE("E204: invalid values of fixed keys", "[checker][E204]") {
  SECTION("format version") {
    auto l = load(R"yaml(pacta: 2
contract: t
parties: [acme]
actions:
  act:
clauses: []
)yaml");
    CHECK_ONLY_ERROR(l, Code::E204, 1, 8, "'2' is not a valid format version");
  }
  SECTION("pacta must be the first key") {
    auto l = load(R"yaml(contract: t
pacta: 1
parties: [acme]
actions:
  act:
clauses: []
)yaml");
    CHECK_ONLY_ERROR(l, Code::E204, 1, 1, "a rule file must start with the key 'pacta'");
  }
  SECTION("contract default") {
    auto l = load(R"yaml(pacta: 1
contract: t
default: permited
parties: [acme]
actions:
  act:
clauses: []
)yaml");
    CHECK_ONLY_ERROR(l, Code::E204, 3, 10, "'permited' is not a valid default verdict");
    CHECK_HELP(l, Code::E204, "did you mean 'permitted'?");
  }
  SECTION("action default") {
    auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act: {default: obligatory}
clauses: []
)yaml");
    CHECK_ONLY_ERROR(l, Code::E204, 5, 18, "'obligatory' is not a valid default verdict");
  }
}

TEST_CASE("E204: two modalities, and until with through", "[checker][E204]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: c
    permit: act
    forbid: act
  - id: d
    forbid: act
    until: 2025-01-01
    through: 2025-06-01
)yaml");
  CHECK_ERROR(l, Code::E204, 9, 5, "clause 'c' has more than one of permit, forbid and oblige");
  CHECK_ERROR(l, Code::E204, 13, 14, "clause 'd' has both 'until' and 'through'");
  CHECK(l->diags.error_count() == 2);
}

TEST_CASE("E204: no parties, and a type without values", "[checker][E204]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: []
types:
  cloud: []
actions:
  act:
clauses: []
)yaml");
  CHECK_ERROR(l, Code::E204, 3, 10, "a contract needs at least one party");
  CHECK_ERROR(l, Code::E204, 5, 3, "type 'cloud' has no values");
  CHECK(l->diags.error_count() == 2);
}

TEST_CASE("E205: invalid identifiers and ids", "[checker][E205]") {
  SECTION("a party that is not an identifier, and a keyword") {
    auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme, 9lives, never]
actions:
  act:
clauses: []
)yaml");
    CHECK_ERROR(l, Code::E205, 3, 17, "'9lives' is not a valid name for a party");
    CHECK_ERROR(l, Code::E205, 3, 25, "'never' is a keyword and cannot name a party");
    CHECK(l->diags.error_count() == 2);
  }
  SECTION("contract id") {
    auto l = load(R"yaml(pacta: 1
contract: Big_Deal
parties: [acme]
actions:
  act:
clauses: []
)yaml");
    CHECK_ONLY_ERROR(l, Code::E205, 2, 11, "'Big_Deal' is not a valid contract id");
  }
  SECTION("clause id, fact and action names") {
    auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  in: {type: bool}
actions:
  act:
clauses:
  - id: _c
    forbid: act
)yaml");
    CHECK_ERROR(l, Code::E205, 5, 3, "'in' is a keyword and cannot name a fact");
    CHECK_ERROR(l, Code::E205, 9, 9, "'_c' is not a valid id for a clause");
    CHECK(l->diags.error_count() == 2);
  }
}

TEST_CASE("E206: duplicate values and ids", "[checker][E206]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme, globex, acme]
types:
  cloud: [aws, aws]
actions:
  act:
clauses:
  - id: c
    forbid: act
  - id: c
    permit: act
amendments:
  - id: c
    signed: 2025-01-01
)yaml");
  CHECK_ERROR(l, Code::E206, 3, 25, "'acme' is listed twice in the parties");
  CHECK_ERROR(l, Code::E206, 5, 16, "'aws' is listed twice in cloud");
  CHECK_ERROR(l, Code::E206, 11, 9, "duplicate id 'c'");
  CHECK_ERROR(l, Code::E206, 14, 9, "duplicate id 'c'");
  CHECK(l->diags.error_count() == 4);
}

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

// ---------------------------------------------------------------------------
// E403: type rules of every operator

namespace {

constexpr const char* kTypesHeader = R"yaml(pacta: 1
contract: t
parties: [acme]
types:
  cloud: [azure, aws]
facts:
  approved: {type: bool}
  rate: {type: number, default: 0.15}
  breach_on: {type: date}
actions:
  host: {params: {provider: party, cloud: cloud}}
clauses:
  - id: c
    forbid: host
)yaml";  // 14 lines; `when:` of the test is on line 15

std::unique_ptr<Loaded> with_when(std::string_view when) {
  return load(std::string(kTypesHeader) + "    when: " + std::string(when) + "\n");
}

}  // namespace

TEST_CASE("types: well-typed expressions of every operator load", "[checker][types]") {
  for (const char* when : {
           "approved and not approved or true",
           "rate < 1 and rate <= 1 and rate > 0 and rate >= 0",
           "date < breach_on and date <= 2030-01-01 and breach_on > never - 1 day",
           "rate == 0.15 and approved != false and cloud == aws and breach_on != never",
           "cloud in [azure, aws] and provider not in [acme] and rate in [1, 2]",
           "date in [2025-01-01, breach_on + 1 week] and approved in [true]",
           "breach_on + 30 days < date - 1 month + 2 years - 3 weeks",
           "rate * 2 + 1 - rate / 4 > -rate",
       }) {
    INFO(when);
    auto l = with_when(when);
    CHECK_LOADS(l);
  }
}

TEST_CASE("E403: and, or, not take bool", "[checker][E403][types]") {
  {
    auto l = with_when("rate and approved");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 11,
                     "expected a condition (bool) here, but this is a number");
  }
  {
    auto l = with_when("approved or breach_on");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 23, "expected a condition (bool) here, but this is a date");
  }
  {
    auto l = with_when("not cloud");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 15,
                     "expected a condition (bool) here, but this is a cloud");
  }
}

TEST_CASE("E403: <, <=, >, >= take two numbers or two dates", "[checker][E403][types]") {
  {
    auto l = with_when("approved < true");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 11,
                     "'<', '<=', '>' and '>=' compare numbers or dates, not a condition (bool)");
  }
  {
    auto l = with_when("provider >= acme");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 11, "compare numbers or dates, not a party");
  }
  {
    auto l = with_when("rate < 2024-01-01");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 18, "cannot compare a number with a date");
  }
}

TEST_CASE("E403: == and != take two values of one type", "[checker][E403][types]") {
  {
    auto l = with_when("rate == approved");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 19, "cannot compare a number with a condition (bool)");
  }
  {
    auto l = with_when("cloud != provider");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 20, "cannot compare a cloud with a party");
  }
}

TEST_CASE("E403: in takes a list of the left side's type", "[checker][E403][types]") {
  {
    auto l = with_when("cloud in [aws, 3]");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 26, "expected a cloud here, but this is a number");
  }
  {
    auto l = with_when("rate not in [1, approved]");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 27,
                     "expected a number here, but this is a condition (bool)");
  }
  {
    auto l = with_when("'[true]'");  // quoted: a plain [true] is a YAML list
    CHECK_ONLY_ERROR(l, Code::E403, 15, 12, "a list can only follow 'in' or 'not in'");
  }
}

TEST_CASE("E403: date plus or minus a duration; number arithmetic", "[checker][E403][types]") {
  {
    auto l = with_when("rate + 1 day > rate");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 11, "expected a date here, but this is a number");
  }
  {
    auto l = with_when("breach_on + 1 > date");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 11, "expected a number here, but this is a date");
  }
  {
    auto l = with_when("rate * approved > 1");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 18,
                     "expected a number here, but this is a condition (bool)");
  }
  {
    auto l = with_when("-breach_on > 1");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 12, "expected a number here, but this is a date");
  }
  {
    // A date minus a date is not a duration: both sides are reported.
    auto l = with_when("breach_on - date > 1");
    CHECK_ERROR(l, Code::E403, 15, 11, "expected a number here, but this is a date");
    CHECK_ERROR(l, Code::E403, 15, 23, "expected a number here, but this is a date");
    CHECK(l->diags.error_count() == 2);
  }
}

TEST_CASE("E403: the result type of when, from, until, through and named dates",
          "[checker][E403][types]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  rate: {type: number, default: 1}
dates:
  d: rate
actions:
  act:
clauses:
  - id: c
    forbid: act
    when: rate
    from: true
  - id: e
    forbid: act
    through: 3
)yaml");
  CHECK_ERROR(l, Code::E403, 7, 6, "expected a date here, but this is a number");
  CHECK_ERROR(l, Code::E403, 13, 11, "expected a condition (bool) here, but this is a number");
  CHECK_ERROR(l, Code::E403, 14, 11, "expected a date here, but this is a condition (bool)");
  CHECK_ERROR(l, Code::E403, 17, 14, "expected a date here, but this is a number");
  CHECK(l->diags.error_count() == 4);
}

TEST_CASE("E403: a fact default must be a literal of the fact's type", "[checker][E403]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  approved: {type: bool, default: 3}
  rate: {type: number, default: 1 + 2}
  on: {type: date, default: true}
  ok: {type: number, default: -2}
  gone: {type: date, default: never}
actions:
  act:
clauses: []
)yaml");
  CHECK_ERROR(l, Code::E403, 5, 35, "expected true or false here");
  CHECK_ERROR(l, Code::E403, 6, 33, "expected a number like 20 or 0.15 here");
  CHECK_ERROR(l, Code::E403, 7, 29, "expected a date like 2025-10-28, or never here");
  CHECK(l->diags.error_count() == 3);
}

TEST_CASE("E403: a bool param in a pattern takes true or false", "[checker][E403]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  toggle: {params: {enabled: bool}}
clauses:
  - id: c
    forbid: toggle(acme)
)yaml");
  CHECK_ONLY_ERROR(l, Code::E403, 8, 20, "expected true or false here");
}

// ---------------------------------------------------------------------------
// E404 name clashes, E405 date cycles, E406 finite params, E407 arity, E408

TEST_CASE("E404: types, facts, named dates and actions share one namespace", "[checker][E404]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
types:
  cloud: [aws]
facts:
  cloud: {type: bool}
  number: {type: bool}
dates:
  deadline: 2025-01-01
actions:
  deadline:
clauses: []
)yaml");
  CHECK_ERROR(l, Code::E404, 7, 3, "'cloud' is already a type (declared on line 5)");
  CHECK_ERROR(l, Code::E404, 8, 3, "'number' is already a built-in type (built in)");
  CHECK_ERROR(l, Code::E404, 12, 3, "'deadline' is already a named date (declared on line 10)");
  CHECK(l->diags.error_count() == 3);
}

TEST_CASE("E404: a param must not share its name with a fact or a named date", "[checker][E404]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  approved: {type: bool}
dates:
  deadline: 2025-01-01
actions:
  act: {params: {approved: bool, deadline: party, ok: bool}}
clauses: []
)yaml");
  CHECK_ERROR(l, Code::E404, 9, 18, "param 'approved' has the name of a fact");
  CHECK_ERROR(l, Code::E404, 9, 34, "param 'deadline' has the name of a named date");
  CHECK(l->diags.error_count() == 2);
}

TEST_CASE("named dates: any order of definition, without cycles", "[checker][dates]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  breach_on: {type: date}
dates:
  a: b + 1 day
  b: c + 1 day
  c: 2024-01-01
  cure: breach_on + 30 days
actions:
  act:
clauses:
  - id: x
    forbid: act
    from: a
)yaml");
  CHECK_LOADS(l);
  CHECK(l->contract().date_order == std::vector<int>{2, 1, 0, 3});
  CHECK(said(*l, {"act", "2024-01-02"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2024-01-03"}) == "forbidden by [x]");
}

TEST_CASE("E405: named dates in a cycle", "[checker][E405]") {
  SECTION("two dates") {
    auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
dates:
  a: b + 1 day
  b: a
actions:
  act:
clauses: []
)yaml");
    CHECK_ONLY_ERROR(l, Code::E405, 6, 3,
                     "named dates depend on each other in a cycle: a -> b -> a");
  }
  SECTION("a date that uses itself") {
    auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
dates:
  c: c + 1 year
actions:
  act:
clauses: []
)yaml");
    CHECK_ONLY_ERROR(l, Code::E405, 5, 3, "named dates depend on each other in a cycle: c -> c");
  }
}

TEST_CASE("E406: params must have a finite type", "[checker][E406]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
types:
  cloud: [aws]
actions:
  pay: {params: {amount: number, on: date, who: party, flag: bool, where: cloud}}
clauses: []
)yaml");
  CHECK_ERROR(l, Code::E406, 7, 26,
              "param 'amount' has type number, but params must have a finite type");
  CHECK_ERROR(l, Code::E406, 7, 38, "param 'on' has type date, but params must have a finite type");
  CHECK(l->diags.error_count() == 2);
}

TEST_CASE("E407: arity of a pattern", "[checker][E407]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
types:
  cloud: [aws]
actions:
  host: {params: {provider: party, cloud: cloud}}
clauses:
  - id: a
    forbid: host(acme, aws, acme)
  - id: b
    forbid: host(cloud=aws, acme)
  - id: c
    forbid: host(acme, provider=acme)
)yaml");
  CHECK_ERROR(l, Code::E407, 10, 29, "'host' takes 2 arguments, but more are given");
  CHECK_ERROR(l, Code::E407, 12, 29, "a positional argument cannot follow a named one");
  CHECK_ERROR(l, Code::E407, 14, 24, "param 'provider' is given twice");
  CHECK(l->diags.error_count() == 3);
}

TEST_CASE("E408: amendment dates must be constant and not never", "[checker][E408]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  breach_on: {type: date}
actions:
  act:
clauses: []
amendments:
  - id: a1
    signed: breach_on + 1 day
  - id: a2
    signed: 2025-01-01
    effective: never
)yaml");
  CHECK_ERROR(l, Code::E408, 11, 13, "an amendment's 'signed' date must not depend on facts");
  CHECK_ERROR(l, Code::E408, 14, 16, "an amendment's 'effective' date cannot be never");
  CHECK(l->diags.error_count() == 2);
}

TEST_CASE("E306: constant date arithmetic outside the calendar is a load-time error",
          "[checker][E306]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
dates:
  far: 9999-01-01 + 1 year
  early: 0001-01-01 - 1 day
  fine: never + 1 year
actions:
  act:
clauses:
  - id: c
    forbid: act
    from: 9999-12-31 + 1 day
)yaml");
  CHECK_ERROR(l, Code::E306, 5, 8, "this date arithmetic goes outside 0001-01-01..9999-12-31");
  CHECK_ERROR(l, Code::E306, 6, 10, "this date arithmetic goes outside 0001-01-01..9999-12-31");
  CHECK_ERROR(l, Code::E306, 13, 11, "this date arithmetic goes outside 0001-01-01..9999-12-31");
  CHECK(l->diags.error_count() == 3);
}

// ---------------------------------------------------------------------------
// E5xx amendments and overrides, checked in amendment order

TEST_CASE("E501: repeal or amend of an unknown clause, with did-you-mean", "[checker][E501]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: payment
    forbid: act
amendments:
  - id: a1
    signed: 2025-01-01
    repeal: [paymnt]
    amend:
      - id: pay
        oblige: act
)yaml");
  CHECK_ERROR(l, Code::E501, 12, 14,
              "amendment 'a1' repeals clause 'paymnt', which does not exist");
  CHECK_ERROR(l, Code::E501, 14, 13, "amendment 'a1' amends clause 'pay', which does not exist");
  CHECK_HELP(l, Code::E501, "did you mean 'payment'?");
  CHECK(l->diags.error_count() == 2);
}

TEST_CASE("E501: amend of a clause only added by a later-effective amendment", "[checker][E501]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses: []
amendments:
  - id: adds
    signed: 2025-06-01
    add:
      - id: n
        forbid: act
  - id: amends
    signed: 2025-01-01
    amend:
      - id: n
        oblige: act
)yaml");
  CHECK_ONLY_ERROR(l, Code::E501, 16, 13,
                   "amendment 'amends' amends clause 'n', which does not exist at that point "
                   "(it is only added later, by 'adds')");
}

TEST_CASE("amendment order: amend of a clause added by an earlier-effective amendment listed later",
          "[checker][amend]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses: []
amendments:
  - id: amends
    signed: 2025-06-01
    amend:
      - id: n
        oblige: act
  - id: adds
    signed: 2025-01-01
    add:
      - id: n
        forbid: act
)yaml");
  CHECK_LOADS(l);
  CHECK(said(*l, {"act", "2025-03-01"}) == "forbidden by [n]");
  CHECK(said(*l, {"act", "2025-06-01"}) == "obligatory by [n]");
}

TEST_CASE("E501: repeal then amend, and repeal twice", "[checker][E501]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: c
    forbid: act
amendments:
  - id: a2
    signed: 2025-06-01
    repeal: [c]
    amend:
      - id: c
        permit: act
  - id: a1
    signed: 2025-01-01
    repeal: [c]
)yaml");
  CHECK_ERROR(l, Code::E501, 12, 14,
              "amendment 'a2' repeals clause 'c', which was repealed by 'a1' (effective "
              "2025-01-01)");
  CHECK_ERROR(l, Code::E501, 14, 13,
              "amendment 'a2' amends clause 'c', which was repealed by 'a1' (effective "
              "2025-01-01)");
  CHECK_HELP(l, Code::E501, "to bring it back, re-enact it: `add` it to 'a2'");
  CHECK(l->diags.error_count() == 2);
}

TEST_CASE("E501: ties in file order: an earlier amendment on the same day repealed it",
          "[checker][E501]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: c
    forbid: act
amendments:
  - id: first
    signed: 2025-01-01
    repeal: [c]
  - id: second
    signed: 2024-01-01
    effective: 2025-01-01
    amend:
      - id: c
        permit: act
)yaml");
  CHECK_ONLY_ERROR(l, Code::E501, 17, 13, "which was repealed by 'first' (effective 2025-01-01)");
}

TEST_CASE("E502: add of an id that already exists", "[checker][E502]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: c
    forbid: act
amendments:
  - id: a1
    signed: 2025-01-01
    add:
      - id: c
        permit: act
)yaml");
  CHECK_ONLY_ERROR(l, Code::E502, 13, 13, "amendment 'a1' adds clause 'c', which already exists");
  CHECK_HELP(l, Code::E502, "'c' is on line 7");
}

TEST_CASE("E503: overrides must be acyclic", "[checker][E503]") {
  SECTION("two clauses") {
    auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: a
    forbid: act
    overrides: [b]
  - id: b
    permit: act
    overrides: [a]
)yaml");
    CHECK_ONLY_ERROR(l, Code::E503, 10, 9, "clauses override each other in a cycle: a -> b -> a");
  }
  SECTION("a clause that overrides itself") {
    auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: a
    forbid: act
    overrides: [a]
)yaml");
    CHECK_ONLY_ERROR(l, Code::E503, 7, 9, "clauses override each other in a cycle: a -> a");
  }
  SECTION("a cycle closed by an amendment") {
    auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: a
    forbid: act
    overrides: [b]
  - id: b
    permit: act
amendments:
  - id: am
    signed: 2025-01-01
    amend:
      - id: b
        overrides: [a]
)yaml");
    CHECK_ONLY_ERROR(l, Code::E503, 10, 9, "clauses override each other in a cycle: a -> b -> a");
  }
  SECTION("a chain is fine") {
    auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: a
    forbid: act
    overrides: [b, c]
  - id: b
    permit: act
    overrides: [c]
  - id: c
    permit: act
)yaml");
    CHECK_LOADS(l);
  }
}

TEST_CASE("amend: a `when` inherited across a change of action is checked against the new action",
          "[checker][amend]") {
  // The old `when` names `cloud`, a param of `host`; `toggle` has no such
  // param. The inherited `when` must not silently read another param.
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
types:
  cloud: [azure, oracle]
actions:
  host: {params: {provider: party, cloud: cloud}}
  toggle: {params: {enabled: bool}}
clauses:
  - id: c
    forbid: host
    when: cloud == oracle
amendments:
  - id: a1
    signed: 2025-01-01
    amend:
      - id: c
        forbid: toggle
)yaml");
  INFO("diagnostics:\n" << l->report());
  CHECK_FALSE(l->ok());
  bool names_cloud = false;
  for (const auto& d : l->diags.all()) {
    names_cloud = names_cloud || d.message.find("'cloud'") != std::string::npos;
  }
  CHECK(names_cloud);
}

TEST_CASE("amend: a new `when` is checked against the amended action", "[checker][amend]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
types:
  cloud: [azure, oracle]
actions:
  host: {params: {provider: party, cloud: cloud}}
  toggle: {params: {enabled: bool}}
clauses:
  - id: c
    forbid: host
amendments:
  - id: a1
    signed: 2025-01-01
    amend:
      - id: c
        forbid: toggle
        when: cloud == oracle
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 18, 15, "unknown name 'cloud' in 'when'");
}

TEST_CASE("amend: until with a value and through null sets the end", "[checker][amend]") {
  // `until` and `through` are one field: the null one does not remove the
  // other (SPEC §1).
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: c
    forbid: act
    until: 2025-01-01
amendments:
  - id: a1
    signed: 2024-01-01
    amend:
      - id: c
        until: 2026-01-01
        through: null
)yaml");
  CHECK_LOADS(l);
  CHECK(said(*l, {"act", "2025-12-31"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2026-01-01"}) == "permitted (default)");
}

TEST_CASE("amend: unknown clause in the overrides of an amended clause", "[checker][amend][E401]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: general
    forbid: act
  - id: c
    permit: act
amendments:
  - id: a1
    signed: 2024-01-01
    amend:
      - id: c
        overrides: [generl]
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 16, 21, "unknown clause 'generl'");
  CHECK_HELP(l, Code::E401, "did you mean 'general'?");
}

TEST_CASE("add: clauses added by amendments are checked like clauses", "[checker][amend]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  host: {params: {provider: party}}
clauses: []
amendments:
  - id: a1
    signed: 2024-01-01
    add:
      - id: n
        forbid: host
        when: provder == acme
      - id: m
        permit: host
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 13, 15, "unknown name 'provder' in 'when'");
}

// ---------------------------------------------------------------------------
// Several errors in one file

TEST_CASE("every error in a file is reported, not only the first", "[checker]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  approved: {type: bool}
  rate: {type: number, default: 0.15}
actions:
  act:
clauses:
  - id: a
    forbid: act
    wehn: approved
  - id: b
    forbid: act
    when: aproved
  - id: c
    permit: act
    when: rate and approved
    overrides: [zz]
amendments:
  - id: am
    signed: 2025-01-01
    repeal: [nope]
)yaml");
  CHECK_ERROR(l, Code::E202, 12, 5, "unknown key 'wehn' in clause 'a'");
  CHECK_ERROR(l, Code::E401, 15, 11, "unknown name 'aproved' in 'when'");
  CHECK_ERROR(l, Code::E403, 18, 11, "expected a condition (bool) here, but this is a number");
  CHECK_ERROR(l, Code::E401, 19, 17, "unknown clause 'zz'");
  CHECK_ERROR(l, Code::E501, 23, 14, "amendment 'am' repeals clause 'nope', which does not exist");
  CHECK(l->diags.error_count() == 5);
}

// ---------------------------------------------------------------------------
// Positions inside quoted and block scalars

TEST_CASE("positions: single-quoted scalar", "[checker][positions]") {
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
    when: 'approved and nope'
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 11, 25, "unknown name 'nope'");
}

TEST_CASE("positions: single-quoted scalar with an escaped quote before the error",
          "[checker][positions]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: c
    title: 'it''s'
    forbid: 'act'
    when: 'true and nope'
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 10, 21, "unknown name 'nope'");
}

TEST_CASE("positions: double-quoted scalar with escapes", "[checker][positions]") {
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
    when: "approved and\tnope"
)yaml");
  // `\t` is two characters in the file and one in the expression.
  CHECK_ONLY_ERROR(l, Code::E401, 11, 26, "unknown name 'nope'");
}

TEST_CASE("positions: double-quoted pattern", "[checker][positions]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  host: {params: {provider: party}}
clauses:
  - id: c
    forbid: "host(provider=acmee)"
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 8, 28, "'acmee' is not a value of party");
  CHECK_HELP(l, Code::E401, "did you mean 'acme'?");
}

TEST_CASE("positions: literal block scalar", "[checker][positions]") {
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
    when: |
      approved and
        nope
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 13, 9, "unknown name 'nope'");
}

TEST_CASE("positions: folded block scalar", "[checker][positions]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  rate: {type: number, default: 1}
actions:
  act:
clauses:
  - id: c
    forbid: act
    when: >
      rate > 0
      and rate
)yaml");
  CHECK_ONLY_ERROR(l, Code::E403, 13, 11, "expected a condition (bool) here, but this is a number");
}

TEST_CASE("positions: multi-line plain scalar", "[checker][positions]") {
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
    when: approved
      and nope
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 12, 11, "unknown name 'nope'");
}

TEST_CASE("positions: columns count code points after non-ASCII text", "[checker][positions]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - {id: c, title: "Überprüfung", forbid: act, when: nope}
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 7, 54, "unknown name 'nope'");
}
