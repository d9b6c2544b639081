#pragma once
// How every report spells an action instance and a fact's value, so that
// text, JSON and the commands' own diagnostics agree.
#include <fmt/color.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/decide/decider.hpp"
#include "engine/model/contract.hpp"
#include "engine/whatif/conditional.hpp"

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

// `fact=value, ...` (for "assuming ..." headings), in the order given.
std::string assumed_text(const Contract& c, const std::vector<std::pair<int, Value>>& assumed);
// The scenario of a question as text headings show it, each part after
// ", ": "as agreed on D", "without A, B", "with FILE", "assuming f=v";
// empty when there is none.
struct ScenarioView {
  const std::optional<Date>& as_agreed_on;
  const std::vector<std::string>& without;
  const std::vector<std::string>& with;
  const std::vector<std::pair<int, Value>>& assumed;
};
std::vector<std::string> scenario_parts(const Contract& c, const ScenarioView& s);
// The terminal colour of a verdict in text output.
fmt::text_style verdict_style(Verdict v);

// What a case of a conditional answer takes of one unknown fact, as text a
// person reads: "approved", "not approved", "tier is gold", "tier is gold
// or silver", "spend < 20", "20 <= spend < 100", "spend is 20".
std::string given_text(const Contract& c, const Given& g);
// The facts of a case ("approved and tier is gold"), "always" for none.
std::string case_text(const Contract& c, const std::vector<Given>& given);
// How case `i` of an answer's cases reads: "if approved and tier is gold",
// the last "otherwise" (the cases are disjoint and cover every value).
template <class Outcome>
std::string case_label(const Contract& c, const std::vector<Case<Outcome>>& cases, std::size_t i) {
  return i + 1 == cases.size() ? std::string("otherwise") : "if " + case_text(c, cases[i].given);
}
// The verdicts of a conditional answer: "permitted if approved, forbidden
// otherwise", with `with_by` each followed by its clauses ("permitted by
// payment if approved, forbidden by no clause (default) otherwise").
std::string cases_text(const Contract& c, const std::vector<Case<Decision>>& cases, bool with_by);
// "not knowing a, b" for the heading of an answer that depends on unknown
// facts (fact indices); empty for none.
std::string not_knowing_text(const Contract& c, const std::vector<int>& facts);
// The same facts' names as a JSON array (the answer's "unknown").
Json fact_names_json(const Contract& c, const std::vector<int>& facts);
// A case's facts as JSON (SPEC §7.3): by fact name, a bool, a value name,
// a list of value names, or for a number an interval {"min",
// "min_inclusive", "max", "max_inclusive"} without the ends it lacks.
Json given_json(const Contract& c, const std::vector<Given>& given);

// Clause ids, as a JSON array in the order given.
Json ids_json(const Contract& c, const std::vector<int>& clauses);
// An instance's args by param name: bools as JSON booleans, parties and
// enum values as their names.
Json args_json(const Contract& c, int action, const std::vector<int>& values);
// An instance as {"action": NAME, "args": args_json}: what a test case, a
// timeline or a plan step asks about.
Json instance_json(const Contract& c, int action, const std::vector<int>& args);
// Assumed facts by name, in the order given.
Json assume_json(const Contract& c, const std::vector<std::pair<int, Value>>& assumed);
// YYYY-MM-DD, or null.
Json date_json(const std::optional<Date>& d);
// `j` dumped with two-space indentation, safe whatever its strings hold:
// bytes that are not UTF-8 written as the text `\xHH` (as the text
// reporter shows them), DEL, C1 controls and invisible marks as JSON
// escapes. No final newline.
std::string safe_dump(Json j);
// `dumped` as it appears `depth` levels down in a document dumped with two
// spaces per level: every line indented by two spaces per level (so a
// large document is written one part at a time, byte for byte as dump(2)).
std::string nested(const std::string& dumped, int depth);

// The deciding clauses of a run or a case, "no clause (default)" for none.
std::string by_text(const std::vector<std::string>& by);
// "FROM … THROUGH", an unbounded end as "(start)" / "(no end)", as the
// text of `pacta timeline` writes them.
std::string run_days(Date from, Date through);

}  // namespace pacta::cli
