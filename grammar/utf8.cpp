#include "grammar/utf8.hpp"

#include <algorithm>

namespace pacta::utf8 {

namespace {

struct Lead {
  std::size_t length = 0;      // 0: not a lead byte
  std::uint32_t payload = 0;   // the code point bits the lead byte holds
  std::uint32_t smallest = 0;  // the first code point that needs `length` bytes
};

constexpr Lead lead_of(unsigned char byte) {
  if (byte < 0x80) return {1, byte, 0};
  if (byte >= 0xC0 && byte <= 0xDF) return {2, byte & 0x1Fu, 0x80};
  if (byte >= 0xE0 && byte <= 0xEF) return {3, byte & 0x0Fu, 0x800};
  if (byte >= 0xF0 && byte <= 0xF7) return {4, byte & 0x07u, 0x10000};
  return {};
}

}  // namespace

std::size_t count_code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(c); }));
}

Decoded decode(std::string_view text, std::size_t at) {
  const auto byte = static_cast<unsigned char>(text[at]);
  const Lead lead = lead_of(byte);
  if (lead.length == 0) {
    return {1, byte, byte < 0xC0 ? Problem::StrayContinuation : Problem::NeverValid};
  }
  std::uint32_t code = lead.payload;
  for (std::size_t k = 1; k < lead.length; ++k) {
    if (at + k >= text.size() || !is_continuation(text[at + k])) {
      return {1, byte, Problem::Truncated};
    }
    code = (code << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3Fu);
  }
  Problem problem = Problem::None;
  if (code < lead.smallest) {
    problem = Problem::Overlong;
  } else if (code >= 0xD800 && code <= 0xDFFF) {
    problem = Problem::Surrogate;
  } else if (code > 0x10FFFF) {
    problem = Problem::AboveMax;
  }
  return {lead.length, code, problem};
}

std::string encode(std::uint32_t code) {
  std::string out;
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code <= 0x10FFFF) {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
  return out;
}

}  // namespace pacta::utf8
