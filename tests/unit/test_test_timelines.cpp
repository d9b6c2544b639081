// Timelines in test files (engine/testing/test_timelines): resolved against
// the contract (dates evaluated with the assumed facts, the runs checked to
// cover the range: E703), made by the Timeliner and compared run by run.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "engine/testing/test_runner.hpp"

using namespace pacta;
namespace fs = std::filesystem;

namespace {

// `c` permits go(acme) from 2024-01-01 while limit > 5, until the
// amendment `a` repeals it on 2025-01-01; `s` forbids stop before the fact
// ends_on; `p` obliges go(globex) when the fact ok (no default) holds, and
// `months` (date on both sides of a comparison, so evaluated day by day)
// forbids it otherwise in 2000..2099. The contract's default applies
// otherwise (permitted).
const char* const kContract = R"yaml(pacta: 1
contract: t
parties: [acme, globex]
facts:
  limit: {type: number, default: 10}
  ends_on: {type: date}
  ok: {type: bool}
dates:
  start: 2024-01-01
actions:
  go: {params: {p: party}}
  stop: {params: {p: party}}
clauses:
  - id: c
    permit: go(acme)
    from: start
    when: limit > 5
  - id: s
    forbid: stop
    when: date < ends_on
  - id: p
    oblige: go(globex)
    when: ok
  - id: months
    forbid: go(globex)
    when: not ok and date + 1 month > date + 30 days
    from: 2000-01-01
    until: 2100-01-01
amendments:
  - id: a
    signed: 2025-01-01
    repeal: [c]
)yaml";

struct Run {
  TestFileResult result;
  Diagnostics diags;
};

// The test file `body` (after `contract:`) beside kContract, run.
Run run(const std::string& body, const std::string& filter = "", const Limits& limits = {}) {
  // A folder per body: ctest runs the test cases of this file in parallel.
  const fs::path dir = fs::temp_directory_path() /
                       ("pacta_test_timelines_" + std::to_string(std::hash<std::string>{}(body)));
  fs::create_directories(dir);
  std::ofstream(dir / "c.yaml") << kContract;
  std::ofstream(dir / "t.test.yaml") << "pacta-test: 1\ncontract: c.yaml\n" << body;
  Run out;
  out.result = run_test_file((dir / "t.test.yaml").string(), limits, out.diags, filter);
  return out;
}

std::vector<std::string> codes(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) {
    out.push_back(std::string(code_name(d.code)) + " " + std::to_string(d.position.line) + ":" +
                  std::to_string(d.position.column) + " " + d.message);
  }
  return out;
}

std::string rendered(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.all()) out += render_text(d, false);
  return out;
}

const char* const kAllTime =
    "timelines:\n"
    "  - name: go over all time\n"
    "    ask: go(acme)\n"
    "    expect:\n"
    "      - {from: null, through: 2023-12-31, verdict: permitted, by: [], default: true}\n"
    "      - {from: start, through: 2024-12-31, verdict: permitted, by: [c], overridden: []}\n"
    "      - {from: 2025-01-01, through: null, verdict: permitted, default: true}\n";

Date day(const char* text) { return *Date::parse(text); }

}  // namespace

TEST_CASE("a timeline that holds passes, with every run found", "[testing][timelines]") {
  auto r = run(kAllTime);
  INFO(rendered(r.diags));
  REQUIRE(r.result.loaded);
  REQUIRE(r.result.timelines.size() == 1);
  const auto& t = r.result.timelines[0];
  CHECK(t.passed);
  CHECK_FALSE(t.differs);
  CHECK_FALSE(t.error);
  CHECK(t.name == "go over all time");
  CHECK(t.position.line == 4);
  REQUIRE(t.found.size() == 3);
  CHECK(t.found[0].from == Date::min());
  CHECK(t.found[0].through == day("2023-12-31"));
  CHECK(t.found[0].is_default);
  CHECK(t.found[1].by == std::vector<std::string>{"c"});
  CHECK(t.found[2].through == Date::max());
  REQUIRE(t.expected.size() == 3);
  CHECK(t.expected[1].from == day("2024-01-01"));  // `start`, evaluated
  CHECK(t.expected[1].overridden == std::vector<std::string>{});
  CHECK_FALSE(t.expected[2].by);
}

