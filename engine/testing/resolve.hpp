#pragma once
// The parts a test case and a timeline share, resolved against their
// contract: the `ask` instance, the assumed facts and clause-id lists.
// Internal to engine/testing.
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/model/contract.hpp"
#include "engine/whatif/conditional.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/expr/ast.hpp"
#include "grammar/files/rule_file.hpp"
#include "grammar/files/test_file.hpp"
#include "grammar/source.hpp"

namespace pacta {

// The `ask` instance (or a plan step's `do`, `key`) into `out`; E702 for a
// param without a value.
bool resolve_ask(const Contract& c, const SourceFile& file, const ActionPattern& ask, Pattern& out,
                 Diagnostics& diags, std::string_view key = "ask");

// The assumed facts as (fact index, value), sorted by fact; unknown facts
// are E604, values of the wrong type E403.
bool resolve_assume(const Contract& c, const SourceFile& file,
                    const std::vector<std::pair<Name, Expr>>& assume,
                    std::vector<std::pair<int, Value>>& out, Diagnostics& diags);

// `unknown` (SPEC §7.3): fact indices, sorted; an unknown name is E604,
// a date fact E613 (unset it is `never`), a fact also assumed E704.
bool resolve_unknown(const Contract& c, const SourceFile& file, const std::vector<Name>& names,
                     const std::vector<std::pair<int, Value>>& assumed, std::vector<int>& out,
                     Diagnostics& diags);

// The `given` of an expected case as a region of the facts' values, one
// Given per fact in declaration order: a bool, values of a party or enum
// fact, an interval of a number (a scalar is the interval of one number).
// Wrong values are E403, an unknown fact E604, a date fact E613 (a fact
// given twice is a duplicate key of the YAML map, E105).
bool resolve_given(const Contract& c, const SourceFile& file, const std::vector<GivenSyntax>& given,
                   std::vector<Given>& out, Diagnostics& diags);

// `by` or `overridden`: clause ids, sorted; unknown ids are errors.
bool resolve_clauses(const Contract& c, const SourceFile& file,
                     const std::optional<std::vector<Name>>& ids, std::vector<int>& out,
                     Diagnostics& diags);

// `without` (SPEC §7.1): amendment ids as sorted indices; an unknown id
// (E610) or a conflict in the scenario as agreed on `agreed` (E611) is
// reported at the id.
bool resolve_without(const Contract& c, const SourceFile& file, const std::vector<Name>& ids,
                     std::optional<Date> agreed, std::vector<int>& out, Diagnostics& diags);

// The two lists hold the same clauses, in any order.
bool same_set(const std::vector<int>& a, const std::vector<int>& b);

}  // namespace pacta
