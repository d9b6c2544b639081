#pragma once
// One line of `ask --batch` (docs/cli.md, "Batch questions"): the JSON
// object read into views of its fields. Every view points into the line or
// into the parser's string buffer, so it is valid until the next line is
// parsed. simdjson stays in batch_line.cpp.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/codes.hpp"
#include "grammar/limits.hpp"

namespace pacta::cli {

// A string field: its decoded text, and where its raw token (the opening
// quote) is in the line; `escaped` when the raw text has a `\` escape, so
// that offsets into `text` map back to the line through raw_offset().
struct BatchString {
  std::string_view text;
  std::string_view raw;  // the token between its quotes
  std::size_t offset = 0;
  bool escaped = false;
};

// One `assume` entry: the fact's name and a JSON bool, number or string.
struct BatchAssumption {
  enum class Kind { Bool, Number, String };
  BatchString name;
  Kind kind = Kind::Bool;
  bool b = false;
  std::string_view text;  // Number: the raw JSON number; String: the decoded string
  std::size_t value_offset = 0;
  BatchString string;  // Kind::String
};

struct BatchQuestion {
  std::string_view id;  // raw JSON text of `id`; empty: no `id`
  bool has_ask = false, has_on = false, has_as_agreed_on = false, has_contract = false;
  BatchString ask, on, contract;
  BatchString as_agreed_on;  // text empty and as_agreed_on_null: `null`
  bool as_agreed_on_null = false;
  std::vector<BatchAssumption> assume;  // capacity reused from line to line
};

// Every field but `assume` as before a line is read.
inline void reset_fields(BatchQuestion& q) {
  q.id = {};
  q.has_ask = q.has_on = q.has_as_agreed_on = q.has_contract = q.as_agreed_on_null = false;
  q.as_agreed_on = {};
}

// A line that cannot be answered: the code, the words, and the byte offset
// in the line of the offending character.
struct LineError {
  Code code{};
  std::string message, help;
  std::size_t offset = 0;
};

// Parses lines one at a time with a reused simdjson on-demand parser.
class BatchLineParser {
 public:
  explicit BatchLineParser(const Limits& limits);
  ~BatchLineParser();
  BatchLineParser(const BatchLineParser&) = delete;
  BatchLineParser& operator=(const BatchLineParser&) = delete;

  // `line` without its line break; `capacity` bytes from line.data() are
  // readable (at least line.size() + simdjson's padding). False and `error`
  // set when the line is not a batch question object (`q.id` is kept when
  // it was read before the error).
  // A line of the common shape is read by parse_simple_line(); any other,
  // and every error, by simdjson's on-demand API.
  bool parse(std::string_view line, std::size_t capacity, BatchQuestion& q, LineError& error);
  // The same with simdjson only (the tests compare the two).
  bool parse_on_demand(std::string_view line, std::size_t capacity, BatchQuestion& q,
                       LineError& error);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True and `q` filled as BatchLineParser::parse() fills it when `line` is
// a well-formed question in a strict subset of JSON (ASCII, no escapes,
// every key known and given once, `ask` and `on` present); false when it
// is anything else, and then `q` is partly filled. `q` is taken as the
// last line left it (its `assume` elements are written over).
bool parse_simple_line(std::string_view line, BatchQuestion& q);

// The shape of the last line the scan read: its bytes outside the values
// (braces, keys, white space, the names of `assume` entries) and which
// value comes where. A line of the same shape is read by comparing those
// bytes and scanning only its values (the lines of one file mostly share
// a shape), with the result parse_simple_line() gives.
class BatchLineShape {
 public:
  // parse_simple_line(), through the shape when the line has it; the shape
  // is learnt from a line that takes the full scan.
  bool parse(std::string_view line, BatchQuestion& q);

  // Where the scan found a value: for an `assume` entry (key -1), also
  // where its name's quote is and how long the name is.
  struct Value {
    int key = 0;
    std::size_t from = 0, to = 0, name_at = 0, name_size = 0;
  };

 private:
  struct Slot {
    int key = 0;                             // -1: an `assume` entry
    std::size_t literal = 0, size = 0;       // the bytes before the value, in bytes_
    std::size_t name_at = 0, name_size = 0;  // an entry's name quote, from the literal's start
  };
  bool read(std::string_view line, BatchQuestion& q) const;
  void learn(std::string_view line);

  std::string bytes_;          // the literals, one after the other
  std::vector<Slot> slots_;    // empty: no shape yet
  std::size_t tail_ = 0;       // the bytes after the last value: bytes_ from tail_
  std::vector<Value> values_;  // filled by the scan
};

// The bytes simdjson reads past a line's end (SIMDJSON_PADDING).
std::size_t batch_padding();
// The offset in the raw (escaped) text of byte `decoded` of its decoded
// text; the raw text is valid JSON string content.
std::size_t raw_offset(std::string_view raw, std::size_t decoded);
// 1-based column of byte `offset` of `line`, in code points.
std::size_t column_of(std::string_view line, std::size_t offset);

}  // namespace pacta::cli
