#include "grammar/expr/keywords.hpp"

#include <algorithm>

namespace pacta {

bool is_keyword(std::string_view word) {
  return std::find(kOperatorWords.begin(), kOperatorWords.end(), word) != kOperatorWords.end() ||
         literal_named(word) != nullptr || is_duration_unit(word) || word == kIfWord ||
         word == kBusinessWord || word == kThenWord || word == kElseWord ||
         std::any_of(kFunctionWords.begin(), kFunctionWords.end(),
                     [word](const FunctionWord& f) { return f.word == word; });
}

std::string_view function_word(Function f) {
  for (const FunctionWord& w : kFunctionWords) {
    if (w.function == f) return w.word;
  }
  return "?";
}

bool is_duration_unit(std::string_view word) { return duration_unit_named(word).has_value(); }

std::optional<DurationUnit> duration_unit_named(std::string_view word) {
  for (const DurationUnitWords& u : kDurationUnits) {
    if (word == u.singular || word == u.plural) return u.unit;
  }
  return std::nullopt;
}

const LiteralWord* literal_named(std::string_view word) {
  const auto it = std::find_if(kLiteralWords.begin(), kLiteralWords.end(),
                               [word](const LiteralWord& l) { return l.word == word; });
  return it != kLiteralWords.end() ? &*it : nullptr;
}

std::string_view literal_word(Expr::Kind kind, bool bool_value) {
  for (const LiteralWord& l : kLiteralWords) {
    if (l.kind == kind && (kind != Expr::Kind::Bool || l.bool_value == bool_value)) return l.word;
  }
  return {};
}

std::string_view duration_unit_word(DurationUnit unit, bool singular) {
  if (unit == DurationUnit::BusinessDay) return singular ? "business day" : "business days";
  for (const DurationUnitWords& u : kDurationUnits) {
    if (u.unit == unit) return singular ? u.singular : u.plural;
  }
  return "days";
}

std::string_view binary_token(BinaryOp op) {
  for (const BinaryToken& t : kBinaryTokens) {
    if (t.op == op) return t.token;
  }
  return "?";
}

}  // namespace pacta
