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
#include <unordered_map>
#include <vector>

namespace pacta {

class NameIndex {
 public:
  // The index in `items` of the first whose key_of(item) is `name`.
  template <class T, class KeyOf>
  std::optional<int> find(const std::vector<T>& items, std::string_view name, KeyOf key_of) const {
    catch_up(items, key_of);
    const auto it = first_.find(name);
    if (it == first_.end()) return std::nullopt;
    return it->second;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  template <class T, class KeyOf>
  void catch_up(const std::vector<T>& items, KeyOf& key_of) const {
    if (indexed_ > items.size()) {
      first_.clear();
      indexed_ = 0;
    }
    for (; indexed_ < items.size(); ++indexed_) {
      first_.try_emplace(std::string(key_of(items[indexed_])), static_cast<int>(indexed_));
    }
  }

  mutable std::unordered_map<std::string, int, Hash, std::equal_to<>> first_;
  mutable std::size_t indexed_ = 0;  // items [0, indexed_) are in first_
};

}  // namespace pacta
