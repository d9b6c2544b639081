#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "grammar/yaml/tree.hpp"

using pacta::Code;
using pacta::Diagnostic;
using pacta::Diagnostics;
using pacta::Limits;
using pacta::SourceFile;
using pacta::YamlDocument;
using pacta::YamlNode;
using Kind = YamlNode::Kind;
using Style = YamlNode::Style;
using Offsets = std::vector<std::size_t>;

namespace {

// A file read from memory and parsed; keeps the SourceFile the tree points into.
struct Loaded {
  Diagnostics diags;
  std::optional<SourceFile> file;
  std::optional<YamlDocument> doc;
};

Loaded load(std::string bytes, const Limits& limits = {}) {
  Loaded out;
  out.file = pacta::make_source("test.yaml", std::move(bytes), limits, out.diags);
  if (out.file) out.doc = pacta::read_yaml(*out.file, limits, out.diags);
  return out;
}

// "CODE line:col" per diagnostic ("CODE" alone without a position).
std::vector<std::string> where(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.all()) {
    std::string code(code_name(d.code));
    out.push_back(d.has_position ? code + " " + std::to_string(d.position.line) + ":" +
                                       std::to_string(d.position.column)
                                 : code);
  }
  return out;
}

// Every diagnostic rendered, for failure messages.
std::string rendered(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.all()) out += pacta::render_text(d, false);
  return out;
}

const Diagnostic& only(const Diagnostics& diags) {
  REQUIRE(diags.all().size() == 1);
  return diags.all().front();
}

const YamlNode& value_of(const YamlNode& map, const std::string& key) {
  REQUIRE(map.kind == Kind::Map);
  for (const auto& [k, v] : map.entries) {
    if (k->kind == Kind::Scalar && k->value == key) return *v;
  }
  FAIL("no key " << key);
  throw;  // unreachable
}

// The root map's value for `key`, after a parse that must succeed.
struct Scalar {
  Loaded loaded;
  const YamlNode* node = nullptr;
  Offsets offsets() const { return pacta::scalar_offsets(*loaded.file, *node); }
};

Scalar scalar(std::string text, const std::string& key = "k") {
  Scalar out{load(std::move(text))};
  INFO(rendered(out.loaded.diags));
  REQUIRE(out.loaded.doc);
  REQUIRE(out.loaded.doc->root);
  out.node = &value_of(*out.loaded.doc->root, key);
  REQUIRE(out.node->kind == Kind::Scalar);
  return out;
}

Offsets range(std::size_t from, std::size_t count) {
  Offsets out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(from + i);
  return out;
}

Offsets concat(std::initializer_list<Offsets> parts) {
  Offsets out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("pacta_test_yaml_tree_" + name)).string();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

}  // namespace

// ---------------------------------------------------------------------------
// read_source / make_source: E101, E102, E103

TEST_CASE("E101: a path that cannot be read", "[yaml][source]") {
  Diagnostics diags;
  const std::string missing = temp_path("does_not_exist.yaml");
  std::filesystem::remove(missing);
  CHECK_FALSE(pacta::read_source(missing, Limits{}, diags));
  const Diagnostic& d = only(diags);
  CHECK(d.code == Code::E101);
  CHECK_FALSE(d.has_position);
  CHECK(d.file == missing);
  CHECK_THAT(d.message, Catch::Contains(missing) && Catch::Contains("No such file or directory"));

  Diagnostics dir_diags;
  CHECK_FALSE(
      pacta::read_source(std::filesystem::temp_directory_path().string(), Limits{}, dir_diags));
  CHECK(only(dir_diags).code == Code::E101);
  CHECK_THAT(only(dir_diags).message, Catch::Contains("directory"));
}

TEST_CASE("read_source reads a file", "[yaml][source]") {
  const std::string path = temp_path("ok.yaml");
  write_file(path, "\xEF\xBB\xBFpacta: 1\n");
  Diagnostics diags;
  auto file = pacta::read_source(path, Limits{}, diags);
  REQUIRE(file);
  CHECK(diags.all().empty());
  CHECK(file->path() == path);
  CHECK(file->text() == "pacta: 1\n");  // BOM removed
  std::filesystem::remove(path);
}

