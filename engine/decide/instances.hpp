#pragma once
// The action instances a question pattern stands for (`pacta allowed`,
// every instance of an action): counted without enumerating them, and
// enumerated one at a time, so that no question needs a list of them all.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/model/contract.hpp"

namespace pacta {

// How many values a param of `type` (bool or a domain) can take.
std::size_t domain_size(const Contract& contract, const Type& type);

// Whether some party-typed param of `action` is bound to `party` in `args`.
bool involves(const Contract& contract, int action, const std::vector<int>& args, int party);

// How many instances of `pattern` there are that also match `also` (a
// clause's pattern on the same action; nullptr: no such condition) and
// involve `party` (when given), computed from the domain sizes in O(params)
// without enumerating. Saturates at kManyInstances.
inline constexpr std::uint64_t kManyInstances = std::uint64_t{1} << 62;
std::uint64_t instance_count(const Contract& contract, const Pattern& pattern,
                             std::optional<int> party = std::nullopt,
                             const Pattern* also = nullptr);

// The instances of a pattern one at a time, in order: arguments in param
// order, values in declaration order (bool false before true), the last
// param turning fastest. Holds one instance, whatever the count.
class InstanceOdometer {
 public:
  InstanceOdometer(const Contract& contract, const Pattern& pattern);
  bool done() const { return done_; }
  // The current instance's value indices, one per param; valid until next().
  const std::vector<int>& args() const { return current_; }
  void next();

 private:
  std::vector<int> current_;
  std::vector<int> sizes_;  // per param: its domain size, 0 when bound
  bool done_ = false;
};

// Every instance of `pattern`, as a list (small questions, tests); nullopt
// when there would be more than `limit`.
std::optional<std::vector<std::vector<int>>> instances(const Contract& contract,
                                                       const Pattern& pattern, std::size_t limit);

}  // namespace pacta
