// `pacta plan PLAN...` (SPEC §9.1): every step of every plan file checked;
// exit 1 when a step does not hold (or, with --deny-warnings, when an
// obligation is not performed), 2 when a file could not be found or loaded.
#include <algorithm>

#include "cli/commands/commands.hpp"
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
  if (failed_to_load) {
    make_reporter(o.common.format, o.common.color)->diagnostics(diags);
    return 2;
  }
  PlanReport report{files};
  report.obligations = o.obligations;
  for (const PlanFileResult& f : files) {
    for (const PlanStepResult& s : f.steps) ++(s.passed ? report.held : report.failed);
    report.not_performed += f.obligations.size();
  }
  if (o.common.format == Format::Json) {
    write_plan_json(report);
  } else {
    write_plan_text(report, o.common.color);
  }
  if (report.failed > 0) return 1;
  return o.deny_warnings && report.not_performed > 0 ? 1 : 0;
}

}  // namespace pacta::cli