TEST_CASE("E102: a file over the size limit", "[yaml][source]") {
  Limits small;
  small.max_file_bytes = 10;
  const std::string path = temp_path("big.yaml");
  write_file(path, std::string(100, 'x'));
  Diagnostics diags;
  CHECK_FALSE(pacta::read_source(path, small, diags));
  const Diagnostic& d = only(diags);
  CHECK(d.code == Code::E102);
  CHECK_FALSE(d.has_position);
  CHECK_THAT(d.message, Catch::Contains("100 bytes") && Catch::Contains("10 bytes"));
  CHECK_THAT(d.help, Catch::Contains("split"));

  // At the limit is fine.
  write_file(path, std::string(10, 'x'));
  Diagnostics fine;
  CHECK(pacta::read_source(path, small, fine));
  CHECK(fine.all().empty());

  // The size is checked before reading: a sparse 1 GiB file is rejected at once.
  std::filesystem::resize_file(path, std::uintmax_t{1} << 30);
  Diagnostics huge;
  CHECK_FALSE(pacta::read_source(path, Limits{}, huge));
  CHECK(only(huge).code == Code::E102);
  CHECK_THAT(only(huge).message,
             Catch::Contains("1073741824 bytes") && Catch::Contains("16777216"));
  std::filesystem::remove(path);

  Diagnostics in_memory;
  CHECK_FALSE(pacta::make_source("m.yaml", std::string(11, 'x'), small, in_memory));
  CHECK(only(in_memory).code == Code::E102);
}

TEST_CASE("E103: UTF-16 and UTF-32 are rejected with a conversion hint", "[yaml][source]") {
  using namespace std::string_literals;
  struct Case {
    std::string bytes;
    std::string encoding;
    std::string iconv;
  };
  const Case cases[] = {
      {"\xFF\xFE"
       "a\0:\0 \0001\0"s,
       "UTF-16", "-f UTF-16 "},                             // LE with BOM
      {"\xFE\xFF\0a\0:\0 \0001"s, "UTF-16", "-f UTF-16 "},  // BE with BOM
      {"a\0:\0 \0001\0"s, "UTF-16", "-f UTF-16LE "},        // LE, no BOM
      {"\0a\0:\0 \0001"s, "UTF-16", "-f UTF-16BE "},        // BE, no BOM
      {"\xFF\xFE\0\0a\0\0\0"s, "UTF-32", "-f UTF-32 "},     // UTF-32 LE BOM
      {"\0\0\xFE\xFF\0\0\0a"s, "UTF-32", "-f UTF-32 "},     // UTF-32 BE BOM
      {"a\0\0\0:\0\0\0"s, "UTF-32", "-f UTF-32LE "},        // UTF-32 LE, no BOM
  };
  for (const Case& c : cases) {
    INFO(c.iconv);
    Loaded loaded = load(c.bytes);
    CHECK_FALSE(loaded.file);
    const Diagnostic& d = only(loaded.diags);
    CHECK(d.code == Code::E103);
    CHECK_FALSE(d.has_position);
    CHECK(d.message == "file is " + c.encoding + ", pacta reads UTF-8");
    CHECK_THAT(d.help, Catch::Contains("iconv " + c.iconv) && Catch::Contains("-t UTF-8"));
  }
}

// Bytes that start like a byte order mark or hold NUL bytes, but whose size
// is no whole number of UTF-16/32 units (or whose NULs are not where ASCII in
// UTF-16/32 puts them), are binary, not UTF-16: reported at the first byte
// that is not UTF-8 text.
TEST_CASE("E103: binary bytes are not taken for UTF-16 or UTF-32", "[yaml][source]") {
  using namespace std::string_literals;
  struct Case {
    std::string bytes;
    const char* where;
    const char* message;
  };
  const Case cases[] = {
      {"\xFF\xFE\0"s, "E103 1:1", "invalid UTF-8: byte 0xFF never occurs in UTF-8"},
      {"\xFE\xFF\0"s, "E103 1:1", "invalid UTF-8: byte 0xFE never occurs in UTF-8"},
      {"\0\x01\x02"s, "E103 1:1", "not UTF-8 text: a NUL byte in the file"},
      {"\0\0\x01\x02"s, "E103 1:1", "not UTF-8 text: a NUL byte in the file"},
      {"ab\0"s, "E103 1:3", "not UTF-8 text: a NUL byte in the file"},
  };
  for (const Case& c : cases) {
    INFO(c.message);
    Loaded loaded = load(c.bytes);
    CHECK_FALSE(loaded.file);
    CHECK(where(loaded.diags) == std::vector<std::string>{c.where});
    CHECK(only(loaded.diags).message == c.message);
  }
}

