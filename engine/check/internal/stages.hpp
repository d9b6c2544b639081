#pragma once
// The checker's stages, one file each under engine/check/; check.cpp lists
// them in the order they run. Each reads the rule file's syntax and adds to
// the contract in `st`, reporting what it finds wrong and going on. Internal
// to engine/check.
#include "engine/check/internal/checker_state.hpp"
#include "grammar/files/rule_file.hpp"

namespace pacta::checker {

// declarations.cpp: the contract's header and every top-level name, so later
// stages can resolve a name declared after its use.
void declare_contract(CheckerState& st, const RuleFileSyntax& s);  // id, title, built-in types
void declare_domains(CheckerState& st, const RuleFileSyntax& s);   // parties and enum types
void declare_facts(CheckerState& st, const RuleFileSyntax& s);
void declare_dates(CheckerState& st, const RuleFileSyntax& s);  // names only: see check_dates
void declare_actions(CheckerState& st, const RuleFileSyntax& s);
void declare_clauses(CheckerState& st, const RuleFileSyntax& s);  // ids of clauses and adds

// dates.cpp: named dates typed, ordered (no cycles) and folded when constant.
void check_dates(CheckerState& st, const RuleFileSyntax& s);
void check_conditions(CheckerState& st, const RuleFileSyntax& s);

// clauses.cpp: each clause as written in `clauses` or an amendment's `add`.
void check_clauses(CheckerState& st, const RuleFileSyntax& s);

// amendments.cpp: dated, put in order, each checked against the clauses as
// they stand at its point of the order.
void check_amendments(CheckerState& st, const RuleFileSyntax& s);

// overrides.cpp: the union of every version's `overrides` has no cycle.
void check_overrides_acyclic(CheckerState& st, const RuleFileSyntax& s);

}  // namespace pacta::checker
