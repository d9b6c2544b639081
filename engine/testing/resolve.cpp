#include "engine/testing/resolve.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>

#include "engine/check/check.hpp"
#include "engine/compile/without.hpp"
#include "engine/decide/question.hpp"

namespace pacta {

namespace {

// The fact `name` names; E604 with did-you-mean otherwise.
std::optional<int> find_fact(const Contract& c, const SourceFile& file, const Name& name,
                             Diagnostics& diags) {
  auto fact = c.find_fact(name.value);
  if (fact) return fact;
  std::vector<std::string> names;
  if (!diags.full()) {
    for (const auto& f : c.facts) names.push_back(f.name);
  }
  diags.error(file, name.offset, Code::E604, fmt::format("unknown fact '{}'", name.value),
              did_you_mean(name.value, names));
  return std::nullopt;
}

// E613 for a date fact named where a fact's values are split into cases.
bool not_a_date_fact(const Contract& c, const SourceFile& file, const Name& name, int fact,
                     Diagnostics& diags) {
  if (c.facts[static_cast<std::size_t>(fact)].type.kind != Type::Kind::Date) return true;
  diags.error(
      file, name.offset, Code::E613,
      fmt::format("'{}' is a date fact, which is never unknown: unset, it is `never` (an "
                  "event that has not happened)",
                  name.value),
      fmt::format("assume a date for it instead: `assume: {{{}: 2026-01-01}}`", name.value));
  return false;
}

// A number of `given` (a scalar or an end of an interval); E403 otherwise.
std::optional<Number> given_number(const SourceFile& file, const Name& text, const FactDecl& f,
                                   Diagnostics& diags) {
  if (auto n = Number::parse(text.value)) return n;
  diags.error(file, text.offset, Code::E403,
              fmt::format("'{}' is not a number, but '{}' is a number fact", text.value, f.name),
              "write a number, e.g. 20 or 0.15, or an interval `{min: 20, max: 100}`");
  return std::nullopt;
}

// One fact's value in `given`, into `g`.
bool given_value(const Contract& c, const SourceFile& file, const GivenSyntax& s, const FactDecl& f,
                 Given& g, Diagnostics& diags) {
  const auto wrong = [&](std::size_t offset, std::string message, std::string help) {
    diags.error(file, offset, Code::E403, std::move(message), std::move(help));
    return false;
  };
  switch (f.type.kind) {
    case Type::Kind::Bool:
      g.kind = FactCell::Kind::Bool;
      if (s.is_list || s.is_interval ||
          (s.values[0].value != "true" && s.values[0].value != "false")) {
        return wrong(s.offset, fmt::format("'{}' is a bool fact: give true or false", f.name),
                     fmt::format("e.g. `given: {{{}: true}}`", f.name));
      }
      g.b = s.values[0].value == "true";
      return true;
    case Type::Kind::Value: {
      g.kind = FactCell::Kind::Member;
      const Domain& d = c.domains[f.type.domain];
      if (s.is_interval) {
        return wrong(s.offset, fmt::format("'{}' takes values of a type, not an interval", f.name),
                     "give a value, or a list of values, e.g. [" + d.values.front() + "]");
      }
      bool ok = true;
      for (const Name& v : s.values) {
        if (auto m = d.find(v.value)) {
          if (std::find(g.members.begin(), g.members.end(), *m) == g.members.end()) {
            g.members.push_back(*m);
          }
          continue;
        }
        std::string help = did_you_mean(v.value, d.values);
        ok = wrong(
            v.offset, fmt::format("'{}' is not a value of fact '{}'", v.value, f.name),
            help.empty() ? fmt::format("the values are: {}", fmt::join(d.values, ", ")) : help);
      }
      std::sort(g.members.begin(), g.members.end());
      return ok;
    }
    case Type::Kind::Number: {
      g.kind = FactCell::Kind::Interval;
      if (s.is_list) {
        return wrong(s.offset, fmt::format("'{}' is a number fact: a list cannot be split", f.name),
                     "give a number, or an interval `{min: 20, max: 100}`");
      }
      if (!s.is_interval) {
        g.lo = given_number(file, s.values[0], f, diags);
        g.hi = g.lo;
        g.lo_inclusive = g.hi_inclusive = true;
        return g.lo.has_value();
      }
      bool ok = true;
      if (s.min) ok = (g.lo = given_number(file, *s.min, f, diags)).has_value();
      if (s.max) ok = (g.hi = given_number(file, *s.max, f, diags)).has_value() && ok;
      g.lo_inclusive = s.min_inclusive;
      g.hi_inclusive = s.max_inclusive;
      if (ok && g.lo && g.hi &&
          (compare(*g.lo, *g.hi) > 0 || (*g.lo == *g.hi && !(g.lo_inclusive && g.hi_inclusive)))) {
        return wrong(s.offset, fmt::format("the interval given for '{}' holds no number", f.name),
                     "give 'min' below 'max' (or equal, both inclusive)");
      }
      return ok;
    }
    case Type::Kind::Date:
      break;
  }
  return false;
}

}  // namespace

bool resolve_unknown(const Contract& c, const SourceFile& file, const std::vector<Name>& names,
                     const std::vector<std::pair<int, Value>>& assumed, std::vector<int>& out,
                     Diagnostics& diags) {
  bool ok = true;
  for (const Name& name : names) {
    auto fact = find_fact(c, file, name, diags);
    if (!fact || !not_a_date_fact(c, file, name, *fact, diags)) {
      ok = false;
      continue;
    }
    if (std::any_of(assumed.begin(), assumed.end(),
                    [&](const auto& a) { return a.first == *fact; })) {
      diags.error(file, name.offset, Code::E704,
                  fmt::format("'{}' is both assumed and left unknown", name.value),
                  "give the fact a value in 'assume' or name it in 'unknown', not both");
      ok = false;
      continue;
    }
    if (std::find(out.begin(), out.end(), *fact) == out.end()) out.push_back(*fact);
  }
  std::sort(out.begin(), out.end());
  return ok;
}

bool resolve_given(const Contract& c, const SourceFile& file, const std::vector<GivenSyntax>& given,
                   std::vector<Given>& out, Diagnostics& diags) {
  bool ok = true;
  for (const GivenSyntax& s : given) {
    if (s.fact.value.empty()) {
      ok = false;  // reported when read
      continue;
    }
    auto fact = find_fact(c, file, s.fact, diags);
    if (!fact || !not_a_date_fact(c, file, s.fact, *fact, diags)) {
      ok = false;
      continue;
    }
    Given g;
    g.fact = *fact;
    if (given_value(c, file, s, c.facts[static_cast<std::size_t>(*fact)], g, diags)) {
      out.push_back(std::move(g));
    } else {
      ok = false;
    }
  }
  std::sort(out.begin(), out.end(), [](const Given& a, const Given& b) { return a.fact < b.fact; });
  return ok;
}

bool resolve_ask(const Contract& c, const SourceFile& file, const ActionPattern& ask, Pattern& out,
                 Diagnostics& diags, std::string_view key) {
  auto p = resolve_pattern(c, file, ask, diags);
  if (!p) return false;
  out = *p;
  bool ok = true;
  const ActionDecl& a = c.actions[p->action];
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    if (p->arg_values[i] >= 0) continue;
    diags.error(file, ask.span.begin, Code::E702,
                fmt::format("'{}' must name one instance, but param '{}' has no value", key,
                            a.params[i].name),
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
    auto fact = find_fact(c, file, name, diags);
    if (!fact) {
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
