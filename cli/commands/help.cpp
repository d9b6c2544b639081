// `pacta help [COMMAND]`: the program's help, or one command's.
#include <fmt/format.h>

#include <algorithm>

#include "cli/commands/commands.hpp"
#include "cli/report/output.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

int run_help(const HelpOptions& o) {
  if (o.topic.empty()) {
    write_out(o.top_help);
    return 0;
  }
  auto named = std::find_if(o.commands.begin(), o.commands.end(),
                            [&](const auto& command) { return command.first == o.topic; });
  if (named != o.commands.end()) {
    write_out(named->second);
    return 0;
  }
  std::vector<std::string> names;
  for (const auto& command : o.commands) names.push_back(command.first);
  print_err("pacta: error: unknown command '{}'\n", visible(o.topic));
  print_err("  help: the commands are {}\n", fmt::join(names, ", "));
  return 2;
}

}  // namespace pacta::cli
