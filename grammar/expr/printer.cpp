// The canonical text of expressions and action patterns (grammar/parse.hpp).
//
// Parentheses are added exactly where the tree differs from what the
// grammar would build without them (precedence, left associativity, the
// single non-associative comparison), so printing never nests deeper than
// the text that was parsed. A negation of a negation prints as `- -x`: the
// space keeps the two signs apart without adding a level.
#include <charconv>
#include <string>
#include <vector>

#include "grammar/expr/keywords.hpp"
#include "grammar/expr/parse.hpp"

namespace pacta {
namespace {

// Binding strength, language.md §6 from loosest to tightest.
enum Level : int {
  kIf = 0,  // its else branch extends to the right: parenthesised as any operand
  kOr = 1,
  kAnd = 2,
  kNot = 3,
  kComparison = 4,
  kSum = 5,
  kProduct = 6,
  kNegate = 7,
  kPrimary = 8,
};

int binary_level(BinaryOp op) {
  switch (op) {
    case BinaryOp::Or:
      return kOr;
    case BinaryOp::And:
      return kAnd;
    case BinaryOp::Add:
    case BinaryOp::Sub:
      return kSum;
    case BinaryOp::Mul:
    case BinaryOp::Div:
      return kProduct;
    default:
      return kComparison;
  }
}

int level_of(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::Binary:
      return binary_level(e.binary_op);
    case Expr::Kind::Unary:
      return e.unary_op == UnaryOp::Not ? kNot : kNegate;
    case Expr::Kind::If:
      return kIf;
    default:
      return kPrimary;
  }
}

void print(const Expr& e, std::string& out);

void print_operand(const Expr& e, bool parenthesize, std::string& out) {
  if (parenthesize) out += '(';
  print(e, out);
  if (parenthesize) out += ')';
}

void print_number(const Expr& e, std::string& out) {
  if (!e.text.empty()) {
    out += e.text;
    return;
  }
  // A tree built in code rather than parsed: shortest round-trip form.
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, e.number);
  out.append(buffer, result.ptr);
}

void print_list(const std::vector<Expr>& items, std::string& out) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    print(items[i], out);
  }
}

void print_if(const Expr& e, std::string& out) {
  if (e.operands.size() < 3) return;
  out += kIfWord;
  out += ' ';
  print(e.operands[0], out);
  out += ' ';
  out += kThenWord;
  out += ' ';
  print(e.operands[1], out);
  out += ' ';
  out += kElseWord;
  out += ' ';
  print(e.operands[2], out);
}

void print(const Expr& e, std::string& out) {
  switch (e.kind) {
    case Expr::Kind::Call:
      out += function_word(e.function);
      out += '(';
      print_list(e.operands, out);
      out += ')';
      return;
    case Expr::Kind::If:
      print_if(e, out);
      return;
    case Expr::Kind::Bool:
    case Expr::Kind::Never:
    case Expr::Kind::Today:
      out += literal_word(e.kind, e.bool_value);
      return;
    case Expr::Kind::Number:
      print_number(e, out);
      return;
    case Expr::Kind::DateLit:
      out += e.date.to_string();
      return;
    case Expr::Kind::Name:
      if (!e.qualifier.empty()) {
        out += e.qualifier;
        out += '.';
      }
      out += e.name;
      return;
    case Expr::Kind::Duration:
      out += std::to_string(e.count);
      out += ' ';
      out += duration_unit_word(e.unit, e.count == 1);
      return;
    case Expr::Kind::List:
      out += '[';
      print_list(e.operands, out);
      out += ']';
      return;
    case Expr::Kind::Unary: {
      if (e.operands.empty()) return;
      const Expr& operand = e.operands[0];
      if (e.unary_op == UnaryOp::Not) {
        out += "not ";
        print_operand(operand, level_of(operand) < kNot, out);
      } else {
        const bool double_negation =
            operand.kind == Expr::Kind::Unary && operand.unary_op == UnaryOp::Negate;
        out += double_negation ? "- " : "-";
        print_operand(operand, level_of(operand) < kNegate, out);
      }
      return;
    }
    case Expr::Kind::Binary: {
      if (e.operands.size() < 2) return;
      const int level = binary_level(e.binary_op);
      // Left-associative levels keep a same-level left operand bare; the
      // comparison takes one of each side at most, so both sides need
      // parentheses from its own level down.
      const bool comparison = level == kComparison;
      const Expr& left = e.operands[0];
      const Expr& right = e.operands[1];
      print_operand(left, comparison ? level_of(left) <= level : level_of(left) < level, out);
      out += ' ';
      out += binary_token(e.binary_op);
      out += ' ';
      print_operand(right, level_of(right) <= level, out);
      return;
    }
  }
}

}  // namespace

std::string print_expression(const Expr& e) {
  std::string out;
  print(e, out);
  return out;
}

std::string print_action_pattern(const ActionPattern& p) {
  std::string out = p.action;
  if (p.args.empty()) return out;
  out += '(';
  for (std::size_t i = 0; i < p.args.size(); ++i) {
    const PatternArg& arg = p.args[i];
    if (i > 0) out += ", ";
    if (arg.param) {
      out += *arg.param;
      out += '=';
    }
    if (arg.wildcard) {
      out += '_';
    } else {
      print(arg.value, out);
    }
  }
  out += ')';
  return out;
}

}  // namespace pacta
