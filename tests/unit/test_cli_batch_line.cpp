// The batch line scan (cli/commands/batch_line_fast.cpp) against simdjson's
// on-demand walk: for random lines near the question shape (spaces, key
// orders, escapes, non-ASCII, numbers, literals, truncations, byte
// mutations), whenever the scan takes a line, the walk takes it too and
// reads the same fields at the same offsets; the common lines take the scan.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "cli/commands/batch_line.hpp"

namespace {

using namespace pacta;
using namespace pacta::cli;

void same_string(const BatchString& a, const BatchString& b) {
  CHECK(a.text == b.text);
  CHECK(a.raw == b.raw);
  CHECK(a.offset == b.offset);
  CHECK(a.escaped == b.escaped);
}

void same_question(const BatchQuestion& a, const BatchQuestion& b) {
  CHECK(a.id == b.id);
  CHECK(a.has_ask == b.has_ask);
  CHECK(a.has_on == b.has_on);
  CHECK(a.has_as_agreed_on == b.has_as_agreed_on);
  CHECK(a.has_contract == b.has_contract);
  CHECK(a.as_agreed_on_null == b.as_agreed_on_null);
  // (A field the line does not give keeps what an earlier line left.)
  if (a.has_ask) same_string(a.ask, b.ask);
  if (a.has_on) same_string(a.on, b.on);
  if (a.has_contract) same_string(a.contract, b.contract);
  same_string(a.as_agreed_on, b.as_agreed_on);
  REQUIRE(a.assume.size() == b.assume.size());
  for (std::size_t i = 0; i < a.assume.size(); ++i) {
    const BatchAssumption &x = a.assume[i], &y = b.assume[i];
    same_string(x.name, y.name);
    CHECK(x.kind == y.kind);
    CHECK(x.b == y.b);
    CHECK(x.text == y.text);
    CHECK(x.value_offset == y.value_offset);
    same_string(x.string, y.string);
  }
}

template <class T>
const T& pick(std::mt19937& rng, const std::vector<T>& from) {
  return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
}

std::string space(std::mt19937& rng) {
  static const std::vector<std::string> spaces = {"", "", "", "", " ", "  ", "\t", "\r", " \t "};
  return pick(rng, spaces);
}

std::string scalar(std::mt19937& rng) {
  static const std::vector<std::string> clean = {
      "0", "7", "-0", "12", "-3.25", "true", "false", "null", "\"\"", "\"a b\"", "\"2026-01-15\""};
  if (std::uniform_int_distribution<int>(0, 1)(rng) == 0) return pick(rng, clean);
  static const std::vector<std::string> values = {"0",
                                                  "7",
                                                  "-0",
                                                  "12",
                                                  "-3.25",
                                                  "01",
                                                  "1.",
                                                  ".5",
                                                  "1e3",
                                                  "1E-2",
                                                  "-",
                                                  "2.5e+1",
                                                  "true",
                                                  "false",
                                                  "null",
                                                  "nul",
                                                  "truex",
                                                  "tru",
                                                  "\"\"",
                                                  "\"a\"",
                                                  "\"a b\"",
                                                  "\"\\n\"",
                                                  "\"\\u00e9\"",
                                                  "\"caf\xC3\xA9\"",
                                                  "\"\x01\"",
                                                  "\"a",
                                                  "{}",
                                                  "[]",
                                                  "[1,2]",
                                                  "{\"a\":1}",
                                                  "123456789012345678",
                                                  "12345678901234567",
                                                  "0.12345678901234567",
                                                  "1234567890123456789012345",
                                                  "1e400",
                                                  "\"\xFF\"",
                                                  "\"x\\\"y\"",
                                                  "\"\\/\""};
  return pick(rng, values);
}

std::string text_value(std::mt19937& rng) {
  static const std::vector<std::string> values = {
      "\"act(a, b)\"",
      "\"pay_revenue_share(who=microsoft, payee=oracle)\"",
      "\"host_models(who=openai, provider=azure)\"",
      "\"2026-01-15\"",
      "\"rules/microsoft-openai.yaml\"",
      "\"a\\u0062c\"",
      "\"tab\\there\"",
      "\"\xE2\x82\xAC\"",
      "\"long string with many words to cross eight-byte words\""};
  return std::uniform_int_distribution<int>(0, 11)(rng) == 0 ? scalar(rng) : pick(rng, values);
}

// Two sources: one for the shape (keys, order, white space, names), one
// for the values, so that lines of one shape with other values are made.
struct Gen {
  std::mt19937 shape, values;
};

std::string assume_value(Gen& g) {
  const int n = std::uniform_int_distribution<int>(0, 3)(g.shape);
  std::string out = "{" + space(g.shape);
  for (int i = 0; i < n; ++i) {
    static const std::vector<std::string> names = {"\"agi_declared\"", "\"x\"", "\"\"",
                                                   "\"a\\u0062\"", "\"f\xC3\xA9\""};
    if (i > 0) out += "," + space(g.shape);
    out += pick(g.shape, names) + space(g.shape) + ":" + space(g.shape) +
           (std::uniform_int_distribution<int>(0, 1)(g.values) ? scalar(g.values)
                                                               : text_value(g.values)) +
           space(g.shape);
  }
  return out + "}";
}

std::string field(Gen& g, const std::string& key) {
  std::string value;
  if (key == "\"id\"") {
    value = scalar(g.values);
  } else if (key == "\"assume\"") {
    value =
        std::uniform_int_distribution<int>(0, 7)(g.shape) == 0 ? scalar(g.values) : assume_value(g);
  } else {
    value = text_value(g.values);
  }
  return key + space(g.shape) + ":" + space(g.shape) + value + space(g.shape);
}

std::string random_line(Gen& g) {
  std::mt19937& rng = g.shape;
  static const std::vector<std::string> keys = {
      "\"id\"",       "\"ask\"", "\"on\"", "\"assume\"", "\"as_agreed_on\"",
      "\"contract\"", "\"ask\"", "\"on\"", "\"nope\"",   "\"a\\u0073k\""};
  std::vector<std::string> fields = {"\"id\"", "\"ask\"", "\"on\"", "\"assume\""};
  const int extra = std::uniform_int_distribution<int>(0, 3)(rng) / 2;
  for (int i = 0; i < extra; ++i) fields.push_back(pick(rng, keys));
  std::shuffle(fields.begin(), fields.end(), rng);
  if (std::uniform_int_distribution<int>(0, 3)(rng) == 0) {
    fields.resize(std::uniform_int_distribution<std::size_t>(1, fields.size())(rng));
  }
  std::string line = space(rng) + "{" + space(rng);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += "," + space(rng);
    line += field(g, fields[i]);
  }
  line += "}" + space(rng);
  switch (std::uniform_int_distribution<int>(0, 15)(rng)) {
    case 0:  // cut short
      line.resize(std::uniform_int_distribution<std::size_t>(0, line.size())(rng));
      break;
    case 1: {  // one byte changed
      const std::size_t at = std::uniform_int_distribution<std::size_t>(0, line.size() - 1)(rng);
      static const std::vector<char> bytes = {'\0', '"', '\\', ',', ':', '{', '}', 'x', '\x80'};
      line[at] = pick(rng, bytes);
      break;
    }
    case 2:  // text after the object
      line += pick(rng, std::vector<std::string>{"x", "{}", ",", "}"});
      break;
    default:
      break;
  }
  return line;
}

}  // namespace

