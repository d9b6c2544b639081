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
  std::vector<CheckedFile> files;
  const Diagnostics all =
      load_rule_files(o.files, limits, [&](const std::string& path, auto& loaded) {
        CheckedFile& file = files.emplace_back(CheckedFile{path, std::nullopt});
        if (!loaded) return;
        const Contract& c = loaded->contract;
        file.loaded = CheckedFile::Summary{c.id, c.clauses.size(), c.amendments.size()};
      });
  const CheckReport report{files, all};
  const bool written = deliver_report({o.common, o.output, [&](Reporter& r) { r.check(report); },
                                       [&] { return check_ci_report(report); }});
  return all.has_errors() || !written ? 2 : 0;
}

}  // namespace pacta::cli
