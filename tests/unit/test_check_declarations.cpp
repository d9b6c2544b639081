// Declarations that must fit together: one namespace for types, facts, named
// dates and actions (E404), named dates without cycles (E405), finite params
// (E406), the arity of patterns (E407), constant amendment dates (E408) and
// constant date arithmetic inside the calendar (E306).
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

// Issue 9 #7: names are hashed, so a large contract checks in linear time.
// The lookups must find what a scan from the front found: the first of a
// value listed twice, every value of a large enum, a value of two types.
TEST_CASE("names: large enums, many facts and actions resolve as declared", "[checker][names]") {
  std::string yaml = "pacta: 1\ncontract: t\nparties: [acme, other]\ntypes:\n  big: [";
  for (int i = 0; i < 3000; ++i) yaml += (i ? ", v" : "v") + std::to_string(i);
  yaml += ", v7]\n  small: [v2999, w]\nfacts:\n";
  for (int i = 0; i < 300; ++i) yaml += "  f" + std::to_string(i) + ": {type: big}\n";
  yaml += "actions:\n";
  for (int i = 0; i < 300; ++i) {
    yaml += "  act" + std::to_string(i) + ": {params: {p" + std::to_string(i) + ": big}}\n";
  }
  yaml +=
      "clauses:\n"
      "  - {id: last, permit: act299(p299=v2998), when: f299 == big.v2999 and p299 != v0}\n"
      "  - {id: ambiguous, permit: act0, when: f0 == v2999 or v2999 == v2999}\n";
  auto column = [&](std::size_t at) {  // 1-based column of a byte offset
    return static_cast<std::uint32_t>(at - yaml.rfind('\n', at - 1));
  };
  const std::size_t duplicate = yaml.find(", v7]") + 2;
  const std::size_t ambiguous = yaml.find("or v2999") + 3;
  auto l = load(yaml);
  CHECK_ERROR(l, Code::E206, 5, column(duplicate), "'v7' is listed twice in big");
  CHECK_HELP(l, Code::E206, "the first is on line 5");
  CHECK_ERROR(l, Code::E402, 611, column(ambiguous),
              "'v2999' is ambiguous here: it is a value of 2 types");
  CHECK(l->diags.error_count() == 2);
}
