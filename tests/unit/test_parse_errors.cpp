// The expression parser's errors: codes, positions and words of syntax
// errors, invalid literals, the limits on nesting, tree depth and size, and
// random input that must never crash.
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "expression_fixture.hpp"

using namespace pacta;
using namespace pacta::expression_fixture;

TEST_CASE("syntax errors have a code, a position and words", "[expression][errors]") {
  const std::vector<ErrorCase> cases = {
      {"", Code::E301, 0, "expected an expression", ""},
      {"   ", Code::E301, 3, "expected an expression", ""},
      {"a b", Code::E301, 2, "unexpected text after the expression", "operator"},
      {"a b c", Code::E301, 2, "unexpected text after the expression", ""},
      {"a)", Code::E301, 1, "unexpected text after the expression", ""},
      {")", Code::E301, 0, "expected an expression", ""},
      {"a +", Code::E301, 3, "expected an expression after '+'", ""},
      {"a +   ", Code::E301, 6, "expected an expression after '+'", ""},
      {"a * ", Code::E301, 4, "expected an expression after '*'", ""},
      {"a / )", Code::E301, 4, "expected an expression after '/'", ""},
      {"a - - ", Code::E301, 6, "expected an expression after '-'", ""},
      {"-", Code::E301, 1, "expected an expression after '-'", ""},
      {"(", Code::E301, 1, "expected an expression after '('", ""},
      {"(a", Code::E301, 2, "expected ')' to close '('", ""},
      {"(a + b", Code::E301, 6, "expected ')' to close '('", ""},
      {"((a)", Code::E301, 4, "expected ')' to close '('", ""},
      {"(a b)", Code::E301, 3, "expected ')' to close '('", ""},
      {"(a]", Code::E301, 2, "expected ')' to close '('", ""},
      {"a <", Code::E301, 3, "expected an expression after '<'", ""},
      {"a <=", Code::E301, 4, "expected an expression after '<='", ""},
      {"a == ", Code::E301, 5, "expected an expression after '=='", ""},
      {"a != )", Code::E301, 5, "expected an expression after '!='", ""},
      {"a < b < c", Code::E301, 6, "comparisons cannot be chained", "and"},
      {"a == b == c", Code::E301, 7, "comparisons cannot be chained", ""},
      {"a <= b >= c", Code::E301, 7, "comparisons cannot be chained", ""},
      {"a in [b] in [c]", Code::E301, 9, "comparisons cannot be chained", ""},
      {"a == b not in [c]", Code::E301, 7, "comparisons cannot be chained", ""},
      {"and b", Code::E301, 0, "expected an expression", "'and' is a keyword"},
      {"or", Code::E301, 0, "expected an expression", "keyword"},
      {"a and", Code::E301, 5, "expected an expression after 'and'", ""},
      {"a or or b", Code::E301, 5, "expected an expression after 'or'", "'or' is a keyword"},
      {"a and\n", Code::E301, 6, "expected an expression after 'and'", ""},
      {"not", Code::E301, 3, "expected an expression after 'not'", ""},
      {"not in [a]", Code::E301, 4, "expected an expression after 'not'", ""},
      {"x in y", Code::E301, 5, "expected a list like [a, b] after 'in'", ""},
      {"x in", Code::E301, 4, "expected a list like [a, b] after 'in'", ""},
      {"x in (a)", Code::E301, 5, "expected a list like [a, b] after 'in'", ""},
      {"x not y", Code::E301, 6, "expected 'in' after 'not'", "not in"},
      {"x not in y", Code::E301, 9, "expected a list like [a, b] after 'in'", ""},
      {"[", Code::E301, 1, "expected a list item or ']' after '['", ""},
      {"[,]", Code::E301, 1, "expected a list item or ']' after '['", ""},
      {"[a, b", Code::E301, 5, "expected ']' to close '['", ""},
      {"[a b]", Code::E301, 3, "expected ']' to close '['", "','"},
      {"[a,]", Code::E301, 3, "expected an expression after ','", ""},
      {"[a)", Code::E301, 2, "expected ']' to close '['", ""},
      {"a = b", Code::E301, 2, "unexpected text after the expression", "=="},
      {"a && b", Code::E301, 2, "unexpected text after the expression", "'and'"},
      {"a || b", Code::E301, 2, "unexpected text after the expression", "'or'"},
      {"!a", Code::E301, 0, "expected an expression", "'not'"},
      {"a == \"b\"", Code::E301, 5, "expected an expression after '=='", "quoted"},
      {"a @ b", Code::E301, 2, "unexpected text after the expression", ""},
      // keywords in name positions
      {"days == 3", Code::E301, 0, "expected an expression", "'days' is a keyword"},
      {"x == in", Code::E301, 5, "expected an expression after '=='", "'in' is a keyword"},
      {"x + day", Code::E301, 4, "expected an expression after '+'", "duration"},
      {"x + 1.5 days", Code::E301, 8, "unexpected text after the expression", "whole number"},
      {"1 day", Code::E301, 2, "unexpected text after the expression", "duration"},
      {"30 days + x", Code::E301, 3, "unexpected text after the expression", "duration"},
      {"x + 30 days * 2", Code::E301, 12, "unexpected text after the expression", ""},
      {"_", Code::E301, 0, "expected an expression", "action pattern"},
      {"x == _", Code::E301, 5, "expected an expression after '=='", "action pattern"},
      // names
      {"a.b.c", Code::E301, 3, "unexpected text after the expression", "one qualifier"},
      {"a.", Code::E301, 2, "expected a name after '.'", ""},
      {"a. b", Code::E301, 2, "expected a name after '.'", ""},  // the space is the error
      {"a.1", Code::E301, 2, "expected a name after '.'", ""},
      {"cloud.never", Code::E301, 6, "'never' cannot be part of a name", "keyword"},
      {"days.x", Code::E301, 0, "'days' cannot be part of a name", "keyword"},
      {"a._", Code::E301, 2, "'_' cannot be part of a name", ""},
      {"date.x", Code::E301, 4, "unexpected text after the expression", ""},
      {"1.", Code::E301, 1, "unexpected text after the expression", ""},
      {"1.2.3", Code::E301, 3, "unexpected text after the expression", ""},
      // non-ASCII bytes
      {"a \xC3\xA9", Code::E301, 2, "non-ASCII", "ASCII"},
      {"a \xE2\x89\xA4 b", Code::E301, 2, "non-ASCII", "'<='"},
      {"a\xC2\xA0"
       "and b",
       Code::E301, 1, "non-ASCII", "non-breaking space"},
      {"\xFF", Code::E301, 0, "non-ASCII", ""},
      {"x == 1 + \x80", Code::E301, 9, "non-ASCII", ""},
      {std::string("a \0 b", 5), Code::E301, 2, "unexpected text after the expression", ""},
  };
  for (const ErrorCase& c : cases) check_error(parse_expression(c.input), c);
}

