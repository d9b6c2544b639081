// Stage: overrides. A clause cannot (directly or through others) set aside a
// clause that sets it aside, in any version: the union of every version's
// `overrides` must be acyclic, whatever the date asked about.
#include <set>
#include <vector>

#include "engine/check/graph.hpp"
#include "engine/check/internal/stages.hpp"

namespace pacta::checker {

namespace {

// Clause -> the clauses some version of it overrides, without repeats.
std::vector<std::vector<int>> override_edges(const Contract& c) {
  std::vector<std::set<int>> edges(c.clauses.size());
  for (std::size_t i = 0; i < c.clauses.size(); ++i) {
    for (int j : c.clauses[i].version.overrides) edges[i].insert(j);
  }
  for (const auto& am : c.amendments) {
    for (const auto& [i, patch] : am.amend) {
      if (patch.overrides) edges[i].insert(patch.overrides->begin(), patch.overrides->end());
    }
    for (const auto& [i, version] : am.reenact) {
      edges[i].insert(version.overrides.begin(), version.overrides.end());
    }
  }
  std::vector<std::vector<int>> adjacency(edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    adjacency[i].assign(edges[i].begin(), edges[i].end());
  }
  return adjacency;
}

}  // namespace

void check_overrides_acyclic(CheckerState& st, const RuleFileSyntax& /*syntax*/) {
  const Contract& c = st.contract;
  GraphWalk walk = walk_graph(override_edges(c));
  if (walk.cycles.empty()) return;
  const auto& cycle = walk.cycles.front();
  report_cycle(st, Code::E503, "clauses override each other", c.clauses.ids(cycle),
               c.clauses[closing_node(cycle)].offset,
               "a clause cannot (directly or through others) set aside a clause that sets it "
               "aside; remove one `overrides` entry");
}

}  // namespace pacta::checker
