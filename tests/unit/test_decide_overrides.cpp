// Decisions (language.md §7) as far as a test file cannot express them; the
// decision cases themselves are data in tests/spec/<topic>/*.test.yaml, run by
// `pacta test tests/spec` (the ctest `spec`). Every test here loads a small
// rule file and asks questions of it; `said()` summarises an answer in one
// line (verdict, by, overridden, default).
//
// This file: overrides, and the `overridden` set.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "decide_fixture.hpp"

using namespace pacta;
using namespace pacta::fixture;
using namespace pacta::decide_fixture;

// ---------------------------------------------------------------------------
// §3.3 Overrides. Every question about a contract with `overrides` stays
// here: said() also asserts the `overridden` set (empty when not shown),
// which a test file cannot check.

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

// The Decider caches clause bounds per situation, keyed on the facts and
// named dates they were computed from (not on an id): a fact changed on the
// same Situation object between two decisions is seen by the second.
TEST_CASE("a Decider sees a fact changed on the same Situation", "[decide][cache]") {
  auto l = contract(R"(facts:
  start: {type: date, default: 2025-01-01}
clauses:
  - id: freeze
    forbid: host
    from: start
)");
  const Contract& c = l->contract();
  CompiledContract compiled(c, Scenario{});
  Decider decider(compiled);
  SituationError se;
  auto s = make_situation(c, day("2025-06-01"), {}, se);
  REQUIRE(s.has_value());
  auto [action, args] = instance(c, "host(acme, azure)");
  Decision d;
  DecisionError e;
  REQUIRE(decider.decide(*s, action, args, d, e));
  CHECK(d.verdict == Verdict::Forbidden);
  const int start = *c.find_fact("start");
  s->facts[static_cast<std::size_t>(start)] = Value::date(day("2026-01-01"));
  REQUIRE(decider.decide(*s, action, args, d, e));
  CHECK(d.verdict == Verdict::Permitted);
  CHECK(d.is_default);
  s->facts[static_cast<std::size_t>(start)] = Value::date(day("2025-01-01"));
  REQUIRE(decider.decide(*s, action, args, d, e));
  CHECK(d.verdict == Verdict::Forbidden);
}