TEST_CASE("E103: invalid UTF-8 is reported at the offending byte", "[yaml][source]") {
  using namespace std::string_literals;
  struct Case {
    std::string bytes;
    const char* where;
    const char* message;
  };
  const Case cases[] = {
      {"a: 1\nb: x\xFFy\n", "E103 2:5", "byte 0xFF never occurs in UTF-8"},
      {"a: \x80\n", "E103 1:4", "stray continuation byte 0x80"},
      {"a: \xC0\xAF\n", "E103 1:4", "overlong encoding of U+002F"},
      {"a: \xE0\x80\xAF\n", "E103 1:4", "overlong encoding of U+002F"},
      {"a: \xF0\x82\x82\xAC\n", "E103 1:4", "overlong encoding of U+20AC"},
      {"a: \xED\xA0\x80\n", "E103 1:4", "encoded surrogate U+D800"},
      {"a: \xF4\x90\x80\x80\n", "E103 1:4", "U+110000 is above U+10FFFF"},
      {"a: \xF8\x88\x80\x80\x80\n", "E103 1:4", "byte 0xF8 never occurs"},
      {"a: x\xC3", "E103 1:5", "truncated sequence starting with byte 0xC3"},
      {"a: \xE2\x82x\n", "E103 1:4", "truncated sequence"},
      // Columns count code points: "é" is one column.
      {"\xC3\xA9t\xC3\xA9: \xFF\n", "E103 1:6", "0xFF"},
      {"a: x\0y\n"s, "E103 1:5", "NUL byte"},
  };
  for (const Case& c : cases) {
    INFO(c.message);
    Loaded loaded = load(c.bytes);
    CHECK_FALSE(loaded.file);
    CHECK(where(loaded.diags) == std::vector<std::string>{c.where});
    CHECK_THAT(only(loaded.diags).message, Catch::Contains(c.message));
  }
  // Valid multi-byte characters of every length pass.
  Loaded fine = load("a: \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF\n");
  CHECK(fine.diags.all().empty());
  CHECK(fine.doc);
}

TEST_CASE("a UTF-8 BOM is removed, so positions match the file", "[yaml][source]") {
  Loaded loaded = load(
      "\xEF\xBB\xBF"
      "a: 1\nb: c: d\n");
  REQUIRE(loaded.file);
  CHECK(loaded.file->text() == "a: 1\nb: c: d\n");
  CHECK(where(loaded.diags) == std::vector<std::string>{"E104 2:5"});

  Loaded ok = load(
      "\xEF\xBB\xBF"
      "key: value\n");
  REQUIRE(ok.doc);
  const YamlNode& v = value_of(*ok.doc->root, "key");
  CHECK(ok.doc->root->entries[0].first->offset == 0);
  CHECK(v.offset == 5);

  // A SourceFile made without make_source that still has its BOM: offsets
  // count the BOM bytes, like the text they index.
  SourceFile raw("raw.yaml",
                 "\xEF\xBB\xBF"
                 "key: value\n");
  Diagnostics diags;
  auto doc = pacta::read_yaml(raw, Limits{}, diags);
  REQUIRE(doc);
  CHECK(value_of(*doc->root, "key").offset == 8);
  CHECK(value_of(*doc->root, "key").content_offset == 8);
}

// ---------------------------------------------------------------------------
// read_yaml: E104, E105, E106

