// The nesting pre-scan (grammar/yaml/nesting_scan): which brackets count as
// flow collections, the exact offset of the first one too deep, and that
// read_yaml reports it as E106 at that line:column before yaml-cpp runs.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "grammar/yaml/nesting_scan.hpp"
#include "yaml_fixture.hpp"

using namespace pacta::yaml_fixture;
using pacta::yaml_scan::first_too_deep;

namespace {

std::string rep(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::string open(int n) { return std::string(static_cast<std::size_t>(n), '['); }

std::optional<std::size_t> scan(const std::string& text) { return first_too_deep(text, 0, 256); }

}  // namespace

TEST_CASE("nesting scan: which brackets count", "[yaml][nesting]") {
  struct Case {
    std::string name;
    std::string text;
    std::optional<std::size_t> found;  // offset of the opener too deep
  };
  constexpr std::size_t none = std::string::npos;
  auto at = [](std::size_t offset) {
    return offset == none ? std::nullopt : std::optional<std::size_t>(offset);
  };
  const std::vector<Case> cases = {
      {"255 [", open(255) + std::string(255, ']'), at(none)},
      {"256 [", open(256) + std::string(256, ']'), at(none)},
      {"257 [", open(257) + std::string(257, ']'), at(256)},
      {"257 [ unclosed", open(257), at(256)},
      {"256 {", std::string(256, '{'), at(none)},
      {"257 {", std::string(257, '{'), at(256)},
      {"mixed [{ 256", rep("[{", 128), at(none)},
      {"mixed [{ 257", rep("[{", 128) + "[", at(256)},
      {"one [ per line", rep("[\n", 257), at(512)},
      {"closed levels do not count", rep("[]", 1000) + rep("{a: 1}, ", 300), at(none)},
      {"sibling lists", "a: " + rep("[" + open(200) + std::string(200, ']') + "], ", 3), at(none)},
      {"in double quotes", "a: \"" + open(300) + "\"\n", at(none)},
      {"escaped double quote", "a: \"\\\"" + open(300) + "\"\n", at(none)},
      {"escaped backslash ends the quote", "[\"\\\\\", " + open(256), at(262)},
      {"in single quotes", "a: 'it''s " + open(300) + "'\n", at(none)},
      {"quote on several lines", "a: \"x\n  " + open(300) + "\n  y\"\n", at(none)},
      {"in a comment", "# " + open(300) + "\na: 1 # " + open(300) + "\n", at(none)},
      {"comment in flow", "[ # " + open(300) + "\n  ]\n", at(none)},
      {"# without blank is plain text in flow", "[a#" + open(256), at(258)},
      {"literal block scalar", "a: |\n  " + open(300) + "\n  " + open(300) + "\nb: 1\n", at(none)},
      {"folded block scalar", "- >-\n   " + open(300) + "\n\n   more\n- x\n", at(none)},
      {"after a block scalar", "a: |\n  " + open(300) + "\nb: " + open(257), at(311 + 256)},
      {"plain scalar in block", "key: a" + open(300) + "\n", at(none)},
      {"plain continuation line", "key: a\n  " + open(300) + "\n", at(none)},
      {"plain scalar with ': ' then flow", "key: a\nb: " + open(257), at(10 + 256)},
      {"quote inside a flow plain scalar", "[a\"b, " + open(256), at(261)},
      {"json style", "{\"a\":\"" + open(300) + "\"}\n", at(none)},
      {"anchor before a list", "a: &x " + open(257), at(6 + 256)},
      {"separate documents", open(200) + std::string(200, ']') + "\n---\n" + open(200), at(none)},
      {"--- does not close a flow", open(200) + "\n---\n" + open(57), at(200 + 5 + 56)},
      {"unclosed quote stops the scan", "a: \"" + open(10) + "\n" + open(300), at(none)},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(scan(c.text) == c.found);
  }
}

TEST_CASE("nesting scan: the limit and the start offset", "[yaml][nesting]") {
  CHECK(first_too_deep("[[[]]]", 0, 3) == std::nullopt);
  CHECK(first_too_deep("[[[[]]]]", 0, 3) == std::optional<std::size_t>(3));
  CHECK(first_too_deep("x[[", 1, 1) == std::optional<std::size_t>(2));
  CHECK(first_too_deep("[", 0, 0) == std::optional<std::size_t>(0));
  CHECK(first_too_deep("", 0, 0) == std::nullopt);
}

TEST_CASE("E106: too deep flow nesting at its opener, before yaml-cpp", "[yaml][nesting]") {
  Loaded top = load(open(300));
  CHECK_FALSE(top.doc);
  CHECK(where(top.diags) == std::vector<std::string>{"E106 1:257"});
  CHECK(only(top.diags).message == "nesting deeper than 256 levels");
  CHECK(only(top.diags).help == "flatten the structure");

  Loaded nested = load("a:\n  b: " + open(300) + "\n");
  CHECK(where(nested.diags) == std::vector<std::string>{"E106 2:262"});

  Loaded lines = load("a: 1\nb:\n" + rep("  [\n", 300));
  CHECK(where(lines.diags) == std::vector<std::string>{"E106 259:3"});

  // After a BOM, offsets still count from the start of the file.
  Loaded bom = load("\xEF\xBB\xBF" + open(257));
  CHECK(where(bom.diags) == std::vector<std::string>{"E106 1:257"});

  // Quoted and block text is not nesting: these documents load.
  CHECK(load("a: \"" + open(300) + "\"\nb: '" + open(300) + "'\n").doc);
  CHECK(load("a: |\n  " + open(300) + "\nb: x" + open(300) + "\n").doc);
}
