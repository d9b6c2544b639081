// `pacta plan PLAN...` (SPEC §9.1): every step of every plan file checked;
// exit 1 when a step does not hold (or, with --deny-warnings, when an
// obligation is not performed), 2 when a file could not be found or loaded
// or the report could not be written.
#include "cli/commands/commands.hpp"
#include "cli/commands/report_output.hpp"
#include "cli/report/ci_convert.hpp"
#include "cli/report/plan_report.hpp"
#include "cli/report/reporter.hpp"
#include "engine/testing/plan_runner.hpp"

namespace pacta::cli {

int run_plan(const PlanCommandOptions& o) {
  Limits limits;
  Diagnostics diags;
  const std::vector<std::string> paths = find_plan_files(o.paths, diags);
  std::vector<PlanFileResult> files;
  ContractCache contracts;  // each contract loaded once per run
  bool failed_to_load = diags.has_errors();
  for (const std::string& path : paths) {
    files.push_back(run_plan_file(path, limits, diags, PlanOptions{o.obligations}, &contracts));
    failed_to_load = failed_to_load || !files.back().loaded;
  }
  PlanReport report{files};
  report.obligations = o.obligations;
  for (const PlanFileResult& f : files) {
    for (const PlanStepResult& s : f.steps) ++(s.passed ? report.held : report.failed);
    report.not_performed += f.obligations.size();
  }
  // Nothing but the diagnostics when a plan could not be checked: the text
  // and JSON reports stop there; the machine reports carry them as items.
  const std::vector<PlanFileResult> no_files;
  const PlanReport none{no_files};
  const PlanReport& shown = failed_to_load ? none : report;
  const bool written = deliver_report({o.common, o.output,
                                       [&](Reporter& r) {
                                         if (failed_to_load) {
                                           r.diagnostics(diags);
                                         } else {
                                           r.plan(shown);
                                         }
                                       },
                                       [&] { return plan_ci_report(shown, diags); }});
  if (failed_to_load || !written) return 2;
  if (report.failed > 0) return 1;
  return o.deny_warnings && report.not_performed > 0 ? 1 : 0;
}

}  // namespace pacta::cli
