#pragma once
// The syntax of a plan file (SPEC §9.1, language.md "Plan files"): what
// someone intends to do, step by step, read like a test file: keys and
// expressions checked for shape, spans in file offsets. The steps are
// resolved against their contract and checked by engine/testing/.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "grammar/files/rule_file.hpp"

namespace pacta {

// The scenario keys of a plan or of one step (SPEC §7.1, §7.3); a step's
// are added to the plan's (docs/language.md says how).
struct ScenarioSyntax {
  std::vector<std::pair<Name, Expr>> assume;
  std::vector<Name> unknown;  // facts whose default is set aside
  Field<Expr> as_agreed_on;
  std::optional<std::vector<Name>> without;  // amendment ids
  std::vector<Name> with;                    // files of amendments, relative to the plan file
};

// One step: an instance (`do`) that must be allowed on every day of its
// span, `on: D` or `from: D` with `through: D` or `until: D`. As for a test
// case, the parts read after a shape error are kept and resolved, and
// `complete` says whether the step can be checked.
struct PlanStepSyntax {
  std::size_t offset = 0;  // the step's mapping: FILE:LINE of a failure
  std::string name;
  std::optional<ActionPattern> instance;  // `do`
  Field<Expr> on, from, through, until;
  ScenarioSyntax scenario;
  bool complete = true;
};

struct PlanFileSyntax {
  Name contract;  // path relative to the plan file; empty when missing or bad
  std::string name;
  ScenarioSyntax scenario;  // for every step
  std::vector<PlanStepSyntax> steps;
};

PlanFileSyntax read_plan_file(const SourceFile& file, const YamlDocument& doc, const Limits& limits,
                              Diagnostics& diags);

}  // namespace pacta
