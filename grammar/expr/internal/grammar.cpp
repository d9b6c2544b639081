// Expressions (language.md §6) and action patterns (§3), parsed with Boost.Spirit X3.
// This is the only translation unit that includes X3. The grammar builds
// pacta::Expr directly through the semantic actions of actions.hpp; no Spirit
// type leaves this file.
//
// Shape of a parse:
//   1. prescan.hpp: the size limit (E304), then a linear pass that rejects
//      non-ASCII bytes and nesting deeper than Limits::max_nesting_depth
//      (E303), so the X3 recursion below is bounded whatever the input;
//   2. simple.hpp: the commonest forms (`a != b and c in [d, e]`, `start +
//      3 days`, a pattern of names), read directly into the tree the
//      grammar would build;
//   3. otherwise the X3 grammar; `>` expectation points carry rule names that
//      messages.hpp turns into words; errors found inside semantic actions
//      (dates, numbers, keywords) are thrown as ParseError;
//   4. the first error stops the parse.
#include <boost/spirit/home/x3.hpp>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>

#include "grammar/expr/internal/actions.hpp"
#include "grammar/expr/internal/lexical.hpp"
#include "grammar/expr/internal/messages.hpp"
#include "grammar/expr/internal/prescan.hpp"
#include "grammar/expr/internal/simple.hpp"
#include "grammar/expr/keywords.hpp"
#include "grammar/expr/parse.hpp"

