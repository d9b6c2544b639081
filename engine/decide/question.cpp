#include "engine/decide/question.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/check/check.hpp"
#include "grammar/expr/parse.hpp"

namespace pacta {

std::optional<Pattern> parse_question_pattern(const Contract& contract, std::string_view text,
                                              const Limits& limits, Diagnostics& diags) {
  SourceFile source("<action>", std::string(text));
  auto parsed = parse_action_pattern(text, limits);
  if (!parsed.value) {
    for (const auto& e : parsed.errors) diags.error(source, e.offset, e.code, e.message, e.help);
    return std::nullopt;
  }
  return resolve_pattern(contract, source, *parsed.value, diags);
}

std::optional<std::pair<int, Value>> parse_assumption(const Contract& contract,
                                                      std::string_view text, std::string_view flag,
                                                      const Limits& limits, Diagnostics& diags) {
  SourceFile source{std::string(flag), std::string(text)};
  std::vector<std::size_t> offsets(text.size() + 1);
  for (std::size_t i = 0; i < offsets.size(); ++i) offsets[i] = i;
  return parse_assumption_in(contract, text, source, offsets, flag, limits, diags);
}

std::string unknown_fact_help(const Contract& contract, std::string_view name) {
  std::vector<std::string> names;
  names.reserve(contract.facts.size());
  for (const auto& f : contract.facts) names.push_back(f.name);
  std::string help = did_you_mean(name, names);
  if (!help.empty()) return help;
  return names.empty() ? std::string("this contract declares no facts")
                       : fmt::format("the facts are: {}", fmt::join(names, ", "));
}

std::optional<std::pair<int, Value>> parse_assumption_in(const Contract& contract,
                                                         std::string_view text,
                                                         const SourceFile& source,
                                                         const std::vector<std::size_t>& offsets,
                                                         std::string_view flag,
                                                         const Limits& limits, Diagnostics& diags) {
  auto eq = text.find('=');
  if (eq == std::string_view::npos) {
    diags.error(source, offsets[text.size()], Code::E601, fmt::format("{} needs NAME=VALUE", flag),
                fmt::format("e.g. {} agi_declared=true", flag));
    return std::nullopt;
  }
  // Spaces around the name are dropped (`--assume 'ok = true'`); the value
  // is an expression, in which spaces are allowed anyway.
  std::string_view name = text.substr(0, eq);
  const std::size_t name_begin = std::min(name.find_first_not_of(" \t"), name.size());
  name = name.substr(name_begin);
  name = name.substr(0, name.find_last_not_of(" \t") + 1);
  auto fact = contract.find_fact(name);
  if (!fact) {
    diags.error(source, offsets[name_begin], Code::E604, fmt::format("unknown fact '{}'", name),
                unknown_fact_help(contract, name));
    return std::nullopt;
  }
  std::string_view value_text = text.substr(eq + 1);
  auto parsed = parse_expression(value_text, limits);
  if (!parsed.value) {
    for (const auto& e : parsed.errors) {
      diags.error(source, offsets[std::min(eq + 1 + e.offset, text.size())], e.code, e.message,
                  e.help);
    }
    return std::nullopt;
  }
  std::vector<std::size_t> map(offsets.begin() + static_cast<std::ptrdiff_t>(eq + 1),
                               offsets.end());
  remap_spans(*parsed.value, map);
  auto value = resolve_literal(contract, source, *parsed.value, contract.facts[*fact].type, diags);
  if (!value) return std::nullopt;
  return std::pair{*fact, *value};
}

std::optional<Date> parse_date_flag(std::string_view text, std::string_view flag,
                                    Diagnostics& diags, std::optional<Date> today) {
  if (today && text == "today") return today;
  if (auto d = Date::parse(text)) return d;
  SourceFile source{std::string(flag), std::string(text)};
  std::string help = today ? "write the date as YYYY-MM-DD, e.g. 2026-01-15, or write today"
                           : "write the date as YYYY-MM-DD, e.g. 2026-01-15";
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    help =
        "it has the form YYYY-MM-DD but is not a day of the calendar "
        "(months 01-12, days up to the month's length, years 0001-9999)";
  } else if (today && !did_you_mean(text, {"today"}).empty()) {
    help = did_you_mean(text, {"today"});
  }
  diags.error(source, 0, Code::E601,
              fmt::format("{} takes a date{}, got '{}'", flag, today ? " or 'today'" : "", text),
              help);
  return std::nullopt;
}

std::string example_value(const Contract& contract, const Type& type) {
  switch (type.kind) {
    case Type::Kind::Bool:
      return "true";
    case Type::Kind::Number:
      return "0";
    case Type::Kind::Date:
      return "2026-01-01";
    case Type::Kind::Value:
      return contract.domains[type.domain].values.front();
  }
  return "?";
}

