#include "cli/report/values.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace pacta::cli {

std::string instance_text(const Contract& c, int action, const std::vector<int>& args) {
  const ActionDecl& a = c.actions[action];
  if (a.params.empty()) return a.name;
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    parts.push_back(
        fmt::format("{}={}", a.params[i].name, c.value_text(a.params[i].type, args[i])));
  }
  return fmt::format("{}({})", a.name, fmt::join(parts, ", "));
}

Json value_json(const Contract& c, const Type& type, const Value& v) {
  switch (type.kind) {
    case Type::Kind::Bool:
      return v.b;
    case Type::Kind::Number: {
      // Exact in JSON: a whole number that every JSON reader holds exactly
      // (|n| < 2^53, the doubles of JavaScript) is a JSON number; any other
      // number is a string with its exact text ("0.15", "1/3", or a 30-digit
      // integer), which a double could only approximate.
      constexpr std::int64_t kExactInDouble = (std::int64_t{1} << 53) - 1;
      if (auto i = v.n.to_int64(); i && *i >= -kExactInDouble && *i <= kExactInDouble) return *i;
      return v.n.to_string();
    }
    case Type::Kind::Date:
      return v.d.to_string();
    case Type::Kind::Value:
      return c.domains[type.domain].values[v.index];
  }
  return nullptr;
}

std::string value_text(const Contract& c, const Type& type, const Value& v) {
  // Through JSON, so a number reads the same in both formats.
  Json j = value_json(c, type, v);
  return j.is_string() ? j.get<std::string>() : j.dump();
}

}  // namespace pacta::cli
