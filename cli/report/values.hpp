#pragma once
// How every report spells an action instance and a fact's value, so that
// text, JSON and the commands' own diagnostics agree.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/model/contract.hpp"

namespace pacta::cli {

// Insertion-ordered, so output keys keep the order they are written in.
using Json = nlohmann::ordered_json;

// `act(param=value, ...)`, or the bare name of an action without params.
std::string instance_text(const Contract& c, int action, const std::vector<int>& args);
// A value of `type` as JSON: bool, number (a whole number below 2^53 as a
// JSON number, any other as a string with its exact text: "0.15", "1/3"),
// date as YYYY-MM-DD, party or enum value as its name.
Json value_json(const Contract& c, const Type& type, const Value& v);
// The same value as text: JSON strings unquoted, anything else as JSON.
std::string value_text(const Contract& c, const Type& type, const Value& v);

}  // namespace pacta::cli
