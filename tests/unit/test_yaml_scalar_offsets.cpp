// scalar_offsets (grammar/yaml/tree): where each character of a scalar's
// value is in the file, for every scalar style.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "yaml_fixture.hpp"

using namespace pacta::yaml_fixture;

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
  for (const auto& chunk : loaded.doc->nodes.chunks()) {
    for (const pacta::YamlNode& each : chunk) {
      const pacta::YamlNode* node = &each;
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
  }
  CHECK(scalars == 16);
}
