// The canonical printer (grammar/parse.hpp): expected texts with minimal
// parentheses, and parse(print(e)) == e up to spans, for written and for
// generated trees.
#include <catch2/catch.hpp>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "grammar/expr/ast.hpp"
#include "grammar/expr/parse.hpp"

using namespace pacta;

namespace {

Expr parsed(const std::string& text) {
  ParseResult<Expr> r = parse_expression(text);
  INFO("input: " << text << (r.errors.empty() ? "" : " error: " + r.errors[0].message));
  REQUIRE(r.value.has_value());
  return *r.value;
}

void check_round_trip(const Expr& e) {
  const std::string printed = print_expression(e);
  INFO("printed: " << printed);
  const Expr again = parsed(printed);
  CHECK(without_spans(again) == without_spans(e));
  CHECK(print_expression(again) == printed);
}

Expr leaf_name(const std::string& name, const std::string& qualifier = {}) {
  Expr e;
  e.kind = Expr::Kind::Name;
  e.name = name;
  e.qualifier = qualifier;
  return e;
}

Expr binary(BinaryOp op, Expr a, Expr b) {
  Expr e;
  e.kind = Expr::Kind::Binary;
  e.binary_op = op;
  e.operands = {std::move(a), std::move(b)};
  return e;
}

Expr unary(UnaryOp op, Expr a) {
  Expr e;
  e.kind = Expr::Kind::Unary;
  e.unary_op = op;
  e.operands = {std::move(a)};
  return e;
}

}  // namespace

TEST_CASE("canonical text with minimal parentheses", "[printer]") {
  struct Case {
    std::string input;
    std::string printed;
  };
  const std::vector<Case> cases = {
      // literals and names
      {"true", "true"},
      {"false", "false"},
      {"never", "never"},
      {"date", "date"},
      {"x", "x"},
      {"cloud.aws", "cloud.aws"},
      {"0.150", "0.150"},
      {"007", "007"},
      {"2025-01-31", "2025-01-31"},
      {"((x))", "x"},
      {"[ ]", "[]"},
      {"[ a,b ]", "[a, b]"},
      {"[[a,[b]],[]]", "[[a, [b]], []]"},
      // or / and / not
      {"a or b", "a or b"},
      {"(a or b) or c", "a or b or c"},
      {"a or (b or c)", "a or (b or c)"},
      {"(a and b) or c", "a and b or c"},
      {"a or (b and c)", "a or b and c"},
      {"(a or b) and c", "(a or b) and c"},
      {"a and (b or c)", "a and (b or c)"},
      {"a and (b and c)", "a and (b and c)"},
      {"not (a and b)", "not (a and b)"},
      {"not (a or b)", "not (a or b)"},
      {"(not a) and b", "not a and b"},
      {"a and (not b)", "a and not b"},
      {"not not a", "not not a"},
      {"not (not a)", "not not a"},
      {"not (a == b)", "not a == b"},
      {"not (x in [a])", "not x in [a]"},
      // comparisons: one per level, both sides
      {"(not a) == b", "(not a) == b"},
      {"a == (not b)", "a == (not b)"},
      {"(a == b) == c", "(a == b) == c"},
      {"a == (b == c)", "a == (b == c)"},
      {"(a < b) and (b < c)", "a < b and b < c"},
      {"(a in [1]) == b", "(a in [1]) == b"},
      {"(a + 1) in [1, 2]", "a + 1 in [1, 2]"},
      {"x not in []", "x not in []"},
      {"x  not  in [a,b]", "x not in [a, b]"},
      {"a!=b", "a != b"},
      {"a<=b", "a <= b"},
      {"a>=b", "a >= b"},
      {"a>b", "a > b"},
      {"(a + b) < (c * d)", "a + b < c * d"},
      // arithmetic
      {"a - (b - c)", "a - (b - c)"},
      {"(a - b) - c", "a - b - c"},
      {"a - b + c", "a - b + c"},
      {"a + (b + c)", "a + (b + c)"},
      {"a + (b * c)", "a + b * c"},
      {"(a + b) * c", "(a + b) * c"},
      {"a * (b + c)", "a * (b + c)"},
      {"a / (b / c)", "a / (b / c)"},
      {"(a / b) / c", "a / b / c"},
      {"a * b / c", "a * b / c"},
      {"a * (b / c)", "a * (b / c)"},
      {"(a == b) + c", "(a == b) + c"},
      // negation
      {"-(-x)", "- -x"},
      {"--x", "- -x"},
      {"-(-(-1))", "- - -1"},
      {"- 1", "-1"},
      {"-(a + b)", "-(a + b)"},
      {"-(a * b)", "-(a * b)"},
      {"(-a) * b", "-a * b"},
      {"a - -1", "a - -1"},
      {"a * -(b + c)", "a * -(b + c)"},
      {"-(not a)", "-(not a)"},
      {"not -a", "not -a"},
      {"-cloud.aws", "-cloud.aws"},
      {"-2025-01-01", "-2025-01-01"},
      // durations: plural unless the count is 1
      {"x + 1 month - 2 days", "x + 1 month - 2 days"},
      {"x+1 months", "x + 1 month"},
      {"x + 2 day", "x + 2 days"},
      {"x - 1 years", "x - 1 year"},
      {"x - 3 week", "x - 3 weeks"},
      {"x + 1 weeks", "x + 1 week"},
      {"x + 0 day", "x + 0 days"},
      {"signed + 30days", "signed + 30 days"},
      {"x + (30 * 2)", "x + 30 * 2"},
      {"x + (y + 1 week)", "x + (y + 1 week)"},
      {"(x + 1 day) + 1 day", "x + 1 day + 1 day"},
      // realistic
      {"date>=signed+30 days and not agi_declared or x in [a]",
       "date >= signed + 30 days and not agi_declared or x in [a]"},
      {"(channel != azure) or (seller in [party.microsoft, openai])",
       "channel != azure or seller in [party.microsoft, openai]"},
      {"never == never", "never == never"},
      {"true != false", "true != false"},
      // functions, if/then/else, date - date
      {"min(a,b , c)", "min(a, b, c)"},
      {"max( x )", "max(x)"},
      {"end_of_month(signed+1 month)", "end_of_month(signed + 1 month)"},
      {"end_of_quarter(date) >= end_of_year(x)", "end_of_quarter(date) >= end_of_year(x)"},
      {"if a then 1 else 2", "if a then 1 else 2"},
      {"if a and b then x else y + 1", "if a and b then x else y + 1"},
      {"(if a then 1 else 2) + 3", "(if a then 1 else 2) + 3"},
      {"3 + (if a then 1 else 2)", "3 + (if a then 1 else 2)"},
      {"if a then if b then 1 else 2 else 3", "if a then if b then 1 else 2 else 3"},
      {"min(if a then x else y, z)", "min(if a then x else y, z)"},
      {"not (if a then b else c)", "not (if a then b else c)"},
      {"(x - y) > 30", "x - y > 30"},
      {"x + 3 business day", "x + 3 business days"},
      {"x - 1  business   days", "x - 1 business day"},
      {"end_of_month(x + 2 business days)", "end_of_month(x + 2 business days)"},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    const Expr e = parsed(c.input);
    CHECK(print_expression(e) == c.printed);
    check_round_trip(e);
  }
}

