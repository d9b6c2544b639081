#include "engine/whatif/diff.hpp"

#include <algorithm>

namespace pacta {

namespace {

bool identical(const Decision& a, const Decision& b) {
  return a.verdict == b.verdict && a.is_default == b.is_default && a.by == b.by &&
         a.overridden == b.overridden;
}

}  // namespace

std::vector<DiffRun> diff_runs(const std::vector<Run>& base, const std::vector<Run>& other,
                               const DiffRule& rule) {
  std::vector<DiffRun> out;
  std::size_t i = 0, j = 0;
  while (i < base.size() && j < other.size()) {
    const Run& a = base[i];
    const Run& b = other[j];
    // The overlap of the two current runs: both decisions hold on all of it.
    const Date from = std::max(a.from, b.from);
    const Date through = std::min(a.through, b.through);
    if (from <= through && !rule.same(a.decision, b.decision)) {
      if (!out.empty() && out.back().through.serial() + 1 == from.serial() &&
          identical(out.back().base, a.decision) && identical(out.back().other, b.decision)) {
        out.back().through = through;
      } else {
        out.push_back(DiffRun{from, through, a.decision, b.decision});
      }
    }
    if (a.through <= b.through) ++i;
    if (b.through <= a.through) ++j;
  }
  return out;
}

}  // namespace pacta
