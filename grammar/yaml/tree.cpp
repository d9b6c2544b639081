#include "grammar/yaml/tree.hpp"

#include <fmt/format.h>
#include <yaml-cpp/anchor.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <limits>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include "grammar/utf8.hpp"
#include "grammar/yaml/fast_reader.hpp"
#include "grammar/yaml/nesting_scan.hpp"
#include "grammar/yaml/scalar_text.hpp"

namespace pacta {

namespace {

using yaml_text::align_scalar;
using yaml_text::Alignment;
using yaml_text::break_length;
using yaml_text::classify_scalar;
using yaml_text::ends_token;
using yaml_text::find_tag;
using yaml_text::is_blank;
using yaml_text::is_written_null;
using yaml_text::skip_blank_lines;

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

// Whether a '(' is open on the line before `pos` (`permit: sell(by: a)`).
bool in_open_parenthesis(std::string_view text, std::size_t pos) {
  int open = 0;
  for (std::size_t i = std::min(pos, text.size()); i > 0 && text[i - 1] != '\n'; --i) {
    if (text[i - 1] == ')') --open;
    if (text[i - 1] == '(') ++open;
  }
  return open > 0;
}

// ---------------------------------------------------------------------------
// The tree builder: one YamlNode per event.

// A key as quoted in a one-line message: line breaks and tabs become
// spaces, and a long key is cut (on a character boundary) with an ellipsis.
std::string shown_key(std::string_view key) {
  constexpr std::size_t kMaxBytes = 60;
  std::string out;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (!utf8::is_continuation(key[i]) && out.size() >= kMaxBytes) return out + "…";
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

// The text of the file up to the end of the segment `base` is in: a YAML
// document is one file of a source that holds several (a contract and its
// --with amendments files), its offsets those of the whole.
std::string_view segment_text(const SourceFile& file, std::size_t base) {
  return file.text().substr(0, file.segment_at(base).end);
}

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const SourceFile& file, std::size_t base, const Limits& limits, Diagnostics& diags,
              YamlDocument& doc)
      : file_(file),
        text_(segment_text(file, base)),
        base_(base),
        limits_(limits),
        diags_(diags),
        doc_(doc) {}

  bool found_errors() const { return found_errors_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ == 1) return;
    const std::size_t at = offset_of(mark);
    if (text_.substr(at, 3) == "---" || text_.substr(at, 1) == "%") {
      diags_.error(file_, at, Code::E104, "only one YAML document per file",
                   "remove this '---' document or move it to a file of its own");
    } else {
      // yaml-cpp starts a new document at content that cannot continue the
      // first one, e.g. a mapping after a top-level list.
      diags_.error(file_, at, Code::E104, "unexpected content after the end of the document",
                   "check the indentation of this line");
    }
    throw StopParsing{};
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode& node = make(YamlNode::Kind::Null, mark);
    check_tag(node.offset);
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
    check_tag(node.offset);
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
      diags_.error(file_, at, Code::E104, "alias to an anchor that is not defined",
                   "define the anchor with '&name' before using '*name'");
      throw StopParsing{};
    }
    const AnchorSlot& slot = anchors_[anchor];
    if (!slot.complete) {
      diags_.error(file_, at, Code::E106,
                   fmt::format("alias '{}' repeats a node that contains it", alias_name(at)),
                   "an alias cannot refer to its own enclosing node");
      throw StopParsing{};
    }
    count_alias(slot.expanded, at);
    doc_.has_aliases = true;
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

