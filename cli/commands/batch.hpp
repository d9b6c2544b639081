#pragma once
// `pacta ask [FILE] --batch QUESTIONS|-`: the batch form of `ask`
// (docs/cli.md, "Batch questions"); run_ask hands over to it.
#include "cli/commands/options.hpp"

namespace pacta::cli {

// Exit 0 when every line was answered, 2 when any line failed (its answer
// is an error object) or the command could not start.
int run_batch(const AskOptions& options);

}  // namespace pacta::cli