TEST_CASE("the line scan reads what the on-demand walk reads, whenever it reads a line") {
  Limits limits;
  BatchLineParser parser(limits);
  BatchLineShape shape;  // kept from line to line, as the parser keeps it
  std::size_t scanned = 0;
  BatchQuestion both, shaped;  // kept too, as the answerer keeps its question
  for (std::uint32_t i = 0; i < 40000; ++i) {
    for (std::uint32_t j = 0; j < 3; ++j) {  // lines of one shape, other values
      Gen g{std::mt19937(i), std::mt19937(1000003 * j + i)};
      const std::string line = random_line(g);
      std::string buffer = line + std::string(batch_padding(), ' ');
      const std::string_view text(buffer.data(), line.size());
      BatchQuestion fast, walked;
      LineError error;
      INFO(line);
      reset_fields(shaped);
      if (shape.parse(text, shaped)) {
        REQUIRE(parser.parse_on_demand(text, buffer.size(), walked, error));
        same_question(shaped, walked);
      }
      if (!parse_simple_line(text, fast)) continue;
      ++scanned;
      REQUIRE(parser.parse_on_demand(text, buffer.size(), walked, error));
      same_question(fast, walked);
      REQUIRE(parser.parse(text, buffer.size(), both, error));
      same_question(both, walked);
    }
  }
  CHECK(scanned > 2000);  // the property is not vacuous
}

