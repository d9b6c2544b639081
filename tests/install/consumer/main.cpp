// Asks the installed library one question about the bundled contract and
// checks the answer: exit 0 when it is the one `pacta ask` gives.
//   consumer RULES_FILE
#include <iostream>
#include <pacta/pacta.hpp>
#include <string>
#include <vector>

namespace {

int fail(const std::string& what, const std::vector<pacta::api::Diagnostic>& diagnostics) {
  std::cerr << "consumer: " << what << "\n";
  for (const auto& d : diagnostics) std::cerr << pacta::api::render_text(d);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return fail("usage: consumer RULES_FILE", {});
  std::vector<pacta::api::Diagnostic> diagnostics;
  auto contract = pacta::api::load_file(argv[1], diagnostics);
  if (!contract) return fail("the contract does not load", diagnostics);
  if (contract->id() != "microsoft-openai") return fail("unexpected contract id", {});

  auto scenario = contract->compile({}, diagnostics);
  if (!scenario) return fail("the scenario does not compile", diagnostics);
  auto instance = contract->instance("sell_models(openai, aws)", diagnostics);
  if (!instance) return fail("the instance does not resolve", diagnostics);

  pacta::api::Decider decider(*scenario);
  pacta::api::Answer answer;
  const auto on = pacta::api::Date::parse("2026-01-15");
  if (!on || !decider.decide(*instance, *on, answer, diagnostics)) {
    return fail("the question is not answered", diagnostics);
  }
  std::cout << contract->text(*instance) << " on " << on->to_string() << ": "
            << pacta::api::verdict_name(answer.verdict);
  for (auto id : answer.by) std::cout << " " << id;
  std::cout << "\n";
  if (answer.verdict != pacta::api::Verdict::Permitted || answer.is_default ||
      answer.by.size() != 1 || answer.by[0] != "open-distribution") {
    return fail("unexpected answer", {});
  }
  return 0;
}
