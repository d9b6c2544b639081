#pragma once
// A plan file (SPEC §9.1) read and checked for shape, through the same first
// steps as a contract (engine/load.hpp); its steps are resolved and checked
// by engine/testing/plan_runner.
#include <memory>
#include <optional>
#include <string>

#include "grammar/diagnostic.hpp"
#include "grammar/files/plan_file.hpp"
#include "grammar/limits.hpp"
#include "grammar/source.hpp"

namespace pacta {

struct LoadedPlanFile {
  std::unique_ptr<SourceFile> source;  // kept: the steps' diagnostics point into it
  PlanFileSyntax syntax;
  bool ok = true;  // false: a shape error (in `diags`); the steps read are still resolved
};

// nullopt when the file cannot be read as YAML or is of another kind.
std::optional<LoadedPlanFile> load_plan_file(const std::string& path, const Limits& limits,
                                             Diagnostics& diags);

}  // namespace pacta