namespace pacta {
namespace {

using namespace expression_grammar;

// ---------------------------------------------------------------------------
// The grammar. Rule names (messages.hpp) say what an expectation point
// expects; every rule that follows an operator is an "operand".

// A character of the class `Test` (the classes of grammar/identifier.hpp,
// shared with everything else that reads names).
template <bool (*Test)(char)>
struct char_class : x3::char_parser<char_class<Test>> {
  using attribute_type = char;
  static constexpr bool has_attribute = true;
  template <class Char, class Context>
  bool test(Char c, const Context&) const {
    return Test(c);
  }
};

const auto space = char_class<is_space>{};
const auto digit = char_class<is_ascii_digit>{};
const auto ident_start = char_class<is_identifier_start>{};
const auto ident_char = char_class<is_identifier_char>{};
const auto ident_lexeme = x3::lexeme[ident_start >> *ident_char];

auto kw(const char* word) { return x3::lexeme[x3::lit(word) >> !ident_char]; }

// Operators and duration units as keywords.hpp spells them; a symbol table
// takes the longest match, so `<=` is never read as `<`.
x3::symbols<BinaryOp> operators(std::initializer_list<BinaryOp> ops) {
  x3::symbols<BinaryOp> table;
  for (BinaryOp op : ops) table.add(binary_token(op), op);
  return table;
}
const auto comparison_operator =
    operators({BinaryOp::Eq, BinaryOp::Ne, BinaryOp::Lt, BinaryOp::Le, BinaryOp::Gt, BinaryOp::Ge});
const auto sum_operator = operators({BinaryOp::Add, BinaryOp::Sub});
const auto product_operator = operators({BinaryOp::Mul, BinaryOp::Div});

x3::symbols<DurationUnit> duration_unit_words() {
  x3::symbols<DurationUnit> table;
  for (const DurationUnitWords& u : kDurationUnits) table.add(u.singular, u.unit)(u.plural, u.unit);
  return table;
}
const auto unit_word = duration_unit_words();

x3::symbols<Function> function_words(bool variadic) {
  x3::symbols<Function> table;
  for (const FunctionWord& f : kFunctionWords) {
    if (f.variadic == variadic) table.add(f.word, f.function);
  }
  return table;
}
const auto variadic_function = function_words(true);
const auto unary_function = function_words(false);

// The literal words of keywords.hpp (an action pattern's values take only
// the booleans), as whole words.
auto literal_word_parser(bool booleans_only) {
  x3::symbols<> table;
  for (const LiteralWord& w : kLiteralWords) {
    if (!booleans_only || w.kind == Expr::Kind::Bool) table.add(w.word);
  }
  return x3::raw[x3::lexeme[table >> !ident_char]][MakeLiteral{}];
}
const auto literal = literal_word_parser(false);
const auto bool_literal = literal_word_parser(true);

x3::rule<class top_id, Expr> const top = rule_name::kExpression;
x3::rule<class expression_id, Expr> const expression = rule_name::kExpression;
x3::rule<class or_id, Expr> const or_expr = rule_name::kOperand;
x3::rule<class and_id, Expr> const and_expr = rule_name::kOperand;
x3::rule<class not_id, Expr> const not_expr = rule_name::kOperand;
x3::rule<class cmp_id, Expr> const cmp_expr = rule_name::kOperand;
x3::rule<class sum_id, Expr> const sum_expr = rule_name::kOperand;
x3::rule<class sum_rhs_id, Expr> const sum_rhs = rule_name::kOperand;
x3::rule<class product_id, Expr> const product_expr = rule_name::kOperand;
x3::rule<class unary_id, Expr> const unary_expr = rule_name::kOperand;
x3::rule<class primary_id, Expr> const primary = rule_name::kOperand;
x3::rule<class duration_id, Expr> const duration = rule_name::kDuration;
x3::rule<class call_id, Expr> const call = rule_name::kOperand;
x3::rule<class if_id, Expr> const if_expr = rule_name::kOperand;
x3::rule<class open_args_id> const open_args = rule_name::kOpenArgs;
x3::rule<class argument_id, Expr> const argument = rule_name::kArgument;
x3::rule<class close_call_id> const close_call = rule_name::kCloseCall;
x3::rule<class then_id> const then_word = rule_name::kThen;
x3::rule<class business_unit_id> const business_unit = rule_name::kBusinessUnit;
x3::rule<class else_id> const else_word = rule_name::kElse;
x3::rule<class name_id, Expr> const qualified_name = rule_name::kName;
x3::rule<class list_id, Expr> const list = rule_name::kList;
x3::rule<class list_body_id, Expr> const list_body = rule_name::kListBody;
x3::rule<class list_after_in_id, Expr> const list_after_in = rule_name::kListAfterIn;
x3::rule<class in_after_not_id> const in_after_not = rule_name::kInAfterNot;
x3::rule<class no_chain_id> const no_chain = rule_name::kNoChain;
x3::rule<class close_paren_id> const close_paren = rule_name::kCloseParen;
x3::rule<class close_bracket_id> const close_bracket = rule_name::kCloseBracket;
x3::rule<class name_after_dot_id> const name_after_dot = rule_name::kNameAfterDot;
x3::rule<class end_id> const end_of_expression = rule_name::kEnd;

const auto top_def = x3::eps > expression[Assign{}] > end_of_expression;
const auto expression_def = or_expr;
const auto or_expr_def = and_expr[Assign{}] >> *(kw("or") > and_expr[Fold{BinaryOp::Or}]);
const auto and_expr_def = not_expr[Assign{}] >> *(kw("and") > not_expr[Fold{BinaryOp::And}]);
const auto not_expr_def =
    (x3::raw[kw("not")][MarkBegin{}] > not_expr[MakeUnary{UnaryOp::Not}]) | cmp_expr[Assign{}];

const auto cmp_expr_def = sum_expr[Assign{}] >>
                          -(((comparison_operator > sum_expr)[FoldOperator{}] |
                             (kw("in") > list_after_in[Fold{BinaryOp::In}]) |
                             (kw("not") > in_after_not > list_after_in[Fold{BinaryOp::NotIn}])) >
                            no_chain);
const auto no_chain_def = !(comparison_operator | kw("in") | (kw("not") >> kw("in")));
const auto in_after_not_def = kw("in");
const auto list_after_in_def = list;

// A duration is tried before a product so that `+ 30 days` is not `+ 30`.
const auto sum_expr_def = product_expr[Assign{}] >> *(sum_operator > sum_rhs)[FoldOperator{}];
const auto sum_rhs_def = duration | product_expr;
const auto duration_def = x3::raw[x3::lexeme[+digit]][DurationCount{}] >>
                          (x3::raw[kw(kBusinessWord.data()) > business_unit][BusinessUnitAction{}] |
                           x3::raw[x3::lexeme[unit_word >> !ident_char]][DurationUnitAction{}]);
const auto business_unit_def = kw("days") | kw("day");

const auto product_expr_def = unary_expr[Assign{}] >>
                              *(product_operator > unary_expr)[FoldOperator{}];
const auto unary_expr_def =
    (x3::raw[x3::lit('-')][MarkBegin{}] > unary_expr[MakeUnary{UnaryOp::Negate}]) |
    primary[Assign{}];

const auto date_shape = x3::lexeme[+digit >> '-' >> +digit >> '-' >> +digit];
const auto number_shape = x3::lexeme[+digit >> -('.' >> +digit)];
const auto primary_def = x3::raw[date_shape][MakeDate{}] | x3::raw[number_shape][MakeNumber{}] |
                         call[Assign{}] | if_expr[Assign{}] | literal | qualified_name[Assign{}] |
                         x3::raw[x3::lit('(') > or_expr[Assign{}] > close_paren][SetSpan{}] |
                         list[Assign{}];

// min(a, b, ...), max(...): one or more arguments; end_of_month(d), ...: one.
const auto call_def =
    x3::raw[(x3::lexeme[variadic_function >> !ident_char][StartCall{}] > open_args >
             argument[PushOperand{}] > *(x3::lit(',') > or_expr[PushOperand{}]) > close_paren) |
            (x3::lexeme[unary_function >> !ident_char][StartCall{}] > open_args >
             argument[PushOperand{}] > close_call)][SetSpan{}];
const auto open_args_def = x3::lit('(');
const auto argument_def = or_expr;
const auto close_call_def = x3::lit(')');

// if C then A else B; the else branch extends as far as an expression does.
const auto if_expr_def =
    x3::raw[kw(kIfWord.data())[StartIf{}] > or_expr[PushOperand{}] > then_word >
            or_expr[PushOperand{}] > else_word > or_expr[PushOperand{}]][SetSpan{}];
const auto then_word_def = kw(kThenWord.data());
const auto else_word_def = kw(kElseWord.data());

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
                    product_expr, unary_expr, primary, duration, business_unit, call, open_args,
                    argument, close_call, if_expr, then_word, else_word, qualified_name, list,
                    list_body, list_after_in, in_after_not, no_chain, close_paren, close_bracket,
                    name_after_dot, end_of_expression)

// Action patterns: name | name '(' (arg (',' arg)*)? ')'.
x3::rule<class pattern_top_id, ActionPattern> const pattern_top = rule_name::kActionName;
x3::rule<class pattern_id, ActionPattern> const action_pattern = rule_name::kActionName;
x3::rule<class action_name_id, NameToken> const action_name = rule_name::kActionName;
x3::rule<class pattern_arg_id, PatternArg> const pattern_arg = rule_name::kPatternValue;
x3::rule<class pattern_value_id, Expr> const pattern_value = rule_name::kPatternValue;
x3::rule<class close_args_id> const close_args = rule_name::kCloseArgs;
x3::rule<class pattern_end_id> const pattern_end = rule_name::kPatternEnd;

const auto pattern_top_def = x3::eps > action_pattern[Assign{}] > pattern_end;
const auto action_pattern_def =
    x3::raw[action_name[SetAction{}] >>
            -(x3::lit('(') >> (x3::lit(')') | ((pattern_arg[PushArg{}] >>
                                                *(x3::lit(',') > pattern_arg[PushArg{}])) >
                                               close_args)))][SetSpan{}];
const auto action_name_def = x3::raw[ident_lexeme][MakeActionName{}];
const auto pattern_arg_def =
    x3::raw[-((x3::raw[ident_lexeme] >> '=')[SetParam{}]) > pattern_value[SetValue{}]][SetSpan{}];
const auto pattern_value_def = x3::raw[x3::lexeme[x3::lit('_') >> !ident_char]][MakeWildcard{}] |
                               bool_literal | qualified_name[Assign{}];
const auto close_args_def = x3::lit(')');
const auto pattern_end_def = x3::eoi;

BOOST_SPIRIT_DEFINE(pattern_top, action_pattern, action_name, pattern_arg, pattern_value,
                    close_args, pattern_end)

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
                   std::string_view what, std::optional<T> (*simple)(std::string_view)) {
  if (std::optional<ParseError> e = prescan(text, limits, what)) return failure<T>(std::move(*e));
  if (std::optional<T> tree = simple(text)) {
    ParseResult<T> r;
    r.value = std::move(tree);
    return r;
  }
  const Iterator begin = text.data();
  Iterator first = begin;
  const Iterator last = begin + text.size();
  T value{};
  try {
    const bool ok =
        x3::phrase_parse(first, last, x3::with<input_begin_tag>(begin)[start], space, value);
    if (!ok || first != last) {
      // Unreachable: `start` is `eps > ... > eoi`, so every failure throws.
      return failure<T>(
          ParseError{static_cast<std::size_t>(first - begin), Code::E301, "unexpected text", {}});
    }
  } catch (const x3::expectation_failure<Iterator>& f) {
    return failure<T>(
        describe_expectation(text, static_cast<std::size_t>(f.where() - begin), f.which()));
  } catch (ParseError& e) {  // from a semantic action
    return failure<T>(std::move(e));
  }
  ParseResult<T> r;
  r.value = std::move(value);
  return r;
}

}  // namespace

