#pragma once
// Private to grammar/expr/internal/grammar.cpp, the only file that includes it
// (and the only one that includes X3): the semantic actions that build
// pacta::Expr and pacta::ActionPattern while X3 parses. An error found inside
// an action (a malformed date, a number out of range, a keyword in a name) is
// thrown as a ParseError and returned by the parse functions.
#include <array>
#include <boost/spirit/home/x3.hpp>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "grammar/date.hpp"
#include "grammar/expr/ast.hpp"
#include "grammar/expr/internal/messages.hpp"
#include "grammar/expr/keywords.hpp"
#include "grammar/expr/parse.hpp"
#include "grammar/identifier.hpp"

// An expectation on `rule[action]` reports the rule's name (X3's default
// for an action is the mangled type name).
namespace boost::spirit::x3 {
template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
  using result_type = std::string;
  std::string operator()(const action<Subject, Action>& p) const { return what(p.subject); }
};
}  // namespace boost::spirit::x3

namespace pacta::expression_grammar {

namespace x3 = boost::spirit::x3;
using Iterator = const char*;
using Range = boost::iterator_range<Iterator>;

inline constexpr std::size_t kMaxNumberDigits = 30;
inline constexpr std::int64_t kMaxDurationCount = 1'000'000;

// ---------------------------------------------------------------------------
// Semantic actions. Every action that starts a node assigns the whole of
// _val, so a rule that fails half-way and shares its attribute with the next
// alternative leaves nothing behind.

struct input_begin_tag;

template <class Ctx>
inline std::size_t offset_in(const Ctx& ctx, Iterator p) {
  return static_cast<std::size_t>(p - x3::get<input_begin_tag>(ctx));
}

template <class Ctx>
Span span_in(const Ctx& ctx, const Range& r) {
  return Span{offset_in(ctx, r.begin()), offset_in(ctx, r.end())};
}

inline std::string_view view_of(const Range& r) {
  return std::string_view(r.begin(), static_cast<std::size_t>(r.end() - r.begin()));
}

struct Assign {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    x3::_val(ctx) = std::move(x3::_attr(ctx));
  }
};

// The span of a node is the whole text its rule matched (_attr, from
// x3::raw): a parenthesised expression's includes its parentheses, a list's
// its brackets, an action pattern's or argument's everything written.
struct SetSpan {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    x3::_val(ctx).span = span_in(ctx, x3::_attr(ctx));
  }
};

// `true`, `false`, `never` or `date`, as kLiteralWords defines them.
struct MakeLiteral {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    const Range& r = x3::_attr(ctx);
    const LiteralWord* word = literal_named(view_of(r));
    Expr e;
    e.kind = word->kind;  // the grammar matched a literal word
    e.bool_value = word->bool_value;
    e.span = span_in(ctx, r);
    x3::_val(ctx) = std::move(e);
  }
};

struct MakeNumber {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    const Range& r = x3::_attr(ctx);
    const std::string_view text = view_of(r);
    Expr e;
    e.kind = Expr::Kind::Number;
    e.span = span_in(ctx, r);
    std::size_t digits = 0;
    for (char c : text) digits += is_ascii_digit(c) ? 1 : 0;
    if (digits > kMaxNumberDigits) {
      throw ParseError{e.span.begin, Code::E305,
                       "this number has more than " + std::to_string(kMaxNumberDigits) + " digits",
                       "numbers are limited to " + std::to_string(kMaxNumberDigits) + " digits"};
    }
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), e.number);
    if (ec != std::errc() || end != text.data() + text.size()) {
      throw ParseError{e.span.begin, Code::E305, "this number is out of range", {}};
    }
    e.text = std::string(text);
    x3::_val(ctx) = std::move(e);
  }
};

inline constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

