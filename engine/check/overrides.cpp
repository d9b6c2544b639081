// Stage: overrides. A clause cannot (directly or through others) set aside a
// clause that sets it aside while both are in force: on no date, in no
// scenario, may the current versions' `overrides` form a cycle
// (override_cycles.hpp says what is and is not looked at).
//
// First the union of every version's overrides: when it is acyclic (the
// usual case) nothing else is done. Otherwise only the clauses on a cycle of
// the union can be on a cycle on some date, and only the amendments that
// touch them matter: each scenario is replayed over them, and after each
// effective date a search from the clauses that changed that day finds any
// cycle that appeared (one that did not go through them was there before).
#include <algorithm>
#include <iterator>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/check/graph.hpp"
#include "engine/check/internal/stages.hpp"
#include "engine/check/override_cycles.hpp"

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

// The overrides of the versions in force on one date of one scenario,
// restricted to the clauses on a cycle of the union, replayed amendment by
// amendment. Every step (a clause reset, an amendment entry, an edge
// followed) counts against the budget.
class OverrideTimeline {
 public:
  OverrideTimeline(const Contract& c, std::vector<int> component, std::vector<bool> on_cycle,
                   std::size_t budget)
      : c_(c),
        component_(std::move(component)),
        on_cycle_(std::move(on_cycle)),
        current_(c.clauses.size()),
        stamp_(c.clauses.size(), 0),
        state_(c.clauses.size(), 0),
        budget_(budget) {
    for (std::size_t i = 0; i < on_cycle_.size(); ++i) {
      if (on_cycle_[i]) nodes_.push_back(static_cast<int>(i));
    }
  }

  bool touches(const Amendment& am) const;
  // The first cycle in the scenario of the amendments `relevant` (in
  // amendment order) signed on or before `as_agreed_on` (nullopt: all).
  std::optional<OverrideCycle> check(const std::vector<int>& relevant,
                                     std::optional<Date> as_agreed_on);
  bool out_of_budget() const { return spent_ > budget_; }

 private:
  struct Current {
    const std::vector<int>* targets = nullptr;  // nullptr: not in force
    std::size_t offset = 0;                     // where `targets` is written
  };
  void reset(std::vector<int>& changed);
  void apply(const Amendment& am, std::vector<int>& changed);
  bool edge(int from, int to) const {
    return on_cycle_[to] && component_[to] == component_[from] && current_[to].targets;
  }
  std::optional<std::vector<int>> find_cycle(const std::vector<int>& roots);

  const Contract& c_;
  std::vector<int> component_;
  std::vector<bool> on_cycle_;
  std::vector<int> nodes_;  // the clauses on a cycle of the union, ascending
  std::vector<Current> current_;
  std::vector<unsigned> stamp_;  // per clause: the search that visited it
  std::vector<char> state_;      // per clause, in that search: 1 open, 2 done
  unsigned search_ = 0;
  std::size_t budget_, spent_ = 0;
};

bool OverrideTimeline::touches(const Amendment& am) const {
  auto on = [&](int i) { return static_cast<bool>(on_cycle_[i]); };
  return std::any_of(am.repeal.begin(), am.repeal.end(), on) ||
         std::any_of(am.add.begin(), am.add.end(), on) ||
         std::any_of(am.amend.begin(), am.amend.end(),
                     [&](const auto& p) { return on(p.first) && p.second.overrides; }) ||
         std::any_of(am.reenact.begin(), am.reenact.end(),
                     [&](const auto& r) { return on(r.first); });
}

void OverrideTimeline::reset(std::vector<int>& changed) {
  for (int i : nodes_) {
    const Clause& clause = c_.clauses[i];
    current_[i] =
        clause.added_by >= 0 ? Current{} : Current{&clause.version.overrides, clause.offset};
    if (current_[i].targets) changed.push_back(i);
  }
  spent_ += nodes_.size();
}

