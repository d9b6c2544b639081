// The expression parser (grammar/expr/parse.hpp): every production,
// precedence and associativity, literals, spans, keywords and identifiers.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "expression_fixture.hpp"

using namespace pacta;
using namespace pacta::expression_fixture;

TEST_CASE("every production parses to the expected structure", "[expression]") {
  struct Case {
    std::string input;
    std::string expected;
  };
  const std::vector<Case> cases = {
      // primaries
      {"true", "true"},
      {"false", "false"},
      {"never", "never"},
      {"date", "date"},
      {"x", "x"},
      {"_x", "_x"},
      {"x_1", "x_1"},
      {"A9z", "A9z"},
      {"cloud.aws", "cloud.aws"},
      {"party.openai", "party.openai"},
      {"0", "0"},
      {"20", "20"},
      {"007", "007"},
      {"0.15", "0.15"},
      {"3.14159", "3.14159"},
      {"2025-10-28", "2025-10-28"},
      {"0001-01-01", "0001-01-01"},
      {"9999-12-31", "9999-12-31"},
      {"2024-02-29", "2024-02-29"},
      {"2000-02-29", "2000-02-29"},
      {"[]", "[]"},
      {"[ ]", "[]"},
      {"[a]", "[a]"},
      {"[a, b, c]", "[a b c]"},
      {"[[a], [], [[b]]]", "[[a] [] [[b]]]"},
      {"[a or b, c + 1, not d]", "[(or a b) (+ c 1) (not d)]"},
      {"(x)", "x"},
      {"((x))", "x"},
      // keywords only as whole words
      {"notice", "notice"},
      {"index", "index"},
      {"dates", "dates"},
      {"order", "order"},
      {"android", "android"},
      {"nevermore", "nevermore"},
      {"truely", "truely"},
      {"falsely", "falsely"},
      {"daysx", "daysx"},
      {"years_left", "years_left"},
      {"in2", "in2"},
      {"not_x", "not_x"},
      {"android and order", "(and android order)"},
      {"notice or index", "(or notice index)"},
      {"not notice", "(not notice)"},
      {"dates == date", "(== dates date)"},
      {"inx in [index]", "(in inx [index])"},
      {"not(x)", "(not x)"},
      {"x in[a]", "(in x [a])"},
      // unary
      {"-x", "(neg x)"},
      {"- x", "(neg x)"},
      {"--x", "(neg (neg x))"},
      {"-(-x)", "(neg (neg x))"},
      {"-1", "(neg 1)"},
      {"-2025-01-01", "(neg 2025-01-01)"},
      {"-a.b", "(neg a.b)"},
      {"not x", "(not x)"},
      {"not not x", "(not (not x))"},
      // every binary operator
      {"a or b", "(or a b)"},
      {"a and b", "(and a b)"},
      {"a == b", "(== a b)"},
      {"a != b", "(!= a b)"},
      {"a < b", "(< a b)"},
      {"a <= b", "(<= a b)"},
      {"a > b", "(> a b)"},
      {"a >= b", "(>= a b)"},
      {"a in [b]", "(in a [b])"},
      {"a not in [b, c]", "(notin a [b c])"},
      {"a not in []", "(notin a [])"},
      {"a + b", "(+ a b)"},
      {"a - b", "(- a b)"},
      {"a * b", "(* a b)"},
      {"a / b", "(/ a b)"},
      // without spaces
      {"a==b", "(== a b)"},
      {"a!=b", "(!= a b)"},
      {"a<=b", "(<= a b)"},
      {"a>=-1", "(>= a (neg 1))"},
      {"a<b", "(< a b)"},
      {"a-b", "(- a b)"},
      {"a-1", "(- a 1)"},
      {"1-2", "(- 1 2)"},
      {"2025-01", "(- 2025 01)"},
      {"a*-b", "(* a (neg b))"},
      {"a - -b", "(- a (neg b))"},
      {"x+30days", "(+ x (dur 30 day))"},
      // durations, every unit singular and plural
      {"d + 1 day", "(+ d (dur 1 day))"},
      {"d + 2 days", "(+ d (dur 2 day))"},
      {"d - 1 week", "(- d (dur 1 week))"},
      {"d - 3 weeks", "(- d (dur 3 week))"},
      {"d + 1 month", "(+ d (dur 1 month))"},
      {"d + 6 months", "(+ d (dur 6 month))"},
      {"d + 1 year", "(+ d (dur 1 year))"},
      {"d - 10 years", "(- d (dur 10 year))"},
      {"d + 0 days", "(+ d (dur 0 day))"},
      {"d + 1000000 days", "(+ d (dur 1000000 day))"},
      {"2025-01-31 + 1 month", "(+ 2025-01-31 (dur 1 month))"},
      {"x + 1 month - 2 days", "(- (+ x (dur 1 month)) (dur 2 day))"},
      {"d + 30 * 2", "(+ d (* 30 2))"},
      {"d + 30", "(+ d 30)"},
      {"d + 30 - 2 days", "(- (+ d 30) (dur 2 day))"},
      {"never - 1 day", "(- never (dur 1 day))"},
      {"(d + 1 day) + 1 day", "(+ (+ d (dur 1 day)) (dur 1 day))"},
      // left associativity
      {"a - b - c", "(- (- a b) c)"},
      {"a + b - c", "(- (+ a b) c)"},
      {"a - b + c", "(+ (- a b) c)"},
      {"a / b / c", "(/ (/ a b) c)"},
      {"a * b / c", "(/ (* a b) c)"},
      {"a / b * c", "(* (/ a b) c)"},
      {"a or b or c", "(or (or a b) c)"},
      {"a and b and c", "(and (and a b) c)"},
      {"a - (b - c)", "(- a (- b c))"},
      {"a / (b / c)", "(/ a (/ b c))"},
      // precedence between each pair of levels
      {"a or b and c", "(or a (and b c))"},
      {"a and b or c", "(or (and a b) c)"},
      {"not a and b", "(and (not a) b)"},
      {"a and not b", "(and a (not b))"},
      {"not a or b", "(or (not a) b)"},
      {"not a == b", "(not (== a b))"},
      {"not a in [b]", "(not (in a [b]))"},
      {"a == b or c != d", "(or (== a b) (!= c d))"},
      {"a < b and c >= d", "(and (< a b) (>= c d))"},
      {"a + b < c - d", "(< (+ a b) (- c d))"},
      {"a * b == c / d", "(== (* a b) (/ c d))"},
      {"a + 1 in [1, 2]", "(in (+ a 1) [1 2])"},
      {"a in [b] and c", "(and (in a [b]) c)"},
      {"a + b * c", "(+ a (* b c))"},
      {"a * b + c", "(+ (* a b) c)"},
      {"a - b / c", "(- a (/ b c))"},
      {"-a * b", "(* (neg a) b)"},
      {"a * -b", "(* a (neg b))"},
      {"-a + b", "(+ (neg a) b)"},
      {"-a.b * c.d", "(* (neg a.b) c.d)"},
      // parentheses override
      {"(a or b) and c", "(and (or a b) c)"},
      {"not (a and b)", "(not (and a b))"},
      {"(not a) == b", "(== (not a) b)"},
      {"(a + b) * c", "(* (+ a b) c)"},
      {"-(a + b)", "(neg (+ a b))"},
      {"(a == b) == c", "(== (== a b) c)"},
      {"(a < b) < c", "(< (< a b) c)"},
      // whitespace of every kind
      {"  a  ==\tb\n", "(== a b)"},
      {"\r\na\r\n+\r\nb", "(+ a b)"},
      // realistic
      {"date >= signed + 30 days and not agi_declared",
       "(and (>= date (+ signed (dur 30 day))) (not agi_declared))"},
      {"channel != azure or seller in [party.microsoft, openai]",
       "(or (!= channel azure) (in seller [party.microsoft openai]))"},
      {"date < 2025-10-28 and share * 0.2 > 100",
       "(and (< date 2025-10-28) (> (* share 0.2) 100))"},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(parse_dump(c.input) == c.expected);
  }
}