TEST_CASE("trees built in code print as they would parse", "[printer]") {
  Expr number;
  number.kind = Expr::Kind::Number;
  number.number = 0.25;  // no text: printed from the value
  CHECK(print_expression(number) == "0.25");

  Expr one_day;
  one_day.kind = Expr::Kind::Duration;
  one_day.count = 1;
  one_day.unit = DurationUnit::Day;
  CHECK(print_expression(binary(BinaryOp::Sub, leaf_name("d"), one_day)) == "d - 1 day");

  Expr list;
  list.kind = Expr::Kind::List;
  list.operands = {leaf_name("aws", "cloud"), leaf_name("b")};
  CHECK(print_expression(binary(BinaryOp::NotIn, leaf_name("x"), list)) ==
        "x not in [cloud.aws, b]");

  const Expr nested = unary(
      UnaryOp::Not, binary(BinaryOp::Or, leaf_name("a"), unary(UnaryOp::Negate, leaf_name("b"))));
  CHECK(print_expression(nested) == "not (a or -b)");
  check_round_trip(nested);
}

TEST_CASE("generated trees survive print and parse", "[printer][robustness]") {
  std::mt19937 rng(2024);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const std::vector<BinaryOp> ops = {BinaryOp::Or,  BinaryOp::And,   BinaryOp::Eq,  BinaryOp::Ne,
                                     BinaryOp::Lt,  BinaryOp::Le,    BinaryOp::Gt,  BinaryOp::Ge,
                                     BinaryOp::In,  BinaryOp::NotIn, BinaryOp::Add, BinaryOp::Sub,
                                     BinaryOp::Mul, BinaryOp::Div};
  // Depth 5 keeps parentheses and prefix operators well under 64 levels.
  std::function<Expr(int)> generate = [&](int depth) -> Expr {
    if (depth == 0 || pick(4) == 0) {
      switch (pick(7)) {
        case 0: {
          Expr e;
          e.kind = Expr::Kind::Bool;
          e.bool_value = pick(2) == 1;
          return e;
        }
        case 1: {
          Expr e;
          e.kind = Expr::Kind::Number;
          e.text = std::to_string(pick(1000));
          e.number = std::stod(e.text);
          return e;
        }
        case 2: {
          Expr e;
          e.kind = Expr::Kind::DateLit;
          e.date = *Date::from_ymd(2000 + static_cast<int>(pick(50)),
                                   1 + static_cast<int>(pick(12)), 1 + static_cast<int>(pick(28)));
          return e;
        }
        case 3: {
          Expr e;
          e.kind = pick(2) ? Expr::Kind::Never : Expr::Kind::Today;
          return e;
        }
        case 4:
          return leaf_name("q" + std::to_string(pick(3)), "t");
        default:
          return leaf_name("n" + std::to_string(pick(5)));
      }
    }
    switch (pick(5)) {
      case 0:
        return unary(pick(2) ? UnaryOp::Not : UnaryOp::Negate, generate(depth - 1));
      case 1: {
        Expr e;
        e.kind = Expr::Kind::List;
        const std::size_t n = pick(3);
        for (std::size_t i = 0; i < n; ++i) e.operands.push_back(generate(depth - 1));
        return e;
      }
      default: {
        const BinaryOp op = ops[pick(ops.size())];
        Expr left = generate(depth - 1);
        Expr right;
        if (op == BinaryOp::In || op == BinaryOp::NotIn) {
          right.kind = Expr::Kind::List;
          const std::size_t n = pick(3);
          for (std::size_t i = 0; i < n; ++i) right.operands.push_back(generate(depth - 1));
        } else if ((op == BinaryOp::Add || op == BinaryOp::Sub) && pick(3) == 0) {
          right.kind = Expr::Kind::Duration;
          right.count = static_cast<std::int64_t>(pick(40));
          right.unit = static_cast<DurationUnit>(pick(4));
        } else {
          right = generate(depth - 1);
        }
        return binary(op, std::move(left), std::move(right));
      }
    }
  };
  for (int i = 0; i < 3000; ++i) {
    const Expr e = generate(5);
    const std::string printed = print_expression(e);
    INFO("printed: " << printed);
    ParseResult<Expr> r = parse_expression(printed);
    INFO((r.errors.empty() ? "" : "error: " + r.errors[0].message));
    REQUIRE(r.value.has_value());
    CHECK(without_spans(*r.value) == without_spans(e));
  }
}

