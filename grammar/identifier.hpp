#pragma once
// The character classes of names and ids, written once (language.md §2-§6):
// identifiers name parties, types, values, facts, dates, actions and
// params; clause and contract ids allow a few more characters. Plain ASCII:
// the <cctype> classifiers depend on the locale and are undefined on bytes
// >= 0x80, which names never contain.
#include <cstddef>
#include <string_view>

namespace pacta {

constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_ascii_letter(char c) { return is_ascii_lower(c) || (c >= 'A' && c <= 'Z'); }
constexpr bool is_ascii_alnum(char c) { return is_ascii_letter(c) || is_ascii_digit(c); }

// [A-Za-z_] and [A-Za-z0-9_].
constexpr bool is_identifier_start(char c) { return is_ascii_letter(c) || c == '_'; }
constexpr bool is_identifier_char(char c) { return is_identifier_start(c) || is_ascii_digit(c); }

// The word [A-Za-z_][A-Za-z0-9_]* starting at `at`, or "" when none starts
// there. Keywords and `_` included.
std::string_view identifier_word_at(std::string_view text, std::size_t at);

// [A-Za-z_][A-Za-z0-9_]*, not a keyword (expr/keywords.hpp), and not the
// wildcard `_`.
bool is_identifier(std::string_view word);
// A clause or amendment id: [A-Za-z0-9][A-Za-z0-9_.-]*.
bool is_clause_id(std::string_view id);
// A contract id: [a-z0-9][a-z0-9_-]*.
bool is_contract_id(std::string_view id);

}  // namespace pacta
