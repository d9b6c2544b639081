#pragma once
// Depth-first search without recursion (a 16 MiB file can chain hundreds of
// thousands of clauses through `overrides`): a post-order of the nodes and
// the cycles met, each as a path that starts and ends at the same node.
#include <vector>

namespace pacta {

struct GraphWalk {
  std::vector<int> order;                // each node after every node it points to
  std::vector<std::vector<int>> cycles;  // at most one per back edge found
};

GraphWalk walk_graph(const std::vector<std::vector<int>>& edges);

// The node of a cycle (as in GraphWalk::cycles) whose edge leads back to the
// first: the one before the repeat, where the cycle is closed.
inline int closing_node(const std::vector<int>& cycle) { return cycle[cycle.size() - 2]; }

}  // namespace pacta
