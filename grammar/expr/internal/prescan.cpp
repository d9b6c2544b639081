#include "grammar/expr/internal/prescan.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "grammar/expr/internal/lexical.hpp"
#include "grammar/identifier.hpp"

namespace pacta::expression_grammar {

namespace {

ParseError too_long_error(const Limits& limits, std::string_view what) {
  return ParseError{limits.max_expression_bytes, Code::E304,
                    std::string(what) + " is longer than " +
                        std::to_string(limits.max_expression_bytes) + " bytes",
                    "split it into named dates or facts"};
}

// Help for the look-alikes of ASCII operators and quotes that word
// processors put into copied text.
ParseError non_ascii_error(std::string_view text, std::size_t at) {
  struct Lookalike {
    std::string_view bytes;
    const char* help;
  };
  static constexpr std::array<Lookalike, 12> kLookalikes = {{
      {"\xE2\x89\xA4", "write '<=' instead of '\xE2\x89\xA4'"},
      {"\xE2\x89\xA5", "write '>=' instead of '\xE2\x89\xA5'"},
      {"\xE2\x89\xA0", "write '!=' instead of '\xE2\x89\xA0'"},
      {"\xE2\x80\x93", "write '-' instead of the dash '\xE2\x80\x93'"},
      {"\xE2\x80\x94", "write '-' instead of the dash '\xE2\x80\x94'"},
      {"\xE2\x88\x92", "write '-' instead of the minus sign '\xE2\x88\x92'"},
      {"\xC3\x97", "write '*' instead of '\xC3\x97'"},
      {"\xC2\xA0", "replace the non-breaking space with a plain space"},
      {"\xE2\x80\x98", "expressions have no quotes: write names bare"},
      {"\xE2\x80\x99", "expressions have no quotes: write names bare"},
      {"\xE2\x80\x9C", "expressions have no quotes: write names bare"},
      {"\xE2\x80\x9D", "expressions have no quotes: write names bare"},
  }};
  std::string help = "expressions are plain ASCII: names use the letters A-Z and a-z, digits and _";
  for (const Lookalike& l : kLookalikes) {
    if (text.substr(at, l.bytes.size()) == l.bytes) {
      help = l.help;
      break;
    }
  }
  return ParseError{at, Code::E301, "unexpected non-ASCII character", std::move(help)};
}

ParseError nesting_error(std::size_t at, std::size_t max_depth) {
  return ParseError{
      at, Code::E303,
      "the expression is nested more than " + std::to_string(max_depth) + " levels deep",
      "parentheses, list brackets, 'not' and '-' count as levels; "
      "simplify the expression or split it into named dates or facts"};
}

// The levels the grammar's recursion opens, followed token by token.
// '(' and '[' open a level until their closing bracket; a prefix `not`
// holds its level until the `and`, `or`, ',' or closing bracket that ends
// its operand; a prefix '-' until its operand (one primary) is complete. A
// '-' or `not` right after an operand is binary (`a - b`, `a not in [..]`)
// and opens nothing.
class NestingScan {
 public:
  explicit NestingScan(std::size_t max_depth) : max_depth_(max_depth) {}

  // Moves `at` past the token there (an ASCII byte). False, with `at` on
  // the token, when the token opens a level beyond the limit.
  bool step(std::string_view text, std::size_t& at) {
    const char c = text[at];
    if (is_space(c) || c == '.') {
      ++at;
    } else if (is_identifier_start(c)) {
      const std::string_view w = identifier_word_at(text, at);
      if (!word(w)) return false;
      at += w.size();
    } else if (is_ascii_digit(c)) {
      while (at < text.size() && (is_ascii_digit(text[at]) || text[at] == '.')) ++at;
      operand_done();
    } else {
      if (!punctuation(c)) return false;
      ++at;
    }
    return true;
  }

 private:
  enum class Frame : unsigned char { Bracket, If, Not, Minus };

  bool open(Frame f) {
    if (stack_.size() >= max_depth_) return false;
    stack_.push_back(f);
    after_operand_ = false;
    return true;
  }
  // `and`, `or`, ',' and closing brackets end the operand of every prefix
  // operator since the innermost bracket.
  // An `if` holds its level until the ',' or closing bracket that ends its
  // else branch (`and`, `or`, `then`, `else` stay inside it).
  void close_prefixes() {
    while (!stack_.empty() && stack_.back() != Frame::Bracket && stack_.back() != Frame::If)
      stack_.pop_back();
  }
  void close_to_bracket() {
    while (!stack_.empty() && stack_.back() != Frame::Bracket) stack_.pop_back();
  }
  // A complete operand ends the prefix '-' operators in front of it.
  void operand_done() {
    while (!stack_.empty() && stack_.back() == Frame::Minus) stack_.pop_back();
    after_operand_ = true;
  }

  bool word(std::string_view w) {
    if (w == "not") {
      if (after_operand_) {  // `x not in [..]`
        after_operand_ = false;
        return true;
      }
      return open(Frame::Not);
    }
    if (w == "if") return open(Frame::If);
    const bool joins = w == "and" || w == "or" || w == "then" || w == "else";
    if (joins) close_prefixes();
    if (joins || w == "in") {
      after_operand_ = false;
    } else {
      operand_done();
    }
    return true;
  }

  bool punctuation(char c) {
    switch (c) {
      case '(':
      case '[':
        return open(Frame::Bracket);
      case ')':
      case ']':
        close_to_bracket();
        if (!stack_.empty()) stack_.pop_back();
        operand_done();
        return true;
      case '-':
        if (after_operand_) break;  // binary minus
        return open(Frame::Minus);
      case ',':
        close_to_bracket();
        break;
      default:
        break;
    }
    after_operand_ = false;
    return true;
  }

  std::size_t max_depth_;
  std::vector<Frame> stack_;
  bool after_operand_ = false;
};

// The first operator (a node with operands) below more than `limit - 1`
// others, found without recursion: a chain of `limit` operators is allowed,
// one more is not (docs/limits.md). Leaves do not count as levels.
const Expr* too_deep(const Expr& root, int limit) {
  std::vector<std::pair<const Expr*, int>> stack = {{&root, 1}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (node->operands.empty()) continue;
    if (depth > limit) return node;
    for (const Expr& child : node->operands) stack.emplace_back(&child, depth + 1);
  }
  return nullptr;
}

}  // namespace

std::optional<ParseError> prescan(std::string_view text, const Limits& limits,
                                  std::string_view what) {
  if (text.size() > limits.max_expression_bytes) return too_long_error(limits, what);
  const std::size_t max_depth =
      limits.max_nesting_depth > 0 ? static_cast<std::size_t>(limits.max_nesting_depth) : 0;
  NestingScan nesting(max_depth);
  std::size_t at = 0;
  while (at < text.size()) {
    if (static_cast<unsigned char>(text[at]) >= 0x80) return non_ascii_error(text, at);
    if (!nesting.step(text, at)) return nesting_error(at, max_depth);
  }
  return std::nullopt;
}

std::optional<ParseError> tree_depth_error(const Expr& root, const Limits& limits) {
  const Expr* deep = too_deep(root, limits.max_tree_depth);
  if (deep == nullptr) return std::nullopt;
  return ParseError{deep->span.begin, Code::E303,
                    "the expression has more than " + std::to_string(limits.max_tree_depth) +
                        " levels of operators",
                    "a chain like `a or b or c ...` counts one level per operator: use a list "
                    "(`x in [a, b, c]`) or split it into named dates or facts"};
}

}  // namespace pacta::expression_grammar
