// `pacta lint` (lint.hpp): the static checks, then the ones that decide,
// the findings sorted by place.
#include "engine/lint/lint.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/decide/situation.hpp"
#include "engine/eval/evaluate.hpp"
#include "engine/lint/internal/lint_parts.hpp"
#include "engine/time/timeline.hpp"

namespace pacta {

namespace lint_detail {

Date pick_day(Date lo, Date hi) {
  if (lo != Date::min()) return lo;
  if (hi < Date::max()) return hi;
  return *Date::from_ymd(2000, 1, 1);
}

std::string clause_list(const Contract& c, const std::vector<int>& clauses) {
  std::string out = clauses.size() == 1 ? "clause " : "clauses ";
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    if (i > 0) out += i + 1 == clauses.size() ? " and " : ", ";
    out += fmt::format("'{}'", c.clauses[static_cast<std::size_t>(clauses[i])].id);
  }
  return out;
}

}  // namespace lint_detail

LintResult lint_contract(const Contract& contract, const Limits& limits) {
  LintResult r;
  lint_detail::static_findings(contract, r.findings);
  r.steps = lint_detail::decided_findings(contract, limits, r.findings);
  std::stable_sort(r.findings.begin(), r.findings.end(),
                   [](const LintFinding& a, const LintFinding& b) {
                     if (a.offset != b.offset) return a.offset < b.offset;
                     if (a.code != b.code) return a.code < b.code;
                     return a.message < b.message;
                   });
  return r;
}

bool witness_applies(const Contract& contract, const LintWitness& w, int clause) {
  const CompiledContract compiled(contract, Scenario{w.as_agreed_on, w.without});
  SituationError serr;
  std::optional<Situation> s = make_situation(contract, w.on, w.assume, serr);
  if (!s) return false;
  ChangePoints points(compiled, *s, Limits{});
  for (int vi : compiled.versions_for_action(w.action)) {
    const ClauseVersionSpan& span = compiled.versions()[static_cast<std::size_t>(vi)];
    if (span.clause != clause || w.on < span.start || w.on >= span.end) continue;
    bool failed = false;
    if (!points.in_bounds(vi, w.on, failed)) continue;
    const Pattern& p = span.version->pattern;
    bool match = true;
    for (std::size_t i = 0; i < p.arg_values.size() && i < w.args.size(); ++i) {
      match = match && (p.arg_values[i] < 0 || p.arg_values[i] == w.args[i]);
    }
    if (!match) continue;
    if (!span.version->when) return true;
    EvalEnv env = s->env(w.args.data());
    if (evaluate_condition(*span.version->when, env) && env.error == EvalEnv::Error::None) {
      return true;
    }
  }
  return false;
}

}  // namespace pacta
