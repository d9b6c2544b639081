// The test file reader (grammar/files/test_file): the `timelines` key of
// SPEC §6 — its shape, every key checked, every error located — and the
// top-level keys a file with timelines may have. What needs the contract
// (names, dates evaluated, runs covering the range) is in
// test_test_runner.cpp.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "grammar/files/test_file.hpp"
#include "tests/unit/yaml_fixture.hpp"

using namespace pacta::yaml_fixture;
using pacta::Presence;
using pacta::TestFileSyntax;

namespace {

struct Read {
  Loaded loaded;
  TestFileSyntax syntax;
};

// `body` after the two first keys, read as a test file.
Read read(const std::string& body) {
  Read out{load("pacta-test: 1\ncontract: rules.yaml\n" + body), {}};
  INFO(rendered(out.loaded.diags));
  REQUIRE(out.loaded.doc);
  out.syntax = pacta::read_test_file(*out.loaded.file, *out.loaded.doc, Limits{}, out.loaded.diags);
  return out;
}

// A file with one timeline whose keys are `keys` (indented under `- `).
Read timeline(const std::string& keys) { return read("timelines:\n  - " + keys); }

const char* const kRun = "      - {from: null, through: null, verdict: permitted}\n";

}  // namespace

TEST_CASE("timelines: every key read, null run ends kept as Null", "[test_file][timelines]") {
  auto r = read(
      "timelines:\n"
      "  - name: all time\n"
      "    ask: host(acme, azure)\n"
      "    from: 2024-01-01\n"
      "    to: signed + 1 year\n"
      "    assume: {approved: true}\n"
      "    as_agreed_on: 2024-06-01\n"
      "    expect:\n"
      "      - {from: 2024-01-01, through: 2024-01-30, verdict: permitted, by: [], default: true}\n"
      "      - {from: 2024-01-31, through: null, verdict: forbidden, by: [a, b],\n"
      "         overridden: [c], default: false}\n");
  INFO(rendered(r.loaded.diags));
  REQUIRE(r.loaded.diags.all().empty());
  REQUIRE(r.syntax.cases.empty());
  REQUIRE(r.syntax.timelines.size() == 1);
  const auto& t = r.syntax.timelines.front();
  CHECK(t.complete);
  CHECK(t.name == "all time");
  CHECK(t.ask.has_value());
  CHECK(t.from.is_set());
  CHECK(t.to.is_set());
  CHECK(t.as_agreed_on.is_set());
  REQUIRE(t.assume.size() == 1);
  CHECK(t.assume[0].first.value == "approved");
  REQUIRE(t.expect.size() == 2);
  CHECK(t.expect[0].from.is_set());
  CHECK(t.expect[0].verdict.value == "permitted");
  REQUIRE(t.expect[0].by);
  CHECK(t.expect[0].by->empty());
  CHECK_FALSE(t.expect[0].overridden);
  CHECK(t.expect[0].is_default == true);
  CHECK(t.expect[1].through.presence == Presence::Null);
  CHECK(t.expect[1].verdict.value == "forbidden");
  REQUIRE(t.expect[1].by);
  CHECK(t.expect[1].by->size() == 2);
  REQUIRE(t.expect[1].overridden);
  CHECK(t.expect[1].overridden->front().value == "c");
  CHECK(t.expect[1].is_default == false);
}

TEST_CASE("timelines: optional keys absent", "[test_file][timelines]") {
  auto r = timeline(std::string("ask: host(acme, azure)\n    expect:\n") + kRun);
  REQUIRE(r.loaded.diags.all().empty());
  const auto& t = r.syntax.timelines.at(0);
  CHECK(t.complete);
  CHECK(t.name.empty());
  CHECK(t.from.presence == Presence::Absent);
  CHECK(t.to.presence == Presence::Absent);
  CHECK(t.as_agreed_on.presence == Presence::Absent);
  CHECK(t.assume.empty());
  const auto& run = t.expect.at(0);
  CHECK(run.from.presence == Presence::Null);
  CHECK(run.through.presence == Presence::Null);
  CHECK_FALSE(run.by);
  CHECK_FALSE(run.overridden);
  CHECK_FALSE(run.is_default);
}

