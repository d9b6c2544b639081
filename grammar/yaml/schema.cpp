#include "grammar/yaml/schema.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "grammar/expr/keywords.hpp"
#include "grammar/expr/parse.hpp"
#include "grammar/identifier.hpp"
#include "grammar/suggest.hpp"

namespace pacta {

std::string shown_scalar(std::string_view value) {
  if (value.find_first_of("\n\r\t") == std::string_view::npos) return std::string(value);
  std::string out;
  for (char c : value) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// Help for a scalar written as a block (`key: |`): its value keeps the
// line break, which is rarely what was meant for a word or a number.
std::string block_scalar_help(std::string_view value) {
  if (value.find('\n') == std::string_view::npos) return {};
  return "a block scalar (`|` or `>`) keeps its line break; write the value on the key's line";
}

// The word a null node is written as (`null`, `Null`, `NULL`, `~`), or
// empty for an empty value.
std::string_view written_null(std::string_view text, const YamlNode& node) {
  const std::size_t at = node.offset;
  if (at < text.size() && text[at] == '~') return text.substr(at, 1);
  const std::string_view word = text.substr(at, 4);
  if (word == "null" || word == "Null" || word == "NULL") return word;
  return {};
}

}  // namespace

const char* describe_kind(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::Null:
      return "nothing";
    case YamlNode::Kind::Scalar:
      return "a single value";
    case YamlNode::Kind::Sequence:
      return "a list";
    case YamlNode::Kind::Map:
      return "a mapping";
  }
  return "a value";
}

bool YamlReader::expect_map(const YamlNode& node, std::string_view what) {
  if (node.kind == YamlNode::Kind::Map) return true;
  error(node.offset, Code::E201,
        fmt::format("{} must be a mapping (key: value), found {}", what, describe_kind(node)),
        "write one `key: value` per line, indented under it");
  return false;
}

bool YamlReader::expect_sequence(const YamlNode& node, std::string_view what) {
  if (node.kind == YamlNode::Kind::Sequence) return true;
  error(node.offset, Code::E201,
        fmt::format("{} must be a list, found {}", what, describe_kind(node)),
        "write a list as `[a, b]` or as lines starting with `- `");
  return false;
}

bool YamlReader::expect_scalar(const YamlNode& node, std::string_view what) {
  if (node.kind == YamlNode::Kind::Scalar) return true;
  error(node.offset, Code::E201,
        fmt::format("{} must be a single value, found {}", what, describe_kind(node)));
  return false;
}

bool YamlReader::check_keys(const YamlNode& map, std::string_view what,
                            std::initializer_list<std::string_view> allowed,
                            std::initializer_list<std::string_view> required) {
  for (const auto& [k, v] : map.entries) {
    if (k->kind != YamlNode::Kind::Scalar) {
      error(k->offset, Code::E201, fmt::format("keys of {} must be plain words", what));
      continue;
    }
    bool known = false;
    for (auto a : allowed) known = known || k->value == a;
    if (known) continue;
    const std::vector<std::string> names(allowed.begin(), allowed.end());  // only on an error
    std::string help = did_you_mean(k->value, names);
    if (help.empty()) help = fmt::format("allowed keys: {}", fmt::join(names, ", "));
    error(k->offset, Code::E202,
          fmt::format("unknown key '{}' in {}", shown_scalar(k->value), what), help);
  }
  bool complete = true;
  for (auto r : required) {
    if (find_entry(map, r) == nullptr) {
      error(map.offset, Code::E203, fmt::format("{} is missing the required key '{}'", what, r));
      complete = false;
    }
  }
  return complete;
}

