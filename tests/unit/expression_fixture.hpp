#pragma once
// Shared by the parser's unit tests (tests/unit/test_parse_*.cpp): an
// expression or action pattern dumped as its structure, fully parenthesised
// (`(and (== a b) (not c))`), or as its first error (`ERROR E301 @4: ...`);
// and a check that a parse failed with exactly one expected error.
#include <catch2/catch.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "grammar/expr/ast.hpp"
#include "grammar/expr/keywords.hpp"
#include "grammar/expr/parse.hpp"
#include "grammar/identifier.hpp"

namespace pacta::expression_fixture {

inline std::string op_name(BinaryOp op) {
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

inline std::string unit_name(DurationUnit u) {
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
inline std::string dump(const Expr& e) {
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

inline std::string dump(const ActionPattern& p) {
  std::string s = p.action + "[";
  for (std::size_t i = 0; i < p.args.size(); ++i) {
    const PatternArg& a = p.args[i];
    if (i) s += " ";
    if (a.param) s += *a.param + "=";
    s += a.wildcard ? "_" : dump(a.value);
  }
  return s + "]";
}

inline std::string parse_dump(const std::string& text) {
  ParseResult<Expr> r = parse_expression(text);
  if (!r.errors.empty()) {
    const ParseError& e = r.errors.front();
    return "ERROR " + std::string(code_name(e.code)) + " @" + std::to_string(e.offset) + ": " +
           e.message;
  }
  REQUIRE(r.value.has_value());
  return dump(*r.value);
}

inline std::string parse_pattern_dump(const std::string& text) {
  ParseResult<ActionPattern> r = parse_action_pattern(text);
  if (!r.errors.empty()) {
    const ParseError& e = r.errors.front();
    return "ERROR " + std::string(code_name(e.code)) + " @" + std::to_string(e.offset) + ": " +
           e.message;
  }
  REQUIRE(r.value.has_value());
  return dump(*r.value);
}

inline std::string repeat(const std::string& s, std::size_t n) {
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

inline void check_error(const ParseResult<Expr>& r, const ErrorCase& c) {
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

}  // namespace pacta::expression_fixture
