// Stage: clauses. Each clause as written in `clauses` or an amendment's
// `add`: its pattern, `when`, date bounds and `overrides`.
#include <fmt/format.h>

#include <memory>
#include <string>
#include <utility>

#include "engine/check/check.hpp"
#include "engine/check/internal/clause_fields.hpp"
#include "engine/check/internal/stages.hpp"
#include "engine/eval/evaluate.hpp"

namespace pacta {

std::string suggest_clause_id(const Contract& contract, std::string_view id,
                              const Diagnostics& diags) {
  if (diags.full()) return {};  // not kept: skip listing every clause
  return did_you_mean(id, contract.clauses.ids());
}

void report_unknown_clause(const Contract& contract, const SourceFile& file, const Name& id,
                           Diagnostics& diags) {
  diags.error(file, id.offset, Code::E401, fmt::format("unknown clause '{}'", id.value),
              suggest_clause_id(contract, id.value, diags));
}

namespace checker {

std::optional<TypedExpr> check_when(const CheckerState& st, const Expr& e, int action,
                                    Diagnostics& diags) {
  ExprScope sc = st.scope(action, true);
  sc.context = "'when'";
  return check_expression(sc, st.file, e, Type::boolean(), diags);
}

std::optional<TypedExpr> check_bound(CheckerState& st, const Expr& e, std::string_view key) {
  ExprScope sc = st.scope(-1, false);
  sc.context = key;
  auto t = check_expression(sc, st.file, e, Type::date(), st.diags);
  if (t && is_constant(*t, st.dates_constant)) {
    if (!fold_date(st, *t)) return std::nullopt;
  }
  return t;
}

std::optional<TypedExpr> through_to_until(CheckerState& st, std::optional<TypedExpr> t) {
  if (!t) return t;
  TypedExpr plus;
  plus.op = TypedExpr::Op::AddDays;
  plus.type = Type::date();
  plus.amount = 1;
  plus.saturate = true;  // `through: 9999-12-31` has no end: the day after is `never`
  plus.span = t->span;
  plus.operands.push_back(std::move(*t));
  if (is_constant(plus, st.dates_constant) && !fold_date(st, plus)) return std::nullopt;
  return plus;
}

SharedExpr share(std::optional<TypedExpr> e) {
  if (!e) return nullptr;
  return std::make_shared<const TypedExpr>(std::move(*e));
}

SharedExpr checked_when(CheckerState& st, const SharedAst& e, int action) {
  // An AST held by this field alone (no YAML alias) is met once: no cache.
  if (e.use_count() == 1) return share(check_when(st, *e, action, st.diags));
  // A reference, not the iterator: the map is hashed, and checking may add
  // to it (a rehash moves no element but invalidates iterators).
  auto [it, first] = st.typed.try_emplace({e.get(), action});
  SharedExpr& slot = it->second;
  if (first) slot = share(check_when(st, *e, action, st.diags));
  return slot;
}

namespace {

SharedExpr typed_bound(CheckerState& st, const Expr& e, BoundKind kind) {
  switch (kind) {
    case BoundKind::From:
      return share(check_bound(st, e, "'from'"));
    case BoundKind::Until:
      return share(check_bound(st, e, "'until'"));
    case BoundKind::Through:
      return share(through_to_until(st, check_bound(st, e, "'through'")));
  }
  return nullptr;
}

}  // namespace

SharedExpr checked_bound(CheckerState& st, const SharedAst& e, BoundKind kind) {
  if (e.use_count() == 1) return typed_bound(st, *e, kind);  // as in checked_when
  auto [it, first] = st.typed.try_emplace({e.get(), static_cast<int>(kind)});
  SharedExpr& slot = it->second;  // as in checked_when
  if (first) slot = typed_bound(st, *e, kind);
  return slot;
}

std::vector<int> check_overrides(CheckerState& st, const std::vector<Name>& ids) {
  std::vector<int> out;
  for (const auto& id : ids) {
    if (auto i = st.contract.find_clause(id.value)) {
      out.push_back(*i);
    } else {
      report_unknown_clause(st.contract, st.file, id, st.diags);
    }
  }
  return out;
}

ClauseVersion check_clause_version(CheckerState& st, const ClauseSyntax& s) {
  ClauseVersion v;
  v.modality = s.modality.value;
  v.offset = s.offset;
  v.kind = s.kind.value;
  v.title = s.title.value;
  v.text = s.text.value;
  v.ref = s.ref.value;
  // A pattern that did not parse was reported by the reader.
  auto pattern = s.modality.is_set() ? resolve_pattern(st.contract, st.file, s.pattern, st.diags)
                                     : std::nullopt;
  if (pattern) v.pattern = *pattern;
  if (s.when.is_set() && pattern) {
    v.when = checked_when(st, s.when.value, pattern->action);
    v.when_action = pattern->action;
  }
  if (s.from.is_set()) v.from = checked_bound(st, s.from.value, BoundKind::From);
  if (s.until.is_set()) v.until = checked_bound(st, s.until.value, BoundKind::Until);
  if (s.through.is_set()) {
    v.until = checked_bound(st, s.through.value, BoundKind::Through);
    v.until_is_through = true;
  }
  if (s.overrides.is_set()) v.overrides = check_overrides(st, s.overrides.value);
  return v;
}

void check_clauses(CheckerState& st, const RuleFileSyntax& /*syntax*/) {
  for (std::size_t i = 0; i < st.contract.clauses.size(); ++i) {
    st.contract.clauses.mutable_version(i) = check_clause_version(st, *st.clause_syntax[i]);
  }
}

}  // namespace checker

}  // namespace pacta
