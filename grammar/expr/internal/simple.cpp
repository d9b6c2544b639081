#include "grammar/expr/internal/simple.hpp"

#include <cstddef>
#include <string>
#include <utility>

#include "grammar/date.hpp"
#include "grammar/expr/internal/lexical.hpp"
#include "grammar/expr/keywords.hpp"
#include "grammar/identifier.hpp"

namespace pacta::expression_grammar {

namespace {

// Tokens of the simple forms, blanks skipped before each (as the grammar's
// skipper does); a token is never followed by a character that would have
// made the grammar read it differently, or the caller gives up.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool at_end() {
    at_ = skip_spaces(text_, at_);
    return at_ == text_.size();
  }

  bool eat(char c) {
    at_ = skip_spaces(text_, at_);
    if (at_ == text_.size() || text_[at_] != c) return false;
    ++at_;
    return true;
  }

  // ident_start ident_char*: the longest such word, as the grammar's lexeme.
  std::optional<Span> word() {
    at_ = skip_spaces(text_, at_);
    if (at_ == text_.size() || !is_identifier_start(text_[at_])) return std::nullopt;
    const std::size_t begin = at_;
    while (at_ < text_.size() && is_identifier_char(text_[at_])) ++at_;
    return Span{begin, at_};
  }

  std::string_view text(Span s) const { return text_.substr(s.begin, s.end - s.begin); }

  // DIGITS-DIGITS-DIGITS read as a calendar date YYYY-MM-DD; nullopt for
  // any other shape or an impossible date (the grammar reports those).
  std::optional<Expr> date() {
    at_ = skip_spaces(text_, at_);
    const std::size_t begin = at_;
    int parts[3] = {0, 0, 0};
    for (int i = 0; i < 3; ++i) {
      if (i > 0 && !eat_here('-')) return std::nullopt;
      const std::size_t digits_begin = at_;
      while (at_ < text_.size() && is_ascii_digit(text_[at_])) {
        // Only the first five digits count: more is never a date, and the
        // int must not overflow on a long run of digits.
        if (at_ - digits_begin < 5) parts[i] = parts[i] * 10 + (text_[at_] - '0');
        ++at_;
      }
      if (at_ - digits_begin != (i == 0 ? 4U : 2U)) return std::nullopt;
    }
    const std::optional<Date> d = Date::from_ymd(parts[0], parts[1], parts[2]);
    if (!d) return std::nullopt;
    Expr e;
    e.kind = Expr::Kind::DateLit;
    e.date = *d;
    e.span = Span{begin, at_};
    return e;
  }

  // A comparison operator, the longest that matches (`<=` before `<`).
  std::optional<BinaryOp> comparison() {
    at_ = skip_spaces(text_, at_);
    for (BinaryOp op :
         {BinaryOp::Eq, BinaryOp::Ne, BinaryOp::Le, BinaryOp::Ge, BinaryOp::Lt, BinaryOp::Gt}) {
      const std::string_view token = binary_token(op);
      if (text_.substr(at_, token.size()) == token) {
        at_ += token.size();
        return op;
      }
    }
    return std::nullopt;
  }

  bool next_is_digit() {
    at_ = skip_spaces(text_, at_);
    return at_ < text_.size() && is_ascii_digit(text_[at_]);
  }

  std::size_t position() const { return at_; }
  void reset(std::size_t at) { at_ = at; }

  // Whether the next word is `w` (then it is read).
  bool eat_word(std::string_view w) {
    const std::size_t at = at_;
    const std::optional<Span> got = word();
    if (got && text(*got) == w) return true;
    at_ = at;
    return false;
  }

  // `N unit` (day(s), week(s), month(s), year(s)), N at most 6 digits; the
  // scanner stays where it was when the text is not one.
  std::optional<Expr> duration() {
    at_ = skip_spaces(text_, at_);
    const std::size_t begin = at_;
    Expr e;
    e.kind = Expr::Kind::Duration;
    while (at_ < text_.size() && is_ascii_digit(text_[at_])) {
      // Seven digits are already too many; stop counting before overflow.
      if (at_ - begin < 7) e.count = e.count * 10 + (text_[at_] - '0');
      ++at_;
    }
    const std::size_t digits = at_ - begin;
    const std::optional<Span> unit = word();
    std::optional<DurationUnit> u;
    if (unit) u = duration_unit_named(text(*unit));
    if (digits == 0 || digits > 6 || !u) {
      at_ = begin;
      return std::nullopt;
    }
    e.unit = *u;
    e.span = Span{begin, unit->end};
    return e;
  }