TEST_CASE("a line of the last line's shape is read through the shape, other values and all") {
  BatchLineShape shape;
  BatchQuestion q;
  REQUIRE(shape.parse(R"j({"id":1,"ask":"a(x)","on":"2026-01-15","assume":{"f":true}})j", q));
  reset_fields(q);
  const std::string line =
      R"j({"id":"two","ask":"b(y, z)","on":"2026-02-16","assume":{"f":"long text value"}})j";
  REQUIRE(shape.parse(line, q));
  CHECK(q.id == "\"two\"");
  CHECK(q.ask.text == "b(y, z)");
  CHECK(q.ask.offset == line.find("\"b("));
  CHECK(q.on.text == "2026-02-16");
  REQUIRE(q.assume.size() == 1);
  CHECK(q.assume[0].name.text == "f");
  CHECK(q.assume[0].name.offset == line.find("\"f\""));
  CHECK(q.assume[0].kind == BatchAssumption::Kind::String);
  CHECK(q.assume[0].text == "long text value");
  reset_fields(q);  // another shape: a key more, and then fewer entries
  REQUIRE(shape.parse(R"j({"id":3,"ask":"c()","on":"2026-03-17","assume":{},"contract":"k"})j", q));
  CHECK(q.assume.empty());
  CHECK(q.has_contract);
  reset_fields(q);
  CHECK_FALSE(
      shape.parse(R"j({"id":3,"ask":"c()","on":"2026-03-17","assume":{},"contract":"k"}x)j", q));
}

TEST_CASE("the common question lines take the scan") {
  for (
      const char* line :
      {R"j({"id":0,"ask":"pay_revenue_share(who=microsoft, payee=oracle)","on":"2030-01-20","assume":{"agi_declared":true}})j",
       R"j({"id": "q-1", "ask": "act(a, b)", "on": "2026-01-15"})j",
       R"j({"ask":"act(a, b)","on":"2026-01-15","contract":"c.yaml","as_agreed_on":null,"id":-1.5})j",
       R"j( {"on":"today","ask":"x()","assume":{},"as_agreed_on":"2020-02-02"} )j"}) {
    BatchQuestion q;
    INFO(line);
    CHECK(parse_simple_line(line, q));
  }
  for (const char* line : {
           R"j({"id":1,"ask":"a\u0062()","on":"2026-01-15"})j",  // an escape
           R"j({"id":1,"ask":"a()","ask":"b()","on":"2026-01-15"})j",
           R"j({"id":1,"ask":"a()"})j",
           R"j({"id":{"n":1},"ask":"a()","on":"x"})j",
           R"j({"id":1e3,"ask":"a()","on":"x"})j",
           "{\"ask\":\"caf\xC3\xA9\",\"on\":\"x\"}",
       }) {
    BatchQuestion q;
    INFO(line);
    CHECK_FALSE(parse_simple_line(line, q));
  }
}
