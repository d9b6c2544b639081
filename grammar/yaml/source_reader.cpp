// Reading a rule, test or facts file's bytes (through grammar/input_file):
// size limit, encoding checks, BOM.
#include <fmt/format.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "grammar/input_file.hpp"
#include "grammar/utf8.hpp"
#include "grammar/yaml/tree.hpp"

namespace pacta {

namespace {

void report_too_large(const std::string& path, std::uint64_t size, const Limits& limits,
                      Diagnostics& diags) {
  InputFileError e = file_too_large(file_size_text(size), limits);
  diags.error(path, Code::E102, std::move(e.reason), std::move(e.help));
}

// ---------------------------------------------------------------------------
// Encoding checks (language.md §2: UTF-8 only, a BOM is allowed and skipped).

struct WideEncoding {
  const char* name;        // for the message
  const char* iconv_from;  // for the help: what `iconv -f` needs to read it
};

// UTF-16/32 recognised by a byte order mark, or by the NUL bytes of ASCII
// text in UTF-16/32 without one; only when the size fits the encoding (a
// whole number of 2- or 4-byte units), so three binary bytes that happen to
// start like a byte order mark are not taken for UTF-16. nullopt for neither.
std::optional<WideEncoding> wide_encoding(std::string_view bytes) {
  auto starts = [bytes](std::string_view prefix) {
    return bytes.substr(0, prefix.size()) == prefix;
  };
  using namespace std::string_view_literals;
  const bool utf16_size = bytes.size() % 2 == 0;
  const bool utf32_size = bytes.size() % 4 == 0;
  if (utf32_size && (starts("\xFF\xFE\0\0"sv) || starts("\0\0\xFE\xFF"sv))) {
    return WideEncoding{"UTF-32", "UTF-32"};
  }
  if (utf16_size && (starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv))) {
    return WideEncoding{"UTF-16", "UTF-16"};
  }
  const std::string_view head = bytes.substr(0, 4);
  if (head.size() < 2 || head.find('\0') == std::string_view::npos) return std::nullopt;
  auto nul = [head](std::size_t i) { return i >= head.size() || head[i] == '\0'; };
  if (utf32_size && head.size() == 4) {
    if (!nul(0) && nul(1) && nul(2) && nul(3)) return WideEncoding{"UTF-32", "UTF-32LE"};
    if (nul(0) && nul(1) && nul(2) && !nul(3)) return WideEncoding{"UTF-32", "UTF-32BE"};
  }
  if (utf16_size) {
    if (nul(0) && !nul(1) && (head.size() < 4 || (nul(2) && !nul(3)))) {
      return WideEncoding{"UTF-16", "UTF-16BE"};
    }
    if (!nul(0) && nul(1) && (head.size() < 4 || (!nul(2) && nul(3)))) {
      return WideEncoding{"UTF-16", "UTF-16LE"};
    }
  }
  return std::nullopt;  // reported as the first byte that is not UTF-8 text, at its place
}

struct EncodingError {
  std::size_t offset;
  std::string what;
  std::string help;
};

// What is wrong with the character at `at`, in the words of the message.
std::string describe(const utf8::Decoded& c) {
  switch (c.problem) {
    case utf8::Problem::StrayContinuation:
      return fmt::format("invalid UTF-8: stray continuation byte 0x{:02X}", c.code);
    case utf8::Problem::NeverValid:
      return fmt::format("invalid UTF-8: byte 0x{:02X} never occurs in UTF-8", c.code);
    case utf8::Problem::Truncated:
      return fmt::format("invalid UTF-8: truncated sequence starting with byte 0x{:02X}", c.code);
    case utf8::Problem::Overlong:
      return fmt::format("invalid UTF-8: overlong encoding of U+{:04X}", c.code);
    case utf8::Problem::Surrogate:
      return fmt::format("invalid UTF-8: encoded surrogate U+{:04X}", c.code);
    case utf8::Problem::AboveMax:
      return fmt::format("invalid UTF-8: code point U+{:X} is above U+10FFFF", c.code);
    case utf8::Problem::None:
      break;
  }
  return {};
}

// The first character that is not valid UTF-8, a NUL byte, or a byte order
// mark after the first (YAML 1.2 §5.2: a BOM never appears inside a
// document). A second BOM is an error rather than a zero-width character:
// terminals show it as nothing, so every column after it on its line would
// be one off; it usually comes from joining files saved with one.
// Whether the 8 bytes at `p` are ASCII other than NUL (most of a file).
bool plain_ascii8(const char* p) {
  std::uint64_t w = 0;
  std::memcpy(&w, p, sizeof w);
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  return ((w & kHigh) | ((w - kOnes) & ~w & kHigh)) == 0;
}

std::optional<EncodingError> find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i + 8 <= text.size() && plain_ascii8(text.data() + i)) i += 8;
    if (i >= text.size()) break;
    if (text[i] != '\0' && static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    if (text[i] == '\0') {
      return EncodingError{i, "not UTF-8 text: a NUL byte in the file",
                           "pacta reads UTF-8 text; is this a binary file? remove the NUL byte"};
    }
    const utf8::Decoded c = utf8::decode(text, i);
    if (c.problem != utf8::Problem::None) {
      return EncodingError{i, describe(c),
                           "pacta reads UTF-8; re-save the file as UTF-8 (e.g. `iconv -f LATIN1 "
                           "-t UTF-8`) or fix this character"};
    }
    if (c.code == 0xFEFF) {
      return EncodingError{
          i, "a byte order mark (U+FEFF) after the start of the file",
          "remove it: only the first character of a file may be a byte order mark (was the "
          "file joined from files saved with one?)"};
    }
    i += c.length;
  }
  return std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------------------

std::optional<SourceFile> make_source(std::string path, std::string bytes, const Limits& limits,
                                      Diagnostics& diags) {
  if (bytes.size() > limits.max_file_bytes) {
    report_too_large(path, bytes.size(), limits, diags);
    return std::nullopt;
  }
  // Removed first, so every offset below is an offset into the text we keep.
  if (std::string_view(bytes).starts_with(utf8::kBom)) bytes.erase(0, utf8::kBom.size());
  if (auto wide = wide_encoding(bytes)) {
    diags.error(path, Code::E103, fmt::format("file is {}, pacta reads UTF-8", wide->name),
                fmt::format("convert it, e.g. `iconv -f {} -t UTF-8 {} > converted.yaml`",
                            wide->iconv_from, path));
    return std::nullopt;
  }
  if (auto bad = find_invalid_utf8(bytes)) {
    SourceFile file(std::move(path), std::move(bytes));
    diags.error(file, bad->offset, Code::E103, std::move(bad->what), std::move(bad->help));
    return std::nullopt;
  }
  return SourceFile(std::move(path), std::move(bytes));
}

std::optional<SourceFile> read_source(const std::string& path, const Limits& limits,
                                      Diagnostics& diags) {
  InputFile in = read_input_file(path, limits);
  if (in.error) {
    const bool too_large = in.error->kind == InputFileError::Kind::TooLarge;
    diags.error(path, too_large ? Code::E102 : Code::E101,
                too_large ? in.error->reason
                          : fmt::format("cannot read '{}': {}", shown_path(path), in.error->reason),
                in.error->help);
    return std::nullopt;
  }
  return make_source(path, std::move(in.bytes), limits, diags);
}

}  // namespace pacta