TEST_CASE("E104: syntax errors at yaml-cpp's position, in readable words", "[yaml]") {
  struct Case {
    const char* text;
    const char* where;
    const char* message;
  };
  const Case cases[] = {
      {"a: b: c\n", "E104 1:5", "unexpected ':' here"},
      {"a: [1, 2\n", "E104 2:1", "'[' is not closed"},
      {"a: {x: 1\n", "E104 2:1", "'{' is not closed"},
      {"a:\n  b: 1\n c: 2\n", "E104 3:2", "this line does not fit the mapping above it"},
      {"a:\n\tb: 1\n", "E104 2:3", "unexpected ':' here"},
      {"a: \"x\\q\"\n", "E104 1:8", "unknown escape '\\q' in a double-quoted string"},
      {"a: *nope\n", "E104 1:4", "alias to an anchor that is not defined"},
      {"a: }\n", "E104 1:4", "unexpected closing bracket"},
      {"a: @x\n", "E104 1:4", "unexpected character"},
      {"a: 1\nb: \"open\n", "E104 2:4", "quoted string is not closed"},
      {"a: 1\nb: 'open\n  more\n", "E104 2:4", "quoted string is not closed"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Loaded loaded = load(c.text);
    CHECK(loaded.file);
    CHECK_FALSE(loaded.doc);
    CHECK(where(loaded.diags) == std::vector<std::string>{c.where});
    if (!loaded.diags.all().empty()) CHECK(loaded.diags.all().front().message == c.message);
  }
}

TEST_CASE("E104: one YAML document per file", "[yaml]") {
  Loaded two = load("a: 1\n---\nb: 2\n");
  CHECK_FALSE(two.doc);
  CHECK(where(two.diags) == std::vector<std::string>{"E104 2:1"});
  CHECK(only(two.diags).message == "only one YAML document per file");

  Loaded empty_second = load("a: 1\n--- \n");
  CHECK(where(empty_second.diags) == std::vector<std::string>{"E104 2:1"});

  // yaml-cpp starts a second document at a mapping after a top-level list.
  Loaded continued = load("- a\nb: 1\n");
  CHECK(where(continued.diags) == std::vector<std::string>{"E104 2:1"});
  CHECK(only(continued.diags).message == "unexpected content after the end of the document");

  // An explicit start and end of the one document are fine.
  Loaded marked = load("---\na: 1\n...\n");
  CHECK(marked.diags.all().empty());
  REQUIRE(marked.doc);
  CHECK(marked.doc->root->kind == Kind::Map);
}

TEST_CASE("E105: every duplicate key is reported, pointing at the first", "[yaml]") {
  Loaded loaded = load(
      "a: 1\n"
      "b: 2\n"
      "a: 3\n"
      "c:\n"
      "  x: 1\n"
      "  y: {x: 1, 'y': 2}\n"  // another mapping: no clash with the outer x / y
      "  \"x\": 2\n"           // same value, other style: a duplicate
      "b: 4\n");
  CHECK_FALSE(loaded.doc);
  CHECK(where(loaded.diags) == std::vector<std::string>{"E105 3:1", "E105 7:3", "E105 8:1"});
  REQUIRE(loaded.diags.all().size() == 3);
  const Diagnostic& first = loaded.diags.all()[0];
  CHECK(first.message == "duplicate key 'a'");
  CHECK(first.help == "the first 'a' is on line 1; yaml-cpp would silently keep it — remove one");
  CHECK(loaded.diags.all()[1].help ==
        "the first 'x' is on line 5; yaml-cpp would silently keep it — remove one");
  CHECK(loaded.diags.all()[2].message == "duplicate key 'b'");

  // Reported, then the syntax error that follows stops the parse.
  Loaded then_syntax = load("a: 1\na: 2\nb: [\n");
  CHECK(where(then_syntax.diags) == std::vector<std::string>{"E105 2:1", "E104 4:1"});

  // Long or multi-line keys are shown on one line.
  Loaded long_key = load("? |\n  two\n  lines\n: 1\n\"two\\nlines\\n\": 2\n" +
                         std::string(70, 'k') + ": 1\n" + std::string(70, 'k') + ": 2\n");
  REQUIRE(long_key.diags.all().size() == 2);
  CHECK(long_key.diags.all()[0].message == "duplicate key 'two lines '");
  CHECK(long_key.diags.all()[1].message == "duplicate key '" + std::string(60, 'k') + "…'");

  // An alias used as a key is compared by its value.
  Loaded alias_key = load("&k a: 1\n*k : 2\n");
  CHECK(where(alias_key.diags) == std::vector<std::string>{"E105 2:1"});
}

TEST_CASE("E106: billion laughs is stopped at once", "[yaml]") {
  std::string bomb =
      "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char level = 'b'; level <= 'i'; ++level) {
    const char previous = static_cast<char>(level - 1);
    bomb += std::string(1, level) + ": &" + level + " [";
    for (int k = 0; k < 9; ++k) bomb += std::string(k ? "," : "") + "*" + previous;
    bomb += "]\n";
  }
  // Rejected from the sizes alone, before anything walks the aliases (the
  // speed of this is measured by the fuzzers, not asserted here).
  Loaded loaded = load(bomb);
  CHECK_FALSE(loaded.doc);
  const Diagnostic& d = only(loaded.diags);
  CHECK(d.code == Code::E106);
  CHECK(d.message == "aliases expand to more than 16777216 bytes");
  CHECK(d.has_position);
  // a expands to 37 bytes, b to 334, ... f to 2,192,194: the 7th alias on
  // the `g` line crosses 16 MiB.
  CHECK(d.position.line == 7);
  CHECK(d.position.column == 26);
  CHECK(d.source_line.substr(d.position.column - 1, 1) == "*");

  // Below the limit, aliases share the node; the expanded size counts each use.
  Limits tight;
  tight.max_alias_expansion_bytes = 16;
  // map 1 + key a 2 + [1, 2] 5 + key b 2 + *x 5 = 15 bytes
  Loaded small = load("a: &x [1, 2]\nb: *x\n", tight);
  CHECK(small.diags.all().empty());
  REQUIRE(small.doc);
  CHECK(&value_of(*small.doc->root, "a") == &value_of(*small.doc->root, "b"));
  Loaded over = load("a: &x [1, 2]\nb: *x\nc: *x\n", tight);
  CHECK(where(over.diags) == std::vector<std::string>{"E106 3:4"});
  // Without aliases, work is proportional to the file whatever its size.
  Loaded plain = load("a: [1, 2]\nb: [1, 2]\nc: [1, 2]\n", tight);
  CHECK(plain.diags.all().empty());
}

