#pragma once
// Depth-first search without recursion (a 16 MiB file can chain hundreds of
// thousands of clauses through `overrides`): a post-order of the nodes and
// the first cycle met. Time and memory are O(nodes + edges): one cycle is
// kept, never one per back edge (a graph can have a back edge per edge, and
// a copy of the stack each would be quadratic).
#include <vector>

namespace pacta {

struct GraphWalk {
  std::vector<int> order;  // each node after every node it points to (every node once)
  // The first cycle found (roots in index order, edges in list order), as a
  // path that starts and ends at the same node; at most one element.
  std::vector<std::vector<int>> cycles;
};

GraphWalk walk_graph(const std::vector<std::vector<int>>& edges);

// The node of a cycle (as in GraphWalk::cycles) whose edge leads back to the
// first: the one before the repeat, where the cycle is closed.
inline int closing_node(const std::vector<int>& cycle) { return cycle[cycle.size() - 2]; }

}  // namespace pacta

namespace pacta {

// The strongly connected components of `edges` (Kosaraju, iterative, O(nodes
// + edges)), given `order` from walk_graph: per node its component, numbered
// from 0. A node is on a cycle exactly when its component has another node
// or the node points to itself.
std::vector<int> strong_components(const std::vector<std::vector<int>>& edges,
                                   const std::vector<int>& order);

}  // namespace pacta
