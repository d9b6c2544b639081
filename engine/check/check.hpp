#pragma once
// Name resolution and type checking: RuleFileSyntax -> Contract (language.md §2-§6).
// Every problem is a diagnostic (E4xx names and types, E5xx amendments and
// overrides); the checker goes on after an error to report the others.
#include <optional>
#include <string>
#include <string_view>

#include "engine/model/contract.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/files/rule_file.hpp"
#include "grammar/source.hpp"

namespace pacta {

std::optional<Contract> check_contract(const SourceFile& file, const RuleFileSyntax& syntax,
                                       Diagnostics& diags);

// Resolves a pattern written outside the rule file (a question on the
// command line, a test case); `file` holds the text its spans point into.
std::optional<Pattern> resolve_pattern(const Contract& contract, const SourceFile& file,
                                       const ActionPattern& pattern, Diagnostics& diags);

// Resolves a literal value (a fact default, an --assume value, a test-case
// assume) of an expected type: true/false, a number, a date, `never` (for
// dates), or a value name (bare or qualified).
std::optional<Value> resolve_literal(const Contract& contract, const SourceFile& file,
                                     const Expr& literal, const Type& expected, Diagnostics& diags);

// The help for an id that names no clause: "did you mean 'x'?" among the
// contract's clause ids, or empty (none is close, or `diags` keeps no more).
std::string suggest_clause_id(const Contract& contract, std::string_view id,
                              const Diagnostics& diags);

// E401 "unknown clause 'x'" at `id`, with suggest_clause_id's help.
void report_unknown_clause(const Contract& contract, const SourceFile& file, const Name& id,
                           Diagnostics& diags);

}  // namespace pacta
