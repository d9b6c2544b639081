#include "engine/decide/instances.hpp"

namespace pacta {

std::size_t domain_size(const Contract& c, const Type& type) {
  if (type.kind == Type::Kind::Bool) return 2;
  return c.domains[type.domain].values.size();
}

bool involves(const Contract& c, int action, const std::vector<int>& args, int party) {
  const auto& params = c.actions[action].params;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Type& t = params[i].type;
    if (t.kind == Type::Kind::Value && t.domain == 0 && args[i] == party) return true;
  }
  return false;
}

std::uint64_t instance_count(const Contract& c, const Pattern& pattern, std::optional<int> party,
                             const Pattern* also) {
  // Each param ranges over all its values or over one; the instances are
  // the product of the sizes. Those involving `party` are all of them less
  // those where no party param takes it (the product without that value).
  const ActionDecl& a = c.actions[pattern.action];
  std::uint64_t all = 1, without_party = 1;
  bool saturated = false;
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    const Type& t = a.params[i].type;
    const int bound = pattern.arg_values[i];
    const int other = also != nullptr ? also->arg_values[i] : -1;
    if (bound >= 0 && other >= 0 && bound != other) return 0;
    const int only = bound >= 0 ? bound : other;  // -1: every value
    const std::uint64_t size = only >= 0 ? 1 : domain_size(c, t);
    if (size == 0) return 0;
    const bool party_param = party && t.kind == Type::Kind::Value && t.domain == 0;
    const bool takes_party = party_param && (only < 0 || only == *party);
    const std::uint64_t rest = takes_party ? size - 1 : size;
    saturated = saturated || all > kManyInstances / size;
    if (!saturated) {
      all *= size;
      without_party *= rest;
    }
  }
  if (saturated) return kManyInstances;
  return party ? all - without_party : all;
}

InstanceOdometer::InstanceOdometer(const Contract& c, const Pattern& pattern) {
  const ActionDecl& a = c.actions[pattern.action];
  current_.resize(a.params.size());
  sizes_.resize(a.params.size());
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    const int bound = pattern.arg_values[i];
    current_[i] = bound >= 0 ? bound : 0;
    sizes_[i] = bound >= 0 ? 0 : static_cast<int>(domain_size(c, a.params[i].type));
    done_ = done_ || (bound < 0 && sizes_[i] == 0);  // an empty domain: no instances
  }
}

void InstanceOdometer::next() {
  for (std::size_t i = sizes_.size(); i-- > 0;) {
    if (sizes_[i] == 0) continue;  // bound
    if (++current_[i] < sizes_[i]) return;
    current_[i] = 0;
  }
  done_ = true;  // every free param wrapped (or none was free: one instance)
}

std::optional<std::vector<std::vector<int>>> instances(const Contract& c, const Pattern& pattern,
                                                       std::size_t limit) {
  if (instance_count(c, pattern) > limit) return std::nullopt;
  std::vector<std::vector<int>> out;
  for (InstanceOdometer it(c, pattern); !it.done(); it.next()) out.push_back(it.args());
  return out;
}

}  // namespace pacta
