#pragma once
// What `pacta lint` found (SPEC §9.2), as text and JSON. A finding reads
// like a diagnostic (`FILE:LINE:COL: warning: MESSAGE [L102]`, the source
// line and a caret: render_text), followed by `  witness: pacta ask ...`
// when something happens; the text ends with a summary line. The machine
// formats come from lint_ci_report (ci_convert.hpp).
#include <cstddef>
#include <string>
#include <vector>

#include "cli/report/format.hpp"
#include "cli/report/values.hpp"
#include "engine/lint/lint.hpp"
#include "engine/load.hpp"
#include "grammar/diagnostic.hpp"

namespace pacta::cli {

// One file named to `pacta lint` (or found in a directory). `loaded` is
// null when it did not load (the report's diagnostics say why).
struct LintedFile {
  std::string path;
  const LoadedContract* loaded = nullptr;
  LintResult result = {};
};

struct LintReport {
  const std::vector<LintedFile>& files;  // command-line order
  const Diagnostics& diagnostics;        // finding and loading the files
  bool deny_warnings = false;            // warnings fail (the machine formats' outcome)
};

struct LintCounts {
  std::size_t errors = 0, warnings = 0, infos = 0;
};
LintCounts lint_counts(const LintReport& report);

// The finding as a diagnostic (its code's severity, its location, the
// message): what the text report renders.
Diagnostic finding_diagnostic(const LintedFile& file, const LintFinding& finding);
// `pacta ask FILE 'INSTANCE' --on D [--assume f=v ...] [--as-agreed-on D]
// [--without A ...]`, every word that a POSIX shell would split or expand
// in single quotes.
std::string witness_command(const LintedFile& file, const LintWitness& w);
// A finding as the text report writes it (diagnostic, then the witness).
std::string finding_text(const LintedFile& file, const LintFinding& finding, bool color);

// Every finding of every file, then the summary line.
std::string lint_text(const LintReport& report, bool color);
// An array of findings: {code, severity, file, line, col, message,
// witness: {command, on, instance, assume, as_agreed_on, without} | null}.
Json lint_json(const LintReport& report);

}  // namespace pacta::cli
