#include "grammar/yaml/fast_reader.hpp"

#include <memory>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace pacta::yaml_fast {

namespace {

// Thrown where the text leaves the subset; caught in read().
struct GiveUp {};

bool is_null_word(std::string_view v) {
  return v == "~" || v == "null" || v == "Null" || v == "NULL";
}

// Bytes that may stand in a plain scalar or key of the subset (printable
// ASCII and spaces; ':' never, so no value is a nested mapping).
bool is_plain_byte(char c) { return c >= ' ' && c <= '~' && c != ':'; }

// Bytes that may not start a plain scalar: YAML's indicators.
bool is_indicator(char c) {
  switch (c) {
    case '-':
    case '?':
    case ':':
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
    case '&':
    case '*':
    case '!':
    case '|':
    case '>':
    case '\'':
    case '"':
    case '%':
    case '@':
    case '`':
    case '.':
    case ' ':
      return true;
    default:
      return false;
  }
}

bool is_flow_end(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

class Reader {
 public:
  Reader(std::string_view text, std::size_t base, const Limits& limits, YamlDocument& doc)
      : t_(text), pos_(base), line_start_(base), limits_(limits), doc_(doc) {}

  void document() {
    skip_to_content();
    if (pos_ >= t_.size()) throw GiveUp{};  // empty: yaml-cpp's answer is the reference
    doc_.root = block_node(-1);
    skip_to_content();
    if (pos_ < t_.size()) throw GiveUp{};
  }

 private:
  char at(std::size_t p) const { return p < t_.size() ? t_[p] : '\n'; }
  int column(std::size_t p) const { return static_cast<int>(p - line_start_); }
  bool ends_line(std::size_t p) const { return p >= t_.size() || t_[p] == '\n'; }

  // Past spaces, comments and line breaks to the next content byte (or the end).
  void skip_to_content() {
    while (pos_ < t_.size()) {
      const char c = t_[pos_];
      if (c == ' ') {
        ++pos_;
      } else if (c == '\n') {
        line_start_ = ++pos_;
      } else if (c == '#' && (pos_ == line_start_ || t_[pos_ - 1] == ' ')) {
        skip_comment();
      } else if (c == '\t' || c == '\r') {
        throw GiveUp{};
      } else {
        return;
      }
    }
  }
  void skip_comment() {
    while (pos_ < t_.size() && t_[pos_] != '\n') {
      if (t_[pos_] == '\r') throw GiveUp{};
      ++pos_;
    }
  }
  // After a value: spaces and maybe a comment, then the end of the line.
  void end_line() {
    while (pos_ < t_.size() && t_[pos_] == ' ') ++pos_;
    if (pos_ < t_.size() && t_[pos_] == '#' && t_[pos_ - 1] == ' ') skip_comment();
    if (!ends_line(pos_)) throw GiveUp{};
  }
  void skip_spaces() {
    while (pos_ < t_.size() && t_[pos_] == ' ') ++pos_;
  }

  YamlNode& make(YamlNode::Kind kind, std::size_t offset) {
    if (doc_.nodes.size() >= limits_.max_yaml_nodes) throw GiveUp{};
    YamlNode& node = doc_.nodes.make();
    node.kind = kind;
    node.offset = offset;
    node.content_offset = offset;
    return node;
  }
  YamlNode& open(YamlNode::Kind kind, std::size_t offset) {
    if (depth_ >= limits_.max_yaml_depth) throw GiveUp{};
    ++depth_;
    return make(kind, offset);
  }

  bool is_entry(std::size_t p) const {
    return at(p) == '-' && (at(p + 1) == ' ' || ends_line(p + 1));
  }
  // The end of the plain key starting at `p` (its ':'), or npos.
  std::size_t key_end(std::size_t p) const {
    if (is_indicator(at(p))) return std::string_view::npos;
    std::size_t q = p;
    while (q < t_.size() && is_plain_byte(t_[q]) && !is_flow_end(t_[q]) && t_[q] != '#' &&
           t_[q] != '\'' && t_[q] != '"') {
      ++q;
    }
    // (YAML bounds an implicit key to 1024 characters.)
    if (at(q) != ':' || t_[q - 1] == ' ' || q - p > 1000 ||
        !(at(q + 1) == ' ' || ends_line(q + 1))) {
      return std::string_view::npos;
    }
    return q;
  }

  const YamlNode* block_node(int parent_column) {
    skip_to_content();
    if (pos_ >= t_.size() || column(pos_) <= parent_column) throw GiveUp{};  // empty, indentless
    if (is_entry(pos_)) return block_sequence(column(pos_));
    if (key_end(pos_) != std::string_view::npos) return block_map(column(pos_));
    throw GiveUp{};
  }

  // A value after `key:` or `- `: on this line, or the block on the next lines.
  const YamlNode* value_after(int parent_column) {
    skip_spaces();
    if (ends_line(pos_) || t_[pos_] == '#') return block_node(parent_column);
    if (is_entry(pos_)) throw GiveUp{};  // `- - a`
    if (parent_column >= 0 && key_end(pos_) != std::string_view::npos) {
      // `- key: value`: a mapping whose keys line up with this one
      if (t_[line_start_ + static_cast<std::size_t>(parent_column)] != '-') throw GiveUp{};
      return block_map(column(pos_));
    }
    const YamlNode* v = inline_value(false);
    end_line();
    return v;
  }

  // Whether the next content is at `col` (another entry), or ends the block.
  bool next_at(int col) {
    skip_to_content();
    if (pos_ >= t_.size() || column(pos_) < col) return false;
    if (column(pos_) > col) throw GiveUp{};  // a continuation line, or bad indentation
    return true;
  }

  const YamlNode* block_map(int col) {
    YamlNode& map = open(YamlNode::Kind::Map, pos_);
    Keys keys;
    do {
      const std::size_t end = key_end(pos_);
      if (end == std::string_view::npos) throw GiveUp{};
      const YamlNode* key = scalar(pos_, end, true);
      keys.add(key->value);
      pos_ = end + 1;
      map.entries.emplace_back(key, value_after(col));
    } while (next_at(col));
    --depth_;
    return &map;
  }

  const YamlNode* block_sequence(int col) {
    YamlNode& seq = open(YamlNode::Kind::Sequence, pos_);
    do {
      if (!is_entry(pos_)) throw GiveUp{};
      ++pos_;
      seq.items.push_back(value_after(col));
    } while (next_at(col));
    --depth_;
    return &seq;
  }

  const YamlNode* inline_value(bool flow) {
    const char c = at(pos_);
    if (c == '[') return flow_sequence();
    if (c == '{') return flow_map();
    if (c == '\'' || c == '"') return quoted(c);
    const std::size_t begin = pos_;
    if (is_indicator(c)) throw GiveUp{};
    while (!ends_line(pos_)) {
      const char d = t_[pos_];
      if (d == ' ' && at(pos_ + 1) == '#') break;
      if (flow && is_flow_end(d)) break;
      if (flow && d == '?') throw GiveUp{};  // yaml-cpp ends a flow scalar there
      if (!is_plain_byte(d)) throw GiveUp{};
      ++pos_;
    }
    std::size_t end = pos_;
    while (end > begin && t_[end - 1] == ' ') --end;
    return scalar(begin, end, false);
  }

  // A plain scalar [begin, end): a Null node when it is a null word.
  const YamlNode* scalar(std::size_t begin, std::size_t end, bool is_key) {
    const std::string_view v = t_.substr(begin, end - begin);
    if (is_null_word(v)) {
      if (is_key) throw GiveUp{};
      return &make(YamlNode::Kind::Null, begin);
    }
    YamlNode& node = make(YamlNode::Kind::Scalar, begin);
    node.value = v;
    return &node;
  }

  const YamlNode* quoted(char quote) {
    const std::size_t begin = pos_;
    std::size_t q = pos_ + 1;
    while (q < t_.size() && t_[q] != quote) {
      const char d = t_[q];
      if (d < ' ' || d > '~' || d == '\\') throw GiveUp{};  // breaks, escapes, non-ASCII
      ++q;
    }
    if (q >= t_.size() || at(q + 1) == quote) throw GiveUp{};  // unclosed, or '' inside
    YamlNode& node = make(YamlNode::Kind::Scalar, begin);
    node.value = t_.substr(begin + 1, q - begin - 1);
    node.style = quote == '\'' ? YamlNode::Style::SingleQuoted : YamlNode::Style::DoubleQuoted;
    node.content_offset = begin + 1;
    pos_ = q + 1;
    return &node;
  }

  // Inside [ ] or { }: spaces only (the subset's flow collections are one line).
  void flow_spaces() {
    skip_spaces();
    if (ends_line(pos_)) throw GiveUp{};
  }
  // After an item: true at ',' (another follows), false at `close`.
  bool flow_next(char close) {
    flow_spaces();
    if (t_[pos_] == close) {
      ++pos_;
      return false;
    }
    if (t_[pos_] != ',') throw GiveUp{};
    ++pos_;
    flow_spaces();
    if (t_[pos_] == close) throw GiveUp{};  // a trailing comma
    return true;
  }

  const YamlNode* flow_sequence() {
    YamlNode& seq = open(YamlNode::Kind::Sequence, pos_);
    ++pos_;
    flow_spaces();
    if (t_[pos_] == ']') {
      ++pos_;
    } else {
      do {
        seq.items.push_back(inline_value(true));
      } while (flow_next(']'));
    }
    --depth_;
    return &seq;
  }

  const YamlNode* flow_map() {
    YamlNode& map = open(YamlNode::Kind::Map, pos_);
    ++pos_;
    flow_spaces();
    Keys keys;
    if (t_[pos_] == '}') {
      ++pos_;
    } else {
      do {
        const std::size_t end = key_end(pos_);
        if (end == std::string_view::npos || at(end + 1) != ' ') throw GiveUp{};
        if (t_.substr(pos_, end - pos_).find('?') != std::string_view::npos) throw GiveUp{};
        const YamlNode* key = scalar(pos_, end, true);
        keys.add(key->value);
        pos_ = end + 1;
        flow_spaces();
        map.entries.emplace_back(key, inline_value(true));
      } while (flow_next('}'));
    }
    --depth_;
    return &map;
  }

  // The keys of one mapping: a duplicate leaves the subset (yaml-cpp's
  // builder reports it). Linear for small mappings, hashed past 16 keys.
  class Keys {
   public:
    void add(std::string_view key) {
      if (set_.empty()) {
        for (const auto& k : small_) {
          if (k == key) throw GiveUp{};
        }
        small_.push_back(key);
        if (small_.size() <= 16) return;
        set_.insert(small_.begin(), small_.end());
        return;
      }
      if (!set_.insert(key).second) throw GiveUp{};
    }

   private:
    std::vector<std::string_view> small_;
    std::unordered_set<std::string_view> set_;
  };

  std::string_view t_;
  std::size_t pos_;
  std::size_t line_start_;
  const Limits& limits_;
  YamlDocument& doc_;
  int depth_ = 0;
};

}  // namespace

namespace {

// Rule files have lines of at most a few hundred KB (the party list of
// the peers' 100,000-clause contract: 175 KB); a longer line (a flow list
// of a million values, say) is left to yaml-cpp. Both readers are linear,
// but yaml-cpp costs ten times as much: were some such lines read here and
// longer ones there, the cost of a file would jump at the bound instead of
// growing with its size. Lines this long are where that jump would show
// (tests/resource, dense-flow-list: one line of 512 KiB to 16 MiB, past the
// node limit from 8 MiB, where the reader gives up and yaml-cpp reads the
// file again), so they all take the same reader.
constexpr std::size_t kLongestLine = std::size_t{1} << 18;

bool has_long_line(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end - start > kLongestLine) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::optional<YamlDocument> read(std::string_view text, std::size_t base, const Limits& limits) {
  if (has_long_line(text)) return std::nullopt;
  YamlDocument doc;
  try {
    Reader(text, base, limits, doc).document();
  } catch (const GiveUp&) {
    return std::nullopt;
  }
  return doc;
}

}  // namespace pacta::yaml_fast
