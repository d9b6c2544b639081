// `pacta explain FILE ACTION --on D` (SPEC §8). Work in progress: answers
// as `ask` does until the explanation engine lands.
#include "cli/commands/commands.hpp"

namespace pacta::cli {

int run_explain(const ExplainOptions& o) {
  AskOptions ask;
  ask.question = o.question;
  ask.action = o.action;
  ask.explain = true;
  return run_ask(ask);
}

}  // namespace pacta::cli
