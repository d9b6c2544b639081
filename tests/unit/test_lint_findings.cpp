// `pacta lint` (engine/lint/lint.hpp): one small contract per kind of
// finding, and beside each a contract that is almost the same and must not
// have it (no false positive).
#include <catch2/catch.hpp>
#include <string>

#include "contract_fixture.hpp"
#include "engine/lint/lint.hpp"

using namespace pacta;

namespace {

// A contract with one action `act(p: party)` and the clauses (and any other
// top-level keys) given.
std::string contract(const std::string& clauses, const std::string& more = "") {
  return "pacta: 1\ncontract: t\nparties: [a, b]\n" + more +
         "actions:\n  act:\n    params: {p: party}\nclauses:\n" + clauses;
}

struct Linted {
  std::unique_ptr<fixture::Loaded> loaded;
  LintResult result;
  std::size_t count(Code code) const {
    std::size_t n = 0;
    for (const LintFinding& f : result.findings) n += f.code == code ? 1 : 0;
    return n;
  }
  const LintFinding& first(Code code) const {
    for (const LintFinding& f : result.findings) {
      if (f.code == code) return f;
    }
    FAIL("no finding " << code_name(code));
    return result.findings.front();
  }
  std::string describe() const {
    std::string out;
    for (const LintFinding& f : result.findings) {
      out += std::string(code_name(f.code)) + " " + f.message + "\n";
    }
    return out;
  }
};

Linted lint(const std::string& yaml, const Limits& limits = {}) {
  Linted l{fixture::load_ok(yaml), {}};
  l.result = lint_contract(l.loaded->contract(), limits);
  return l;
}

}  // namespace

TEST_CASE("L101: an oblige and a forbid that decide together, with the question") {
  const Linted l =
      lint(contract("  - id: must\n    oblige: act\n  - id: not-a\n    forbid: act(p=a)\n"));
  INFO(l.describe());
  REQUIRE(l.count(Code::L101) == 1);
  const LintFinding& f = l.first(Code::L101);
  REQUIRE(f.witness);
  CHECK(f.witness->args == std::vector<int>{0});
  CHECK(code_info(Code::L101).severity == Severity::Error);
  const Linted settled =
      lint(contract("  - id: must\n    oblige: act\n  - id: not-a\n    forbid: act(p=a)\n"
                    "    overrides: [must]\n"));
  INFO(settled.describe());
  CHECK(settled.count(Code::L101) == 0);
}

TEST_CASE("L101: a conflict that only some fact values make") {
  const std::string facts = "facts:\n  ok: {type: bool, default: true}\n";
  const Linted l = lint(contract(
      "  - id: must\n    oblige: act\n  - id: unless-ok\n    forbid: act\n    when: not ok\n",
      facts));
  INFO(l.describe());
  REQUIRE(l.count(Code::L101) == 1);
  const LintWitness& w = *l.first(Code::L101).witness;
  REQUIRE(w.assume.size() == 1);
  CHECK(w.assume.front().second == Value::boolean(false));
}

TEST_CASE("L102: a clause that applies but never decides") {
  const Linted l = lint(contract("  - id: may\n    permit: act\n  - id: never\n    forbid: act\n"));
  INFO(l.describe());
  REQUIRE(l.count(Code::L102) == 1);
  CHECK(l.loaded->contract().clauses[static_cast<std::size_t>(l.first(Code::L102).clause)].id ==
        "may");
  CHECK(l.first(Code::L102).witness.has_value());
  const Linted both =
      lint(contract("  - id: may\n    permit: act(p=a)\n  - id: never\n    forbid: act(p=b)\n"));
  INFO(both.describe());
  CHECK(both.count(Code::L102) == 0);
}

TEST_CASE("L103: an override of a clause that never applies at the same time") {
  const Linted l =
      lint(contract("  - id: early\n    permit: act\n    until: 2024-01-01\n    overrides: [late]\n"
                    "  - id: late\n    forbid: act\n    from: 2024-06-01\n"));
  INFO(l.describe());
  CHECK(l.count(Code::L103) == 1);
  const Linted overlapping =
      lint(contract("  - id: early\n    permit: act\n    until: 2024-07-01\n    overrides: [late]\n"
                    "  - id: late\n    forbid: act\n    from: 2024-06-01\n"));
  INFO(overlapping.describe());
  CHECK(overlapping.count(Code::L103) == 0);
}

