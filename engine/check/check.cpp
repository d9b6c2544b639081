#include "engine/check/check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "engine/check/expressions.hpp"
#include "engine/check/graph.hpp"
#include "engine/eval/evaluate.hpp"

namespace pacta {

namespace {

// What a top-level name is; types, facts, named dates and actions share one
// namespace with each other and with the built-in type names.
enum class NameKind { BuiltinType, Type, Fact, NamedDate, Action };

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
    case NameKind::Action:
      return "an action";
  }
  return "a name";
}

class Checker {
 public:
  Checker(const SourceFile& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  std::optional<Contract> run(const RuleFileSyntax& s) {
    std::size_t errors_before = diags_.error_count();
    c_.id = s.contract.value;
    c_.title = s.title.value;
    c_.path = file_.path();
    if (s.default_verdict.is_set()) c_.default_verdict = *parse_verdict(s.default_verdict.value);
    for (const char* builtin : {"bool", "number", "date", "party"}) {
      names_[builtin] = {NameKind::BuiltinType, 0};
    }
    declare_domains(s);
    declare_facts(s);
    declare_dates(s);
    declare_actions(s);
    declare_clauses(s);
    check_dates(s);
    check_clauses(s);
    check_amendments(s);
    check_overrides_acyclic(s);
    if (diags_.error_count() != errors_before) return std::nullopt;
    return std::move(c_);
  }

 private:
  void error(std::size_t offset, Code code, std::string message, std::string help = {}) {
    diags_.error(file_, offset, code, std::move(message), std::move(help));
  }

  bool declare_name(const Name& name, NameKind kind) {
    auto [it, inserted] = names_.try_emplace(name.value, kind, name.offset);
    if (inserted) return true;
    const auto& [other_kind, other_offset] = it->second;
    std::string where = other_kind == NameKind::BuiltinType
                            ? std::string("built in")
                            : fmt::format("declared on line {}", file_.position(other_offset).line);
    error(name.offset, Code::E404,
          fmt::format("'{}' is already {} ({})", name.value, describe(other_kind), where),
          "types, facts, named dates and actions share one namespace: rename one of them");
    return false;
  }

  void declare_domains(const RuleFileSyntax& s) {
    auto add_values = [&](Domain& d, const std::vector<Name>& values) {
      for (const auto& v : values) {
        if (auto previous = d.find(v.value)) {
          error(v.offset, Code::E206,
                fmt::format("'{}' is listed twice in {}", v.value,
                            d.name == "party" ? std::string("the parties") : d.name),
                fmt::format("the first is on line {}", file_.position(d.offsets[*previous]).line));
          continue;
        }
        d.values.push_back(v.value);
        d.offsets.push_back(v.offset);
      }
    };
    Domain party{"party", {}, {}};
    add_values(party, s.parties);
    if (party.values.empty()) {
      error(s.parties_offset, Code::E204, "a contract needs at least one party",
            "list the parties, e.g. `parties: [microsoft, openai]`");
    }
    c_.domains.push_back(std::move(party));
    for (const auto& t : s.types) {
      if (!declare_name(t.name, NameKind::Type)) continue;
      Domain d{t.name.value, {}, {}};
      add_values(d, t.values);
      if (d.values.empty()) {
        error(t.name.offset, Code::E204, fmt::format("type '{}' has no values", t.name.value),
              "list its values, e.g. `cloud: [azure, aws]`");
      }
      c_.domains.push_back(std::move(d));
    }
  }

  std::optional<Type> resolve_type(const Name& name) {
    if (name.value == "bool") return Type::boolean();
    if (name.value == "number") return Type::number();
    if (name.value == "date") return Type::date();
    if (auto d = c_.find_domain(name.value)) return Type::value(*d);
    std::string help;
    if (!diags_.full()) {
      std::vector<std::string> candidates = {"bool", "number", "date"};
      for (const auto& d : c_.domains) candidates.push_back(d.name);
      help = did_you_mean(name.value, candidates);
      if (help.empty()) help = fmt::format("the types are: {}", fmt::join(candidates, ", "));
    }
    error(name.offset, Code::E401, fmt::format("unknown type '{}'", name.value), help);
    return std::nullopt;
  }

  void declare_facts(const RuleFileSyntax& s) {
    for (const auto& f : s.facts) {
      bool fresh = declare_name(f.name, NameKind::Fact);
      auto type = resolve_type(f.type);
      if (!fresh || !type) {
        fact_ok_.push_back(false);
      } else {
        fact_ok_.push_back(true);
      }
      FactDecl decl{f.name.value, type.value_or(Type::boolean()), std::nullopt, f.name.offset};
      if (type && f.default_value.is_set()) {
        decl.default_value = resolve_literal(c_, file_, f.default_value.value, *type, diags_);
      }
      c_.facts.push_back(std::move(decl));
    }
  }

  void declare_dates(const RuleFileSyntax& s) {
    for (const auto& d : s.dates) {
      declare_name(d.name, NameKind::NamedDate);
      c_.dates.push_back(NamedDate{d.name.value, TypedExpr{}, d.name.offset});
    }
  }

  void declare_actions(const RuleFileSyntax& s) {
    for (const auto& a : s.actions) {
      declare_name(a.name, NameKind::Action);
      ActionDecl decl;
      decl.name = a.name.value;
      decl.offset = a.name.offset;
      if (a.default_verdict.is_set()) decl.default_verdict = parse_verdict(a.default_verdict.value);
      for (const auto& p : a.params) {
        auto clash = names_.find(p.name.value);
        if (clash != names_.end() &&
            (clash->second.first == NameKind::Fact || clash->second.first == NameKind::NamedDate)) {
          error(p.name.offset, Code::E404,
                fmt::format("param '{}' has the name of {}", p.name.value,
                            describe(clash->second.first)),
                "a `when` could not tell them apart: rename the param");
        }
        auto type = resolve_type(p.type);
        if (type && !type->is_finite()) {
          error(p.type.offset, Code::E406,
                fmt::format("param '{}' has type {}, but params must have a finite type",
                            p.name.value, p.type.value),
                "use bool, party or an enum type, so every instance can be listed; "
                "a number or date belongs in a fact");
          type.reset();
        }
        decl.params.push_back(Param{p.name.value, type.value_or(Type::boolean())});
      }
      c_.actions.push_back(std::move(decl));
    }
  }

  void declare_clauses(const RuleFileSyntax& s) {
    std::map<std::string, std::size_t> seen;  // id -> offset
    auto unique = [&](const Name& id, std::string_view what) {
      auto [it, inserted] = seen.try_emplace(id.value, id.offset);
      if (!inserted) {
        error(id.offset, Code::E206, fmt::format("duplicate id '{}'", id.value),
              fmt::format("{} ids must be unique across clauses and amendments; the first "
                          "'{}' is on line {}",
                          what, id.value, file_.position(it->second).line));
      }
      return inserted;
    };
    for (const auto& clause : s.clauses) {
      if (unique(clause.id, "clause")) {
        c_.clauses.add(Clause{clause.id.value, clause.id.offset, -1, {}});
        clause_syntax_.push_back(&clause);
      }
    }
    for (std::size_t a = 0; a < s.amendments.size(); ++a) {
      unique(s.amendments[a].id, "amendment");
    }
    for (std::size_t a = 0; a < s.amendments.size(); ++a) {
      for (const auto& clause : s.amendments[a].add) {
        if (seen.count(clause.id.value) != 0) {
          if (auto existing = c_.find_clause(clause.id.value)) {
            error(clause.id.offset, Code::E502,
                  fmt::format("amendment '{}' adds clause '{}', which already exists",
                              s.amendments[a].id.value, clause.id.value),
                  fmt::format("'{}' is on line {}; to change it use `amend`, or choose a new id",
                              clause.id.value, file_.position(c_.clauses[*existing].offset).line));
            continue;
          }
        }
        if (unique(clause.id, "clause")) {
          c_.clauses.add(Clause{clause.id.value, clause.id.offset, static_cast<int>(a), {}});
          clause_syntax_.push_back(&clause);
        }
      }
    }
  }

  std::optional<int> resolve_clause_ref(const Name& ref) {
    if (auto i = c_.find_clause(ref.value)) return i;
    std::vector<std::string> ids;
    if (!diags_.full()) {
      for (const auto& cl : c_.clauses) ids.push_back(cl.id);
    }
    error(ref.offset, Code::E401, fmt::format("unknown clause '{}'", ref.value),
          did_you_mean(ref.value, ids));
    return std::nullopt;
  }

  ExprScope scope(int action, bool allow_today) {
    ExprScope sc;
    sc.contract = &c_;
    sc.action = action;
    sc.allow_today = allow_today;
    sc.fact_ok = &fact_ok_;
    return sc;
  }

  void check_dates(const RuleFileSyntax& s) {
    // Type-check each named date; record which named dates it uses.
    std::vector<std::vector<int>> uses(s.dates.size());
    std::vector<bool> ok(s.dates.size(), false);
    for (std::size_t i = 0; i < s.dates.size(); ++i) {
      if (!s.dates[i].parsed) continue;
      ExprScope sc = scope(-1, false);
      sc.context = "a named date";
      sc.used_dates = &uses[i];
      if (auto e = check_expression(sc, file_, s.dates[i].expr, Type::date(), diags_)) {
        c_.dates[i].expr = std::move(*e);
        ok[i] = true;
      }
    }
    // Evaluation order: each named date after those it uses. A cycle is
    // reported once, naming its path; its dates are left unevaluated.
    GraphWalk walk = walk_graph(uses);
    if (!walk.cycles.empty()) {
      const auto& cycle = walk.cycles.front();
      std::vector<std::string> path;
      for (int i : cycle) path.push_back(c_.dates[i].name);
      error(c_.dates[cycle[cycle.size() - 2]].offset, Code::E405,
            fmt::format("named dates depend on each other in a cycle: {}", fmt::join(path, " -> ")),
            "define one of them with a date literal");
      for (int i : cycle) ok[i] = false;
    }
    c_.date_order = std::move(walk.order);
    // Constant named dates are computed now, so an out-of-range result is a
    // load-time error (E306) rather than a question-time one.
    dates_constant_.assign(s.dates.size(), false);
    constant_dates_.assign(s.dates.size(), Date::never());
    for (int i : c_.date_order) {
      if (!ok[i]) continue;
      if (!is_constant(c_.dates[i].expr, dates_constant_)) continue;
      dates_constant_[i] = true;
      if (auto d = fold_date(c_.dates[i].expr))
        constant_dates_[i] = *d;
      else
        dates_constant_[i] = false;
    }
  }

  // Evaluates a constant date expression; reports E306 when out of range.
  std::optional<Date> fold_date(const TypedExpr& e) {
    EvalEnv env;
    env.dates = constant_dates_.data();
    Value v = evaluate(e, env);
    if (env.error == EvalEnv::Error::DateOutOfRange) {
      error(env.error_at->span.begin, Code::E306,
            "this date arithmetic goes outside 0001-01-01..9999-12-31",
            "dates run from 0001-01-01 to 9999-12-31");
      return std::nullopt;
    }
    return v.d;
  }

  std::optional<Pattern> check_pattern(const ActionPattern& p) {
    return resolve_pattern(c_, file_, p, diags_);
  }

  // Checks a date bound (from / until / through); folds constants.
  std::optional<TypedExpr> check_bound(const Expr& e, std::string_view key) {
    ExprScope sc = scope(-1, false);
    sc.context = key;
    auto t = check_expression(sc, file_, e, Type::date(), diags_);
    if (t && is_constant(*t, dates_constant_)) {
      if (!fold_date(*t)) return std::nullopt;
    }
    return t;
  }

  std::optional<TypedExpr> through_to_until(std::optional<TypedExpr> t) {
    if (!t) return t;
    TypedExpr plus;
    plus.op = TypedExpr::Op::AddDays;
    plus.type = Type::date();
    plus.amount = 1;
    plus.saturate = true;  // `through: 9999-12-31` has no end: the day after is `never`
    plus.span = t->span;
    plus.operands.push_back(std::move(*t));
    if (is_constant(plus, dates_constant_) && !fold_date(plus)) return std::nullopt;
    return plus;
  }

  std::optional<TypedExpr> check_when(const Expr& e, int action) {
    ExprScope sc = scope(action, true);
    sc.context = "'when'";
    return check_expression(sc, file_, e, Type::boolean(), diags_);
  }

  std::vector<int> check_overrides(const std::vector<Name>& ids) {
    std::vector<int> out;
    for (const auto& id : ids) {
      if (auto i = resolve_clause_ref(id)) out.push_back(*i);
    }
    return out;
  }

  void check_clauses(const RuleFileSyntax&) {
    for (std::size_t i = 0; i < c_.clauses.size(); ++i) {
      const ClauseSyntax& s = *clause_syntax_[i];
      ClauseVersion& v = c_.clauses.mutable_version(i);
      v.modality = s.modality.value;
      v.offset = s.offset;
      v.kind = s.kind.value;
      v.title = s.title.value;
      v.text = s.text.value;
      v.ref = s.ref.value;
      // A pattern that did not parse was reported by the reader.
      auto pattern = s.modality.is_set() ? check_pattern(s.pattern) : std::nullopt;
      if (pattern) v.pattern = *pattern;
      if (s.when.is_set() && pattern) {
        v.when = check_when(s.when.value, pattern->action);
        v.when_action = pattern->action;
      }
      if (s.from.is_set()) v.from = check_bound(s.from.value, "'from'");
      if (s.until.is_set()) v.until = check_bound(s.until.value, "'until'");
      if (s.through.is_set()) {
        v.until = through_to_until(check_bound(s.through.value, "'through'"));
        v.until_is_through = true;
      }
      if (s.overrides.is_set()) v.overrides = check_overrides(s.overrides.value);
    }
  }

  std::optional<Date> amendment_date(const Field<Expr>& f, std::string_view key) {
    ExprScope sc = scope(-1, false);
    sc.context = key;
    auto t = check_expression(sc, file_, f.value, Type::date(), diags_);
    if (!t) return std::nullopt;
    if (!is_constant(*t, dates_constant_)) {
      error(f.offset, Code::E408,
            fmt::format("an amendment's '{}' date must not depend on facts", key),
            "amendments are ordered by their dates when the file is loaded; use a date "
            "literal or a named date made of literals");
      return std::nullopt;
    }
    auto d = fold_date(*t);
    if (d && d->is_never()) {
      error(f.offset, Code::E408, fmt::format("an amendment's '{}' date cannot be never", key));
      return std::nullopt;
    }
    return d;
  }

  // `current_when`: the `when` the clause has at this point of the amendment
  // order (nullptr: none). When the patch changes the action and gives no
  // `when`, the inherited one is checked again against the new action, so
  // its names keep their meaning (params are resolved by name, not position).
  ClausePatch check_patch(const ClauseSyntax& s, int current_action, const Expr* current_when) {
    ClausePatch p;
    p.offset = s.offset;
    int action = current_action;
    if (s.modality.is_set()) {
      if (auto pattern = check_pattern(s.pattern)) {
        p.modality = std::pair{s.modality.value, *pattern};
        action = pattern->action;
      }
    }
    p.checked_against_action = action;
    auto optional_expr = [&](const Field<Expr>& f,
                             auto check) -> std::optional<std::optional<TypedExpr>> {
      if (f.presence == Presence::Absent) return std::nullopt;
      if (f.presence == Presence::Null) return std::optional<TypedExpr>{};
      return check(f.value);
    };
    if (action >= 0) {
      p.when = optional_expr(s.when, [&](const Expr& e) { return check_when(e, action); });
      if (!p.when && action != current_action && current_when != nullptr) {
        Diagnostics recheck;
        ExprScope sc = scope(action, true);
        sc.context = "'when'";
        auto rechecked = check_expression(sc, file_, *current_when, Type::boolean(), recheck);
        if (recheck.has_errors()) {
          error(s.modality.offset, Code::E409,
                fmt::format("the amendment changes clause '{}' to action '{}', but the clause's "
                            "`when` does not fit it ({})",
                            s.id.value, c_.actions[action].name, recheck.all().front().message),
                "give the amended clause a new `when`, or `when: null`");
        }
        p.when = std::move(rechecked);
      }
    }
    p.from = optional_expr(s.from, [&](const Expr& e) { return check_bound(e, "'from'"); });
    p.until = optional_expr(s.until, [&](const Expr& e) { return check_bound(e, "'until'"); });
    if (s.through.presence != Presence::Absent) {
      p.until = optional_expr(
          s.through, [&](const Expr& e) { return through_to_until(check_bound(e, "'through'")); });
      p.until_is_through = true;
    }
    if (s.overrides.presence == Presence::Set) p.overrides = check_overrides(s.overrides.value);
    if (s.overrides.presence == Presence::Null) p.overrides = std::vector<int>{};
    auto text = [](const Field<std::string>& f) -> std::optional<std::string> {
      if (f.presence == Presence::Absent) return std::nullopt;
      return f.value;  // Null clears the text
    };
    p.kind = text(s.kind);
    p.title = text(s.title);
    p.text = text(s.text);
    p.ref = text(s.ref);
    return p;
  }

  void check_amendments(const RuleFileSyntax& s) {
    struct Pending {
      Amendment amendment;
      const AmendmentSyntax* syntax;
    };
    std::vector<Pending> pending;
    for (std::size_t a = 0; a < s.amendments.size(); ++a) {
      const AmendmentSyntax& as = s.amendments[a];
      Amendment am;
      am.id = as.id.value;
      am.title = as.title.value;
      am.text = as.text.value;
      am.file_order = a;
      am.offset = as.offset;
      auto signed_on = amendment_date(as.signed_on, "signed");
      std::optional<Date> effective = signed_on;
      if (as.effective.is_set()) effective = amendment_date(as.effective, "effective");
      if (!signed_on || !effective) continue;
      am.signed_on = *signed_on;
      am.effective = *effective;
      pending.push_back(Pending{std::move(am), &as});
    }
    std::stable_sort(pending.begin(), pending.end(), [](const Pending& x, const Pending& y) {
      return x.amendment.effective < y.amendment.effective;
    });

    // Walk the amendments in order, tracking which clauses exist and the
    // action each one is about, so `amend` is checked against the version
    // it replaces.
    std::vector<bool> exists(c_.clauses.size(), false);
    std::vector<std::string> gone_by(c_.clauses.size());
    std::vector<int> action(c_.clauses.size(), -1);
    std::vector<const Expr*> when(c_.clauses.size(), nullptr);
    for (std::size_t i = 0; i < c_.clauses.size(); ++i) {
      exists[i] = c_.clauses[i].added_by < 0;
      action[i] = c_.clauses[i].version.pattern.action;
      if (clause_syntax_[i]->when.is_set()) when[i] = &clause_syntax_[i]->when.value;
    }
    auto must_exist = [&](const Name& ref, const Amendment& am, const char* verb) -> int {
      auto i = c_.find_clause(ref.value);
      if (!i) {
        std::vector<std::string> ids;
        if (!diags_.full()) {
          for (const auto& cl : c_.clauses) ids.push_back(cl.id);
        }
        error(ref.offset, Code::E501,
              fmt::format("amendment '{}' {} clause '{}', which does not exist", am.id, verb,
                          ref.value),
              did_you_mean(ref.value, ids));
        return -1;
      }
      if (!exists[*i]) {
        // Not existing and not repealed: added by an amendment (an original
        // clause has no adder, added_by is -1).
        std::string why;
        if (!gone_by[*i].empty()) {
          why = fmt::format("it was repealed by '{}' before", gone_by[*i]);
        } else {
          const std::string& adder = s.amendments[c_.clauses[*i].added_by].id.value;
          why = adder == am.id ? std::string(
                                     "it is added by this same amendment: give its "
                                     "final form in `add`")
                               : fmt::format("it is only added later, by '{}'", adder);
        }
        error(ref.offset, Code::E501,
              fmt::format("amendment '{}' {} clause '{}', which does not exist at that point "
                          "({})",
                          am.id, verb, ref.value, why),
              "amendments apply in order of `effective`, ties in file order");
        return -1;
      }
      return *i;
    };
    for (std::size_t order = 0; order < pending.size(); ++order) {
      Amendment& am = pending[order].amendment;
      const AmendmentSyntax& as = *pending[order].syntax;
      for (const auto& ref : as.repeal) {
        int i = must_exist(ref, am, "repeals");
        if (i < 0) continue;
        am.repeal.push_back(i);
        exists[i] = false;
        gone_by[i] = am.id;
      }
      for (const auto& patch : as.amend) {
        int i = must_exist(patch.id, am, "amends");
        if (i < 0) continue;
        ClausePatch p = check_patch(patch, action[i], when[i]);
        if (p.modality) action[i] = p.modality->second.action;
        if (patch.when.presence == Presence::Set) when[i] = &patch.when.value;
        if (patch.when.presence == Presence::Null) when[i] = nullptr;
        am.amend.emplace_back(i, std::move(p));
      }
      for (const auto& added : as.add) {
        auto i = c_.find_clause(added.id.value);
        if (!i || c_.clauses[*i].added_by != static_cast<int>(am.file_order)) continue;
        am.add.push_back(*i);
        exists[*i] = true;
      }
      c_.amendments.push_back(std::move(am));
    }
  }

  void check_overrides_acyclic(const RuleFileSyntax&) {
    // The union of every version's overrides must be acyclic.
    std::vector<std::set<int>> edges(c_.clauses.size());
    for (std::size_t i = 0; i < c_.clauses.size(); ++i) {
      for (int j : c_.clauses[i].version.overrides) edges[i].insert(j);
    }
    for (const auto& am : c_.amendments) {
      for (const auto& [i, patch] : am.amend) {
        if (patch.overrides) edges[i].insert(patch.overrides->begin(), patch.overrides->end());
      }
    }
    std::vector<std::vector<int>> adjacency(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
      adjacency[i].assign(edges[i].begin(), edges[i].end());
    }
    GraphWalk walk = walk_graph(adjacency);
    if (walk.cycles.empty()) return;
    const auto& cycle = walk.cycles.front();
    std::vector<std::string> path;
    for (int i : cycle) path.push_back(c_.clauses[i].id);
    error(c_.clauses[cycle[cycle.size() - 2]].offset, Code::E503,
          fmt::format("clauses override each other in a cycle: {}", fmt::join(path, " -> ")),
          "a clause cannot (directly or through others) set aside a clause that sets it "
          "aside; remove one `overrides` entry");
  }

  const SourceFile& file_;
  Diagnostics& diags_;
  Contract c_;
  std::map<std::string, std::pair<NameKind, std::size_t>> names_;
  std::vector<bool> fact_ok_;
  std::vector<const ClauseSyntax*> clause_syntax_;  // parallel to c_.clauses
  std::vector<bool> dates_constant_;
  std::vector<Date> constant_dates_;
};

}  // namespace

std::optional<Contract> check_contract(const SourceFile& file, const RuleFileSyntax& syntax,
                                       Diagnostics& diags) {
  return Checker(file, diags).run(syntax);
}

}  // namespace pacta