TEST_CASE("number literals keep their text and value", "[expression]") {
  auto r = parse_expression("0.15");
  REQUIRE(r.value);
  CHECK(r.value->number == 0.15);
  CHECK(r.value->text == "0.15");
  r = parse_expression("007");
  REQUIRE(r.value);
  CHECK(r.value->number == 7);
  CHECK(parse_dump(std::string(30, '9')) == std::string(30, '9'));
}

TEST_CASE("date literals hold the calendar date", "[expression]") {
  auto r = parse_expression("2024-02-29");
  REQUIRE(r.value);
  CHECK(r.value->kind == Expr::Kind::DateLit);
  CHECK(r.value->date == *Date::from_ymd(2024, 2, 29));
}

TEST_CASE("spans are byte offsets without surrounding whitespace", "[expression][spans]") {
  auto parse = [](const std::string& text) {
    ParseResult<Expr> r = parse_expression(text);
    REQUIRE(r.value);
    return *r.value;
  };
  {
    const Expr e = parse("a == b");
    CHECK(e.span == Span{0, 6});
    CHECK(e.operands[0].span == Span{0, 1});
    CHECK(e.operands[1].span == Span{5, 6});
  }
  {
    const Expr e = parse("  x + 30 days  ");
    CHECK(e.span == Span{2, 13});
    CHECK(e.operands[0].span == Span{2, 3});
    CHECK(e.operands[1].span == Span{6, 13});
    CHECK(e.operands[1].count == 30);
    CHECK(e.operands[1].unit == DurationUnit::Day);
  }
  {
    const Expr e = parse("cloud.aws");
    CHECK(e.span == Span{0, 9});
    CHECK(e.name_span == Span{6, 9});
    CHECK(e.qualifier == "cloud");
    CHECK(e.name == "aws");
  }
  {
    const Expr e = parse(" aws");
    CHECK(e.span == Span{1, 4});
    CHECK(e.name_span == Span{1, 4});
    CHECK(e.qualifier.empty());
  }
  {
    // A parenthesised expression's span includes its parentheses.
    const Expr e = parse("not ( a )");
    CHECK(e.span == Span{0, 9});
    CHECK(e.operands[0].span == Span{4, 9});
    CHECK(e.operands[0].name_span == Span{6, 7});
  }
  {
    const Expr e = parse("(a + b) * c");
    CHECK(e.span == Span{0, 11});
    CHECK(e.operands[0].span == Span{0, 7});
    CHECK(e.operands[0].operands[1].span == Span{5, 6});
  }
  {
    const Expr e = parse("[a, bb]");
    CHECK(e.span == Span{0, 7});
    CHECK(e.operands[0].span == Span{1, 2});
    CHECK(e.operands[1].span == Span{4, 6});
  }
  {
    const Expr e = parse("- x");
    CHECK(e.span == Span{0, 3});
    CHECK(e.operands[0].span == Span{2, 3});
  }
  {
    const Expr e = parse("x not in [a]");
    CHECK(e.span == Span{0, 12});
    CHECK(e.operands[1].span == Span{9, 12});
  }
  {
    const Expr e = parse("date < 2025-01-31");
    CHECK(e.operands[0].span == Span{0, 4});
    CHECK(e.operands[1].span == Span{7, 17});
  }
  {
    const Expr e = parse("0.25 * n");
    CHECK(e.operands[0].span == Span{0, 4});
  }
  {
    const Expr e = parse("a or b and c");
    CHECK(e.span == Span{0, 12});
    CHECK(e.operands[1].span == Span{5, 12});
  }
}

