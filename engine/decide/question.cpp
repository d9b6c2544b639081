#include "engine/decide/question.hpp"

#include <fmt/format.h>

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
  auto eq = text.find('=');
  if (eq == std::string_view::npos) {
    diags.error(source, text.size(), Code::E601, fmt::format("{} needs NAME=VALUE", flag),
                fmt::format("e.g. {} agi_declared=true", flag));
    return std::nullopt;
  }
  std::string_view name = text.substr(0, eq);
  auto fact = contract.find_fact(name);
  if (!fact) {
    std::vector<std::string> names;
    for (const auto& f : contract.facts) names.push_back(f.name);
    std::string help = did_you_mean(name, names);
    if (help.empty()) {
      help = names.empty() ? std::string("this contract declares no facts")
                           : fmt::format("the facts are: {}", fmt::join(names, ", "));
    }
    diags.error(source, 0, Code::E604, fmt::format("unknown fact '{}'", name), help);
    return std::nullopt;
  }
  std::string_view value_text = text.substr(eq + 1);
  auto parsed = parse_expression(value_text, limits);
  if (!parsed.value) {
    for (const auto& e : parsed.errors) {
      diags.error(source, eq + 1 + e.offset, e.code, e.message, e.help);
    }
    return std::nullopt;
  }
  std::vector<std::size_t> map(value_text.size() + 1);
  for (std::size_t i = 0; i < map.size(); ++i) map[i] = eq + 1 + i;
  remap_spans(*parsed.value, map);
  auto value = resolve_literal(contract, source, *parsed.value, contract.facts[*fact].type, diags);
  if (!value) return std::nullopt;
  return std::pair{*fact, *value};
}

std::optional<Date> parse_date_flag(std::string_view text, std::string_view flag,
                                    Diagnostics& diags) {
  if (auto d = Date::parse(text)) return d;
  SourceFile source{std::string(flag), std::string(text)};
  std::string help = "write the date as YYYY-MM-DD, e.g. 2026-01-15";
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    help =
        "it has the form YYYY-MM-DD but is not a day of the calendar "
        "(months 01-12, days up to the month's length, years 0001-9999)";
  }
  diags.error(source, 0, Code::E601, fmt::format("{} takes a date, got '{}'", flag, text), help);
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

}  // namespace

QuestionFailure describe_failure(const Contract& c, EvalEnv::Error error, const TypedExpr* at,
                                 int clause, int named_date, std::string_view assume_flag) {
  std::string message = failure_message(c, error, at, clause, named_date);
  switch (error) {
    case EvalEnv::Error::MissingFact: {
      const FactDecl& f = c.facts[at->index];
      return {Code::E603, std::move(message),
              fmt::format("assume a value, e.g. {} {}={}", assume_flag, f.name,
                          example_value(c, f.type))};
    }
    case EvalEnv::Error::DateOutOfRange:
      return {Code::E605, std::move(message), "check the assumed dates"};
    case EvalEnv::Error::DivisionByZero:
      return {Code::E605, std::move(message), "check the assumed numbers"};
    case EvalEnv::Error::NumberTooLarge:
      return {Code::E605, std::move(message),
              fmt::format("numbers are exact fractions whose numerator and denominator have at "
                          "most {} digits; check the assumed numbers",
                          Limits{}.max_number_digits)};
    case EvalEnv::Error::None:
      break;
  }
  return {Code::E605, std::move(message), ""};
}

std::string failure_message(const Contract& c, EvalEnv::Error error, const TypedExpr* at,
                            int clause, int named_date) {
  std::string where = failing_part(c, clause, named_date);
  switch (error) {
    case EvalEnv::Error::MissingFact:
      return fmt::format("fact '{}' has no default, and {} needs its value",
                         c.facts[at->index].name, where);
    case EvalEnv::Error::DateOutOfRange:
      return fmt::format("date arithmetic in {} goes outside 0001-01-01..9999-12-31", where);
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