namespace {

std::string failing_part(const Contract& c, int clause, int named_date) {
  if (clause >= 0) return fmt::format("clause '{}'", c.clauses[clause].id);
  if (named_date >= 0) return fmt::format("named date '{}'", c.dates[named_date].name);
  return "the question";
}

// An expression's source text on one line, cut when long.
std::string shown_expression(std::string_view text) {
  constexpr std::size_t kMaxBytes = 60;
  std::string out;
  for (char ch : text) {
    if (out.size() >= kMaxBytes && (static_cast<unsigned char>(ch) & 0xC0u) != 0x80u) {
      return out + "...";
    }
    const bool space = ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : ch;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// What an expression reads, through named dates: `date`, and facts (in the
// order first read). Each fact and named date is looked at once: named dates
// that each read the one before twice must not cost 2^N.
struct Inputs {
  bool today = false;
  std::vector<int> facts;
  std::vector<bool> fact_seen, date_seen;
};

void inputs_of(const Contract& c, const TypedExpr& e, Inputs& in) {
  if (e.op == TypedExpr::Op::Today) in.today = true;
  if (e.op == TypedExpr::Op::Fact && !in.fact_seen[e.index]) {
    in.fact_seen[e.index] = true;
    in.facts.push_back(e.index);
  }
  if (e.op == TypedExpr::Op::NamedDate && !in.date_seen[e.index]) {
    in.date_seen[e.index] = true;
    inputs_of(c, c.dates[e.index].expr, in);
  }
  for (const TypedExpr& operand : e.operands) inputs_of(c, operand, in);
}

// The help of E605 for a date out of range (or a divisor that is 0): which
// input can move it back into the calendar, or that the contract's
// expression itself leaves it (the checker rejects such constants, E306).
std::string out_of_range_help(const Contract& c, const TypedExpr* at,
                              std::string_view assume_flag) {
  Inputs in;
  in.fact_seen.assign(c.facts.size(), false);
  in.date_seen.assign(c.dates.size(), false);
  if (at != nullptr) inputs_of(c, *at, in);
  std::vector<std::string> inputs;
  if (in.today) inputs.emplace_back("the date asked about");
  for (int f : in.facts) {
    inputs.push_back(fmt::format("fact '{}' ({} or its default)", c.facts[f].name, assume_flag));
  }
  if (inputs.empty()) {
    return "it uses no fact and not `date`, so it fails whatever is asked: fix the contract "
           "(an end that never comes is written `never`)";
  }
  return fmt::format("it depends on {}: check {}", fmt::join(inputs, " and "),
                     inputs.size() == 1 ? "that value" : "those values");
}

// The code and help of a failure (the message is failure_message's).
QuestionFailure failure_kind(const Contract& c, EvalEnv::Error error, const TypedExpr* at,
                             std::string_view assume_flag) {
  switch (error) {
    case EvalEnv::Error::MissingFact: {
      const FactDecl& f = c.facts[at->index];
      return {Code::E603, "",
              fmt::format("assume a value, e.g. {} {}={}", assume_flag, f.name,
                          example_value(c, f.type))};
    }
    case EvalEnv::Error::DateOutOfRange:
      return {Code::E605, "", out_of_range_help(c, at, assume_flag)};
    case EvalEnv::Error::DivisionByZero:  // what the divisor depends on
      return {Code::E605, "",
              at != nullptr && at->operands.size() == 2
                  ? out_of_range_help(c, &at->operands[1], assume_flag)
                  : std::string("check the assumed numbers")};
    case EvalEnv::Error::NumberTooLarge:
      return {Code::E605, "",
              fmt::format("numbers are exact fractions whose numerator and denominator have at "
                          "most {} digits; check the assumed numbers",
                          Limits{}.max_number_digits)};
    case EvalEnv::Error::None:
      break;
  }
  return {Code::E605, "", ""};
}

}  // namespace

QuestionFailure describe_failure(const Contract& c, EvalEnv::Error error, const TypedExpr* at,
                                 int clause, int named_date, std::string_view assume_flag,
                                 const SourceFile* source) {
  QuestionFailure f = failure_kind(c, error, at, assume_flag);
  f.message = failure_message(c, error, at, clause, named_date, source);
  if (source != nullptr && at != nullptr && at->span.begin <= source->text().size()) {
    f.file = source;
    f.offset = failure_offset(*at, source->text());
  }
  return f;
}

std::string failure_message(const Contract& c, EvalEnv::Error error, const TypedExpr* at,
                            int clause, int named_date, const SourceFile* source) {
  std::string where = failing_part(c, clause, named_date);
  switch (error) {
    case EvalEnv::Error::MissingFact:
      return fmt::format("fact '{}' has no default, and {} needs its value",
                         c.facts[at->index].name, where);
    case EvalEnv::Error::DateOutOfRange: {
      // `at` is the date ± duration that left the calendar.
      const bool back = at != nullptr && at->amount < 0;
      std::string what = "date arithmetic";
      if (source != nullptr && at != nullptr && at->span.end > at->span.begin &&
          at->span.end <= source->text().size()) {
        what = fmt::format("`{}`", shown_expression(source->text().substr(
                                       at->span.begin, at->span.end - at->span.begin)));
      }
      if (at != nullptr && at->op == TypedExpr::Op::DaysBetween) {
        return fmt::format("{} in {} has no number of days: one of the dates is `never`", what,
                           where);
      }
      return fmt::format("{} in {} is {}", what, where,
                         back ? "before 0001-01-01, the first date pacta knows"
                              : "past 9999-12-31, the last date pacta knows");
    }
    case EvalEnv::Error::DivisionByZero:
      return fmt::format("division by zero in {}", where);
    case EvalEnv::Error::NumberTooLarge:
      return fmt::format(
          "number arithmetic in {} gives a number past the size bound (more than {} digits above "
          "or below the fraction line)",
          where, Limits{}.max_number_digits);
    case EvalEnv::Error::None:
      break;
  }
  return "evaluation failed";
}

}  // namespace pacta
