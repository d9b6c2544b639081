// The shape of a rule file (E2xx, grammar/files/rule_file.cpp): mappings and
// lists where they belong, unknown and missing keys, invalid values of fixed
// keys, identifiers and duplicates.
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
