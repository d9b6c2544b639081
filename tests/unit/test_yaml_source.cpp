// Reading a rule file's bytes (grammar/yaml/source_reader): unreadable paths
// (E101), the size limit (E102), encodings (E103) and the UTF-8 BOM.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "yaml_fixture.hpp"

using namespace pacta::yaml_fixture;

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

// A byte order mark after the first is an error at its place, not a
// zero-width character that shifts every column after it (YAML 1.2 §5.2:
// a BOM never appears inside a document).
TEST_CASE("E103: a second byte order mark", "[yaml][source]") {
  struct Case {
    std::string bytes;
    const char* where;
  };
  const Case cases[] = {
      {"\xEF\xBB\xBF\xEF\xBB\xBFpacta: 1\n", "E103 1:1"},  // two at the start
      {"\xEF\xBB\xBFpacta: 1\n\xEF\xBB\xBF"
       "contract: x\n",
       "E103 2:1"},                                              // a file joined from two
      {"pacta: 1\ncontract: \"a\xEF\xBB\xBF\"\n", "E103 2:13"},  // inside a string
  };
  for (const Case& c : cases) {
    INFO(c.where);
    Loaded loaded = load(c.bytes);
    CHECK_FALSE(loaded.file);
    CHECK(where(loaded.diags) == std::vector<std::string>{c.where});
    CHECK(only(loaded.diags).message == "a byte order mark (U+FEFF) after the start of the file");
    CHECK_THAT(only(loaded.diags).help, Catch::Contains("remove it"));
  }
}
