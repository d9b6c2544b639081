#include "cli/commands/complete.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "cli/report/output.hpp"
#include "grammar/visible.hpp"
#include "pacta/pacta.hpp"

namespace pacta::cli {

int run_complete(const CompleteOptions& o) {
  std::vector<api::Diagnostic> ignored;
  auto contract = api::load_file(o.file, ignored);
  if (!contract) return 0;
  std::vector<std::string> names;
  if (o.what == "actions") names = contract->actions();
  if (o.what == "parties") names = contract->parties();
  if (o.what == "facts") names = contract->facts();
  std::sort(names.begin(), names.end());
  std::string out;
  for (const auto& name : names) out += visible(name) + "\n";
  write_out(out);
  return 0;
}

}  // namespace pacta::cli
