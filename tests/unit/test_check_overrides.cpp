// The override-cycle rule date by date (engine/check/override_cycles.hpp):
// versions never in force on the same day form no cycle; a cycle in one
// scenario only is found and named with it; the search keeps one cycle, not
// one per back edge; past its budget the check falls back to the union of
// every version.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "check_fixture.hpp"
#include "engine/check/graph.hpp"
#include "engine/check/override_cycles.hpp"

using namespace pacta;
using namespace pacta::fixture;

namespace {

// `discount` overrides `list-price` until 2026; then the other way round.
const char* const kSwap = R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  charge: {params: {payer: party}}
clauses:
  - id: list-price
    oblige: charge(acme)
  - id: discount
    permit: charge(acme)
    overrides: [list-price]
amendments:
  - id: swap
    signed: 2025-06-01
    effective: 2026-01-01
    amend:
      - id: discount
        overrides: null
      - id: list-price
        overrides: [discount]
)yaml";

}  // namespace

TEST_CASE("overrides: versions never in force together form no cycle", "[checker][E503]") {
  auto l = load(kSwap);
  CHECK_LOADS(l);
}

TEST_CASE("overrides: a cycle in one scenario only names the scenario", "[checker][E503]") {
  // Every amendment: on 2025-06-01 `a` stops overriding `b` as `b` starts
  // overriding `a`. As agreed on 2025-01-01 only the second change exists.
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: a
    forbid: act
    overrides: [b]
  - id: b
    permit: act
amendments:
  - id: s
    signed: 2025-01-01
    effective: 2025-06-01
    amend:
      - id: b
        overrides: [a]
  - id: r
    signed: 2026-01-01
    effective: 2025-06-01
    amend:
      - id: a
        overrides: null
)yaml");
  CHECK_ONLY_ERROR(l, Code::E503, 17, 9,
                   "clauses override each other from 2025-06-01 as agreed on 2025-01-01 in a "
                   "cycle: a -> b -> a");
}

TEST_CASE("overrides: a repeal ends a clause's part in a cycle", "[checker][E503]") {
  auto l = load(R"yaml(pacta: 1
contract: t
parties: [acme]
actions:
  act:
clauses:
  - id: a
    forbid: act
    overrides: [b]
  - id: b
    permit: act
amendments:
  - id: end-a
    signed: 2025-01-01
    repeal: [a]
  - id: b-over-a
    signed: 2025-01-01
    effective: 2025-02-01
    amend:
      - id: b
        overrides: [a]
)yaml");
  CHECK_LOADS(l);
}

TEST_CASE("overrides: past the budget every version counts together", "[checker][E503]") {
  auto l = load_ok(kSwap);
  auto found = checker::find_override_cycle(l->contract(), 0);
  REQUIRE(found.has_value());
  CHECK(found->every_version);
  CHECK(l->contract().clauses.ids(found->path) ==
        std::vector<std::string>{"list-price", "discount", "list-price"});
  CHECK_FALSE(checker::find_override_cycle(l->contract(), 1000).has_value());
}

TEST_CASE("walk_graph keeps one cycle, however many back edges", "[checker][graph]") {
  // c_i -> c_{i+1} and c_i -> c_0: a back edge per node. The walk used to
  // keep a copy of the stack for each (quadratic memory).
  const int n = 20000;
  std::vector<std::vector<int>> edges(n);
  for (int i = 0; i < n; ++i) edges[i] = {(i + 1) % n, 0};
  GraphWalk walk = walk_graph(edges);
  REQUIRE(walk.cycles.size() == 1);
  CHECK(walk.cycles.front().size() == static_cast<std::size_t>(n) + 1);
  CHECK(walk.order.size() == static_cast<std::size_t>(n));
  std::vector<int> component = strong_components(edges, walk.order);
  CHECK(std::count(component.begin(), component.end(), component.front()) == n);
}

TEST_CASE("strong_components separates what no cycle joins", "[checker][graph]") {
  // 0 <-> 1 -> 2 -> 3 -> 2, 4 alone
  std::vector<std::vector<int>> edges{{1}, {0, 2}, {3}, {2}, {}};
  auto component = strong_components(edges, walk_graph(edges).order);
  CHECK(component[0] == component[1]);
  CHECK(component[2] == component[3]);
  CHECK(component[0] != component[2]);
  CHECK(component[4] != component[0]);
  CHECK(component[4] != component[2]);
}
