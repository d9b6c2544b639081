// Amendments and overrides checked in amendment order (E5xx): repeal, amend
// and add of existing and unknown clauses, acyclic overrides, amended clauses
// checked like clauses.
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
    // Pointed at the `overrides` that close it, and dated: before the
    // amendment there is no cycle.
    CHECK_ONLY_ERROR(l, Code::E503, 16, 9,
                     "clauses override each other from 2025-01-01 in a cycle: a -> b -> a");
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
  // other (language.md §2-§4).
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
