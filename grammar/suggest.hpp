#pragma once
// Suggestions for a misspelt name: the help text "did you mean 'x'?".
#include <string>
#include <string_view>
#include <vector>

namespace pacta {

// The closest candidate by edit distance (a swap of neighbours counts as one
// edit), within a distance that grows with the name's length, or "" when
// nothing is close. Ties go to the earlier candidate; the name itself is
// never suggested.
std::string closest_name(std::string_view name, const std::vector<std::string>& candidates);
// The help text "did you mean 'x'?", or "" when there is no close candidate.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace pacta
