// The fast YAML reader (grammar/yaml/fast_reader.hpp) against yaml-cpp's
// path: wherever the fast reader accepts a file, the tree is the same (every
// node's kind, value, style, offsets, key order: grammar/yaml/tree_dump.hpp)
// and so are the rule-file diagnostics built on it; elsewhere it declines.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "engine/check/check.hpp"
#include "engine/load.hpp"
#include "grammar/codes.hpp"
#include "grammar/files/file_kind.hpp"
#include "grammar/files/rule_file.hpp"
#include "grammar/yaml/fast_reader.hpp"
#include "grammar/yaml/tree_dump.hpp"

namespace {

using namespace pacta;
namespace fs = std::filesystem;

struct Compared {
  bool valid_utf8 = false;
  bool accepted = false;       // by the fast reader
  std::string fast, yaml_cpp;  // the dumps (yaml_cpp empty when it failed)
  std::string yaml_cpp_diags;
  std::string fast_rule_diags, yaml_cpp_rule_diags;  // rule-file layer on each tree
};

std::string rendered(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.all()) out += render_text(d, false);
  return out;
}

// What load_contract_text reports after reading `doc` (engine/load.cpp).
std::string rule_diagnostics(const SourceFile& file, const YamlDocument& doc,
                             const Limits& limits) {
  Diagnostics diags;
  if (check_file_kind(file, doc, FileKind::Rule, diags)) {
    const RuleFileSyntax syntax = read_rule_file(file, doc, limits, diags);
    if (syntax.declarations_ok) (void)check_contract(file, syntax, diags);
  }
  return rendered(diags);
}

Compared compare(std::string bytes, const Limits& limits = {}) {
  Compared out;
  Diagnostics diags;
  auto file = make_source("test.yaml", std::move(bytes), limits, diags);
  if (!file) return out;
  out.valid_utf8 = true;
  const auto fast = yaml_fast::read(file->text(), 0, limits);
  Diagnostics slow_diags;
  const auto slow = yaml_fast::read_with_yaml_cpp(*file, 0, limits, slow_diags);
  out.yaml_cpp_diags = rendered(slow_diags);
  if (slow) out.yaml_cpp = yaml_dump::dump(*slow);
  if (!fast) return out;
  out.accepted = true;
  out.fast = yaml_dump::dump(*fast);
  out.fast_rule_diags = rule_diagnostics(*file, *fast, limits);
  if (slow) out.yaml_cpp_rule_diags = rule_diagnostics(*file, *slow, limits);
  return out;
}

