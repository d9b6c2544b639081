// Generators of `pacta test` runs that broke in issue 9: one-line test files
// (item 10), many cases or many test files on a big contract (11), and
// amended clause text (15, with `ask`).
#include <fmt/format.h>

#include <chrono>

#include "tests/resource/generators.hpp"

namespace pacta::resource {

namespace {

// A small contract: a permit for alice, the contract default for bob.
std::string small_contract() {
  return rule_header("small") +
         "types:\n  item: [books, films, games]\n"
         "actions:\n  sell:\n    params: {seller: party, what: item}\n"
         "clauses:\n  - id: alice-sells\n    permit: sell(seller=alice)\n";
}

// N actions with a clause each: deciding one instance needs only its own
// action's clause, so a run of N cases can be linear.
std::string wide_contract(std::size_t n) {
  std::string t = rule_header("wide") + "types:\n  item: [books, films, games]\nactions:\n";
  for (std::size_t i = 0; i < n; ++i) t += fmt::format("  act{}:\n    params: {{what: item}}\n", i);
  t += "clauses:\n";
  for (std::size_t i = 0; i < n; ++i) {
    t += fmt::format("  - id: clause{}\n    {}: act{}(what=films)\n    from: 2020-01-01\n", i,
                     i % 2 ? "forbid" : "permit", i);
  }
  return t;
}

// Case I of the wide contract, in block style.
std::string wide_case(std::size_t i) {
  return fmt::format(
      "  - name: case {0}\n    on: 2024-01-01\n    ask: act{0}(what=films)\n"
      "    expect: {1}\n    by: [clause{0}]\n",
      i, i % 2 ? "forbidden" : "permitted");
}

// The date DAYS after 2001-01-01, as YYYY-MM-DD.
std::string date_after(int days) {
  using namespace std::chrono;
  year_month_day d{sys_days{year{2001} / January / 1} + std::chrono::days{days}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()),
                     static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

// One clause whose `text` is about BYTES long, amended AMENDS times (each
// amendment changes only the title, a day after the one before).
std::string amended_contract(std::size_t bytes, std::size_t amends) {
  std::string t = rule_header("amended") + "actions:\n  act: {}\nclauses:\n";
  t += "  - id: c0\n    title: the original\n    permit: act\n    text: >-\n";
  t.reserve(t.size() + bytes + amends * 120);
  for (std::size_t line = 0; line * 80 < bytes; ++line) {
    t +=
        fmt::format("      {:04} lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do\n",
                    line % 10000);
  }
  t += "amendments:\n";
  for (std::size_t i = 0; i < amends; ++i) {
    t += fmt::format(
        "  - id: a{0}\n    signed: 2001-01-01 + {1} days\n    amend:\n"
        "      - {{id: c0, title: amended {0}}}\n",
        i, i + 1);
  }
  return t;
}

}  // namespace

// Item 10: a flow-style test file on one line, N cases (3 MB: 5.0 s, where
// the same cases in block style took 0.8 s).
Scenario flow_test_file(std::size_t n) {
  std::string t = "{pacta-test: 1, contract: small.yaml, cases: [";
  t.reserve(n * 110);
  for (std::size_t i = 0; i < n; ++i) {
    bool alice = i % 2 == 0;
    t += fmt::format("{}{{name: case {}, on: 2024-01-01, ask: 'sell({}, films)', expect: {}}}",
                     i == 0 ? "" : ", ", i, alice ? "alice" : "bob",
                     alice ? "permitted" : "forbidden");
  }
  t += "]}\n";
  Scenario s;
  s.files = {{"small.yaml", small_contract()}, {"one-line.test.yaml", std::move(t)}};
  s.args = {"test", "one-line.test.yaml"};
  return s;
}

// Item 11: N cases against a contract of N clauses, all as agreed on the
// same day (1.3 MB rules + 1.5 MB tests: 5.1 s, x3.7 per doubling).
Scenario test_big_contract(std::size_t n) {
  std::string t = test_header("wide.yaml");
  for (std::size_t i = 0; i < n; ++i) t += wide_case(i);
  Scenario s;
  s.files = {{"wide.yaml", wide_contract(n)}, {"wide.test.yaml", std::move(t)}};
  s.args = {"test", "wide.test.yaml"};
  return s;
}

// Item 11: N/1000 test files (8 cases each) naming one contract of N
// clauses: the contract was loaded again for each file (10 test files on
// one 4 MB contract: 8 s).
Scenario test_many_files(std::size_t n) {
  Scenario s;
  s.files.emplace_back("wide.yaml", wide_contract(n));
  std::size_t files = std::max<std::size_t>(2, n / 1000);
  for (std::size_t f = 0; f < files; ++f) {
    std::string t = test_header("../wide.yaml");
    for (std::size_t i = 0; i < 8; ++i) t += wide_case((f * 8 + i) % n);
    s.files.emplace_back(fmt::format("tests/part{:04}.test.yaml", f), std::move(t));
  }
  s.args = {"test", "tests"};
  return s;
}

// Item 15: a clause of N KiB of text amended N/10 times (4 MB text and 400
// amendments: 1.6 GB for `ask`, each version a copy of the whole clause).
Scenario amended_text_ask(std::size_t n) {
  Scenario s;
  s.files.emplace_back("rules.yaml", amended_contract(n * 1024, std::max<std::size_t>(1, n / 10)));
  s.args = {"ask", "rules.yaml", "act", "--on", "2030-01-01"};
  return s;
}

// Item 15: a contract with N KiB of clause text amended 40 times, and N/64
// cases, each as agreed on another day (1 MB contract + 2 KB test file:
// 1.98 GB, a copy of the contract per distinct as_agreed_on).
Scenario amended_text_test(std::size_t n) {
  std::string t = test_header("rules.yaml");
  std::size_t cases = std::max<std::size_t>(2, n / 64);
  for (std::size_t i = 0; i < cases; ++i) {
    t += fmt::format(
        "  - name: as agreed on day {0}\n    on: 2030-01-01\n    as_agreed_on: {1}\n"
        "    ask: act\n    expect: permitted\n    by: [c0]\n",
        i, date_after(static_cast<int>(i)));
  }
  Scenario s;
  s.files = {{"rules.yaml", amended_contract(n * 1024, 40)}, {"amended.test.yaml", std::move(t)}};
  s.args = {"test", "amended.test.yaml"};
  return s;
}

}  // namespace pacta::resource
