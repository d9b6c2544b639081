#pragma once
// A test case's `on` and `as_agreed_on` (and a timeline's dates), evaluated
// when the test file is loaded: with the facts the case assumes every input
// is known then, so a date that is `never` or whose arithmetic fails is a
// located error of the test file (exit 2), never a failed case. Internal to
// engine/testing.
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/model/contract.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"

namespace pacta {

struct CaseDates {
  Date on;
  std::optional<Date> as_agreed_on;  // when the case gives one
};

// The case's checked expressions (spans in the test file).
struct CaseDateInputs {
  const TypedExpr* on = nullptr;
  const TypedExpr* as_agreed_on = nullptr;  // null when the case gives none
};

struct CaseDatesResult {
  bool ok = true;                  // false: a date is not a day (reported in `file`)
  std::optional<CaseDates> dates;  // nullopt when !ok, or when the contract's named
                                   // dates cannot be evaluated with the case's facts
                                   // (the case then fails when run, saying why)
};

// Evaluates the case's dates with the facts it assumes (`assume`: fact
// index, value). `never` is E302 and failing arithmetic E306, at the value.
CaseDatesResult case_dates(const Contract& c, const SourceFile& file, const CaseDateInputs& in,
                           const std::vector<std::pair<int, Value>>& assume, Diagnostics& diags);

// One date of a test to evaluate: its checked expression, the key it was
// given under and what the help adds for that key ("leave 'from' out ...").
struct DayInput {
  const TypedExpr* e = nullptr;
  std::string_view key;
  std::string_view help_tail;
};

struct DaysResult {
  bool ok = true;                         // false: a date is not a day (reported)
  std::optional<std::vector<Date>> days;  // one per input; nullopt as in CaseDatesResult
};

// The days of `in` with the facts `assume`, for the test `owner` ("case",
// "timeline") in messages; errors as case_dates gives them.
DaysResult test_days(const Contract& c, const SourceFile& file, std::string_view owner,
                     const std::vector<DayInput>& in,
                     const std::vector<std::pair<int, Value>>& assume, Diagnostics& diags);

}  // namespace pacta
