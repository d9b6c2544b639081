#include "engine/testing/coverage.hpp"

#include <map>
#include <set>
#include <tuple>

namespace pacta {

namespace {

using ClauseKey = std::tuple<std::string, std::uint32_t, std::string>;  // file, line, id

// Every clause of every contract met, by contract path, and the ids that
// decided something in each.
struct Tally {
  std::map<std::string, std::set<ClauseKey>> clauses;
  std::map<std::string, std::set<std::string>> decided;
  std::set<const LoadedContract*> seen;

  void contract(const LoadedContract& loaded) {
    if (!seen.insert(&loaded).second) return;
    const Contract& c = loaded.contract;
    std::set<ClauseKey>& keys = clauses[c.path];
    for (const Clause& clause : c.clauses) {
      keys.emplace(loaded.source->path_at(clause.offset), loaded.source->line(clause.offset),
                   clause.id);
    }
  }
  void decide(const LoadedContract& loaded, const std::vector<std::string>& by) {
    decided[loaded.contract.path].insert(by.begin(), by.end());
  }
  void decide(const LoadedContract& loaded, const std::vector<int>& by) {
    decide(loaded, loaded.contract.clauses.ids(by));
  }
};

}  // namespace

ClauseCoverage clause_coverage(const std::vector<TestCaseResult>& cases,
                               const std::vector<TestTimelineResult>& timelines) {
  Tally tally;
  for (const TestCaseResult& r : cases) {
    if (!r.contract) continue;
    tally.contract(*r.contract);
    tally.decide(*r.contract, r.by);
    for (const Case<Decision>& k : r.got_cases) tally.decide(*r.contract, k.outcome.by);
  }
  for (const TestTimelineResult& r : timelines) {
    if (!r.contract) continue;
    tally.contract(*r.contract);
    for (const FoundRun& run : r.found) tally.decide(*r.contract, run.by);
  }
  ClauseCoverage out;
  out.contracts.reserve(tally.clauses.size());
  for (const auto& [path, keys] : tally.clauses) {
    ClauseCoverage::Contract& contract = out.contracts.emplace_back();
    contract.file = path;
    contract.clauses.reserve(keys.size());
    const std::set<std::string>& decided = tally.decided[path];
    for (const auto& [file, line, id] : keys) {
      const bool yes = decided.count(id) > 0;
      contract.clauses.push_back(ClauseCoverage::Clause{id, file, line, yes});
      contract.decided += yes ? 1 : 0;
    }
    out.clauses += contract.clauses.size();
    out.decided += contract.decided;
  }
  return out;
}

}  // namespace pacta
