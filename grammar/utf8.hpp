#pragma once
// UTF-8, the one encoding pacta reads (language.md §2-§4): the byte order mark, code
// point counting, decoding with the reason a sequence is invalid (RFC 3629:
// no overlongs, no surrogates, nothing above U+10FFFF), and encoding. Every
// file that looks at UTF-8 bytes uses these, so they agree on what a
// character is.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pacta::utf8 {

// Allowed at the start of a file and removed (language.md §2-§4).
inline constexpr std::string_view kBom = "\xEF\xBB\xBF";

// 10xxxxxx: the second, third or fourth byte of a character.
constexpr bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u; }

// Characters in `text`: bytes that are not continuation bytes (a stray
// continuation byte is not counted, so the count of a valid text is exact).
std::size_t count_code_points(std::string_view text);

enum class Problem {
  None,
  StrayContinuation,  // 10xxxxxx where a character should start
  NeverValid,         // 0xF8..0xFF
  Truncated,          // a lead byte without all its continuation bytes
  Overlong,           // a code point written with more bytes than needed
  Surrogate,          // U+D800..U+DFFF
  AboveMax,           // above U+10FFFF
};

struct Decoded {
  std::size_t length = 1;  // bytes of the sequence: 1..4, 1 when it is not complete()
  std::uint32_t code = 0;  // the code point; the byte at `at` when not complete()
  Problem problem = Problem::None;
  // Whether the lead byte has all its continuation bytes, valid or not
  // (an overlong, a surrogate or a code point above U+10FFFF is complete).
  bool complete() const {
    return problem != Problem::StrayContinuation && problem != Problem::NeverValid &&
           problem != Problem::Truncated;
  }
};

// The character starting at `at` (< text.size()).
Decoded decode(std::string_view text, std::size_t at);

// The UTF-8 bytes of a code point; "" above U+10FFFF.
std::string encode(std::uint32_t code);

}  // namespace pacta::utf8