TEST_CASE("a test file may hold cases, timelines or both, not neither", "[test_file][timelines]") {
  CHECK(read("cases: []\n").loaded.diags.all().empty());
  CHECK(read("timelines: []\n").loaded.diags.all().empty());
  CHECK(read("cases: []\ntimelines: []\n").loaded.diags.all().empty());
  auto neither = load("pacta-test: 1\ncontract: rules.yaml\n");
  REQUIRE(neither.doc);
  pacta::read_test_file(*neither.file, *neither.doc, Limits{}, neither.diags);
  CHECK(where(neither.diags) == std::vector<std::string>{"E203 1:1"});
  CHECK(only(neither.diags).message == "the test file is missing the required key 'cases'");
  CHECK(only(neither.diags).help == "a test file holds `cases:`, `timelines:` or both");
}

TEST_CASE("timelines: wrong kinds are E201 at the value", "[test_file][timelines]") {
  CHECK(where(read("timelines: {a: 1}\n").loaded.diags) == std::vector<std::string>{"E201 3:12"});
  CHECK(where(read("timelines:\n  - just a name\n").loaded.diags) ==
        std::vector<std::string>{"E201 4:5"});
  auto r = timeline("ask: host(acme, azure)\n    expect: {from: null}\n");
  CHECK(where(r.loaded.diags) == std::vector<std::string>{"E201 5:13"});
  CHECK_FALSE(r.syntax.timelines.at(0).complete);
  r = timeline("ask: host(acme, azure)\n    expect:\n      - [null, null, permitted]\n");
  CHECK(where(r.loaded.diags) == std::vector<std::string>{"E201 6:9"});
  CHECK_FALSE(r.syntax.timelines.at(0).complete);
  r = timeline(
      "ask: host(acme, azure)\n    expect:\n"
      "      - {from: null, through: null, verdict: permitted, by: x, overridden: {a: b}}\n");
  CHECK(where(r.loaded.diags) == std::vector<std::string>{"E201 6:61", "E201 6:76"});
  CHECK_FALSE(r.syntax.timelines.at(0).complete);
  r = timeline("ask: host(acme, azure)\n    assume: [approved]\n    expect:\n" + std::string(kRun));
  CHECK(where(r.loaded.diags) == std::vector<std::string>{"E201 5:13"});
}

TEST_CASE("timelines: missing keys are E203 and the timeline does not run",
          "[test_file][timelines]") {
  auto r = timeline("name: no expect\n    ask: host(acme, azure)\n");
  CHECK(where(r.loaded.diags) == std::vector<std::string>{"E203 4:5"});
  CHECK(only(r.loaded.diags).message == "a timeline is missing the required key 'expect'");
  CHECK_FALSE(r.syntax.timelines.at(0).complete);
  r = timeline(std::string("expect:\n") + kRun);
  CHECK(only(r.loaded.diags).message == "a timeline is missing the required key 'ask'");
  r = timeline("ask: host(acme, azure)\n    expect:\n      - {verdict: permitted}\n");
  CHECK(where(r.loaded.diags) == std::vector<std::string>{"E203 6:9", "E203 6:9"});
  CHECK(r.loaded.diags.all()[0].message == "an expected run is missing the required key 'from'");
  CHECK(r.loaded.diags.all()[1].message == "an expected run is missing the required key 'through'");
  CHECK_FALSE(r.syntax.timelines.at(0).complete);
  r = timeline("ask: host(acme, azure)\n    expect:\n      - {from: null, through: null}\n");
  CHECK(only(r.loaded.diags).message == "an expected run is missing the required key 'verdict'");
}

TEST_CASE("timelines: an empty expect is E703", "[test_file][timelines]") {
  auto r = timeline("ask: host(acme, azure)\n    expect: []\n");
  CHECK(where(r.loaded.diags) == std::vector<std::string>{"E703 5:13"});
  CHECK(only(r.loaded.diags).message == "a timeline's 'expect' lists no run");
  CHECK_FALSE(r.syntax.timelines.at(0).complete);
}

