// Stage: named dates. Each is typed, put in an evaluation order (each after
// the named dates it uses; a cycle is an error), then folded in that order
// (internal/fold.hpp): a named date that reads no fact gets its value now,
// and a constant part that fails, in any named date, is a load-time error.
#include <string>
#include <vector>

#include "engine/check/graph.hpp"
#include "engine/check/internal/fold.hpp"
#include "engine/check/internal/stages.hpp"

namespace pacta::checker {

namespace {

// Types each named date; uses[i] gets the named dates date i reads. Returns,
// per date, whether it typed.
std::vector<bool> type_dates(CheckerState& st, const RuleFileSyntax& s,
                             std::vector<std::vector<int>>& uses) {
  std::vector<bool> ok(s.dates.size(), false);
  for (std::size_t i = 0; i < s.dates.size(); ++i) {
    if (!s.dates[i].parsed) continue;
    ExprScope sc = st.scope(-1, false);
    sc.context = "a named date";
    sc.used_dates = &uses[i];
    sc.fold = false;  // in fold_constant_dates, once the dates it reads are folded
    if (auto e = check_expression(sc, st.file, s.dates[i].expr, Type::date(), st.diags)) {
      st.contract.dates[i].expr = std::move(*e);
      ok[i] = true;
    }
  }
  return ok;
}

// Sets the evaluation order. A cycle is reported once, naming its path; its
// dates are left unevaluated (ok becomes false).
void order_dates(CheckerState& st, const std::vector<std::vector<int>>& uses,
                 std::vector<bool>& ok) {
  const Contract& c = st.contract;
  GraphWalk walk = walk_graph(uses);
  if (!walk.cycles.empty()) {
    const auto& cycle = walk.cycles.front();
    std::vector<std::string> path;
    for (int i : cycle) path.push_back(c.dates[i].name);
    report_cycle(st, Code::E405, "named dates depend on each other", path,
                 c.dates[closing_node(cycle)].offset, "define one of them with a date literal");
    for (int i : cycle) ok[i] = false;
  }
  st.contract.date_order = std::move(walk.order);
}

// In evaluation order, so each named date sees the values of those it reads.
void fold_constant_dates(CheckerState& st, const std::vector<bool>& ok) {
  const Contract& c = st.contract;
  st.dates_constant.assign(c.dates.size(), false);
  st.constant_dates.assign(c.dates.size(), Date::never());
  const ExprScope sc = st.scope(-1, false);
  for (int i : c.date_order) {
    if (!ok[i]) continue;
    const expr_check::Folded f = expr_check::fold_constants(sc, st.file, c.dates[i].expr, st.diags);
    if (!f.value) continue;
    st.dates_constant[i] = true;
    st.constant_dates[i] = f.value->d;
  }
}

}  // namespace

void check_dates(CheckerState& st, const RuleFileSyntax& s) {
  std::vector<std::vector<int>> uses(s.dates.size());
  std::vector<bool> ok = type_dates(st, s, uses);
  order_dates(st, uses, ok);
  fold_constant_dates(st, ok);
}

}  // namespace pacta::checker
