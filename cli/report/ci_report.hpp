#pragma once
// The machine reports of SPEC §9.3 (JUnit XML, TAP 14, SARIF 2.1.0, GitHub
// workflow commands) over one neutral model: a command that checks
// something (check, test, plan, lint) converts what it found into a
// CiReport (cli/report/ci_convert.hpp for check and test) and one writer
// per format renders it (junit_reporter.cpp, tap_reporter.cpp,
// sarif_reporter.cpp, github_reporter.cpp). The model holds untrusted text
// as it came (names, paths, messages): each writer escapes it for its
// format. Every writer is deterministic: the same report gives the same
// bytes (no timestamps, no durations).
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/report/format.hpp"
#include "grammar/codes.hpp"

namespace pacta::cli {

// One test case, timeline, plan step, lint finding or diagnostic.
struct CiItem {
  std::string name;  // case or step name; for a finding or diagnostic its title
  std::string file;  // source location (line/col 0 = unknown; file empty = none)
  int line = 0, col = 0;
  enum class Outcome { Passed, Failed, Error, Skipped } outcome = Outcome::Passed;
  Severity severity = Severity::Error;  // of a failure, finding or diagnostic
  std::string code;                     // the code (E203; later L101); empty for a plain test case
  std::string message;                  // one line: "expected permitted, got forbidden by ..."
  std::string detail = {};              // optional multi-line text: the text report's body
};

// The items of one file (a test file, a rule file, a plan), in file order.
struct CiSuite {
  std::string file;
  std::vector<CiItem> items;
  double seconds = 0;  // written only as 0: reports carry no durations
};

struct CiReport {
  std::string command;  // "test", "check", ...: names the report and the rule of a failure
  std::vector<CiSuite> suites;
};

// Writes the report in a machine format (Junit, Tap, Sarif, Github; any
// other Format writes nothing): deterministic bytes.
void write_ci_report(Format format, const CiReport& report, std::ostream& out);

// One writer per format (write_ci_report chooses).
void write_junit(const CiReport& report, std::ostream& out);
void write_tap(const CiReport& report, std::ostream& out);
void write_sarif(const CiReport& report, std::ostream& out);
void write_github(const CiReport& report, std::ostream& out);
// The Markdown summary of `--format github` for $GITHUB_STEP_SUMMARY: a
// table of passed and failed items per file, then every failure listed.
void write_github_summary(const CiReport& report, std::ostream& out);

// The escapes the writers apply to untrusted text, exposed for their tests.
// XML character data or an attribute value: one line (controls as
// visible() shows them) unless `multiline`, where '\n' is kept.
std::string xml_escaped(std::string_view text, bool multiline = false);
// GitHub workflow command data (the message): '%', '\r', '\n' as %25,
// %0D, %0A; a property value (file=, title=) also ':' and ',' as %3A, %2C.
// Other controls are shown as visible() shows them.
std::string github_data(std::string_view text);
std::string github_property(std::string_view text);

}  // namespace pacta::cli