inline int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// DIGITS-DIGITS-DIGITS written without spaces is always taken as a date, so
// that a malformed date is reported rather than read as a subtraction.
struct MakeDate {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    const Range& r = x3::_attr(ctx);
    const std::string_view text = view_of(r);
    const std::size_t at = offset_in(ctx, r.begin());
    const std::size_t dash1 = text.find('-');
    const std::size_t dash2 = text.find('-', dash1 + 1);
    if (dash1 != 4 || dash2 != 7 || text.size() != 10) {
      std::string shown = text.size() <= 24 ? "'" + std::string(text) + "'" : "this";
      throw ParseError{at, Code::E302, shown + " is not a date in the form YYYY-MM-DD",
                       "write dates with a 4-digit year and 2-digit month and day, "
                       "e.g. 2025-01-31; to subtract numbers, put spaces around '-'"};
    }
    const int year = to_int(text.substr(0, 4));
    const int month = to_int(text.substr(5, 2));
    const int day = to_int(text.substr(8, 2));
    const std::optional<Date> date = Date::from_ymd(year, month, day);
    if (!date) {
      std::string help;
      if (year < 1) {
        help = "years run from 0001 to 9999";
      } else if (month < 1 || month > 12) {
        help = "months run from 01 to 12";
      } else if (day < 1) {
        help = "days of the month start at 01";
      } else {
        help = std::string(kMonthNames[static_cast<std::size_t>(month - 1)]) + " " +
               std::to_string(year) + " has " + std::to_string(days_in_month(year, month)) +
               " days";
      }
      throw ParseError{at, Code::E302, std::string(text) + " is not a calendar date",
                       std::move(help)};
    }
    Expr e;
    e.kind = Expr::Kind::DateLit;
    e.date = *date;
    e.span = span_in(ctx, r);
    x3::_val(ctx) = std::move(e);
  }
};

// NAME or NAME.NAME. A bare keyword fails the match (so `true`, `date`, ...
// and the error path see it); a keyword on either side of a dot is an error.
struct MakeName {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    const Range& r = x3::_attr(ctx);
    const std::string_view text = view_of(r);
    const std::size_t at = offset_in(ctx, r.begin());
    const std::size_t dot = text.find('.');
    Expr e;
    e.kind = Expr::Kind::Name;
    e.span = span_in(ctx, r);
    if (dot == std::string_view::npos) {
      if (text == "_" || is_keyword(text)) {
        x3::_pass(ctx) = false;
        return;
      }
      e.name = std::string(text);
      e.name_span = e.span;
    } else {
      const std::string_view qualifier = text.substr(0, dot);
      const std::string_view name = text.substr(dot + 1);
      for (auto [part, part_at] : {std::pair{qualifier, at}, std::pair{name, at + dot + 1}}) {
        if (part == "_" || is_keyword(part)) {
          throw ParseError{part_at, Code::E301,
                           "'" + std::string(part) + "' cannot be part of a name",
                           keyword_help(part)};
        }
      }
      e.qualifier = std::string(qualifier);
      e.name = std::string(name);
      e.name_span = Span{at + dot + 1, e.span.end};
    }
    x3::_val(ctx) = std::move(e);
  }
};

struct MakeList {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    Expr e;
    e.kind = Expr::Kind::List;
    x3::_val(ctx) = std::move(e);
  }
};

// `min(`, `end_of_month(`, ...: _attr is the function a symbol table read.
struct StartCall {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    Expr e;
    e.kind = Expr::Kind::Call;
    e.function = x3::_attr(ctx);
    x3::_val(ctx) = std::move(e);
  }
};

struct StartIf {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    Expr e;
    e.kind = Expr::Kind::If;
    x3::_val(ctx) = std::move(e);
  }
};

struct PushOperand {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    x3::_val(ctx).operands.push_back(std::move(x3::_attr(ctx)));
  }
};

// `left op right`, in place of `left`.
inline void fold(Expr& left, BinaryOp op, Expr& right) {
  left = binary_node(op, std::move(left), std::move(right));
}

// _val holds the left operand, _attr the right one.
struct Fold {
  BinaryOp op;
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    fold(x3::_val(ctx), op, x3::_attr(ctx));
  }
};

// _val holds the left operand, _attr the operator read from a symbol table
// and the right operand.
struct FoldOperator {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    auto& attr = x3::_attr(ctx);
    fold(x3::_val(ctx), boost::fusion::at_c<0>(attr), boost::fusion::at_c<1>(attr));
  }
};