TEST_CASE("E106: an alias inside the node it names", "[yaml]") {
  for (const char* text : {"&a [*a]\n", "a: &x\n  b: *x\n", "a: &x\n  - [1, *x]\n"}) {
    INFO(text);
    Loaded loaded = load(text);
    CHECK_FALSE(loaded.doc);
    CHECK(only(loaded.diags).code == Code::E106);
    CHECK_THAT(only(loaded.diags).message, Catch::Contains("repeats a node that contains it"));
  }
  Loaded loaded = load("a: &x\n  b: *x\n");
  CHECK(where(loaded.diags) == std::vector<std::string>{"E106 2:6"});
  CHECK(only(loaded.diags).message == "alias '*x' repeats a node that contains it");
}

TEST_CASE("E106: nesting deeper than the limit", "[yaml]") {
  Loaded deep = load(std::string(5000, '['));
  CHECK_FALSE(deep.doc);
  // Unclosed, each '[' may be an implicit key: yaml-cpp opens a map and a
  // list per bracket, so the limit is hit at the 129th.
  CHECK(where(deep.diags) == std::vector<std::string>{"E106 1:129"});
  CHECK(only(deep.diags).message == "nesting deeper than 256 levels");
  Loaded balanced = load(std::string(300, '[') + std::string(300, ']'));
  CHECK(where(balanced.diags) == std::vector<std::string>{"E106 1:257"});
  CHECK(load(std::string(256, '[') + std::string(256, ']')).doc);

  // With our limit above yaml-cpp's own (2,000), its DeepRecursion is caught.
  Limits lax;
  lax.max_yaml_depth = 100000;
  Loaded deeper = load(std::string(5000, '[') + std::string(5000, ']'), lax);
  CHECK_FALSE(deeper.doc);
  CHECK(only(deeper.diags).code == Code::E106);
  CHECK_THAT(only(deeper.diags).message, Catch::StartsWith("nesting deeper than"));

  // Exactly at the limit is fine, one more is not.
  Limits four;
  four.max_yaml_depth = 4;
  CHECK(load("a:\n  b:\n    c: [x]\n", four).doc);
  Loaded five = load("a:\n  b:\n    c: [[x]]\n", four);
  CHECK(where(five.diags) == std::vector<std::string>{"E106 3:9"});
}

TEST_CASE("empty documents have no root", "[yaml]") {
  for (const char* text : {"", "\n\n", "# only a comment\n  # and another\n", "---\n",
                           "--- # c\n...\n", "\xEF\xBB\xBF"}) {
    INFO(text);
    Loaded loaded = load(text);
    CHECK(loaded.diags.all().empty());
    REQUIRE(loaded.doc);
    CHECK(loaded.doc->root == nullptr);
  }
  Loaded tilde = load("~\n");
  REQUIRE(tilde.doc);
  REQUIRE(tilde.doc->root);
  CHECK(tilde.doc->root->kind == Kind::Null);
}

// ---------------------------------------------------------------------------
// read_yaml: the tree

TEST_CASE("nested maps and lists keep file order and offsets", "[yaml]") {
  const std::string text =
      "pacta: 1\n"                 // 0
      "parties: [openai, msft]\n"  // 9
      "clauses:\n"                 // 33
      "  - id: one\n"              // 42
      "    when: x\n"              // 54
      "  - id: two\n"              // 66
      "zeta: last\n";              // 78
  Loaded loaded = load(text);
  INFO(rendered(loaded.diags));
  REQUIRE(loaded.doc);
  const YamlNode& root = *loaded.doc->root;
  REQUIRE(root.kind == Kind::Map);
  REQUIRE(root.entries.size() == 4);
  CHECK(root.entries[0].first->value == "pacta");
  CHECK(root.entries[3].first->value == "zeta");
  CHECK(root.offset == 0);

  const YamlNode& parties = value_of(root, "parties");
  REQUIRE(parties.kind == Kind::Sequence);
  CHECK(parties.offset == 18);
  REQUIRE(parties.items.size() == 2);
  CHECK(parties.items[0]->value == "openai");
  CHECK(parties.items[0]->offset == 19);
  CHECK(parties.items[1]->offset == 27);

  const YamlNode& clauses = value_of(root, "clauses");
  REQUIRE(clauses.kind == Kind::Sequence);
  REQUIRE(clauses.items.size() == 2);
  const YamlNode& one = *clauses.items[0];
  REQUIRE(one.kind == Kind::Map);
  CHECK(one.offset == 46);
  CHECK(value_of(one, "id").value == "one");
  CHECK(value_of(one, "when").offset == 64);
  CHECK(one.entries[1].first->offset == 58);
  CHECK(value_of(*clauses.items[1], "id").value == "two");
  CHECK(value_of(root, "zeta").offset == 84);
  CHECK(loaded.file->position(value_of(one, "when").offset).line == 5);
  CHECK(loaded.file->position(value_of(one, "when").offset).column == 11);
}

