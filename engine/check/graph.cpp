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
        } else if (state[target] == Open) {
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

}  // namespace pacta
