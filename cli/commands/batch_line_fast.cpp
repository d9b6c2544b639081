// The common batch line read without simdjson: a scan of a strict subset of
// JSON (ASCII text, no escapes, the known keys once each, `id` a number,
// string or literal, numbers without exponents), which gives the same
// fields the on-demand walk gives. Whatever is outside the subset, valid or
// not, is left to the on-demand walk, which also words every error.
#include <cstdint>
#include <cstring>

#include "cli/commands/batch_line.hpp"

namespace pacta::cli {

namespace {

// A key against a word of its size, as a constant-size compare.
template <std::size_t N>
bool is(std::string_view k, const char (&word)[N]) {
  return std::memcmp(k.data(), word, N - 1) == 0;  // k.size() is N - 1
}

// The index of a key in "id", "ask", "on", "assume", "as_agreed_on",
// "contract" (BatchLineParser's order); -1 for another.
int key_index(std::string_view k) {
  switch (k.size()) {
    case 2:
      return is(k, "id") ? 0 : is(k, "on") ? 2 : -1;
    case 3:
      return is(k, "ask") ? 1 : -1;
    case 6:
      return is(k, "assume") ? 3 : -1;
    case 8:
      return is(k, "contract") ? 5 : -1;
    case 12:
      return is(k, "as_agreed_on") ? 4 : -1;
    default:
      return -1;
  }
}

// Digits of a number's integer and fraction parts read here; longer ones go
// to simdjson (whose double parsing decides whether they are valid).
constexpr std::size_t kMaxDigits = 17;

constexpr std::uint64_t kOnes = 0x0101010101010101u;
constexpr std::uint64_t kHighs = 0x8080808080808080u;

// The high bit of the bytes of `v` that are '"', '\\', below 0x20 or
// above 0x7F; past the lowest such byte, bits may be set spuriously (the
// borrow of the subtraction), so only the lowest one counts.
std::uint64_t special_bytes(std::uint64_t v) {
  const auto zero = [](std::uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  const std::uint64_t low = (v - kOnes * 0x20) & ~v & kHighs;
  return low | (v & kHighs) | zero(v ^ (kOnes * '"')) | zero(v ^ (kOnes * '\\'));
}

// JSON white space, tested as one compare for the bytes above ' '.
bool is_space(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b <= ' ' && ((std::uint64_t{1} << b) & 0x100002600u) != 0;
}

std::uint64_t load8(const char* p) {
  std::uint64_t v = 0;
  std::memcpy(&v, p, 8);
  return v;
}

std::uint32_t load4(const char* p) {
  std::uint32_t v = 0;
  std::memcpy(&v, p, 4);
  return v;
}

struct Scan {
  const char* begin;
  const char* p;
  const char* end;
  std::vector<BatchLineShape::Value>* values = nullptr;  // where the values are, when set

  // The `n` bytes at `w` next, compared a word at a time (the sizes are
  // those of the shape, the same from line to line, so the loop predicts).
  bool literal(const char* w, std::size_t n) {
    if (static_cast<std::size_t>(end - p) < n) return false;
    std::uint64_t diff = 0;
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 < n; i += 8) diff |= load8(p + i) ^ load8(w + i);
      diff |= load8(p + n - 8) ^ load8(w + n - 8);
    } else if (n >= 4) {
      diff = (load4(p) ^ load4(w)) | (load4(p + n - 4) ^ load4(w + n - 4));
    } else {
      for (std::size_t i = 0; i < n; ++i) diff |= static_cast<unsigned char>(p[i] ^ w[i]);
    }
    p += n;
    return diff == 0;
  }

  void skip_space() {
    while (p < end && is_space(*p)) ++p;
  }
  bool at(char c) const { return p < end && *p == c; }
  std::size_t offset(const char* at) const { return static_cast<std::size_t>(at - begin); }