TEST_CASE("null values", "[yaml]") {
  Loaded loaded = load("a:\nb: ~\nc: null\nd: {x, y: }\ne: [~, ]\nf: # note\ng: Null\n");
  INFO(rendered(loaded.diags));
  REQUIRE(loaded.doc);
  const YamlNode& root = *loaded.doc->root;
  for (const char* key : {"a", "b", "c", "f", "g"}) {
    INFO(key);
    CHECK(value_of(root, key).kind == Kind::Null);
  }
  // An empty value sits just after its key's ':' (yaml-cpp marks the next token).
  CHECK(value_of(root, "a").offset == 2);
  CHECK(value_of(root, "b").offset == 6);
  CHECK(value_of(root, "c").offset == 11);
  CHECK(value_of(root, "f").offset == 39);
  const YamlNode& d = value_of(root, "d");
  REQUIRE(d.entries.size() == 2);
  CHECK(d.entries[0].first->value == "x");
  CHECK(d.entries[0].second->kind == Kind::Null);
  CHECK(d.entries[1].second->kind == Kind::Null);
  const YamlNode& e = value_of(root, "e");
  REQUIRE(e.items.size() == 1);
  CHECK(e.items[0]->kind == Kind::Null);
}

TEST_CASE("aliases are the anchored node", "[yaml]") {
  Loaded loaded = load(
      "base: &b {x: 1}\n"
      "copy: *b\n"
      "name: &n hello\n"
      "again: *n\n"
      "list: [*n, *b]\n");
  INFO(rendered(loaded.diags));
  REQUIRE(loaded.doc);
  const YamlNode& root = *loaded.doc->root;
  CHECK(&value_of(root, "base") == &value_of(root, "copy"));
  CHECK(&value_of(root, "name") == &value_of(root, "again"));
  const YamlNode& list = value_of(root, "list");
  CHECK(list.items[0] == &value_of(root, "name"));
  CHECK(list.items[1] == &value_of(root, "base"));
  CHECK(value_of(root, "name").value == "hello");
  CHECK(value_of(root, "name").offset == 31);
  CHECK(value_of(root, "name").content_offset == 34);
  // Redefining an anchor: later aliases see the new node.
  Loaded redefined = load("a: &x 1\nb: &x 2\nc: *x\n");
  REQUIRE(redefined.doc);
  CHECK(value_of(*redefined.doc->root, "c").value == "2");
}

TEST_CASE("scalar styles and where their content starts", "[yaml]") {
  struct Case {
    const char* text;
    Style style;
    const char* value;
    std::size_t offset;
    std::size_t content_offset;
  };
  const Case cases[] = {
      {"k: plain words\n", Style::Plain, "plain words", 3, 3},
      {"k: 'single'\n", Style::SingleQuoted, "single", 3, 4},
      {"k: \"double\"\n", Style::DoubleQuoted, "double", 3, 4},
      {"k: |\n  lit\n", Style::Literal, "lit\n", 3, 7},
      {"k: >-\n  fold\n", Style::Folded, "fold", 3, 8},
      {"k: |+ # note\n    deep\n", Style::Literal, "deep\n", 3, 17},
      {"k: &x foo\n", Style::Plain, "foo", 3, 6},
      {"k: !!str 12\n", Style::Plain, "12", 3, 9},
      {"k: &x !!str 'q'\n", Style::SingleQuoted, "q", 3, 13},
      {"k: !<tag:x> \"q\"\n", Style::DoubleQuoted, "q", 3, 13},
      {"k: &a\n  # c\n  later\n", Style::Plain, "later", 3, 14},
      {"k: &x |\n  b\n", Style::Literal, "b\n", 3, 10},
      {"k: \"\"\n", Style::DoubleQuoted, "", 3, 4},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Scalar s = scalar(c.text);
    CHECK(s.node->style == c.style);
    CHECK(s.node->value == c.value);
    CHECK(s.node->offset == c.offset);
    CHECK(s.node->content_offset == c.content_offset);
  }
  // Keys are scalars too.
  Loaded keys = load("'q k': 1\n");
  REQUIRE(keys.doc);
  const YamlNode& key = *keys.doc->root->entries[0].first;
  CHECK(key.value == "q k");
  CHECK(key.style == Style::SingleQuoted);
  CHECK(key.content_offset == 1);
}

