// Generators of questions that broke in issue 9: enumerations whose cost was
// bounded by a count, not by the work (item 12), and inputs that are not
// regular files (item 2); plus a typical large contract as the baseline.
#include <fmt/format.h>

#include "bench/generate.hpp"
#include "tests/resource/generators.hpp"

namespace pacta::resource {

namespace {

// An action with six 5-valued params and one of N / 15,625 values: N
// instances (1,000,000 = max_instances at N = 1,000,000), and CLAUSES
// clauses that each match every instance (a `when` over the params decides
// which apply), so every instance is decided and most are forbidden.
std::string many_instances(std::size_t n, std::size_t clauses) {
  std::string t = rule_header("instances") + "types:\n  five: [a, b, c, d, e]\n  wide: [";
  std::size_t width = std::max<std::size_t>(1, n / 15625);
  for (std::size_t i = 0; i < width; ++i) t += fmt::format("{}w{}", i ? ", " : "", i);
  t += "]\nactions:\n  act:\n    params: {p1: five, p2: five, p3: five, p4: five, p5: five, "
       "p6: five, q: wide}\nclauses:\n";
  const char* modality[] = {"permit", "forbid", "oblige", "permit"};
  const char* value[] = {"a", "b", "c", "d", "e"};
  for (std::size_t i = 0; i < clauses; ++i) {
    t += fmt::format("  - id: c{}\n    {}: act\n    when: p{} == {} or q == w{}\n", i,
                     modality[i % 4], i % 6 + 1, value[i % 5], i % width);
  }
  return t;
}

Scenario with_rules(std::string text, std::vector<std::string> args) {
  Scenario s;
  s.files.emplace_back("rules.yaml", std::move(text));
  s.args = std::move(args);
  return s;
}

// FIFO is made a FIFO, then ARGS run (a regression blocks in open()).
Scenario with_fifo(std::string fifo, std::vector<std::string> args) {
  Scenario s;
  s.fifos = {std::move(fifo)};
  s.args = std::move(args);
  return s;
}

}  // namespace

// Item 12: `allowed --format json` on N instances (a 268-byte file: 2.0 GB
// and 7-10 s, SIGABRT under a 1 GB limit).
Scenario enum_allowed_json(std::size_t n) {
  return with_rules(many_instances(n, 4),
                    {"allowed", "rules.yaml", "--on", "2024-06-01", "--format", "json"});
}

// Item 12: `ask --expect` on N instances with 32 clauses, most instances
// differ (a 10 KB file with 100 clauses: 2 GB, 12.7 s and one 60 MB stderr
// line).
Scenario enum_ask_expect(std::size_t n) {
  return with_rules(many_instances(n, 32),
                    {"ask", "rules.yaml", "act", "--on", "2024-06-01", "--expect", "permitted"});
}

// Item 12: `ask --expect` on N instances with 2 clauses, within the bound
// on deciding steps, so it is decided and the differing instances listed.
Scenario enum_ask_expect_listed(std::size_t n) {
  return with_rules(many_instances(n, 2),
                    {"ask", "rules.yaml", "act", "--on", "2024-06-01", "--expect", "permitted"});
}

// Baseline: the benchmark's typical contract (bench/generate.hpp) with N
// clauses; its peak memory per input byte is the figure of docs/limits.md.
Scenario typical_rules(std::size_t n) {
  return with_rules(bench::generate_contract(static_cast<int>(n)), {"check", "rules.yaml"});
}

// Item 2: a FIFO given to `check`, `ask` or `test` blocked forever in
// open(); so did `/dev/stdin` on an idle pipe, and a FIFO as `contract:`.
// Only regular files are read: each is an error (exit 2), at once.
Scenario fifo_check(std::size_t) { return with_fifo("rules.yaml", {"check", "rules.yaml"}); }

Scenario fifo_ask(std::size_t) {
  return with_fifo("rules.yaml", {"ask", "rules.yaml", "act", "--on", "2024-06-01"});
}

Scenario fifo_test(std::size_t) { return with_fifo("fifo.test.yaml", {"test", "fifo.test.yaml"}); }

Scenario fifo_contract(std::size_t) {
  Scenario s = with_fifo("rules.yaml", {"test", "c.test.yaml"});
  s.files.emplace_back("c.test.yaml", test_header("rules.yaml") +
                                          "  - {name: one, on: 2024-06-01, ask: act, "
                                          "expect: permitted}\n");
  return s;
}

Scenario idle_stdin(std::size_t) {
  Scenario s;
  s.idle_stdin_pipe = true;
  s.args = {"check", "/dev/stdin"};
  return s;
}

}  // namespace pacta::resource
