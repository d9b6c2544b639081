// Amendments (language.md §2-§4): `until`/`through` as one field in `amend`, a
// repealed clause re-enacted by `add`, and the errors of an amendment that
// lists one clause twice or refers to a repealed clause.
//
// Every YAML text starts on line 1 right after `R"yaml(`, so the line numbers
// in the assertions can be read off the text.
#include <catch2/catch.hpp>

#include <string>

#include "contract_fixture.hpp"

using namespace pacta;
using namespace pacta::fixture;

namespace {

#define CHECK_ONLY_ERROR(loaded, code, line, column, message)      \
  do {                                                             \
    INFO("diagnostics:\n" << (loaded)->report());                  \
    CHECK_FALSE((loaded)->ok());                                   \
    CHECK((loaded)->diags.error_count() == 1);                     \
    CHECK(has_diag((loaded)->diags, code, line, column, message)); \
  } while (0)

#define CHECK_HELP(loaded, code, help)            \
  do {                                            \
    INFO("diagnostics:\n" << (loaded)->report()); \
    CHECK(has_help((loaded)->diags, code, help)); \
  } while (0)

#define CHECK_LOADS(loaded)                       \
  do {                                            \
    INFO("diagnostics:\n" << (loaded)->report()); \
    CHECK((loaded)->ok());                        \
    CHECK((loaded)->diags.all().empty());         \
  } while (0)

const char* const kHeader = R"yaml(pacta: 1
contract: t
parties: [acme, globex]
actions:
  act:
  other:
clauses:
  - id: c
    forbid: act
    until: 2030-01-01
amendments:
)yaml";

}  // namespace

TEST_CASE("amend: through with a value and until null sets the end", "[amendments]") {
  auto l = load(std::string(kHeader) + R"yaml(  - id: a1
    signed: 2024-01-01
    amend:
      - id: c
        until: null
        through: 2026-01-01
)yaml");
  CHECK_LOADS(l);
  CHECK(said(*l, {"act", "2026-01-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2026-01-02"}) == "permitted (default)");
}

TEST_CASE("amend: until and through both null remove the end", "[amendments]") {
  auto l = load(std::string(kHeader) + R"yaml(  - id: a1
    signed: 2024-01-01
    amend:
      - id: c
        until: null
        through: null
)yaml");
  CHECK_LOADS(l);
  CHECK(said(*l, {"act", "2031-01-01"}) == "forbidden by [c]");
}

TEST_CASE("amend: until and through both with a value is E204", "[amendments][E204]") {
  auto l = load(std::string(kHeader) + R"yaml(  - id: a1
    signed: 2024-01-01
    amend:
      - id: c
        until: 2026-01-01
        through: 2026-01-01
)yaml");
  CHECK_ONLY_ERROR(l, Code::E204, 17, 18, "clause 'c' has both 'until' and 'through'");
}

