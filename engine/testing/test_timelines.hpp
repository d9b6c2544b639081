#pragma once
// The timelines of a test file (SPEC §6, language.md §8 "Timelines in test
// files"): resolved against their contract when the file is loaded (every
// date evaluated, the expected runs checked to cover the range day after
// day: E703), then made with the engine's Timeliner and compared run by
// run. Internal to engine/testing.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/contract.hpp"
#include "engine/testing/test_runner.hpp"
#include "engine/time/timeline.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/files/test_file.hpp"
#include "grammar/limits.hpp"
#include "grammar/source.hpp"

namespace pacta {

struct ResolvedRun {
  Date from, through;  // Date::min() / Date::max() for null
  Verdict verdict = Verdict::Permitted;
  std::optional<std::vector<int>> by, overridden;  // clause indices, sorted
  std::optional<bool> is_default;
};

struct ResolvedTimeline {
  const TimelineSyntax* syntax = nullptr;
  Pattern pattern;
  std::vector<std::pair<int, Value>> assume;  // fact index, value; sorted by fact
  // Evaluated at load; `dated` false when the contract's named dates fail
  // with the assumed facts (the timeline then fails when run, saying why).
  bool dated = false;
  std::optional<Date> from, to, as_agreed_on;
  std::vector<int> without;  // sorted amendment indices
  std::vector<ResolvedRun> runs;
};

// Every part of the timeline resolved, so that one run reports every error;
// nullopt when any part is wrong or missing.
std::optional<ResolvedTimeline> resolve_timeline(const Contract& c, const SourceFile& file,
                                                 const TimelineSyntax& t, Diagnostics& diags);

// Why a timeline could not be made, in a sentence for a failed test or plan
// step ('from'..'to' named as a test timeline's range).
std::string failure_text(const Contract& c, const TimelineFailure& f, const Limits& limits);

// The timeline made in its scenario (compiled once per `as_agreed_on` in
// `scenarios`) and compared with what it expects.
TestTimelineResult run_timeline(const std::shared_ptr<const LoadedContract>& loaded,
                                const SourceFile& file, const ResolvedTimeline& r,
                                ContractCache::Scenarios& scenarios, const Limits& limits);

}  // namespace pacta