// ---------------------------------------------------------------------------
// scalar_offsets

TEST_CASE("offsets: plain scalars", "[yaml][offsets]") {
  // when: a  and  b
  // 0123456789012345
  Scalar one_line = scalar("when: a  and  b\n", "when");
  CHECK(one_line.offsets() == range(6, 10));

  // k: alpha       line 1 starts at 0
  //   beta         line 2 starts at 9
  //                line 3 (empty) at 16
  //   gamma        line 4 starts at 17
  Scalar multi = scalar("k: alpha\n  beta\n\n  gamma\n");
  CHECK(multi.node->value == "alpha beta\ngamma");
  // The newline stands for the empty line 3: it maps to that line's break.
  CHECK(multi.offsets() == concat({range(3, 5), {8}, range(11, 4), {16}, range(19, 5), {24}}));

  // Trailing blanks before the fold are dropped; the folded space maps to
  // the line break.
  Scalar trailing = scalar("k: a  \n   b\n");
  CHECK(trailing.node->value == "a b");
  CHECK(trailing.offsets() == Offsets{3, 6, 10, 11});

  // A plain scalar in a flow list.
  Loaded in_list = load("k: [x, yy z]\n");
  REQUIRE(in_list.doc);
  const YamlNode& second = *value_of(*in_list.doc->root, "k").items[1];
  CHECK(pacta::scalar_offsets(*in_list.file, second) == range(7, 5));
}

TEST_CASE("offsets: quoted scalars", "[yaml][offsets]") {
  // k: 'it''s x'
  // 0123456789012
  Scalar single = scalar("k: 'it''s x'\n");
  CHECK(single.node->value == "it's x");
  CHECK(single.offsets() == Offsets{4, 5, 6, 8, 9, 10, 11});

  // k: "a\tb\\c\"d\x41\u00e9z"
  // 0123 4 5 6 7 8 9 ...
  Scalar escapes = scalar("k: \"a\\tb\\\\c\\\"d\\x41\\u00e9z\"\n");
  CHECK(escapes.node->value == "a\tb\\c\"dA\xC3\xA9z");
  CHECK(escapes.offsets() == Offsets{4, 5, 7, 8, 10, 11, 13, 14, 18, 18, 24, 25});

  Scalar newline = scalar("k: \"x\\ny\"\n");
  CHECK(newline.node->value == "x\ny");
  CHECK(newline.offsets() == Offsets{4, 5, 7, 8});

  // when: "a  and  b": the caret lands inside the quotes.
  Scalar expression = scalar("when: \"a  and  b\"\n", "when");
  CHECK(expression.offsets() == range(7, 10));

  // Multi-line double-quoted with an escaped line break and a fold.
  // k: "ab \        line 1 at 0
  //   cd           line 2 at 9
  //   ef"          line 3 at 14
  Scalar lines = scalar("k: \"ab \\\n  cd\n  ef\"\n");
  CHECK(lines.node->value == "ab cd ef");
  CHECK(lines.offsets() == Offsets{4, 5, 6, 11, 12, 13, 16, 17, 18});

  // Every other escape of YAML 1.2 maps to its backslash.
  Scalar others = scalar("k: \"\\0\\a\\e\\L\\N\\_\\/\\ \\U0001F600!\"\n");
  const Offsets map = others.offsets();
  REQUIRE(map.size() == others.node->value.size() + 1);
  CHECK(map.front() == 4);
  CHECK(map[map.size() - 2] == 30);  // '!'
  CHECK(map.back() == 31);
}

TEST_CASE("offsets: block scalars", "[yaml][offsets]") {
  // k: |             line 1 at 0
  //   first          line 2 at 5
  //   second line    line 3 at 13
  Scalar literal = scalar("k: |\n  first\n  second line\n");
  CHECK(literal.node->value == "first\nsecond line\n");
  CHECK(literal.offsets() == concat({range(7, 5), {12}, range(15, 11), {26}, {27}}));

  // when: |          0
  //   a and          8
  //     b            16: a more-indented line keeps its extra spaces
  Scalar deeper = scalar("when: |\n  a and\n    b\n", "when");
  CHECK(deeper.node->value == "a and\n  b\n");
  CHECK(deeper.offsets() == concat({range(10, 5), {15}, range(18, 3), {21}, {22}}));

  // Leading empty line, empty lines inside, clip chomping.
  // k: |   0;  "" 5;  "  x" 6;  "" 10; "" 11; "  y" 12; "" 16
  Scalar empties = scalar("k: |\n\n  x\n\n\n  y\n\n");
  CHECK(empties.node->value == "\nx\n\n\ny\n");
  CHECK(empties.node->content_offset == 5);
  CHECK(empties.offsets() == Offsets{5, 8, 9, 10, 11, 14, 15, 16});

  // k: >      0;  "  one" 5;  "  two" 11;  "" 17;  "  three" 18
  Scalar folded = scalar("k: >\n  one\n  two\n\n  three\n");
  CHECK(folded.node->value == "one two\nthree\n");
  CHECK(folded.offsets() ==
        concat({range(7, 3), {10}, range(13, 3), {16}, range(20, 5), {25}, {26}}));

  // Folded with a more-indented line (kept, not folded).
  // k: >-     0; "  a" 6; "    b" 10; "  c" 16
  Scalar kept = scalar("k: >-\n  a\n    b\n  c\n");
  CHECK(kept.node->value == "a\n  b\nc");
  CHECK(kept.offsets() == Offsets{8, 9, 12, 13, 14, 15, 18, 19});

  // Explicit indentation indicator: the content keeps two spaces.
  // k: |1     0; "   x" 6
  Scalar explicit_indent = scalar("k: |1\n   x\n");
  CHECK(explicit_indent.node->value == "  x\n");
  CHECK(explicit_indent.offsets() == Offsets{7, 8, 9, 10, 11});
}

