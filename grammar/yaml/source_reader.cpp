// Reading a rule or test file's bytes: size limit, encoding checks, BOM.
#include <fmt/format.h>
#include <yaml-cpp/anchor.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "grammar/yaml/tree.hpp"

namespace pacta {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

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
// Encoding checks (SPEC §1: UTF-8 only, a BOM is allowed and skipped).

struct WideEncoding {
  const char* name;        // for the message
  const char* iconv_from;  // for the help: what `iconv -f` needs to read it
};

// UTF-16/32 recognised by a byte order mark, or by NUL bytes among the first
// four bytes (ASCII text in UTF-16/32 without a BOM). nullopt for neither.
std::optional<WideEncoding> wide_encoding(std::string_view bytes) {
  auto starts = [bytes](std::string_view prefix) {
    return bytes.substr(0, prefix.size()) == prefix;
  };
  using namespace std::string_view_literals;
  if (starts("\xFF\xFE\0\0"sv)) return WideEncoding{"UTF-32", "UTF-32"};
  if (starts("\0\0\xFE\xFF"sv)) return WideEncoding{"UTF-32", "UTF-32"};
  if (starts("\xFF\xFE"sv)) return WideEncoding{"UTF-16", "UTF-16"};
  if (starts("\xFE\xFF"sv)) return WideEncoding{"UTF-16", "UTF-16"};
  const std::string_view head = bytes.substr(0, 4);
  if (head.find('\0') == std::string_view::npos) return std::nullopt;
  if (head.size() == 4 && head[0] != '\0' && head.substr(1) == "\0\0\0"sv) {
    return WideEncoding{"UTF-32", "UTF-32LE"};
  }
  if (head.size() == 4 && head.substr(0, 3) == "\0\0\0"sv)
    return WideEncoding{"UTF-32", "UTF-32BE"};
  if (head[0] == '\0') return WideEncoding{"UTF-16", "UTF-16BE"};
  if (head.size() >= 2 && head[1] == '\0') return WideEncoding{"UTF-16", "UTF-16LE"};
  return std::nullopt;  // a NUL further in: reported as a NUL byte at its place
}

struct EncodingError {
  std::size_t offset;
  std::string what;
};

// The first byte that does not start a valid UTF-8 character (RFC 3629:
// no overlongs, no surrogates, nothing above U+10FFFF), or a NUL byte.
std::optional<EncodingError> find_invalid_utf8(std::string_view text) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      if (lead == 0) return EncodingError{i, "NUL byte"};
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t code = 0;
    std::uint32_t smallest = 0;
    if (lead >= 0xC0 && lead <= 0xDF) {
      length = 2, code = lead & 0x1Fu, smallest = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3, code = lead & 0x0Fu, smallest = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF7) {
      length = 4, code = lead & 0x07u, smallest = 0x10000;
    } else if (lead < 0xC0) {
      return EncodingError{i, fmt::format("invalid UTF-8: stray continuation byte 0x{:02X}", lead)};
    } else {
      return EncodingError{i,
                           fmt::format("invalid UTF-8: byte 0x{:02X} never occurs in UTF-8", lead)};
    }
    for (std::size_t k = 1; k < length; ++k) {
      if (i + k >= n || (static_cast<unsigned char>(text[i + k]) & 0xC0u) != 0x80u) {
        return EncodingError{
            i, fmt::format("invalid UTF-8: truncated sequence starting with byte 0x{:02X}", lead)};
      }
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    }
    if (code < smallest) {
      return EncodingError{i, fmt::format("invalid UTF-8: overlong encoding of U+{:04X}", code)};
    }
    if (code >= 0xD800 && code <= 0xDFFF) {
      return EncodingError{i, fmt::format("invalid UTF-8: encoded surrogate U+{:04X}", code)};
    }
    if (code > 0x10FFFF) {
      return EncodingError{i,
                           fmt::format("invalid UTF-8: code point U+{:X} is above U+10FFFF", code)};
    }
    i += length;
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
  if (std::string_view(bytes).starts_with(kUtf8Bom)) bytes.erase(0, kUtf8Bom.size());
  if (auto wide = wide_encoding(bytes)) {
    diags.error(path, Code::E103, fmt::format("file is {}, pacta reads UTF-8", wide->name),
                fmt::format("convert it, e.g. `iconv -f {} -t UTF-8 {} > converted.yaml`",
                            wide->iconv_from, path));
    return std::nullopt;
  }
  if (auto bad = find_invalid_utf8(bytes)) {
    SourceFile file(std::move(path), std::move(bytes));
    const bool nul = bad->what == "NUL byte";
    diags.error(file, bad->offset, Code::E103, nul ? "NUL byte in the file" : bad->what,
                nul ? "pacta reads UTF-8 text; remove the NUL byte"
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
