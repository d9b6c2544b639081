// The expression and action-pattern parsers (grammar/parse.hpp): every
// production, precedence and associativity, error codes and positions,
// limits, spans.
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "grammar/expr/ast.hpp"
#include "grammar/expr/keywords.hpp"
#include "grammar/expr/parse.hpp"
#include "grammar/identifier.hpp"

using namespace pacta;

namespace {

std::string op_name(BinaryOp op) {
  switch (op) {
    case BinaryOp::Or:
      return "or";
    case BinaryOp::And:
      return "and";
    case BinaryOp::Eq:
      return "==";
    case BinaryOp::Ne:
      return "!=";
    case BinaryOp::Lt:
      return "<";
    case BinaryOp::Le:
      return "<=";
    case BinaryOp::Gt:
      return ">";
    case BinaryOp::Ge:
      return ">=";
    case BinaryOp::In:
      return "in";
    case BinaryOp::NotIn:
      return "notin";
    case BinaryOp::Add:
      return "+";
    case BinaryOp::Sub:
      return "-";
    case BinaryOp::Mul:
      return "*";
    case BinaryOp::Div:
      return "/";
  }
  return "?";
}

std::string unit_name(DurationUnit u) {
  switch (u) {
    case DurationUnit::Day:
      return "day";
    case DurationUnit::Week:
      return "week";
    case DurationUnit::Month:
      return "month";
    case DurationUnit::Year:
      return "year";
    case DurationUnit::BusinessDay:
      return "business day";
  }
  return "?";
}

// Structure only, fully parenthesised: `(and (== a b) (not c))`.
std::string dump(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::Bool:
      return e.bool_value ? "true" : "false";
    case Expr::Kind::Number:
      return e.text;
    case Expr::Kind::DateLit:
      return e.date.to_string();
    case Expr::Kind::Never:
      return "never";
    case Expr::Kind::Today:
      return "date";
    case Expr::Kind::Name:
      return e.qualifier.empty() ? e.name : e.qualifier + "." + e.name;
    case Expr::Kind::Duration:
      return "(dur " + std::to_string(e.count) + " " + unit_name(e.unit) + ")";
    case Expr::Kind::List: {
      std::string s = "[";
      for (std::size_t i = 0; i < e.operands.size(); ++i) s += (i ? " " : "") + dump(e.operands[i]);
      return s + "]";
    }
    case Expr::Kind::Unary:
      return std::string(e.unary_op == UnaryOp::Not ? "(not " : "(neg ") + dump(e.operands.at(0)) +
             ")";
    case Expr::Kind::Binary:
      return "(" + op_name(e.binary_op) + " " + dump(e.operands.at(0)) + " " +
             dump(e.operands.at(1)) + ")";
    case Expr::Kind::Call:
    case Expr::Kind::If: {
      std::string s =
          "(" + std::string(e.kind == Expr::Kind::If ? "if" : function_word(e.function));
      for (const Expr& o : e.operands) s += " " + dump(o);
      return s + ")";
    }
  }
  return "?";
}

std::string dump(const ActionPattern& p) {
  std::string s = p.action + "[";
  for (std::size_t i = 0; i < p.args.size(); ++i) {
    const PatternArg& a = p.args[i];
    if (i) s += " ";
    if (a.param) s += *a.param + "=";
    s += a.wildcard ? "_" : dump(a.value);
  }
  return s + "]";
}

std::string parse_dump(const std::string& text) {
  ParseResult<Expr> r = parse_expression(text);
  if (!r.errors.empty()) {
    const ParseError& e = r.errors.front();
    return "ERROR " + std::string(code_name(e.code)) + " @" + std::to_string(e.offset) + ": " +
           e.message;
  }
  REQUIRE(r.value.has_value());
  return dump(*r.value);
}

std::string parse_pattern_dump(const std::string& text) {
  ParseResult<ActionPattern> r = parse_action_pattern(text);
  if (!r.errors.empty()) {
    const ParseError& e = r.errors.front();
    return "ERROR " + std::string(code_name(e.code)) + " @" + std::to_string(e.offset) + ": " +
           e.message;
  }
  REQUIRE(r.value.has_value());
  return dump(*r.value);
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

struct ErrorCase {
  std::string input;
  Code code;
  std::size_t offset;
  std::string message;  // substring of the message
  std::string help;     // substring of the help ("" = not checked)
};

void check_error(const ParseResult<Expr>& r, const ErrorCase& c) {
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

}  // namespace

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
