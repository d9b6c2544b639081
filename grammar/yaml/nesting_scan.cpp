#include "grammar/yaml/nesting_scan.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

// What this models, and why it is enough.
//
// The scan walks the text token by token the way yaml-cpp 0.7's scanner
// (Scanner::ScanNextToken) does, but keeps only what decides whether a '['
// or '{' is a flow indicator: the flow depth, the column, and in block
// context the stack of block indentations. The rules, as yaml-cpp has them:
//  - Between tokens: spaces, tabs, line breaks (LF or CRLF) and a comment
//    ('#' where a token would start, to the end of the line) are skipped.
//  - '%' at column 0 is a directive line; '---' or '...' at column 0 followed
//    by a blank, a break or the end is a document marker (in flow context too;
//    yaml-cpp does not close open flow collections there, nor does the scan).
//  - '[' '{' open and ']' '}' close a flow collection wherever a token starts,
//    in block and flow context alike. Only these change the depth.
//  - '"...' runs to the next '"' not escaped by '\'; '\'...' to the next '\''
//    not doubled; both may span lines. '|' or '>' (block context only) start
//    a block scalar: the header line, then every line that is empty or
//    indented at least the content indentation (detected from the first
//    non-empty line, at least one more than the enclosing block collection).
//  - A plain scalar starts at any other token start. In flow context it ends
//    at one of , ? [ ] { }, at ':' before a blank, break, end or , ] }, at a
//    comment, or at a document marker; it may span lines. In block context
//    brackets are plain text: it ends at ': ', at a comment, or at a line
//    break when the next non-empty line is indented less than one more than
//    the enclosing block collection (the continuation rule).
//  - Anchors, aliases and tags are skipped by their name characters.
// So a bracket counts only where yaml-cpp's scanner starts a flow
// collection, and every closer yaml-cpp sees is counted: the depth here is
// the scanner's flow level, a lower bound of the nesting the tree builder
// counts (block collections and the single-pair mappings of `[a: b]` come on
// top), so a document within the limit is never rejected. The block
// indentation stack follows yaml-cpp's (PushIndentTo, PopIndentToHere) for
// '- ', '? ' and keys ended by ': ' on their line; it matters only for where
// block and multi-line plain scalars end. Where yaml-cpp would throw (an
// unclosed quote, a tab in indentation, a character that starts no token,
// a document marker inside a quoted scalar) the scan stops without a
// finding: yaml-cpp stops at the same place with its own error, holding at
// most the levels counted so far.

namespace pacta::yaml_scan {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

class NestingScan {
 public:
  NestingScan(std::string_view text, std::size_t from, int max_depth)
      : t_(text), pos_(from), line_start_(from), max_depth_(max_depth) {}

  std::optional<std::size_t> run() {
    while (!stopped_) {
      skip_to_next_token();
      if (pos_ >= t_.size()) break;
      if (depth_ == 0) pop_indents();
      if (std::optional<std::size_t> found = token()) return found;
    }
    return std::nullopt;
  }

 private:
  struct Indent {
    long column;
    bool sequence;
  };

  // One token at pos_; the offset of the opener that goes too deep, if any.
  std::optional<std::size_t> token() {
    const char c = t_[pos_];
    const bool block = depth_ == 0;
    if (column() == 0 && c == '%') return skip_line();
    if (at_document_marker()) return document_marker();
    if (c == '[' || c == '{') {
      note_key();
      if (++depth_ > max_depth_) return pos_;
      return indicator(true, false);
    }
    if (c == ']' || c == '}') {
      if (depth_ > 0) --depth_;
      return indicator(false, true);
    }
    if (c == ',') return indicator(true, false);
    if (c == '-' && blank_break_or_end(pos_ + 1)) {
      if (!block) return stop();  // yaml-cpp: BLOCK_ENTRY in flow
      push_indent(column(), true);
      return indicator(true, false);
    }
    if (c == '?' && blank_or_break(pos_ + 1)) {
      if (block) push_indent(column(), false);
      return indicator(block, false);
    }
    if (c == ':' && at_value()) return value();
    if (c == '*' || c == '&') return skip_anchor();
    if (c == '!') return skip_tag();
    if (block && (c == '|' || c == '>')) return block_scalar();
    if (c == '"' || c == '\'') return quoted(c);
    if (!starts_plain()) return stop();
    note_key();
    json_ = false;
    key_allowed_ = false;
    if (block) return plain_in_block();
    return plain_in_flow();
  }

  // --- characters and lines

