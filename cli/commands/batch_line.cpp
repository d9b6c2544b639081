// One batch line read with simdjson's on-demand API: the fields are visited
// once, in the order written, so duplicate and unknown keys are found on the
// way and nothing but the line is read.
#include "cli/commands/batch_line.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <array>
#include <utility>

#include "grammar/suggest.hpp"
#include "grammar/utf8.hpp"

namespace pacta::cli {

namespace od = simdjson::ondemand;

namespace {

constexpr std::array<std::string_view, 6> kKeys = {"id",     "ask",          "on",
                                                   "assume", "as_agreed_on", "contract"};
// An `id` nested deeper is refused: it is echoed, not read.
constexpr int kMaxIdDepth = 64;

std::size_t offset_in(std::string_view line, const char* at) {
  if (at < line.data() || at > line.data() + line.size()) return 0;
  return static_cast<std::size_t>(at - line.data());
}

std::string_view trim_json_space(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// Words for simdjson's errors (its own are about its API).
std::string syntax_words(simdjson::error_code e) {
  switch (e) {
    case simdjson::UNCLOSED_STRING:
      return "a string is not closed";
    case simdjson::UNESCAPED_CHARS:
      return "a string holds a raw control character (write it as \\uXXXX)";
    case simdjson::STRING_ERROR:
      return "a string has an invalid escape";
    case simdjson::NUMBER_ERROR:
      return "a number is not valid JSON";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
      return "an unquoted word that is not true, false or null";
    case simdjson::EMPTY:
      return "the line holds no JSON value";
    case simdjson::DEPTH_ERROR:
      return "it is nested too deeply";
    case simdjson::TRAILING_CONTENT:
      return "text follows the object";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      return "an object or array is not closed, or text follows the object";
    default:
      return "its structure is broken (a missing or extra bracket, comma, colon or quote)";
  }
}

// The first NUL byte or invalid UTF-8 sequence of the line, which simdjson
// reports without a place; nullopt if there is none.
bool find_bad_byte(std::string_view line, LineError& error) {
  for (std::size_t i = 0; i < line.size();) {
    if (line[i] == '\0') {
      error = {Code::E609, "the line holds a NUL byte",
               "a batch line is UTF-8 JSON text; write a NUL inside a string as \\u0000", i};
      return true;
    }
    const auto d = utf8::decode(line, i);
    if (d.problem != utf8::Problem::None) {
      error = {Code::E609, "the line is not valid UTF-8",
               "write the questions in UTF-8 (convert the file, e.g. with iconv)", i};
      return true;
    }
    i += d.length;
  }
  return false;
}

std::string type_name(od::json_type t) {
  switch (t) {
    case od::json_type::array:
      return "an array";
    case od::json_type::object:
      return "an object";
    case od::json_type::number:
      return "a number";
    case od::json_type::string:
      return "a string";
    case od::json_type::boolean:
      return "a boolean";
    case od::json_type::null:
      return "null";
  }
  return "a value";
}

simdjson::error_code check_value(od::value v, int depth);

// What checking a value and a whole line share: an array's items walked,
// a scalar read once (`t` is neither an object nor null: callers' own).
// `V` is od::value or od::document, whose accessors are spelled alike.
template <class V>
simdjson::error_code check_array_or_scalar(V& v, od::json_type t, int depth) {
  switch (t) {
    case od::json_type::array: {
      od::array a;
      if (auto e = v.get_array().get(a)) return e;
      for (auto element : a) {
        od::value item;
        if (auto e = element.get(item)) return e;
        if (auto e = check_value(item, depth + 1)) return e;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::string: {
      std::string_view s;
      return v.get_string().get(s);
    }
    case od::json_type::number: {
      double d = 0;
      return v.get_double().get(d);
    }
    case od::json_type::boolean: {
      bool b = false;
      return v.get_bool().get(b);
    }
    default:
      return simdjson::INCORRECT_TYPE;
  }
}

// Walks one value so that all of it is checked as JSON (on-demand checks
// only what it is asked for).
simdjson::error_code check_value(od::value v, int depth) {
  od::json_type t{};
  if (auto e = v.type().get(t)) return e;
  if (depth > kMaxIdDepth) return simdjson::DEPTH_ERROR;
  switch (t) {
    case od::json_type::object: {
      od::object o;
      if (auto e = v.get_object().get(o)) return e;
      for (auto f : o) {
        od::field field;
        std::string_view key;
        if (auto e = std::move(f).get(field)) return e;
        if (auto e = field.unescaped_key().get(key)) return e;
        if (auto e = check_value(field.value(), depth + 1)) return e;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::null:
      return v.is_null().value_unsafe() ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    default:
      return check_array_or_scalar(v, t, depth);
  }
}

}  // namespace

struct BatchLineParser::Impl {
  explicit Impl(const Limits& l) : limits(l), parser(l.max_batch_line_bytes) {}
  const Limits& limits;
  od::parser parser;
  BatchLineShape shape;
  std::string_view line;
  BatchQuestion* q = nullptr;
  LineError* error = nullptr;
  bool failed = false;  // an error is recorded (the first one is kept)
  bool broken = false;  // JSON syntax: the walk stops
  unsigned seen = 0;    // bit per kKeys entry

  void fail(Code code, std::string message, std::string help, std::size_t offset) {
    if (failed) return;
    failed = true;
    *error = {code, std::move(message), std::move(help), offset};
  }
  // Where text after the line's object starts: past its last `}`.
  const char* after_object() const {
    const std::size_t close = line.rfind('}');
    if (close == std::string_view::npos) return line.data() + line.size();
    const std::size_t from = close + 1;
    const std::size_t text = line.find_first_not_of(" \t", from);
    return line.data() + (text == std::string_view::npos ? line.size() : text);
  }
  void syntax(simdjson::error_code e, const char* at) {
    broken = true;
    LineError bad;
    if (find_bad_byte(line, bad)) {
      failed = false;
      fail(bad.code, bad.message, bad.help, bad.offset);
      return;
    }
    if (e == simdjson::TRAILING_CONTENT || e == simdjson::INCOMPLETE_ARRAY_OR_OBJECT) {
      at = after_object();
    }
    failed = false;
    fail(Code::E609, "the line is not valid JSON: " + syntax_words(e),
         "each line is one JSON object, e.g. {\"id\": 1, \"ask\": \"act(a, b)\", \"on\": "
         "\"2026-01-15\"}",
         offset_in(line, at));
  }
  void wrong_type(std::string_view key, od::value& v, const char* wanted) {
    od::json_type t{};
    const char* at = v.raw_json_token().data();
    if (v.type().get(t)) return syntax(simdjson::TAPE_ERROR, at);
    fail(Code::E609, fmt::format("'{}' must be {}, got {}", key, wanted, type_name(t)), "",
         offset_in(line, at));
  }

  bool read_string(std::string_view key, od::value v, BatchString& out) {
    const std::string_view token = v.raw_json_token();
    if (token.empty() || token[0] != '"') return wrong_type(key, v, "a string"), false;
    if (auto e = v.get_string().get(out.text)) return syntax(e, token.data()), false;
    out.offset = offset_in(line, token.data());
    const std::string_view raw = trim_json_space(token);
    out.raw = raw.size() >= 2 ? raw.substr(1, raw.size() - 2) : std::string_view{};
    out.escaped = out.raw.find('\\') != std::string_view::npos;
    return true;
  }

  void read_id(od::value v) {
    const std::string_view token = v.raw_json_token();
    const char* start = token.data();
    if (!token.empty() && token[0] != '{' && token[0] != '[') {  // a scalar: its token
      if (auto e = check_value(v, 0)) return syntax(e, start);
      q->id = trim_json_space(token);
      return;
    }
    if (auto e = check_value(v, 0)) {
      if (e == simdjson::DEPTH_ERROR) {
        return fail(Code::E609, fmt::format("'id' is nested more than {} levels", kMaxIdDepth),
                    "use a number or a string as the id", offset_in(line, start));
      }
      return syntax(e, start);
    }
    const char* end = line.data() + line.size();
    const char* next = nullptr;
    // The token after the value (`,` or `}`) ends its text.
    auto& doc_iter = *document;
    if (!doc_iter.current_location().get(next) && next >= start && next <= end) end = next;
    q->id = trim_json_space(std::string_view(start, static_cast<std::size_t>(end - start)));
  }

  void read_assumption(od::field& field, std::string_view name, const char* key_at) {
    BatchAssumption a;
    a.name.text = name;
    a.name.offset = offset_in(line, key_at);
    od::value v = field.value();
    const std::string_view token = v.raw_json_token();
    a.value_offset = offset_in(line, token.data());
    od::json_type t = od::json_type::number;
    switch (token.empty() ? ' ' : token[0]) {
      case 't':
      case 'f':
        t = od::json_type::boolean;
        break;
      case '"':
        t = od::json_type::string;
        break;
      case '{':
      case '[':
      case 'n':
        if (auto e = v.type().get(t)) return syntax(e, token.data());
        break;
      default:
        break;
    }
    switch (t) {
      case od::json_type::boolean:
        a.kind = BatchAssumption::Kind::Bool;
        if (auto e = v.get_bool().get(a.b)) return syntax(e, token.data());
        break;
      case od::json_type::number: {
        a.kind = BatchAssumption::Kind::Number;
        double d = 0;
        if (auto e = v.get_double().get(d)) return syntax(e, token.data());
        a.text = trim_json_space(token);
        break;
      }
      case od::json_type::string:
        a.kind = BatchAssumption::Kind::String;
        if (!read_string(name, v, a.string)) return;
        a.text = a.string.text;
        break;
      default:
        return fail(
            Code::E609,
            fmt::format("the value of fact '{}' must be a boolean, number or string, got {}", name,
                        type_name(t)),
            "e.g. \"assume\": {\"approved\": true}", a.value_offset);
    }
    q->assume.push_back(a);
  }

  void read_assume(od::value v) {
    const char* at = v.raw_json_token().data();
    od::json_type t{};
    if (auto e = v.type().get(t)) return syntax(e, at);
    if (t != od::json_type::object) return wrong_type("assume", v, "an object of fact values");
    od::object o;
    if (auto e = v.get_object().get(o)) return syntax(e, at);
    for (auto f : o) {
      od::field field;
      std::string_view name;
      const char* key_at = nullptr;
      if (auto e = std::move(f).get(field)) return syntax(e, at);
      if (!key_of(field, name, key_at)) return;
      read_assumption(field, name, key_at);
      if (broken) return;
    }
  }

  void read_as_agreed_on(od::value v) {
    q->has_as_agreed_on = true;
    const char* at = v.raw_json_token().data();
    od::json_type t{};
    if (auto e = v.type().get(t)) return syntax(e, at);
    if (t == od::json_type::null) {
      if (!v.is_null().value_unsafe()) return syntax(simdjson::N_ATOM_ERROR, at);
      q->as_agreed_on_null = true;
      q->as_agreed_on.offset = offset_in(line, at);
      return;
    }
    if (t != od::json_type::string) return wrong_type("as_agreed_on", v, "a date string or null");
    read_string("as_agreed_on", v, q->as_agreed_on);
  }

  void unknown_key(std::string_view key, std::size_t offset) {
    const std::vector<std::string> keys(kKeys.begin(), kKeys.end());
    std::string help = did_you_mean(key, keys);
    if (help.empty()) help = fmt::format("the keys are: {}", fmt::join(kKeys, ", "));
    fail(Code::E609, fmt::format("unknown key '{}'", key), help, offset);
  }

  // A key without escapes is read in place; one with escapes is decoded.
  bool key_of(od::field& field, std::string_view& key, const char*& key_at) {
    const char* raw = field.key().raw();
    key_at = raw - 1;
    const char* end = line.data() + line.size();
    for (const char* p = raw; p < end; ++p) {
      if (*p == '"') return key = std::string_view(raw, static_cast<std::size_t>(p - raw)), true;
      if (*p == '\\') break;
    }
    if (auto e = field.unescaped_key().get(key)) return syntax(e, key_at), false;
    return true;
  }

  void read_field(od::field& field) {
    std::string_view key;
    const char* key_at = nullptr;
    if (!key_of(field, key, key_at)) return;
    std::size_t k = 0;
    while (k < kKeys.size() && kKeys[k] != key) ++k;
    if (k == kKeys.size()) return unknown_key(key, offset_in(line, key_at));
    if ((seen & (1u << k)) != 0) {
      return fail(Code::E609, fmt::format("duplicate key '{}'", key), "give each key once per line",
                  offset_in(line, key_at));
    }
    seen |= 1u << k;
    od::value v = field.value();
    switch (k) {
      case 0:
        return read_id(v);
      case 1:
        q->has_ask = read_string(key, v, q->ask);
        return;
      case 2:
        q->has_on = read_string(key, v, q->on);
        return;
      case 3:
        return read_assume(v);
      case 4:
        return read_as_agreed_on(v);
      default:
        q->has_contract = read_string(key, v, q->contract);
        return;
    }
  }

  // A line that is a JSON value but not an object, checked whole (on-demand
  // takes `nope` for null until asked for it).
  simdjson::error_code check_root(od::document& doc, od::json_type t) {
    if (t != od::json_type::null) return check_array_or_scalar(doc, t, 0);
    bool null = false;
    if (auto e = doc.is_null().get(null)) return e;
    return null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
  }

  void read_object(od::document& doc) {
    od::json_type t{};
    if (auto e = doc.type().get(t)) return syntax(e, line.data());
    if (t != od::json_type::object) {
      if (auto e = check_root(doc, t)) return syntax(e, line.data());
      return fail(Code::E609, fmt::format("a batch line is a JSON object, got {}", type_name(t)),
                  "e.g. {\"id\": 1, \"ask\": \"act(a, b)\", \"on\": \"2026-01-15\"}", 0);
    }
    od::object o;
    if (auto e = doc.get_object().get(o)) return syntax(e, line.data());
    for (auto f : o) {
      od::field field;
      if (auto e = std::move(f).get(field)) return syntax(e, current());
      read_field(field);
      if (broken) return;
    }
    // Past the object's `}` there is nothing but white space.
    const char* after = nullptr;
    if (!doc.current_location().get(after)) syntax(simdjson::TAPE_ERROR, after);
  }

  const char* current() {
    const char* at = nullptr;
    if (document->current_location().get(at)) return line.data() + line.size();
    return at;
  }

  void missing_keys() {
    if (!q->has_ask && (seen & 2u) == 0) {
      fail(Code::E609, "the line has no 'ask'",
           "add the instance asked about, e.g. \"ask\": \"sell_models(openai, aws)\"", 0);
    }
    if (!q->has_on && (seen & 4u) == 0) {
      fail(Code::E609, "the line has no 'on'",
           "add the date asked about, e.g. \"on\": \"2026-01-15\"", 0);
    }
  }

  od::document* document = nullptr;
};

BatchLineParser::BatchLineParser(const Limits& limits) : impl_(std::make_unique<Impl>(limits)) {}
BatchLineParser::~BatchLineParser() = default;

namespace {

void reset(BatchQuestion& q) {
  reset_fields(q);
  q.assume.clear();
}

}  // namespace

bool BatchLineParser::parse(std::string_view line, std::size_t capacity, BatchQuestion& q,
                            LineError& error) {
  if (line.size() <= impl_->limits.max_batch_line_bytes) {
    reset_fields(q);
    if (impl_->shape.parse(line, q)) return true;
  }
  return parse_on_demand(line, capacity, q, error);
}

bool BatchLineParser::parse_on_demand(std::string_view line, std::size_t capacity, BatchQuestion& q,
                                      LineError& error) {
  Impl& m = *impl_;
  reset(q);
  m.line = line;
  m.q = &q;
  m.error = &error;
  m.failed = m.broken = false;
  m.seen = 0;
  if (line.size() > m.limits.max_batch_line_bytes) {
    m.fail(Code::E609,
           fmt::format("the line is longer than {} bytes", m.limits.max_batch_line_bytes),
           "split the question, or shorten its id", 0);
    return false;
  }
  od::document doc;
  if (auto e = m.parser.iterate(line.data(), line.size(), capacity).get(doc)) {
    m.syntax(e, line.data());
    return false;
  }
  m.document = &doc;
  m.read_object(doc);
  if (!m.broken) m.missing_keys();
  return !m.failed;
}

std::size_t batch_padding() { return simdjson::SIMDJSON_PADDING; }

std::size_t raw_offset(std::string_view raw, std::size_t decoded) {
  std::size_t i = 0, d = 0;
  auto hex = [&](std::size_t at) {
    unsigned v = 0;
    for (std::size_t k = at; k < at + 4 && k < raw.size(); ++k) {
      const char c = raw[k];
      v = v * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
  };
  while (d < decoded && i < raw.size()) {
    if (raw[i] != '\\' || i + 1 >= raw.size()) {
      ++i, ++d;
    } else if (raw[i + 1] != 'u') {
      i += 2, ++d;
    } else {
      const unsigned code = hex(i + 2);
      if (code >= 0xD800 && code < 0xDC00 && i + 7 < raw.size() && raw[i + 6] == '\\') {
        i += 12, d += 4;  // a surrogate pair: one 4-byte character
      } else {
        i += 6, d += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
      }
    }
  }
  return i;
}

std::size_t column_of(std::string_view line, std::size_t offset) {
  return utf8::count_code_points(line.substr(0, std::min(offset, line.size()))) + 1;
}

}  // namespace pacta::cli
