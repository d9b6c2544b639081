#include "grammar/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace pacta {

namespace {

// Optimal string alignment distance: edits and swaps of neighbours ("wehn"
// for "when") each cost one.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t width = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * width);
  for (std::size_t i = 0; i <= a.size(); ++i) d[i * width] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = (a[i - 1] == b[j - 1]) ? 0 : 1;
      std::size_t best = std::min({d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1,
                                   d[(i - 1) * width + j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, d[(i - 2) * width + j - 2] + 1);
      }
      d[i * width + j] = best;
    }
  }
  return d[a.size() * width + b.size()];
}

}  // namespace

std::string closest_name(std::string_view name, const std::vector<std::string>& candidates) {
  // Long names tolerate more typos; one-letter names only a single edit.
  const std::size_t budget = std::max<std::size_t>(1, (name.size() + 2) / 4);
  std::string best;
  std::size_t best_distance = budget + 1;
  for (const auto& candidate : candidates) {
    if (candidate == name) continue;
    // Cheap lower bound keeps this linear-ish on large contracts.
    std::size_t length_gap = candidate.size() > name.size() ? candidate.size() - name.size()
                                                            : name.size() - candidate.size();
    if (length_gap > budget) continue;
    std::size_t distance = edit_distance(name, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best = closest_name(name, candidates);
  if (best.empty()) return {};
  return fmt::format("did you mean '{}'?", best);
}

}  // namespace pacta
