#pragma once
// The result of `pacta plan` (SPEC §9.1) as text (a line per step: HOLDS or
// FAIL with every failing run; a WARN line per obligation not performed)
// and as JSON. Diagnostics stop the command before (exit 2).
#include <cstddef>
#include <string>
#include <vector>

#include "engine/testing/plan_runner.hpp"

namespace pacta::cli {

struct PlanReport {
  const std::vector<PlanFileResult>& files;
  std::size_t held = 0, failed = 0;
  std::size_t not_performed = 0;  // obligations (with --obligations)
  bool obligations = false;       // --obligations was given
};

void write_plan_text(const PlanReport& report, bool color);
// The text report's lines of one step, of one obligation not performed.
std::string step_lines(const PlanStepResult& s, bool color);
std::string obligation_lines(const PlanObligation& o, bool color);
// The same on one line, without the location (machine reports).
std::string step_message(const PlanStepResult& s);
std::string obligation_message(const PlanObligation& o);
void write_plan_json(const PlanReport& report);

}  // namespace pacta::cli
