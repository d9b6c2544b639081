#pragma once
// `--without AMENDMENT` (SPEC §7.1): whether the amendments a scenario
// leaves out are needed by the ones it keeps. A kept amendment needs a left
// out one when it amends or repeals a clause only that one added (the clause
// then does not exist), or re-enacts (`add`s again) a clause only that one
// repealed (the clause then still exists). Both are errors naming the two
// amendments; CompiledContract is built only for a scenario without one.
#include <optional>
#include <string>
#include <vector>

#include "engine/compile/compiled_contract.hpp"
#include "grammar/codes.hpp"

namespace pacta {

struct WithoutConflict {
  enum class Kind { Amends, Repeals, Reenacts };
  int dropped = -1;  // the amendment left out (index into Contract::amendments)
  int needs = -1;    // the later one that needs it
  int clause = -1;
  Kind kind = Kind::Amends;
};

// The first conflict in amendment order, or nullopt. Amendments that
// `as_agreed_on` leaves out are not conflicts: they were not agreed yet,
// and the compiled contract skips what depends on them (language.md §7).
std::optional<WithoutConflict> find_without_conflict(const Contract& c, const Scenario& scenario);

// Why the amendment ids given to `--without` (or a test case's `without:`)
// make no scenario: E610 (no such amendment; `id` is the one given) or
// E611 (a conflict), with the message and the help of the diagnostic.
struct WithoutProblem {
  Code code = Code::E610;
  std::size_t id = 0;  // the position in `ids` of the id at fault
  std::string message, help;
};

// Sets scenario.without from `ids` (any order, repeats allowed): false and
// `problem` when an id is not an amendment of `c`, or when the scenario
// (with its as_agreed_on) has a conflict.
bool set_without(const Contract& c, const std::vector<std::string>& ids, Scenario& scenario,
                 WithoutProblem& problem);
// The ids of scenario.without, in amendment order (what answers echo).
std::vector<std::string> without_ids(const Contract& c, const Scenario& scenario);

}  // namespace pacta
