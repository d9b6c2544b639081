#include "engine/testing/case_dates.hpp"

#include <fmt/format.h>

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

std::string accepted(std::string_view key) {
  std::string help = fmt::format(
      "'{}' is a day: a date YYYY-MM-DD from 0001-01-01 to 9999-12-31, a named date of the "
      "contract that has a value with the facts the case assumes, or date arithmetic that stays "
      "in the calendar",
      key);
  if (key == "as_agreed_on") help += "; leave 'as_agreed_on' out to keep every amendment";
  return help;
}

// The day `e` is, or nullopt (reported) when it is `never` or fails.
std::optional<Date> day_of(const TypedExpr& e, std::string_view key, EvalEnv env,
                           const SourceFile& file, Diagnostics& diags) {
  const Value v = evaluate(e, env);
  if (env.error != EvalEnv::Error::None) {
    // The failing part is in `e` itself: named dates come evaluated in env.
    const std::size_t at =
        env.error_at != nullptr ? failure_offset(*env.error_at, file.text()) : e.span.begin;
    diags.error(file, at, Code::E306,
                fmt::format("the case's '{}' cannot be evaluated with the facts it assumes: {}",
                            key, reason(env.error)),
                accepted(key));
    return std::nullopt;
  }
  if (v.d.is_never()) {
    diags.error(file, e.span.begin, Code::E302,
                fmt::format("the case's '{}' is `never`, not a day", key), accepted(key));
    return std::nullopt;
  }
  return v.d;
}

}  // namespace

CaseDatesResult case_dates(const Contract& c, const SourceFile& file, const CaseDateInputs& in,
                           const std::vector<std::pair<int, Value>>& assume, Diagnostics& diags) {
  CaseDatesResult out;
  std::optional<Situation> situation;
  EvalEnv env;  // reads nothing unless a situation is needed
  if (reads_situation(*in.on) || (in.as_agreed_on && reads_situation(*in.as_agreed_on))) {
    SituationError error;
    situation = make_situation(c, Date::min(), assume, error);
    if (!situation) return out;  // the contract's failure: reported when the case runs
    env = situation->env();
  }
  const std::optional<Date> on = day_of(*in.on, "on", env, file, diags);
  std::optional<Date> agreed;
  if (in.as_agreed_on != nullptr) {
    agreed = day_of(*in.as_agreed_on, "as_agreed_on", env, file, diags);
    out.ok = agreed.has_value();
  }
  out.ok = out.ok && on.has_value();
  if (out.ok) out.dates = CaseDates{*on, agreed};
  return out;
}

}  // namespace pacta