TEST_CASE("timelines: unknown keys are E202 with did-you-mean; what-if keys are not yet allowed",
          "[test_file][timelines]") {
  auto r = timeline(
      "ask: host(acme, azure)\n    frm: 2024-01-01\n    without: [a]\n    with: w.yaml\n"
      "    expect:\n"
      "      - {from: null, through: null, verdict: permitted, bye: [x], defualt: true}\n");
  CHECK(where(r.loaded.diags) ==
        std::vector<std::string>{"E202 5:5", "E202 6:5", "E202 7:5", "E202 9:57", "E202 9:67"});
  const auto& d = r.loaded.diags.all();
  CHECK(d[0].help == "did you mean 'from'?");
  // `without` and `with` are rejected as in a case: unknown keys.
  CHECK(d[1].message == "unknown key 'without' in a timeline");
  CHECK(d[1].help == "allowed keys: name, ask, from, to, assume, as_agreed_on, expect");
  CHECK(d[2].message == "unknown key 'with' in a timeline");
  CHECK(d[3].message == "unknown key 'bye' in an expected run");
  CHECK(d[3].help == "did you mean 'by'?");
  CHECK(d[4].help == "did you mean 'default'?");
  // The timeline is still read, every key (the file's errors keep it from running).
  CHECK(r.syntax.timelines.at(0).expect.size() == 1);
  CHECK(r.syntax.timelines.at(0).from.presence == Presence::Absent);
}

TEST_CASE("timelines: a run's verdict is one of four; `allowed` is explained",
          "[test_file][timelines]") {
  auto r = timeline(
      "ask: host(acme, azure)\n    expect:\n"
      "      - {from: null, through: 2024-01-01, verdict: allowed}\n"
      "      - {from: 2024-01-02, through: null, verdict: permited}\n");
  CHECK(where(r.loaded.diags) == std::vector<std::string>{"E204 6:52", "E204 7:52"});
  const auto& d = r.loaded.diags.all();
  CHECK(d[0].message == "'allowed' is not a valid verdict of a run");
  CHECK(d[0].help.find("`allowed` would hide where a run ends") != std::string::npos);
  CHECK(d[1].help == "did you mean 'permitted'?");
  CHECK_FALSE(r.syntax.timelines.at(0).complete);
}

TEST_CASE("timelines: `default` of a run is true or false", "[test_file][timelines]") {
  auto r = timeline(
      "ask: host(acme, azure)\n    expect:\n"
      "      - {from: null, through: null, verdict: permitted, default: yes}\n");
  CHECK(where(r.loaded.diags) == std::vector<std::string>{"E204 6:66"});
  CHECK(only(r.loaded.diags).help == "use one of: true, false");
}

TEST_CASE("timelines: bad dates and expressions are located", "[test_file][timelines]") {
  auto r = timeline(
      "ask: host(acme, azure)\n    from: 2024-02-30\n    to: 2024-13-01\n"
      "    as_agreed_on: +\n    expect:\n"
      "      - {from: null, through: 2024-02-30, verdict: permitted}\n");
  CHECK(where(r.loaded.diags) ==
        std::vector<std::string>{"E302 5:11", "E302 6:9", "E301 7:19", "E302 9:31"});
  CHECK_FALSE(r.syntax.timelines.at(0).complete);
  // null is a run's open end, not a timeline's: leave `from`/`to` out.
  r = timeline("ask: host(acme, azure)\n    from: null\n    expect:\n" + std::string(kRun));
  CHECK(where(r.loaded.diags) == std::vector<std::string>{"E201 5:11"});
  r = timeline("ask: host(\n    expect:\n" + std::string(kRun));
  CHECK(where(r.loaded.diags).at(0).rfind("E301 ", 0) == 0);
  CHECK_FALSE(r.syntax.timelines.at(0).complete);
}

TEST_CASE("timelines: one error does not hide the others", "[test_file][timelines]") {
  auto r = read(
      "timelines:\n"
      "  - ask: host(acme, azure)\n"
      "    expect:\n"
      "      - {from: null, through: null, verdict: permited}\n"
      "  - ask: host(acme, azure)\n"
      "    expect:\n"
      "      - {from: null, through: null, verdict: permitted, by: [bad id!]}\n"
      "cases:\n"
      "  - {name: c, on: 2024-01-01, ask: host(acme), expect: permited}\n");
  // The cases are read first, then the timelines: every error of both.
  CHECK(where(r.loaded.diags) == std::vector<std::string>{"E204 11:56", "E204 6:46", "E205 9:62"});
  REQUIRE(r.syntax.timelines.size() == 2);
  CHECK_FALSE(r.syntax.timelines[0].complete);
  CHECK_FALSE(r.syntax.timelines[1].complete);
}
