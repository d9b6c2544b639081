// `pacta check PATH...`: load and type-check every rule file (directories
// searched for them by first key), report every error.
#include <algorithm>

#include "cli/commands/commands.hpp"
#include "cli/commands/report_output.hpp"
#include "cli/report/ci_convert.hpp"
#include "cli/report/reporter.hpp"
#include "engine/load.hpp"

namespace pacta::cli {

int run_check(const CheckOptions& o) {
  Limits limits;
  Diagnostics found;
  const std::vector<std::string> paths = find_rule_files(o.files, limits, found);
  // Each file may fill its own quota of diagnostics.
  Diagnostics all(limits.max_diagnostics * (1 + paths.size()));
  for (const auto& d : found.all()) all.add(d);
  std::vector<CheckedFile> files;
  for (const auto& path : paths) {
    Diagnostics diags(limits.max_diagnostics);
    CheckedFile& file = files.emplace_back(CheckedFile{path, std::nullopt});
    if (auto loaded = load_contract(path, limits, diags)) {
      const Contract& c = loaded->contract;
      file.loaded = CheckedFile::Summary{c.id, c.clauses.size(), c.amendments.size()};
    }
    for (const auto& d : diags.all()) all.add(d);
    all.add_suppressed(diags.suppressed());
  }
  const CheckReport report{files, all};
  const bool written = deliver_report({o.common, o.output, [&](Reporter& r) { r.check(report); },
                                       [&] { return check_ci_report(report); }});
  return all.has_errors() || !written ? 2 : 0;
}

}  // namespace pacta::cli
