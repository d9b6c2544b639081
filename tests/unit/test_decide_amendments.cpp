// Decisions (language.md §7) as far as a test file cannot express them; the
// decision cases themselves are data in tests/spec/<topic>/*.test.yaml, run by
// `pacta test tests/spec` (the ctest `spec`). Every test here loads a small
// rule file and asks questions of it; `said()` summarises an answer in one
// line (verdict, by, overridden, default).
//
// This file: amendments over time, and the scenario "as agreed on".
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "decide_fixture.hpp"

using namespace pacta;
using namespace pacta::fixture;
using namespace pacta::decide_fixture;

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
  CHECK(names(CompiledContract(c, Scenario{day("2025-02-01"), {}})) == Ids{"early"});
  CHECK(names(CompiledContract(c, Scenario{day("2025-01-31"), {}})).empty());
}

// ---------------------------------------------------------------------------
// Sharing: an amendment copies only what it changes (a 4 MB `text` amended
// 400 times is held once, in every scenario).

TEST_CASE("amend: versions share the texts and expressions the amendment leaves alone",
          "[decide][amend][sharing]") {
  auto l = contract(R"(clauses:
  - id: c
    permit: act
    when: date >= 2024-01-01
    from: 2024-01-01
    text: the whole text of the clause
amendments:
  - id: retitle
    signed: 2025-01-01
    amend:
      - id: c
        title: Retitled
  - id: rewrite
    signed: 2025-06-01
    amend:
      - id: c
        text: a new text
)");
  const Contract& c = l->contract();
  const CompiledContract all(c, Scenario{});
  REQUIRE(all.versions().size() == 3);
  const ClauseVersion& original = *all.versions()[0].version;
  const ClauseVersion& retitled = *all.versions()[1].version;
  const ClauseVersion& rewritten = *all.versions()[2].version;
  CHECK(&original == &c.clauses[0].version);  // the contract's own, not a copy
  REQUIRE(original.when != nullptr);
  REQUIRE(original.text.identity() != nullptr);
  CHECK(retitled.title == "Retitled");
  CHECK(retitled.text.identity() == original.text.identity());
  CHECK(retitled.when == original.when);  // the same TypedExpr
  CHECK(retitled.from == original.from);
  CHECK(rewritten.text == "a new text");
  CHECK(rewritten.title.identity() == retitled.title.identity());
  CHECK(rewritten.when == original.when);

  // Another scenario shares the original version and the amended parts.
  const CompiledContract agreed_early(c, Scenario{day("2025-03-01"), {}});
  REQUIRE(agreed_early.versions().size() == 2);
  CHECK(agreed_early.versions()[0].version == all.versions()[0].version);
  const ClauseVersion& early_retitled = *agreed_early.versions()[1].version;
  CHECK(early_retitled.title.identity() == retitled.title.identity());
  CHECK(early_retitled.text.identity() == original.text.identity());
  CHECK(early_retitled.when == original.when);
}