TEST_CASE("invalid date literals are E302 at the date", "[expression][errors][date]") {
  const std::vector<ErrorCase> cases = {
      {"2025-02-30", Code::E302, 0, "2025-02-30 is not a calendar date",
       "February 2025 has 28 days"},
      {"2024-02-30", Code::E302, 0, "2024-02-30 is not a calendar date",
       "February 2024 has 29 days"},
      {"1900-02-29", Code::E302, 0, "1900-02-29 is not a calendar date",
       "February 1900 has 28 days"},
      {"2023-13-01", Code::E302, 0, "2023-13-01 is not a calendar date",
       "months run from 01 to 12"},
      {"2023-00-10", Code::E302, 0, "is not a calendar date", "months run from 01 to 12"},
      {"0000-01-01", Code::E302, 0, "0000-01-01 is not a calendar date",
       "years run from 0001 to 9999"},
      {"2025-01-00", Code::E302, 0, "is not a calendar date", "start at 01"},
      {"2025-04-31", Code::E302, 0, "is not a calendar date", "April 2025 has 30 days"},
      {"date < 2025-02-30", Code::E302, 7, "2025-02-30 is not a calendar date", ""},
      {"x + 2025-02-30", Code::E302, 4, "is not a calendar date", ""},
      {"[2025-01-01, 2025-02-31]", Code::E302, 13, "is not a calendar date", ""},
      {"2025-1-1", Code::E302, 0, "'2025-1-1' is not a date in the form YYYY-MM-DD",
       "spaces around '-'"},
      {"date > 25-01-01", Code::E302, 7, "not a date in the form YYYY-MM-DD", ""},
      {"12025-01-01", Code::E302, 0, "not a date in the form YYYY-MM-DD", ""},
      {"2025-001-01", Code::E302, 0, "not a date in the form YYYY-MM-DD", ""},
      {"10-5-3", Code::E302, 0, "not a date", ""},
      {"1" + std::string(40, '0') + "-01-01", Code::E302, 0, "this is not a date", ""},
  };
  for (const ErrorCase& c : cases) check_error(parse_expression(c.input), c);
  // Spaces make it arithmetic.
  CHECK(parse_dump("10 - 5 - 3") == "(- (- 10 5) 3)");
  CHECK(parse_dump("2024-02-29 + 1 year") == "(+ 2024-02-29 (dur 1 year))");
}

