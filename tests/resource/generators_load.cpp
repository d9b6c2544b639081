// Generators of rule files whose *loading* (`pacta check`) broke in issue 9:
// name lookup (item 7), the override-cycle check (8), duplicate keys (9),
// bracket nesting in the scanner (13) and aliases (16, with `allowed`).
#include <fmt/format.h>

#include "tests/resource/generators.hpp"

namespace pacta::resource {

std::string rule_header(const std::string& contract_id) {
  return fmt::format("pacta: 1\ncontract: {}\ndefault: forbidden\nparties: [alice, bob]\n",
                     contract_id);
}

std::string test_header(const std::string& contract_file) {
  return fmt::format("pacta-test: 1\ncontract: {}\ncases:\n", contract_file);
}

namespace {

Scenario check_one(std::string text) {
  Scenario s;
  s.files.emplace_back("rules.yaml", std::move(text));
  s.args = {"check", "rules.yaml"};
  return s;
}

}  // namespace

// Item 7: an enum with N values (80k values, 629 KB took 9.9 s to check).
// A clause names the last value, so its lookup is over the whole type.
Scenario enum_values(std::size_t n) {
  std::string t = rule_header("enum_values") + "types:\n  t: [";
  for (std::size_t i = 0; i < n; ++i) {
    t += fmt::format("{}v{}", i == 0 ? "" : (i % 16 == 0 ? ",\n    " : ", "), i);
  }
  t += "]\nactions:\n  act:\n    params: {x: t}\nclauses:\n";
  t += fmt::format("  - id: last\n    permit: act(x=v{})\n", n - 1);
  t += "  - id: first\n    forbid: act\n    when: x == v0\n";
  return check_one(std::move(t));
}

// Item 7: N actions, each with a clause (3.7 MB took 12.7 s to check).
Scenario many_actions(std::size_t n) {
  std::string t = rule_header("many_actions") + "types:\n  t: [x0, x1, x2]\nactions:\n";
  for (std::size_t i = 0; i < n; ++i) t += fmt::format("  act{}:\n    params: {{p: t}}\n", i);
  t += "clauses:\n";
  for (std::size_t i = 0; i < n; ++i) {
    t += fmt::format("  - id: clause{}\n    permit: act{}(p=x{})\n", i, n - 1 - i, i % 3);
  }
  return check_one(std::move(t));
}

// Item 7: N facts, every 8th named by a clause's `when` ("facts likewise").
Scenario many_facts(std::size_t n) {
  std::string t = rule_header("many_facts") + "facts:\n";
  for (std::size_t i = 0; i < n; ++i) {
    t += fmt::format("  fact{}: {{type: number, default: {}}}\n", i, i % 10);
  }
  t += "actions:\n  act: {}\nclauses:\n";
  for (std::size_t i = 0; i < n; i += 8) {
    t += fmt::format("  - id: c{}\n    permit: act\n    when: fact{} > 5\n", i, n - 1 - i);
  }
  return check_one(std::move(t));
}

// Item 8: clause c_i overrides [c_{i+1}, c0], and the last one c0: every
// clause closes a cycle through c0, and the check stored a copy of the DFS
// stack for each (1.1 MB: 0.93 GB; 2.3 MB: SIGABRT under 1 GB). E503.
Scenario override_chain(std::size_t n) {
  std::string t = rule_header("override_chain") + "actions:\n  act: {}\nclauses:\n";
  t += "  - id: c0\n    permit: act\n    overrides: [c1]\n";
  for (std::size_t i = 1; i + 1 < n; ++i) {
    t += fmt::format("  - id: c{}\n    permit: act\n    overrides: [c{}, c0]\n", i, i + 1);
  }
  t += fmt::format("  - id: c{}\n    permit: act\n    overrides: [c0]\n", n - 1);
  return check_one(std::move(t));
}

// Item 9: one flow mapping on one line with N keys, each written twice: for
// each duplicate, the line of the first occurrence was found by counting
// from the line's start to it, further along the line each time (4 MB:
// over 20 s). E105.
Scenario duplicate_keys_flow(std::size_t n) {
  std::string t = "{pacta: 1, contract: dup, default: forbidden, parties: [alice]";
  t.reserve(t.size() + n * 24);
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < n; ++i) t += fmt::format(", k{}: 0", i);
  }
  t += "}\n";
  return check_one(std::move(t));
}

// Item 13: N bytes of `[` (16 MiB is inside the file limit): yaml-cpp
// queued ~235 B per bracket before the depth check (E106) ran: 3.9 GB.
Scenario open_brackets(std::size_t n) { return check_one(std::string(n, '[')); }

// Memory per input byte: a YAML node costs about 160 bytes and `a,` writes
// one in two, so a flow list of N bytes is the densest file there is (16 MiB
// needed 1.3 GB before max_yaml_nodes bounded the tree: E106 past it).
Scenario dense_flow_list(std::size_t n) {
  std::string text = "pacta: 1\ncontract: x\nparties: [";
  while (text.size() + 4 < n) text += "a,";
  text += "a]\n";
  return check_one(std::move(text));
}

namespace {

// Item 16: one anchored `when` of about N bytes (at most the 4 KiB
// expression limit), aliased by N clauses. Both grow, so re-checking each
// alias costs N^2 while the file grows as N; 4 KB x 4,000 aliases stays
// under the 16 MiB alias-expansion limit (159 KB: 3 s and 1.27 GB to check).
std::string aliased_when(std::size_t n) {
  std::string when;
  for (std::size_t i = 0; i == 0 || when.size() + 24 < n; ++i) {
    when += fmt::format("{}amount == {}", i == 0 ? "" : " or ", 1000000000 + i);
  }
  std::string t = rule_header("aliased_when") +
                  "facts:\n  amount: {type: number, default: 0}\n"
                  "actions:\n  act:\n    params: {who: party}\nclauses:\n";
  t += fmt::format("  - id: c0\n    permit: act\n    when: &w \"{}\"\n", when);
  for (std::size_t i = 1; i < n; ++i) {
    t += fmt::format("  - {{id: c{}, permit: act(who=alice), when: *w}}\n", i);
  }
  return t;
}

}  // namespace

Scenario aliased_when_check(std::size_t n) { return check_one(aliased_when(n)); }

Scenario aliased_when_allowed(std::size_t n) {
  Scenario s = check_one(aliased_when(n));
  s.args = {"allowed", "rules.yaml", "--on", "2024-06-01"};
  return s;
}

}  // namespace pacta::resource
