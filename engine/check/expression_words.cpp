// The words of expression diagnostics (engine/check/expressions.cpp): how a
// type is named, what to write instead, why a type name is not a value;
// and the exact value of a number literal.
#include "engine/check/internal/expression_words.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "engine/check/expressions.hpp"

namespace pacta {

Number literal_number(const Expr& e) {
  if (auto n = Number::parse(e.text)) return *n;
  // A tree built in code, without text: the double's fixed-point digits.
  char buffer[400];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, e.number, std::chars_format::fixed);
  if (result.ec == std::errc()) {
    if (auto n =
            Number::parse(std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer))))
      return *n;
  }
  return Number{};
}

std::string type_words(const Contract& c, const Type& t) {
  switch (t.kind) {
    case Type::Kind::Bool:
      return "a condition (bool)";
    case Type::Kind::Number:
      return "a number";
    case Type::Kind::Date:
      return "a date";
    case Type::Kind::Value:
      return fmt::format("a {}", c.domains[t.domain].name);
  }
  return "a value";
}

std::string type_hint_words(const Contract& c, const Type& t) {
  switch (t.kind) {
    case Type::Kind::Bool:
      return "a condition compares values, e.g. `channel == azure`";
    case Type::Kind::Date:
      return "write a date like 2025-10-28, a named date, or `date + 30 days`";
    case Type::Kind::Number:
      return "write a number like 20 or 0.15";
    case Type::Kind::Value:
      return fmt::format("the values of {} are: {}", c.domains[t.domain].name,
                         fmt::join(c.domains[t.domain].values, ", "));
  }
  return {};
}

std::string type_name_words(const Contract& c, int action, const std::string& name) {
  auto d = c.find_domain(name);
  if (!d) return {};
  std::vector<std::pair<const char*, std::string>> holders;  // param/fact, its name
  if (action >= 0) {
    for (const auto& p : c.actions[action].params) {
      if (p.type == Type::value(*d)) holders.emplace_back("param", p.name);
    }
  }
  for (const auto& f : c.facts) {
    if (f.type == Type::value(*d)) holders.emplace_back("fact", f.name);
  }
  if (holders.empty()) {
    return fmt::format(
        "'{}' is a type, not a value; compare a param or fact of that type "
        "with one of its values: {}",
        name, fmt::join(c.domains[*d].values, ", "));
  }
  if (holders.size() == 1) {
    return fmt::format("'{}' is a type; the {} of that type is '{}'", name, holders[0].first,
                       holders[0].second);
  }
  std::vector<std::string> listed;
  listed.reserve(holders.size());
  for (const auto& [kind, n] : holders) listed.push_back(fmt::format("{} '{}'", kind, n));
  return fmt::format("'{}' is a type; of that type are {}", name, fmt::join(listed, ", "));
}

}  // namespace pacta
