// `pacta check FILE...`: load and type-check every file, report every error.
#include <algorithm>

#include "cli/commands/commands.hpp"
#include "cli/report/reporter.hpp"
#include "engine/load.hpp"

namespace pacta::cli {

int run_check(const CheckOptions& o) {
  Limits limits;
  // Each file may fill its own quota of diagnostics.
  Diagnostics all(limits.max_diagnostics * std::max<std::size_t>(1, o.files.size()));
  std::vector<CheckedFile> files;
  for (const auto& path : o.files) {
    Diagnostics diags(limits.max_diagnostics);
    CheckedFile& file = files.emplace_back(CheckedFile{path, std::nullopt});
    if (auto loaded = load_contract(path, limits, diags)) {
      const Contract& c = loaded->contract;
      file.loaded = CheckedFile::Summary{c.id, c.clauses.size(), c.amendments.size()};
    }
    for (const auto& d : diags.all()) all.add(d);
    all.add_suppressed(diags.suppressed());
  }
  make_reporter(o.common.format, o.common.color)->check(CheckReport{files, all});
  return all.has_errors() ? 2 : 0;
}

}  // namespace pacta::cli
