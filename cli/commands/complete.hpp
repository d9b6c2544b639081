#pragma once
// `pacta __complete WHAT FILE` (hidden; docs/cli.md §9): the names of a rule
// file that the shell completions (completions/) offer, one per line, read
// through the public library (include/pacta/pacta.hpp).
#include <array>
#include <string>

namespace pacta::cli {

// What may be completed: action names (ACTION, --action), parties
// (--party), fact names (--assume NAME=).
inline constexpr std::array<const char*, 3> kCompletable = {"actions", "parties", "facts"};

struct CompleteOptions {
  std::string what;  // one of kCompletable
  std::string file;
};

// Exit 0. A file that does not load lists nothing and says nothing: a
// completion is offered while the file is being edited, and has no place
// to show an error.
int run_complete(const CompleteOptions& options);

}  // namespace pacta::cli
