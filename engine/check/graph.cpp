#include "engine/check/graph.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace pacta {

GraphWalk walk_graph(const std::vector<std::vector<int>>& edges) {
  GraphWalk out;
  enum State : char { New, Open, Done };
  std::vector<State> state(edges.size(), New);
  std::vector<std::pair<int, std::size_t>> stack;  // node, next edge to follow
  for (std::size_t root = 0; root < edges.size(); ++root) {
    if (state[root] != New) continue;
    stack.emplace_back(static_cast<int>(root), 0);
    state[root] = Open;
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (next < edges[node].size()) {
        int target = edges[node][next++];
        if (state[target] == New) {
          state[target] = Open;
          stack.emplace_back(target, 0);
        } else if (state[target] == Open && out.cycles.empty()) {
          std::vector<int> cycle;
          auto it = std::find_if(stack.begin(), stack.end(),
                                 [&](const auto& frame) { return frame.first == target; });
          for (; it != stack.end(); ++it) cycle.push_back(it->first);
          cycle.push_back(target);
          out.cycles.push_back(std::move(cycle));
        }
        continue;
      }
      state[node] = Done;
      out.order.push_back(node);
      stack.pop_back();
    }
  }
  return out;
}

std::vector<int> strong_components(const std::vector<std::vector<int>>& edges,
                                   const std::vector<int>& order) {
  std::vector<std::vector<int>> reverse(edges.size());
  for (std::size_t from = 0; from < edges.size(); ++from) {
    for (int to : edges[from]) reverse[to].push_back(static_cast<int>(from));
  }
  // Roots in decreasing finish time: each tree of the reverse graph is then
  // one component.
  std::vector<int> component(edges.size(), -1);
  std::vector<int> stack;
  int next = 0;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    if (component[*it] >= 0) continue;
    component[*it] = next;
    stack.push_back(*it);
    while (!stack.empty()) {
      int node = stack.back();
      stack.pop_back();
      for (int from : reverse[node]) {
        if (component[from] >= 0) continue;
        component[from] = next;
        stack.push_back(from);
      }
    }
    ++next;
  }
  return component;
}

}  // namespace pacta
