#include "engine/testing/case_dates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "engine/decide/situation.hpp"
#include "engine/eval/evaluate.hpp"

namespace pacta {

namespace {

// Whether `e` reads facts or named dates; if not, no situation is needed
// (the usual `on: 2025-01-01` costs no evaluation of the contract's dates).
bool reads_situation(const TypedExpr& e) {
  if (e.op == TypedExpr::Op::Fact || e.op == TypedExpr::Op::NamedDate) return true;
  for (const TypedExpr& o : e.operands) {
    if (reads_situation(o)) return true;
  }
  return false;
}

std::string_view reason(EvalEnv::Error error) {
  switch (error) {
    case EvalEnv::Error::DateOutOfRange:
      return "its date arithmetic goes outside 0001-01-01..9999-12-31";
    case EvalEnv::Error::DivisionByZero:
      return "it divides by zero";
    case EvalEnv::Error::NumberTooLarge:
      return "a number in it grows past the size bound";
    case EvalEnv::Error::MissingFact:
      return "it reads a fact that has no value";
    case EvalEnv::Error::None:
      break;
  }
  return "it cannot be evaluated";
}

std::string accepted(std::string_view owner, const DayInput& in) {
  return fmt::format(
      "'{}' is a day: a date YYYY-MM-DD from 0001-01-01 to 9999-12-31, a named date of the "
      "contract that has a value with the facts the {} assumes, or date arithmetic that stays "
      "in the calendar{}",
      in.key, owner, in.help_tail);
}

// The day `in` is, or nullopt (reported) when it is `never` or fails.
std::optional<Date> day_of(const DayInput& in, std::string_view owner, EvalEnv env,
                           const SourceFile& file, Diagnostics& diags) {
  const TypedExpr& e = *in.e;
  const Value v = evaluate(e, env);
  if (env.error != EvalEnv::Error::None) {
    // The failing part is in `e` itself: named dates come evaluated in env.
    const std::size_t at =
        env.error_at != nullptr ? failure_offset(*env.error_at, file.text()) : e.span.begin;
    diags.error(file, at, Code::E306,
                fmt::format("the {}'s '{}' cannot be evaluated with the facts it assumes: {}",
                            owner, in.key, reason(env.error)),
                accepted(owner, in));
    return std::nullopt;
  }
  if (v.d.is_never()) {
    diags.error(file, e.span.begin, Code::E302,
                fmt::format("the {}'s '{}' is `never`, not a day", owner, in.key),
                accepted(owner, in));
    return std::nullopt;
  }
  return v.d;
}

}  // namespace

DaysResult test_days(const Contract& c, const SourceFile& file, std::string_view owner,
                     const std::vector<DayInput>& in,
                     const std::vector<std::pair<int, Value>>& assume, Diagnostics& diags) {
  DaysResult out;
  std::optional<Situation> situation;
  EvalEnv env;  // reads nothing unless a situation is needed
  if (std::any_of(in.begin(), in.end(), [](const DayInput& d) { return reads_situation(*d.e); })) {
    SituationError error;
    situation = make_situation(c, Date::min(), assume, error);
    if (!situation) return out;  // the contract's failure: reported when the test runs
    env = situation->env();
  }
  std::vector<Date> days;
  for (const DayInput& d : in) {
    if (auto day = day_of(d, owner, env, file, diags)) {
      days.push_back(*day);
    } else {
      out.ok = false;
    }
  }
  if (out.ok) out.days = std::move(days);
  return out;
}

CaseDatesResult case_dates(const Contract& c, const SourceFile& file, const CaseDateInputs& in,
                           const std::vector<std::pair<int, Value>>& assume, Diagnostics& diags) {
  std::vector<DayInput> inputs{{in.on, "on", ""}};
  if (in.as_agreed_on != nullptr) {
    inputs.push_back(
        {in.as_agreed_on, "as_agreed_on", "; leave 'as_agreed_on' out to keep every amendment"});
  }
  const DaysResult days = test_days(c, file, "case", inputs, assume, diags);
  CaseDatesResult out;
  out.ok = days.ok;
  if (days.days) {
    out.dates = CaseDates{days.days->front(), std::nullopt};
    if (in.as_agreed_on != nullptr) out.dates->as_agreed_on = days.days->back();
  }
  return out;
}

}  // namespace pacta