  // A string at `p` (its opening quote) of printable ASCII without `\`.
  bool string(std::string_view& text) {
    const char* from = ++p;
    while (end - p >= 8) {  // eight bytes at a time
      std::uint64_t v = 0;
      std::memcpy(&v, p, 8);
      if (const std::uint64_t stop = special_bytes(v)) {
        p += __builtin_ctzll(stop) / 8;
        break;
      }
      p += 8;
    }
    while (p < end) {
      const auto c = static_cast<unsigned char>(*p);
      if (c == '"') {
        text = std::string_view(from, static_cast<std::size_t>(p - from));
        ++p;
        return true;
      }
      if (c < 0x20 || c >= 0x80 || c == '\\') return false;
      ++p;
    }
    return false;
  }
  bool digits(std::size_t max) {
    const char* from = p;
    while (p < end && *p >= '0' && *p <= '9') ++p;
    return p > from && static_cast<std::size_t>(p - from) <= max;
  }
  // -?(0|[1-9][0-9]*)(.[0-9]+)? with few digits; the raw text.
  bool number(std::string_view& text) {
    const char* from = p;
    if (at('-')) ++p;
    if (at('0')) {
      ++p;
    } else if (!digits(kMaxDigits)) {
      return false;
    }
    if (at('.')) {
      ++p;
      if (!digits(kMaxDigits)) return false;
    }
    text = std::string_view(from, static_cast<std::size_t>(p - from));
    return p == end || is_space(*p) || *p == ',' || *p == '}';
  }
  template <std::size_t N>
  bool word(const char (&w)[N]) {
    if (static_cast<std::size_t>(end - p) < N - 1 || std::memcmp(p, w, N - 1) != 0) return false;
    p += N - 1;
    return p == end || is_space(*p) || *p == ',' || *p == '}';
  }
  // A string field's value.
  // (Stored from registers: copying s.text into s.raw would load what was
  // just stored, at a cost of a stalled store forwarding.)
  bool field(BatchString& s) {
    if (!at('"')) return false;
    const std::size_t quote = offset(p);
    std::string_view text;
    if (!string(text)) return false;
    s.text = text;
    s.raw = text;
    s.offset = quote;
    s.escaped = false;
    return true;
  }
  // `id`: a number, a string or a literal, echoed as written.
  bool id(std::string_view& raw) {
    const char* from = p;
    bool ok = false;
    if (at('"')) {
      std::string_view text;
      ok = string(text);
    } else if (at('t')) {
      ok = word("true");
    } else if (at('f')) {
      ok = word("false");
    } else if (at('n')) {
      ok = word("null");
    } else {
      std::string_view text;
      ok = number(text);
    }
    raw = std::string_view(from, static_cast<std::size_t>(p - from));
    return ok;
  }
  // One `assume` value into `a`, every field but the name set.
  bool assumption(BatchAssumption& a) {
    a.value_offset = offset(p);
    a.b = false;
    a.text = {};
    a.string = {};
    using Kind = BatchAssumption::Kind;
    if (at('t') || at('f')) {
      a.kind = Kind::Bool;
      a.b = *p == 't';
      return a.b ? word("true") : word("false");
    }
    if (at('"')) {
      a.kind = Kind::String;
      const std::size_t quote = offset(p);
      std::string_view text;
      if (!string(text)) return false;
      a.string = {text, text, quote, false};
      a.text = text;
      return true;
    }
    a.kind = Kind::Number;
    return number(a.text);
  }
  // The entries are written over the elements `out` holds from the line
  // before, so that an entry costs no value-initialised element (a `rep
  // stos` of its 112 bytes).
  bool assume(std::vector<BatchAssumption>& out) {
    if (!at('{')) return false;
    ++p;
    skip_space();
    std::size_t n = 0;
    if (at('}')) return ++p, out.clear(), true;
    while (true) {
      if (!at('"')) return false;
      const std::size_t quote = offset(p);
      std::string_view name;
      if (!string(name)) return false;
      skip_space();
      if (!at(':')) return false;
      ++p;
      skip_space();
      if (n == out.size()) out.emplace_back();
      BatchAssumption& a = out[n++];
      a.name = {name, {}, quote, false};
      const std::size_t from = offset(p);
      if (!assumption(a)) return false;
      if (values != nullptr) values->push_back({-1, from, offset(p), quote, name.size()});
      skip_space();
      if (at('}')) return ++p, out.resize(n), true;
      if (!at(',')) return false;
      ++p;
      skip_space();
    }
  }
  bool as_agreed_on(BatchQuestion& q) {
    q.has_as_agreed_on = true;
    if (!at('n')) return field(q.as_agreed_on);
    q.as_agreed_on_null = true;
    q.as_agreed_on.offset = offset(p);
    return word("null");
  }
  bool value(int key, BatchQuestion& q) {
    switch (key) {
      case 0:
        return id(q.id);
      case 1:
        return q.has_ask = field(q.ask);
      case 2:
        return q.has_on = field(q.on);
      case 3:
        return assume(q.assume);
      case 4:
        return as_agreed_on(q);
      default:
        return q.has_contract = field(q.contract);
    }
  }
};

// The full scan; where the values are into `values` when it is set.
bool scan_line(std::string_view line, BatchQuestion& q,
               std::vector<BatchLineShape::Value>* values) {
  Scan s{line.data(), line.data(), line.data() + line.size(), values};
  s.skip_space();
  if (!s.at('{')) return false;
  ++s.p;
  unsigned seen = 0;
  while (true) {
    s.skip_space();
    std::string_view key;
    if (!s.at('"') || !s.string(key)) return false;
    const int k = key_index(key);
    if (k < 0 || (seen & (1u << k)) != 0) return false;
    seen |= 1u << k;
    s.skip_space();
    if (!s.at(':')) return false;
    ++s.p;
    s.skip_space();
    const std::size_t from = s.offset(s.p);
    if (!s.value(k, q)) return false;
    if (values != nullptr && k != 3) values->push_back({k, from, s.offset(s.p), 0, 0});
    s.skip_space();
    if (s.at('}')) break;
    if (!s.at(',')) return false;
    ++s.p;
  }
  ++s.p;
  s.skip_space();
  if ((seen & (1u << 3)) == 0) q.assume.clear();
  return s.p == s.end && q.has_ask && q.has_on;
}

}  // namespace