TEST_CASE("offsets: anchored scalars and CRLF line ends", "[yaml][offsets]") {
  Scalar anchored = scalar("k: &x foo\nj: *x\n");
  CHECK(anchored.offsets() == Offsets{6, 7, 8, 9});
  CHECK(&value_of(*anchored.loaded.doc->root, "j") == anchored.node);

  // k: alpha\r\n (0)   "  beta\r\n" (10)
  Scalar plain = scalar("k: alpha\r\n  beta\r\n");
  CHECK(plain.node->value == "alpha beta");
  CHECK(plain.offsets() == concat({range(3, 5), {8}, range(12, 4), {16}}));

  // k: |\r\n (0)  "  l1\r\n" (6)  "  l2\r\n" (12)
  Scalar literal = scalar("k: |\r\n  l1\r\n  l2\r\n");
  CHECK(literal.node->value == "l1\nl2\n");
  CHECK(literal.node->content_offset == 8);
  CHECK(literal.offsets() == Offsets{8, 9, 10, 14, 15, 16, 18});

  Scalar quoted = scalar("k: 'a\r\n  b'\r\n");
  CHECK(quoted.node->value == "a b");
  CHECK(quoted.offsets() == Offsets{4, 5, 9, 10});
}

TEST_CASE("offsets: alignment failure maps the rest to content_offset", "[yaml][offsets]") {
  SourceFile file("f.yaml", "k: \"ab\"\n");
  YamlNode node;
  node.kind = Kind::Scalar;
  node.style = Style::DoubleQuoted;
  node.offset = 3;
  node.content_offset = 4;
  node.value = "aXb";  // not what the source says
  CHECK(pacta::scalar_offsets(file, node) == Offsets{4, 4, 4, 4});

  YamlNode map;
  map.kind = Kind::Map;
  map.offset = 0;
  CHECK(pacta::scalar_offsets(file, map) == Offsets{0});
}

TEST_CASE("offsets: every scalar of a mixed file is aligned in order", "[yaml][offsets]") {
  const std::string text =
      "pacta: 1\n"
      "title: \"Exclusive \\\"sales\\\" \\u00e9\"\n"
      "parties: [openai, 'msft']\n"
      "clauses:\n"
      "  - id: a-1\n"
      "    when: >\n"
      "      channel != azure\n"
      "      and date >= signed\n"
      "    text: |\n"
      "      Line one.\n"
      "        Line two.\n"
      "    note: plain\n"
      "      continued\n";
  Loaded loaded = load(text);
  INFO(rendered(loaded.diags));
  REQUIRE(loaded.doc);
  std::size_t scalars = 0;
  for (const auto& node : loaded.doc->nodes) {
    if (node->kind != Kind::Scalar) continue;
    ++scalars;
    INFO(node->value);
    const Offsets map = pacta::scalar_offsets(*loaded.file, *node);
    REQUIRE(map.size() == node->value.size() + 1);
    CHECK(map.front() == node->content_offset);
    CHECK(std::is_sorted(map.begin(), map.end()));
    CHECK(map.back() > map.front() + (node->value.empty() ? 0 : node->value.size() / 2));
    // Every non-space byte sits on the same byte in the file, unless escaped.
    for (std::size_t i = 0; i < node->value.size(); ++i) {
      const char c = node->value[i];
      if (c == ' ' || c == '\n' || static_cast<unsigned char>(c) >= 0x80 || c == '"') continue;
      CHECK(text[map[i]] == c);
    }
  }
  CHECK(scalars == 16);
}
