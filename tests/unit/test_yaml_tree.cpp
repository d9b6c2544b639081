// The YAML tree (grammar/yaml/tree): syntax errors (E104), duplicate keys
// (E105), aliases and nesting limits (E106), and the tree itself: file order,
// offsets, nulls, aliases and scalar styles.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "yaml_fixture.hpp"

using namespace pacta::yaml_fixture;

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

TEST_CASE("E105: duplicates past the diagnostics cap are only counted", "[yaml][limits]") {
  // Issue 9 #9: one flow line of 200 keys, each written twice. Every
  // duplicate counts; the kept ones name the line of the first occurrence;
  // past the cap nothing is computed (a 4 MB line took minutes).
  std::string text = "{";
  for (int i = 0; i < 200; ++i) text += "k" + std::to_string(i % 100) + ": 1, ";
  text += "end: 1}\n";
  Limits limits;
  limits.max_diagnostics = 3;
  Loaded loaded;
  loaded.diags = Diagnostics(limits.max_diagnostics);
  loaded.file = pacta::make_source("test.yaml", text, limits, loaded.diags);
  REQUIRE(loaded.file);
  loaded.doc = pacta::read_yaml(*loaded.file, limits, loaded.diags);
  CHECK_FALSE(loaded.doc);
  CHECK(loaded.diags.error_count() == 100);
  CHECK(loaded.diags.suppressed() == 97);
  REQUIRE(loaded.diags.all().size() == 3);
  CHECK(loaded.diags.all()[0].message == "duplicate key 'k0'");
  CHECK(loaded.diags.all()[0].position.column == text.find("k0: 1", 5) + 1);
  CHECK(loaded.diags.all()[2].help ==
        "the first 'k2' is on line 1; yaml-cpp would silently keep it — remove one");
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
  // Found by the pre-scan (nesting_scan) at the 257th '[', before yaml-cpp
  // queues a token for every unclosed bracket.
  CHECK(where(deep.diags) == std::vector<std::string>{"E106 1:257"});
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

TEST_CASE("the number of YAML nodes is bounded, at the first node past it", "[yaml]") {
  Limits five;
  five.max_yaml_nodes = 5;
  // A map with two entries is five nodes: the map, two keys, two values.
  CHECK(load("a: 1\nb: 2\n", five).doc);
  Loaded six = load("a: 1\nb: [2]\n", five);
  CHECK_FALSE(six.doc);
  CHECK(where(six.diags) == std::vector<std::string>{"E106 2:5"});
  CHECK(only(six.diags).message == "more than 5 YAML nodes");
  // Block and flow lists count alike; an alias is no new node.
  CHECK(load("- &x 1\n- *x\n- *x\n- *x\n", five).doc);
  Loaded items = load("[1, 2, 3, 4, 5]", five);
  CHECK(where(items.diags) == std::vector<std::string>{"E106 1:14"});
  Loaded block = load("- a\n- b\n- c\n- d\n- e\n", five);
  CHECK(where(block.diags) == std::vector<std::string>{"E106 5:3"});
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
      // (a tag is an error, E104: see "YAML tags are reported at the tag")
      {"k: &x 'q'\n", Style::SingleQuoted, "q", 3, 7},
      {"k: &long_name \"q\"\n", Style::DoubleQuoted, "q", 3, 15},
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

TEST_CASE("E104: YAML tags are reported at the tag, not ignored", "[yaml]") {
  // yaml-cpp's events drop tags: `[!!null acme]` was the party `acme`.
  Loaded loaded = load(
      "parties: [!!null acme, b]\n"
      "a: !!str 12\n"
      "b: &x !custom\n"
      "c: !!map {k: v}\n"
      "d: !<tag:yaml.org,2002:str> x\n"
      "e: \"!!not a tag\"\n");
  CHECK_FALSE(loaded.doc);
  CHECK(where(loaded.diags) ==
        std::vector<std::string>{"E104 1:11", "E104 2:4", "E104 3:7", "E104 4:4", "E104 5:4"});
  CHECK(loaded.diags.all()[0].message == "YAML tags are not supported: '!!null'");
  CHECK(loaded.diags.all()[4].message == "YAML tags are not supported: '!<tag:yaml.org,2002:str>'");
  CHECK_THAT(loaded.diags.all()[0].help, Catch::StartsWith("remove the tag"));
  // An anchor is not a tag.
  CHECK(load("a: &x 1\nb: *x\n").doc);
}