TEST_CASE("add re-enacts a clause repealed by the same amendment", "[amendments]") {
  auto l = load(std::string(kHeader) + R"yaml(  - id: a1
    signed: 2025-01-01
    repeal: [c]
    add:
      - id: c
        oblige: other
)yaml");
  CHECK_LOADS(l);
  CHECK(said(*l, {"act", "2024-12-31"}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2025-01-01"}) == "permitted (default)");
  CHECK(said(*l, {"other", "2025-01-01"}) == "obligatory by [c]");
  CHECK(said(*l, {"other", "2025-01-01", {}, "2024-12-31"}) == "permitted (default)");
}

TEST_CASE("a re-enacted clause may be repealed and re-enacted again", "[amendments]") {
  auto l = load(std::string(kHeader) + R"yaml(  - id: a1
    signed: 2025-01-01
    repeal: [c]
  - id: a2
    signed: 2026-01-01
    add:
      - id: c
        oblige: other
  - id: a3
    signed: 2027-01-01
    repeal: [c]
  - id: a4
    signed: 2028-01-01
    add:
      - id: c
        permit: other
)yaml");
  CHECK_LOADS(l);
  CHECK(said(*l, {"other", "2026-06-01"}) == "obligatory by [c]");
  CHECK(said(*l, {"other", "2027-06-01"}) == "permitted (default)");
  CHECK(said(*l, {"other", "2028-06-01"}) == "permitted by [c]");
}

TEST_CASE("E502: add of a clause that exists at that point of the order", "[amendments][E502]") {
  // a2 is later in the file but earlier in amendment order: when a1 adds
  // `c` again, a2's re-enactment is in force.
  auto l = load(std::string(kHeader) + R"yaml(  - id: a0
    signed: 2024-01-01
    repeal: [c]
  - id: a1
    signed: 2026-01-01
    add:
      - id: c
        permit: act
  - id: a2
    signed: 2025-01-01
    add:
      - id: c
        oblige: act
)yaml");
  CHECK_ONLY_ERROR(l, Code::E502, 18, 13,
                   "amendment 'a1' adds clause 'c', which already exists at that point");
  CHECK_HELP(l, Code::E502, "to change it use `amend`");
}

TEST_CASE("E501: amend of a clause the same amendment repeals", "[amendments][E501]") {
  auto l = load(std::string(kHeader) + R"yaml(  - id: a1
    signed: 2025-01-01
    repeal: [c]
    amend:
      - id: c
        permit: act
)yaml");
  CHECK_ONLY_ERROR(l, Code::E501, 16, 13,
                   "amendment 'a1' amends clause 'c', which it also repeals");
  CHECK_HELP(l, Code::E501, "give its new text in `add`");
}

TEST_CASE("as agreed on before a re-enactment, the repeal holds", "[amendments]") {
  // The amend of the re-enacted clause is checked against the re-enacted
  // version; as agreed on before the re-enactment, neither exists.
  auto l = load(std::string(kHeader) + R"yaml(  - id: a1
    signed: 2025-01-01
    repeal: [c]
  - id: a2
    signed: 2026-01-01
    add:
      - id: c
        forbid: other
  - id: a3
    signed: 2027-01-01
    amend:
      - id: c
        permit: other
)yaml");
  CHECK_LOADS(l);
  CHECK(said(*l, {"other", "2027-06-01"}) == "permitted by [c]");
  CHECK(said(*l, {"other", "2027-06-01", {}, "2026-01-01"}) == "forbidden by [c]");
  CHECK(said(*l, {"other", "2027-06-01", {}, "2025-12-31"}) == "permitted (default)");
  CHECK(said(*l, {"act", "2027-06-01", {}, "2025-12-31"}) == "permitted (default)");
}

TEST_CASE("E206: one clause twice in one list of an amendment", "[amendments][E206]") {
  SECTION("amend") {
    auto l = load(std::string(kHeader) + R"yaml(  - id: a1
    signed: 2025-01-01
    amend:
      - id: c
        until: 2026-01-01
      - id: c
        permit: act
)yaml");
    CHECK_ONLY_ERROR(l, Code::E206, 17, 13, "amendment 'a1' amends clause 'c' twice");
    CHECK_HELP(l, Code::E206,
               "give one `amend` entry with every field that changes; the first "
               "is on line 15");
  }
  SECTION("repeal") {
    auto l = load(std::string(kHeader) + R"yaml(  - id: a1
    signed: 2025-01-01
    repeal: [c, c]
)yaml");
    CHECK_ONLY_ERROR(l, Code::E206, 14, 17, "amendment 'a1' repeals clause 'c' twice");
  }
  SECTION("add") {
    auto l = load(std::string(kHeader) + R"yaml(  - id: a1
    signed: 2025-01-01
    add:
      - id: n
        permit: act
      - id: n
        forbid: act
)yaml");
    CHECK_ONLY_ERROR(l, Code::E206, 17, 13, "amendment 'a1' adds clause 'n' twice");
  }
}
