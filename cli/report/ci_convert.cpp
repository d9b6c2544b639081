// check and test results -> CiReport (ci_convert.hpp).
#include "cli/report/ci_convert.hpp"

#include <fmt/format.h>

#include <map>
#include <utility>

#include "cli/report/test_text.hpp"

namespace pacta::cli {

namespace {

// The suites of a report by file, in the order files are first met.
class SuiteIndex {
 public:
  explicit SuiteIndex(std::vector<CiSuite>& suites) : suites_(suites) {
    for (std::size_t i = 0; i < suites_.size(); ++i) index_.emplace(suites_[i].file, i);
  }
  CiSuite& operator[](const std::string& file) {
    auto [it, added] = index_.emplace(file, suites_.size());
    if (added) suites_.push_back(CiSuite{file, {}});
    return suites_[it->second];
  }

 private:
  std::vector<CiSuite>& suites_;
  std::map<std::string, std::size_t> index_;
};

// A flag's diagnostics name the flag where a file would be ("--output").
bool names_a_flag(const std::string& file) { return file.rfind("--", 0) == 0; }

void add_diagnostics(const Diagnostics& diags, SuiteIndex& suites) {
  for (const Diagnostic& d : diags.all()) {
    suites[names_a_flag(d.file) ? std::string() : d.file].items.push_back(diagnostic_item(d));
  }
}

// A test case, a timeline or a plan step: passed or failed, no code.
CiItem result_item(std::string name, const std::string& file, Position at, bool passed,
                   std::string message, std::string detail) {
  return CiItem{std::move(name),
                file,
                static_cast<int>(at.line),
                static_cast<int>(at.column),
                passed ? CiItem::Outcome::Passed : CiItem::Outcome::Failed,
                Severity::Error,
                "",
                std::move(message),
                std::move(detail)};
}

CiItem case_item(const TestCaseResult& r) {
  return result_item(case_name(r), r.file, r.position, r.passed,
                     r.passed ? case_pass_text(r) : case_failure_text(r),
                     r.passed ? pass_line(r) : failure_line(r));
}

CiItem timeline_item(const TestTimelineResult& r) {
  return result_item(timeline_name(r), r.file, r.position, r.passed,
                     r.passed ? timeline_pass_text(r) : timeline_failure_text(r),
                     r.passed ? timeline_pass_line(r) : timeline_failure_line(r));
}

}  // namespace

CiItem diagnostic_item(const Diagnostic& d) {
  const bool flag = names_a_flag(d.file);
  CiItem item{std::string(code_info(d.code).title),
              flag ? std::string() : d.file,
              d.has_position ? static_cast<int>(d.position.line) : 0,
              d.has_position ? static_cast<int>(d.position.column) : 0,
              d.severity == Severity::Error ? CiItem::Outcome::Error : CiItem::Outcome::Passed,
              d.severity,
              std::string(code_name(d.code)),
              flag ? fmt::format("{}: {}", d.file, d.message) : d.message,
              render_text(d, false)};
  return item;
}

CiReport check_ci_report(const CheckReport& report) {
  CiReport out{"check", {}};
  out.suites.reserve(report.files.size());
  for (const CheckedFile& f : report.files) out.suites.push_back(CiSuite{f.path, {}});
  SuiteIndex suites(out.suites);
  add_diagnostics(report.diagnostics, suites);
  for (const CheckedFile& f : report.files) {
    if (!f.loaded) continue;
    const std::string summary = fmt::format("ok: contract '{}', {}, {}", f.loaded->contract_id,
                                            count_text(f.loaded->clauses, "clause"),
                                            count_text(f.loaded->amendments, "amendment"));
    suites[f.path].items.push_back(CiItem{fmt::format("contract '{}'", f.loaded->contract_id),
                                          f.path, 0, 0, CiItem::Outcome::Passed, Severity::Error,
                                          "", summary, fmt::format("{}: {}\n", f.path, summary)});
  }
  return out;
}

CiReport lint_ci_report(const LintReport& report) {
  CiReport out{"lint", {}};
  out.suites.reserve(report.files.size());
  for (const LintedFile& f : report.files) out.suites.push_back(CiSuite{f.path, {}});
  SuiteIndex suites(out.suites);
  add_diagnostics(report.diagnostics, suites);
  for (const LintedFile& f : report.files) {
    if (f.loaded == nullptr) continue;
    CiSuite& suite = suites[f.path];
    const std::string summary = fmt::format("lint: contract '{}', {}", f.loaded->contract.id,
                                            count_text(f.result.findings.size(), "finding"));
    suite.items.reserve(suite.items.size() + 1 + f.result.findings.size());
    suite.items.push_back(CiItem{fmt::format("contract '{}'", f.loaded->contract.id), f.path, 0, 0,
                                 CiItem::Outcome::Passed, Severity::Error, "", summary,
                                 fmt::format("{}: {}\n", f.path, summary)});
    for (const LintFinding& x : f.result.findings) {
      const Diagnostic d = finding_diagnostic(f, x);
      const bool fails = d.severity == Severity::Error ||
                         (d.severity == Severity::Warning && report.deny_warnings);
      std::string message = x.message;
      if (x.witness) message += fmt::format(" (witness: {})", witness_command(f, *x.witness));
      suite.items.push_back(
          CiItem{std::string(code_info(x.code).title), d.file, static_cast<int>(d.position.line),
                 static_cast<int>(d.position.column),
                 fails ? CiItem::Outcome::Failed : CiItem::Outcome::Passed, d.severity,
                 std::string(code_name(x.code)), std::move(message), finding_text(f, x, false)});
    }
  }
  return out;
}

CiReport test_ci_report(const TestReport& report) {
  CiReport out{"test", {}};
  SuiteIndex suites(out.suites);
  add_diagnostics(report.diagnostics, suites);
  for (const TestCaseResult& r : report.cases) suites[r.file].items.push_back(case_item(r));
  for (const TestTimelineResult& r : report.timelines) {
    suites[r.file].items.push_back(timeline_item(r));
  }
  return out;
}

CiReport plan_ci_report(const PlanReport& report, const Diagnostics& diagnostics) {
  CiReport out{"plan", {}};
  SuiteIndex suites(out.suites);
  add_diagnostics(diagnostics, suites);
  for (const PlanFileResult& f : report.files) {
    CiSuite& suite = suites[f.file];
    for (const PlanStepResult& s : f.steps) {
      suite.items.push_back(result_item(s.name.empty() ? std::string("(unnamed)") : s.name, s.file,
                                        s.position, s.passed, step_message(s),
                                        step_lines(s, false)));
    }
    for (const PlanObligation& o : f.obligations) {
      suite.items.push_back(CiItem{std::string(code_info(Code::P101).title), o.file, 0, 0,
                                   CiItem::Outcome::Passed, Severity::Warning,
                                   std::string(code_name(Code::P101)), obligation_message(o),
                                   obligation_lines(o, false)});
    }
  }
  return out;
}

}  // namespace pacta::cli