TEST_CASE("numbers and durations that are too large are E305", "[expression][errors]") {
  const std::vector<ErrorCase> cases = {
      {"x + 1000001 days", Code::E305, 4, "too large", "1000000"},
      {"x - 99999999999999999999999999999999999999 weeks", Code::E305, 4, "too large", ""},
      {std::string(31, '9'), Code::E305, 0, "more than 30 digits", ""},
      {"a + " + std::string(20, '1') + "." + std::string(11, '2'), Code::E305, 4,
       "more than 30 digits", ""},
  };
  for (const ErrorCase& c : cases) check_error(parse_expression(c.input), c);
  // A large count that is not a duration is a plain number.
  CHECK(parse_dump("x + 1000001") == "(+ x 1000001)");
  CHECK(parse_dump("x + 99999999 * 2") == "(+ x (* 99999999 2))");
}

TEST_CASE("nesting is limited to max_nesting_depth", "[expression][limits]") {
  const std::size_t n = 64;
  struct DepthCase {
    std::string name;
    std::string ok;        // exactly 64 levels
    std::string too_deep;  // 65 levels
    std::size_t offset;    // of the 65th level
  };
  const std::vector<DepthCase> cases = {
      {"parentheses", repeat("(", n) + "x" + repeat(")", n),
       repeat("(", n + 1) + "x" + repeat(")", n + 1), n},
      {"brackets", repeat("[", n) + repeat("]", n), repeat("[", n + 1) + repeat("]", n + 1), n},
      {"in lists", "x in " + repeat("[", n) + repeat("]", n),
       "x in " + repeat("[", n + 1) + repeat("]", n + 1), 5 + n},
      {"not", repeat("not ", n) + "x", repeat("not ", n + 1) + "x", 4 * n},
      {"minus", repeat("-", n) + "x", repeat("-", n + 1) + "x", n},
      {"spaced minus", repeat("- ", n) + "x", repeat("- ", n + 1) + "x", 2 * n},
      // 21 * 3 + 1 = 64 levels
      {"mixed", repeat("not -(", 21) + "-x" + repeat(")", 21) + " == 1",
       repeat("not -(", 21) + "- -x" + repeat(")", 21), 6 * 21 + 2},
  };
  for (const DepthCase& c : cases) {
    INFO(c.name);
    ParseResult<Expr> ok = parse_expression(c.ok);
    CHECK(ok.errors.empty());
    ParseResult<Expr> bad = parse_expression(c.too_deep);
    REQUIRE(bad.errors.size() == 1);
    CHECK(bad.errors[0].code == Code::E303);
    CHECK(bad.errors[0].offset == c.offset);
    CHECK(bad.errors[0].message.find("nested more than 64") != std::string::npos);
  }
  // Levels that close again do not add up (long operator chains are bounded
  // separately, by max_tree_depth).
  Limits long_chains;
  long_chains.max_tree_depth = 100000;
  CHECK(parse_expression(repeat("not a and ", 300) + "b", long_chains).errors.empty());
  CHECK(parse_expression(repeat("-a - ", 300) + "b", long_chains).errors.empty());
  CHECK(parse_expression(repeat("(a) + ", 300) + "b", long_chains).errors.empty());
  CHECK(parse_expression("x in [" + repeat("[-a], ", 300) + "[]]").errors.empty());
  CHECK(parse_expression(repeat("-(", 32) + "a" + repeat(")", 32)).errors.empty());
  CHECK(parse_expression(repeat("-(", 32) + "-a" + repeat(")", 32)).errors[0].code == Code::E303);
  // A smaller configured limit.
  Limits small;
  small.max_nesting_depth = 2;
  CHECK(parse_expression("((a))", small).errors.empty());
  CHECK(parse_expression("(((a)))", small).errors.at(0).offset == 2);
  CHECK(parse_expression("not -a", small).errors.empty());
  CHECK(parse_expression("not -(a)", small).errors.at(0).offset == 5);
  small.max_nesting_depth = 0;
  CHECK(parse_expression("a + b", small).errors.empty());
  CHECK(parse_expression("-a", small).errors.at(0).code == Code::E303);
}

