// Reading a rule or test file's bytes: size limit, encoding checks, BOM.
#include <fmt/format.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

#include "grammar/utf8.hpp"
#include "grammar/yaml/tree.hpp"

namespace pacta {

namespace {

std::string human_size(std::uint64_t bytes) {
  if (bytes >= std::uint64_t{1024} * 1024) {
    return fmt::format("{} bytes ({:.1f} MiB)", bytes,
                       static_cast<double>(bytes) / (1024.0 * 1024.0));
  }
  return fmt::format("{} bytes", bytes);
}

void report_too_large(const std::string& path, std::string_view size_text, const Limits& limits,
                      Diagnostics& diags) {
  diags.error(
      path, Code::E102,
      fmt::format("file is {}, over the limit of {}", size_text, human_size(limits.max_file_bytes)),
      "split it into several smaller files");
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

// The first character that is not valid UTF-8, or a NUL byte.
std::optional<EncodingError> find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\0') return EncodingError{i, "NUL byte"};
    const utf8::Decoded c = utf8::decode(text, i);
    if (c.problem != utf8::Problem::None) return EncodingError{i, describe(c)};
    i += c.length;
  }
  return std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------------------

std::optional<SourceFile> make_source(std::string path, std::string bytes, const Limits& limits,
                                      Diagnostics& diags) {
  if (bytes.size() > limits.max_file_bytes) {
    report_too_large(path, human_size(bytes.size()), limits, diags);
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
    const bool nul = bad->what == "NUL byte";
    diags.error(file, bad->offset, Code::E103,
                nul ? "not UTF-8 text: a NUL byte in the file" : bad->what,
                nul ? "pacta reads UTF-8 text; is this a binary file? remove the NUL byte"
                    : "pacta reads UTF-8; re-save the file as UTF-8 (e.g. `iconv -f LATIN1 -t "
                      "UTF-8`) or fix this character");
    return std::nullopt;
  }
  return SourceFile(std::move(path), std::move(bytes));
}

std::optional<SourceFile> read_source(const std::string& path, const Limits& limits,
                                      Diagnostics& diags) {
  namespace fs = std::filesystem;
  auto cannot_read = [&](const std::string& reason) {
    diags.error(path, Code::E101, fmt::format("cannot read '{}': {}", path, reason));
    return std::nullopt;
  };
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error) return cannot_read(error.message());
  if (fs::is_directory(status)) return cannot_read("it is a directory");
  std::uintmax_t known_size = 0;
  if (fs::is_regular_file(status)) {
    known_size = fs::file_size(path, error);
    if (error) return cannot_read(error.message());
    // Checked before reading: a huge file costs nothing.
    if (known_size > limits.max_file_bytes) {
      report_too_large(path, human_size(known_size), limits, diags);
      return std::nullopt;
    }
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) return cannot_read(errno != 0 ? std::strerror(errno) : "cannot open the file");
  // Never more than the limit plus one byte, whatever the file claims
  // (pipes, files growing while read).
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(known_size));
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > limits.max_file_bytes) {
      report_too_large(path, fmt::format("more than {}", human_size(limits.max_file_bytes)), limits,
                       diags);
      return std::nullopt;
    }
  }
  if (in.bad()) return cannot_read(errno != 0 ? std::strerror(errno) : "read error");
  return make_source(path, std::move(bytes), limits, diags);
}

}  // namespace pacta
