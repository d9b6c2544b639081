// The flags of a question (engine/decide/question.hpp): `--assume NAME=VALUE`,
// date flags, and the words of a failed decision; positive cases and every
// error, with the caret column into the flag's own text.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "question_fixture.hpp"

using namespace pacta;
using namespace pacta::fixture;
using namespace pacta::question_fixture;

// ---------------------------------------------------------------------------
// parse_assumption

TEST_CASE("assume: a value of each type", "[question][assume]") {
  struct Case {
    const char* text;
    const char* fact;
    Value value;
  };
  for (const Case& c : {
           Case{"approved=true", "approved", Value::boolean(true)},
           Case{"approved=false", "approved", Value::boolean(false)},
           Case{"rate=0.25", "rate", Value::number(*Number::parse("0.25"))},
           Case{"rate=-2", "rate", Value::number(Number(-2))},
           Case{"rate=20", "rate", Value::number(Number(20))},
           Case{"breach_on=2025-01-15", "breach_on", Value::date(day("2025-01-15"))},
           Case{"breach_on=never", "breach_on", Value::date(Date::never())},
           Case{"region=oracle", "region", Value::member(2)},
           Case{"region=cloud.aws", "region", Value::member(1)},
           Case{"partner=oracle", "partner", Value::member(2)},
           Case{"partner=party.acme", "partner", Value::member(0)},
       }) {
    INFO(c.text);
    auto r = assumption(c.text);
    INFO(describe(r.diags));
    REQUIRE(r.assumption.has_value());
    CHECK(r.diags.all().empty());
    CHECK(r.assumption->first == fact(c.fact));
    CHECK(r.assumption->second == c.value);
  }
}

TEST_CASE("assume: E601 without NAME=VALUE", "[question][assume][E601]") {
  auto r = assumption("approved");
  CHECK_FALSE(r.assumption.has_value());
  CHECK_ONLY(r, "--assume", Code::E601, 9, "--assume needs NAME=VALUE");
  CHECK(r.diags.all().front().help == "e.g. --assume agi_declared=true");
  auto empty = assumption("");
  CHECK_ONLY(empty, "--assume", Code::E601, 1, "--assume needs NAME=VALUE");
}

TEST_CASE("assume: E604 unknown fact", "[question][assume][E604]") {
  {
    auto r = assumption("aproved=true");
    CHECK_FALSE(r.assumption.has_value());
    CHECK_ONLY(r, "--assume", Code::E604, 1, "unknown fact 'aproved'");
    CHECK(r.diags.all().front().help == "did you mean 'approved'?");
  }
  {
    auto r = assumption("zzz=1");
    CHECK_ONLY(r, "--assume", Code::E604, 1, "unknown fact 'zzz'");
    CHECK(r.diags.all().front().help ==
          "the facts are: approved, rate, breach_on, region, partner");
  }
  {
    auto r = assumption("=true");
    CHECK_ONLY(r, "--assume", Code::E604, 1, "unknown fact ''");
  }
  {
    auto none = load_ok(R"(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses: []
)");
    auto r = assumption("x=1", none->contract());
    CHECK_ONLY(r, "--assume", Code::E604, 1, "unknown fact 'x'");
    CHECK(r.diags.all().front().help == "this contract declares no facts");
  }
}

TEST_CASE("assume: E403 a value of the wrong type", "[question][assume][E403]") {
  {
    auto r = assumption("approved=20");
    CHECK_FALSE(r.assumption.has_value());
    CHECK_ONLY(r, "--assume", Code::E403, 10, "expected true or false here");
  }
  {
    auto r = assumption("rate=true");
    CHECK_ONLY(r, "--assume", Code::E403, 6, "expected a number like 20 or 0.15 here");
  }
  {
    auto r = assumption("rate=1 + 2");
    CHECK_ONLY(r, "--assume", Code::E403, 6, "expected a number like 20 or 0.15 here");
    CHECK(r.diags.all().front().help.find("not an expression") != std::string::npos);
  }
  {
    auto r = assumption("breach_on=true");
    CHECK_ONLY(r, "--assume", Code::E403, 11, "expected a date like 2025-10-28, or never here");
  }
  {
    auto r = assumption("breach_on=2025-01-01 + 1 day");
    CHECK_ONLY(r, "--assume", Code::E403, 11, "expected a date like 2025-10-28, or never here");
  }
  {
    auto r = assumption("region=party.acme");
    CHECK_ONLY(r, "--assume", Code::E403, 8, "expected a cloud, but 'party.acme' is a party");
  }
  {
    auto r = assumption("partner=42");
    CHECK_ONLY(r, "--assume", Code::E403, 9, "expected a party here");
    CHECK(r.diags.all().front().help == "the values of party are: acme, globex, oracle");
  }
}

TEST_CASE("assume: E401 a value that is not in the type", "[question][assume][E401]") {
  {
    auto r = assumption("region=gcp");
    CHECK_FALSE(r.assumption.has_value());
    CHECK_ONLY(r, "--assume", Code::E401, 8, "'gcp' is not a value of cloud");
    CHECK(r.diags.all().front().help == "the values of cloud are: azure, aws, oracle");
  }
  {
    auto r = assumption("partner=globx");
    CHECK_ONLY(r, "--assume", Code::E401, 9, "'globx' is not a value of party");
    CHECK(r.diags.all().front().help == "did you mean 'globex'?");
  }
  {
    auto r = assumption("region=cloud.gcp");
    CHECK_ONLY(r, "--assume", Code::E401, 14, "'gcp' is not a value of cloud");
  }
}

