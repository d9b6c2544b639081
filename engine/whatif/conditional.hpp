#pragma once
// Conditional answers (SPEC §7.3): a `bool`, party, enum or `number` fact
// without a default that the question does not assume is unknown, and the
// answer splits into cases over its values instead of failing.
//
// Beside the hot path, never in it: the facts an action's clauses read are
// found once (through named conditions and dates), each unknown one is cut
// into cells (each bool value, each domain value; for a number, each
// threshold the contract compares it with and the open intervals between
// them), the instance is decided once per combination of cells with the
// ordinary Decider (a representative value assumed for each cell: exact,
// since an expression only compares the fact with constants), and the
// outcomes are merged into cases that are disjoint, cover every value, and
// name only the facts they depend on.
#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/situation.hpp"

namespace pacta {

// One cell of an unknown fact's values.
struct FactCell {
  enum class Kind { Bool, Member, Point, Interval };
  Kind kind = Kind::Bool;
  bool b = false;   // Bool
  int member = -1;  // Member: index in the fact's domain
  // Point: lo (== hi). Interval: (lo, hi), open; a missing end is unbounded.
  std::optional<Number> lo, hi;
  Value representative;  // the value assumed for the cell
};

struct UnknownFact {
  int fact = -1;
  std::vector<FactCell> cells;  // ascending for numbers; declaration order for values
};

// What a case says of one fact: a set of its cells, as the user reads it
// (a bool; one value or a list of values; one interval of numbers).
struct Given {
  int fact = -1;
  FactCell::Kind kind = FactCell::Kind::Bool;
  bool b = false;
  std::vector<int> members;  // Member: ascending
  // Numbers: the interval [lo, hi] with each end inclusive or not; a
  // missing end is unbounded.
  std::optional<Number> lo, hi;
  bool lo_inclusive = false, hi_inclusive = false;
  friend bool operator==(const Given& x, const Given& y) {
    return x.fact == y.fact && x.kind == y.kind && x.b == y.b && x.members == y.members &&
           x.lo == y.lo && x.hi == y.hi && x.lo_inclusive == y.lo_inclusive &&
           x.hi_inclusive == y.hi_inclusive;
  }
};

template <class Outcome>
struct Case {
  std::vector<Given> given;  // in fact declaration order; empty: always
  Outcome outcome;
  friend bool operator==(const Case& x, const Case& y) {
    return x.given == y.given && x.outcome == y.outcome;
  }
};

// Why the answer cannot be split exactly.
struct SplitProblem {
  int fact = -1;
  std::string message, help;
};

// The unknown facts that the clause versions of `actions` read (directly or
// through named conditions and dates), in declaration order, each with its
// cells; `s` holds the question's facts (nullopt: unknown). A problem when
// a number fact is compared with anything but a constant, used in
// arithmetic, or when the cells' product passes `max_combinations`.
struct UnknownAnalysis {
  std::vector<UnknownFact> facts;
  std::optional<SplitProblem> problem;
};
UnknownAnalysis analyze_unknown_facts(const CompiledContract& compiled, const Situation& s,
                                      const std::vector<int>& actions,
                                      std::size_t max_combinations);

// The cells of a number fact cut at the thresholds `t` (any order,
// repeats allowed): below the first, each threshold, between each two,
// above the last, each with an exact representative; nullopt when a
// representative cannot be computed exactly (huge thresholds).
std::optional<std::vector<FactCell>> number_cells(std::vector<Number> t);

// The number of combinations of cells (saturating).
std::size_t combinations(const std::vector<UnknownFact>& facts);

// The cases of `outcome(combination)`, where a combination gives a cell
// index per fact of `facts`: a tree over the facts in order, a fact
// dropped where every branch is the same, values with the same sub-answer
// merged into one list, adjacent number cells into one interval.
template <class Outcome>
std::vector<Case<Outcome>> merge_cases(
    const std::vector<UnknownFact>& facts,
    const std::function<Outcome(const std::vector<int>&)>& outcome);

// Whether the value `v` of g's fact is where `g` says.
bool covers(const Given& g, const Value& v);

// What a set of cells of `f` (ascending indices; adjacent ones for a
// number) says, as a Given.
Given given_of(const UnknownFact& f, const std::vector<int>& cells);

namespace conditional_detail {

template <class Outcome>
std::vector<Case<Outcome>> level(const std::vector<UnknownFact>& facts, std::size_t f,
                                 std::vector<int>& combination,
                                 const std::function<Outcome(const std::vector<int>&)>& outcome) {
  if (f == facts.size()) return {Case<Outcome>{{}, outcome(combination)}};
  const UnknownFact& u = facts[f];
  std::vector<std::vector<Case<Outcome>>> sub(u.cells.size());
  for (std::size_t i = 0; i < u.cells.size(); ++i) {
    combination[f] = static_cast<int>(i);
    sub[i] = level(facts, f + 1, combination, outcome);
  }
  bool same = true;
  for (const auto& s : sub) same = same && s == sub.front();
  if (same) return std::move(sub.front());  // the answer does not depend on this fact here
  const bool ordered = !u.cells.empty() && (u.cells.front().kind == FactCell::Kind::Point ||
                                            u.cells.front().kind == FactCell::Kind::Interval);
  // Groups of cells with the same sub-answer: adjacent runs for numbers
  // (an interval), any for values (a list).
  std::vector<std::vector<int>> groups;
  for (std::size_t i = 0; i < sub.size(); ++i) {
    std::vector<int>* into = nullptr;
    if (ordered) {
      if (!groups.empty() && sub[static_cast<std::size_t>(groups.back().back())] == sub[i]) {
        into = &groups.back();
      }
    } else {
      for (auto& g : groups) {
        if (sub[static_cast<std::size_t>(g.front())] == sub[i]) into = &g;
      }
    }
    if (into == nullptr) {
      groups.emplace_back();
      into = &groups.back();
    }
    into->push_back(static_cast<int>(i));
  }
  std::vector<Case<Outcome>> out;
  for (const auto& g : groups) {
    const Given given = given_of(u, g);
    for (Case<Outcome> c : sub[static_cast<std::size_t>(g.front())]) {
      c.given.insert(c.given.begin(), given);
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace conditional_detail

template <class Outcome>
std::vector<Case<Outcome>> merge_cases(
    const std::vector<UnknownFact>& facts,
    const std::function<Outcome(const std::vector<int>&)>& outcome) {
  std::vector<int> combination(facts.size(), 0);
  return conditional_detail::level(facts, 0, combination, outcome);
}

// Decides one instance once per combination (`base` with the cells'
// representatives assumed) and merges the decisions. False and `error`
// set when a decision fails (a bound or `when` that cannot be evaluated).
// `each`, when given, sees every combination and its decision (`pacta
// test` checks expect_cases value by value).
struct ConditionalDecision {
  std::vector<Case<Decision>> cases;
};
using EachDecision = std::function<void(const std::vector<int>& combination, const Decision&)>;
bool decide_cases(const CompiledContract& compiled, Decider& decider, const Situation& base,
                  const std::vector<UnknownFact>& facts, int action, const std::vector<int>& args,
                  ConditionalDecision& out, DecisionError& error,
                  const EachDecision& each = nullptr);

// The facts some case's `given` names, ascending and once each.
template <class Outcome>
std::vector<int> given_facts(const std::vector<Case<Outcome>>& cases) {
  std::vector<int> facts;
  for (const Case<Outcome>& k : cases) {
    for (const Given& g : k.given) facts.push_back(g.fact);
  }
  std::sort(facts.begin(), facts.end());
  facts.erase(std::unique(facts.begin(), facts.end()), facts.end());
  return facts;
}

}  // namespace pacta