// As CompiledContract applies an amendment: repeal, amend, add, re-enact;
// an `amend` of a clause not in force in this scenario does nothing.
void OverrideTimeline::apply(const Amendment& am, std::vector<int>& changed) {
  spent_ += am.repeal.size() + am.amend.size() + am.add.size() + am.reenact.size();
  for (int i : am.repeal) current_[i] = Current{};
  for (const auto& [i, patch] : am.amend) {
    if (!on_cycle_[i] || !patch.overrides || !current_[i].targets) continue;
    current_[i] = Current{&*patch.overrides, patch.offset};
    changed.push_back(i);
  }
  auto start = [&](int i, const ClauseVersion& v, std::size_t offset) {
    if (!on_cycle_[i]) return;
    current_[i] = Current{&v.overrides, offset};
    changed.push_back(i);
  };
  for (int i : am.add) start(i, c_.clauses[i].version, c_.clauses[i].offset);
  for (const auto& [i, version] : am.reenact) start(i, version, version.offset);
}

// Depth-first from `roots` over the current edges; the first back edge
// closes the cycle returned. Visits each clause and edge at most once.
std::optional<std::vector<int>> OverrideTimeline::find_cycle(const std::vector<int>& roots) {
  ++search_;
  std::vector<std::pair<int, std::size_t>> stack;  // clause, next target to follow
  for (int root : roots) {
    if (stamp_[root] == search_ || !current_[root].targets) continue;
    stamp_[root] = search_;
    state_[root] = 1;
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      const std::vector<int>& targets = *current_[node].targets;
      if (next == targets.size()) {
        state_[node] = 2;
        stack.pop_back();
        continue;
      }
      int to = targets[next++];
      ++spent_;
      if (!edge(node, to)) continue;
      if (stamp_[to] != search_) {
        stamp_[to] = search_;
        state_[to] = 1;
        stack.emplace_back(to, 0);
      } else if (state_[to] == 1) {
        auto it = std::find_if(stack.begin(), stack.end(),
                               [&](const auto& frame) { return frame.first == to; });
        std::vector<int> cycle;
        for (; it != stack.end(); ++it) cycle.push_back(it->first);
        cycle.push_back(to);
        return cycle;
      }
    }
  }
  return std::nullopt;
}

// The cycle is new on its day, so one of its clauses changed that day:
// rotated so that such a clause closes it, the report points at the
// `overrides` written that day.
void close_at_change(std::vector<int>& path, const std::vector<int>& changed, std::size_t clauses) {
  std::vector<bool> is_changed(clauses, false);  // once per report: no quadratic lookups
  for (int i : changed) is_changed[i] = true;
  const std::size_t length = path.size() - 1;
  if (is_changed[path[length - 1]]) return;
  for (std::size_t j = 0; j < length; ++j) {
    if (!is_changed[path[j]]) continue;
    std::vector<int> rotated;
    rotated.reserve(path.size());
    for (std::size_t k = 1; k <= length; ++k) rotated.push_back(path[(j + k) % length]);
    rotated.push_back(rotated.front());
    path = std::move(rotated);
    return;
  }
}

std::optional<OverrideCycle> OverrideTimeline::check(const std::vector<int>& relevant,
                                                     std::optional<Date> as_agreed_on) {
  std::vector<int> changed;
  reset(changed);
  Date day = Date::min();
  // The versions of `day` are complete once every amendment effective that
  // day has been applied (one replaced on the day it started never holds).
  auto cycle_on_day = [&]() -> std::optional<OverrideCycle> {
    auto path = find_cycle(changed);
    if (path) close_at_change(*path, changed, c_.clauses.size());
    changed.clear();
    if (!path) return std::nullopt;
    int closing = closing_node(*path);
    return OverrideCycle{std::move(*path), day, as_agreed_on, current_[closing].offset, false};
  };
  for (int a : relevant) {
    const Amendment& am = c_.amendments[a];
    if (as_agreed_on && am.signed_on > *as_agreed_on) continue;
    if (am.effective != day) {
      if (auto cycle = cycle_on_day()) return cycle;
      if (out_of_budget()) return std::nullopt;
      day = am.effective;
    }
    apply(am, changed);
  }
  return cycle_on_day();
}

