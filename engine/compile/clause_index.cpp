#include "engine/compile/clause_index.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/instances.hpp"

namespace pacta {

namespace {

// Slices may hold at most this many items per entry (plus a constant): an
// index for windows that all overlap would be quadratic, and is then not
// built (the list is scanned whole, which is what it would cost anyway).
constexpr std::size_t kItemsPerEntry = 16;
constexpr std::size_t kItemsSlack = 1024;

bool finite(Date d) { return d != Date::min() && d != Date::never(); }

// Window edges, ascending and distinct; empty windows give none.
std::vector<Date> edges(std::span<const IndexedVersion> entries) {
  std::vector<Date> cuts;
  for (const auto& e : entries) {
    if (e.from >= e.until) continue;
    if (finite(e.from)) cuts.push_back(e.from);
    if (finite(e.until)) cuts.push_back(e.until);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

// The slice (0..cuts.size()) holding day `d`: slice s is [cuts[s-1], cuts[s]).
std::size_t slice_of(const std::vector<Date>& cuts, Date d) {
  return static_cast<std::size_t>(std::upper_bound(cuts.begin(), cuts.end(), d) - cuts.begin());
}

}  // namespace

VersionSlices::VersionSlices(std::span<const IndexedVersion> entries) {
  const std::size_t n = entries.size();
  cuts_ = edges(entries);
  // Sweep the slices in order: an entry enters at the slice of its `from`
  // and leaves at the slice of its `until`; `active` stays ascending.
  std::vector<std::vector<std::uint32_t>> enter(cuts_.size() + 1), leave(cuts_.size() + 1);
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto& e = entries[i];
    if (e.from >= e.until) continue;
    enter[slice_of(cuts_, e.from)].push_back(i);
    if (e.until != Date::never()) leave[slice_of(cuts_, e.until)].push_back(i);
  }
  const std::size_t budget = kItemsPerEntry * n + kItemsSlack;
  std::vector<std::uint32_t> active;
  for (std::size_t s = 0; s <= cuts_.size(); ++s) {
    for (std::uint32_t i : leave[s])
      active.erase(std::lower_bound(active.begin(), active.end(), i));
    for (std::uint32_t i : enter[s])
      active.insert(std::lower_bound(active.begin(), active.end(), i), i);
    start_.push_back(static_cast<std::uint32_t>(items_.size()));
    if (items_.size() + active.size() > budget) {
      cuts_.clear();
      start_.clear();
      items_.clear();
      return;
    }
    items_.insert(items_.end(), active.begin(), active.end());
  }
  start_.push_back(static_cast<std::uint32_t>(items_.size()));
}

std::span<const std::uint32_t> VersionSlices::near(Date on) const {
  const std::size_t s = slice_of(cuts_, on);
  return {items_.data() + start_[s], items_.data() + start_[s + 1]};
}

namespace {

// The param most versions on the action pin (the first of equals); -1 when
// none pins any.
int choose_key(const Contract& c, int action, const std::vector<ClauseVersionSpan>& versions,
               const std::vector<int>& on_action) {
  std::vector<std::size_t> pins(c.actions[action].params.size(), 0);
  for (int vi : on_action) {
    const auto& wanted = versions[vi].version->pattern.arg_values;
    for (std::size_t p = 0; p < wanted.size() && p < pins.size(); ++p) pins[p] += wanted[p] >= 0;
  }
  int key = -1;
  std::size_t best = 0;
  for (std::size_t p = 0; p < pins.size(); ++p) {
    if (pins[p] > best) {
      best = pins[p];
      key = static_cast<int>(p);
    }
  }
  return key;
}

IndexedVersion indexed(const ClauseVersionSpan& span, int vi, const ConstantBounds& b) {
  const ClauseVersion& v = *span.version;
  IndexedVersion e;
  e.from = span.start;
  e.until = span.end;
  e.version = vi;
  e.clause = span.clause;
  e.when = v.when.get();
  e.text = &v;
  e.modality = v.modality;
  e.exact = b.known;
  e.overrides = !v.overrides.empty();
  if (b.known) {
    e.from = std::max(e.from, b.from);
    e.until = std::min(e.until, b.until);
  }
  return e;
}

}  // namespace

ClauseIndex::List ClauseIndex::add_list(std::vector<IndexedVersion>& list) {
  List l{static_cast<std::uint32_t>(entries_.size()), 0, -1};
  for (auto& e : list) {
    const auto& wanted = e.text->pattern.arg_values;
    e.pins = static_cast<std::uint32_t>(pins_.size());
    pins_.insert(pins_.end(), wanted.begin(), wanted.end());
    entries_.push_back(e);
  }
  l.end = static_cast<std::uint32_t>(entries_.size());
  if (list.size() > kSliceFrom) {
    VersionSlices slices(std::span<const IndexedVersion>(entries_).subspan(l.begin, list.size()));
    if (slices.built()) {
      l.slices = static_cast<std::int32_t>(slices_.size());
      slices_.push_back(std::move(slices));
    }
  }
  return l;
}

ClauseIndex::ClauseIndex(const Contract& contract, const std::vector<ClauseVersionSpan>& versions,
                         const std::vector<std::vector<int>>& by_action,
                         const std::vector<ConstantBounds>& bounds)
    : actions_(by_action.size()) {
  for (std::size_t a = 0; a < by_action.size(); ++a) {
    PerAction& per = actions_[a];
    per.key = choose_key(contract, static_cast<int>(a), versions, by_action[a]);
    std::vector<std::vector<IndexedVersion>> lists;
    if (per.key >= 0) {
      lists.resize(domain_size(contract, contract.actions[a].params[per.key].type));
    }
    std::vector<IndexedVersion> free_list;
    for (int vi : by_action[a]) {  // ascending: every list stays ascending
      const IndexedVersion e = indexed(versions[vi], vi, bounds[vi]);
      // Bounds come first (language.md §7): a version whose bounds are
      // evaluated per situation fails every instance of the action when
      // they cannot be evaluated, so it is met whatever the arguments.
      const int value =
          per.key >= 0 && e.exact ? versions[vi].version->pattern.arg_values[per.key] : -1;
      if (value >= 0 && static_cast<std::size_t>(value) < lists.size()) {
        lists[value].push_back(e);
      } else {
        free_list.push_back(e);
      }
    }
    per.lists = static_cast<std::uint32_t>(lists_.size());
    per.values = static_cast<std::uint32_t>(lists.size());
    for (auto& l : lists) lists_.push_back(add_list(l));
    per.free = add_list(free_list);
  }
}

}  // namespace pacta
