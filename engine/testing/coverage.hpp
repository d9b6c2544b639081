#pragma once
// `pacta test --coverage` (SPEC §9.3): which clauses decided some case. A
// clause decided a case when it is among the case's deciding clauses (`by`):
// of its answer, of any case of a conditional answer (SPEC §7.3), or of any
// run of a timeline. A clause only set aside (`overridden`) did not: the
// verdict a case checks was not its, so a test of it would still be
// missing. Per contract file (a contract's clauses, those its files of
// amendments add included, each named by the file and line it is written
// at), sorted by path, the clauses in file order.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/testing/test_runner.hpp"

namespace pacta {

struct ClauseCoverage {
  struct Clause {
    std::string id;
    std::string file;  // where it is written: the rule file, or a file of amendments
    std::uint32_t line = 0;
    bool decided = false;
  };
  struct Contract {
    std::string file;             // the rule file's path, as the test file resolved it
    std::vector<Clause> clauses;  // by file, then line, then id
    std::size_t decided = 0;      // how many of them decided some case
  };
  std::vector<Contract> contracts;  // by path
  std::size_t clauses = 0, decided = 0;
};

// The coverage of the cases and timelines run (each names its contract).
ClauseCoverage clause_coverage(const std::vector<TestCaseResult>& cases,
                               const std::vector<TestTimelineResult>& timelines);

}  // namespace pacta
