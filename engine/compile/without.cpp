#include "engine/compile/without.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "grammar/suggest.hpp"

namespace pacta {

std::optional<WithoutConflict> find_without_conflict(const Contract& c, const Scenario& scenario) {
  if (scenario.without.empty()) return std::nullopt;
  // Per clause: whether it exists at this point of the amendment order, and
  // the left-out amendment that would have added it (it is then missing) or
  // repealed it (it then still exists); -1: none.
  std::vector<bool> exists(c.clauses.size());
  for (std::size_t i = 0; i < c.clauses.size(); ++i) exists[i] = c.clauses[i].added_by < 0;
  std::vector<int> missing_by(c.clauses.size(), -1), kept_by(c.clauses.size(), -1);
  for (std::size_t ai = 0; ai < c.amendments.size(); ++ai) {
    const Amendment& am = c.amendments[ai];
    const int a = static_cast<int>(ai);
    if (scenario.as_agreed_on && am.signed_on > *scenario.as_agreed_on) continue;
    const bool dropped = std::binary_search(scenario.without.begin(), scenario.without.end(), a);
    auto conflict = [&](int clause, WithoutConflict::Kind kind) -> std::optional<WithoutConflict> {
      const int by = kind == WithoutConflict::Kind::Reenacts ? kept_by[clause] : missing_by[clause];
      if (by < 0) return std::nullopt;
      return WithoutConflict{by, a, clause, kind};
    };
    for (int clause : am.repeal) {
      if (dropped) {
        if (exists[clause]) kept_by[clause] = a;
        continue;
      }
      if (!exists[clause]) {
        if (auto x = conflict(clause, WithoutConflict::Kind::Repeals)) return x;
      }
      exists[clause] = false;
      kept_by[clause] = -1;
    }
    for (const auto& [clause, patch] : am.amend) {
      if (!dropped && !exists[clause]) {
        if (auto x = conflict(clause, WithoutConflict::Kind::Amends)) return x;
      }
    }
    std::vector<int> added = am.add;
    for (const auto& [clause, version] : am.reenact) added.push_back(clause);
    for (int clause : added) {
      if (dropped) {
        if (!exists[clause]) missing_by[clause] = a;
        continue;
      }
      if (exists[clause]) {
        if (auto x = conflict(clause, WithoutConflict::Kind::Reenacts)) return x;
      }
      exists[clause] = true;
      missing_by[clause] = -1;
    }
  }
  return std::nullopt;
}

namespace {

std::string conflict_message(const Contract& c, const WithoutConflict& x) {
  const std::string& dropped = c.amendments[x.dropped].id;
  const std::string& needs = c.amendments[x.needs].id;
  const std::string& clause = c.clauses[x.clause].id;
  switch (x.kind) {
    case WithoutConflict::Kind::Amends:
      return fmt::format(
          "amendment '{}' amends clause '{}', which only amendment '{}' adds: without '{}' the "
          "clause does not exist",
          needs, clause, dropped, dropped);
    case WithoutConflict::Kind::Repeals:
      return fmt::format(
          "amendment '{}' repeals clause '{}', which only amendment '{}' adds: without '{}' the "
          "clause does not exist",
          needs, clause, dropped, dropped);
    case WithoutConflict::Kind::Reenacts:
      break;
  }
  return fmt::format(
      "amendment '{}' adds clause '{}' again, which amendment '{}' repealed: without '{}' the "
      "clause still exists",
      needs, clause, dropped, dropped);
}

}  // namespace

bool set_without(const Contract& c, const std::vector<std::string>& ids, Scenario& scenario,
                 WithoutProblem& problem) {
  scenario.without.clear();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (auto a = c.find_amendment(ids[i])) {
      scenario.without.push_back(*a);
      continue;
    }
    std::vector<std::string> names;
    names.reserve(c.amendments.size());
    for (const Amendment& am : c.amendments) names.push_back(am.id);
    std::string help = did_you_mean(ids[i], names);
    if (help.empty()) {
      help = names.empty() ? std::string("this contract has no amendments")
                           : fmt::format("the amendments are: {}", fmt::join(names, ", "));
    }
    problem = WithoutProblem{Code::E610, i, fmt::format("unknown amendment '{}'", ids[i]), help};
    return false;
  }
  std::sort(scenario.without.begin(), scenario.without.end());
  scenario.without.erase(std::unique(scenario.without.begin(), scenario.without.end()),
                         scenario.without.end());
  const auto x = find_without_conflict(c, scenario);
  if (!x) return true;
  const std::string& dropped = c.amendments[x->dropped].id;
  const auto at = std::find(ids.begin(), ids.end(), dropped);
  problem = WithoutProblem{
      Code::E611, static_cast<std::size_t>(at - ids.begin()), conflict_message(c, *x),
      fmt::format("leave '{}' out as well, or keep '{}'", c.amendments[x->needs].id, dropped)};
  return false;
}

std::vector<std::string> without_ids(const Contract& c, const Scenario& scenario) {
  std::vector<std::string> out;
  out.reserve(scenario.without.size());
  for (int a : scenario.without) out.push_back(c.amendments[a].id);
  return out;
}

}  // namespace pacta
