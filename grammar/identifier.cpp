#include "grammar/identifier.hpp"

#include <algorithm>

#include "grammar/expr/keywords.hpp"

namespace pacta {

namespace {

// `first` on the first character and `rest` on every other one.
template <class First, class Rest>
bool is_word(std::string_view word, First first, Rest rest) {
  return !word.empty() && first(word.front()) && std::all_of(word.begin() + 1, word.end(), rest);
}

}  // namespace

std::string_view identifier_word_at(std::string_view text, std::size_t at) {
  if (at >= text.size() || !is_identifier_start(text[at])) return {};
  std::size_t end = at + 1;
  while (end < text.size() && is_identifier_char(text[end])) ++end;
  return text.substr(at, end - at);
}

bool is_identifier(std::string_view word) {
  return word != "_" && is_word(word, is_identifier_start, is_identifier_char) && !is_keyword(word);
}

bool is_clause_id(std::string_view id) {
  return is_word(id, is_ascii_alnum,
                 [](char c) { return is_ascii_alnum(c) || c == '_' || c == '.' || c == '-'; });
}

bool is_contract_id(std::string_view id) {
  auto lower_or_digit = [](char c) { return is_ascii_lower(c) || is_ascii_digit(c); };
  return is_word(id, lower_or_digit,
                 [&](char c) { return lower_or_digit(c) || c == '_' || c == '-'; });
}

}  // namespace pacta