bool parse_simple_line(std::string_view line, BatchQuestion& q) {
  return scan_line(line, q, nullptr);
}

bool BatchLineShape::parse(std::string_view line, BatchQuestion& q) {
  if (read(line, q)) return true;
  reset_fields(q);  // what a read that failed half-way set
  values_.clear();
  if (!scan_line(line, q, &values_)) return false;
  learn(line);
  return true;
}

bool BatchLineShape::read(std::string_view line, BatchQuestion& q) const {
  if (slots_.empty()) return false;
  Scan s{line.data(), line.data(), line.data() + line.size()};
  std::size_t n = 0;  // `assume` entries
  for (const Slot& slot : slots_) {
    const std::size_t start = s.offset(s.p);
    if (!s.literal(bytes_.data() + slot.literal, slot.size)) return false;
    if (slot.key >= 0) {
      if (!s.value(slot.key, q)) return false;
      continue;
    }
    if (n == q.assume.size()) q.assume.emplace_back();
    BatchAssumption& a = q.assume[n++];
    const std::size_t quote = start + slot.name_at;
    a.name = {line.substr(quote + 1, slot.name_size), {}, quote, false};
    if (!s.assumption(a)) return false;
  }
  if (!s.literal(bytes_.data() + tail_, bytes_.size() - tail_) || s.p != s.end) return false;
  q.assume.resize(n);
  return true;
}

void BatchLineShape::learn(std::string_view line) {
  bytes_.clear();
  slots_.clear();
  std::size_t prev = 0;
  for (const Value& v : values_) {
    Slot slot{v.key, bytes_.size(), v.from - prev, 0, 0};
    if (v.key < 0) slot.name_at = v.name_at - prev, slot.name_size = v.name_size;
    bytes_.append(line.substr(prev, v.from - prev));
    slots_.push_back(slot);
    prev = v.to;
  }
  tail_ = bytes_.size();
  bytes_.append(line.substr(prev));
}

}  // namespace pacta::cli
