// Stage: declarations. Every top-level name (types, facts, named dates,
// actions share one namespace) and every clause id, before any expression is
// checked, so an expression may use a name declared after it.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/check/check.hpp"
#include "engine/check/internal/stages.hpp"

namespace pacta::checker {

namespace {

const char* describe(NameKind k) {
  switch (k) {
    case NameKind::BuiltinType:
      return "a built-in type";
    case NameKind::Type:
      return "a type";
    case NameKind::Fact:
      return "a fact";
    case NameKind::NamedDate:
      return "a named date";
    case NameKind::Condition:
      return "a named condition";
    case NameKind::Action:
      return "an action";
  }
  return "a name";
}

// Claims `name` in the shared namespace; E404 when it is taken.
bool declare_name(CheckerState& st, const Name& name, NameKind kind) {
  auto [it, inserted] = st.names.try_emplace(name.value, kind, name.offset);
  if (inserted) return true;
  const auto& [other_kind, other_offset] = it->second;
  std::string where = other_kind == NameKind::BuiltinType
                          ? std::string("built in")
                          : fmt::format("declared on line {}", st.file.line(other_offset));
  st.error(name.offset, Code::E404,
           fmt::format("'{}' is already {} ({})", name.value, describe(other_kind), where),
           "types, facts, named dates and actions share one namespace: rename one of them");
  return false;
}

// Appends `values` to `d`, skipping (E206) one listed twice.
void add_domain_values(CheckerState& st, Domain& d, const std::vector<Name>& values) {
  for (const auto& v : values) {
    if (auto previous = d.find(v.value)) {
      st.error(v.offset, Code::E206,
               fmt::format("'{}' is listed twice in {}", v.value,
                           d.name == "party" ? std::string("the parties") : d.name),
               fmt::format("the first is on line {}", st.file.line(d.offsets[*previous])));
      continue;
    }
    d.values.push_back(v.value);
    d.offsets.push_back(v.offset);
  }
}

std::optional<Type> resolve_type(CheckerState& st, const Name& name) {
  const Contract& c = st.contract;
  if (name.value == "bool") return Type::boolean();
  if (name.value == "number") return Type::number();
  if (name.value == "date") return Type::date();
  if (auto d = c.find_domain(name.value)) return Type::value(*d);
  std::string help;
  if (!st.diags.full()) {
    std::vector<std::string> candidates = {"bool", "number", "date"};
    for (const auto& d : c.domains) candidates.push_back(d.name);
    help = did_you_mean(name.value, candidates);
    if (help.empty()) help = fmt::format("the types are: {}", fmt::join(candidates, ", "));
  }
  st.error(name.offset, Code::E401, fmt::format("unknown type '{}'", name.value), help);
  return std::nullopt;
}

Param declare_param(CheckerState& st, const ParamSyntax& p) {
  auto clash = st.names.find(p.name.value);
  if (clash != st.names.end() &&
      (clash->second.first == NameKind::Fact || clash->second.first == NameKind::NamedDate)) {
    st.error(
        p.name.offset, Code::E404,
        fmt::format("param '{}' has the name of {}", p.name.value, describe(clash->second.first)),
        "a `when` could not tell them apart: rename the param");
  }
  auto type = resolve_type(st, p.type);
  if (type && !type->is_finite()) {
    st.error(p.type.offset, Code::E406,
             fmt::format("param '{}' has type {}, but params must have a finite type", p.name.value,
                         p.type.value),
             "use bool, party or an enum type, so every instance can be listed; "
             "a number or date belongs in a fact");
    type.reset();
  }
  return Param{p.name.value, type.value_or(Type::boolean())};
}

// Clause and amendment ids share one namespace; the first use of an id wins.
class ClauseIds {
 public:
  ClauseIds(CheckerState& st, std::size_t expected) : st_(st) { seen_.reserve(expected); }

  // Claims `id`; E206 when it is taken. `what` is "clause" or "amendment".
  bool claim(const Name& id, std::string_view what) {
    auto [it, inserted] = seen_.try_emplace(id.value, id.offset);
    if (!inserted) {
      st_.error(id.offset, Code::E206, fmt::format("duplicate id '{}'", id.value),
                fmt::format("{} ids must be unique across clauses and amendments; the first "
                            "'{}' is on {}",
                            what, id.value, st_.file.line_reference(it->second, id.offset)));
    }
    return inserted;
  }

  bool taken(const std::string& id) const { return seen_.count(id) != 0; }