TEST_CASE("a failing timeline says which run differs", "[testing][timelines]") {
  SECTION("a date") {
    auto r =
        run("timelines:\n  - ask: go(acme)\n    expect:\n"
            "      - {from: null, through: 2023-12-31, verdict: permitted}\n"
            "      - {from: 2024-01-01, through: null, verdict: permitted}\n");
    const auto& t = r.result.timelines.at(0);
    CHECK_FALSE(t.passed);
    CHECK(t.differs == 1u);
    CHECK(t.found.size() == 3);
  }
  SECTION("the deciding clauses, as a set") {
    auto r =
        run("timelines:\n  - ask: go(acme)\n    expect:\n"
            "      - {from: null, through: 2023-12-31, verdict: permitted, by: [c]}\n"
            "      - {from: 2024-01-01, through: 2024-12-31, verdict: permitted}\n"
            "      - {from: 2025-01-01, through: null, verdict: permitted}\n");
    CHECK(r.result.timelines.at(0).differs == 0u);
  }
  SECTION("`default` and `overridden` when given") {
    auto r =
        run("timelines:\n  - ask: go(acme)\n    expect:\n"
            "      - {from: null, through: 2023-12-31, verdict: permitted}\n"
            "      - {from: 2024-01-01, through: 2024-12-31, verdict: permitted, default: true}\n"
            "      - {from: 2025-01-01, through: null, verdict: permitted}\n"
            "  - ask: go(acme)\n    expect:\n"
            "      - {from: null, through: 2023-12-31, verdict: permitted}\n"
            "      - {from: 2024-01-01, through: 2024-12-31, verdict: permitted, overridden: [s]}\n"
            "      - {from: 2025-01-01, through: null, verdict: permitted}\n");
    CHECK(r.result.timelines.at(0).differs == 1u);
    CHECK(r.result.timelines.at(1).differs == 1u);
  }
  SECTION("the verdict") {
    auto r =
        run("timelines:\n  - ask: stop(acme)\n    assume: {ends_on: 2030-01-01}\n    expect:\n"
            "      - {from: null, through: 2029-12-31, verdict: forbidden, by: [s]}\n"
            "      - {from: 2030-01-01, through: null, verdict: forbidden}\n");
    const auto& t = r.result.timelines.at(0);
    CHECK(t.differs == 1u);
    CHECK(t.found.at(1).verdict == Verdict::Permitted);
  }
}

TEST_CASE("a run too few or too many is a difference at its number", "[testing][timelines]") {
  auto r =
      run("timelines:\n  - ask: go(acme)\n    from: 2025-01-01\n    to: 2025-12-31\n    expect:\n"
          "      - {from: 2025-01-01, through: 2025-06-30, verdict: permitted}\n"
          "      - {from: 2025-07-01, through: 2025-12-31, verdict: permitted}\n");
  const auto& t = r.result.timelines.at(0);
  CHECK(t.found.size() == 1);
  CHECK(t.found[0].from == day("2025-01-01"));  // clipped to the range
  CHECK(t.found[0].through == day("2025-12-31"));
  CHECK(t.differs == 0u);  // the first run already ends on another day
}