TEST_CASE("assume: syntax errors in the value point after the '='", "[question][assume]") {
  {
    auto r = assumption("breach_on=2025-02-30");
    CHECK_FALSE(r.assumption.has_value());
    CHECK_ONLY(r, "--assume", Code::E302, 11, "is not a calendar date");
  }
  {
    auto r = assumption("approved=(true");
    CHECK_FALSE(r.assumption.has_value());
    INFO(describe(r.diags));
    REQUIRE(r.diags.all().size() == 1);
    CHECK(r.diags.all().front().code == Code::E301);
    CHECK(r.diags.all().front().position.column >= 10);
  }
  {
    auto r = assumption("approved=");
    CHECK_FALSE(r.assumption.has_value());
    INFO(describe(r.diags));
    REQUIRE(r.diags.all().size() == 1);
    CHECK(r.diags.all().front().code == Code::E301);
    CHECK(r.diags.all().front().position.column == 10);
  }
}

TEST_CASE("assume: an assumed value is what the decision sees", "[question][assume]") {
  static auto l = load_ok(std::string(kContract));
  CHECK(said(*l, {"act", "2025-01-01", {"approved=true"}}) == "forbidden by [c]");
  CHECK(said(*l, {"act", "2025-01-01", {"approved=false"}}) == "permitted (default)");
  // Later assumptions of the same fact win.
  CHECK(said(*l, {"act", "2025-01-01", {"approved=false", "approved=true"}}) == "forbidden by [c]");
}

// ---------------------------------------------------------------------------
// parse_date_flag

TEST_CASE("date flag: YYYY-MM-DD", "[question][date]") {
  Diagnostics diags;
  CHECK(parse_date_flag("2025-01-15", "--on", diags) == day("2025-01-15"));
  CHECK(parse_date_flag("0001-01-01", "--on", diags) == Date::min());
  CHECK(parse_date_flag("9999-12-31", "--on", diags) == Date::max());
  CHECK(parse_date_flag("2024-02-29", "--on", diags) == day("2024-02-29"));
  CHECK(diags.all().empty());
}

TEST_CASE("date flag: E601 for anything else", "[question][date][E601]") {
  struct Case {
    const char* text;
    const char* help_part;
  };
  for (const Case& c : {
           Case{"2025-02-30", "is not a day of the calendar"},
           Case{"2023-02-29", "is not a day of the calendar"},
           Case{"2025-13-01", "is not a day of the calendar"},
           Case{"0000-01-01", "is not a day of the calendar"},
           Case{"tomorrow", "write the date as YYYY-MM-DD"},
           Case{"2025-1-5", "write the date as YYYY-MM-DD"},
           Case{"2025/01/15", "write the date as YYYY-MM-DD"},
           Case{"never", "write the date as YYYY-MM-DD"},
           Case{"", "write the date as YYYY-MM-DD"},
           Case{" 2025-01-15", "write the date as YYYY-MM-DD"},
       }) {
    INFO("'" << c.text << "'");
    Diagnostics diags;
    CHECK_FALSE(parse_date_flag(c.text, "--on", diags).has_value());
    INFO(describe(diags));
    REQUIRE(diags.all().size() == 1);
    const Diagnostic& d = diags.all().front();
    CHECK(d.code == Code::E601);
    CHECK(d.file == "--on");
    CHECK(d.has_position);
    CHECK(d.position.line == 1);
    CHECK(d.position.column == 1);
    CHECK(d.message == "--on takes a date, got '" + std::string(c.text) + "'");
    CHECK(d.help.find(c.help_part) != std::string::npos);
  }
}

TEST_CASE("date flag: the flag's name is in the message", "[question][date][E601]") {
  Diagnostics diags;
  CHECK_FALSE(parse_date_flag("soon", "--as-agreed-on", diags).has_value());
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all().front().file == "--as-agreed-on");
  CHECK(diags.all().front().message == "--as-agreed-on takes a date, got 'soon'");
}

// ---------------------------------------------------------------------------
// describe_failure and example_value

TEST_CASE("failure: a missing fact names the fact, the clause and an --assume", "[question]") {
  const Contract& c = contract();
  TypedExpr at;
  at.op = TypedExpr::Op::Fact;
  at.index = fact("approved");
  at.type = Type::boolean();
  QuestionFailure f = describe_failure(c, EvalEnv::Error::MissingFact, &at, 0, -1, "--assume");
  CHECK(f.code == Code::E603);
  CHECK(f.message == "fact 'approved' has no default, and clause 'c' needs its value");
  CHECK(f.help == "assume a value, e.g. --assume approved=true");
  at.index = fact("region");
  f = describe_failure(c, EvalEnv::Error::MissingFact, &at, 0, -1, "--assume");
  CHECK(f.help == "assume a value, e.g. --assume region=azure");
  QuestionFailure range =
      describe_failure(c, EvalEnv::Error::DateOutOfRange, nullptr, 0, -1, "--assume");
  CHECK(range.code == Code::E605);
  CHECK(range.message.find("clause 'c'") != std::string::npos);
}

TEST_CASE("example values of each type", "[question]") {
  const Contract& c = contract();
  CHECK(example_value(c, Type::boolean()) == "true");
  CHECK(example_value(c, Type::number()) == "0");
  CHECK(example_value(c, Type::date()) == "2026-01-01");
  CHECK(example_value(c, Type::value(0)) == "acme");
  CHECK(example_value(c, Type::value(1)) == "azure");
}
