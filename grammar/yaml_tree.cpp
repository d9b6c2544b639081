#include "grammar/yaml_tree.hpp"

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
      path, "E102",
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

// ---------------------------------------------------------------------------
// Looking at a scalar's source text.

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Length of the line break at `pos`, 0 if none. Like yaml-cpp 0.7 (and
// SourceFile), a lone CR is not a line break.
std::size_t break_length(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  if (text[pos] == '\n') return 1;
  if (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') return 2;
  return 0;
}

// Where an anchor or alias name ends (yaml-cpp: at a blank, a line break or
// a flow indicator).
bool ends_token(std::string_view text, std::size_t pos) {
  const char c = text[pos];
  return is_blank(c) || break_length(text, pos) > 0 || c == ',' || c == '[' || c == ']' ||
         c == '{' || c == '}';
}

// What yaml-cpp 0.7 reads as part of a tag: URI characters and the `!` of
// a handle.
bool is_tag_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("-!%#;/?:@&=+$,_.~*'()").find(c) != std::string_view::npos;
}

// Whitespace, line breaks and comments.
std::size_t skip_blank_lines(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    if (is_blank(text[pos])) {
      ++pos;
    } else if (const std::size_t br = break_length(text, pos)) {
      pos += br;
    } else if (text[pos] == '#') {
      while (pos < text.size() && text[pos] != '\n') ++pos;
    } else {
      break;
    }
  }
  return pos;
}

// Node properties before a node's content: `&anchor`, `!tag`, `!!str`,
// `!<verbatim>`, and whatever whitespace or comments follow them.
std::size_t skip_properties(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (text[pos] == '&' || text[pos] == '!')) {
    if (text[pos] == '!' && pos + 1 < text.size() && text[pos + 1] == '<') {
      const std::size_t close = text.find('>', pos);
      pos = close == std::string_view::npos ? text.size() : close + 1;
    } else if (text[pos] == '!') {
      ++pos;
      while (pos < text.size() && is_tag_char(text[pos])) ++pos;
    } else {
      while (pos < text.size() && !ends_token(text, pos)) ++pos;
    }
    pos = skip_blank_lines(text, pos);
  }
  return pos;
}

// `~`, `null` or node properties: a null written out, not an empty value.
bool is_written_null(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  const char c = text[pos];
  if (c == '~' || c == '&' || c == '!') return true;
  const std::string_view word = text.substr(pos, 4);
  return word == "null" || word == "Null" || word == "NULL";
}

