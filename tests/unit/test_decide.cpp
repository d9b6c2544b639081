// Decisions (SPEC §3): which clause versions are in force on a date after
// the amendments, which apply to an action instance, overrides, the verdict
// and the deciding clauses; and the enumeration of action instances.
// Every test loads a small rule file and asks questions of it; `said()`
// summarises an answer in one line (verdict, by, overridden, default).
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "contract_fixture.hpp"
#include "engine/decide/instances.hpp"

using namespace pacta;
using namespace pacta::fixture;

namespace {

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

std::unique_ptr<Loaded> contract(std::string_view rest) {
  return load_ok(std::string(kHeader) + std::string(rest));
}

using Instances = std::vector<std::vector<int>>;

// Every instance of a pattern written as in `pacta ask`; fails the test when
// the limit is exceeded.
Instances all_instances(const Contract& c, std::string_view pattern, std::size_t limit = 1000) {
  Diagnostics diags;
  auto p = parse_question_pattern(c, pattern, Limits{}, diags);
  INFO(describe(diags));
  REQUIRE(p.has_value());
  auto out = instances(c, *p, limit);
  REQUIRE(out.has_value());
  return *out;
}

bool over_limit(const Contract& c, std::string_view pattern, std::size_t limit) {
  Diagnostics diags;
  auto p = parse_question_pattern(c, pattern, Limits{}, diags);
  INFO(describe(diags));
  REQUIRE(p.has_value());
  return !instances(c, *p, limit).has_value();
}

std::unique_ptr<Loaded> contract_with_default(std::string_view verdict, std::string_view rest) {
  return load_ok(std::string(kHeader) + "default: " + std::string(verdict) + "\n" +
                 std::string(rest));
}

}  // namespace

// ---------------------------------------------------------------------------
// §3.1 In force: from (inclusive), until (exclusive), through (inclusive)