 private:
  bool eat_here(char c) {
    if (at_ == text_.size() || text_[at_] != c) return false;
    ++at_;
    return true;
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

Expr name_node(std::string_view text, Span span) {
  Expr e;
  e.kind = Expr::Kind::Name;
  e.span = span;
  e.name = std::string(text);
  e.name_span = span;
  return e;
}

// A date literal or an unqualified name that is no keyword.
std::optional<Expr> operand(Scanner& s) {
  if (s.next_is_digit()) return s.date();
  const std::optional<Span> w = s.word();
  if (!w || !is_identifier(s.text(*w))) return std::nullopt;
  return name_node(s.text(*w), *w);
}

// operand (('+' | '-') (duration | operand))*
std::optional<Expr> sum(Scanner& s) {
  std::optional<Expr> left = operand(s);
  while (left) {
    BinaryOp op = BinaryOp::Add;
    if (s.eat('-')) {
      op = BinaryOp::Sub;
    } else if (!s.eat('+')) {
      break;
    }
    std::optional<Expr> right = s.duration();
    if (!right) right = operand(s);
    if (!right) return std::nullopt;
    left = binary_node(op, std::move(*left), std::move(*right));
  }
  return left;
}

// `[operand, ...]`, its span from '[' to ']'.
std::optional<Expr> list(Scanner& s) {
  if (!s.eat('[')) return std::nullopt;
  Expr e;
  e.kind = Expr::Kind::List;
  e.span.begin = s.position() - 1;
  if (!s.eat(']')) {
    do {
      std::optional<Expr> item = operand(s);
      if (!item) return std::nullopt;
      e.operands.push_back(std::move(*item));
    } while (s.eat(','));
    if (!s.eat(']')) return std::nullopt;
  }
  e.span.end = s.position();
  return e;
}

// sum [comparison sum | 'in' list]
std::optional<Expr> comparison(Scanner& s) {
  std::optional<Expr> left = sum(s);
  if (!left) return std::nullopt;
  if (const std::optional<BinaryOp> op = s.comparison()) {
    std::optional<Expr> right = sum(s);
    if (!right) return std::nullopt;
    return binary_node(*op, std::move(*left), std::move(*right));
  }
  if (s.eat_word("in")) {
    std::optional<Expr> right = list(s);
    if (!right) return std::nullopt;
    return binary_node(BinaryOp::In, std::move(*left), std::move(*right));
  }
  return left;
}

// A pattern's value: `_`, true, false or a name.
std::optional<Expr> pattern_value(Scanner& s, Span w, bool& wildcard) {
  const std::string_view text = s.text(w);
  Expr e;
  e.span = w;
  if (text == "_") {
    wildcard = true;
    return e;  // the grammar keeps only the span of a wildcard's value
  }
  if (const LiteralWord* literal = literal_named(text)) {
    if (literal->kind != Expr::Kind::Bool) return std::nullopt;
    e.kind = Expr::Kind::Bool;
    e.bool_value = literal->bool_value;
    return e;
  }
  if (!is_identifier(text)) return std::nullopt;
  return name_node(text, w);
}

// `value` or `param=value`.
std::optional<PatternArg> pattern_arg(Scanner& s) {
  std::optional<Span> w = s.word();
  if (!w) return std::nullopt;
  PatternArg arg;
  arg.span.begin = w->begin;
  if (s.eat('=')) {
    if (!is_identifier(s.text(*w))) return std::nullopt;
    arg.param = std::string(s.text(*w));
    arg.param_span = *w;
    w = s.word();
    if (!w) return std::nullopt;
  }
  std::optional<Expr> value = pattern_value(s, *w, arg.wildcard);
  if (!value) return std::nullopt;
  arg.value = std::move(*value);
  arg.span.end = w->end;
  return arg;
}

}  // namespace

std::optional<Expr> simple_expression(std::string_view text) {
  Scanner s(text);
  std::optional<Expr> left = comparison(s);  // comparison ('and' comparison)*
  while (left && s.eat_word("and")) {
    std::optional<Expr> right = comparison(s);
    if (!right) return std::nullopt;
    left = binary_node(BinaryOp::And, std::move(*left), std::move(*right));
  }
  if (!left || !s.at_end()) return std::nullopt;
  return left;
}

std::optional<ActionPattern> simple_action_pattern(std::string_view text) {
  Scanner s(text);
  const std::optional<Span> name = s.word();
  if (!name || !is_identifier(s.text(*name))) return std::nullopt;
  ActionPattern p;
  p.action = std::string(s.text(*name));
  p.action_span = *name;
  p.span = *name;
  if (s.at_end()) return p;
  if (!s.eat('(')) return std::nullopt;
  if (!s.eat(')')) {
    do {
      std::optional<PatternArg> arg = pattern_arg(s);
      if (!arg) return std::nullopt;
      p.args.push_back(std::move(*arg));
    } while (s.eat(','));
    if (!s.eat(')')) return std::nullopt;
  }
  p.span.end = s.position();
  if (!s.at_end()) return std::nullopt;
  return p;
}

}  // namespace pacta::expression_grammar
