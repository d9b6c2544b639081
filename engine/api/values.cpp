// The public values (dates, verdicts, diagnostics, answers) and their
// conversions from the engine's own.
#include <algorithm>

#include "engine/api/access.hpp"
#include "grammar/codes.hpp"
#include "grammar/verdict.hpp"

namespace pacta::api {

std::optional<Date> Date::parse(std::string_view text) {
  auto d = ::pacta::Date::parse(text);
  if (!d) return std::nullopt;
  return from_engine(*d);
}

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  auto d = ::pacta::Date::from_ymd(year, month, day);
  if (!d) return std::nullopt;
  return from_engine(*d);
}

std::optional<Date> Date::from_serial(std::int32_t serial) {
  if (serial < ::pacta::Date::min().serial() || serial > ::pacta::Date::max().serial()) {
    return std::nullopt;
  }
  return Date(serial);
}

int Date::year() const { return to_engine(*this).year(); }
int Date::month() const { return to_engine(*this).month(); }
int Date::day() const { return to_engine(*this).day(); }
std::string Date::to_string() const { return to_engine(*this).to_string(); }

// The serial of a public Date is always one of the engine's calendar days.
::pacta::Date to_engine(api::Date d) {
  return ::pacta::Date::from_serial(d.serial()).value_or(::pacta::Date::min());
}

api::Date from_engine(::pacta::Date d) {
  const std::int32_t serial =
      std::clamp(d.serial(), ::pacta::Date::min().serial(), ::pacta::Date::max().serial());
  return *api::Date::from_serial(serial);
}

const char* verdict_name(Verdict v) {
  return ::pacta::verdict_name(static_cast<::pacta::Verdict>(v));
}

namespace {

static_assert(
    static_cast<int>(Verdict::Permitted) == static_cast<int>(::pacta::Verdict::Permitted) &&
    static_cast<int>(Verdict::Forbidden) == static_cast<int>(::pacta::Verdict::Forbidden) &&
    static_cast<int>(Verdict::Obligatory) == static_cast<int>(::pacta::Verdict::Obligatory) &&
    static_cast<int>(Verdict::Conflict) == static_cast<int>(::pacta::Verdict::Conflict));

::pacta::Diagnostic to_engine(const Diagnostic& d) {
  ::pacta::Diagnostic out;
  out.severity =
      d.severity == Severity::Error ? ::pacta::Severity::Error : ::pacta::Severity::Warning;
  for (const CodeInfo& info : all_codes()) {
    if (info.name == d.code) out.code = info.code;
  }
  out.message = d.message;
  out.help = d.help;
  out.file = d.file;
  out.has_position = d.line != 0;
  out.position = Position{d.line, d.column};
  out.source_line = d.source_line;
  out.source_caret = d.caret;
  return out;
}

Diagnostic from_engine(const ::pacta::Diagnostic& d) {
  Diagnostic out;
  out.file = d.file;
  if (d.has_position) {
    out.line = d.position.line;
    out.column = d.position.column;
    out.source_line = d.source_line;
    out.caret = d.source_caret;
  }
  out.code = std::string(code_name(d.code));
  out.severity = d.severity == ::pacta::Severity::Error ? Severity::Error : Severity::Warning;
  out.message = d.message;
  out.help = d.help;
  return out;
}

}  // namespace

std::string render_text(const Diagnostic& d) { return ::pacta::render_text(to_engine(d), false); }

void append_diagnostics(const Diagnostics& from, std::vector<Diagnostic>& out) {
  for (const auto& d : from.all()) out.push_back(from_engine(d));
}

void fill_answer(const ::pacta::Contract& c, const Decision& d, Answer& out) {
  out.verdict = static_cast<Verdict>(d.verdict);
  out.is_default = d.is_default;
  out.by.clear();
  out.overridden.clear();
  for (int i : d.by) out.by.emplace_back(c.clauses[static_cast<std::size_t>(i)].id);
  for (int i : d.overridden) out.overridden.emplace_back(c.clauses[static_cast<std::size_t>(i)].id);
}

bool Pattern::is_instance() const {
  return action_ >= 0 && std::none_of(args_.begin(), args_.end(), [](int v) { return v < 0; });
}

bool fits(const ::pacta::Contract& c, const Pattern& p) {
  const int action = PatternAccess::action(p);
  return action >= 0 && static_cast<std::size_t>(action) < c.actions.size() &&
         PatternAccess::args(p).size() == c.actions[static_cast<std::size_t>(action)].params.size();
}

}  // namespace pacta::api
