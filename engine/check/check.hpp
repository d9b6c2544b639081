#pragma once
// Name resolution and type checking: RuleFileSyntax -> Contract (SPEC §1-§2).
// Every problem is a diagnostic (E4xx names and types, E5xx amendments and
// overrides); the checker goes on after an error to report the others.
#include <optional>

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

}  // namespace pacta
