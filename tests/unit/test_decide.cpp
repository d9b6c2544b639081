// Decisions (SPEC §3) as far as a test file cannot express them: errors
// while deciding, the `overridden` set, the order of `by`, the default
// flag, the CompiledContract and Decider APIs, and the enumeration of
// action instances. The decision cases themselves (contract, question,
// verdict, deciding clauses) are data in tests/spec/<topic>/*.test.yaml,
// run by `pacta test tests/spec` (the ctest `spec`). Every test here loads a
// small rule file and asks questions of it; `said()` summarises an answer
// in one line (verdict, by, overridden, default).
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
// Amendments (the cases are in tests/spec/amendments/)

TEST_CASE("amend: before `when: null` takes effect, the condition still needs its fact",
          "[decide][amend][null][missing-fact]") {
  // As tests/spec/amendments/amend-null-when.yaml.
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
  CHECK(said(*l, {"act", "2024-06-01"}) == "error: missing fact approved in clause c");
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

// ---------------------------------------------------------------------------
// As agreed on (the cases are in tests/spec/as-agreed-on/)

// Its questions are tests/spec/as-agreed-on/signed-after-effective.test.yaml.
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
}

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

// ---------------------------------------------------------------------------
// §3.4 Verdicts and §3.5 deciding clauses: the default flag and the order of
// `by` (the verdict cases are in tests/spec/verdicts/ and tests/spec/defaults/)

TEST_CASE("verdict: a permit is not a default", "[decide][verdict][default]") {
  // As tests/spec/verdicts/permit.yaml.
  auto l = contract_with_default("forbidden", R"(clauses:
  - id: p1
    permit: act
  - id: p2
    permit: act
)");
  Answer a = ask(*l, {"act", "2025-01-01"});
  REQUIRE(a.ok);
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