  // A node of the tree. Their number is bounded because a node costs about
  // 160 bytes while `1,` or `-\n` is two: without the bound, a file within
  // max_file_bytes could need more than 1 GiB (docs/limits.md).
  YamlNode& make(YamlNode::Kind kind, const YAML::Mark& mark) {
    if (doc_.nodes.size() >= limits_.max_yaml_nodes) {
      diags_.error(file_, offset_of(mark), Code::E106,
                   fmt::format("more than {} YAML nodes", limits_.max_yaml_nodes),
                   "split the contract into smaller files, or write long lists of values as "
                   "fewer, larger entries");
      throw StopParsing{};
    }
    YamlNode& node = doc_.nodes.make();
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
      diags_.error(file_, offset_of(mark), Code::E106,
                   fmt::format("nesting deeper than {} levels", limits_.max_yaml_depth),
                   "flatten the structure");
      throw StopParsing{};
    }
    YamlNode& node = make(kind, mark);
    check_tag(node.offset);
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
    if (diags_.full()) {  // only counted: build no message (one line may hold 1M duplicates)
      diags_.error(file_, at, Code::E105, {});
      return;
    }
    const std::uint32_t line = file_.line(first->second);
    const std::string shown = shown_key(key.value);
    diags_.error(file_, at, Code::E105, fmt::format("duplicate key '{}'", shown),
                 fmt::format("the first '{}' is on line {}; yaml-cpp would silently keep it — "
                             "remove one",
                             shown, line));
  }

  // A tag (`!!null`, `!!str`, `!custom`) would change how a value is read,
  // and yaml-cpp's events drop it: `[!!null acme]` would silently be the
  // party `acme`. pacta reads every value by the key it belongs to, so a
  // tag is an error (all are reported, like duplicate keys).
  void check_tag(std::size_t at) {
    const auto [begin, end] = find_tag(text_, at);
    if (begin == end || begin == last_tag_) return;  // an empty value marks the next node
    last_tag_ = begin;
    found_errors_ = true;
    diags_.error(file_, begin, Code::E104,
                 fmt::format("YAML tags are not supported: '{}'",
                             shown_key(text_.substr(begin, end - begin))),
                 "remove the tag; pacta reads each value by its key (quote a value to make it "
                 "text)");
  }

  // Every node counts its size with aliases expanded, so total_ is the
  // document's expanded size so far. Only an alias can make it grow faster
  // than the file, so the alias that crosses the limit is the one to blame.
  void count_alias(std::uint64_t bytes, std::size_t at) {
    total_ = saturating_add(total_, bytes);
    if (total_ <= limits_.max_alias_expansion_bytes) return;
    diags_.error(
        file_, at, Code::E106,
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
    diags_.error(file_, node.content_offset - 1, Code::E104, "quoted string is not closed",
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
  std::size_t last_tag_ = std::numeric_limits<std::size_t>::max();  // offset of the last reported
  bool found_errors_ = false;
};

}  // namespace

std::optional<YamlDocument> read_yaml(const SourceFile& file, const Limits& limits,
                                      Diagnostics& diags, std::size_t segment) {
  const std::size_t begin = file.segments().at(segment).begin;
  std::string_view text = segment_text(file, begin);
  // yaml-cpp skips a BOM but then counts positions from after it.
  const std::size_t base =
      begin + (text.substr(begin).starts_with(utf8::kBom) ? utf8::kBom.size() : 0);
  // The plain subset rule files are written in, read without yaml-cpp;
  // anything else (and every error) is yaml-cpp's (fast_reader.hpp). The
  // fast reader nests at most max_yaml_depth collections, so the scan below
  // (a lower bound of the nesting) would have found nothing in what it reads.
  if (auto fast = yaml_fast::read(text, base, limits)) return fast;
  // Before yaml-cpp, which would queue every token of an over-deep flow
  // collection before the builder could count it (see nesting_scan.hpp).
  if (const auto too_deep = yaml_scan::first_too_deep(text, base, limits.max_yaml_depth)) {
    diags.error(file, *too_deep, Code::E106,
                fmt::format("nesting deeper than {} levels", limits.max_yaml_depth),
                "flatten the structure");
    return std::nullopt;
  }
  return yaml_fast::read_with_yaml_cpp(file, base, limits, diags);
}

std::optional<YamlDocument> yaml_fast::read_with_yaml_cpp(const SourceFile& file, std::size_t base,
                                                          const Limits& limits,
                                                          Diagnostics& diags) {
  std::string_view text = segment_text(file, base);
  YamlDocument doc;
  TreeBuilder builder(file, base, limits, diags, doc);
  auto error_at = [&](const YAML::Mark& mark, std::string message, std::string help) {
    if (mark.is_null() || mark.pos < 0) {
      diags.error(file.path_at(base), Code::E104, std::move(message), std::move(help));
    } else {
      diags.error(file, base + static_cast<std::size_t>(mark.pos), Code::E104, std::move(message),
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
        file, at, Code::E106,
        fmt::format("nesting deeper than {} levels", std::min(limits.max_yaml_depth, e.depth())),
        "flatten the structure");
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    Explained explained = explain_parser_error(e.msg);
    if (e.msg == YAML::ErrorMsg::MAP_VALUE && e.mark.pos >= 0 &&
        in_open_parenthesis(text, base + static_cast<std::size_t>(e.mark.pos))) {
      explained.help =
          "in an action pattern, a named argument is written param=value, e.g. sell(by=acme); "
          "any other value containing ': ' must be quoted";
    }
    error_at(e.mark, std::move(explained.message), std::move(explained.help));
    return std::nullopt;
  } catch (const std::exception& e) {
    diags.error(file.path_at(base), Code::E104, fmt::format("cannot read the YAML: {}", e.what()));
    return std::nullopt;
  } catch (...) {
    diags.error(file.path_at(base), Code::E104, "cannot read the YAML");
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

const YamlEntry* find_entry(const YamlNode& map, std::string_view key) {
  auto is_key = [key](const YamlEntry& e) {
    return e.first->kind == YamlNode::Kind::Scalar && e.first->value == key;
  };
  const auto it = std::find_if(map.entries.begin(), map.entries.end(), is_key);
  return it == map.entries.end() ? nullptr : &*it;
}

std::vector<std::size_t> scalar_offsets(const SourceFile& file, const YamlNode& node) {
  if (node.kind != YamlNode::Kind::Scalar) {
    return std::vector<std::size_t>(node.value.size() + 1, node.offset);
  }
  // A one-line scalar written as its value (no escape, quote or break
  // inside): byte i is at content_offset + i, as align_scalar would find.
  const std::string_view text = file.text();
  const std::string& v = node.value;
  if (node.style != YamlNode::Style::Literal && node.style != YamlNode::Style::Folded &&
      v.find_first_of("\n\r'\"\\") == std::string::npos &&
      text.substr(std::min(node.content_offset, text.size()), v.size()) == v) {
    std::vector<std::size_t> map(v.size() + 1);
    for (std::size_t i = 0; i < map.size(); ++i) map[i] = node.content_offset + i;
    return map;
  }
  return align_scalar(text, node).map;
}

}  // namespace pacta
