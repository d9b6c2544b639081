// The ACTION of `pacta ask` (engine/decide/question.hpp,
// parse_question_pattern): bound, open and qualified arguments, and every
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
// parse_question_pattern

TEST_CASE("pattern: fully bound, positional and named", "[question][pattern]") {
  auto r = pattern("host(acme, aws)");
  REQUIRE(r.pattern.has_value());
  CHECK(r.diags.all().empty());
  CHECK(r.pattern->action == *contract().find_action("host"));
  CHECK(r.pattern->arg_values == std::vector<int>{0, 1});
  auto named = pattern("host(cloud=oracle, provider=globex)");
  REQUIRE(named.pattern.has_value());
  CHECK(named.pattern->arg_values == std::vector<int>{1, 2});
}

TEST_CASE("pattern: params left out, `_` and omitted ones are open", "[question][pattern]") {
  struct Case {
    const char* text;
    std::vector<int> args;
  };
  for (const Case& c :
       {Case{"host", {-1, -1}}, Case{"host()", {-1, -1}}, Case{"host(cloud=aws)", {-1, 1}},
        Case{"host(_, oracle)", {-1, 2}}, Case{"host(provider=_, cloud=_)", {-1, -1}},
        Case{"host(globex)", {1, -1}}, Case{"host(acme, _)", {0, -1}}}) {
    INFO(c.text);
    auto r = pattern(c.text);
    INFO(describe(r.diags));
    REQUIRE(r.pattern.has_value());
    CHECK(r.pattern->action == 1);
    CHECK(r.pattern->arg_values == c.args);
  }
}

TEST_CASE("pattern: values resolve by the param's type; qualified values", "[question][pattern]") {
  auto bare = pattern("host(oracle, oracle)");
  REQUIRE(bare.pattern.has_value());
  CHECK(bare.pattern->arg_values == std::vector<int>{2, 2});
  auto qualified = pattern("host(party.oracle, cloud.aws)");
  REQUIRE(qualified.pattern.has_value());
  CHECK(qualified.pattern->arg_values == std::vector<int>{2, 1});
}

TEST_CASE("pattern: bool params and actions without params", "[question][pattern]") {
  auto t = pattern("toggle(true)");
  REQUIRE(t.pattern.has_value());
  CHECK(t.pattern->action == 2);
  CHECK(t.pattern->arg_values == std::vector<int>{1});
  auto f = pattern("toggle(enabled=false)");
  REQUIRE(f.pattern.has_value());
  CHECK(f.pattern->arg_values == std::vector<int>{0});
  for (const char* text : {"act", "act()"}) {
    auto a = pattern(text);
    REQUIRE(a.pattern.has_value());
    CHECK(a.pattern->action == 0);
    CHECK(a.pattern->arg_values.empty());
  }
}

TEST_CASE("pattern: E401 unknown action", "[question][pattern][E401]") {
  auto r = pattern("hots(acme)");
  CHECK_FALSE(r.pattern.has_value());
  CHECK_ONLY(r, "<action>", Code::E401, 1, "unknown action 'hots'");
  CHECK(r.diags.all().front().help == "did you mean 'host'?");
  auto far = pattern("fly");
  CHECK_FALSE(far.pattern.has_value());
  CHECK_ONLY(far, "<action>", Code::E401, 1, "unknown action 'fly'");
  CHECK(far.diags.all().front().help == "the actions are: act, host, toggle");
}

TEST_CASE("pattern: E401 unknown param", "[question][pattern][E401]") {
  auto r = pattern("host(provder=acme)");
  CHECK_FALSE(r.pattern.has_value());
  CHECK_ONLY(r, "<action>", Code::E401, 6, "action 'host' has no param 'provder'");
  CHECK(r.diags.all().front().help == "did you mean 'provider'?");
  auto far = pattern("host(acme, zone=aws)");
  CHECK_ONLY(far, "<action>", Code::E401, 12, "action 'host' has no param 'zone'");
  CHECK(far.diags.all().front().help == "it is host(provider, cloud)");
}