  bool at_break(std::size_t p) const {
    return p < t_.size() &&
           (t_[p] == '\n' || (t_[p] == '\r' && p + 1 < t_.size() && t_[p + 1] == '\n'));
  }
  bool blank_or_break(std::size_t p) const {
    return p < t_.size() && (is_blank(t_[p]) || at_break(p));
  }
  bool blank_break_or_end(std::size_t p) const { return p >= t_.size() || blank_or_break(p); }
  long column() const { return static_cast<long>(pos_ - line_start_); }
  void eat_break() {
    pos_ += t_[pos_] == '\r' ? 2 : 1;
    line_start_ = pos_;
  }
  bool at_document_marker() const {
    if (column() != 0) return false;
    const std::string_view three = t_.substr(pos_, 3);
    return (three == "---" || three == "...") && blank_break_or_end(pos_ + 3);
  }
  std::optional<std::size_t> stop() {
    stopped_ = true;
    return std::nullopt;
  }
  std::optional<std::size_t> skip_line() {
    while (pos_ < t_.size() && !at_break(pos_)) ++pos_;
    return std::nullopt;
  }

  void skip_to_next_token() {
    while (pos_ < t_.size()) {
      while (pos_ < t_.size() && is_blank(t_[pos_])) ++pos_;
      if (pos_ < t_.size() && t_[pos_] == '#') skip_line();
      if (!at_break(pos_)) return;
      eat_break();
      key_column_ = -1;  // a simple key ends with its line
      if (depth_ == 0) key_allowed_ = true;
    }
  }

  // --- block indentation, as yaml-cpp's PushIndentTo / PopIndentToHere

  void pop_indents() {
    const bool entry = t_[pos_] == '-' && blank_break_or_end(pos_ + 1);
    while (indents_.size() > 1) {
      const Indent& top = indents_.back();
      if (top.column < column()) break;
      if (top.column == column() && !(top.sequence && !entry)) break;
      indents_.pop_back();
    }
  }
  void push_indent(long col, bool sequence) {
    const Indent& top = indents_.back();
    if (col < top.column) return;
    if (col == top.column && !(sequence && !top.sequence)) return;
    indents_.push_back({col, sequence});
  }
  long top_indent() const { return indents_.back().column; }

  // The first token after a line start, '- ', '? ' or ': ' may be a key.
  void note_key() {
    if (depth_ == 0 && key_allowed_ && key_column_ < 0) key_column_ = column();
  }

  // --- indicators

  std::optional<std::size_t> indicator(bool key_allowed, bool json) {
    ++pos_;
    key_allowed_ = key_allowed;
    json_ = json;
    return std::nullopt;
  }
  bool at_value() const {
    if (depth_ == 0) return blank_break_or_end(pos_ + 1);
    if (json_ || blank_break_or_end(pos_ + 1)) return true;
    return std::string_view(",]}").find(t_[pos_ + 1]) != std::string_view::npos;
  }
  std::optional<std::size_t> value() {
    if (depth_ == 0) push_indent(key_column_ >= 0 ? key_column_ : column(), false);
    key_column_ = -1;
    return indicator(depth_ == 0, false);
  }
  std::optional<std::size_t> document_marker() {
    pos_ += 3;
    if (depth_ == 0) indents_.resize(1);
    key_allowed_ = false;
    key_column_ = -1;
    json_ = false;
    return std::nullopt;
  }

  // --- anchors, aliases, tags

  std::optional<std::size_t> skip_anchor() {
    note_key();
    ++pos_;
    while (pos_ < t_.size() && !blank_or_break(pos_) &&
           std::string_view("[]{},").find(t_[pos_]) == std::string_view::npos) {
      ++pos_;
    }
    key_allowed_ = false;
    json_ = false;
    return std::nullopt;
  }
  std::optional<std::size_t> skip_tag() {
    note_key();
    ++pos_;
    if (pos_ < t_.size() && t_[pos_] == '<') {
      while (pos_ < t_.size() && t_[pos_] != '>' && !at_break(pos_)) ++pos_;
      if (pos_ < t_.size() && t_[pos_] == '>') ++pos_;
    } else {
      constexpr std::string_view kTagChars = "-#;/?:@&=+$_.~*'()!%";
      while (pos_ < t_.size() && (std::isalnum(static_cast<unsigned char>(t_[pos_])) ||
                                  kTagChars.find(t_[pos_]) != std::string_view::npos)) {
        ++pos_;
      }
    }
    key_allowed_ = false;
    json_ = false;
    return std::nullopt;
  }

  // --- scalars