namespace {

// Parses a scalar with `parse` and shifts the tree's spans into the file.
// An error at the end of the text ("expected an expression after 'and'")
// points just after its last character, not at a line break after it.
template <class T, class Parse>
std::optional<T> parse_scalar(YamlReader& reader, const YamlNode& node, Parse parse) {
  ParseResult<T> result = parse(node.value, reader.limits());
  std::vector<std::size_t> map = scalar_offsets(reader.file(), node);
  if (result.value) {
    remap_spans(*result.value, map);
    return std::move(result.value);
  }
  std::size_t end = node.value.find_last_not_of(" \t\r\n");
  end = end == std::string::npos ? 0 : end + 1;
  for (const auto& e : result.errors) {
    std::size_t index = std::min(e.offset, end);
    reader.error(index < map.size() ? map[index] : map.back(), e.code, e.message, e.help);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Expr> YamlReader::expression(const YamlNode& node, std::string_view what) {
  if (!expect_scalar(node, what)) return std::nullopt;
  return parse_scalar<Expr>(*this, node, parse_expression);
}

std::optional<ActionPattern> YamlReader::action_pattern(const YamlNode& node,
                                                        std::string_view what) {
  if (!expect_scalar(node, what)) return std::nullopt;
  return parse_scalar<ActionPattern>(*this, node, parse_action_pattern);
}

std::optional<std::string> YamlReader::identifier(const YamlNode& node, std::string_view what) {
  // `[null, ...]` in a list of names: YAML reads the word as nothing.
  const std::string_view null_word = written_null(file_.text(), node);
  if (node.kind == YamlNode::Kind::Null && !null_word.empty()) {
    error(node.offset, Code::E201,
          fmt::format("{} must be a name, but YAML reads '{}' as nothing (null)", what, null_word),
          fmt::format("to use the word as a name, quote it: '{}'", null_word));
    return std::nullopt;
  }
  if (!expect_scalar(node, what)) return std::nullopt;
  if (is_identifier(node.value)) return node.value;
  if (is_keyword(node.value)) {
    error(node.content_offset, Code::E205,
          fmt::format("'{}' is a keyword and cannot name {}", node.value, what),
          node.value == "true" || node.value == "false"
              ? "true and false are the values of bool, quoted or not: for a yes/no choice "
                "use the type bool, or choose other names, e.g. '" +
                    node.value + "_'"
              : "choose another name, e.g. '" + node.value + "_'");
  } else {
    error(node.content_offset, Code::E205,
          fmt::format("'{}' is not a valid name for {}", shown_scalar(node.value), what),
          block_scalar_help(node.value).empty()
              ? "a name starts with a letter or '_' and has only letters, digits and '_'"
              : block_scalar_help(node.value));
  }
  return std::nullopt;
}

std::optional<std::string> YamlReader::clause_id(const YamlNode& node, std::string_view what) {
  if (!expect_scalar(node, what)) return std::nullopt;
  const std::string& id = node.value;
  if (is_clause_id(id)) return id;
  error(node.content_offset, Code::E205,
        fmt::format("'{}' is not a valid id for {}", shown_scalar(id), what),
        block_scalar_help(id).empty()
            ? "an id starts with a letter or digit and has only letters, digits, '_', '.' and '-'"
            : block_scalar_help(id));
  return std::nullopt;
}

std::optional<std::string> YamlReader::choice(const YamlNode& node, std::string_view what,
                                              std::vector<std::string> names, std::string help) {
  if (!expect_scalar(node, what)) return std::nullopt;
  if (std::find(names.begin(), names.end(), node.value) != names.end()) return node.value;
  if (!block_scalar_help(node.value).empty()) help = block_scalar_help(node.value);
  if (help.empty()) help = did_you_mean(node.value, names);
  if (help.empty()) help = fmt::format("use one of: {}", fmt::join(names, ", "));
  error(node.content_offset, Code::E204,
        fmt::format("'{}' is not a valid {}", shown_scalar(node.value), what), help);
  return std::nullopt;
}

std::optional<std::string> YamlReader::text(const YamlNode& node, std::string_view what) {
  if (!expect_scalar(node, what)) return std::nullopt;
  return node.value;
}

}  // namespace pacta
