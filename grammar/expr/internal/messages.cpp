#include "grammar/expr/internal/messages.hpp"

#include <algorithm>
#include <array>

#include "grammar/expr/internal/lexical.hpp"
#include "grammar/expr/keywords.hpp"
#include "grammar/identifier.hpp"

namespace pacta::expression_grammar {

namespace {

// What each expectation point says. The rules that are never expected
// (duration, name, list) have no entry.
struct Words {
  std::string_view rule;
  std::string_view message;
  std::string_view help;
  bool in_pattern = false;  // the text is an action pattern (help_for_found)
};

constexpr std::array<Words, 20> kWords = {{
    {rule_name::kExpression, "expected an expression", ""},
    {rule_name::kOperand, "", ""},  // names the operator before: add_context()
    {rule_name::kListBody, "expected a list item or ']' after '['", ""},
    {rule_name::kCloseBracket, "expected ']' to close '['", "separate list items with ','"},
    {rule_name::kCloseParen, "expected ')' to close '('", ""},
    {rule_name::kCloseCall, "expected ')' after the function's argument",
     "end_of_month, end_of_quarter and end_of_year take one date, e.g. end_of_month(signed)"},
    {rule_name::kOpenArgs, "expected '(' after the function name",
     "functions are called as min(a, b), max(a, b), end_of_month(d)"},
    {rule_name::kArgument, "expected an argument after '('",
     "min and max take one or more numbers or dates, e.g. min(a, b)"},
    {rule_name::kBusinessUnit, "expected 'days' after 'business'",
     "count business days as `D + 10 business days`"},
    {rule_name::kThen, "expected 'then' after the condition of 'if'",
     "write if CONDITION then A else B"},
    {rule_name::kElse, "expected 'else' after the 'then' branch",
     "every 'if' has both branches: if CONDITION then A else B"},
    {rule_name::kListAfterIn, "expected a list like [a, b] after 'in'",
     "'in' tests membership in a written list: x in [a, b]"},
    {rule_name::kInAfterNot, "expected 'in' after 'not'",
     "after a value, 'not' starts 'not in', e.g. x not in [a, b]; "
     "to negate a condition, put 'not' in front of it"},
    {rule_name::kNoChain, "comparisons cannot be chained",
     "join them with 'and', e.g. a < b and b < c"},
    {rule_name::kEnd, "unexpected text after the expression", ""},
    {rule_name::kNameAfterDot, "expected a name after '.'",
     "a qualified name is written type.value, e.g. cloud.aws"},
    {rule_name::kActionName, "expected an action name",
     "an action pattern is name, name(value, ...) or name(param=value, ...)", true},
    {rule_name::kPatternValue, "expected a value: a name, true, false or _", "", true},
    {rule_name::kCloseArgs, "expected ',' or ')' after the argument", "", true},
    {rule_name::kPatternEnd, "unexpected text after the action pattern",
     "an action pattern is name, name(value, ...) or name(param=value, ...)", true},
}};

// The operator or word just before `at` (skipping spaces back), for "after 'and'".
std::string previous_token(std::string_view text, std::size_t at) {
  while (at > 0 && is_space(text[at - 1])) --at;
  if (at == 0) return {};
  std::size_t begin = at - 1;
  const char c = text[begin];
  if (is_identifier_char(c)) {
    while (begin > 0 && is_identifier_char(text[begin - 1])) --begin;
  } else if (c == '=' && begin > 0 &&
             (text[begin - 1] == '=' || text[begin - 1] == '!' || text[begin - 1] == '<' ||
              text[begin - 1] == '>')) {
    --begin;
  }
  return std::string(text.substr(begin, at - begin));
}

// The parts of a message that depend on the text around the error.
void add_context(ParseError& e, std::string_view rule, std::string_view text, std::size_t where) {
  const std::size_t at = e.offset;
  const bool at_end = at >= text.size();
  if (rule == rule_name::kOperand) {
    e.message = "expected an expression after '" + previous_token(text, where) + "'";
  } else if (rule == rule_name::kEnd && !at_end) {
    if (text[at] == '.') {
      e.help = "a name has at most one qualifier, e.g. cloud.aws";
    } else if (is_identifier_start(text[at]) && !is_keyword(identifier_word_at(text, at))) {
      e.help = "is an operator such as 'and', 'or' or '==' missing?";
    }
  } else if (rule == rule_name::kPatternValue && (at_end || text[at] == ')' || text[at] == ',')) {
    // Nothing there at all (`act(`, `act(a,)`, `act(p=`): say what came before.
    std::size_t before = at;
    while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
    const char previous = before > 0 ? text[before - 1] : '\0';
    if (previous == '(') e.message = "expected a value as argument, or ')' after '('";
    if (previous == ',') e.message = "expected a value as argument after ','";
    if (previous == '=') e.message = "expected a value after '='";
    e.help = "an argument is a name, true, false or _, or param=value";
  } else if (rule == rule_name::kCloseArgs && !at_end && text[at] == ':') {
    // `sell(by: a)`: a named argument written as in other languages.
    const std::string param = previous_token(text, at);
    e.help = "a named argument is written param=value: write '" + param + "=' instead of '" +
             param + ":'";
  }
}

// Help about what is found at the error position, when it says more than the
// expectation does: a keyword used as a name, `=` for `==`, and so on.
std::string help_for_found(std::string_view text, std::size_t at, bool pattern) {
  if (at >= text.size()) return {};
  const std::string_view w = identifier_word_at(text, at);
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

}  // namespace

ParseError describe_expectation(std::string_view text, std::size_t where, std::string_view rule) {
  // `where` is before the skipped spaces, except inside a lexeme (a name
  // after its dot), where the space itself is the error.
  const std::size_t at = rule == rule_name::kNameAfterDot ? where : skip_spaces(text, where);
  // Every expectation point has words; "syntax error" would be a bug.
  static constexpr Words kUnknown{"", "syntax error", ""};
  const auto found_words =
      std::find_if(kWords.begin(), kWords.end(), [rule](const Words& w) { return w.rule == rule; });
  const Words& words = found_words != kWords.end() ? *found_words : kUnknown;
  ParseError e{at, Code::E301, std::string(words.message), std::string(words.help)};
  add_context(e, rule, text, where);
  if (std::string found = help_for_found(text, at, words.in_pattern); !found.empty()) {
    e.help = std::move(found);
  }
  return e;
}

std::string keyword_help(std::string_view word) {
  std::string w(word);
  if (is_duration_unit(word)) {
    return "'" + w +
           "' is a keyword: a duration is a whole number and a unit after + or -, "
           "e.g. signed + 30 days";
  }
  if (word == "_") return "'_' (any value) may only be used as an argument of an action pattern";
  return "'" + w + "' is a keyword and cannot be used as a name";
}

}  // namespace pacta::expression_grammar