ParseResult<Expr> parse_expression(std::string_view text, const Limits& limits) {
  ParseResult<Expr> result = run<Expr>(text, limits, top, "the expression", simple_expression);
  if (result.value) {
    if (std::optional<ParseError> e = tree_depth_error(*result.value, limits)) {
      return failure<Expr>(std::move(*e));
    }
  }
  return result;
}

ParseResult<ActionPattern> parse_action_pattern(std::string_view text, const Limits& limits) {
  return run<ActionPattern>(text, limits, pattern_top, "the action pattern", simple_action_pattern);
}

namespace {

template <class T>
std::optional<T> none(std::string_view /*text*/) {
  return std::nullopt;
}

}  // namespace

ParseResult<Expr> parse_expression_by_grammar(std::string_view text, const Limits& limits) {
  ParseResult<Expr> result = run<Expr>(text, limits, top, "the expression", none<Expr>);
  if (result.value) {
    if (std::optional<ParseError> e = tree_depth_error(*result.value, limits)) {
      return failure<Expr>(std::move(*e));
    }
  }
  return result;
}

ParseResult<ActionPattern> parse_action_pattern_by_grammar(std::string_view text,
                                                           const Limits& limits) {
  return run<ActionPattern>(text, limits, pattern_top, "the action pattern", none<ActionPattern>);
}

}  // namespace pacta
