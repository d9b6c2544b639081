#pragma once
// Which clause versions a decision can meet, found without looking at the
// others, so that the cost of a decision does not grow with the size of the
// contract (docs/ARCHITECTURE.md, "The index"). Three levels:
//   1. by action: only versions whose pattern is on the action asked;
//   2. by argument value: on each action, the param that most versions pin
//      (the key); the versions pinning its value v are in v's list, the
//      versions leaving it free in one shared list (with those whose bounds
//      are not constant: bounds come first, language.md §7, so a bound that
//      cannot be evaluated fails every instance of the action);
//   3. by time: each version's window (the interval its amendments make it
//      current, narrowed by its own from/until when they are constant) and,
//      for a long list, the list cut at every window edge into slices, each
//      holding the versions whose window covers it: a binary search on the
//      date finds the slice.
// A version whose bounds read facts or named dates that are not constant
// keeps the amendments' interval as its window; the Decider evaluates its
// bounds (lazily, once per situation) on top.
#include <cstdint>
#include <span>
#include <vector>

#include "engine/model/contract.hpp"

namespace pacta {

struct ClauseVersionSpan;

// One version in a list: its window [from, until), and whether the window
// is exact (constant bounds, evaluated at compile time) or only the span.
// What a decision reads of a version is held here, next to its window, so
// that a decision reads one record per version it meets and the argument
// values it pins from an array beside it (ClauseIndex::pins), not the
// version itself.
struct IndexedVersion {
  Date from = Date::min();
  Date until = Date::never();
  int version = -1;  // index into CompiledContract::versions()
  int clause = -1;   // the clause it is a version of
  const TypedExpr* when = nullptr;
  const ClauseVersion* text = nullptr;  // the version itself (overrides)
  std::uint32_t pins = 0;               // offset of its arg_values in ClauseIndex::pins()
  Modality modality = Modality::Permit;
  bool exact = false;      // the window includes the version's own bounds
  bool overrides = false;  // it sets some clause aside
};

// The slices of one long list: cut at every window edge; each slice holds
// the entries (indices into the list, ascending) whose window covers it.
class VersionSlices {
 public:
  // nullopt-like: built() is false when the slices would hold more than
  // 16 items per entry (windows that all overlap): the list is then
  // scanned whole, which is what it would cost anyway.
  explicit VersionSlices(std::span<const IndexedVersion> entries);
  bool built() const { return !start_.empty(); }
  // The entries whose window may contain `on` (the caller still tests it).
  std::span<const std::uint32_t> near(Date on) const;

 private:
  std::vector<Date> cuts_;            // ascending window edges
  std::vector<std::uint32_t> start_;  // per slice (cuts + 1 of them): first item, then the end
  std::vector<std::uint32_t> items_;  // entry indices, slice by slice
};

// Windows use the constant bounds (per version: `known` false when they
// read facts or non-constant named dates, or fail to evaluate).
struct ConstantBounds {
  bool known = false;
  Date from = Date::min();
  Date until = Date::never();
};

class ClauseIndex {
 public:
  // Lists of at most this many entries are scanned whole.
  static constexpr std::size_t kSliceFrom = 8;

  // A list: entries()[begin, end), ascending by version; `slices` indexes
  // the list's VersionSlices, -1 when it is scanned whole.
  struct List {
    std::uint32_t begin = 0, end = 0;
    std::int32_t slices = -1;
    bool empty() const { return begin == end; }
  };

  ClauseIndex() = default;
  ClauseIndex(const Contract& contract, const std::vector<ClauseVersionSpan>& versions,
              const std::vector<std::vector<int>>& by_action,
              const std::vector<ConstantBounds>& bounds);

  // The param of `action` whose value selects a list; -1 when no version
  // on the action pins any param.
  int key(int action) const { return actions_[action].key; }
  // The two lists an instance of `action` with `args` reads: the versions
  // pinning the key to args[key] (may be empty) and those leaving it free.
  // Every version on the action that can match the instance is in one.
  const List& pinned(int action, const int* args) const {
    const PerAction& per = actions_[action];
    if (per.key < 0) return empty_;
    const int value = args[per.key];
    if (value < 0 || static_cast<std::uint32_t>(value) >= per.values) return empty_;
    return lists_[per.lists + static_cast<std::uint32_t>(value)];
  }
  const List& free(int action) const { return actions_[action].free; }
  const std::vector<IndexedVersion>& entries() const { return entries_; }
  const VersionSlices& slices(const List& l) const { return slices_[l.slices]; }
  // Per entry, its version's arg_values (-1: any), one per param.
  const int* pins(const IndexedVersion& e) const { return pins_.data() + e.pins; }

 private:
  struct PerAction {
    int key = -1;
    std::uint32_t lists = 0, values = 0;  // lists_[lists, lists + values): per value of the key
    List free;
  };
  List add_list(std::vector<IndexedVersion>& list);

  std::vector<PerAction> actions_;
  std::vector<List> lists_;
  std::vector<IndexedVersion> entries_;
  std::vector<int> pins_;
  std::vector<VersionSlices> slices_;
  List empty_;
};

// The entries of one list that may hold on `on`, as entry indices in order.
class ListCursor {
 public:
  ListCursor(const ClauseIndex& index, const ClauseIndex::List& l, Date on) {
    if (l.slices >= 0) {
      items_ = index.slices(l).near(on);
      base_ = l.begin;
    } else {
      next_ = l.begin;
      end_ = l.end;
    }
  }
  bool done() const { return items_.empty() ? next_ == end_ : i_ == items_.size(); }
  std::uint32_t current() const { return items_.empty() ? next_ : base_ + items_[i_]; }
  void advance() {
    if (items_.empty()) {
      ++next_;
    } else {
      ++i_;
    }
  }

 private:
  std::span<const std::uint32_t> items_;
  std::size_t i_ = 0;
  std::uint32_t base_ = 0, next_ = 0, end_ = 0;
};

// Calls f(const IndexedVersion&) for each version an instance of `action`
// with `args` on `on` can meet, in ascending version order (the order in
// which the Decider reports the first failure): the merge of the pinned
// and the free list, each narrowed to its slice at `on`. Returns early
// when f returns false.
template <typename F>
void for_each_candidate(const ClauseIndex& index, int action, const int* args, Date on, F&& f) {
  const ClauseIndex::List& a = index.pinned(action, args);
  const ClauseIndex::List& b = index.free(action);
  const auto& entries = index.entries();
  if (b.empty() && a.slices < 0) {  // the common case: one short list
    for (std::uint32_t i = a.begin; i < a.end; ++i) {
      if (!f(entries[i])) return;
    }
    return;
  }
  ListCursor x(index, a, on), y(index, b, on);
  while (!x.done() || !y.done()) {
    ListCursor& c =
        y.done() || (!x.done() && entries[x.current()].version < entries[y.current()].version) ? x
                                                                                               : y;
    if (!f(entries[c.current()])) return;
    c.advance();
  }
}

}  // namespace pacta
