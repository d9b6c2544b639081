// SPEC §2 expressions and §1 action patterns, parsed with Boost.Spirit X3.
// This is the only translation unit that includes X3 (x3.hpp must come
// first). The grammar builds pacta::Expr directly through the semantic
// actions of expression_grammar_actions.hpp; no Spirit type leaves this file.
//
// Shape of a parse:
//   1. size limit (E304), then a linear pre-scan that rejects non-ASCII bytes
//      and nesting deeper than Limits::max_nesting_depth (E303), so the X3
//      recursion below is bounded whatever the input;
//   2. the X3 grammar; `>` expectation points carry rule names that
//      describe_expectation() turns into words; errors found inside semantic
//      actions (dates, numbers, keywords) are thrown as ActionError;
//   3. the first error stops the parse.
#include <array>
#include <boost/spirit/home/x3.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/expr/internal/actions.hpp"
#include "grammar/expr/parse.hpp"

namespace pacta {
namespace {

using namespace expression_grammar;

// ---------------------------------------------------------------------------
// Pre-scan: non-ASCII bytes and nesting depth, in one linear pass.
//
// It mirrors the grammar's recursion: '(' and '[' open a level until their
// closing bracket; a prefix `not` holds its level until the `and`, `or`, ',' or
// closing bracket that ends its operand; a prefix '-' until its operand (one
// primary) is complete. A '-' or `not` right after an operand is binary
// (`a - b`, `a not in [..]`) and opens nothing.

std::optional<ParseError> non_ascii_error(std::string_view text, std::size_t at) {
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
  return make_error(at, Code::E301, "unexpected non-ASCII character", std::move(help));
}

std::optional<ParseError> prescan(std::string_view text, const Limits& limits) {
  enum class Frame : unsigned char { Bracket, Not, Minus };
  const std::size_t max_depth =
      limits.max_nesting_depth > 0 ? static_cast<std::size_t>(limits.max_nesting_depth) : 0;
  std::vector<Frame> stack;
  std::optional<ParseError> error;
  auto push = [&](Frame f, std::size_t at) {
    if (stack.size() >= max_depth) {
      error = make_error(
          at, Code::E303,
          "the expression is nested more than " + std::to_string(max_depth) + " levels deep",
          "parentheses, list brackets, 'not' and '-' count as levels; "
          "simplify the expression or split it into named dates or facts");
      return false;
    }
    stack.push_back(f);
    return true;
  };
  auto close_prefixes = [&] {
    while (!stack.empty() && stack.back() != Frame::Bracket) stack.pop_back();
  };
  auto operand_done = [&] {
    while (!stack.empty() && stack.back() == Frame::Minus) stack.pop_back();
  };

  bool after_operand = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) return non_ascii_error(text, i);
    if (is_space(c) || c == '.') {
      ++i;
      continue;
    }
    if (is_ident_start(c)) {
      const std::string_view w = word_at(text, i);
      if (w == "not") {
        if (!after_operand && !push(Frame::Not, i)) return error;
        after_operand = false;
      } else if (w == "and" || w == "or") {
        close_prefixes();
        after_operand = false;
      } else if (w == "in") {
        after_operand = false;
      } else {
        operand_done();
        after_operand = true;
      }
      i += w.size();
      continue;
    }
    if (is_digit(c)) {
      while (i < text.size() && (is_digit(text[i]) || text[i] == '.')) ++i;
      operand_done();
      after_operand = true;
      continue;
    }
    switch (c) {
      case '(':
      case '[':
        if (!push(Frame::Bracket, i)) return error;
        after_operand = false;
        break;
      case ')':
      case ']':
        close_prefixes();
        if (!stack.empty()) stack.pop_back();
        operand_done();
        after_operand = true;
        break;
      case ',':
        close_prefixes();
        after_operand = false;
        break;
      case '-':
        if (!after_operand && !push(Frame::Minus, i)) return error;
        after_operand = false;
        break;
      default:
        after_operand = false;
        break;
    }
    ++i;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// The grammar. Rule names are keys of describe_expectation(); every rule that
// follows an operator is named "operand".

const auto space = x3::char_(" \t\n\r");
const auto digit = x3::char_("0-9");
const auto ident_start = x3::char_("A-Za-z_");
const auto ident_char = x3::char_("A-Za-z0-9_");
const auto ident_lexeme = x3::lexeme[ident_start >> *ident_char];

auto kw(const char* word) { return x3::lexeme[x3::lit(word) >> !ident_char]; }

x3::rule<class top_id, Expr> const top = "expression";
x3::rule<class expression_id, Expr> const expression = "expression";
x3::rule<class or_id, Expr> const or_expr = "operand";
x3::rule<class and_id, Expr> const and_expr = "operand";
x3::rule<class not_id, Expr> const not_expr = "operand";
x3::rule<class cmp_id, Expr> const cmp_expr = "operand";
x3::rule<class sum_id, Expr> const sum_expr = "operand";
x3::rule<class sum_rhs_id, Expr> const sum_rhs = "operand";
x3::rule<class product_id, Expr> const product_expr = "operand";
x3::rule<class unary_id, Expr> const unary_expr = "operand";
x3::rule<class primary_id, Expr> const primary = "operand";
x3::rule<class duration_id, Expr> const duration = "duration";
x3::rule<class name_id, Expr> const qualified_name = "name";
x3::rule<class list_id, Expr> const list = "list";
x3::rule<class list_body_id, Expr> const list_body = "list-body";
x3::rule<class list_after_in_id, Expr> const list_after_in = "list-after-in";
x3::rule<class in_after_not_id> const in_after_not = "in-after-not";
x3::rule<class no_chain_id> const no_chain = "no-chain";
x3::rule<class close_paren_id> const close_paren = "close-paren";
x3::rule<class close_bracket_id> const close_bracket = "close-bracket";
x3::rule<class name_after_dot_id> const name_after_dot = "name-after-dot";
x3::rule<class end_id> const end_of_expression = "end";

const auto top_def = x3::eps > expression[Assign{}] > end_of_expression;
const auto expression_def = or_expr;
const auto or_expr_def = and_expr[Assign{}] >> *(kw("or") > and_expr[Fold{BinaryOp::Or}]);
const auto and_expr_def = not_expr[Assign{}] >> *(kw("and") > not_expr[Fold{BinaryOp::And}]);
const auto not_expr_def =
    (x3::raw[kw("not")][MarkBegin{}] > not_expr[MakeUnary{UnaryOp::Not}]) | cmp_expr[Assign{}];

const auto comparison_op = x3::lit("==") | "!=" | '<' | '>' | kw("in") | (kw("not") >> kw("in"));
const auto cmp_expr_def = sum_expr[Assign{}] >>
                          -(((x3::lit("==") > sum_expr[Fold{BinaryOp::Eq}]) |
                             (x3::lit("!=") > sum_expr[Fold{BinaryOp::Ne}]) |
                             (x3::lit("<=") > sum_expr[Fold{BinaryOp::Le}]) |
                             (x3::lit(">=") > sum_expr[Fold{BinaryOp::Ge}]) |
                             (x3::lit('<') > sum_expr[Fold{BinaryOp::Lt}]) |
                             (x3::lit('>') > sum_expr[Fold{BinaryOp::Gt}]) |
                             (kw("in") > list_after_in[Fold{BinaryOp::In}]) |
                             (kw("not") > in_after_not > list_after_in[Fold{BinaryOp::NotIn}])) >
                            no_chain);
const auto no_chain_def = !comparison_op;
const auto in_after_not_def = kw("in");
const auto list_after_in_def = list;

// A duration is tried before a product so that `+ 30 days` is not `+ 30`.
const auto sum_expr_def = product_expr[Assign{}] >>
                          *((x3::lit('+') > sum_rhs[Fold{BinaryOp::Add}]) |
                            (x3::lit('-') > sum_rhs[Fold{BinaryOp::Sub}]));
const auto sum_rhs_def = duration | product_expr;
const auto unit_word =
    x3::lit("days") | "day" | "weeks" | "week" | "months" | "month" | "years" | "year";
const auto duration_def = x3::raw[x3::lexeme[+digit]][DurationCount{}] >>
                          x3::raw[x3::lexeme[unit_word >> !ident_char]][DurationUnitAction{}];

const auto product_expr_def = unary_expr[Assign{}] >>
                              *((x3::lit('*') > unary_expr[Fold{BinaryOp::Mul}]) |
                                (x3::lit('/') > unary_expr[Fold{BinaryOp::Div}]));
const auto unary_expr_def =
    (x3::raw[x3::lit('-')][MarkBegin{}] > unary_expr[MakeUnary{UnaryOp::Negate}]) |
    primary[Assign{}];

const auto date_shape = x3::lexeme[+digit >> '-' >> +digit >> '-' >> +digit];
const auto number_shape = x3::lexeme[+digit >> -('.' >> +digit)];
const auto primary_def =
    x3::raw[date_shape][MakeDate{}] | x3::raw[number_shape][MakeNumber{}] |
    x3::raw[kw("true")][MakeLiteral{Expr::Kind::Bool, true}] |
    x3::raw[kw("false")][MakeLiteral{Expr::Kind::Bool, false}] |
    x3::raw[kw("never")][MakeLiteral{Expr::Kind::Never}] |
    x3::raw[kw("date")][MakeLiteral{Expr::Kind::Today}] | qualified_name[Assign{}] |
    x3::raw[x3::lit('(') > or_expr[Assign{}] > close_paren][SetSpan{}] | list[Assign{}];

const auto qualified_name_def =
    x3::raw[x3::lexeme[ident_lexeme >> -(x3::lit('.') > name_after_dot)]][MakeName{}];
const auto name_after_dot_def = ident_lexeme;

const auto list_def = x3::raw[x3::lit('[') > list_body[Assign{}]][SetSpan{}];
const auto list_body_def = x3::eps[MakeList{}] >>
                           (x3::lit(']') |
                            ((or_expr[PushOperand{}] >> *(x3::lit(',') > or_expr[PushOperand{}])) >
                             close_bracket));
const auto close_paren_def = x3::lit(')');
const auto close_bracket_def = x3::lit(']');
const auto end_of_expression_def = x3::eoi;

BOOST_SPIRIT_DEFINE(top, expression, or_expr, and_expr, not_expr, cmp_expr, sum_expr, sum_rhs,
                    product_expr, unary_expr, primary, duration, qualified_name, list, list_body,
                    list_after_in, in_after_not, no_chain, close_paren, close_bracket,
                    name_after_dot, end_of_expression)

// Action patterns: name | name '(' (arg (',' arg)*)? ')'.
x3::rule<class pattern_top_id, ActionPattern> const pattern_top = "action-name";
x3::rule<class pattern_id, ActionPattern> const action_pattern = "action-name";
x3::rule<class action_name_id, NameToken> const action_name = "action-name";
x3::rule<class pattern_arg_id, PatternArg> const pattern_arg = "pattern-value";
x3::rule<class pattern_value_id, Expr> const pattern_value = "pattern-value";
x3::rule<class close_args_id> const close_args = "close-args";
x3::rule<class pattern_end_id> const pattern_end = "pattern-end";

const auto pattern_top_def = x3::eps > action_pattern[Assign{}] > pattern_end;
const auto action_pattern_def =
    x3::raw[action_name[SetAction{}] >>
            -(x3::lit('(') >> (x3::lit(')') | ((pattern_arg[PushArg{}] >>
                                                *(x3::lit(',') > pattern_arg[PushArg{}])) >
                                               close_args)))][SetPatternSpan{}];
const auto action_name_def = x3::raw[ident_lexeme][MakeActionName{}];
const auto pattern_arg_def = x3::raw[-((x3::raw[ident_lexeme] >> '=')[SetParam{}]) >
                                     pattern_value[SetValue{}]][SetArgSpan{}];
const auto pattern_value_def = x3::raw[x3::lexeme[x3::lit('_') >> !ident_char]][MakeWildcard{}] |
                               x3::raw[kw("true")][MakeLiteral{Expr::Kind::Bool, true}] |
                               x3::raw[kw("false")][MakeLiteral{Expr::Kind::Bool, false}] |
                               qualified_name[Assign{}];
const auto close_args_def = x3::lit(')');
const auto pattern_end_def = x3::eoi;

BOOST_SPIRIT_DEFINE(pattern_top, action_pattern, action_name, pattern_arg, pattern_value,
                    close_args, pattern_end)

// ---------------------------------------------------------------------------
// Expectation failures in words.

// The operator or word just before `at` (skipping spaces back), for "after 'and'".
std::string previous_token(std::string_view text, std::size_t at) {
  while (at > 0 && is_space(text[at - 1])) --at;
  if (at == 0) return {};
  std::size_t begin = at - 1;
  const char c = text[begin];
  if (is_ident_char(c)) {
    while (begin > 0 && is_ident_char(text[begin - 1])) --begin;
  } else if (c == '=' && begin > 0 &&
             (text[begin - 1] == '=' || text[begin - 1] == '!' || text[begin - 1] == '<' ||
              text[begin - 1] == '>')) {
    --begin;
  }
  return std::string(text.substr(begin, at - begin));
}

// Help about what is found at the error position, when it says more than the
// expectation does: a keyword used as a name, `=` for `==`, and so on.
std::string help_for_found(std::string_view text, std::size_t at, bool pattern) {
  if (at >= text.size()) return {};
  const std::string_view w = word_at(text, at);
  if (w == "_" && !pattern) return keyword_help(w);
  if (is_keyword(w)) return keyword_help(w);
  const std::string_view rest = text.substr(at);
  if (rest.starts_with("=") && !rest.starts_with("==")) {
    return pattern ? "" : "to compare two values, write '=='";
  }
  if (rest.starts_with("&&")) return "write 'and' instead of '&&'";
  if (rest.starts_with("||")) return "write 'or' instead of '||'";
  if (rest.starts_with("!") && !rest.starts_with("!=")) return "write 'not' instead of '!'";
  if (rest.starts_with("\"") || rest.starts_with("'")) {
    return "expressions have no quoted text: write names and values bare";
  }
  return {};
}

ParseError describe_expectation(std::string_view text, std::size_t where, std::string_view rule) {
  // `where` is before the skipped spaces, except inside a lexeme (a name
  // after its dot), where the space itself is the error.
  const std::size_t at = rule == "name-after-dot" ? where : skip_spaces(text, where);
  const bool at_end = at >= text.size();
  ParseError e = make_error(at, Code::E301, {});
  bool pattern = false;
  if (rule == "expression") {
    e.message = "expected an expression";
  } else if (rule == "operand") {
    e.message = "expected an expression after '" + previous_token(text, where) + "'";
  } else if (rule == "list-body") {
    e.message = "expected a list item or ']' after '['";
  } else if (rule == "close-bracket") {
    e.message = "expected ']' to close '['";
    e.help = "separate list items with ','";
  } else if (rule == "close-paren") {
    e.message = "expected ')' to close '('";
  } else if (rule == "list-after-in") {
    e.message = "expected a list like [a, b] after 'in'";
    e.help = "'in' tests membership in a written list: x in [a, b]";
  } else if (rule == "in-after-not") {
    e.message = "expected 'in' after 'not'";
    e.help =
        "after a value, 'not' starts 'not in', e.g. x not in [a, b]; "
        "to negate a condition, put 'not' in front of it";
  } else if (rule == "no-chain") {
    e.message = "comparisons cannot be chained";
    e.help = "join them with 'and', e.g. a < b and b < c";
  } else if (rule == "end") {
    e.message = "unexpected text after the expression";
    if (!at_end && text[at] == '.') {
      e.help = "a name has at most one qualifier, e.g. cloud.aws";
    } else if (!at_end && is_ident_start(text[at]) && !is_keyword(word_at(text, at))) {
      e.help = "is an operator such as 'and', 'or' or '==' missing?";
    }
  } else if (rule == "name-after-dot") {
    e.message = "expected a name after '.'";
    e.help = "a qualified name is written type.value, e.g. cloud.aws";
  } else if (rule == "action-name") {
    pattern = true;
    e.message = "expected an action name";
    e.help = "an action pattern is name, name(value, ...) or name(param=value, ...)";
  } else if (rule == "pattern-value") {
    pattern = true;
    e.message = "expected a value: a name, true, false or _";
    // Nothing there at all (`act(`, `act(a,)`, `act(p=`): say what came before.
    if (at_end || text[at] == ')' || text[at] == ',') {
      std::size_t before = at;
      while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
      const char previous = before > 0 ? text[before - 1] : '\0';
      if (previous == '(') e.message = "expected a value as argument, or ')' after '('";
      if (previous == ',') e.message = "expected a value as argument after ','";
      if (previous == '=') e.message = "expected a value after '='";
      if (e.help.empty()) e.help = "an argument is a name, true, false or _, or param=value";
    }
  } else if (rule == "close-args") {
    pattern = true;
    e.message = "expected ',' or ')' after the argument";
    // `sell(by: a)`: a named argument written as in other languages.
    if (!at_end && text[at] == ':') {
      const std::string param = previous_token(text, at);
      e.help = "a named argument is written param=value: write '" + param + "=' instead of '" +
               param + ":'";
    }
  } else if (rule == "pattern-end") {
    pattern = true;
    e.message = "unexpected text after the action pattern";
    e.help = "an action pattern is name, name(value, ...) or name(param=value, ...)";
  } else {
    e.message = "syntax error";  // every expectation point has a name above
  }
  if (std::string found = help_for_found(text, at, pattern); !found.empty()) {
    e.help = std::move(found);
  }
  return e;
}

// ---------------------------------------------------------------------------
// Driver.

template <class T>
ParseResult<T> failure(ParseError e) {
  ParseResult<T> r;
  r.errors.push_back(std::move(e));
  return r;
}

template <class T, class Start>
ParseResult<T> run(std::string_view text, const Limits& limits, const Start& start,
                   const char* what) {
  if (text.size() > limits.max_expression_bytes) {
    return failure<T>(make_error(limits.max_expression_bytes, Code::E304,
                                 std::string(what) + " is longer than " +
                                     std::to_string(limits.max_expression_bytes) + " bytes",
                                 "split it into named dates or facts"));
  }
  if (std::optional<ParseError> e = prescan(text, limits)) return failure<T>(std::move(*e));

  Iterator begin = text.data();
  Iterator first = begin;
  const Iterator last = begin + text.size();
  T value{};
  try {
    const bool ok =
        x3::phrase_parse(first, last, x3::with<input_begin_tag>(begin)[start], space, value);
    if (!ok || first != last) {
      // Unreachable: `start` is `eps > ... > eoi`, so every failure throws.
      return failure<T>(
          make_error(static_cast<std::size_t>(first - begin), Code::E301, "unexpected text"));
    }
  } catch (const x3::expectation_failure<Iterator>& f) {
    return failure<T>(
        describe_expectation(text, static_cast<std::size_t>(f.where() - begin), f.which()));
  } catch (ActionError& a) {
    return failure<T>(make_error(a.offset, a.code, std::move(a.message), std::move(a.help)));
  }
  ParseResult<T> r;
  r.value = std::move(value);
  return r;
}

}  // namespace

// The first operator (a node with operands) below more than `limit - 1`
// others, found without recursion: a chain of `limit` operators is allowed,
// one more is not (docs/limits.md). Leaves do not count as levels.
static const Expr* too_deep(const Expr& root, int limit) {
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

ParseResult<Expr> parse_expression(std::string_view text, const Limits& limits) {
  ParseResult<Expr> result = run<Expr>(text, limits, top, "the expression");
  if (result.value) {
    if (const Expr* deep = too_deep(*result.value, limits.max_tree_depth)) {
      return failure<Expr>(
          make_error(deep->span.begin, Code::E303,
                     "the expression has more than " + std::to_string(limits.max_tree_depth) +
                         " levels of operators",
                     "a chain like `a or b or c ...` counts one level per operator: use a list "
                     "(`x in [a, b, c]`) or split it into named dates or facts"));
    }
  }
  return result;
}

ParseResult<ActionPattern> parse_action_pattern(std::string_view text, const Limits& limits) {
  return run<ActionPattern>(text, limits, pattern_top, "the action pattern");
}

}  // namespace pacta