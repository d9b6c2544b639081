#include "engine/model/contract.hpp"

#include <utility>

namespace pacta {

std::optional<int> Domain::find(std::string_view value) const {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] == value) return static_cast<int>(i);
  }
  return std::nullopt;
}

int ClauseList::add(Clause clause) {
  const int index = static_cast<int>(items_.size());
  index_.emplace(clause.id, index);
  items_.push_back(std::move(clause));
  return index;
}

std::optional<int> ClauseList::find(std::string_view id) const {
  auto it = index_.find(std::string(id));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> ClauseList::ids(const std::vector<int>& indices) const {
  std::vector<std::string> out;
  out.reserve(indices.size());
  for (int i : indices) out.push_back(items_[static_cast<std::size_t>(i)].id);
  return out;
}

std::vector<std::string> ClauseList::ids() const {
  std::vector<std::string> out;
  out.reserve(items_.size());
  for (const Clause& clause : items_) out.push_back(clause.id);
  return out;
}

namespace {

template <class T, class Key>
std::optional<int> find_by(const std::vector<T>& items, std::string_view key, Key key_of) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (key_of(items[i]) == key) return static_cast<int>(i);
  }
  return std::nullopt;
}

}  // namespace

std::optional<int> Contract::find_action(std::string_view name) const {
  return find_by(actions, name, [](const ActionDecl& a) -> const std::string& { return a.name; });
}
std::optional<int> Contract::find_fact(std::string_view name) const {
  return find_by(facts, name, [](const FactDecl& f) -> const std::string& { return f.name; });
}
std::optional<int> Contract::find_clause(std::string_view clause_id) const {
  return clauses.find(clause_id);
}
std::optional<int> Contract::find_amendment(std::string_view amendment_id) const {
  return find_by(amendments, amendment_id,
                 [](const Amendment& a) -> const std::string& { return a.id; });
}
std::optional<int> Contract::find_domain(std::string_view name) const {
  return find_by(domains, name, [](const Domain& d) -> const std::string& { return d.name; });
}

std::string Contract::value_text(const Type& type, int index) const {
  if (type.kind == Type::Kind::Bool) return index != 0 ? "true" : "false";
  return domains[type.domain].values[index];
}

std::string Contract::type_name(const Type& type) const {
  switch (type.kind) {
    case Type::Kind::Bool:
      return "bool";
    case Type::Kind::Number:
      return "number";
    case Type::Kind::Date:
      return "date";
    case Type::Kind::Value:
      return domains[type.domain].name;
  }
  return "?";
}

}  // namespace pacta
