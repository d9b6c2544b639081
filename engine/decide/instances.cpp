#include "engine/decide/instances.hpp"

namespace pacta {

std::size_t domain_size(const Contract& c, const Type& type) {
  if (type.kind == Type::Kind::Bool) return 2;
  return c.domains[type.domain].values.size();
}

std::optional<std::vector<std::vector<int>>> instances(const Contract& c, const Pattern& pattern,
                                                       std::size_t limit) {
  const ActionDecl& a = c.actions[pattern.action];
  std::size_t total = 1;
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    std::size_t n = pattern.arg_values[i] >= 0 ? 1 : domain_size(c, a.params[i].type);
    if (n == 0) return std::vector<std::vector<int>>{};
    if (total > limit / n) return std::nullopt;
    total *= n;
  }
  if (total > limit) return std::nullopt;
  std::vector<std::vector<int>> out;
  out.reserve(total);
  std::vector<int> current(a.params.size());
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    current[i] = pattern.arg_values[i] >= 0 ? pattern.arg_values[i] : 0;
  }
  for (std::size_t k = 0; k < total; ++k) {
    out.push_back(current);
    // Odometer: the last param turns fastest.
    for (std::size_t i = a.params.size(); i-- > 0;) {
      if (pattern.arg_values[i] >= 0) continue;
      if (++current[i] < static_cast<int>(domain_size(c, a.params[i].type))) break;
      current[i] = 0;
    }
  }
  return out;
}

}  // namespace pacta
