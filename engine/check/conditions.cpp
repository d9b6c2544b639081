// Stage: named conditions (`conditions:`). Each is typed as a bool with
// `date`, facts, named dates and other conditions visible (not action
// params); a cycle between conditions is E405, as for named dates. They are
// evaluated once per situation (engine/decide/situation.cpp), in this order.
#include <string>
#include <vector>

#include "engine/check/graph.hpp"
#include "engine/check/internal/stages.hpp"

namespace pacta::checker {

void check_conditions(CheckerState& st, const RuleFileSyntax& s) {
  std::vector<std::vector<int>> uses(s.conditions.size());
  for (std::size_t i = 0; i < s.conditions.size(); ++i) {
    if (!s.conditions[i].parsed) continue;
    ExprScope sc = st.scope(-1, true);
    sc.context = "a named condition";
    sc.used_conditions = &uses[i];
    auto e = check_expression(sc, st.file, s.conditions[i].expr, Type::boolean(), st.diags);
    if (e) st.contract.conditions[i].expr = std::move(*e);
  }
  GraphWalk walk = walk_graph(uses);
  st.contract.condition_order = std::move(walk.order);
  if (walk.cycles.empty()) return;
  const auto& cycle = walk.cycles.front();
  std::vector<std::string> path;
  for (int i : cycle) path.push_back(st.contract.conditions[i].name);
  report_cycle(st, Code::E405, "named conditions depend on each other", path,
               st.contract.conditions[closing_node(cycle)].offset,
               "write one of them without the others");
}

}  // namespace pacta::checker