TEST_CASE("very deep nesting fails without recursion", "[expression][limits]") {
  Limits big;
  big.max_expression_bytes = 1u << 20;
  for (const std::string& text : {repeat("(", 100000), repeat("[", 100000), repeat("-", 100000),
                                  repeat("not ", 100000), repeat("not -(", 100000) + "x"}) {
    ParseResult<Expr> r = parse_expression(text, big);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].code == Code::E303);
    CHECK(r.errors[0].offset <= 4 * 64);
  }
  // Default limits: the size limit comes first.
  ParseResult<Expr> r = parse_expression(repeat("(", 100000));
  CHECK(r.errors.at(0).code == Code::E304);
}

TEST_CASE("operator chains are limited to max_tree_depth", "[expression][limits]") {
  // One level per operator; the names at the leaves are no level. The docs
  // say "more than 256 operators" is the error: 256 are allowed.
  const std::string at_limit = "a" + repeat(" or a", 256);
  CHECK(parse_expression(at_limit).errors.empty());
  ParseResult<Expr> past = parse_expression(at_limit + " or a");
  REQUIRE(past.errors.size() == 1);
  CHECK(past.errors[0].code == Code::E303);
  CHECK(past.errors[0].message.find("more than 256 levels of operators") != std::string::npos);
  Limits small;
  small.max_tree_depth = 3;
  CHECK(parse_expression("a + b + c + d", small).errors.empty());
  CHECK(parse_expression("a + b + c + d + e", small).errors.at(0).code == Code::E303);
  CHECK(parse_expression("-(-(-a))", small).errors.empty());
  CHECK(parse_expression("-(-(-(-a)))", small).errors.at(0).code == Code::E303);
}

TEST_CASE("expressions are limited to max_expression_bytes", "[expression][limits]") {
  // `a + a + ... + a` padded to exactly 4096 bytes: a left-nested tree of
  // about 1000 levels, which the limit on nesting does not (need to) cover.
  std::string text = "a" + repeat(" + a", 1023);
  text += std::string(4096 - text.size(), ' ');
  REQUIRE(text.size() == 4096);
  Limits long_chains;
  long_chains.max_tree_depth = 100000;
  ParseResult<Expr> ok = parse_expression(text, long_chains);
  CHECK(ok.errors.empty());
  CHECK(ok.value.has_value());
  ParseResult<Expr> bad = parse_expression(text + " ");
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].code == Code::E304);
  CHECK(bad.errors[0].offset == 4096);
  CHECK(bad.errors[0].message.find("4096 bytes") != std::string::npos);

  std::string dense = "a" + repeat("+a", 2047);
  dense += std::string(4096 - dense.size(), ' ');
  CHECK(parse_expression(dense, long_chains).errors.empty());
  CHECK(parse_expression(std::string(4096, 'x')).errors.empty());
  CHECK(parse_expression(std::string(4097, 'x')).errors.at(0).code == Code::E304);

  Limits small;
  small.max_expression_bytes = 5;
  CHECK(parse_expression("a + b", small).errors.empty());
  CHECK(parse_expression("a + bc", small).errors.at(0).offset == 5);
}

TEST_CASE("random input never crashes and keeps the result invariants",
          "[expression][robustness]") {
  // Token soup from the grammar's own vocabulary, plus stray bytes: the
  // parser must return, with exactly one of value / errors, and a position
  // inside the text.
  const std::vector<std::string> tokens = {
      "a",     "b.c",  "not", "and", "or",   "in",    "(",          ")",          "[",
      "]",     ",",    "-",   "+",   "*",    "/",     "==",         "<",          ">=",
      "!=",    "1",    "2.5", "30",  "days", "month", "2025-01-31", "2025-02-30", "true",
      "never", "date", " ",   "_",   ".",    "=",     "\xC3",       "\t"};
  std::mt19937 rng(12345);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t n = rng() % 12;
    for (std::size_t i = 0; i < n; ++i) {
      text += tokens[rng() % tokens.size()];
      if (rng() % 2) text += ' ';
    }
    ParseResult<Expr> r = parse_expression(text);
    INFO("input: " << text);
    REQUIRE(r.value.has_value() == r.errors.empty());
    if (r.value) {
      CHECK(r.value->span.end <= text.size());
      // The canonical print parses back to the same structure.
      ParseResult<Expr> again = parse_expression(print_expression(*r.value));
      REQUIRE(again.value);
      CHECK(dump(*again.value) == dump(*r.value));
    } else {
      REQUIRE(r.errors.size() == 1);
      CHECK(r.errors[0].offset <= text.size());
      CHECK_FALSE(r.errors[0].message.empty());
    }
    ParseResult<ActionPattern> p = parse_action_pattern(text);
    REQUIRE(p.value.has_value() == p.errors.empty());
    if (!p.value) CHECK(p.errors.at(0).offset <= text.size());
  }
}
