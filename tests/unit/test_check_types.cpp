// The type rules of every operator (E403): what each operator takes, the
// result type of when, from, until, through and named dates, fact defaults
// and bool params in patterns.
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
// E403: type rules of every operator

namespace {

constexpr const char* kTypesHeader = R"yaml(pacta: 1
contract: t
parties: [acme]
types:
  cloud: [azure, aws]
facts:
  approved: {type: bool}
  rate: {type: number, default: 0.15}
  breach_on: {type: date}
actions:
  host: {params: {provider: party, cloud: cloud}}
clauses:
  - id: c
    forbid: host
)yaml";  // 14 lines; `when:` of the test is on line 15

std::unique_ptr<Loaded> with_when(std::string_view when) {
  return load(std::string(kTypesHeader) + "    when: " + std::string(when) + "\n");
}

}  // namespace

TEST_CASE("types: well-typed expressions of every operator load", "[checker][types]") {
  for (const char* when : {
           "approved and not approved or true",
           "rate < 1 and rate <= 1 and rate > 0 and rate >= 0",
           "date < breach_on and date <= 2030-01-01 and breach_on > never - 1 day",
           "rate == 0.15 and approved != false and cloud == aws and breach_on != never",
           "cloud in [azure, aws] and provider not in [acme] and rate in [1, 2]",
           "date in [2025-01-01, breach_on + 1 week] and approved in [true]",
           "breach_on + 30 days < date - 1 month + 2 years - 3 weeks",
           "rate * 2 + 1 - rate / 4 > -rate",
       }) {
    INFO(when);
    auto l = with_when(when);
    CHECK_LOADS(l);
  }
}

TEST_CASE("E403: and, or, not take bool", "[checker][E403][types]") {
  {
    auto l = with_when("rate and approved");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 11,
                     "expected a condition (bool) here, but this is a number");
  }
  {
    auto l = with_when("approved or breach_on");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 23, "expected a condition (bool) here, but this is a date");
  }
  {
    auto l = with_when("not cloud");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 15,
                     "expected a condition (bool) here, but this is a cloud");
  }
}

TEST_CASE("E403: <, <=, >, >= take two numbers or two dates", "[checker][E403][types]") {
  {
    auto l = with_when("approved < true");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 11,
                     "'<', '<=', '>' and '>=' compare numbers or dates, not a condition (bool)");
  }
  {
    auto l = with_when("provider >= acme");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 11, "compare numbers or dates, not a party");
  }
  {
    auto l = with_when("rate < 2024-01-01");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 18, "cannot compare a number with a date");
  }
}

TEST_CASE("E403: == and != take two values of one type", "[checker][E403][types]") {
  {
    auto l = with_when("rate == approved");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 19, "cannot compare a number with a condition (bool)");
  }
  {
    auto l = with_when("cloud != provider");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 20, "cannot compare a cloud with a party");
  }
}

TEST_CASE("E403: in takes a list of the left side's type", "[checker][E403][types]") {
  {
    auto l = with_when("cloud in [aws, 3]");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 26, "expected a cloud here, but this is a number");
  }
  {
    auto l = with_when("rate not in [1, approved]");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 27,
                     "expected a number here, but this is a condition (bool)");
  }
  {
    auto l = with_when("'[true]'");  // quoted: a plain [true] is a YAML list
    CHECK_ONLY_ERROR(l, Code::E403, 15, 12, "a list can only follow 'in' or 'not in'");
  }
}

TEST_CASE("E403: date plus or minus a duration; number arithmetic", "[checker][E403][types]") {
  {
    auto l = with_when("rate + 1 day > rate");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 11, "expected a date here, but this is a number");
  }
  {
    auto l = with_when("breach_on + 1 > date");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 11, "expected a number here, but this is a date");
  }
  {
    auto l = with_when("rate * approved > 1");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 18,
                     "expected a number here, but this is a condition (bool)");
  }
  {
    auto l = with_when("-breach_on > 1");
    CHECK_ONLY_ERROR(l, Code::E403, 15, 12, "expected a number here, but this is a date");
  }
  {
    // A date minus a date is not a duration: both sides are reported.
    auto l = with_when("breach_on - date > 1");
    CHECK_ERROR(l, Code::E403, 15, 11, "expected a number here, but this is a date");
    CHECK_ERROR(l, Code::E403, 15, 23, "expected a number here, but this is a date");
    CHECK(l->diags.error_count() == 2);
  }
}

TEST_CASE("E403: the result type of when, from, until, through and named dates",
          "[checker][E403][types]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  rate: {type: number, default: 1}
dates:
  d: rate
actions:
  act:
clauses:
  - id: c
    forbid: act
    when: rate
    from: true
  - id: e
    forbid: act
    through: 3
)yaml");
  CHECK_ERROR(l, Code::E403, 7, 6, "expected a date here, but this is a number");
  CHECK_ERROR(l, Code::E403, 13, 11, "expected a condition (bool) here, but this is a number");
  CHECK_ERROR(l, Code::E403, 14, 11, "expected a date here, but this is a condition (bool)");
  CHECK_ERROR(l, Code::E403, 17, 14, "expected a date here, but this is a number");
  CHECK(l->diags.error_count() == 4);
}

TEST_CASE("E403: a fact default must be a literal of the fact's type", "[checker][E403]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  approved: {type: bool, default: 3}
  rate: {type: number, default: 1 + 2}
  on: {type: date, default: true}
  ok: {type: number, default: -2}
  gone: {type: date, default: never}
actions:
  act:
clauses: []
)yaml");
  CHECK_ERROR(l, Code::E403, 5, 35, "expected true or false here");
  CHECK_ERROR(l, Code::E403, 6, 33, "expected a number like 20 or 0.15 here");
  CHECK_ERROR(l, Code::E403, 7, 29, "expected a date like 2025-10-28, or never here");
  CHECK(l->diags.error_count() == 3);
}

TEST_CASE("E403: a bool param in a pattern takes true or false", "[checker][E403]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  toggle: {params: {enabled: bool}}
clauses:
  - id: c
    forbid: toggle(acme)
)yaml");
  CHECK_ONLY_ERROR(l, Code::E403, 8, 20, "expected true or false here");
}