TEST_CASE("remap_spans moves every span through the map", "[expression][spans]") {
  const std::string text = "not cloud.aws in [a] and x + 1 day";
  ParseResult<Expr> r = parse_expression(text);
  REQUIRE(r.value);
  Expr e = *r.value;
  std::vector<std::size_t> shift(text.size() + 1);
  for (std::size_t i = 0; i < shift.size(); ++i) shift[i] = 100 + 2 * i;
  remap_spans(e, shift);
  CHECK(e.span == Span{100, 100 + 2 * text.size()});
  const Expr& name = e.operands[0].operands[0].operands[0];
  REQUIRE(name.kind == Expr::Kind::Name);
  CHECK(name.span == Span{108, 126});
  CHECK(name.name_span == Span{120, 126});
  const Expr& duration = e.operands[1].operands[1];
  CHECK(duration.span == Span{100 + 2 * 29, 100 + 2 * 34});

  ParseResult<ActionPattern> p = parse_action_pattern("sell(seller=openai, _)");
  REQUIRE(p.value);
  ActionPattern pattern = *p.value;
  std::vector<std::size_t> plus10(23);
  for (std::size_t i = 0; i < plus10.size(); ++i) plus10[i] = i + 10;
  remap_spans(pattern, plus10);
  CHECK(pattern.span == Span{10, 32});
  CHECK(pattern.action_span == Span{10, 14});
  CHECK(pattern.args[0].span == Span{15, 28});
  CHECK(pattern.args[0].param_span == Span{15, 21});
  CHECK(pattern.args[0].value.span == Span{22, 28});
  CHECK(pattern.args[0].value.name_span == Span{22, 28});
  CHECK(pattern.args[1].span == Span{30, 31});
}

