#include "grammar/yaml/scalar_text.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "grammar/identifier.hpp"
#include "grammar/utf8.hpp"

namespace pacta::yaml_text {

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
  if (is_ascii_alnum(c)) return true;
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

namespace {

// The end of one node property at `pos` (text[pos] is '&' or '!').
std::size_t property_end(std::string_view text, std::size_t pos) {
  if (text[pos] == '!' && pos + 1 < text.size() && text[pos + 1] == '<') {
    const std::size_t close = text.find('>', pos);
    return close == std::string_view::npos ? text.size() : close + 1;
  }
  if (text[pos] == '!') {
    ++pos;
    while (pos < text.size() && is_tag_char(text[pos])) ++pos;
    return pos;
  }
  while (pos < text.size() && !ends_token(text, pos)) ++pos;
  return pos;
}

bool starts_property(std::string_view text, std::size_t pos) {
  return pos < text.size() && (text[pos] == '&' || text[pos] == '!');
}

}  // namespace

// Node properties before a node's content: `&anchor`, `!tag`, `!!str`,
// `!<verbatim>`, and whatever whitespace or comments follow them.
std::size_t skip_properties(std::string_view text, std::size_t pos) {
  while (starts_property(text, pos)) pos = skip_blank_lines(text, property_end(text, pos));
  return pos;
}

std::pair<std::size_t, std::size_t> find_tag(std::string_view text, std::size_t pos) {
  while (starts_property(text, pos)) {
    const std::size_t end = property_end(text, pos);
    if (text[pos] == '!') return {pos, end};
    pos = skip_blank_lines(text, end);
  }
  return {pos, pos};
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
  return Escape{2 + digits, {utf8::encode(code)}};
}

// Walks the decoded value and its source together. Source bytes that the
// decoder dropped (indentation, folded line breaks, trailing blanks, escape
// syntax, the second quote of '') are skipped; a decoded byte that matches
// no source byte stops the walk, and the rest maps to content_offset.
class ScalarWalk {
 public:
  ScalarWalk(std::string_view text, const YamlNode& node)
      : text_(text),
        value_(node.value),
        style_(node.style),
        block_(style_ == Style::Literal || style_ == Style::Folded),
        start_(std::min(node.content_offset, text.size())),
        j_(start_) {
    out_.map.assign(value_.size() + 1, start_);
    if (block_) {
      // A block's content_offset is past the first line's indentation.
      const std::size_t line_start = start_ > 0 ? text_.rfind('\n', start_ - 1) + 1 : start_;
      indent_ = block_indent(text_, line_start, value_);
    }
  }

  Alignment run() {
    while (i_ < value_.size() && j_ < text_.size() && step()) {
    }
    if (i_ == value_.size()) {
      out_.complete = true;
      out_.end = j_;
      out_.map[value_.size()] = j_;
    } else {
      std::fill(out_.map.begin() + static_cast<std::ptrdiff_t>(i_), out_.map.end(), start_);
    }
    return std::move(out_);
  }

 private:
  using Style = YamlNode::Style;

  // Aligns the next source bytes with the next decoded ones; false when
  // they do not match.
  bool step() {
    const char s = text_[j_];
    if (style_ == Style::DoubleQuoted && s == '\\') return escape();
    if (style_ == Style::DoubleQuoted && s == '"') return false;
    if (style_ == Style::SingleQuoted && s == '\'') return doubled_quote();
    if (const std::size_t br = break_length(text_, j_)) {
      if (block_) return block_line_break(br);
      flow_line_breaks();
      return true;
    }
    if (!block_ && is_blank(s) && skip_trailing_blanks()) return true;
    if (s == value_[i_]) {
      map_to(j_++);
      return true;
    }
    if (is_blank(s)) {  // continuation indentation or a trimmed trailing blank
      ++j_;
      return true;
    }
    return false;
  }

  void map_to(std::size_t source) { out_.map[i_++] = source; }

  void skip_blanks() {
    while (j_ < text_.size() && is_blank(text_[j_])) ++j_;
  }

  // A backslash in a double-quoted scalar: an escaped line break or an
  // escape sequence.
  bool escape() {
    if (const std::size_t br = break_length(text_, j_ + 1)) {
      // An escaped line break joins the lines; each empty line after it is
      // a newline of its own.
      j_ += 1 + br;
      skip_blanks();
      while (const std::size_t empty = break_length(text_, j_)) {
        if (i_ < value_.size() && value_[i_] == '\n') map_to(j_);
        j_ += empty;
        skip_blanks();
      }
      return true;
    }
    const Escape sequence = decode_escape(text_, j_);
    auto fits = [&](const std::string& bytes) {
      return !bytes.empty() && value_.compare(i_, bytes.size(), bytes) == 0;
    };
    const auto match = std::find_if(sequence.decoded.begin(), sequence.decoded.end(), fits);
    if (match == sequence.decoded.end()) return false;
    std::fill_n(out_.map.begin() + static_cast<std::ptrdiff_t>(i_), match->size(), j_);
    i_ += match->size();
    j_ += sequence.length;
    return true;
  }

  // '' in a single-quoted scalar is one quote; a lone ' ends the scalar.
  bool doubled_quote() {
    if (value_[i_] != '\'' || j_ + 1 >= text_.size() || text_[j_ + 1] != '\'') return false;
    map_to(j_);
    j_ += 2;
    return true;
  }

  // Flow and plain scalars: one line break folds into a space; a run of n
  // breaks (with empty lines) into n - 1 newlines, mapped to the breaks that
  // end the empty lines. Leading blanks are dropped.
  void flow_line_breaks() {
    std::size_t breaks = 0;
    while (const std::size_t br = break_length(text_, j_)) {
      const char expected = breaks == 0 && !next_line_empty(text_, j_ + br) ? ' ' : '\n';
      const bool produces = breaks > 0 || expected == ' ';  // the first of a run is dropped
      if (produces && i_ < value_.size() && value_[i_] == expected) map_to(j_);
      ++breaks;
      j_ += br;
      skip_blanks();
    }
  }

  // Block scalars: a kept line break, or one folded into a space; otherwise
  // the break was dropped (before an empty line, or chomped).
  bool block_line_break(std::size_t br) {
    const char c = value_[i_];
    if (c == '\n' || (c == ' ' && style_ == Style::Folded)) {
      map_to(j_);
    } else if (style_ == Style::Literal) {
      return false;  // a literal block keeps every inner line break
    }
    j_ = skip_spaces(text_, j_ + br, indent_);
    return true;
  }

  // Blanks that end a line of a flow or plain scalar are trimmed: true when
  // the blanks at j_ end the line (and were skipped).
  bool skip_trailing_blanks() {
    std::size_t end = j_;
    while (end < text_.size() && is_blank(text_[end])) ++end;
    if (break_length(text_, end) == 0) return false;
    j_ = end;
    return true;
  }

  std::string_view text_;
  const std::string& value_;
  Style style_;
  bool block_;
  std::size_t start_;
  std::size_t indent_ = 0;
  std::size_t i_ = 0;  // next byte of the value
  std::size_t j_;      // next byte of the source
  Alignment out_;
};

Alignment align_scalar(std::string_view text, const YamlNode& node) {
  return ScalarWalk(text, node).run();
}

}  // namespace pacta::yaml_text
