#include "grammar/visible.hpp"

#include <fmt/format.h>

#include "grammar/utf8.hpp"

namespace pacta {

namespace {

// Code points that print nothing yet reorder, join or break what follows:
// shown as `\uHHHH` so that a name cannot hide or reverse its neighbours
// ("Trojan source").
bool is_invisible_format(std::uint32_t code) {
  return code == 0x061C || code == 0x200E || code == 0x200F ||  // ALM, LRM, RLM
         (code >= 0x2028 && code <= 0x202E) ||                  // separators, embeddings
         (code >= 0x2066 && code <= 0x2069) ||                  // isolates
         code == 0xFEFF;                                        // BOM / ZWNBSP
}

void append_byte(std::string& out, unsigned char byte) { out += fmt::format("\\x{:02X}", byte); }

void append_control(std::string& out, unsigned char c, Tabs tabs) {
  switch (c) {
    case '\t':
      out += tabs == Tabs::Keep ? "\t" : "\\t";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case 0x1B:
      out += "\\e";
      return;
    default:
      append_byte(out, c);
  }
}

}  // namespace

bool shown_as_escape(std::uint32_t code) {
  return code < 0x20 || code == 0x7F || (code >= 0x80 && code <= 0x9F) || is_invisible_format(code);
}

std::size_t append_visible(std::string_view text, std::size_t at, std::string& out, Tabs tabs) {
  const utf8::Decoded c = utf8::decode(text, at);
  if (c.problem != utf8::Problem::None) {
    // Not valid UTF-8: every byte of the sequence is shown by its value
    // (one for an incomplete sequence, all of an overlong or a surrogate).
    for (std::size_t k = 0; k < c.length; ++k) {
      append_byte(out, static_cast<unsigned char>(text[at + k]));
    }
    return c.length;
  }
  if (c.code < 0x20) {
    append_control(out, static_cast<unsigned char>(c.code), tabs);
  } else if (c.code == 0x7F) {
    append_byte(out, 0x7F);
  } else if (shown_as_escape(c.code)) {
    out += fmt::format("\\u{:04X}", c.code);
  } else {
    out.append(text.substr(at, c.length));
  }
  return c.length;
}

std::string visible(std::string_view text, Tabs tabs) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII, the common case
      out += static_cast<char>(byte);
      ++i;
      continue;
    }
    i += append_visible(text, i, out, tabs);
  }
  return out;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const utf8::Decoded c = utf8::decode(text, i);
    if (c.problem != utf8::Problem::None) return false;
    i += c.length;
  }
  return true;
}

std::string escape_invalid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const utf8::Decoded c = utf8::decode(text, i);
    if (c.problem != utf8::Problem::None) {
      for (std::size_t k = 0; k < c.length; ++k) {
        append_byte(out, static_cast<unsigned char>(text[i + k]));
      }
    } else {
      out.append(text.substr(i, c.length));
    }
    i += c.length;
  }
  return out;
}

}  // namespace pacta