TEST_CASE("keywords and identifiers", "[expression]") {
  for (const char* k : {"and", "or", "not", "in", "true", "false", "never", "date", "day", "days",
                        "week", "weeks", "month", "months", "year", "years"}) {
    INFO(k);
    CHECK(is_keyword(k));
    CHECK_FALSE(is_identifier(k));
  }
  for (const char* w :
       {"notice", "index", "dates", "order", "android", "a", "_a", "A_1", "x9", "party"}) {
    INFO(w);
    CHECK_FALSE(is_keyword(w));
    CHECK(is_identifier(w));
  }
  for (const char* w : {"", "_", "1a", "a-b", "a.b", "a b", "And", "\xC3\xA9"}) {
    INFO(w);
    CHECK_FALSE(is_keyword(w));
    CHECK(is_identifier(w) == (std::string(w) == "And"));
  }
}

// `and` over comparisons of dates, names and durations are read without the grammar
// (grammar/expr/internal/simple.hpp): the same trees and spans, and what is
// not quite one of them still goes to the grammar and its errors.
TEST_CASE("the commonest forms parse as every other form does", "[expression][spans]") {
  auto r = parse_expression("  channel != c5 ");
  REQUIRE(r.value);
  const Expr& e = *r.value;
  CHECK(e.kind == Expr::Kind::Binary);
  CHECK(e.binary_op == BinaryOp::Ne);
  CHECK(e.span == Span{2, 15});
  REQUIRE(e.operands.size() == 2);
  CHECK(e.operands[0].name == "channel");
  CHECK(e.operands[0].span == Span{2, 9});
  CHECK(e.operands[0].name_span == Span{2, 9});
  CHECK(e.operands[1].name == "c5");
  CHECK(e.operands[1].span == Span{13, 15});
  for (const char* op : {"==", "!=", "<", "<=", ">", ">="}) {
    const std::string simple = std::string("a ") + op + " 2030-07-11";
    const std::string general = std::string("(a) ") + op + " (2030-07-11)";
    INFO(simple);
    REQUIRE(parse_expression(simple).value);
    REQUIRE(parse_expression(general).value);
    CHECK(without_spans(*parse_expression(simple).value) ==
          without_spans(*parse_expression(general).value));
  }
  for (const char* simple : {"region in [r1, r8] and approved", "start + 3 days - 1 week",
                             "a in []", "d - 2020-01-01 >= e + 1 year"}) {
    INFO(simple);
    std::string general = simple;
    general.insert(0, "(").append(")");
    REQUIRE(parse_expression(simple).value);
    CHECK(without_spans(*parse_expression(simple).value) ==
          without_spans(*parse_expression(general).value));
  }
  auto d = parse_expression(" 2030-07-11");
  REQUIRE(d.value);
  CHECK(d.value->kind == Expr::Kind::DateLit);
  CHECK(d.value->span == Span{1, 11});
  CHECK(d.value->date == *Date::from_ymd(2030, 7, 11));

  auto minus = parse_expression("2030-07-11-5");  // a date minus a number, not a date
  REQUIRE(minus.value);
  CHECK(minus.value->binary_op == BinaryOp::Sub);
  CHECK(parse_expression("a.b").value->qualifier == "a");
  for (const char* bad : {"2030-02-30", "2030-7-11", "min", "a == 2030-13-01", "a == b == c",
                          "a ==", "a =! b", "_"}) {
    INFO(bad);
    CHECK_FALSE(parse_expression(bad).value);
    CHECK_FALSE(parse_expression(bad).errors.empty());
  }
}
