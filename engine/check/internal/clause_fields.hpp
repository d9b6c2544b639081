#pragma once
// Checks of the fields a clause version has, shared by the clauses stage
// (clauses.cpp, where they are defined) and the amendments stage (`amend`
// patches). Internal to engine/check.
#include <optional>
#include <string_view>
#include <vector>

#include "engine/check/internal/checker_state.hpp"

namespace pacta::checker {

// A `when` for `action`: its params and `date` are visible. Raised into
// `diags`: the checker's own, or a scratch list to test whether it fits.
std::optional<TypedExpr> check_when(const CheckerState& st, const Expr& e, int action,
                                    Diagnostics& diags);

// A date bound (`key`: 'from', 'until' or 'through'); a constant one is folded
// now, so an out-of-range bound is a load-time error.
std::optional<TypedExpr> check_bound(CheckerState& st, const Expr& e, std::string_view key);

// `through: D` as the exclusive bound D + 1 day (`never` after 9999-12-31).
std::optional<TypedExpr> through_to_until(CheckerState& st, std::optional<TypedExpr> t);

// A checked expression made shareable (nullptr when it did not check).
SharedExpr share(std::optional<TypedExpr> e);

// A clause's `when` for `action`, or its date bound: typed once per
// (AST, action or bound kind) and shared (CheckerState::typed); a failure
// is reported the first time only and is nullptr after.
enum class BoundKind { From = -2, Until = -3, Through = -4 };  // never an action index
SharedExpr checked_when(CheckerState& st, const SharedAst& e, int action);
SharedExpr checked_bound(CheckerState& st, const SharedAst& e, BoundKind kind);

// A whole clause version as written in `clauses` or `add` (a re-enacted
// clause's `add` too).
ClauseVersion check_clause_version(CheckerState& st, const ClauseSyntax& s);

// The clause indices of an `overrides` list; an unknown id is E401 and left out.
std::vector<int> check_overrides(CheckerState& st, const std::vector<Name>& ids);

}  // namespace pacta::checker