  std::optional<std::size_t> quoted(char quote) {
    note_key();
    ++pos_;
    while (true) {
      if (pos_ >= t_.size()) return stop();  // unclosed: yaml-cpp's EOF_IN_SCALAR
      if (at_break(pos_)) {
        eat_break();
        if (at_document_marker()) return stop();  // yaml-cpp's DOC_IN_SCALAR
        continue;
      }
      const char c = t_[pos_];
      if (quote == '"' && c == '\\') {
        pos_ += at_break(pos_ + 1) ? 1 : 2;  // an escaped break is still a line break
        continue;
      }
      if (c == quote) {
        if (quote == '\'' && pos_ + 1 < t_.size() && t_[pos_ + 1] == '\'') {
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      ++pos_;
    }
    pos_ = std::min(pos_, t_.size());
    key_allowed_ = false;
    json_ = true;
    return std::nullopt;
  }

  bool starts_plain() const {
    const char c = t_[pos_];
    if (c == '%' || c == '@' || c == '`') return false;
    if (depth_ == 0) {
      return !(std::string_view("-?:").find(c) != std::string_view::npos &&
               blank_break_or_end(pos_ + 1));
    }
    if (c == '|' || c == '>' || c == '?') return false;
    return !((c == '-' || c == ':') && (pos_ + 1 >= t_.size() || is_blank(t_[pos_ + 1])));
  }

  std::optional<std::size_t> plain_in_flow() {
    constexpr std::string_view kEnds = ",?[]{}";
    while (pos_ < t_.size()) {
      const char c = t_[pos_];
      if (kEnds.find(c) != std::string_view::npos) break;
      if (c == ':' && (blank_break_or_end(pos_ + 1) ||
                       std::string_view(",]}").find(t_[pos_ + 1]) != std::string_view::npos)) {
        break;
      }
      if (at_break(pos_)) {
        eat_break();
        if (at_document_marker()) break;
      } else if (!is_blank(c)) {
        ++pos_;
        continue;
      } else {
        ++pos_;
      }
      if (pos_ < t_.size() && t_[pos_] == '#') break;  // a comment after a blank or break
    }
    return std::nullopt;
  }

  std::optional<std::size_t> plain_in_block() {
    const long indent = top_indent() + 1;
    while (pos_ < t_.size()) {
      const char c = t_[pos_];
      if (c == ':' && blank_break_or_end(pos_ + 1)) break;
      if (is_blank(c)) {
        ++pos_;
        if (pos_ < t_.size() && t_[pos_] == '#') break;
        continue;
      }
      if (!at_break(pos_)) {
        ++pos_;
        continue;
      }
      if (!continues_on_next_line(indent)) break;
    }
    return std::nullopt;
  }

  // At a line break inside a block plain scalar: moves to the next line's
  // content and returns true when the scalar goes on there; otherwise leaves
  // pos_ at the break for the token loop.
  bool continues_on_next_line(long indent) {
    const std::size_t at = pos_, at_line = line_start_;
    while (at_break(pos_)) {
      eat_break();
      while (pos_ < t_.size() && t_[pos_] == ' ') ++pos_;
      if (pos_ < t_.size() && t_[pos_] == '\t' && column() < indent) {
        stop();  // yaml-cpp: tab in indentation
        return false;
      }
      while (pos_ < t_.size() && is_blank(t_[pos_])) ++pos_;
    }
    const bool goes_on =
        pos_ < t_.size() && t_[pos_] != '#' && column() >= indent && !at_document_marker();
    if (!goes_on) {
      pos_ = at;
      line_start_ = at_line;
    }
    return goes_on;
  }

  std::optional<std::size_t> block_scalar();

  std::string_view t_;
  std::size_t pos_;
  std::size_t line_start_;
  int max_depth_;
  int depth_ = 0;
  bool stopped_ = false;
  std::vector<Indent> indents_{{-1, false}};
  bool key_allowed_ = true;
  long key_column_ = -1;  // block context: where a potential key on this line starts
  bool json_ = false;     // after a quoted scalar or a flow end, ':' is a value in flow
};

// '|' or '>' at pos_: the header, then the content lines (yaml-cpp's
// ScanBlockScalar and ScanScalar with detectIndent).
std::optional<std::size_t> NestingScan::block_scalar() {
  ++pos_;
  long indent = 1;
  bool detect = true;
  while (pos_ < t_.size() &&
         (t_[pos_] == '+' || t_[pos_] == '-' || (t_[pos_] >= '0' && t_[pos_] <= '9'))) {
    if (t_[pos_] == '0') return stop();
    if (t_[pos_] != '+' && t_[pos_] != '-') {
      indent = t_[pos_] - '0';
      detect = false;
    }
    ++pos_;
  }
  while (pos_ < t_.size() && is_blank(t_[pos_])) ++pos_;
  if (pos_ < t_.size() && t_[pos_] == '#') skip_line();
  if (pos_ < t_.size() && !at_break(pos_)) return stop();  // yaml-cpp: CHAR_IN_BLOCK
  if (top_indent() >= 0) indent += top_indent();
  bool found_content = false;
  while (at_break(pos_)) {
    const std::size_t at = pos_, at_line = line_start_;
    eat_break();
    while (pos_ < t_.size() && t_[pos_] == ' ' &&
           (column() < indent || (detect && !found_content))) {
      ++pos_;
    }
    if (detect && !found_content) indent = std::max(indent, column());
    if (pos_ < t_.size() && t_[pos_] == '\t' && column() < indent) return stop();
    if (pos_ >= t_.size() || at_break(pos_)) continue;
    if (column() < indent) {
      pos_ = at;
      line_start_ = at_line;
      break;
    }
    found_content = true;
    skip_line();
  }
  key_allowed_ = true;
  json_ = false;
  return std::nullopt;
}

}  // namespace

std::optional<std::size_t> first_too_deep(std::string_view text, std::size_t from, int max_depth) {
  return NestingScan(text, from, std::max(max_depth, 0)).run();
}

}  // namespace pacta::yaml_scan