TEST_CASE("timeline dates read the facts the timeline assumes", "[testing][timelines]") {
  auto r =
      run("timelines:\n  - ask: stop(globex)\n    assume: {ends_on: 2026-03-01}\n"
          "    from: start\n    to: ends_on + 1 year\n    expect:\n"
          "      - {from: start, through: ends_on - 1 day, verdict: forbidden, by: [s]}\n"
          "      - {from: ends_on, through: 2027-03-01, verdict: permitted, default: true}\n");
  INFO(rendered(r.diags));
  const auto& t = r.result.timelines.at(0);
  CHECK(t.passed);
  CHECK(t.from == day("2024-01-01"));
  CHECK(t.to == day("2027-03-01"));
  CHECK(t.expected.at(0).through == day("2026-02-28"));
}

TEST_CASE("as_agreed_on: the timeline of that scenario", "[testing][timelines]") {
  auto r =
      run("timelines:\n  - ask: go(acme)\n    as_agreed_on: 2024-12-31\n    expect:\n"
          "      - {from: null, through: 2023-12-31, verdict: permitted, by: []}\n"
          "      - {from: 2024-01-01, through: null, verdict: permitted, by: [c]}\n");
  CHECK(r.result.timelines.at(0).passed);
  CHECK(r.result.timelines.at(0).as_agreed_on == day("2024-12-31"));
}

TEST_CASE("a timeline that cannot be made fails with the reason", "[testing][timelines]") {
  auto r =
      run("timelines:\n  - ask: go(globex)\n    expect:\n"
          "      - {from: null, through: null, verdict: obligatory}\n"
          "  - ask: go(globex)\n    assume: {ok: true}\n    expect:\n"
          "      - {from: null, through: null, verdict: obligatory, by: [p]}\n");
  REQUIRE(r.result.loaded);
  const auto& failed = r.result.timelines.at(0);
  CHECK_FALSE(failed.passed);
  REQUIRE(failed.error);
  CHECK(failed.error->find("fact 'ok' has no default, and clause 'p' needs its value") !=
        std::string::npos);
  CHECK(failed.found.empty());
  CHECK_FALSE(failed.differs);
  CHECK(r.result.timelines.at(1).passed);
}

TEST_CASE("a timeline past the step bound fails, naming the clause", "[testing][timelines]") {
  // `months` has `date` on both sides: its days are evaluated one by one.
  Limits limits;
  limits.max_decision_steps = 10'000;
  const std::string body =
      "timelines:\n  - ask: go(globex)\n    assume: {ok: false}\n    expect:\n"
      "      - {from: null, through: null, verdict: forbidden}\n";
  auto r = run(body, "", limits);
  const auto& t = r.result.timelines.at(0);
  CHECK_FALSE(t.passed);
  REQUIRE(t.error);
  CHECK(t.error->find("clause 'months' compares `date` with an expression in `date`") !=
        std::string::npos);
  auto narrow =
      run("timelines:\n  - ask: go(globex)\n    assume: {ok: false}\n"
          "    from: 2024-01-01\n    to: 2024-03-31\n    expect:\n"
          "      - {from: 2024-01-01, through: 2024-01-30, verdict: forbidden, by: [months]}\n"
          "      - {from: 2024-01-31, through: 2024-01-31, verdict: permitted, default: true}\n"
          "      - {from: 2024-02-01, through: 2024-03-01, verdict: forbidden, by: [months]}\n"
          "      - {from: 2024-03-02, through: 2024-03-31, verdict: forbidden, by: [months]}\n",
          "", limits);
  const auto& n = narrow.result.timelines.at(0);
  CHECK_FALSE(n.error);  // 91 days fit in the bound
  CHECK_FALSE(n.found.empty());
}

