// The action-pattern parser (grammar/expr/parse.hpp): positional, named and
// wildcard arguments, and its errors.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "expression_fixture.hpp"

using namespace pacta;
using namespace pacta::expression_fixture;

TEST_CASE("action patterns", "[pattern]") {
  struct Case {
    std::string input;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"sell", "sell[]"},
      {"  sell  ", "sell[]"},
      {"sell()", "sell[]"},
      {"sell ( )", "sell[]"},
      {"sell(a)", "sell[a]"},
      {"sell(a, b)", "sell[a b]"},
      {"sell(_)", "sell[_]"},
      {"sell(_, _x)", "sell[_ _x]"},
      {"sell(true, false)", "sell[true false]"},
      {"sell(cloud.aws)", "sell[cloud.aws]"},
      {"sell(seller=openai)", "sell[seller=openai]"},
      {"sell( seller = openai , channel=_ )", "sell[seller=openai channel=_]"},
      {"sell(a, p=b)", "sell[a p=b]"},
      {"sell(p=b, a)", "sell[p=b a]"},
      {"sell(p=true,q=party.x)", "sell[p=true q=party.x]"},
      {"notice(index=order)", "notice[index=order]"},
      {"sell(trueish, nevermore)", "sell[trueish nevermore]"},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(parse_pattern_dump(c.input) == c.expected);
  }

  ParseResult<ActionPattern> r = parse_action_pattern(" sell(seller=openai, _, true) ");
  REQUIRE(r.value);
  const ActionPattern& p = *r.value;
  CHECK(p.action == "sell");
  CHECK(p.span == Span{1, 29});
  CHECK(p.action_span == Span{1, 5});
  REQUIRE(p.args.size() == 3);
  CHECK(p.args[0].param == std::optional<std::string>("seller"));
  CHECK(p.args[0].param_span == Span{6, 12});
  CHECK(p.args[0].value.kind == Expr::Kind::Name);
  CHECK(p.args[0].value.span == Span{13, 19});
  CHECK(p.args[0].span == Span{6, 19});
  CHECK_FALSE(p.args[0].wildcard);
  CHECK(p.args[1].wildcard);
  CHECK_FALSE(p.args[1].param.has_value());
  CHECK(p.args[1].span == Span{21, 22});
  CHECK(p.args[2].value.kind == Expr::Kind::Bool);
  CHECK(p.args[2].value.bool_value);
}

TEST_CASE("action pattern errors", "[pattern][errors]") {
  const std::vector<ErrorCase> cases = {
      {"", Code::E301, 0, "expected an action name", ""},
      {"  ", Code::E301, 2, "expected an action name", ""},
      {"1sell", Code::E301, 0, "expected an action name", ""},
      {"not", Code::E301, 0, "expected an action name", "'not' is a keyword"},
      {"_", Code::E301, 0, "expected an action name", ""},
      {"(a)", Code::E301, 0, "expected an action name", ""},
      {"sell(", Code::E301, 5, "expected a value as argument, or ')' after '('", ""},
      {"sell(a", Code::E301, 6, "expected ',' or ')' after the argument", ""},
      {"sell(a b)", Code::E301, 7, "expected ',' or ')' after the argument", ""},
      {"sell(_ x)", Code::E301, 7, "expected ',' or ')' after the argument", ""},
      {"sell(a,)", Code::E301, 7, "expected a value", ""},
      {"sell(,a)", Code::E301, 5, "expected a value", ""},
      {"sell(1)", Code::E301, 5, "expected a value", ""},
      {"sell(2025-01-01)", Code::E301, 5, "expected a value", ""},
      {"sell(a=)", Code::E301, 7, "expected a value", ""},
      {"sell(a==b)", Code::E301, 7, "expected a value", ""},
      {"sell(never)", Code::E301, 5, "expected a value", "'never' is a keyword"},
      {"sell(p=days)", Code::E301, 7, "expected a value", "keyword"},
      {"sell(true=x)", Code::E301, 5, "'true' cannot name a parameter", "keyword"},
      {"sell(_=x)", Code::E301, 5, "'_' cannot name a parameter", ""},
      {"sell((a))", Code::E301, 5, "expected a value", ""},
      {"sell(a.)", Code::E301, 7, "expected a name after '.'", ""},
      {"sell(a.b.c)", Code::E301, 8, "expected ',' or ')'", ""},
      {"sell x", Code::E301, 5, "unexpected text after the action pattern", ""},
      {"sell(a) x", Code::E301, 8, "unexpected text after the action pattern", ""},
      {"sell(a)(b)", Code::E301, 7, "unexpected text after the action pattern", ""},
      {"sell.x", Code::E301, 4, "unexpected text after the action pattern", ""},
      {"s\xC3\xA9ll", Code::E301, 1, "non-ASCII", ""},
      {"sell(" + repeat("(", 70), Code::E303, 68, "nested", ""},
  };
  for (const ErrorCase& c : cases) {
    ParseResult<ActionPattern> r = parse_action_pattern(c.input);
    INFO("input: " << c.input);
    REQUIRE(r.errors.size() == 1);
    CHECK_FALSE(r.value.has_value());
    const ParseError& e = r.errors.front();
    INFO("message: " << e.message << " / help: " << e.help);
    CHECK(e.code == c.code);
    CHECK(e.offset == c.offset);
    CHECK(e.message.find(c.message) != std::string::npos);
    CHECK(e.help.find(c.help) != std::string::npos);
  }
  std::string long_pattern = "sell(" + repeat("a, ", 1300) + "a";
  long_pattern += std::string(4095 - long_pattern.size(), ' ') + ")";
  REQUIRE(long_pattern.size() == 4096);
  CHECK(parse_action_pattern(long_pattern).errors.empty());
  ParseResult<ActionPattern> too_long = parse_action_pattern(long_pattern + " ");
  REQUIRE(too_long.errors.size() == 1);
  CHECK(too_long.errors[0].code == Code::E304);
  CHECK(too_long.errors[0].offset == 4096);
}
