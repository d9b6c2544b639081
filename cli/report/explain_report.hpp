#pragma once
// Explanations (SPEC §8) as text a lawyer reads and as JSON
// (`{"explanation": 1, ...}`, docs/cli.md "JSON of explain"). Sub-expressions
// are quoted as written: the source text of each node of the typed tree.
#include <string>
#include <vector>

#include "cli/report/values.hpp"
#include "engine/explain/changes.hpp"
#include "engine/explain/explain.hpp"
#include "grammar/source.hpp"

namespace pacta::cli {

// The explanations of one instance: one case with no `given` when the
// answer does not depend on an unknown fact.
struct ExplainedInstance {
  int action = -1;
  std::vector<int> args;
  std::vector<ExplainedCase> cases;
};

// What the header of an explanation names: the question and its scenario.
struct ExplainHeader {
  const Contract& contract;
  const SourceFile& source;
  Date on;
  ScenarioView scenario;
  std::vector<int> unknown;  // facts some case depends on, ascending
};

// The source text of `e` with runs of blanks and line breaks as one space
// (a `when` may span the lines of a YAML block scalar).
std::string expression_text(const SourceFile& source, const TypedExpr& e);
// "FILE:LINE" of an offset.
std::string location_text(const SourceFile& source, std::size_t offset);

std::string explain_text(const ExplainHeader& h, const std::vector<ExplainedInstance>& instances,
                         bool color);
Json explain_json(const ExplainHeader& h, const std::vector<ExplainedInstance>& instances);

// A change at a run boundary (`timeline --explain`), as a line of text and
// as JSON.
std::string change_text(const Contract& c, const SourceFile& source, const BoundaryChange& ch);
Json change_json(const Contract& c, const SourceFile& source, const BoundaryChange& ch);

}  // namespace pacta::cli
