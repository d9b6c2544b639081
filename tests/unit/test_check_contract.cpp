// The checker on whole files (language.md §2-§6): the checked Contract a valid file
// gives, and every error of a file reported, not only the first.
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
  CHECK(h.when != nullptr);
  CHECK(h.from != nullptr);
  CHECK(h.until != nullptr);
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
  CHECK(*c.amendments[0].amend[0].second.until == nullptr);       // removed
  CHECK_FALSE(c.amendments[0].amend[0].second.from.has_value());  // inherited
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
// YAML aliases: an aliased node is parsed and checked once (language.md)

TEST_CASE("aliases: an aliased `when` is one TypedExpr per action, shared by its clauses",
          "[checker][alias]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme, globex]
facts:
  approved: {type: bool}
actions:
  sell: {params: {p: party}}
  buy: {params: {urgent: bool, p: party}}
clauses:
  - {id: a, permit: sell, when: &w p == acme and approved, from: &d 2025-01-01}
  - {id: b, forbid: sell, when: *w, from: *d}
  - {id: c, permit: buy, when: *w, until: *d}
)yaml");
  CHECK_LOADS(l);
  const Contract& c = l->contract();
  const ClauseVersion& a = c.clauses[0].version;
  const ClauseVersion& b = c.clauses[1].version;
  const ClauseVersion& buy = c.clauses[2].version;
  REQUIRE(a.when != nullptr);
  CHECK(b.when == a.when);  // the same action: typed once, shared
  CHECK(b.from == a.from);
  // Another action resolves `p` to another param: typed again, for it.
  REQUIRE(buy.when != nullptr);
  CHECK(buy.when != a.when);
  const TypedExpr& p_in_sell = a.when->operands.at(0).operands.at(0);
  const TypedExpr& p_in_buy = buy.when->operands.at(0).operands.at(0);
  CHECK(p_in_sell.op == TypedExpr::Op::Param);
  CHECK(p_in_sell.index == 0);
  CHECK(p_in_buy.op == TypedExpr::Op::Param);
  CHECK(p_in_buy.index == 1);
  CHECK(buy.until != nullptr);
}

TEST_CASE("aliases: an aliased bad `when` is reported once, at the anchor",
          "[checker][alias][E401]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  approved: {type: bool}
actions:
  act:
clauses:
  - {id: a, permit: act, when: &w aproved}
  - {id: b, forbid: act, when: *w}
  - {id: c, oblige: act, when: *w}
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 9, 35, "unknown name 'aproved' in 'when'");
}

TEST_CASE("aliases: an aliased `when` that does not parse is reported once, at the anchor",
          "[checker][alias]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  approved: {type: bool}
actions:
  act:
clauses:
  - {id: a, permit: act, when: &w approved and}
  - {id: b, forbid: act, when: *w}
  - {id: c, oblige: act, when: *w}
)yaml");
  INFO("diagnostics:\n" << l->report());
  CHECK(l->diags.error_count() == 1);
}