// Remembers where a prefix operator starts; MakeUnary completes the node.
struct MarkBegin {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    Expr e;
    e.span.begin = offset_in(ctx, x3::_attr(ctx).begin());
    x3::_val(ctx) = std::move(e);
  }
};

struct MakeUnary {
  UnaryOp op;
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    Expr& operand = x3::_attr(ctx);
    Expr node;
    node.kind = Expr::Kind::Unary;
    node.unary_op = op;
    node.span = Span{x3::_val(ctx).span.begin, operand.span.end};
    node.operands.push_back(std::move(operand));
    x3::_val(ctx) = std::move(node);
  }
};

struct DurationCount {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    const Range& r = x3::_attr(ctx);
    Expr e;
    e.kind = Expr::Kind::Duration;
    e.span = span_in(ctx, r);
    for (char c : view_of(r)) {
      e.count = e.count * 10 + (c - '0');
      if (e.count > kMaxDurationCount) break;  // reported once the unit confirms a duration
    }
    x3::_val(ctx) = std::move(e);
  }
};

struct DurationUnitAction {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    const Range& r = x3::_attr(ctx);
    Expr& e = x3::_val(ctx);
    const std::string_view unit = view_of(r);
    if (e.count > kMaxDurationCount) {
      throw ParseError{e.span.begin, Code::E305, "this duration is too large",
                       "a duration counts at most 1000000 " + std::string(unit)};
    }
    e.unit = duration_unit_named(unit).value_or(DurationUnit::Day);  // the grammar read a unit
    e.span.end = offset_in(ctx, r.end());
  }
};

// `business days` after the count (the grammar read both words).
struct BusinessUnitAction {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    const Range& r = x3::_attr(ctx);
    Expr& e = x3::_val(ctx);
    if (e.count > kMaxDurationCount) {
      throw ParseError{e.span.begin, Code::E305, "this duration is too large",
                       "a duration counts at most 1000000 business days"};
    }
    e.unit = DurationUnit::BusinessDay;
    e.span.end = offset_in(ctx, r.end());
  }
};

// Action patterns.

struct NameToken {
  std::string text;
  Span span;
};

struct MakeActionName {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    const Range& r = x3::_attr(ctx);
    const std::string_view text = view_of(r);
    if (!is_identifier(text)) {
      x3::_pass(ctx) = false;
      return;
    }
    x3::_val(ctx) = NameToken{std::string(text), span_in(ctx, r)};
  }
};

struct SetAction {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    NameToken& t = x3::_attr(ctx);
    ActionPattern& p = x3::_val(ctx);
    p.action = std::move(t.text);
    p.action_span = t.span;
  }
};

struct PushArg {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    x3::_val(ctx).args.push_back(std::move(x3::_attr(ctx)));
  }
};

struct SetParam {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    const Range& r = x3::_attr(ctx);
    const std::string_view text = view_of(r);
    const std::size_t at = offset_in(ctx, r.begin());
    if (!is_identifier(text)) {
      throw ParseError{
          at, Code::E301, "'" + std::string(text) + "' cannot name a parameter",
          text == "_" ? "'_' stands for any value and may only be a value" : keyword_help(text)};
    }
    PatternArg& arg = x3::_val(ctx);
    arg.param = std::string(text);
    arg.param_span = span_in(ctx, r);
  }
};

// The wildcard travels from pattern_value to SetValue as a Name "_", which
// no real name can be.
struct MakeWildcard {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    Expr e;
    e.kind = Expr::Kind::Name;
    e.name = "_";
    e.span = span_in(ctx, x3::_attr(ctx));
    x3::_val(ctx) = std::move(e);
  }
};

struct SetValue {
  template <class Ctx>
  void operator()(const Ctx& ctx) const {
    Expr& v = x3::_attr(ctx);
    PatternArg& arg = x3::_val(ctx);
    if (v.kind == Expr::Kind::Name && v.qualifier.empty() && v.name == "_") {
      arg.wildcard = true;
      arg.value = Expr{};
      arg.value.span = v.span;
    } else {
      arg.value = std::move(v);
    }
  }
};

}  // namespace pacta::expression_grammar