TEST_CASE("from is inclusive", "[decide][in-force]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
    from: 2024-03-10
)");
  CHECK(said(*l, {"act", "2024-03-09"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2024-03-10"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "9999-12-31"}) == "forbidden by [c]");
}

TEST_CASE("until is exclusive", "[decide][in-force]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
    until: 2024-03-10
)");
  CHECK(said(*l, {"act", "0001-01-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2024-03-09"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2024-03-10"}) == "permitted (default)");
}

TEST_CASE("through is inclusive", "[decide][in-force]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
    through: 2024-03-10
)");
  CHECK(said(*l, {"act", "2024-03-10"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2024-03-11"}) == "permitted (default)");
}

TEST_CASE("through at the end of a month and a leap day", "[decide][in-force]") {
  auto l = contract(R"(clauses:
  - id: feb
    forbid: act
    through: 2024-02-29
)");
  CHECK(said(*l, {"act", "2024-02-29"}) == "forbidden by [feb]");
  CHECK(said(*l, {"act", "2024-03-01"}) == "permitted (default)");
}

TEST_CASE("from and until together bound both sides", "[decide][in-force]") {
  auto l = contract(R"(clauses:
  - id: c
    oblige: act
    from: 2024-01-01
    until: 2024-02-01
  - id: empty
    forbid: act
    from: 2024-05-01
    until: 2024-05-01
)");
  CHECK(said(*l, {"act", "2023-12-31"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2024-01-01"}) == "obligatory by [c]");
  CHECK(said(*l, {"act", "2024-01-31"}) == "obligatory by [c]");
  CHECK(said(*l, {"act", "2024-02-01"}) == "permitted (default)");
  // from == until: an empty interval, never in force.
  CHECK(said(*l, {"act", "2024-05-01"}) == "permitted (default)");
}

TEST_CASE("from and through together", "[decide][in-force]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
    from: 2024-01-01
    through: 2024-01-01
)");
  CHECK(said(*l, {"act", "2023-12-31"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2024-01-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2024-01-02"}) == "permitted (default)");
}

TEST_CASE("bounds may be named dates and date arithmetic", "[decide][in-force]") {
  auto l = contract(R"(dates:
  signed: 2024-01-31
  renewal: signed + 1 month
clauses:
  - id: c
    forbid: act
    from: signed
    through: renewal - 1 week
)");
  // renewal = 2024-02-29 (clamped); through 2024-02-22.
  CHECK(said(*l, {"act", "2024-01-30"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2024-01-31"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2024-02-22"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2024-02-23"}) == "permitted (default)");
}

TEST_CASE("bounds may use assumed date facts", "[decide][in-force]") {
  auto l = contract(R"(facts:
  start_on: {type: date, default: 2024-06-01}
clauses:
  - id: c
    forbid: act
    from: start_on + 10 days
)");
  CHECK(said(*l, {"act", "2024-06-10"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2024-06-11"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2024-06-11", {"start_on=2024-07-01"}}) == "permitted (default)");
  CHECK(said(*l, {"act", "2024-07-11", {"start_on=2024-07-01"}}) == "forbidden by [c]");
}

// ---------------------------------------------------------------------------
// Amendments: repeal

TEST_CASE("repeal: in force before effective, not on or after", "[decide][amend]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
amendments:
  - id: a1
    signed: 2025-01-01
    repeal: [c]
)");
  CHECK(said(*l, {"act", "2024-12-31"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2030-01-01"}) == "permitted (default)");
}

TEST_CASE("repeal takes effect on `effective`, not on `signed`", "[decide][amend]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
amendments:
  - id: a1
    signed: 2025-01-01
    effective: 2025-06-01
    repeal: [c]
)");
  CHECK(said(*l, {"act", "2025-01-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2025-05-31"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2025-06-01"}) == "permitted (default)");
}

TEST_CASE("a retroactive repeal (effective before signed)", "[decide][amend]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
amendments:
  - id: a1
    signed: 2025-06-01
    effective: 2025-01-01
    repeal: [c]
)");
  CHECK(said(*l, {"act", "2024-12-31"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2025-01-01"}) == "permitted (default)");
  // As agreed before it was signed, the repeal does not exist.
  CHECK(said(*l, {"act", "2025-03-01", {}, "2025-05-31"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2025-03-01", {}, "2025-06-01"}) == "permitted (default)");
}

TEST_CASE("repeal does not end a clause's own earlier bound", "[decide][amend]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
    from: 2024-01-01
    until: 2024-06-01
amendments:
  - id: a1
    signed: 2025-01-01
    repeal: [c]
)");
  CHECK(said(*l, {"act", "2023-12-31"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2024-03-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2024-06-01"}) == "permitted (default)");
}

// ---------------------------------------------------------------------------
// Amendments: amend

TEST_CASE("amend: only the fields given replace the old ones", "[decide][amend]") {
  auto l = contract(R"(facts:
  approved: {type: bool, default: true}
clauses:
  - id: c
    forbid: host(provider=acme)
    when: approved
    from: 2024-01-01
    until: 2025-06-01
amendments:
  - id: extend
    signed: 2025-01-01
    amend:
      - id: c
        until: 2027-01-01
)");
  // Before effective: the old version, with its old until.
  CHECK(said(*l, {"host(acme, azure)", "2023-12-31"}) == "permitted (default)");
  CHECK(said(*l, {"host(acme, azure)", "2024-12-31"}) == "forbidden by [c]");
  // After: the new until; pattern, when and from are inherited.
  CHECK(said(*l, {"host(acme, azure)", "2025-08-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"host(acme, azure)", "2026-12-31"}) == "forbidden by [c]");
  CHECK(said(*l, {"host(acme, azure)", "2027-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"host(globex, azure)", "2025-08-01"}) == "permitted (default)");
  CHECK(said(*l, {"host(acme, azure)", "2025-08-01", {"approved=false"}}) == "permitted (default)");
}

TEST_CASE("amend: an inherited from still bounds the new version", "[decide][amend]") {
  auto l = contract(R"(facts:
  approved: {type: bool, default: false}
clauses:
  - id: c
    forbid: act
    from: 2024-06-01
amendments:
  - id: a1
    signed: 2024-01-01
    amend:
      - id: c
        when: not approved
)");
  CHECK(said(*l, {"act", "2024-03-01"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2024-06-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2024-06-01", {"approved=true"}}) == "permitted (default)");
}

TEST_CASE("amend: the version changes on effective, not on signed", "[decide][amend]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
amendments:
  - id: a1
    signed: 2025-01-01
    effective: 2025-07-01
    amend:
      - id: c
        oblige: act
)");
  CHECK(said(*l, {"act", "2025-03-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2025-06-30"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2025-07-01"}) == "obligatory by [c]");
}

TEST_CASE("amend: `until: null` removes the end", "[decide][amend][null]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
    until: 2025-06-01
amendments:
  - id: a1
    signed: 2025-01-01
    amend:
      - id: c
        until: null
)");
  CHECK(said(*l, {"act", "2024-01-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2025-06-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "9999-12-31"}) == "forbidden by [c]");
}

TEST_CASE("amend: `through: null` removes an inclusive end", "[decide][amend][null]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
    through: 2025-06-01
amendments:
  - id: a1
    signed: 2025-01-01
    amend:
      - id: c
        through: null
)");
  CHECK(said(*l, {"act", "2025-06-02"}) == "forbidden by [c]");
}

TEST_CASE("amend: `from: null` removes the start", "[decide][amend][null]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
    from: 2026-01-01
amendments:
  - id: a1
    signed: 2025-01-01
    amend:
      - id: c
        from: null
)");
  CHECK(said(*l, {"act", "2024-12-31"}) == "permitted (default)");
  // From the amendment's effective date on, the clause has no own start.
  CHECK(said(*l, {"act", "2025-01-01"}) == "forbidden by [c]");
}

TEST_CASE("amend: `when: null` removes the condition (and its need for a fact)",
          "[decide][amend][null]") {
  auto l = contract(R"(facts:
  approved: {type: bool}
clauses:
  - id: c
    forbid: act
    when: approved
amendments:
  - id: a1
    signed: 2025-01-01
    amend:
      - id: c
        when: null
)");
  CHECK(said(*l, {"act", "2024-06-01", {"approved=false"}}) == "permitted (default)");
  CHECK(said(*l, {"act", "2024-06-01"}) == "error: missing fact approved in clause c");
  CHECK(said(*l, {"act", "2025-01-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2025-01-01", {"approved=false"}}) == "forbidden by [c]");
}

TEST_CASE("amend: until replaces an old through, and through an old until", "[decide][amend]") {
  auto l = contract(R"(clauses:
  - id: a
    forbid: host(provider=acme)
    through: 2026-01-01
  - id: b
    forbid: host(provider=globex)
    until: 2026-01-01
amendments:
  - id: a1
    signed: 2025-01-01
    amend:
      - id: a
        until: 2026-01-01
      - id: b
        through: 2026-01-01
)");
  CHECK(said(*l, {"host(acme, aws)", "2025-12-31"}) == "forbidden by [a]");
  CHECK(said(*l, {"host(acme, aws)", "2026-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"host(globex, aws)", "2026-01-01"}) == "forbidden by [b]");
  CHECK(said(*l, {"host(globex, aws)", "2026-01-02"}) == "permitted (default)");
}

TEST_CASE("amend: a modality key replaces modality and action pattern together",
          "[decide][amend]") {
  auto l = contract(R"(clauses:
  - id: c
    permit: host(provider=acme)
amendments:
  - id: a1
    signed: 2025-01-01
    amend:
      - id: c
        forbid: host(cloud=aws)
)");
  CHECK(said(*l, {"host(acme, azure)", "2024-12-31"}) == "permitted by [c]");
  CHECK(said(*l, {"host(globex, aws)", "2024-12-31"}) == "permitted (default)");
  CHECK(said(*l, {"host(acme, azure)", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"host(globex, aws)", "2025-01-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"host(acme, aws)", "2025-01-01"}) == "forbidden by [c]");
}

TEST_CASE("amend: a new modality may be about another action", "[decide][amend]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
amendments:
  - id: a1
    signed: 2025-01-01
    amend:
      - id: c
        oblige: toggle(true)
)");
  CHECK(said(*l, {"act", "2024-12-31"}) == "forbidden by [c]");
  CHECK(said(*l, {"toggle(true)", "2024-12-31"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"toggle(true)", "2025-01-01"}) == "obligatory by [c]");
  CHECK(said(*l, {"toggle(false)", "2025-01-01"}) == "permitted (default)");
}

TEST_CASE("amend: a new `when` may use the params of a new action", "[decide][amend]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
amendments:
  - id: a1
    signed: 2025-01-01
    amend:
      - id: c
        forbid: host
        when: cloud == oracle and provider != oracle
)");
  CHECK(said(*l, {"host(acme, oracle)", "2025-01-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"host(oracle, oracle)", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"host(acme, aws)", "2025-01-01"}) == "permitted (default)");
}

TEST_CASE("amend: an inherited `when` keeps meaning the params it names after a change of action",
          "[decide][amend]") {
  // `move` has the params of `host` in the other order. The inherited
  // `cloud == oracle` is well-typed for `move` and must read move's `cloud`,
  // not the param at host's position of `cloud`.
  auto l = load_ok(R"(pacta: 1
contract: t
parties: [acme, globex, oracle]
types:
  cloud: [azure, aws, oracle]
actions:
  host: {params: {provider: party, cloud: cloud}}
  move: {params: {cloud: cloud, provider: party}}
clauses:
  - id: c
    forbid: host
    when: cloud == oracle
amendments:
  - id: a1
    signed: 2025-01-01
    amend:
      - id: c
        forbid: move
)");
  CHECK(said(*l, {"host(acme, oracle)", "2024-06-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"move(cloud=oracle, provider=acme)", "2025-06-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"move(cloud=azure, provider=oracle)", "2025-06-01"}) == "permitted (default)");
}

TEST_CASE("amend: overrides are replaced from effective on", "[decide][amend][overrides]") {
  auto l = contract(R"(clauses:
  - id: general
    forbid: act
  - id: special
    permit: act
amendments:
  - id: a1
    signed: 2025-01-01
    amend:
      - id: special
        overrides: [general]
  - id: a2
    signed: 2026-01-01
    amend:
      - id: special
        overrides: null
)");
  CHECK(said(*l, {"act", "2024-12-31"}) == "forbidden by [general]");
  CHECK(said(*l, {"act", "2025-01-01"}) == "permitted by [special] overridden [general]");
  CHECK(said(*l, {"act", "2026-01-01"}) == "forbidden by [general]");
}

TEST_CASE("amend: successive amendments inherit from the previous version", "[decide][amend]") {
  auto l = contract(R"(facts:
  approved: {type: bool, default: true}
clauses:
  - id: c
    forbid: host
amendments:
  - id: a1
    signed: 2025-01-01
    amend:
      - id: c
        when: provider == acme
  - id: a2
    signed: 2026-01-01
    amend:
      - id: c
        oblige: host(cloud=aws)
)");
  // a2 keeps a1's `when` (same action, so its params still mean the same).
  CHECK(said(*l, {"host(globex, azure)", "2024-06-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"host(globex, azure)", "2025-06-01"}) == "permitted (default)");
  CHECK(said(*l, {"host(acme, azure)", "2025-06-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"host(acme, aws)", "2026-06-01"}) == "obligatory by [c]");
  CHECK(said(*l, {"host(globex, aws)", "2026-06-01"}) == "permitted (default)");
  CHECK(said(*l, {"host(acme, azure)", "2026-06-01"}) == "permitted (default)");
}

// ---------------------------------------------------------------------------
// Amendments: add

TEST_CASE("add: in force only from effective on", "[decide][amend][add]") {
  auto l = contract(R"(clauses: []
amendments:
  - id: a1
    signed: 2025-01-01
    effective: 2025-02-01
    add:
      - id: new
        forbid: act
)");
  CHECK(said(*l, {"act", "2025-01-15"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2025-01-31"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2025-02-01"}) == "forbidden by [new]");
}

TEST_CASE("add: within its own from/until as well", "[decide][amend][add]") {
  auto l = contract(R"(clauses: []
amendments:
  - id: a1
    signed: 2025-01-01
    add:
      - id: later
        forbid: host(provider=acme)
        from: 2025-03-01
        until: 2025-06-01
      - id: earlier
        forbid: host(provider=globex)
        from: 2020-01-01
)");
  CHECK(said(*l, {"host(acme, aws)", "2025-02-28"}) == "permitted (default)");
  CHECK(said(*l, {"host(acme, aws)", "2025-03-01"}) == "forbidden by [later]");
  CHECK(said(*l, {"host(acme, aws)", "2025-05-31"}) == "forbidden by [later]");
  CHECK(said(*l, {"host(acme, aws)", "2025-06-01"}) == "permitted (default)");
  // An own `from` before `effective` does not make it exist earlier.
  CHECK(said(*l, {"host(globex, aws)", "2024-12-31"}) == "permitted (default)");
  CHECK(said(*l, {"host(globex, aws)", "2025-01-01"}) == "forbidden by [earlier]");
}

TEST_CASE("add then repeal and amend by later amendments", "[decide][amend][add]") {
  auto l = contract(R"(clauses: []
amendments:
  - id: a1
    signed: 2025-01-01
    add:
      - id: x
        forbid: act
  - id: a2
    signed: 2025-06-01
    amend:
      - id: x
        oblige: act
  - id: a3
    signed: 2026-01-01
    repeal: [x]
)");
  CHECK(said(*l, {"act", "2024-12-31"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2025-01-01"}) == "forbidden by [x]");
  CHECK(said(*l, {"act", "2025-06-01"}) == "obligatory by [x]");
  CHECK(said(*l, {"act", "2026-01-01"}) == "permitted (default)");
}

// ---------------------------------------------------------------------------
// Amendment order: by effective, ties in file order

TEST_CASE("amendments apply in order of effective, not of the file", "[decide][amend][order]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
amendments:
  - id: second
    signed: 2025-06-01
    amend:
      - id: c
        oblige: act
  - id: first
    signed: 2025-01-01
    amend:
      - id: c
        permit: act
)");
  CHECK(said(*l, {"act", "2024-12-31"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2025-03-01"}) == "permitted by [c]");
  CHECK(said(*l, {"act", "2025-06-01"}) == "obligatory by [c]");
}

TEST_CASE("a later-effective amendment inherits from an earlier-effective one listed after it",
          "[decide][amend][order]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: host(provider=acme)
    until: 2025-03-01
amendments:
  - id: extend
    signed: 2025-06-01
    amend:
      - id: c
        until: 2030-01-01
  - id: retarget
    signed: 2025-01-01
    amend:
      - id: c
        forbid: host(provider=globex)
)");
  CHECK(said(*l, {"host(acme, aws)", "2024-12-31"}) == "forbidden by [c]");
  CHECK(said(*l, {"host(globex, aws)", "2025-02-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"host(globex, aws)", "2025-04-01"}) == "permitted (default)");
  // `extend` applies after `retarget`: the new until on globex's pattern.
  CHECK(said(*l, {"host(globex, aws)", "2025-07-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"host(acme, aws)", "2025-07-01"}) == "permitted (default)");
}

TEST_CASE("same effective date: the later amendment in the file wins", "[decide][amend][order]") {
  auto l = contract(R"(facts:
  approved: {type: bool, default: true}
clauses:
  - id: c
    forbid: act
amendments:
  - id: one
    signed: 2025-01-01
    amend:
      - id: c
        oblige: act
        when: approved
  - id: two
    signed: 2024-12-01
    effective: 2025-01-01
    amend:
      - id: c
        permit: act
)");
  CHECK(said(*l, {"act", "2024-12-31"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2025-01-01"}) == "permitted by [c]");
  // `two` inherits the `when` of `one`.
  CHECK(said(*l, {"act", "2025-01-01", {"approved=false"}}) == "permitted (default)");
}

TEST_CASE("same effective date: repeal in the earlier amendment, add of another clause",
          "[decide][amend][order]") {
  auto l = contract(R"(clauses:
  - id: old
    forbid: act
amendments:
  - id: one
    signed: 2025-01-01
    repeal: [old]
  - id: two
    signed: 2025-01-01
    add:
      - id: replacement
        oblige: act
)");
  CHECK(said(*l, {"act", "2024-12-31"}) == "forbidden by [old]");
  CHECK(said(*l, {"act", "2025-01-01"}) == "obligatory by [replacement]");
}

// ---------------------------------------------------------------------------
// As agreed on

TEST_CASE("as agreed on: amendments signed later do not exist", "[decide][as-agreed-on]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
amendments:
  - id: a1
    signed: 2025-01-01
    effective: 2025-03-01
    repeal: [c]
)");
  CHECK(said(*l, {"act", "2025-06-01"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2025-06-01", {}, "2024-12-31"}) == "forbidden by [c]");
  // Signed on that day: it exists.
  CHECK(said(*l, {"act", "2025-06-01", {}, "2025-01-01"}) == "permitted (default)");
  // Agreed after it was signed but before it is effective: it exists, and
  // it is not in effect yet on a date before `effective`.
  CHECK(said(*l, {"act", "2025-02-01", {}, "2025-01-15"}) == "forbidden by [c]");
}

TEST_CASE("as agreed on: a chain of add and amend", "[decide][as-agreed-on]") {
  auto l = contract(R"(clauses: []
amendments:
  - id: a1
    signed: 2025-01-01
    add:
      - id: x
        forbid: act
  - id: a2
    signed: 2025-06-01
    amend:
      - id: x
        oblige: act
)");
  CHECK(said(*l, {"act", "2026-01-01"}) == "obligatory by [x]");
  CHECK(said(*l, {"act", "2026-01-01", {}, "2025-05-31"}) == "forbidden by [x]");
  CHECK(said(*l, {"act", "2026-01-01", {}, "2025-06-01"}) == "obligatory by [x]");
  CHECK(said(*l, {"act", "2026-01-01", {}, "2024-12-31"}) == "permitted (default)");
}

TEST_CASE("as agreed on: the compiled scenario lists the amendments in effect",
          "[decide][as-agreed-on]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
amendments:
  - id: late
    signed: 2025-06-01
    effective: 2025-01-01
    amend:
      - id: c
        permit: act
  - id: early
    signed: 2025-02-01
    effective: 2025-02-01
    repeal: [c]
)");
  const Contract& c = l->contract();
  auto names = [&](const CompiledContract& cc) {
    std::vector<std::string> out;
    for (int a : cc.amendments_in_effect())
      out.push_back(c.amendments[static_cast<std::size_t>(a)].id);
    return out;
  };
  CHECK(names(CompiledContract(c, Scenario{})) == Ids{"late", "early"});
  CHECK(names(CompiledContract(c, Scenario{day("2025-02-01")})) == Ids{"early"});
  CHECK(names(CompiledContract(c, Scenario{day("2025-01-31")})).empty());
  CHECK(said(*l, {"act", "2025-01-15"}) == "permitted by [c]");
  CHECK(said(*l, {"act", "2025-01-15", {}, "2025-02-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2025-02-01", {}, "2025-02-01"}) == "permitted (default)");
}

// ---------------------------------------------------------------------------
// §3.2 Applicable: pattern matching

TEST_CASE("pattern: positional arguments", "[decide][pattern]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: host(acme, aws)
)");
  CHECK(said(*l, {"host(acme, aws)", "2025-01-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"host(acme, azure)", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"host(globex, aws)", "2025-01-01"}) == "permitted (default)");
}

TEST_CASE("pattern: named arguments with =, in any order", "[decide][pattern]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: host(cloud=aws, provider=globex)
)");
  CHECK(said(*l, {"host(globex, aws)", "2025-01-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"host(acme, aws)", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"host(globex, oracle)", "2025-01-01"}) == "permitted (default)");
}

TEST_CASE("pattern: `_` matches any value", "[decide][pattern]") {
  auto l = contract(R"(clauses:
  - id: positional
    forbid: host(_, aws)
  - id: named
    oblige: host(provider=_, cloud=azure)
)");
  for (const char* p : {"acme", "globex", "oracle"}) {
    std::string who(p);
    CHECK(said(*l, {"host(" + who + ", aws)", "2025-01-01"}) == "forbidden by [positional]");
    CHECK(said(*l, {"host(" + who + ", azure)", "2025-01-01"}) == "obligatory by [named]");
    CHECK(said(*l, {"host(" + who + ", oracle)", "2025-01-01"}) == "permitted (default)");
  }
}

TEST_CASE("pattern: omitted params match any value", "[decide][pattern]") {
  auto l = contract(R"(clauses:
  - id: all
    forbid: host
  - id: by-cloud
    oblige: host(cloud=oracle)
)");
  CHECK(said(*l, {"host(acme, azure)", "2025-01-01"}) == "forbidden by [all]");
  CHECK(said(*l, {"host(globex, aws)", "2025-01-01"}) == "forbidden by [all]");
  CHECK(said(*l, {"host(globex, oracle)", "2025-01-01"}) == "conflict by [all, by-cloud]");
  CHECK(said(*l, {"act", "2025-01-01"}) == "permitted (default)");
}

TEST_CASE("pattern: values of the same name resolve by the param's type", "[decide][pattern]") {
  auto l = contract(R"(clauses:
  - id: bare
    forbid: host(oracle, oracle)
  - id: qualified
    oblige: host(provider=party.oracle, cloud=cloud.aws)
)");
  CHECK(said(*l, {"host(oracle, oracle)", "2025-01-01"}) == "forbidden by [bare]");
  CHECK(said(*l, {"host(party.oracle, cloud.oracle)", "2025-01-01"}) == "forbidden by [bare]");
  CHECK(said(*l, {"host(acme, oracle)", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"host(oracle, azure)", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"host(oracle, aws)", "2025-01-01"}) == "obligatory by [qualified]");
}

TEST_CASE("pattern: bool params", "[decide][pattern]") {
  auto l = contract(R"(clauses:
  - id: on
    forbid: toggle(true)
  - id: off
    oblige: toggle(enabled=false)
  - id: mixed-true
    forbid: mixed(flag=true, where=aws)
)");
  CHECK(said(*l, {"toggle(true)", "2025-01-01"}) == "forbidden by [on]");
  CHECK(said(*l, {"toggle(false)", "2025-01-01"}) == "obligatory by [off]");
  CHECK(said(*l, {"mixed(acme, true, aws)", "2025-01-01"}) == "forbidden by [mixed-true]");
  CHECK(said(*l, {"mixed(acme, false, aws)", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"mixed(acme, true, azure)", "2025-01-01"}) == "permitted (default)");
}

TEST_CASE("pattern: a clause is only about its own action", "[decide][pattern]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
)");
  CHECK(said(*l, {"act", "2025-01-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"opened", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"guarded", "2025-01-01"}) == "forbidden (default)");
}

// ---------------------------------------------------------------------------
// §3.2 Applicable: when

TEST_CASE("when: params of the action by name", "[decide][when]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: host
    when: cloud != azure and provider == acme
  - id: m
    oblige: mixed
    when: flag and where == oracle and who != oracle
)");
  CHECK(said(*l, {"host(acme, aws)", "2025-01-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"host(acme, azure)", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"host(globex, aws)", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"mixed(acme, true, oracle)", "2025-01-01"}) == "obligatory by [m]");
  CHECK(said(*l, {"mixed(oracle, true, oracle)", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"mixed(acme, false, oracle)", "2025-01-01"}) == "permitted (default)");
}

TEST_CASE("when: facts with default, and assumed values over defaults", "[decide][when]") {
  auto l = contract(R"(facts:
  rate: {type: number, default: 0.15}
  region: {type: cloud, default: aws}
  partner: {type: party, default: globex}
clauses:
  - id: high-rate
    forbid: host(provider=acme)
    when: rate > 0.1
  - id: region
    oblige: host(provider=globex)
    when: region == aws and partner == globex
)");
  CHECK(said(*l, {"host(acme, azure)", "2025-01-01"}) == "forbidden by [high-rate]");
  CHECK(said(*l, {"host(acme, azure)", "2025-01-01", {"rate=0.1"}}) == "permitted (default)");
  CHECK(said(*l, {"host(acme, azure)", "2025-01-01", {"rate=-1"}}) == "permitted (default)");
  CHECK(said(*l, {"host(globex, azure)", "2025-01-01"}) == "obligatory by [region]");
  CHECK(said(*l, {"host(globex, azure)", "2025-01-01", {"region=oracle"}}) ==
        "permitted (default)");
  CHECK(said(*l, {"host(globex, azure)", "2025-01-01", {"partner=oracle"}}) ==
        "permitted (default)");
}

TEST_CASE("when: number arithmetic", "[decide][when]") {
  auto l = contract(R"(facts:
  revenue: {type: number, default: 100}
  share: {type: number, default: 0.2}
clauses:
  - id: c
    oblige: act
    when: revenue * share - 5 >= 15 and -revenue / 4 < -20
)");
  CHECK(said(*l, {"act", "2025-01-01"}) == "obligatory by [c]");
  CHECK(said(*l, {"act", "2025-01-01", {"share=0.19"}}) == "permitted (default)");
  CHECK(said(*l, {"act", "2025-01-01", {"revenue=80", "share=0.25"}}) == "permitted (default)");
}

TEST_CASE("when: named dates", "[decide][when]") {
  auto l = contract(R"(dates:
  signed: 2024-01-31
  renewal: signed + 1 month
clauses:
  - id: c
    forbid: act
    when: date >= renewal
)");
  CHECK(said(*l, {"act", "2024-02-28"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2024-02-29"}) == "forbidden by [c]");
}

TEST_CASE("when: named dates from date facts", "[decide][when]") {
  auto l = contract(R"(facts:
  breach_on: {type: date}
dates:
  cure_deadline: breach_on + 30 days
clauses:
  - id: c
    permit: act
    when: date > cure_deadline
)");
  CHECK(said(*l, {"act", "2025-03-01", {"breach_on=2025-01-01"}}) == "permitted by [c]");
  CHECK(said(*l, {"act", "2025-01-31", {"breach_on=2025-01-01"}}) == "permitted (default)");
  CHECK(said(*l, {"act", "2025-02-01", {"breach_on=2025-01-01"}}) == "permitted by [c]");
  // No breach: cure_deadline is never.
  CHECK(said(*l, {"act", "9999-12-31"}) == "permitted (default)");
}

TEST_CASE("when: `date` is the date asked about", "[decide][when]") {
  auto l = contract(R"(clauses:
  - id: c
    forbid: act
    when: date < 2024-06-01 or date == 2024-12-25
)");
  CHECK(said(*l, {"act", "2024-05-31"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2024-06-01"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2024-12-25"}) == "forbidden by [c]");
}

TEST_CASE("when: in and not in", "[decide][when]") {
  auto l = contract(R"(clauses:
  - id: in-list
    forbid: host
    when: cloud in [aws, oracle]
  - id: not-in-list
    oblige: host
    when: provider not in [acme, globex]
)");
  CHECK(said(*l, {"host(acme, aws)", "2025-01-01"}) == "forbidden by [in-list]");
  CHECK(said(*l, {"host(acme, oracle)", "2025-01-01"}) == "forbidden by [in-list]");
  CHECK(said(*l, {"host(acme, azure)", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"host(oracle, azure)", "2025-01-01"}) == "obligatory by [not-in-list]");
  CHECK(said(*l, {"host(oracle, aws)", "2025-01-01"}) == "conflict by [in-list, not-in-list]");
}

TEST_CASE("when: in over numbers and dates", "[decide][when]") {
  auto l = contract(R"(facts:
  tier: {type: number, default: 2}
clauses:
  - id: c
    forbid: act
    when: tier in [1, 2, 3] and date not in [2025-01-01, 2025-12-25]
)");
  CHECK(said(*l, {"act", "2025-01-02"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2025-01-02", {"tier=4"}}) == "permitted (default)");
}

// ---------------------------------------------------------------------------
// Unset date facts are `never`

TEST_CASE("never: from an unset date fact never starts", "[decide][never]") {
  auto l = contract(R"(facts:
  agi_date: {type: date}
clauses:
  - id: c
    forbid: act
    from: agi_date
)");
  CHECK(said(*l, {"act", "0001-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"act", "9999-12-31"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2030-01-01", {"agi_date=2030-01-01"}}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2029-12-31", {"agi_date=2030-01-01"}}) == "permitted (default)");
}

TEST_CASE("never: until an unset date fact never ends", "[decide][never]") {
  auto l = contract(R"(facts:
  agi_date: {type: date}
clauses:
  - id: until
    forbid: host(provider=acme)
    until: agi_date
  - id: through
    forbid: host(provider=globex)
    through: agi_date
)");
  CHECK(said(*l, {"host(acme, aws)", "9999-12-31"}) == "forbidden by [until]");
  CHECK(said(*l, {"host(globex, aws)", "9999-12-31"}) == "forbidden by [through]");
  CHECK(said(*l, {"host(acme, aws)", "2030-01-01", {"agi_date=2030-01-01"}}) ==
        "permitted (default)");
  CHECK(said(*l, {"host(globex, aws)", "2030-01-01", {"agi_date=2030-01-01"}}) ==
        "forbidden by [through]");
  CHECK(said(*l, {"host(globex, aws)", "2030-01-02", {"agi_date=2030-01-01"}}) ==
        "permitted (default)");
}

TEST_CASE("never: comparisons with an unset date fact", "[decide][never]") {
  auto l = contract(R"(facts:
  agi_date: {type: date}
clauses:
  - id: after
    forbid: host(cloud=aws)
    when: date >= agi_date
  - id: before
    forbid: host(cloud=azure)
    when: date < agi_date
  - id: is-never
    forbid: host(cloud=oracle)
    when: agi_date == never and agi_date + 1 year == never
)");
  CHECK(said(*l, {"host(acme, aws)", "9999-12-31"}) == "permitted (default)");
  CHECK(said(*l, {"host(acme, azure)", "9999-12-31"}) == "forbidden by [before]");
  CHECK(said(*l, {"host(acme, oracle)", "2025-01-01"}) == "forbidden by [is-never]");
  CHECK(said(*l, {"host(acme, aws)", "2025-01-01", {"agi_date=2025-01-01"}}) ==
        "forbidden by [after]");
  CHECK(said(*l, {"host(acme, azure)", "2025-01-01", {"agi_date=2025-01-01"}}) ==
        "permitted (default)");
  CHECK(said(*l, {"host(acme, oracle)", "2025-01-01", {"agi_date=2025-01-01"}}) ==
        "permitted (default)");
  // `never` may also be assumed explicitly.
  CHECK(said(*l, {"host(acme, oracle)", "2025-01-01", {"agi_date=never"}}) ==
        "forbidden by [is-never]");
}

// ---------------------------------------------------------------------------
// Facts without default

TEST_CASE("a needed fact without default is an error naming it", "[decide][missing-fact]") {
  auto l = contract(R"(facts:
  approved: {type: bool}
clauses:
  - id: free
    permit: act
  - id: needs
    forbid: act
    when: approved
)");
  const Contract& c = l->contract();
  Answer a = ask(c, {"act", "2025-01-01"});
  CHECK_FALSE(a.ok);
  CHECK(a.error.error == EvalEnv::Error::MissingFact);
  CHECK(a.error.clause == *c.find_clause("needs"));
  CHECK(a.error_at_fact);
  CHECK(a.missing_fact == *c.find_fact("approved"));
  CHECK(said(*l, {"act", "2025-01-01", {"approved=true"}}) == "forbidden by [needs]");
  CHECK(said(*l, {"act", "2025-01-01", {"approved=false"}}) == "permitted by [free]");
}

TEST_CASE("a fact without default that is not needed is fine", "[decide][missing-fact]") {
  auto l = contract(R"(facts:
  approved: {type: bool}
  level: {type: number}
  someone: {type: party}
clauses:
  - id: and-short-circuit
    forbid: host(cloud=aws)
    when: date < 2000-01-01 and approved
  - id: or-short-circuit
    oblige: host(cloud=azure)
    when: date > 2000-01-01 or level > 3
  - id: pattern-mismatch
    forbid: host(provider=globex)
    when: someone == acme
  - id: not-in-force
    forbid: act
    from: 2030-01-01
    when: approved
  - id: other-action
    forbid: toggle
    when: approved
)");
  CHECK(said(*l, {"host(acme, aws)", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"host(acme, azure)", "2025-01-01"}) == "obligatory by [or-short-circuit]");
  CHECK(said(*l, {"host(acme, oracle)", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2025-01-01"}) == "permitted (default)");
  // Needed: the error names the fact and the clause.
  CHECK(said(*l, {"host(globex, oracle)", "2025-01-01"}) ==
        "error: missing fact someone in clause pattern-mismatch");
  CHECK(said(*l, {"host(acme, aws)", "1999-01-01"}) ==
        "error: missing fact approved in clause and-short-circuit");
  CHECK(said(*l, {"act", "2030-01-01"}) == "error: missing fact approved in clause not-in-force");
  CHECK(said(*l, {"toggle(true)", "2025-01-01"}) ==
        "error: missing fact approved in clause other-action");
}

TEST_CASE("a fact without default, not needed because the clause was repealed",
          "[decide][missing-fact]") {
  auto l = contract(R"(facts:
  approved: {type: bool}
clauses:
  - id: c
    forbid: act
    when: approved
amendments:
  - id: a1
    signed: 2025-01-01
    repeal: [c]
)");
  CHECK(said(*l, {"act", "2024-12-31"}) == "error: missing fact approved in clause c");
  CHECK(said(*l, {"act", "2025-01-01"}) == "permitted (default)");
}

TEST_CASE("date arithmetic outside the calendar while deciding is an error", "[decide][errors]") {
  auto l = contract(R"(facts:
  breach_on: {type: date}
  rate: {type: number, default: 0}
clauses:
  - id: far
    forbid: toggle(true)
    when: breach_on + 9000 years > date
  - id: ratio
    oblige: toggle(false)
    when: 1 / rate > 2
)");
  // Unset: never + 9000 years is never, which is fine.
  CHECK(said(*l, {"toggle(true)", "2025-01-01"}) == "forbidden by [far]");
  CHECK(said(*l, {"toggle(true)", "2025-01-01", {"breach_on=2025-01-01"}}) ==
        "error: date out of range in clause far");
  CHECK(said(*l, {"toggle(false)", "2025-01-01"}) == "error: division by zero in clause ratio");
  CHECK(said(*l, {"toggle(false)", "2025-01-01", {"rate=0.25"}}) == "obligatory by [ratio]");
}

// ---------------------------------------------------------------------------
// §3.3 Overrides

TEST_CASE("overrides set aside simultaneously: A over B over C", "[decide][overrides]") {
  auto l = contract(R"(clauses:
  - id: C
    forbid: act
  - id: B
    oblige: act
    overrides: [C]
  - id: A
    permit: act
    overrides: [B]
)");
  // B is set aside by A, but B still sets C aside: only A decides.
  CHECK(said(*l, {"act", "2025-01-01"}) == "permitted by [A] overridden [C, B]");
}

TEST_CASE("overrides: an overridden clause's own overrides still apply, in any file order",
          "[decide][overrides]") {
  auto l = contract(R"(clauses:
  - id: A
    permit: act
    overrides: [B]
  - id: B
    oblige: act
    overrides: [C]
  - id: C
    forbid: act
)");
  CHECK(said(*l, {"act", "2025-01-01"}) == "permitted by [A] overridden [B, C]");
}

TEST_CASE("overrides: without the top clause, the middle one decides", "[decide][overrides]") {
  auto l = contract(R"(facts:
  top: {type: bool, default: false}
clauses:
  - id: C
    forbid: act
  - id: B
    oblige: act
    overrides: [C]
  - id: A
    permit: act
    when: top
    overrides: [B]
)");
  CHECK(said(*l, {"act", "2025-01-01"}) == "obligatory by [B] overridden [C]");
  CHECK(said(*l, {"act", "2025-01-01", {"top=true"}}) == "permitted by [A] overridden [C, B]");
}

TEST_CASE("overrides of a clause that does not apply have no effect", "[decide][overrides]") {
  auto l = contract(R"(facts:
  cond: {type: bool, default: false}
clauses:
  - id: target-when
    forbid: act
    when: cond
  - id: target-pattern
    forbid: host(cloud=aws)
  - id: target-time
    forbid: act
    from: 2030-01-01
  - id: winner
    permit: act
    overrides: [target-when, target-pattern, target-time]
  - id: host-winner
    permit: host(cloud=azure)
    overrides: [target-pattern]
)");
  CHECK(said(*l, {"act", "2025-01-01"}) == "permitted by [winner]");
  CHECK(said(*l, {"host(acme, azure)", "2025-01-01"}) == "permitted by [host-winner]");
  CHECK(said(*l, {"host(acme, aws)", "2025-01-01"}) == "forbidden by [target-pattern]");
  CHECK(said(*l, {"act", "2025-01-01", {"cond=true"}}) ==
        "permitted by [winner] overridden [target-when]");
  CHECK(said(*l, {"act", "2030-01-01", {"cond=true"}}) ==
        "permitted by [winner] overridden [target-when, target-time]");
}

TEST_CASE("overrides: a clause that does not apply sets nothing aside", "[decide][overrides]") {
  auto l = contract(R"(clauses:
  - id: general
    forbid: host
  - id: special
    permit: host(cloud=azure)
    overrides: [general]
)");
  CHECK(said(*l, {"host(acme, azure)", "2025-01-01"}) ==
        "permitted by [special] overridden [general]");
  CHECK(said(*l, {"host(acme, aws)", "2025-01-01"}) == "forbidden by [general]");
}

TEST_CASE("overrides: several clauses set aside the same one", "[decide][overrides]") {
  auto l = contract(R"(clauses:
  - id: base
    forbid: act
  - id: x
    permit: act
    overrides: [base]
  - id: y
    permit: act
    overrides: [base]
)");
  CHECK(said(*l, {"act", "2025-01-01"}) == "permitted by [x, y] overridden [base]");
}

TEST_CASE("overrides: when every applicable clause is set aside, the default decides",
          "[decide][overrides]") {
  auto l = contract(R"(facts:
  special: {type: bool, default: true}
clauses:
  - id: base
    oblige: guarded
  - id: exception
    forbid: guarded
    when: not special
    overrides: [base]
  - id: remover
    permit: opened
    when: false
  - id: special-case
    oblige: opened
    overrides: [remover]
)");
  CHECK(said(*l, {"guarded", "2025-01-01"}) == "obligatory by [base]");
  CHECK(said(*l, {"guarded", "2025-01-01", {"special=false"}}) ==
        "forbidden by [exception] overridden [base]");
  CHECK(said(*l, {"opened", "2025-01-01"}) == "obligatory by [special-case]");
}

TEST_CASE("overrides by an added clause", "[decide][overrides][add]") {
  auto l = contract(R"(clauses:
  - id: exclusivity
    forbid: host
amendments:
  - id: open-up
    signed: 2025-01-01
    add:
      - id: multi-cloud
        permit: host(cloud=aws)
        overrides: [exclusivity]
)");
  CHECK(said(*l, {"host(acme, aws)", "2024-12-31"}) == "forbidden by [exclusivity]");
  CHECK(said(*l, {"host(acme, aws)", "2025-01-01"}) ==
        "permitted by [multi-cloud] overridden [exclusivity]");
  CHECK(said(*l, {"host(acme, azure)", "2025-01-01"}) == "forbidden by [exclusivity]");
}

TEST_CASE("a Decider reused across questions does not leak overrides", "[decide][overrides]") {
  auto l = contract(R"(clauses:
  - id: general
    forbid: host
  - id: special
    permit: host(cloud=azure)
    overrides: [general]
)");
  const Contract& c = l->contract();
  CompiledContract compiled(c, Scenario{});
  Decider decider(compiled);
  SituationError se;
  auto s = make_situation(c, day("2025-01-01"), {}, se);
  REQUIRE(s.has_value());
  auto [action, azure] = instance(c, "host(acme, azure)");
  auto aws = instance(c, "host(acme, aws)").second;
  for (int round = 0; round < 3; ++round) {
    Decision d;
    DecisionError e;
    REQUIRE(decider.decide(*s, action, azure, d, e));
    CHECK(d.verdict == Verdict::Permitted);
    CHECK(clause_ids(c, d.by) == Ids{"special"});
    CHECK(clause_ids(c, d.overridden) == Ids{"general"});
    REQUIRE(decider.decide(*s, action, aws, d, e));
    CHECK(d.verdict == Verdict::Forbidden);
    CHECK(clause_ids(c, d.by) == Ids{"general"});
    CHECK(d.overridden.empty());
    CHECK_FALSE(d.is_default);
  }
}

// ---------------------------------------------------------------------------
// §3.4 Verdicts and §3.5 deciding clauses

TEST_CASE("verdict: forbid and oblige give conflict, by lists both sides", "[decide][verdict]") {
  auto l = contract(R"(clauses:
  - id: f1
    forbid: act
  - id: p1
    permit: act
  - id: o1
    oblige: act
  - id: f2
    forbid: act
)");
  CHECK(said(*l, {"act", "2025-01-01"}) == "conflict by [f1, o1, f2]");
}

TEST_CASE("verdict: forbid beats permit", "[decide][verdict]") {
  auto l = contract(R"(clauses:
  - id: p1
    permit: act
  - id: f1
    forbid: act
  - id: p2
    permit: act
)");
  CHECK(said(*l, {"act", "2025-01-01"}) == "forbidden by [f1]");
}

TEST_CASE("verdict: oblige beats permit", "[decide][verdict]") {
  auto l = contract(R"(clauses:
  - id: o1
    oblige: act
  - id: p1
    permit: act
  - id: o2
    oblige: act
)");
  CHECK(said(*l, {"act", "2025-01-01"}) == "obligatory by [o1, o2]");
}

TEST_CASE("verdict: permit", "[decide][verdict]") {
  auto l = contract_with_default("forbidden", R"(clauses:
  - id: p1
    permit: act
  - id: p2
    permit: act
)");
  CHECK(said(*l, {"act", "2025-01-01"}) == "permitted by [p1, p2]");
  Answer a = ask(*l, {"act", "2025-01-01"});
  CHECK_FALSE(a.is_default);
}

TEST_CASE("verdict: the action's default", "[decide][verdict][default]") {
  auto l = contract(R"(clauses:
  - id: unrelated
    forbid: act
)");
  Answer a = ask(*l, {"guarded", "2025-01-01"});
  REQUIRE(a.ok);
  CHECK(a.verdict == "forbidden");
  CHECK(a.is_default);
  CHECK(a.by.empty());
  CHECK(a.overridden.empty());
  CHECK(said(*l, {"opened", "2025-01-01"}) == "permitted (default)");
}

TEST_CASE("verdict: the action's default comes before the contract's",
          "[decide][verdict][default]") {
  auto l = contract_with_default("forbidden", "clauses: []\n");
  CHECK(said(*l, {"opened", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"guarded", "2025-01-01"}) == "forbidden (default)");
}

TEST_CASE("verdict: the contract's default", "[decide][verdict][default]") {
  SECTION("permitted when not given") {
    auto l = contract("clauses: []\n");
    Answer a = ask(*l, {"act", "2025-01-01"});
    REQUIRE(a.ok);
    CHECK(a.verdict == "permitted");
    CHECK(a.is_default);
    CHECK(a.by.empty());
  }
  SECTION("forbidden") {
    auto l = contract_with_default("forbidden", "clauses: []\n");
    Answer a = ask(*l, {"host(acme, aws)", "2025-01-01"});
    REQUIRE(a.ok);
    CHECK(a.verdict == "forbidden");
    CHECK(a.is_default);
    CHECK(a.by.empty());
  }
  SECTION("permitted, given explicitly") {
    auto l = contract_with_default("permitted", "clauses: []\n");
    CHECK(said(*l, {"toggle(false)", "2025-01-01"}) == "permitted (default)");
  }
}

TEST_CASE("verdict: a permit is not the default even where the default agrees",
          "[decide][verdict][default]") {
  auto l = contract(R"(clauses:
  - id: p
    permit: opened
)");
  CHECK(said(*l, {"opened", "2025-01-01"}) == "permitted by [p]");
}

TEST_CASE("by: sorted by clause order (original clauses, then added ones), not by id",
          "[decide][verdict]") {
  auto l = contract(R"(clauses:
  - id: zeta
    forbid: act
  - id: alpha
    forbid: act
amendments:
  - id: a2
    signed: 2025-02-01
    add:
      - id: beta
        forbid: act
  - id: a1
    signed: 2025-01-01
    add:
      - id: aardvark
        forbid: act
)");
  CHECK(said(*l, {"act", "2024-01-01"}) == "forbidden by [zeta, alpha]");
  // Added clauses follow the original ones in file order.
  CHECK(said(*l, {"act", "2025-06-01"}) == "forbidden by [zeta, alpha, beta, aardvark]");
}

TEST_CASE("by: only the verdict's modality, overridden ones excluded", "[decide][verdict]") {
  auto l = contract(R"(clauses:
  - id: p1
    permit: act
  - id: o1
    oblige: act
  - id: o2
    oblige: act
    overrides: [o3]
  - id: o3
    oblige: act
)");
  CHECK(said(*l, {"act", "2025-01-01"}) == "obligatory by [o1, o2] overridden [o3]");
}

// ---------------------------------------------------------------------------
// instances()

TEST_CASE("instances: params in order, values in declaration order", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  CHECK(all_instances(c, "host") ==
        Instances{{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}});
}

TEST_CASE("instances: bool false before true", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  CHECK(all_instances(c, "toggle") == Instances{{0}, {1}});
  CHECK(all_instances(c, "mixed(who=globex)") ==
        Instances{{1, 0, 0}, {1, 0, 1}, {1, 0, 2}, {1, 1, 0}, {1, 1, 1}, {1, 1, 2}});
}

TEST_CASE("instances: partial patterns keep the bound params", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  CHECK(all_instances(c, "host(cloud=aws)") == Instances{{0, 1}, {1, 1}, {2, 1}});
  CHECK(all_instances(c, "host(oracle, _)") == Instances{{2, 0}, {2, 1}, {2, 2}});
  CHECK(all_instances(c, "host(provider=_, cloud=_)").size() == 9);
  CHECK(all_instances(c, "mixed(where=oracle, who=acme)") == Instances{{0, 0, 2}, {0, 1, 2}});
  CHECK(all_instances(c, "mixed(acme, true, oracle)") == Instances{{0, 1, 2}});
  CHECK(all_instances(c, "act") == Instances{{}});
}

TEST_CASE("instances: more than the limit gives nullopt", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  // 3 parties x 2 bools x 3 clouds = 18.
  Instances exact = all_instances(c, "mixed", 18);
  CHECK(exact.size() == 18);
  CHECK(exact.front() == std::vector<int>{0, 0, 0});
  CHECK(exact.back() == std::vector<int>{2, 1, 2});
  CHECK(over_limit(c, "mixed", 17));
  CHECK(over_limit(c, "mixed", 1));
  CHECK_FALSE(over_limit(c, "mixed(flag=true, where=aws)", 3));
  CHECK(over_limit(c, "mixed(flag=true, where=aws)", 2));
  CHECK_FALSE(over_limit(c, "act", 1));
  CHECK(over_limit(c, "act", 0));
}

TEST_CASE("domain_size: bool is 2, a domain its value count", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  CHECK(domain_size(c, Type::boolean()) == 2);
  CHECK(domain_size(c, Type::value(0)) == 3);
  CHECK(domain_size(c, Type::value(*c.find_domain("cloud"))) == 3);
}
