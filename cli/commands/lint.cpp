// `pacta lint PATH...` (SPEC §9.2): every rule file (directories searched
// for them by first key) loaded and linted; exit 1 on an error-severity
// finding (or a warning with --deny-warnings), 2 when a file does not load.
#include "engine/lint/lint.hpp"

#include <deque>

#include "cli/commands/commands.hpp"
#include "cli/commands/report_output.hpp"
#include "cli/report/ci_convert.hpp"
#include "cli/report/lint_report.hpp"
#include "cli/report/reporter.hpp"
#include "engine/load.hpp"

namespace pacta::cli {

int run_lint(const LintOptions& o) {
  Limits limits;
  std::deque<LoadedContract> contracts;  // LintedFile points into it: a deque never moves them
  std::vector<LintedFile> files;
  const Diagnostics all =
      load_rule_files(o.files, limits, [&](const std::string& path, auto& loaded) {
        LintedFile& file = files.emplace_back(LintedFile{path});
        if (!loaded) return;
        contracts.push_back(std::move(*loaded));
        file.loaded = &contracts.back();
        file.result = lint_contract(file.loaded->contract, limits);
      });
  const LintReport report{files, all, o.deny_warnings};
  const bool written = deliver_report({o.common, o.output, [&](Reporter& r) { r.lint(report); },
                                       [&] { return lint_ci_report(report); }});
  if (all.has_errors() || !written) return 2;
  const LintCounts n = lint_counts(report);
  return n.errors > 0 || (o.deny_warnings && n.warnings > 0) ? 1 : 0;
}

}  // namespace pacta::cli
