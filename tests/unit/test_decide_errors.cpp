// Decisions (language.md §7) as far as a test file cannot express them; the
// decision cases themselves are data in tests/spec/<topic>/*.test.yaml, run by
// `pacta test tests/spec` (the ctest `spec`). Every test here loads a small
// rule file and asks questions of it; `said()` summarises an answer in one
// line (verdict, by, overridden, default).
//
// This file: errors while deciding: a needed fact without default, date
// arithmetic outside the calendar.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "decide_fixture.hpp"

using namespace pacta;
using namespace pacta::fixture;
using namespace pacta::decide_fixture;

// ---------------------------------------------------------------------------
// Facts without default: a needed one is an error naming the fact and the
// clause (the cases that need none are in tests/spec/facts/)

TEST_CASE("a needed fact without default is an error naming it", "[decide][missing-fact]") {
  // As tests/spec/facts/needed-assumed.yaml, where the questions with the
  // fact assumed are.
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
}

TEST_CASE("a fact without default is needed wherever a clause's `when` is evaluated",
          "[decide][missing-fact]") {
  // As tests/spec/facts/not-needed.yaml, where the questions that need no
  // fact are.
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
  CHECK(said(*l, {"host(globex, oracle)", "2025-01-01"}) ==
        "error: missing fact someone in clause pattern-mismatch");
  CHECK(said(*l, {"host(acme, aws)", "1999-01-01"}) ==
        "error: missing fact approved in clause and-short-circuit");
  CHECK(said(*l, {"act", "2030-01-01"}) == "error: missing fact approved in clause not-in-force");
  CHECK(said(*l, {"toggle(true)", "2025-01-01"}) ==
        "error: missing fact approved in clause other-action");
}

TEST_CASE("and/or: an unset fact is an error only when the answer depends on it",
          "[decide][missing-fact]") {
  // The questions the other operand decides are in
  // tests/spec/facts/unknown-operand-order.yaml.
  auto l = contract(R"(facts:
  tier: {type: number}
  level: {type: number}
  approved: {type: bool}
  rate: {type: number, default: 0}
clauses:
  - id: left-or
    permit: act
    when: tier > 2 or approved
  - id: both-unknown
    permit: toggle(true)
    when: tier > 2 or level > 2
  - id: sibling
    permit: toggle(false)
    when: (tier > 2) == (level > 2 or true)
  - id: hard-error
    permit: host(acme, aws)
    when: 1 / rate > 2 or approved
  - id: unknown-then-hard
    permit: host(acme, azure)
    when: tier > 2 or 1 / rate > 2
)");
  CHECK(said(*l, {"act", "2025-01-01", {"approved=false"}}) ==
        "error: missing fact tier in clause left-or");
  CHECK(said(*l, {"act", "2025-01-01", {"approved=true"}}) == "permitted by [left-or]");
  CHECK(said(*l, {"act", "2025-01-01", {"tier=3"}}) == "permitted by [left-or]");
  // Neither side known: the first unset fact read is named.
  CHECK(said(*l, {"toggle(true)", "2025-01-01"}) ==
        "error: missing fact tier in clause both-unknown");
  CHECK(said(*l, {"toggle(true)", "2025-01-01", {"level=3"}}) == "permitted by [both-unknown]");
  // An `or` decided on its own does not hide an unknown beside it.
  CHECK(said(*l, {"toggle(false)", "2025-01-01"}) == "error: missing fact tier in clause sibling");
  // Other errors stay errors, on either side.
  CHECK(said(*l, {"host(acme, aws)", "2025-01-01", {"approved=true"}}) ==
        "error: division by zero in clause hard-error");
  CHECK(said(*l, {"host(acme, azure)", "2025-01-01"}) ==
        "error: missing fact tier in clause unknown-then-hard");
  CHECK(said(*l, {"host(acme, azure)", "2025-01-01", {"tier=1"}}) ==
        "error: division by zero in clause unknown-then-hard");
}

TEST_CASE("a fact without default is needed until its clause is repealed",
          "[decide][missing-fact]") {
  // As tests/spec/facts/repealed.yaml, where the question after the repeal is.
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
}

TEST_CASE("date arithmetic outside the calendar while deciding is an error", "[decide][errors]") {
  // As tests/spec/dates/eval-errors.yaml, where the questions without an
  // error are.
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
  CHECK(said(*l, {"toggle(true)", "2025-01-01", {"breach_on=2025-01-01"}}) ==
        "error: date out of range in clause far");
  CHECK(said(*l, {"toggle(false)", "2025-01-01"}) == "error: division by zero in clause ratio");
}
