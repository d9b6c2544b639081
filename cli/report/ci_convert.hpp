#pragma once
// What `pacta check` and `pacta test` found, as the neutral model of the
// machine reports (ci_report.hpp). A diagnostic becomes an item of its
// file's suite (outcome Error for an error, Passed for a warning: a
// warning fails nothing, the reports still list it as a finding); a case
// or a timeline an item of its test file's suite, passed or failed, with
// the words of the text report (test_text.hpp).
#include "cli/report/ci_report.hpp"
#include "cli/report/lint_report.hpp"
#include "cli/report/reporter.hpp"

namespace pacta::cli {

// A diagnostic as an item: titled by its code's title, the message its
// own (a flag's diagnostic, file "--output", has no file and names the flag
// in the message), the detail as the text report renders it.
CiItem diagnostic_item(const Diagnostic& d);

// One suite per file named (command-line order), each holding its
// diagnostics, or one passed item for a file that loaded ("contract 'ID'");
// diagnostics about other paths (a folder without rule files) in suites
// of their own after them.
CiReport check_ci_report(const CheckReport& report);

// One suite per test file, in the order of the results (its cases, then its
// timelines); the diagnostics of loading (a test file's, its contract's)
// in the suite of the file they are about.
CiReport test_ci_report(const TestReport& report);

// One suite per plan file: an item per step (passed or failed, with the
// words of the text report), a warning item (P101) per obligation not
// performed; `diagnostics` (a plan that could not be checked) in the suite
// of the file they are about.
CiReport plan_ci_report(const PlanReport& report, const Diagnostics& diagnostics);

// One suite per rule file (command-line order): its loading diagnostics,
// or one passed item for the contract and one item per finding, titled
// by its code's title, the detail its text (with the witness). An
// error-severity finding fails, a warning fails only with
// --deny-warnings, an info finding never.
CiReport lint_ci_report(const LintReport& report);

}  // namespace pacta::cli