TEST_CASE("E703: the expected runs must cover the range day after day", "[testing][timelines]") {
  auto r =
      run("timelines:\n"
          "  - ask: go(acme)\n    expect:\n"                                            // 4
          "      - {from: null, through: 2023-12-30, verdict: permitted}\n"             // 6
          "      - {from: 2024-01-01, through: 2023-06-01, verdict: permitted}\n"       // 7
          "  - ask: go(acme)\n    from: 2024-01-01\n    to: 2024-12-31\n    expect:\n"  // 8
          "      - {from: null, through: 2024-11-30, verdict: permitted}\n"             // 12
          "      - {from: 2024-12-01, through: null, verdict: permitted}\n"             // 13
          "  - ask: go(acme)\n    expect:\n"                                            // 14
          "      - {from: null, through: null, verdict: permitted}\n"                   // 16
          "      - {from: 2024-12-01, through: null, verdict: permitted}\n"             // 17
          "  - ask: go(acme)\n    from: 2025-01-01\n    to: 2024-01-01\n    expect:\n"  // 18
          "      - {from: 2025-01-01, through: 2024-01-01, verdict: permitted}\n");
  CHECK_FALSE(r.result.loaded);
  CHECK(r.result.timelines.empty());
  CHECK(codes(r.diags) ==
        std::vector<std::string>{
            "E703 7:16 run 2 starts on 2024-01-01, but run 1 ends on 2023-12-30: the next run "
            "starts on 2023-12-31",
            "E703 7:37 run 2 ends on 2023-06-01, before it starts (2024-01-01)",
            "E703 7:37 the last run ends on 2023-06-01, but the timeline has no end",
            "E703 12:16 the first run starts at the beginning of time, but the timeline on "
            "2024-01-01",
            "E703 13:37 the last run has no end, but the timeline ends on 2024-12-31",
            "E703 17:16 run 2 follows run 1, which has no end",
            "E703 20:9 the timeline's 'to' (2024-01-01) is before its 'from' (2025-01-01)",
        });
}

TEST_CASE("timeline dates that are no day are E302 / E306", "[testing][timelines]") {
  auto r =
      run("timelines:\n  - ask: stop(acme)\n    to: ends_on\n    expect:\n"
          "      - {from: null, through: 2030-01-01, verdict: permitted}\n"
          "  - ask: stop(acme)\n    assume: {ends_on: 9999-12-31}\n    expect:\n"
          "      - {from: null, through: ends_on + 1 day, verdict: permitted}\n");
  INFO(rendered(r.diags));
  CHECK_FALSE(r.result.loaded);
  CHECK(codes(r.diags) ==
        std::vector<std::string>{
            "E302 5:9 the timeline's 'to' is `never`, not a day",
            "E306 11:31 the timeline's 'through' cannot be evaluated with the facts it assumes: "
            "its date arithmetic goes outside 0001-01-01..9999-12-31"});
}

TEST_CASE("names in a timeline are resolved: every error reported", "[testing][timelines]") {
  auto r =
      run("timelines:\n  - ask: og(acme)\n    assume: {limt: 3}\n    expect:\n"
          "      - {from: null, through: null, verdict: permitted, by: [cc], overridden: [x]}\n"
          "  - ask: go\n    expect:\n"
          "      - {from: null, through: null, verdict: permitted}\n");
  CHECK_FALSE(r.result.loaded);
  std::vector<Code> only_codes;
  for (const auto& d : r.diags.all()) only_codes.push_back(d.code);
  CHECK(only_codes ==
        std::vector<Code>{Code::E401, Code::E604, Code::E401, Code::E401, Code::E702});
}

TEST_CASE("a filter runs the timelines whose name contains it", "[testing][timelines]") {
  const std::string body = std::string(kAllTime) +
                           "  - name: another\n    ask: go(globex)\n    expect:\n"
                           "      - {from: null, through: null, verdict: permitted}\n"
                           "cases:\n  - {name: a case, on: 2024-06-01, ask: go(acme), "
                           "expect: permitted}\n";
  auto all = run(body);
  CHECK(all.result.timelines.size() == 2);
  CHECK(all.result.cases.size() == 1);
  auto some = run(body, "all time");
  REQUIRE(some.result.timelines.size() == 1);
  CHECK(some.result.timelines[0].name == "go over all time");
  CHECK(some.result.cases.empty());
}
