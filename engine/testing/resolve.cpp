#include "engine/testing/resolve.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>

#include "engine/check/check.hpp"
#include "engine/compile/without.hpp"
#include "engine/decide/question.hpp"

namespace pacta {

bool resolve_ask(const Contract& c, const SourceFile& file, const ActionPattern& ask, Pattern& out,
                 Diagnostics& diags) {
  auto p = resolve_pattern(c, file, ask, diags);
  if (!p) return false;
  out = *p;
  bool ok = true;
  const ActionDecl& a = c.actions[p->action];
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    if (p->arg_values[i] >= 0) continue;
    diags.error(
        file, ask.span.begin, Code::E702,
        fmt::format("'ask' must name one instance, but param '{}' has no value", a.params[i].name),
        fmt::format("give every param, e.g. {}({}={})", a.name, a.params[i].name,
                    example_value(c, a.params[i].type)));
    ok = false;
  }
  return ok;
}

bool resolve_assume(const Contract& c, const SourceFile& file,
                    const std::vector<std::pair<Name, Expr>>& assume,
                    std::vector<std::pair<int, Value>>& out, Diagnostics& diags) {
  bool ok = true;
  for (const auto& [name, value] : assume) {
    auto fact = c.find_fact(name.value);
    if (!fact) {
      std::vector<std::string> names;
      if (!diags.full()) {
        for (const auto& f : c.facts) names.push_back(f.name);
      }
      diags.error(file, name.offset, Code::E604, fmt::format("unknown fact '{}'", name.value),
                  did_you_mean(name.value, names));
      ok = false;
      continue;
    }
    if (auto v = resolve_literal(c, file, value, c.facts[*fact].type, diags)) {
      out.emplace_back(*fact, *v);
    } else {
      ok = false;
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return ok;
}

bool resolve_clauses(const Contract& c, const SourceFile& file,
                     const std::optional<std::vector<Name>>& ids, std::vector<int>& out,
                     Diagnostics& diags) {
  if (!ids) return true;
  bool ok = true;
  for (const auto& id : *ids) {
    if (auto i = c.find_clause(id.value)) {
      out.push_back(*i);
      continue;
    }
    report_unknown_clause(c, file, id, diags);
    ok = false;
  }
  std::sort(out.begin(), out.end());
  return ok;
}

bool resolve_without(const Contract& c, const SourceFile& file, const std::vector<Name>& ids,
                     std::optional<Date> agreed, std::vector<int>& out, Diagnostics& diags) {
  std::vector<std::string> names;
  names.reserve(ids.size());
  for (const Name& id : ids) names.push_back(id.value);
  Scenario scenario;
  scenario.as_agreed_on = agreed;
  WithoutProblem problem;
  if (!set_without(c, names, scenario, problem)) {
    diags.error(file, ids[problem.id].offset, problem.code, std::move(problem.message),
                std::move(problem.help));
    return false;
  }
  out = std::move(scenario.without);
  return true;
}

bool same_set(const std::vector<int>& a, const std::vector<int>& b) {
  return std::set<int>(a.begin(), a.end()) == std::set<int>(b.begin(), b.end());
}

}  // namespace pacta
