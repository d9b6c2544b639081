// Stage: amendments. Their dates are resolved, they are put in amendment
// order (effective, ties in file order), and each is checked against the
// clauses as they stand at its point of that order: a repealed clause cannot
// be amended or repealed (but may be re-enacted by `add`), and an `amend`
// is checked against the version it replaces.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/check/check.hpp"
#include "engine/check/internal/clause_fields.hpp"
#include "engine/check/internal/stages.hpp"
#include "engine/eval/evaluate.hpp"

namespace pacta::checker {

namespace {

// An amendment whose dates resolved, waiting for its place in the order.
struct DatedAmendment {
  Amendment amendment;
  const AmendmentSyntax* syntax;
};

// The clauses as they stand at a point of the amendment order.
struct ClauseTimeline {
  std::vector<bool> exists;
  std::vector<std::string> gone_by;  // the amendment that repealed it, if one did
  std::vector<Date> gone_on;         // and its `effective` date
  std::vector<int> action;           // the action its current version is about
  std::vector<const Expr*> when;     // its current `when` (nullptr: none)
};

std::optional<Date> amendment_date(CheckerState& st, const Field<Expr>& f, std::string_view key) {
  ExprScope sc = st.scope(-1, false);
  sc.context = key;
  auto t = check_expression(sc, st.file, f.value, Type::date(), st.diags);
  if (!t) return std::nullopt;
  if (!is_constant(*t, st.dates_constant)) {
    st.error(f.offset, Code::E408,
             fmt::format("an amendment's '{}' date must not depend on facts", key),
             "amendments are ordered by their dates when the file is loaded; use a date "
             "literal or a named date made of literals");
    return std::nullopt;
  }
  auto d = fold_date(st, *t);
  if (d && d->is_never()) {
    st.error(f.offset, Code::E408, fmt::format("an amendment's '{}' date cannot be never", key));
    return std::nullopt;
  }
  return d;
}

// The amendments whose dates resolved, in amendment order.
std::vector<DatedAmendment> dated_amendments(CheckerState& st, const RuleFileSyntax& s) {
  std::vector<DatedAmendment> out;
  for (std::size_t a = 0; a < s.amendments.size(); ++a) {
    const AmendmentSyntax& as = s.amendments[a];
    Amendment am;
    am.id = as.id.value;
    am.title = as.title.value;
    am.text = as.text.value;
    am.file_order = a;
    am.offset = as.offset;
    auto signed_on = amendment_date(st, as.signed_on, "signed");
    std::optional<Date> effective = signed_on;
    if (as.effective.is_set()) effective = amendment_date(st, as.effective, "effective");
    if (!signed_on || !effective) continue;
    am.signed_on = *signed_on;
    am.effective = *effective;
    out.push_back(DatedAmendment{std::move(am), &as});
  }
  std::stable_sort(out.begin(), out.end(), [](const DatedAmendment& x, const DatedAmendment& y) {
    return x.amendment.effective < y.amendment.effective;
  });
  return out;
}

// Before any amendment: the original clauses exist, as written.
ClauseTimeline original_clauses(const CheckerState& st) {
  ClauseTimeline now;
  for (std::size_t i = 0; i < st.contract.clauses.size(); ++i) {
    const Clause& clause = st.contract.clauses[i];
    const ClauseSyntax& syntax = *st.clause_syntax[i];
    now.exists.push_back(clause.added_by < 0);
    now.gone_by.emplace_back();
    now.gone_on.emplace_back();
    now.action.push_back(clause.version.pattern.action);
    now.when.push_back(syntax.when.is_set() ? syntax.when.value.get() : nullptr);
  }
  return now;
}

// Why clause `i` does not exist when `am` applies: only added by an
// amendment that comes later (an original clause has no adder).
std::string why_absent(const CheckerState& st, const RuleFileSyntax& s, int i,
                       const Amendment& am) {
  const std::string& adder = s.amendments[st.contract.clauses[i].added_by].id.value;
  if (adder == am.id) return "it is added by this same amendment: give its final form in `add`";
  return fmt::format("it is only added later, by '{}'", adder);
}

// E501 for a clause that `am` repeals or amends after it was repealed. A
// repealed clause no longer exists; it can only come back as a new clause.
void report_repealed(CheckerState& st, const ClauseTimeline& now, const Name& ref, int i,
                     const Amendment& am, const char* verb) {
  if (now.gone_by[i] == am.id) {
    st.error(
        ref.offset, Code::E501,
        fmt::format("amendment '{}' {} clause '{}', which it also repeals", am.id, verb, ref.value),
        "an amendment applies its `repeal` first; to replace the clause, keep the repeal "
        "and give its new text in `add`, or drop the repeal and keep the `amend`");
    return;
  }
  st.error(ref.offset, Code::E501,
           fmt::format("amendment '{}' {} clause '{}', which was repealed by '{}' (effective {})",
                       am.id, verb, ref.value, now.gone_by[i], now.gone_on[i].to_string()),
           fmt::format("a repealed clause no longer exists; to bring it back, re-enact it: "
                       "`add` it to '{}' with its full text (id, modality, ...)",
                       am.id));
}

// The clause `ref` names, when it exists as `am` applies; E501 otherwise.
// `verb`: "repeals" or "amends".
std::optional<int> clause_in_force(CheckerState& st, const RuleFileSyntax& s,
                                   const ClauseTimeline& now, const Name& ref, const Amendment& am,
                                   const char* verb) {
  auto i = st.contract.find_clause(ref.value);
  if (!i) {
    st.error(
        ref.offset, Code::E501,
        fmt::format("amendment '{}' {} clause '{}', which does not exist", am.id, verb, ref.value),
        suggest_clause_id(st.contract, ref.value, st.diags));
    return std::nullopt;
  }
  if (now.exists[*i]) return i;
  if (!now.gone_by[*i].empty()) {
    report_repealed(st, now, ref, *i, am, verb);
    return std::nullopt;
  }
  st.error(ref.offset, Code::E501,
           fmt::format("amendment '{}' {} clause '{}', which does not exist at that point "
                       "({})",
                       am.id, verb, ref.value, why_absent(st, s, *i, am)),
           "amendments apply in order of `effective`, ties in file order");
  return std::nullopt;
}

// E206 when `id` is listed a second time in one list of one amendment
// (`verb`: "repeals", "amends", "adds"); `seen` holds the ids listed so far.
bool listed_twice(CheckerState& st, std::map<std::string, std::size_t>& seen, const Name& id,
                  const Amendment& am, const char* verb, const char* help) {
  auto [it, inserted] = seen.try_emplace(id.value, id.offset);
  if (inserted) return false;
  st.error(
      id.offset, Code::E206,
      fmt::format("amendment '{}' {} clause '{}' twice", am.id, verb, id.value),
      fmt::format("{}; the first is on {}", help, st.file.line_reference(it->second, id.offset)));
  return true;
}

// A field an `amend` entry sets (checked by `check`), removes (null: an
// empty inner value) or leaves out (inherited: no value).
template <class Check>
std::optional<SharedExpr> patched(const Field<SharedAst>& f, Check check) {
  if (f.presence == Presence::Absent) return std::nullopt;
  if (f.presence == Presence::Null) return SharedExpr{};
  return check(f.value);
}

std::optional<SharedText> patched_text(const Field<std::string>& f) {
  if (f.presence == Presence::Absent) return std::nullopt;
  return SharedText(f.value);  // Null clears the text
}

// The patched `when`, for `action`. When the patch changes the action and
// gives no `when`, the inherited one (`current_when`, nullptr: none) is
// checked again against the new action, so its names keep their meaning
// (params are resolved by name, not position).
std::optional<SharedExpr> patched_when(CheckerState& st, const ClauseSyntax& s, int action,
                                       int current_action, const Expr* current_when) {
  auto when = patched(s.when, [&](const SharedAst& e) { return checked_when(st, e, action); });
  if (when || action == current_action || current_when == nullptr) return when;
  Diagnostics recheck;
  auto rechecked = check_when(st, *current_when, action, recheck);
  if (recheck.has_errors()) {
    st.error(
        s.modality.offset, Code::E409,
        fmt::format("the amendment changes clause '{}' to action '{}', but the clause's "
                    "`when` does not fit it ({})",
                    s.id.value, st.contract.actions[action].name, recheck.all().front().message),
        "give the amended clause a new `when`, or `when: null`");
  }
  return share(std::move(rechecked));
}

// An `amend` entry, against the clause's current action and `when`.
ClausePatch check_patch(CheckerState& st, const ClauseSyntax& s, int current_action,
                        const Expr* current_when) {
  ClausePatch p;
  p.offset = s.offset;
  int action = current_action;
  if (s.modality.is_set()) {
    if (auto pattern = resolve_pattern(st.contract, st.file, s.pattern, st.diags)) {
      p.modality = std::pair{s.modality.value, *pattern};
      action = pattern->action;
    }
  }
  p.checked_against_action = action;
  if (action >= 0) p.when = patched_when(st, s, action, current_action, current_when);
  p.from =
      patched(s.from, [&](const SharedAst& e) { return checked_bound(st, e, BoundKind::From); });
  // `until` and `through` are one field, the end: the one given a value
  // sets it (null in the other is allowed: the reader refuses two values);
  // null alone removes it.
  if (s.through.is_set() || (s.through.presence == Presence::Null && !s.until.is_set())) {
    p.until = patched(s.through,
                      [&](const SharedAst& e) { return checked_bound(st, e, BoundKind::Through); });
    p.until_is_through = s.through.is_set();
  } else {
    p.until = patched(s.until,
                      [&](const SharedAst& e) { return checked_bound(st, e, BoundKind::Until); });
  }
  if (s.overrides.presence == Presence::Set) p.overrides = check_overrides(st, s.overrides.value);
  if (s.overrides.presence == Presence::Null) p.overrides = std::vector<int>{};
  p.kind = patched_text(s.kind);
  p.title = patched_text(s.title);
  p.text = patched_text(s.text);
  p.ref = patched_text(s.ref);
  return p;
}

void apply_repeals(CheckerState& st, const RuleFileSyntax& s, ClauseTimeline& now, Amendment& am,
                   const AmendmentSyntax& as) {
  std::map<std::string, std::size_t> seen;
  for (const auto& ref : as.repeal) {
    if (listed_twice(st, seen, ref, am, "repeals", "list it once")) continue;
    auto i = clause_in_force(st, s, now, ref, am, "repeals");
    if (!i) continue;
    am.repeal.push_back(*i);
    now.exists[*i] = false;
    now.gone_by[*i] = am.id;
    now.gone_on[*i] = am.effective;
  }
}

void apply_amends(CheckerState& st, const RuleFileSyntax& s, ClauseTimeline& now, Amendment& am,
                  const AmendmentSyntax& as) {
  std::map<std::string, std::size_t> seen;
  for (const auto& patch : as.amend) {
    if (listed_twice(st, seen, patch.id, am, "amends",
                     "give one `amend` entry with every field that changes")) {
      continue;
    }
    auto i = clause_in_force(st, s, now, patch.id, am, "amends");
    if (!i) continue;
    ClausePatch p = check_patch(st, patch, now.action[*i], now.when[*i]);
    if (p.modality) now.action[*i] = p.modality->second.action;
    if (patch.when.presence == Presence::Set) now.when[*i] = patch.when.value.get();
    if (patch.when.presence == Presence::Null) now.when[*i] = nullptr;
    am.amend.emplace_back(*i, std::move(p));
  }
}

// E502: `added` names clause `i`, which exists when `am` applies.
void report_existing(CheckerState& st, const ClauseSyntax& added, int i, const Amendment& am) {
  st.error(
      added.id.offset, Code::E502,
      fmt::format("amendment '{}' adds clause '{}', which already exists at that point", am.id,
                  added.id.value),
      fmt::format("'{}' is on {}; to change it use `amend`, or choose a new id", added.id.value,
                  st.file.line_reference(st.clause_syntax[i]->id.offset, added.id.offset)));
}

// The clauses this amendment adds. The first `add` of an id (in file order)
// is that clause's own (declare_clauses took it in); a later one re-enacts
// the clause if it was repealed before, and is E502 if it exists.
void apply_adds(CheckerState& st, ClauseTimeline& now, Amendment& am, const AmendmentSyntax& as) {
  std::map<std::string, std::size_t> seen;
  for (const auto& added : as.add) {
    if (listed_twice(st, seen, added.id, am, "adds", "give the clause once")) continue;
    auto i = st.contract.find_clause(added.id.value);
    if (!i) continue;  // its id is an amendment's (E206)
    if (now.exists[*i]) {
      report_existing(st, added, *i, am);
      continue;
    }
    const ClauseVersion* version = &st.contract.clauses[*i].version;
    if (st.clause_syntax[*i] == &added) {
      am.add.push_back(*i);
    } else {
      am.reenact.emplace_back(*i, check_clause_version(st, added));
      version = &am.reenact.back().second;
    }
    now.exists[*i] = true;
    now.gone_by[*i].clear();
    now.action[*i] = version->pattern.action;
    now.when[*i] = added.when.is_set() ? added.when.value.get() : nullptr;
  }
}

}  // namespace

void check_amendments(CheckerState& st, const RuleFileSyntax& s) {
  std::vector<DatedAmendment> ordered = dated_amendments(st, s);
  ClauseTimeline now = original_clauses(st);
  for (DatedAmendment& dated : ordered) {
    apply_repeals(st, s, now, dated.amendment, *dated.syntax);
    apply_amends(st, s, now, dated.amendment, *dated.syntax);
    apply_adds(st, now, dated.amendment, *dated.syntax);
    st.contract.amendments.push_back(std::move(dated.amendment));
  }
}

}  // namespace pacta::checker
