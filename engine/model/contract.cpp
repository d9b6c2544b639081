#include "engine/model/contract.hpp"

#include <utility>

namespace pacta {

std::optional<int> Domain::find(std::string_view value) const {
  return index_.find(values, value, [](const std::string& v) -> const std::string& { return v; });
}

std::optional<int> ActionDecl::find_param(std::string_view param) const {
  return param_index_.find(params, param,
                           [](const Param& p) -> const std::string& { return p.name; });
}

int ClauseList::add(Clause clause) {
  const int index = static_cast<int>(items_.size());
  items_.push_back(std::move(clause));
  // Indexed now, not by the first find: a loaded contract is read from
  // several threads (batch --jobs), and a const find must not write.
  (void)find(items_.back().id);
  return index;
}

std::optional<int> ClauseList::find(std::string_view id) const {
  return index_.find(items_, id, [](const Clause& c) -> const std::string& { return c.id; });
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

const std::string& name_of(const NamedDate& d) { return d.name; }

}  // namespace

std::optional<int> Contract::find_action(std::string_view name) const {
  return action_index_.find(actions, name,
                            [](const ActionDecl& a) -> const std::string& { return a.name; });
}
std::optional<int> Contract::find_fact(std::string_view name) const {
  return fact_index_.find(facts, name,
                          [](const FactDecl& f) -> const std::string& { return f.name; });
}
std::optional<int> Contract::find_date(std::string_view name) const {
  return date_index_.find(dates, name, name_of);
}
std::optional<int> Contract::find_condition(std::string_view name) const {
  return condition_index_.find(conditions, name, name_of);
}
std::optional<int> Contract::find_clause(std::string_view clause_id) const {
  return clauses.find(clause_id);
}
std::optional<int> Contract::find_amendment(std::string_view amendment_id) const {
  return amendment_index_.find(amendments, amendment_id,
                               [](const Amendment& a) -> const std::string& { return a.id; });
}
std::optional<int> Contract::find_domain(std::string_view name) const {
  return domain_index_.find(domains, name,
                            [](const Domain& d) -> const std::string& { return d.name; });
}

const std::vector<int>& Contract::domains_with_value(std::string_view name) const {
  static const std::vector<int> kNone;
  if (value_domains_indexed_ > domains.size()) {
    value_domains_.clear();
    value_domains_indexed_ = 0;
  }
  for (; value_domains_indexed_ < domains.size(); ++value_domains_indexed_) {
    const Domain& d = domains[value_domains_indexed_];
    for (std::size_t v = 0; v < d.values.size(); ++v) {
      // A value listed twice in one domain (reported, E206) counts once.
      if (d.find(d.values[v]) != static_cast<int>(v)) continue;
      value_domains_[d.values[v]].push_back(static_cast<int>(value_domains_indexed_));
    }
  }
  const auto it = value_domains_.find(name);
  return it == value_domains_.end() ? kNone : it->second;
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
