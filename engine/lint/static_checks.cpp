// The static checks of `pacta lint`: what the declarations and expressions
// say without deciding anything (L109-L112).
#include <fmt/format.h>

#include <set>

#include "engine/decide/situation.hpp"
#include "engine/eval/evaluate.hpp"
#include "engine/lint/internal/lint_parts.hpp"

namespace pacta::lint_detail {

namespace {

using Op = TypedExpr::Op;

// What the contract reads of its declarations.
struct Uses {
  std::vector<bool> facts, dates, conditions, domains;
  std::vector<std::vector<bool>> values;  // per domain, per value
  std::vector<bool> actions;              // some clause version is about it

  explicit Uses(const Contract& c)
      : facts(c.facts.size()),
        dates(c.dates.size()),
        conditions(c.conditions.size()),
        domains(c.domains.size()),
        actions(c.actions.size()) {
    values.reserve(c.domains.size());
    for (const Domain& d : c.domains) values.emplace_back(d.values.size(), false);
  }
  void value(const Type& t, int index) {
    if (t.kind != Type::Kind::Value || t.domain < 0 || index < 0) return;
    auto& v = values[static_cast<std::size_t>(t.domain)];
    if (static_cast<std::size_t>(index) < v.size()) v[static_cast<std::size_t>(index)] = true;
  }
  void type(const Type& t) {
    if (t.kind == Type::Kind::Value && t.domain >= 0)
      domains[static_cast<std::size_t>(t.domain)] = true;
  }
  void walk(const TypedExpr& e) {
    switch (e.op) {
      case Op::Fact:
        facts[static_cast<std::size_t>(e.index)] = true;
        break;
      case Op::NamedDate:
        dates[static_cast<std::size_t>(e.index)] = true;
        break;
      case Op::Condition:
        conditions[static_cast<std::size_t>(e.index)] = true;
        break;
      case Op::Constant:
        value(e.type, e.constant.kind == Type::Kind::Value ? e.constant.index : -1);
        break;
      default:
        break;
    }
    for (const TypedExpr& o : e.operands) walk(o);
  }
  void pattern(const Contract& c, const Pattern& p) {
    if (p.action < 0) return;
    actions[static_cast<std::size_t>(p.action)] = true;
    const ActionDecl& a = c.actions[static_cast<std::size_t>(p.action)];
    for (std::size_t i = 0; i < p.arg_values.size() && i < a.params.size(); ++i) {
      value(a.params[i].type, p.arg_values[i]);
    }
  }
};

Uses uses_of(const Contract& c) {
  Uses u(c);
  for_each_expression(c, [&](const TypedExpr& e) { u.walk(e); });
  for (const Clause& cl : c.clauses) u.pattern(c, cl.version.pattern);
  for (const Amendment& a : c.amendments) {
    for (const auto& [clause, patch] : a.amend) {
      if (patch.modality) u.pattern(c, patch.modality->second);
    }
    for (const auto& [clause, version] : a.reenact) u.pattern(c, version.pattern);
  }
  for (const FactDecl& f : c.facts) {
    u.type(f.type);
    if (f.default_value && f.default_value->kind == Type::Kind::Value) {
      u.value(f.type, f.default_value->index);
    }
  }
  for (const ActionDecl& a : c.actions) {
    for (const Param& p : a.params) u.type(p.type);
  }
  return u;
}

void add(std::vector<LintFinding>& out, Code code, std::size_t offset, std::string message) {
  out.push_back(LintFinding{code, offset, std::move(message)});
}

void unused_findings(const Contract& c, const Uses& u, std::vector<LintFinding>& out) {
  for (std::size_t i = 0; i < c.facts.size(); ++i) {
    if (!u.facts[i]) {
      add(out, Code::L109, c.facts[i].offset,
          fmt::format("fact '{}' is declared but no clause, date or condition reads it",
                      c.facts[i].name));
    }
  }
  for (std::size_t i = 0; i < c.dates.size(); ++i) {
    if (!u.dates[i]) {
      add(out, Code::L109, c.dates[i].offset,
          fmt::format("named date '{}' is declared but never used", c.dates[i].name));
    }
  }
  for (std::size_t i = 0; i < c.conditions.size(); ++i) {
    if (!u.conditions[i]) {
      add(out, Code::L109, c.conditions[i].offset,
          fmt::format("named condition '{}' is declared but never used", c.conditions[i].name));
    }
  }
  for (std::size_t d = 1; d < c.domains.size(); ++d) {  // domain 0 is party
    const Domain& dom = c.domains[d];
    if (!u.domains[d]) {
      add(out, Code::L109, dom.offsets.empty() ? 0 : dom.offsets.front(),
          fmt::format("type '{}' is declared but no fact or param has it", dom.name));
      continue;
    }
    for (std::size_t v = 0; v < dom.values.size(); ++v) {
      if (u.values[d][v] || v >= dom.offsets.size()) continue;
      add(out, Code::L109, dom.offsets[v],
          fmt::format("value '{}' of type '{}' is never named by a clause, condition or default",
                      dom.values[v], dom.name));
    }
  }
  for (std::size_t a = 0; a < c.actions.size(); ++a) {
    if (u.actions[a]) continue;
    add(out, Code::L110, c.actions[a].offset,
        fmt::format("action '{}' has no clause: every instance gets the {} default",
                    c.actions[a].name, c.actions[a].default_verdict ? "action's" : "contract's"));
  }
}

// Whether `e` can take different values in different questions (reads a
// fact, a param or `date`, directly or through a named date).
bool is_variable(const Contract& c, const TypedExpr& e) {
  if (e.op == Op::Fact || e.op == Op::Param || e.op == Op::Today) return true;
  if (e.op == Op::NamedDate) return is_variable(c, c.dates[static_cast<std::size_t>(e.index)].expr);
  for (const TypedExpr& o : e.operands) {
    if (is_variable(c, o)) return true;
  }
  return false;
}

std::string duration_text(std::int64_t months) {
  const std::int64_t n = months < 0 ? -months : months;
  const char sign = months < 0 ? '-' : '+';
  if (n % 12 == 0) return fmt::format("{} {} {}", sign, n / 12, n / 12 == 1 ? "year" : "years");
  return fmt::format("{} {} {}", sign, n, n == 1 ? "month" : "months");
}

std::string operand_text(const Contract& c, const TypedExpr& e) {
  if (e.op == Op::Fact)
    return fmt::format("fact '{}'", c.facts[static_cast<std::size_t>(e.index)].name);
  if (e.op == Op::Today) return "`date`";
  if (e.op == Op::NamedDate) {
    return fmt::format("named date '{}'", c.dates[static_cast<std::size_t>(e.index)].name);
  }
  return "a date";
}

void clamp_findings(const Contract& c, const TypedExpr& e, const Situation* s,
                    std::vector<LintFinding>& out) {
  for (const TypedExpr& o : e.operands) clamp_findings(c, o, s, out);
  if (e.op != Op::AddMonths || e.operands.empty()) return;
  const TypedExpr& base = e.operands.front();
  if (is_variable(c, base)) {
    add(out, Code::L111, e.span.begin,
        fmt::format("`{}` of {}, which can be the 29th, 30th or 31st: the result is clamped to "
                    "the last day of a shorter month (2024-01-31 + 1 month = 2024-02-29)",
                    duration_text(e.amount), operand_text(c, base)));
    return;
  }
  if (s == nullptr) return;
  EvalEnv env = s->env();
  const Value v = evaluate(base, env);
  if (env.error != EvalEnv::Error::None || v.d.is_never()) return;
  const std::optional<Date> r = add_months(v.d, e.amount);
  if (!r || r->day() == v.d.day()) return;
  add(out, Code::L111, e.span.begin,
      fmt::format("`{}` of {} {} is clamped to {}: that month has no day {}",
                  duration_text(e.amount), operand_text(c, base), v.d.to_string(), r->to_string(),
                  v.d.day()));
}

void amendment_findings(const Contract& c, std::vector<LintFinding>& out) {
  for (std::size_t i = 0; i < c.amendments.size(); ++i) {
    const Amendment& a = c.amendments[i];
    if (!(a.effective < a.signed_on)) continue;
    LintFinding f{Code::L112, a.offset,
                  fmt::format("amendment '{}' is retroactive: effective {} is before it was "
                              "signed on {}, so it changes answers about days before it was agreed",
                              a.id, a.effective.to_string(), a.signed_on.to_string())};
    f.amendment = static_cast<int>(i);
    out.push_back(std::move(f));
  }
}

}  // namespace

void for_each_expression(const Contract& c, const std::function<void(const TypedExpr&)>& f) {
  std::set<const TypedExpr*> seen;
  const auto visit = [&](const TypedExpr* e) {
    if (e != nullptr && seen.insert(e).second) f(*e);
  };
  const auto version = [&](const ClauseVersion& v) {
    visit(v.when.get());
    visit(v.from.get());
    visit(v.until.get());
  };
  for (const NamedDate& d : c.dates) visit(&d.expr);
  for (const NamedDate& d : c.conditions) visit(&d.expr);
  for (const Clause& cl : c.clauses) version(cl.version);
  for (const Amendment& a : c.amendments) {
    for (const auto& [clause, p] : a.amend) {
      for (const auto* field : {&p.when, &p.from, &p.until}) {
        if (*field) visit(field->value().get());
      }
    }
    for (const auto& [clause, v] : a.reenact) version(v);
  }
}

void static_findings(const Contract& c, std::vector<LintFinding>& out) {
  unused_findings(c, uses_of(c), out);
  SituationError error;
  const std::optional<Situation> s = make_situation(c, Date::min(), {}, error);
  for_each_expression(c, [&](const TypedExpr& e) { clamp_findings(c, e, s ? &*s : nullptr, out); });
  amendment_findings(c, out);
}

}  // namespace pacta::lint_detail
