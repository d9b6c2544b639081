#pragma once
// What the checker's stages (engine/check/check.cpp runs them in order)
// share while one rule file is checked: the contract being built, the side
// tables that are not part of it, and the diagnostics more than one stage
// raises. Internal to engine/check.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/check/expressions.hpp"
#include "engine/model/contract.hpp"
#include "grammar/codes.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/files/rule_file.hpp"
#include "grammar/source.hpp"

namespace pacta::checker {

// What a top-level name is; types, facts, named dates and actions share one
// namespace with each other and with the built-in type names.
enum class NameKind { BuiltinType, Type, Fact, NamedDate, Condition, Action };

struct CheckerState {
  CheckerState(const SourceFile& source, Diagnostics& diagnostics)
      : file(source), diags(diagnostics) {}

  void error(std::size_t offset, Code code, std::string message, std::string help = {}) {
    diags.error(file, offset, code, std::move(message), std::move(help));
  }

  // The names an expression of the contract sees; `action`'s params and
  // `date` only in a `when`.
  ExprScope scope(int action, bool allow_today) const;

  const SourceFile& file;
  Diagnostics& diags;
  Contract contract;
  std::map<std::string, std::pair<NameKind, std::size_t>> names;  // name -> kind, offset
  std::vector<bool> fact_ok;                       // per fact: its declaration resolved
  std::vector<const ClauseSyntax*> clause_syntax;  // parallel to contract.clauses
  std::vector<bool> dates_constant;                // per named date: folded at load time
  std::vector<Date> constant_dates;                // their values (never when not constant)
  // Clause expressions typed so far, by AST and the context that changes
  // how it types: a `when`'s action (its params resolve by name), or a
  // bound's kind (BoundKind). An aliased `when` shares one AST, so it is
  // typed (and its errors reported) once per action, and every clause
  // holds the same TypedExpr. Null: it did not check. Only ASTs that more
  // than one field holds are kept here: every field is checked once, so an
  // AST of one field alone is typed once without it.
  struct TypedKeyHash {
    std::size_t operator()(const std::pair<const Expr*, int>& k) const {
      return std::hash<const Expr*>{}(k.first) * 31 + std::hash<int>{}(k.second);
    }
  };
  std::unordered_map<std::pair<const Expr*, int>, SharedExpr, TypedKeyHash> typed;
};

// Reports a cycle found by walk_graph: "<relation> in a cycle: a -> b -> a",
// `path` naming its nodes (first == last), at `closing_offset`, where the
// edge back to the first node is written.
void report_cycle(CheckerState& st, Code code, std::string_view relation,
                  const std::vector<std::string>& path, std::size_t closing_offset,
                  std::string help);

// Evaluates a constant date expression (named dates are read from
// st.constant_dates); reports E306 when its evaluation fails.
std::optional<Date> fold_date(CheckerState& st, const TypedExpr& e);

}  // namespace pacta::checker
