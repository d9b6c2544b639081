// Positions of diagnostics inside quoted and block scalars: the line:column
// of the error in the file, not in the unescaped scalar.
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
// Positions inside quoted and block scalars

TEST_CASE("positions: single-quoted scalar", "[checker][positions]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  approved: {type: bool}
actions:
  act:
clauses:
  - id: c
    forbid: act
    when: 'approved and nope'
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 11, 25, "unknown name 'nope'");
}

TEST_CASE("positions: single-quoted scalar with an escaped quote before the error",
          "[checker][positions]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: c
    title: 'it''s'
    forbid: 'act'
    when: 'true and nope'
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 10, 21, "unknown name 'nope'");
}

TEST_CASE("positions: double-quoted scalar with escapes", "[checker][positions]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  approved: {type: bool}
actions:
  act:
clauses:
  - id: c
    forbid: act
    when: "approved and\tnope"
)yaml");
  // `\t` is two characters in the file and one in the expression.
  CHECK_ONLY_ERROR(l, Code::E401, 11, 26, "unknown name 'nope'");
}

TEST_CASE("positions: double-quoted pattern", "[checker][positions]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  host: {params: {provider: party}}
clauses:
  - id: c
    forbid: "host(provider=acmee)"
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 8, 28, "'acmee' is not a value of party");
  CHECK_HELP(l, Code::E401, "did you mean 'acme'?");
}

TEST_CASE("positions: literal block scalar", "[checker][positions]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  approved: {type: bool}
actions:
  act:
clauses:
  - id: c
    forbid: act
    when: |
      approved and
        nope
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 13, 9, "unknown name 'nope'");
}

TEST_CASE("positions: folded block scalar", "[checker][positions]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  rate: {type: number, default: 1}
actions:
  act:
clauses:
  - id: c
    forbid: act
    when: >
      rate > 0
      and rate
)yaml");
  CHECK_ONLY_ERROR(l, Code::E403, 13, 11, "expected a condition (bool) here, but this is a number");
}

TEST_CASE("positions: multi-line plain scalar", "[checker][positions]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  approved: {type: bool}
actions:
  act:
clauses:
  - id: c
    forbid: act
    when: approved
      and nope
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 12, 11, "unknown name 'nope'");
}

TEST_CASE("positions: columns count code points after non-ASCII text", "[checker][positions]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - {id: c, title: "Überprüfung", forbid: act, when: nope}
)yaml");
  CHECK_ONLY_ERROR(l, Code::E401, 7, 54, "unknown name 'nope'");
}
