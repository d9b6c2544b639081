// The JSON reporter: one document per command for programs to read,
// pretty-printed with two-space indents, keys in a fixed order. The shapes
// are documented in docs/cli.md; conversions are nlohmann to_json
// overloads found by ADL. Strings are the input's text; a byte that is not
// valid UTF-8 (a Latin-1 file name, an argument) is written as the text
// `\xHH`, as the text reporter shows it, so that dump() never throws; the
// controls and invisible marks are JSON escapes.
#include <fmt/format.h>

#include <cmath>

#include "cli/report/lint_report.hpp"
#include "cli/report/output.hpp"
#include "cli/report/reporter.hpp"
#include "cli/report/values.hpp"
#include "grammar/utf8.hpp"
#include "grammar/visible.hpp"

namespace pacta {

void to_json(cli::Json& j, const Diagnostic& d) {
  j["file"] = d.file;
  if (d.has_position) {
    j["line"] = d.position.line;
    j["column"] = d.position.column;
  } else {
    j["line"] = nullptr;
    j["column"] = nullptr;
  }
  j["severity"] = std::string(severity_word(d.severity));
  j["code"] = code_name(d.code);
  j["message"] = d.message;
  j["help"] = d.help;
}

void to_json(cli::Json& j, const Diagnostics& diags) {
  j["diagnostics"] = diags.all();
  j["suppressed"] = diags.suppressed();
}

}  // namespace pacta