// Content indentation of a block scalar whose lines start at `first_line`.
// Taken from the first line with content, minus the spaces the decoded
// value keeps on that line, so an explicit indentation indicator (`|2`)
// needs no knowledge of the parent node's indentation.
std::size_t block_indent(std::string_view text, std::size_t first_line, const std::string& value) {
  std::size_t line = first_line;
  std::size_t spaces = 0;
  std::size_t blank_lines = 0;  // lines of spaces only, before the first with content
  while (line < text.size()) {
    std::size_t pos = line;
    while (pos < text.size() && text[pos] == ' ') ++pos;
    const std::size_t br = break_length(text, pos);
    if (pos < text.size() && br == 0) {
      spaces = pos - line;
      break;
    }
    line = pos + std::max<std::size_t>(br, 1);
    ++blank_lines;
  }
  // The same line in the value (a blank line of the source is one line of
  // the value, possibly holding spaces beyond the indentation).
  std::size_t start = 0;
  for (std::size_t k = 0; k < blank_lines && start != std::string::npos; ++k) {
    start = value.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  std::size_t kept = 0;
  while (start != std::string::npos && start + kept < value.size() && value[start + kept] == ' ') {
    ++kept;
  }
  return spaces >= kept ? spaces - kept : 0;
}

std::size_t skip_spaces(std::string_view text, std::size_t pos, std::size_t at_most) {
  for (std::size_t k = 0; k < at_most && pos < text.size() && text[pos] == ' '; ++k) ++pos;
  return pos;
}

// Whether the line starting at `pos` holds only blanks.
bool next_line_empty(std::string_view text, std::size_t pos) {
  while (pos < text.size() && is_blank(text[pos])) ++pos;
  return break_length(text, pos) > 0;
}

// Sets style and content_offset of a scalar from the text at its mark
// (node.value must be set: a block scalar's indentation depends on it).
void classify_scalar(std::string_view text, YamlNode& node, bool plain_by_tag) {
  std::size_t pos = skip_properties(text, node.offset);
  const char c = pos < text.size() ? text[pos] : '\0';
  node.style = YamlNode::Style::Plain;
  node.content_offset = pos;
  if (plain_by_tag) return;  // yaml-cpp's "?" tag: the scalar was plain
  if (c == '\'' || c == '"') {
    node.style = c == '\'' ? YamlNode::Style::SingleQuoted : YamlNode::Style::DoubleQuoted;
    node.content_offset = pos + 1;
  } else if (c == '|' || c == '>') {
    node.style = c == '|' ? YamlNode::Style::Literal : YamlNode::Style::Folded;
    // The header line holds indicators and maybe a comment; content starts
    // on the next line, after its indentation.
    const std::size_t newline = text.find('\n', pos);
    const std::size_t first_line = newline == std::string_view::npos ? text.size() : newline + 1;
    node.content_offset = skip_spaces(text, first_line, block_indent(text, first_line, node.value));
  }
}

std::string utf8_encode(std::uint32_t code) {
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

// A double-quoted escape at `pos` (the backslash): its length in the source
// and the byte strings it may decode to (yaml-cpp 0.7 writes `\N` and `\_`
// as one raw byte; the YAML spec wants UTF-8, so both are accepted).
struct Escape {
  std::size_t length = 0;
  std::vector<std::string> decoded;
};

Escape decode_escape(std::string_view text, std::size_t pos) {
  if (pos + 1 >= text.size()) return {};
  const char e = text[pos + 1];
  auto one = [](std::string bytes) { return Escape{2, {std::move(bytes)}}; };
  switch (e) {
    case '0':
      return one(std::string(1, '\0'));
    case 'a':
      return one("\a");
    case 'b':
      return one("\b");
    case 't':
    case '\t':
      return one("\t");
    case 'n':
      return one("\n");
    case 'v':
      return one("\v");
    case 'f':
      return one("\f");
    case 'r':
      return one("\r");
    case 'e':
      return one("\x1B");
    case ' ':
      return one(" ");
    case '"':
      return one("\"");
    case '\'':
      return one("'");
    case '/':
      return one("/");
    case '\\':
      return one("\\");
    case 'N':
      return Escape{2, {"\xC2\x85", "\x85"}};
    case '_':
      return Escape{2, {"\xC2\xA0", "\xA0"}};
    case 'L':
      return one("\xE2\x80\xA8");
    case 'P':
      return one("\xE2\x80\xA9");
    default:
      break;
  }
  const std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
  if (digits == 0 || pos + 2 + digits > text.size()) return {};
  std::uint32_t code = 0;
  for (std::size_t k = 0; k < digits; ++k) {
    const char h = text[pos + 2 + k];
    std::uint32_t v = 0;
    if (h >= '0' && h <= '9')
      v = static_cast<std::uint32_t>(h - '0');
    else if (h >= 'a' && h <= 'f')
      v = static_cast<std::uint32_t>(h - 'a' + 10);
    else if (h >= 'A' && h <= 'F')
      v = static_cast<std::uint32_t>(h - 'A' + 10);
    else
      return {};
    code = (code << 4) | v;
  }
  return Escape{2 + digits, {utf8_encode(code)}};
}

struct Alignment {
  std::vector<std::size_t> map;  // value.size() + 1 file offsets
  bool complete = false;         // every byte was aligned
  std::size_t end = 0;           // source position after the last aligned byte
};

// Walks the decoded value and its source together. Source bytes that the
// decoder dropped (indentation, folded line breaks, trailing blanks, escape
// syntax, the second quote of '') are skipped; a decoded byte that matches
// no source byte stops the walk, and the rest maps to content_offset.
Alignment align_scalar(std::string_view text, const YamlNode& node) {
  using Style = YamlNode::Style;
  const std::string& value = node.value;
  const std::size_t start = std::min(node.content_offset, text.size());
  Alignment out;
  out.map.assign(value.size() + 1, start);
  const bool block = node.style == Style::Literal || node.style == Style::Folded;
  // A block's content_offset is past the first line's indentation.
  const std::size_t line_start = block && start > 0 ? text.rfind('\n', start - 1) + 1 : start;
  const std::size_t indent = block ? block_indent(text, line_start, value) : 0;
  std::size_t j = start;
  std::size_t i = 0;
  while (i < value.size() && j < text.size()) {
    const char c = value[i];
    const char s = text[j];
    if (node.style == Style::DoubleQuoted && s == '\\') {
      if (const std::size_t br = break_length(text, j + 1)) {
        // An escaped line break joins the lines; each empty line after it
        // is a newline of its own.
        j += 1 + br;
        while (j < text.size() && is_blank(text[j])) ++j;
        while (const std::size_t empty = break_length(text, j)) {
          if (i < value.size() && value[i] == '\n') out.map[i++] = j;
          j += empty;
          while (j < text.size() && is_blank(text[j])) ++j;
        }
        continue;
      }
      const Escape escape = decode_escape(text, j);
      auto fits = [&](const std::string& bytes) {
        return !bytes.empty() && value.compare(i, bytes.size(), bytes) == 0;
      };
      auto match = std::find_if(escape.decoded.begin(), escape.decoded.end(), fits);
      if (match == escape.decoded.end()) break;
      std::fill_n(out.map.begin() + static_cast<std::ptrdiff_t>(i), match->size(), j);
      i += match->size();
      j += escape.length;
      continue;
    }
    if (node.style == Style::DoubleQuoted && s == '"') break;
    if (node.style == Style::SingleQuoted && s == '\'') {
      if (c != '\'' || j + 1 >= text.size() || text[j + 1] != '\'') break;
      out.map[i++] = j;
      j += 2;
      continue;
    }
    if (!block && break_length(text, j) > 0) {
      // Flow and plain scalars: one line break folds into a space; a run of
      // n breaks (with empty lines) into n - 1 newlines, mapped to the
      // breaks that end the empty lines. Leading blanks are dropped.
      std::size_t breaks = 0;
      while (const std::size_t br = break_length(text, j)) {
        const char expected = breaks == 0 && !next_line_empty(text, j + br) ? ' ' : '\n';
        const bool produces = breaks > 0 || expected == ' ';  // the first of a run is dropped
        if (produces && i < value.size() && value[i] == expected) out.map[i++] = j;
        ++breaks;
        j += br;
        while (j < text.size() && is_blank(text[j])) ++j;
      }
      continue;
    }
    if (const std::size_t br = break_length(text, j)) {
      // Block scalars: a kept line break, or one folded into a space;
      // otherwise the break was dropped (before an empty line, or chomped).
      if (c == '\n' || (c == ' ' && node.style == Style::Folded)) {
        out.map[i++] = j;
      } else if (node.style == Style::Literal) {
        break;  // a literal block keeps every inner line break
      }
      j = skip_spaces(text, j + br, indent);
      continue;
    }
    if (!block && is_blank(s)) {
      // Blanks that end a line of a flow or plain scalar are trimmed.
      std::size_t end = j;
      while (end < text.size() && is_blank(text[end])) ++end;
      if (break_length(text, end) > 0) {
        j = end;
        continue;
      }
    }
    if (s == c) {
      out.map[i++] = j++;
      continue;
    }
    if (is_blank(s)) {  // continuation indentation or a trimmed trailing blank
      ++j;
      continue;
    }
    break;
  }
  if (i == value.size()) {
    out.complete = true;
    out.end = j;
    out.map[value.size()] = j;
  } else {
    std::fill(out.map.begin() + static_cast<std::ptrdiff_t>(i), out.map.end(), start);
  }
  return out;
}

// ---------------------------------------------------------------------------
// yaml-cpp's parser messages in words a rule author understands.

struct Explained {
  std::string message;
  std::string help;
};

Explained explain_parser_error(const std::string& msg) {
  namespace E = YAML::ErrorMsg;
  const std::string_view escape_prefix = E::INVALID_ESCAPE;
  if (msg == E::MAP_VALUE) {
    return {"unexpected ':' here",
            "a value containing ': ' must be quoted; otherwise check the indentation"};
  }
  if (msg == E::MAP_KEY) return {"a mapping key is not allowed here", "check the indentation"};
  if (msg == E::BLOCK_ENTRY) {
    return {"a '- ' list item is not allowed here", "check the indentation of the list"};
  }
  if (msg == E::END_OF_MAP) {
    return {"this line does not fit the mapping above it",
            "check its indentation: it must line up with the keys of a mapping"};
  }
  if (msg == E::END_OF_SEQ) {
    return {"this line does not fit the list above it",
            "check its indentation: it must line up with the '- ' items of a list"};
  }
  if (msg == E::END_OF_MAP_FLOW) return {"'{' is not closed", "add the missing '}'"};
  if (msg == E::END_OF_SEQ_FLOW) return {"'[' is not closed", "add the missing ']'"};
  if (msg == E::FLOW_END) {
    return {"unexpected closing bracket", "remove it, or quote the value that contains it"};
  }
  if (msg == E::UNKNOWN_ANCHOR) {
    return {"alias to an anchor that is not defined",
            "define the anchor with '&name' before using '*name'"};
  }
  if (msg == E::TAB_IN_INDENTATION) {
    return {"tab character in indentation", "YAML indentation must use spaces"};
  }
  if (msg.starts_with(escape_prefix)) {
    return {fmt::format("unknown escape '\\{}' in a double-quoted string",
                        msg.substr(escape_prefix.size())),
            "write '\\\\' for a backslash, or use single quotes"};
  }
  if (msg == E::EOF_IN_SCALAR) {
    return {"the file ends inside a quoted string", "add the closing quote"};
  }
  if (msg == E::DOC_IN_SCALAR) {
    return {"a document marker ('---' or '...') inside a string",
            "quote the string or indent the line"};
  }
  if (msg == E::UNKNOWN_TOKEN) {
    return {"unexpected character", "a value starting with '@' or '`' must be quoted"};
  }
  if (msg == E::CHAR_IN_BLOCK) {
    return {"unexpected character after '|' or '>'",
            "a block scalar header holds only indicators such as '-', '+' or a digit"};
  }
  return {fmt::format("invalid YAML: {}", msg), {}};
}

// ---------------------------------------------------------------------------
// The tree builder: one YamlNode per event.

// A key as quoted in a one-line message: line breaks and tabs become
// spaces, and a long key is cut (on a character boundary) with an ellipsis.
std::string shown_key(std::string_view key) {
  constexpr std::size_t kMaxBytes = 60;
  std::string out;
  for (std::size_t i = 0; i < key.size(); ++i) {
    const bool starts_char = (static_cast<unsigned char>(key[i]) & 0xC0u) != 0x80u;
    if (starts_char && out.size() >= kMaxBytes) return out + "…";
    out += (key[i] == '\n' || key[i] == '\r' || key[i] == '\t') ? ' ' : key[i];
  }
  return out;
}

// Thrown from the handler, after reporting, to stop yaml-cpp at once.
struct StopParsing {};

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
  return a > std::numeric_limits<std::uint64_t>::max() - b
             ? std::numeric_limits<std::uint64_t>::max()
             : a + b;
}

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const SourceFile& file, std::size_t base, const Limits& limits, Diagnostics& diags,
              YamlDocument& doc)
      : file_(file), text_(file.text()), base_(base), limits_(limits), diags_(diags), doc_(doc) {}

  bool found_errors() const { return found_errors_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ == 1) return;
    const std::size_t at = offset_of(mark);
    if (text_.substr(at, 3) == "---" || text_.substr(at, 1) == "%") {
      diags_.error(file_, at, "E104", "only one YAML document per file",
                   "remove this '---' document or move it to a file of its own");
    } else {
      // yaml-cpp starts a new document at content that cannot continue the
      // first one, e.g. a mapping after a top-level list.
      diags_.error(file_, at, "E104", "unexpected content after the end of the document",
                   "check the indentation of this line");
    }
    throw StopParsing{};
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode& node = make(YamlNode::Kind::Null, mark);
    // yaml-cpp marks an empty value at the next token, often on a later
    // line; just after its key's ':' is where the user left it empty.
    if (!frames_.empty() && frames_.back().pending_key && !is_written_null(text_, node.offset)) {
      node.offset = after_colon(*frames_.back().pending_key, node.offset);
    }
    leaf(node, anchor, 1);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode& node = make(YamlNode::Kind::Scalar, mark);
    node.value = value;
    classify_scalar(text_, node, tag == "?");
    if (node.style == YamlNode::Style::SingleQuoted ||
        node.style == YamlNode::Style::DoubleQuoted) {
      check_closed(node);
    }
    leaf(node, anchor, saturating_add(value.size(), 1));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const std::size_t at = offset_of(mark);
    if (anchor >= anchors_.size() || anchors_[anchor].node == nullptr) {
      diags_.error(file_, at, "E104", "alias to an anchor that is not defined",
                   "define the anchor with '&name' before using '*name'");
      throw StopParsing{};
    }
    const AnchorSlot& slot = anchors_[anchor];
    if (!slot.complete) {
      diags_.error(file_, at, "E106",
                   fmt::format("alias '{}' repeats a node that contains it", alias_name(at)),
                   "an alias cannot refer to its own enclosing node");
      throw StopParsing{};
    }
    count_alias(slot.expanded, at);
    attach(slot.node, at, slot.expanded);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open(YamlNode::Kind::Sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open(YamlNode::Kind::Map, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YamlNode* node = nullptr;
    YAML::anchor_t anchor = YAML::NullAnchor;
    std::uint64_t expanded = 1;
    const YamlNode* pending_key = nullptr;  // Map: a key waiting for its value
    // Map: scalar key value → offset of its first occurrence. The views
    // point into node values, which the document owns.
    std::unordered_map<std::string_view, std::size_t> keys;
  };
  struct AnchorSlot {
    const YamlNode* node = nullptr;
    bool complete = false;  // a collection is incomplete until its end event
    std::uint64_t expanded = 0;
  };

  std::size_t offset_of(const YAML::Mark& mark) const {
    if (mark.pos < 0) return base_;
    return std::min(base_ + static_cast<std::size_t>(mark.pos), text_.size());
  }

  YamlNode& make(YamlNode::Kind kind, const YAML::Mark& mark) {
    doc_.nodes.push_back(std::make_unique<YamlNode>());
    YamlNode& node = *doc_.nodes.back();
    node.kind = kind;
    node.offset = offset_of(mark);
    node.content_offset = node.offset;
    return node;
  }

  void remember_anchor(YAML::anchor_t anchor, const YamlNode& node, bool complete,
                       std::uint64_t expanded) {
    if (anchor == YAML::NullAnchor) return;
    if (anchor >= anchors_.size()) anchors_.resize(anchor + 1);
    anchors_[anchor] = AnchorSlot{&node, complete, expanded};
  }

  void leaf(const YamlNode& node, YAML::anchor_t anchor, std::uint64_t expanded) {
    total_ = saturating_add(total_, expanded);
    remember_anchor(anchor, node, true, expanded);
    attach(&node, node.offset, expanded);
  }

  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    const auto max_depth = static_cast<std::size_t>(std::max(limits_.max_yaml_depth, 0));
    if (frames_.size() >= max_depth) {
      diags_.error(file_, offset_of(mark), "E106",
                   fmt::format("nesting deeper than {} levels", limits_.max_yaml_depth),
                   "flatten the structure");
      throw StopParsing{};
    }
    YamlNode& node = make(kind, mark);
    total_ = saturating_add(total_, 1);
    remember_anchor(anchor, node, false, 0);
    Frame frame;
    frame.node = &node;
    frame.anchor = anchor;
    frames_.push_back(std::move(frame));
  }

  void close() {
    if (frames_.empty()) return;
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    if (frame.anchor != YAML::NullAnchor)
      remember_anchor(frame.anchor, *frame.node, true, frame.expanded);
    attach(frame.node, frame.node->offset, frame.expanded);
  }

  void attach(const YamlNode* node, std::size_t at, std::uint64_t expanded) {
    if (frames_.empty()) {
      if (doc_.root == nullptr) doc_.root = node;
      return;
    }
    Frame& parent = frames_.back();
    parent.expanded = saturating_add(parent.expanded, expanded);
    if (parent.node->kind == YamlNode::Kind::Sequence) {
      parent.node->items.push_back(node);
    } else if (parent.pending_key == nullptr) {
      parent.pending_key = node;
      check_duplicate(parent, *node, at);
    } else {
      parent.node->entries.emplace_back(parent.pending_key, node);
      parent.pending_key = nullptr;
    }
  }

  void check_duplicate(Frame& map, const YamlNode& key, std::size_t at) {
    if (key.kind != YamlNode::Kind::Scalar) return;
    auto [first, inserted] = map.keys.try_emplace(key.value, at);
    if (inserted) return;
    found_errors_ = true;
    const std::uint32_t line = file_.position(first->second).line;
    const std::string shown = shown_key(key.value);
    diags_.error(file_, at, "E105", fmt::format("duplicate key '{}'", shown),
                 fmt::format("the first '{}' is on line {}; yaml-cpp would silently keep it — "
                             "remove one",
                             shown, line));
  }

  // Every node counts its size with aliases expanded, so total_ is the
  // document's expanded size so far. Only an alias can make it grow faster
  // than the file, so the alias that crosses the limit is the one to blame.
  void count_alias(std::uint64_t bytes, std::size_t at) {
    total_ = saturating_add(total_, bytes);
    if (total_ <= limits_.max_alias_expansion_bytes) return;
    diags_.error(
        file_, at, "E106",
        fmt::format("aliases expand to more than {} bytes", limits_.max_alias_expansion_bytes),
        "each alias counts the full size of the node it repeats; use fewer or smaller "
        "aliases");
    throw StopParsing{};
  }

  // yaml-cpp 0.7 takes an unclosed quote at the end of the file as a string
  // running to the end; YAML does not.
  void check_closed(const YamlNode& node) {
    const Alignment alignment = align_scalar(text_, node);
    if (!alignment.complete || skip_blank_lines(text_, alignment.end) < text_.size()) return;
    const char quote = node.style == YamlNode::Style::SingleQuoted ? '\'' : '"';
    diags_.error(file_, node.content_offset - 1, "E104", "quoted string is not closed",
                 fmt::format("add the closing {}", quote));
    throw StopParsing{};
  }

  std::size_t after_colon(const YamlNode& key, std::size_t fallback) const {
    if (key.kind != YamlNode::Kind::Scalar) return fallback;
    const Alignment alignment = align_scalar(text_, key);
    if (!alignment.complete) return fallback;
    std::size_t pos = alignment.end;
    if (key.style == YamlNode::Style::SingleQuoted || key.style == YamlNode::Style::DoubleQuoted) {
      ++pos;  // the closing quote
    }
    while (pos < fallback && (is_blank(text_[pos]) || break_length(text_, pos) > 0)) ++pos;
    return (pos < fallback && text_[pos] == ':') ? pos + 1 : fallback;
  }

  std::string alias_name(std::size_t at) const {
    std::size_t end = at + 1;
    while (end < text_.size() && !ends_token(text_, end)) ++end;
    return std::string(text_.substr(at, end - at));
  }

  const SourceFile& file_;
  std::string_view text_;
  std::size_t base_;  // offset of yaml-cpp's position 0 in the file
  const Limits& limits_;
  Diagnostics& diags_;
  YamlDocument& doc_;
  std::vector<Frame> frames_;
  std::vector<AnchorSlot> anchors_;  // by yaml-cpp anchor id
  std::uint64_t total_ = 0;
  int documents_ = 0;
  bool found_errors_ = false;
};

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
    diags.error(path, "E103", fmt::format("file is {}, pacta reads UTF-8", wide->name),
                fmt::format("convert it, e.g. `iconv -f {} -t UTF-8 {} > converted.yaml`",
                            wide->iconv_from, path));
    return std::nullopt;
  }
  if (auto bad = find_invalid_utf8(bytes)) {
    SourceFile file(std::move(path), std::move(bytes));
    const bool nul = bad->what == "NUL byte";
    diags.error(file, bad->offset, "E103", nul ? "NUL byte in the file" : bad->what,
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
    diags.error(path, "E101", fmt::format("cannot read '{}': {}", path, reason));
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

std::optional<YamlDocument> read_yaml(const SourceFile& file, const Limits& limits,
                                      Diagnostics& diags) {
  std::string_view text = file.text();
  // yaml-cpp skips a BOM but then counts positions from after it.
  const std::size_t base = text.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  YamlDocument doc;
  TreeBuilder builder(file, base, limits, diags, doc);
  auto error_at = [&](const YAML::Mark& mark, std::string message, std::string help) {
    if (mark.is_null() || mark.pos < 0) {
      diags.error(file.path(), "E104", std::move(message), std::move(help));
    } else {
      diags.error(file, base + static_cast<std::size_t>(mark.pos), "E104", std::move(message),
                  std::move(help));
    }
  };
  try {
    std::istringstream in{std::string(text.substr(base))};
    YAML::Parser parser(in);
    // A second call returns false at the end of the stream; a second
    // document stops in OnDocumentStart.
    if (parser.HandleNextDocument(builder)) parser.HandleNextDocument(builder);
  } catch (const StopParsing&) {
    return std::nullopt;
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own recursion guard (2,000 levels), only reached when our
    // limit is set higher.
    const std::size_t at = base + static_cast<std::size_t>(std::max(e.mark.pos, 0));
    diags.error(
        file, at, "E106",
        fmt::format("nesting deeper than {} levels", std::min(limits.max_yaml_depth, e.depth())),
        "flatten the structure");
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    Explained explained = explain_parser_error(e.msg);
    error_at(e.mark, std::move(explained.message), std::move(explained.help));
    return std::nullopt;
  } catch (const std::exception& e) {
    diags.error(file.path(), "E104", fmt::format("cannot read the YAML: {}", e.what()));
    return std::nullopt;
  } catch (...) {
    diags.error(file.path(), "E104", "cannot read the YAML");
    return std::nullopt;
  }
  if (builder.found_errors()) return std::nullopt;
  // A document that is only an empty value (`---` alone) counts as empty.
  if (doc.root != nullptr && doc.root->kind == YamlNode::Kind::Null &&
      !is_written_null(text, doc.root->offset)) {
    doc.root = nullptr;
  }
  return doc;
}

std::vector<std::size_t> scalar_offsets(const SourceFile& file, const YamlNode& node) {
  if (node.kind != YamlNode::Kind::Scalar) {
    return std::vector<std::size_t>(node.value.size() + 1, node.offset);
  }
  return align_scalar(file.text(), node).map;
}

}  // namespace pacta