TEST_CASE("pattern: E401 unknown value", "[question][pattern][E401]") {
  auto r = pattern("host(acme, gcp)");
  CHECK_FALSE(r.pattern.has_value());
  CHECK_ONLY(r, "<action>", Code::E401, 12, "'gcp' is not a value of cloud");
  auto party = pattern("host(provider=acmee)");
  CHECK_ONLY(party, "<action>", Code::E401, 15, "'acmee' is not a value of party");
  CHECK(party.diags.all().front().help == "did you mean 'acme'?");
  auto qualified = pattern("host(acme, cloud.gcp)");
  CHECK_ONLY(qualified, "<action>", Code::E401, 18, "'gcp' is not a value of cloud");
}

TEST_CASE("pattern: E407 arity", "[question][pattern][E407]") {
  {
    auto r = pattern("host(acme, aws, oracle)");
    CHECK_FALSE(r.pattern.has_value());
    CHECK_ONLY(r, "<action>", Code::E407, 17, "'host' takes 2 arguments, but more are given");
  }
  {
    auto r = pattern("toggle(true, false)");
    CHECK_ONLY(r, "<action>", Code::E407, 14, "'toggle' takes 1 argument, but more are given");
  }
  {
    auto r = pattern("act(acme)");
    CHECK_ONLY(r, "<action>", Code::E407, 5, "'act' takes 0 arguments, but more are given");
  }
  {
    auto r = pattern("host(cloud=aws, acme)");
    CHECK_ONLY(r, "<action>", Code::E407, 17, "a positional argument cannot follow a named one");
  }
  {
    auto r = pattern("host(acme, provider=globex)");
    CHECK_ONLY(r, "<action>", Code::E407, 12, "param 'provider' is given twice");
  }
  {
    auto r = pattern("host(cloud=aws, cloud=_)");
    CHECK_ONLY(r, "<action>", Code::E407, 17, "param 'cloud' is given twice");
  }
}

TEST_CASE("pattern: E403 value of the wrong type", "[question][pattern][E403]") {
  {
    auto r = pattern("host(cloud.aws, aws)");
    CHECK_FALSE(r.pattern.has_value());
    CHECK_ONLY(r, "<action>", Code::E403, 6, "expected a party, but 'cloud.aws' is a cloud");
  }
  {
    auto r = pattern("toggle(acme)");
    CHECK_ONLY(r, "<action>", Code::E403, 8, "expected true or false here");
  }
  {
    auto r = pattern("host(acme, true)");
    CHECK_ONLY(r, "<action>", Code::E403, 12, "expected a cloud here");
  }
}

TEST_CASE("pattern: several errors in one pattern are all reported", "[question][pattern]") {
  auto r = pattern("host(provder=acme, cloud=gcp)");
  CHECK_FALSE(r.pattern.has_value());
  INFO(describe(r.diags));
  REQUIRE(r.diags.all().size() == 2);
  CHECK(r.diags.all()[0].code == Code::E401);
  CHECK(r.diags.all()[0].position.column == 6);
  CHECK(r.diags.all()[1].code == Code::E401);
  CHECK(r.diags.all()[1].position.column == 26);
}

TEST_CASE("pattern: syntax errors are located", "[question][pattern][E301]") {
  for (const char* text : {"host(", "host(acme", "host(acme,,aws)", "host acme", "(acme)", ""}) {
    INFO("pattern '" << text << "'");
    auto r = pattern(text);
    CHECK_FALSE(r.pattern.has_value());
    INFO(describe(r.diags));
    REQUIRE_FALSE(r.diags.all().empty());
    const Diagnostic& d = r.diags.all().front();
    CHECK(code_name(d.code).rfind("E3", 0) == 0);
    CHECK(d.file == "<action>");
    CHECK(d.has_position);
    CHECK(d.position.column <= std::string_view(text).size() + 1);
  }
}