// Accepted implies: yaml-cpp reads it cleanly, the same tree, the same
// rule-file diagnostics. Returns whether it was accepted.
bool agrees_or_declines(const std::string& bytes, const Limits& limits = {}) {
  const Compared c = compare(bytes, limits);
  if (!c.accepted) return false;
  INFO("input:\n" << bytes << "\nyaml-cpp said:\n" << c.yaml_cpp_diags);
  REQUIRE(c.yaml_cpp_diags.empty());
  REQUIRE(c.fast == c.yaml_cpp);
  REQUIRE(c.fast_rule_diags == c.yaml_cpp_rule_diags);
  return true;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A rule file of `n` clauses in the generated shape of the peers' contracts.
std::string generated_contract(int n) {
  std::ostringstream out;
  out << "pacta: 1\ncontract: generated\ndefault: forbidden\n\nparties: [p1, p2, p3]\n\n"
         "types:\n  cloud: [c1, c2]\n\nactions:\n  act:\n    params: {party: party, cloud: "
         "cloud}\n\nclauses:\n";
  for (int i = 0; i < n; ++i) {
    out << "  - id: clause-" << i << "\n    " << (i % 3 == 0 ? "forbid" : "permit") << ": act(p"
        << (i % 3 + 1) << ", c" << (i % 2 + 1) << ")\n    from: 20" << (10 + i % 20) << "-01-0"
        << (i % 9 + 1) << "\n";
  }
  return out.str();
}

bool is_yaml_name(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// Every YAML file of the source tree (not builds, not .git), and every file
// of the fuzz corpora (tests/fuzz/corpus/*/, YAML or not).
std::vector<fs::path> repository_inputs() {
  const fs::path root = PACTA_SOURCE_DIR;
  std::vector<fs::path> out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    if (it->is_directory() && (name == ".git" || name.starts_with("build"))) {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    const bool in_corpus = p.parent_path().parent_path() == root / "tests/fuzz/corpus";
    if (in_corpus || is_yaml_name(p)) out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("every YAML file of the repository and the fuzz corpora: accepted means the same tree") {
  std::size_t total = 0;
  std::size_t accepted = 0;
  for (const fs::path& p : repository_inputs()) {
    INFO(p.string());
    ++total;
    if (agrees_or_declines(read_all(p))) ++accepted;
  }
  // Figures for the report (the counts change as files are added).
  WARN("fast reader accepted " << accepted << " of " << total << " files");
  REQUIRE(total > 100);
  REQUIRE(accepted > 0);
}

TEST_CASE("generated contracts in the peers' shape are read by the fast reader") {
  for (int n : {1, 2, 17, 200}) {
    const std::string text = generated_contract(n);
    INFO(text);
    REQUIRE(agrees_or_declines(text));
    Diagnostics diags;
    const auto loaded = load_contract_text("generated.yaml", text, Limits{}, diags);
    INFO(rendered(diags));
    REQUIRE(loaded);
    REQUIRE(loaded->contract.clauses.size() == static_cast<std::size_t>(n));
  }
}

TEST_CASE("edge cases: the fast reader agrees with yaml-cpp or declines") {
  // {text, whether the fast reader must accept it (else: either way)}
  struct Case {
    const char* text;
    bool must_accept;
  };
  const Case cases[] = {
      {"k: v\n", true},
      {"k: v", true},
      {"k: 'single quoted'\n", true},
      {"k: \"double quoted\"\n", true},
      {"k: \"esc \\\" aped\"\n", false},
      {"k: \"tab\\tnewline\\n\"\n", false},
      {"k: 'it''s'\n", false},
      {"k: ''\n", false},
      {"k: \"\"\n", false},
      {"# a comment\nk: v # trailing\n# end\n", true},
      {"k: v#not a comment\n", false},
      {"k: a # b # c\n", true},
      {"k: v   \n", true},
      {"k:    v\n", true},
      {"k: v\r\n", false},
      {"a: 1\r\nb: 2\r\n", false},
      {"\xEF\xBB\xBFk: v\n", true},
      {"k:\tv\n", false},
      {"a:\n\tb: c\n", false},
      {"k:\n", false},
      {"k:\nl: v\n", false},
      {"k: ~\n", true},
      {"k: null\n", true},
      {"k: Null\n", true},
      {"k: NULL\n", true},
      {"k: nULL\n", false},
      {"~: v\n", false},
      {"k: v\nk: w\n", false},
      {"a: {k: 1, k: 2}\n", false},
      {"k: [a, b]\n", true},
      {"k: [ a , b ]\n", true},
      {"k: [a, b,]\n", false},
      {"k: []\n", true},
      {"k: {}\n", true},
      {"k: {a: 1}\n", true},
      {"k: {a: 1, b: [x, y], c: {d: e}}\n", true},
      {"k: {a:1}\n", false},
      {"k: [a, [b, [c]]]\n", true},
      {"k: [a,\n  b]\n", false},
      {"k: ['a', \"b\"]\n", true},
      {"k: [a b, c d]\n", true},
      {"k: [a]b\n", false},
      {"- a\n- b\n", true},
      {"-\n", false},
      {"- \n", false},
      {"- a\n-\n", false},
      {"- - a\n", false},
      {"list:\n  - a: 1\n    b: 2\n  - a: 3\n", true},
      {"list:\n- a: 1\n  b: 2\n", false},
      {"list:\n  - a: 1\n      b: 2\n", false},
      {"list:\n  -   a: 1\n      b: 2\n", true},
      {"a:\n  b:\n    c:\n      - d\n      - e: f\n        g: [h]\n", true},
      {"key:value\n", false},  // a plain scalar, not a mapping
      {"k: a:b\n", false},
      {"when: a: b\n", false},
      {"when: a:b\n", false},
      {"k: http://example.com/x\n", false},
      {"k: a :b\n", false},
      {"k: caf\xC3\xA9\n", false},
      {"caf\xC3\xA9: v\n", false},
      {"# caf\xC3\xA9\nk: v\n", true},
      {"k: 'caf\xC3\xA9'\n", false},
      {"---\nk: v\n", false},
      {"k: v\n...\n", false},
      {"k: v\n---\nl: w\n", false},
      {"k: --- x\n", false},
      {"k: ...\n", false},
      {"k: -1\n", false},
      {"k: 1.5\n", true},
      {"k: .5\n", false},
      {"k: &a v\nl: *a\n", false},
      {"k: !!str v\n", false},
      {"k: |\n  text\n", false},
      {"k: >-\n  text\n", false},
      {"k: a\n  b\n", false},
      {"k: 'a\n  b'\n", false},
      {"? k\n: v\n", false},
      {"k: v\n  l: w\n", false},
      {" k: v\n l: w\n", true},
      {"a:\n  b: 1\n c: 2\n", false},
      {"", false},
      {"\n\n# only comments\n", false},
      {"plain scalar\n", false},
      {"k: @x\n", false},
      {"k: `x`\n", false},
      {"k: %x\n", false},
      {"k: x%\n", true},
      {"k: a, b\n", false},
      {"k: a]\n", false},
      {"k: v # c\n  # indented comment\nl: w\n", true},
      {"a:\n  # comment between\n  b: c\n", true},
      {"\"quoted key\": v\n", false},
      {"k: \"a\" b\n", false},
      {"k: 'a' # c\n", true},
      {"k: [a # c\n", false},
      // yaml-cpp ends a plain scalar in a flow collection at '?' (found by fuzz_yaml_fast)
      {"k: {a: cl?oud}\n", false},
      {"k: [a?b]\n", false},
      {"k: {a?b: c}\n", false},
      {"k: a?b\n", true},
  };
  for (const Case& c : cases) {
    INFO("case: " << c.text);
    const bool accepted = agrees_or_declines(c.text);
    if (c.must_accept) CHECK(accepted);
  }
}

TEST_CASE("a duplicate key is declined, and yaml-cpp's path reports it") {
  const Compared c = compare("k: v\nk: w\n");
  REQUIRE(!c.accepted);
  REQUIRE(c.yaml_cpp_diags.find(code_name(Code::E105)) != std::string::npos);
}

TEST_CASE("deep nesting: the fast reader stops at max_yaml_depth") {
  Limits limits;
  limits.max_yaml_depth = 8;
  auto nested_blocks = [](int depth) {
    std::string out;
    for (int i = 0; i < depth; ++i)
      out += std::string(static_cast<std::size_t>(i) * 2, ' ') + "k:\n";
    return out + std::string(static_cast<std::size_t>(depth) * 2, ' ') + "leaf: v\n";
  };
  auto nested_flow = [](int depth) {
    return "k: " + std::string(static_cast<std::size_t>(depth), '[') + "x" +
           std::string(static_cast<std::size_t>(depth), ']') + "\n";
  };
  // The root map counts as one level.
  REQUIRE(agrees_or_declines(nested_blocks(7), limits));
  REQUIRE(agrees_or_declines(nested_flow(7), limits));
  for (const std::string& text :
       {nested_blocks(8), nested_flow(8), nested_blocks(300), nested_flow(5000)}) {
    REQUIRE(!compare(text, limits).accepted);
    Diagnostics diags;
    auto file = make_source("deep.yaml", text, limits, diags);
    REQUIRE(file);
    REQUIRE(!read_yaml(*file, limits, diags));
    REQUIRE(rendered(diags).find(code_name(Code::E106)) != std::string::npos);
  }
}

TEST_CASE("load_contract_text: the same diagnostics whichever reader reads the file") {
  const std::string good = generated_contract(3);
  auto replace = [&good](const std::string& from, const std::string& to) {
    std::string out = good;
    out.replace(out.find(from), from.size(), to);
    return out;
  };
  const std::string variants[] = {
      replace("act(p1, c1)", "act(p9, c1)"),            // unknown party
      replace("from: 2010-01-01", "from: 2010-13-01"),  // bad date
      replace("default: forbidden", "default: maybe"),  // bad verdict
      replace("contract: generated", "contract: generated\nunknown_key: x"),
      replace("id: clause-1", "id: clause-0"),  // duplicate clause id
      replace("act(p1, c1)", "act(p1, c1"),     // expression syntax
      replace("pacta: 1", "pacta: 7"),
  };
  for (const std::string& text : variants) {
    INFO(text);
    const Compared c = compare(text);
    REQUIRE(c.accepted);
    REQUIRE(!c.fast_rule_diags.empty());
    REQUIRE(c.fast_rule_diags == c.yaml_cpp_rule_diags);
    Diagnostics diags;
    REQUIRE(!load_contract_text("test.yaml", text, Limits{}, diags));
    REQUIRE(rendered(diags) == c.fast_rule_diags);
  }
}
