#include "engine/explain/changes.hpp"

#include <algorithm>

namespace pacta {

namespace {

// What a `when` compares: a relation, or membership in a list.
bool is_test(TypedExpr::Op op) {
  return is_comparison(op) || op == TypedExpr::Op::In || op == TypedExpr::Op::NotIn;
}

// The first comparison, in reading order, whose value differs between the
// two traces of one expression; nullptr when none does.
const TracedExpr* turned(const TracedExpr& before, const TracedExpr& after) {
  if (before.expr != after.expr || before.operands.size() != after.operands.size()) return nullptr;
  const bool differs = before.ok && after.ok && !(before.value == after.value);
  if (differs && is_test(after.expr->op)) return &after;
  for (std::size_t i = 0; i < after.operands.size(); ++i) {
    if (const TracedExpr* t = turned(before.operands[i], after.operands[i])) return t;
  }
  return nullptr;
}

bool explain_on(const CompiledContract& compiled, Situation& s, Decider& decider,
                const ActionClauses& about, const std::vector<int>& args, Date day,
                InstanceExplanation& out, DecisionError& error) {
  s.on = day;
  evaluate_conditions(compiled.contract(), s);
  return explain_instance(compiled, s, decider, about, args, out, error);
}

void amendment_changes(const CompiledContract& compiled, const std::vector<int>& about, Date day,
                       std::vector<BoundaryChange>& out) {
  const Contract& c = compiled.contract();
  auto on_action = [&](int clause) {
    return std::binary_search(about.begin(), about.end(), clause);
  };
  for (int a : compiled.amendments_in_effect()) {
    const Amendment& am = c.amendments[static_cast<std::size_t>(a)];
    if (am.effective != day) continue;
    BoundaryChange ch;
    ch.kind = BoundaryChange::Kind::Amendment;
    ch.amendment = a;
    for (int clause : am.repeal) {
      if (on_action(clause)) ch.repealed.push_back(clause);
    }
    for (const auto& entry : am.amend) {
      if (on_action(entry.first)) ch.amended.push_back(entry.first);
    }
    for (int clause : am.add) {
      if (on_action(clause)) ch.added.push_back(clause);
    }
    for (const auto& entry : am.reenact) {
      if (on_action(entry.first)) ch.added.push_back(entry.first);
    }
    if (!ch.repealed.empty() || !ch.amended.empty() || !ch.added.empty()) out.push_back(ch);
  }
}

// Why the part of one clause changed, when its own bound or `when` says.
void cause_of(const ClauseExplanation& b, const ClauseExplanation& a, Date day,
              std::vector<BoundaryChange>& out) {
  BoundaryChange ch;
  ch.clause = a.clause;
  if (a.from && a.from->day == day && a.version == b.version) {
    ch.kind = BoundaryChange::Kind::Bound;
    ch.bound = BoundaryChange::Bound::From;
    ch.expr = a.from->expr;
    ch.date = day;
    out.push_back(ch);
    return;
  }
  if (b.until && b.until->day && a.version == b.version) {
    const bool through = b.until->through;
    const Date last = *b.until->day;
    if (through ? add_days(last, 1) == day : last == day) {
      ch.kind = BoundaryChange::Kind::Bound;
      ch.bound = through ? BoundaryChange::Bound::Through : BoundaryChange::Bound::Until;
      ch.expr = b.until->expr;
      ch.date = last;
      out.push_back(ch);
      return;
    }
  }
  if (a.when && b.when) {
    if (const TracedExpr* t = turned(*b.when, *a.when)) {
      ch.kind = BoundaryChange::Kind::When;
      ch.expr = t->expr;
      ch.value = t->value.b;
      out.push_back(ch);
    }
  }
}

const ClauseExplanation* find_clause(const InstanceExplanation& e, int clause) {
  for (const ClauseExplanation& x : e.clauses) {
    if (x.clause == clause) return &x;
  }
  return nullptr;
}

}  // namespace

bool changes_at(const CompiledContract& compiled, const Situation& base, Decider& decider,
                const ActionClauses& about, const std::vector<int>& args, Date day,
                std::vector<BoundaryChange>& out, DecisionError& error) {
  out.clear();
  const std::optional<Date> before_day = add_days(day, -1);
  if (!before_day) return true;
  Situation s = base;
  InstanceExplanation before, after;
  if (!explain_on(compiled, s, decider, about, args, *before_day, before, error) ||
      !explain_on(compiled, s, decider, about, args, day, after, error))
    return false;
  const Contract& c = compiled.contract();
  amendment_changes(compiled, about.clauses, day, out);
  std::vector<BoundaryChange> parts;
  for (const ClauseExplanation& a : after.clauses) {
    const ClauseExplanation* b = find_clause(before, a.clause);
    if (b == nullptr) continue;
    // The same part in a new version (an amendment changed its modality
    // or text) is a change too, where the clause takes part.
    const bool new_version = b->version != a.version && a.role != ClauseRole::NotApplicable;
    if (b->role == a.role && !new_version) continue;
    cause_of(*b, a, day, out);
    BoundaryChange ch;
    ch.kind = BoundaryChange::Kind::Clause;
    ch.clause = a.clause;
    ch.before = b->role;
    ch.after = a.role;
    ch.new_version = new_version;
    ch.amendment = new_version ? a.made_by : -1;
    const ClauseVersion* v = a.role != ClauseRole::NotApplicable ? a.version : b->version;
    if (v != nullptr) ch.modality = v->modality;
    parts.push_back(ch);
  }
  for (std::size_t i = 0; i < c.dates.size(); ++i) {
    if (base.dates[i] != day) continue;
    BoundaryChange ch;
    ch.kind = BoundaryChange::Kind::NamedDate;
    ch.named_date = static_cast<int>(i);
    ch.date = day;
    out.push_back(ch);
  }
  out.insert(out.end(), parts.begin(), parts.end());
  return true;
}

}  // namespace pacta