TEST_CASE("L104: a clause that is never in force in any scenario") {
  const std::string gone =
      "amendments:\n  - id: repeal-it\n    signed: 2020-01-01\n    repeal: [later]\n";
  const Linted l = lint(contract("  - id: base\n    permit: act(p=a)\n"
                                 "  - id: later\n    forbid: act\n    from: 2030-01-01\n"
                                 "    until: 2035-01-01\n") +
                        gone);
  INFO(l.describe());
  // Repealed (signed 2020) before it starts; as agreed before 2020 it is in force.
  CHECK(l.count(Code::L104) == 0);
  const std::string retro =
      "amendments:\n  - id: repeal-it\n    signed: 2020-01-01\n"
      "    effective: 2019-01-01\n    add:\n"
      "      - id: added\n        forbid: act\n        until: 2018-01-01\n";
  const Linted dead = lint(contract("  - id: base\n    permit: act(p=a)\n") + retro);
  INFO(dead.describe());
  CHECK(dead.count(Code::L104) == 1);
}

TEST_CASE("L105: bounds that leave no day, at the bound") {
  const Linted l =
      lint(contract("  - id: x\n    permit: act\n    from: 2025-01-01\n"
                    "    until: 2024-01-01\n  - id: y\n    forbid: act\n"
                    "    from: 2025-01-01\n    through: 2024-12-31\n"));
  INFO(l.describe());
  CHECK(l.count(Code::L105) == 2);
  CHECK(l.count(Code::L104) == 0);  // explained by L105
  const Linted fine =
      lint(contract("  - id: x\n    permit: act\n    from: 2025-01-01\n"
                    "    through: 2025-01-01\n"));
  INFO(fine.describe());
  CHECK(fine.count(Code::L105) == 0);
}

TEST_CASE("L106: an amendment that changes no answer") {
  const std::string clauses = "  - id: x\n    forbid: act\n    from: 2024-01-01\n";
  const Linted l = lint(contract(clauses) +
                        "amendments:\n  - id: retitle\n    signed: 2024-06-01\n"
                        "    amend:\n      - id: x\n        title: New\n");
  INFO(l.describe());
  CHECK(l.count(Code::L106) == 1);
  const Linted changes = lint(contract(clauses) +
                              "amendments:\n  - id: end\n    signed: 2024-06-01\n"
                              "    amend:\n      - id: x\n        until: 2025-01-01\n");
  INFO(changes.describe());
  CHECK(changes.count(Code::L106) == 0);
}

TEST_CASE("L107 and L108: a `when` never true, or always true, while in force") {
  const Linted never = lint(contract("  - id: x\n    permit: act(p=b)\n    when: p == a\n"));
  INFO(never.describe());
  CHECK(never.count(Code::L107) == 1);
  CHECK(never.count(Code::L104) == 0);  // explained by L107
  const Linted always = lint(contract("  - id: x\n    permit: act(p=a)\n    when: p == a\n"));
  INFO(always.describe());
  CHECK(always.count(Code::L108) == 1);
  const Linted depends = lint(contract("  - id: x\n    permit: act\n    when: p == a\n"));
  INFO(depends.describe());
  CHECK(depends.count(Code::L107) + depends.count(Code::L108) == 0);
  const Linted dated = lint(
      contract("  - id: x\n    forbid: act\n    when: date >= 2024-01-01\n    from: 2023-06-01\n"));
  INFO(dated.describe());
  CHECK(dated.count(Code::L107) + dated.count(Code::L108) == 0);
}

TEST_CASE("L109: declarations never read") {
  const std::string more =
      "types:\n  colour: [red, blue]\n  size: [small, large]\n"
      "facts:\n  unused: {type: bool}\n  big: {type: size, default: small}\n"
      "dates:\n  spare: 2025-01-01\nconditions:\n  idle: big == large\n";
  const Linted l = lint(contract("  - id: x\n    permit: act\n", more));
  INFO(l.describe());
  // colour (type), unused (fact), spare (date), idle (condition); `big` is
  // read by `idle`, `large` named there, `small` its default.
  CHECK(l.count(Code::L109) == 4);
  const Linted used =
      lint(contract("  - id: x\n    permit: act\n    when: big == large and date >= spare\n",
                    "types:\n  size: [small, large]\nfacts:\n  big: {type: size, default: small}\n"
                    "dates:\n  spare: 2025-01-01\n"));
  INFO(used.describe());
  CHECK(used.count(Code::L109) == 0);
}

