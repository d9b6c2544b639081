// Decisions (language.md §7) as far as a test file cannot express them; the
// decision cases themselves are data in tests/spec/<topic>/*.test.yaml, run by
// `pacta test tests/spec` (the ctest `spec`). Every test here loads a small
// rule file and asks questions of it; `said()` summarises an answer in one
// line (verdict, by, overridden, default).
//
// This file: the default flag and the order of `by`.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "decide_fixture.hpp"

using namespace pacta;
using namespace pacta::fixture;
using namespace pacta::decide_fixture;

namespace {

std::unique_ptr<Loaded> contract_with_default(std::string_view verdict, std::string_view rest) {
  return load_ok(std::string(kHeader) + "default: " + std::string(verdict) + "\n" +
                 std::string(rest));
}

}  // namespace

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