namespace pacta::cli {

void to_json(Json& j, const CheckedFile& f) {
  j = Json{{"file", f.path}, {"ok", f.loaded.has_value()}};
}

namespace {

Json optional_ids(const std::optional<std::vector<std::string>>& ids) {
  return ids ? Json(*ids) : Json(nullptr);
}

// One case of `pacta test`: the question, what it expects (`by` and
// `overridden` null when the case does not say), and what pacta decided
// (null when it could not decide; `error` says why).
void verdict_fields(const Contract& c, const Decision& d, Json& j) {
  j["verdict"] = verdict_name(d.verdict);
  j["default"] = d.is_default;
  j["by"] = ids_json(c, d.by);
  j["overridden"] = ids_json(c, d.overridden);
}

// The cases of a conditional answer (SPEC §7.3): given, then the verdict fields.
Json cases_json(const Contract& c, const std::vector<Case<Decision>>& cases) {
  Json out = Json::array();
  for (const Case<Decision>& k : cases) {
    Json one;
    one["given"] = given_json(c, k.given);
    verdict_fields(c, k.outcome, one);
    out.push_back(std::move(one));
  }
  return out;
}

// Where a conditional case failed: the mismatch's kind, the values of the
// unknown facts there, and the expected cases and fact it is about
// (1-based; null when none).
Json mismatch_json(const Contract& c, const TestCaseResult& r) {
  using M = TestCaseResult::Mismatch;
  static constexpr std::pair<M, const char*> kNames[] = {{M::Differs, "differs"},
                                                         {M::NotCovered, "not_covered"},
                                                         {M::Overlap, "overlap"},
                                                         {M::NotRead, "not_read"},
                                                         {M::Misaligned, "misaligned"}};
  const char* kind = "";
  for (const auto& [m, name] : kNames) {
    if (m == r.mismatch) kind = name;
  }
  const auto number = [](int k) { return k >= 0 ? Json(k + 1) : Json(nullptr); };
  Json j;
  j["kind"] = kind;
  j["given"] = given_json(c, r.at);
  j["expected_case"] = number(r.expected_case);
  j["other_case"] = number(r.other_case);
  j["fact"] = r.fact >= 0 ? Json(c.facts[static_cast<std::size_t>(r.fact)].name) : Json(nullptr);
  return j;
}

Json case_json(const TestCaseResult& r) {
  const Contract& c = r.contract->contract;
  Json j;
  j["file"] = r.file;
  j["line"] = r.position.line;
  j["name"] = r.name;
  j["passed"] = r.passed;
  j["on"] = date_json(r.on);
  j["ask"] = instance_json(c, r.action, r.args);
  j["assume"] = assume_json(c, r.assume);
  j["as_agreed_on"] = date_json(r.as_agreed_on);
  j["without"] = r.without;
  j["with"] = r.with;
  if (r.expected_cases.empty()) {
    j["expected"] = Json{{"verdict", r.expected},
                         {"by", optional_ids(r.expected_by)},
                         {"overridden", optional_ids(r.expected_overridden)}};
  } else {
    Json cases = Json::array();
    for (const TestCaseResult::ExpectedCase& e : r.expected_cases) {
      cases.push_back(Json{{"given", given_json(c, e.given)},
                           {"verdict", e.expect},
                           {"by", optional_ids(e.by)},
                           {"overridden", optional_ids(e.overridden)}});
    }
    j["expected"] = Json{{"cases", std::move(cases)}};
  }
  if (r.error) {
    j["got"] = nullptr;
  } else if (!r.got_cases.empty()) {
    j["got"] = Json{{"cases", cases_json(c, r.got_cases)}};
  } else {
    j["got"] = Json{
        {"verdict", r.got}, {"by", r.by}, {"overridden", r.overridden}, {"default", r.is_default}};
  }
  j["error"] = r.error ? Json(*r.error) : Json(nullptr);
  // Only where the answer depends on unknown facts (SPEC §7.3).
  if (!r.unknown.empty()) j["unknown"] = fact_names_json(c, r.unknown);
  // Where a conditional answer or `expect_cases` failed; a plain answer's
  // failure is `expected` against `got`.
  if (r.mismatch != TestCaseResult::Mismatch::None &&
      (!r.unknown.empty() || !r.expected_cases.empty())) {
    j["mismatch"] = mismatch_json(c, r);
  }
  return j;
}

// A run's end: null for the beginning of time / no end.
Json run_day_json(Date d) {
  return d == Date::min() || d == Date::max() ? Json(nullptr) : Json(d.to_string());
}

// One timeline of `pacta test`: the question, the runs it expects (`by`,
// `overridden`, `default` null when not given), the runs found (null when
// the timeline could not be made; `error` says why) and the number of the
// first run that differs (null when it passed or could not be made).
Json timeline_json(const TestTimelineResult& r) {
  const Contract& c = r.contract->contract;
  Json j;
  j["file"] = r.file;
  j["line"] = r.position.line;
  j["name"] = r.name;
  j["passed"] = r.passed;
  j["ask"] = instance_json(c, r.action, r.args);
  j["from"] = date_json(r.from);
  j["to"] = date_json(r.to);
  j["assume"] = assume_json(c, r.assume);
  j["as_agreed_on"] = date_json(r.as_agreed_on);
  j["without"] = r.without;
  j["with"] = r.with;
  Json expected = Json::array();
  for (const ExpectedRun& e : r.expected) {
    expected.push_back(Json{{"from", run_day_json(e.from)},
                            {"through", run_day_json(e.through)},
                            {"verdict", verdict_name(e.verdict)},
                            {"default", e.is_default ? Json(*e.is_default) : Json(nullptr)},
                            {"by", optional_ids(e.by)},
                            {"overridden", optional_ids(e.overridden)}});
  }
  j["expected"] = expected;
  Json got = Json::array();
  for (const FoundRun& f : r.found) {
    got.push_back(Json{{"from", run_day_json(f.from)},
                       {"through", run_day_json(f.through)},
                       {"verdict", verdict_name(f.verdict)},
                       {"default", f.is_default},
                       {"by", f.by},
                       {"overridden", f.overridden}});
  }
  j["got"] = r.error ? Json(nullptr) : got;
  j["differs"] = r.differs ? Json(*r.differs + 1) : Json(nullptr);
  j["error"] = r.error ? Json(*r.error) : Json(nullptr);
  return j;
}

// One decimal, as the text shows it: 85.7.
double percent(std::size_t decided, std::size_t clauses) {
  if (clauses == 0) return 100.0;
  return std::round(1000.0 * static_cast<double>(decided) / static_cast<double>(clauses)) / 10.0;
}

// --coverage: the counts of the run, then per contract file its counts and
// the clauses that decided no case.
Json coverage_json(const ClauseCoverage& coverage) {
  Json contracts = Json::array();
  for (const ClauseCoverage::Contract& c : coverage.contracts) {
    Json undecided = Json::array();
    for (const ClauseCoverage::Clause& clause : c.clauses) {
      if (!clause.decided) {
        undecided.push_back(Json{{"id", clause.id}, {"file", clause.file}, {"line", clause.line}});
      }
    }
    contracts.push_back(Json{{"file", c.file},
                             {"clauses", c.clauses.size()},
                             {"decided", c.decided},
                             {"percent", percent(c.decided, c.clauses.size())},
                             {"undecided", std::move(undecided)}});
  }
  return Json{{"clauses", coverage.clauses},
              {"decided", coverage.decided},
              {"percent", percent(coverage.decided, coverage.clauses)},
              {"contracts", std::move(contracts)}};
}

Json decision_json(const Contract& c, const DecidedInstance& r) {
  Json j;
  j["action"] = c.actions[r.action].name;
  j["args"] = args_json(c, r.action, r.args);
  if (r.cases.empty()) {
    verdict_fields(c, r.decision, j);
    return j;
  }
  j["cases"] = cases_json(c, r.cases);  // SPEC §7.3: in place of its own verdict fields
  return j;
}

// The answer's keys before `results`: the question as understood.
Json answer_head(const Answer& a) {
  const Contract& c = a.contract;
  Json j;
  j["contract"] = c.id;
  j["on"] = a.on.to_string();
  j["as_agreed_on"] = date_json(a.as_agreed_on);
  j["assume"] = assume_json(c, a.assumed);
  j["without"] = a.without;
  j["with"] = a.with;
  // Only in a conditional answer (SPEC §7.3): the facts left unknown.
  if (!a.unknown.empty()) j["unknown"] = fact_names_json(c, a.unknown);
  return j;
}

// The document and a newline.
void print_document(Stream stream, Json j) { write(stream, safe_dump(std::move(j)) + '\n'); }

// The answer as one document, byte for byte what dump(2) gives for the
// whole, but written one result at a time: the head's closing brace is
// replaced by the `results` array, each element dumped on its own.
void print_answer(Stream stream, const Answer& a) {
  std::string head = safe_dump(answer_head(a));
  head.resize(head.size() - 2);  // "\n}": the head has keys, so dump(2) ends so
  write(stream, head + ",\n  \"results\": [");
  bool first = true;
  a.results.for_each([&](const DecidedInstance& r) {
    write(stream, (first ? "\n" : ",\n") + nested(safe_dump(decision_json(a.contract, r)), 2));
    first = false;
  });
  write(stream, first ? "]\n}\n" : "\n  ]\n}\n");
}

class JsonReporter final : public Reporter {
 public:
  void diagnostics(const Diagnostics& diags) override { print_document(Stream::Err, Json(diags)); }