TEST_CASE("L110: an action without clauses") {
  const Linted l = lint(
      "pacta: 1\ncontract: t\nparties: [a]\nactions:\n  act: {}\n  idle: {}\n"
      "clauses:\n  - id: x\n    permit: act\n");
  INFO(l.describe());
  CHECK(l.count(Code::L110) == 1);
  const Linted all = lint(contract("  - id: x\n    permit: act\n"));
  CHECK(all.count(Code::L110) == 0);
}

TEST_CASE("L111: months added to a date that can be the 29th to the 31st") {
  const Linted l =
      lint(contract("  - id: x\n    permit: act\n    from: start + 1 month\n"
                    "  - id: y\n    forbid: act\n    from: ended + 1 month\n",
                    "facts:\n  ended: {type: date}\ndates:\n  start: 2024-01-31\n"));
  INFO(l.describe());
  CHECK(l.count(Code::L111) == 2);
  const Linted fine =
      lint(contract("  - id: x\n    permit: act\n    from: start + 1 month\n"
                    "  - id: y\n    forbid: act\n    from: start + 10 days\n",
                    "dates:\n  start: 2024-01-15\n"));
  INFO(fine.describe());
  CHECK(fine.count(Code::L111) == 0);
}

TEST_CASE("L112: an amendment effective before it was signed") {
  const std::string clauses = "  - id: x\n    forbid: act\n";
  const Linted l = lint(contract(clauses) +
                        "amendments:\n  - id: back\n    signed: 2024-06-01\n"
                        "    effective: 2024-01-01\n    repeal: [x]\n");
  INFO(l.describe());
  CHECK(l.count(Code::L112) == 1);
  const Linted ahead = lint(contract(clauses) +
                            "amendments:\n  - id: ahead\n    signed: 2024-01-01\n"
                            "    effective: 2024-06-01\n    repeal: [x]\n");
  CHECK(ahead.count(Code::L112) == 0);
}

TEST_CASE("L113: what cannot be analysed, and the work bound") {
  const std::string clauses = "  - id: x\n    forbid: act\n    when: spend * 2 > 10\n";
  const Linted l = lint(contract(clauses, "facts:\n  spend: {type: number}\n"));
  INFO(l.describe());
  CHECK(l.count(Code::L113) == 1);
  CHECK(l.count(Code::L102) + l.count(Code::L104) + l.count(Code::L107) == 0);
  const Linted held = lint(contract(clauses, "facts:\n  spend: {type: number, default: 3}\n"));
  INFO(held.describe());
  CHECK(held.count(Code::L113) == 0);  // held at its default
  Limits tight;
  tight.max_lint_steps = 1;
  const Linted bounded =
      lint(contract("  - id: may\n    permit: act\n  - id: never\n    forbid: act\n"), tight);
  INFO(bounded.describe());
  CHECK(bounded.count(Code::L113) == 1);
  CHECK(bounded.count(Code::L102) == 0);  // nothing "never" without the whole analysis
}

TEST_CASE("a clause reading a date fact is not claimed dead or always true") {
  const Linted l =
      lint(contract("  - id: after\n    forbid: act\n    from: ended\n"
                    "  - id: before\n    permit: act\n    when: date < ended\n",
                    "facts:\n  ended: {type: date}\n"));
  INFO(l.describe());
  CHECK(l.count(Code::L104) + l.count(Code::L107) + l.count(Code::L108) + l.count(Code::L102) == 0);
}

TEST_CASE("a clean contract has no finding") {
  const Linted l =
      lint(contract("  - id: may-a\n    permit: act(p=a)\n    from: 2024-01-01\n"
                    "  - id: not-b\n    forbid: act(p=b)\n    until: 2030-01-01\n"));
  INFO(l.describe());
  CHECK(l.result.findings.empty());
}
