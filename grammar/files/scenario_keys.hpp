#pragma once
// The keys a test case, a timeline, a plan and a plan's step share: the
// scenario (SPEC §7.1: `assume`, `unknown`, `as_agreed_on`, `without`,
// `with`), lists of ids, and date fields. Each reads one value and reports
// what is wrong with it; false (or nullopt) after an error.
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/files/rule_file.hpp"
#include "grammar/yaml/schema.hpp"

namespace pacta {

// A list of clause ids (`by`, `overridden`) or amendment ids (`without`,
// `what` "an amendment").
std::optional<std::vector<Name>> clause_ids(YamlReader& r, const YamlNode& v, const char* key,
                                            const char* what = "a clause");
// `with`: a path, or a list of paths, of files of amendments (SPEC §7.1),
// relative to the `owner` ("test file", "plan file").
bool read_with(YamlReader& r, const YamlNode& v, std::vector<Name>& with, std::string_view owner);
// `assume`: a map of facts to values (expressions).
bool read_assume(YamlReader& r, const YamlNode& v, std::vector<std::pair<Name, Expr>>& assume);
// `unknown`: a list of fact names.
bool read_unknown(YamlReader& r, const YamlNode& v, std::vector<Name>& out);
// A date expression under `key` of `map` into `field`; null is
// Presence::Null when `nullable`, else an error as any non-expression.
bool date_field(YamlReader& r, const YamlNode& map, std::string_view key, Field<Expr>& field,
                bool nullable);

}  // namespace pacta
