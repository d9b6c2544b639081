#pragma once
// How a command that checks something (check, test, plan, lint)
// delivers its report (SPEC §9.3). Text and JSON go through a Reporter; the
// machine formats (JUnit, TAP, SARIF, GitHub) are the CiReport written by
// write_ci_report, beside the text report's diagnostics on stderr. With
// --output FILE the chosen format goes to FILE and the whole text report to
// stdout and stderr. With --format github and $GITHUB_STEP_SUMMARY set, the
// Markdown summary is appended to that file.
#include <functional>
#include <optional>
#include <string>

#include "cli/commands/options.hpp"
#include "cli/report/ci_report.hpp"
#include "cli/report/reporter.hpp"

namespace pacta::cli {

struct ReportDelivery {
  const CommonOptions& common;
  const std::optional<std::string>& output;  // --output FILE
  std::function<void(Reporter&)> render;     // the report through a Reporter
  std::function<CiReport()> ci_report;       // the same report for the machine formats
};

// false when a file could not be written (--output, $GITHUB_STEP_SUMMARY):
// an E608 diagnostic is then on stderr, and the command exits 2.
bool deliver_report(const ReportDelivery& delivery);

}  // namespace pacta::cli