// The scenarios that can differ: every amendment, none, and each agreement
// date of a relevant amendment (before the last, which is every amendment).
std::vector<std::optional<Date>> scenarios(const Contract& c, const std::vector<int>& relevant) {
  std::set<Date> signed_on;
  for (int a : relevant) signed_on.insert(c.amendments[a].signed_on);
  std::vector<std::optional<Date>> out{std::nullopt};
  if (signed_on.empty()) return out;
  // As agreed on the day before the first amendment was signed: none of them.
  if (auto before = add_days(*signed_on.begin(), -1)) out.emplace_back(*before);
  signed_on.erase(std::prev(signed_on.end()));
  out.insert(out.end(), signed_on.begin(), signed_on.end());
  return out;
}

}  // namespace

std::optional<OverrideCycle> find_override_cycle(const Contract& c, std::size_t budget) {
  const auto edges = override_edges(c);
  GraphWalk walk = walk_graph(edges);
  if (walk.cycles.empty()) return std::nullopt;
  std::vector<int> component = strong_components(edges, walk.order);
  std::vector<int> size(edges.size(), 0);
  for (int comp : component) ++size[comp];
  std::vector<bool> on_cycle(edges.size(), false);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    on_cycle[i] = size[component[i]] > 1 || std::find(edges[i].begin(), edges[i].end(),
                                                      static_cast<int>(i)) != edges[i].end();
  }
  OverrideTimeline timeline(c, std::move(component), std::move(on_cycle), budget);
  std::vector<int> relevant;
  for (std::size_t a = 0; a < c.amendments.size(); ++a) {
    if (timeline.touches(c.amendments[a])) relevant.push_back(static_cast<int>(a));
  }
  const auto& path = walk.cycles.front();
  // No amendment touches the cycle's clauses: the union is what holds on
  // every date.
  if (relevant.empty()) {
    return OverrideCycle{path, Date::min(), std::nullopt, c.clauses[closing_node(path)].offset};
  }
  for (const auto& as_agreed_on : scenarios(c, relevant)) {
    // A cycle found is real even when the budget ran out while finding it.
    if (auto cycle = timeline.check(relevant, as_agreed_on)) return cycle;
    if (timeline.out_of_budget()) break;
  }
  if (!timeline.out_of_budget()) return std::nullopt;
  return OverrideCycle{path, Date::min(), std::nullopt, c.clauses[closing_node(path)].offset, true};
}

void check_overrides_acyclic(CheckerState& st, const RuleFileSyntax& /*syntax*/) {
  const Contract& c = st.contract;
  // Date by date costs at most a fixed multiple of the contract's size.
  std::size_t size = c.clauses.size() + c.amendments.size();
  for (const Clause& clause : c.clauses) size += clause.version.overrides.size();
  auto cycle = find_override_cycle(c, 16 * size + (1U << 20));
  if (!cycle) return;
  std::string relation = "clauses override each other";
  if (cycle->from != Date::min()) relation += " from " + cycle->from.to_string();
  if (cycle->as_agreed_on) relation += " as agreed on " + cycle->as_agreed_on->to_string();
  std::string help =
      "a clause cannot (directly or through others) set aside a clause that sets it aside; "
      "remove one `overrides` entry";
  if (cycle->every_version) {
    help +=
        " (this contract is too large to check date by date, so the `overrides` of every "
        "version count together)";
  }
  report_cycle(st, Code::E503, relation, c.clauses.ids(cycle->path), cycle->offset,
               std::move(help));
}

}  // namespace pacta::checker
