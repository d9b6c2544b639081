#pragma once
// A hashed lookup by name over a list that only grows (a contract's
// declarations, while the checker appends them and after). Each name is
// hashed once, by the first lookup after it was appended, so n lookups over
// n names cost O(n), not the O(n²) of scanning the list for each: an enum of
// 80,000 values is checked in linear time. The first of equal names wins, as
// a scan from the front would find it.
//
// Guarantees hold while the list is only appended to and its names never
// change once appended (a list that shrinks is indexed afresh). Lookups on
// a const object update the cache: one object must not be looked up from
// two threads at once.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pacta {

class NameIndex {
 public:
  // The index in `items` of the first whose key_of(item) is `name`.
  template <class T, class KeyOf>
  std::optional<int> find(const std::vector<T>& items, std::string_view name, KeyOf key_of) const {
    catch_up(items, key_of);
    if (slots_.empty()) return std::nullopt;
    const std::size_t hash = hash_of(name);
    for (std::size_t i = hash & mask();; i = (i + 1) & mask()) {
      const Slot& slot = slots_[i];
      if (slot.index < 0) return std::nullopt;
      if (slot.hash == hash && key_of(items[static_cast<std::size_t>(slot.index)]) == name) {
        return slot.index;
      }
    }
  }

 private:
  // Open addressing, linear probing, at most half full: a lookup reads one
  // slot (and the item's name), without a node per name or a copy of it.
  struct Slot {
    std::size_t hash = 0;
    int index = -1;  // into the list; -1: empty
  };

  static std::size_t hash_of(std::string_view s) { return std::hash<std::string_view>{}(s); }
  std::size_t mask() const { return slots_.size() - 1; }

  // Puts a slot into the table, which has room; `same` tells whether the
  // item in a slot of equal hash has the same name (then the first stays).
  template <class Same>
  void place(const Slot& slot, Same same) const {
    for (std::size_t i = slot.hash & mask();; i = (i + 1) & mask()) {
      Slot& here = slots_[i];
      if (here.index < 0) {
        here = slot;
        ++count_;
        return;
      }
      if (here.hash == slot.hash && same(here.index)) return;
    }
  }

  void grow() const {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    count_ = 0;
    for (const Slot& slot : old) {
      if (slot.index >= 0) place(slot, [](int) { return false; });  // names already unique
    }
  }

  template <class T, class KeyOf>
  void catch_up(const std::vector<T>& items, KeyOf& key_of) const {
    if (indexed_ > items.size()) {
      slots_.clear();
      count_ = 0;
      indexed_ = 0;
    }
    for (; indexed_ < items.size(); ++indexed_) {
      if (2 * (count_ + 1) > slots_.size()) grow();
      const std::string_view key = key_of(items[indexed_]);
      place(Slot{hash_of(key), static_cast<int>(indexed_)},
            [&](int other) { return key_of(items[static_cast<std::size_t>(other)]) == key; });
    }
  }

  mutable std::vector<Slot> slots_;  // size 0 or a power of two
  mutable std::size_t count_ = 0;    // slots in use
  mutable std::size_t indexed_ = 0;  // items [0, indexed_) are in slots_
};

}  // namespace pacta
