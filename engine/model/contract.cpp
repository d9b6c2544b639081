#include "engine/model/contract.hpp"

namespace pacta {

std::optional<int> Domain::find(std::string_view value) const {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] == value) return static_cast<int>(i);
  }
  return std::nullopt;
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
  auto it = clause_index.find(std::string(clause_id));
  if (it == clause_index.end()) return std::nullopt;
  return it->second;
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
