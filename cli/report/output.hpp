#pragma once
// Rendering for the terminal and for JSON: diagnostics, decision tables,
// test reports. Deterministic: the same input gives the same bytes.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/decide/decider.hpp"
#include "engine/model/contract.hpp"
#include "grammar/diagnostic.hpp"

namespace pacta::cli {

using Json = nlohmann::ordered_json;

Json diagnostic_json(const Diagnostic& d);
// Every diagnostic to stderr, as text (with carets) or as one JSON object.
void print_diagnostics(const Diagnostics& diags, bool json, bool color);

struct DecidedInstance {
  int action = -1;
  std::vector<int> args;
  Decision decision;
};

std::string instance_text(const Contract& c, int action, const std::vector<int>& args);
Json value_json(const Contract& c, const Type& type, const Value& v);
Json results_json(const Contract& c, const std::vector<DecidedInstance>& results);
// An aligned table: instance, verdict, deciding clauses / why.
std::string results_table(const Contract& c, const std::vector<DecidedInstance>& results,
                          bool color);

}  // namespace pacta::cli