  // One document on stdout: the files, then every diagnostic.
  void check(const CheckReport& report) override {
    Json j;
    j["files"] = report.files;
    j.update(Json(report.diagnostics));
    print_document(Stream::Out, std::move(j));
  }

  void answer(const Answer& answer) override { print_answer(Stream::Out, answer); }

  // The cases and timelines on stdout. Diagnostics go to stderr only when there is an
  // error among them; warnings alone are not printed in this format.
  void plan(const PlanReport& report) override { write_plan_json(report); }

  void tests(const TestReport& report) override {
    if (report.diagnostics.has_errors()) diagnostics(report.diagnostics);
    Json j;
    Json cases = Json::array();
    for (const auto& r : report.cases) cases.push_back(case_json(r));
    j["cases"] = cases;
    Json timelines = Json::array();
    for (const auto& r : report.timelines) timelines.push_back(timeline_json(r));
    j["timelines"] = timelines;
    j["passed"] = report.passed;
    j["failed"] = report.failed;
    if (report.coverage) j["coverage"] = coverage_json(*report.coverage);
    print_document(Stream::Out, std::move(j));
  }

  // The findings as one array on stdout; loading errors on stderr.
  void lint(const LintReport& report) override {
    if (report.diagnostics.has_errors()) diagnostics(report.diagnostics);
    print_document(Stream::Out, lint_json(report));
  }
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter() { return std::make_unique<JsonReporter>(); }

}  // namespace pacta::cli
