#pragma once
// The action instances a question pattern stands for (`pacta allowed`,
// every instance of an action).
#include <cstddef>
#include <optional>
#include <vector>

#include "engine/model/contract.hpp"

namespace pacta {

// Every instance of `pattern` (arguments in param order, values in
// declaration order, bool false before true). nullopt when there would be
// more than `limit`.
std::optional<std::vector<std::vector<int>>> instances(const Contract& contract,
                                                       const Pattern& pattern, std::size_t limit);
// How many values a param of `type` (bool or a domain) can take.
std::size_t domain_size(const Contract& contract, const Type& type);

}  // namespace pacta