 private:
  CheckerState& st_;
  std::unordered_map<std::string, std::size_t> seen_;  // id -> offset of its first use
};

// The clause and its syntax enter side by side, so clause_syntax stays
// parallel to contract.clauses.
void add_clause(CheckerState& st, const ClauseSyntax& clause, int added_by) {
  st.contract.clauses.add(Clause{clause.id.value, clause.id.offset, added_by, {}});
  st.clause_syntax.push_back(&clause);
}

}  // namespace

void declare_contract(CheckerState& st, const RuleFileSyntax& s) {
  Contract& c = st.contract;
  c.id = s.contract.value;
  c.title = s.title.value;
  c.path = st.file.path();
  if (s.default_verdict.is_set()) c.default_verdict = *parse_verdict(s.default_verdict.value);
  auto holidays = std::make_shared<std::vector<Date>>();
  for (const Located<Date>& h : s.holidays) holidays->push_back(h.value);
  std::sort(holidays->begin(), holidays->end());
  holidays->erase(std::unique(holidays->begin(), holidays->end()), holidays->end());
  c.holidays = std::move(holidays);
  for (const char* builtin : {"bool", "number", "date", "party"}) {
    st.names[builtin] = {NameKind::BuiltinType, 0};
  }
}

void declare_domains(CheckerState& st, const RuleFileSyntax& s) {
  Domain party;
  party.name = "party";
  add_domain_values(st, party, s.parties);
  if (party.values.empty()) {
    st.error(s.parties_offset, Code::E204, "a contract needs at least one party",
             "list the parties, e.g. `parties: [microsoft, openai]`");
  }
  st.contract.domains.push_back(std::move(party));
  for (const auto& t : s.types) {
    if (!declare_name(st, t.name, NameKind::Type)) continue;
    Domain d;
    d.name = t.name.value;
    add_domain_values(st, d, t.values);
    if (d.values.empty()) {
      st.error(t.name.offset, Code::E204, fmt::format("type '{}' has no values", t.name.value),
               "list its values, e.g. `cloud: [azure, aws]`");
    }
    st.contract.domains.push_back(std::move(d));
  }
}

void declare_facts(CheckerState& st, const RuleFileSyntax& s) {
  for (const auto& f : s.facts) {
    bool fresh = declare_name(st, f.name, NameKind::Fact);
    auto type = resolve_type(st, f.type);
    st.fact_ok.push_back(fresh && type.has_value());
    FactDecl decl{f.name.value, type.value_or(Type::boolean()), std::nullopt, f.name.offset};
    if (type && f.default_value.is_set()) {
      decl.default_value =
          resolve_literal(st.contract, st.file, f.default_value.value, *type, st.diags);
    }
    st.contract.facts.push_back(std::move(decl));
  }
}

void declare_dates(CheckerState& st, const RuleFileSyntax& s) {
  for (const auto& d : s.dates) {
    declare_name(st, d.name, NameKind::NamedDate);
    st.contract.dates.push_back(NamedDate{d.name.value, TypedExpr{}, d.name.offset});
  }
  for (const auto& d : s.conditions) {
    declare_name(st, d.name, NameKind::Condition);
    st.contract.conditions.push_back(NamedDate{d.name.value, TypedExpr{}, d.name.offset});
  }
}

void declare_actions(CheckerState& st, const RuleFileSyntax& s) {
  for (const auto& a : s.actions) {
    declare_name(st, a.name, NameKind::Action);
    ActionDecl decl;
    decl.name = a.name.value;
    decl.offset = a.name.offset;
    if (a.default_verdict.is_set()) decl.default_verdict = parse_verdict(a.default_verdict.value);
    for (const auto& p : a.params) decl.params.push_back(declare_param(st, p));
    st.contract.actions.push_back(std::move(decl));
  }
}

void declare_clauses(CheckerState& st, const RuleFileSyntax& s) {
  std::size_t ids_expected = s.clauses.size() + s.amendments.size();
  for (const auto& am : s.amendments) ids_expected += am.add.size();
  ClauseIds ids(st, ids_expected);
  st.contract.clauses.reserve(ids_expected);
  st.clause_syntax.reserve(ids_expected);
  for (const auto& clause : s.clauses) {
    if (ids.claim(clause.id, "clause")) add_clause(st, clause, -1);
  }
  for (const auto& am : s.amendments) ids.claim(am.id, "amendment");
  for (std::size_t a = 0; a < s.amendments.size(); ++a) {
    for (const auto& clause : s.amendments[a].add) {
      // An `add` of an id that is already a clause is a re-enactment of a
      // repealed clause, or E502: that depends on the amendment order, so
      // the amendments stage decides.
      if (ids.taken(clause.id.value) && st.contract.find_clause(clause.id.value)) continue;
      if (ids.claim(clause.id, "clause")) add_clause(st, clause, static_cast<int>(a));
    }
  }
}

}  // namespace pacta::checker
