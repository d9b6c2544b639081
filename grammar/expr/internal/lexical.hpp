#pragma once
// The blanks between tokens of an expression, shared by the grammar's
// skipper, the pre-scan and the error messages (names and digits are in
// grammar/identifier.hpp).
#include <cstddef>
#include <string_view>

namespace pacta::expression_grammar {

constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

inline std::size_t skip_spaces(std::string_view text, std::size_t at) {
  while (at < text.size() && is_space(text[at])) ++at;
  return at;
}

}  // namespace pacta::expression_grammar