TEST_CASE("action patterns print canonically", "[printer][pattern]") {
  struct Case {
    std::string input;
    std::string printed;
  };
  const std::vector<Case> cases = {
      {"sell", "sell"},
      {"sell()", "sell"},
      {" sell ( a , b ) ", "sell(a, b)"},
      {"sell(seller = openai, channel=_)", "sell(seller=openai, channel=_)"},
      {"sell(_, true, false, cloud.aws)", "sell(_, true, false, cloud.aws)"},
      {"sell(a, p=b)", "sell(a, p=b)"},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    ParseResult<ActionPattern> r = parse_action_pattern(c.input);
    REQUIRE(r.value.has_value());
    const std::string printed = print_action_pattern(*r.value);
    CHECK(printed == c.printed);
    ParseResult<ActionPattern> again = parse_action_pattern(printed);
    REQUIRE(again.value.has_value());
    CHECK(without_spans(*again.value) == without_spans(*r.value));
  }
}

TEST_CASE("printing never nests deeper than the parsed text", "[printer][limits]") {
  auto repeat = [](const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
  };
  for (const std::string& text :
       {repeat("-", 64) + "x", repeat("not ", 64) + "x",
        repeat("-(a + ", 32) + "b" + repeat(")", 32),
        repeat("not (a or ", 32) + "b" + repeat(")", 32), repeat("[", 64) + repeat("]", 64),
        repeat("(a - ", 64) + "b" + repeat(")", 64)}) {
    INFO("input: " << text);
    const Expr e = parsed(text);
    check_round_trip(e);
  }
}
