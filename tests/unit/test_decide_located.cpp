// Failures while deciding are located (E603, E605): describe_failure, given
// the contract's file, says where in it the failing part is written — the
// `/` of a division, the fact read, the date shift — and the help names
// what that part depends on, however the named dates nest.
//
// Every YAML text starts on line 1 right after `R"yaml(`, so the line numbers
// in the assertions can be read off the text.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "check_fixture.hpp"

using namespace pacta;
using namespace pacta::fixture;

namespace {

struct Failed {
  QuestionFailure failure;
  Position position;
};

// Decides `act` on 2025-01-01 with `assume`; the decision must fail.
Failed decide_failing(const Loaded& l, const std::vector<std::string>& assume) {
  const Contract& c = l.contract();
  SituationError serr;
  auto situation = make_situation(c, day("2025-01-01"), assumptions(c, assume), serr);
  const SourceFile& source = *l.result->source;
  Failed out;
  if (!situation) {
    out.failure =
        describe_failure(c, serr.error, serr.at, -1, serr.named_date, "--assume", &source);
  } else {
    CompiledContract compiled(c, Scenario{});
    Decider decider(compiled);
    Decision d;
    DecisionError derr;
    REQUIRE_FALSE(decider.decide(*situation, *c.find_action("act"), {}, d, derr));
    out.failure = describe_failure(c, derr.error, derr.at, derr.clause, -1, "--assume", &source);
  }
  REQUIRE(out.failure.file == &source);
  out.position = source.position(out.failure.offset);
  return out;
}

}  // namespace

TEST_CASE("a division by zero while deciding points at its `/`", "[decide][E605]") {
  auto l = load_ok(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  fee: {type: number, default: 900}
  period: {type: number, default: 30}
actions:
  act:
clauses:
  - id: daily-fee
    oblige: act
    when: fee / period > 20
)yaml");
  Failed f = decide_failing(*l, {"period=0"});
  CHECK(f.failure.code == Code::E605);
  CHECK(f.failure.message == "division by zero in clause 'daily-fee'");
  CHECK(f.failure.help ==
        "it depends on fact 'period' (--assume or its default): check that value");
  CHECK(f.position.line == 12);
  CHECK(f.position.column == 15);
}

TEST_CASE("an unset fact while deciding points where it is read", "[decide][E603]") {
  auto l = load_ok(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  tier: {type: number}
actions:
  act:
clauses:
  - id: upgrade
    permit: act
    when: date > 2024-01-01 and tier > 2
)yaml");
  Failed f = decide_failing(*l, {});
  CHECK(f.failure.code == Code::E603);
  CHECK(f.position.line == 11);
  CHECK(f.position.column == 33);
}

TEST_CASE("the help of a date out of range looks at each named date once", "[decide][E605]") {
  // d60 reads d59 twice, which reads d58 twice...: walking the uses as a
  // tree would take 2^60 steps.
  std::string yaml = R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  breach_on: {type: date}
dates:
  d0: breach_on
)yaml";
  for (int i = 1; i <= 60; ++i) {
    yaml += "  d" + std::to_string(i) + ": max(d" + std::to_string(i - 1) + ", d" +
            std::to_string(i - 1) + ")\n";
  }
  yaml += R"yaml(actions:
  act:
clauses:
  - id: late
    permit: act
    when: d60 + 1 day > date
)yaml";
  auto l = load_ok(yaml);
  Failed f = decide_failing(*l, {"breach_on=9999-12-31"});
  CHECK(f.failure.code == Code::E605);
  CHECK(f.failure.help ==
        "it depends on fact 'breach_on' (--assume or its default): check that value");
  CHECK(f.position.line == 73);
  CHECK(f.position.column == 11);
}
