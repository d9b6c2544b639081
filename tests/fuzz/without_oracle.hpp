#pragma once
// `--without` and `--with` against editing the rule file by hand (SPEC
// §7.1, issue 12):
// a generated contract compiled without one of its amendments answers every
// question as the same contract written without that amendment; and the
// engine finds a conflict (a later amendment needs the one left out) exactly
// when the hand-edited file does not load; and a contract split into a rule
// file and a file of amendments (`--with`) answers as the whole file. Used
// by fuzz_decide and by tests/unit/test_whatif_without.cpp and
// test_whatif_with.cpp.
#include <algorithm>
#include <string>
#include <vector>

#include "decide_generator.hpp"
#include "decide_model.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/compile/without.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/instances.hpp"
#include "engine/load.hpp"

namespace pacta::oracle {

// The decision as text with clause ids (indices differ between the two
// contracts: the edited one numbers its added clauses without the skipped
// amendment's), sorted.
inline std::string decision_text(const Contract& c, bool ok, const Decision& d,
                                 const DecisionError& e) {
  if (!ok) {
    return "error " + std::to_string(static_cast<int>(e.error)) + " in " +
           (e.clause >= 0 ? c.clauses[e.clause].id : std::string("-"));
  }
  auto ids = [&](const std::vector<int>& v) {
    std::vector<std::string> out;
    for (int i : v) out.push_back(c.clauses[i].id);
    std::sort(out.begin(), out.end());
    std::string s;
    for (const auto& id : out) s += " " + id;
    return s;
  };
  return std::string(verdict_name(d.verdict)) + (d.is_default ? " (default)" : "") + " by" +
         ids(d.by) + " aside" + ids(d.overridden);
}

// Empty when contract `c` in scenario `sc` and `e` in `se` decide every
// instance on every day of kOn alike in question `q`'s situation; else
// what differs (`x` and `y` name the two sides).
inline std::string answers_disagreement(const Contract& c, const Scenario& sc, const Contract& e,
                                        const Scenario& se, const fuzz::generated::Question& q,
                                        const char* x, const char* y) {
  namespace gen = fuzz::generated;
  const CompiledContract a(c, sc), b(e, se);
  Decider da(a), db(b);
  SituationError sa, sb;
  auto s1 = make_situation(c, Date::min(), gen::assumptions(c, q), sa);
  auto s2 = make_situation(e, Date::min(), gen::assumptions(e, q), sb);
  if (s1.has_value() != s2.has_value()) return "the situations differ\n";
  if (!s1) return {};
  for (const auto& on : gen::kOn) {
    const bool u1 = update_situation(c, *s1, on.date(), gen::assumptions(c, q), sa);
    const bool u2 = update_situation(e, *s2, on.date(), gen::assumptions(e, q), sb);
    if (u1 != u2) return "the situations on " + on.date().to_string() + " differ\n";
    if (!u1) continue;
    for (std::size_t act = 0; act < c.actions.size(); ++act) {
      const Pattern any{static_cast<int>(act), std::vector<int>(c.actions[act].params.size(), -1)};
      for (InstanceOdometer it(c, any); !it.done(); it.next()) {
        Decision dx, dy;
        DecisionError ex, ey;
        const bool okx = da.decide(*s1, static_cast<int>(act), it.args(), dx, ex);
        const bool oky = db.decide(*s2, static_cast<int>(act), it.args(), dy, ey);
        const std::string tx = decision_text(c, okx, dx, ex), ty = decision_text(e, oky, dy, ey);
        if (tx != ty) {
          return "on " + on.date().to_string() + " action " + c.actions[act].name + ": " + x +
                 " gives " + tx + ", " + y + " " + ty + "\n";
        }
      }
    }
  }
  return {};
}

// The file a user edits by hand to delete amendment `skip`: without it, and
// without the references to the clauses it added in other clauses'
// `overrides` (which would no longer load; for --without such an override
// sets aside a clause never in force, which changes nothing).
inline std::string edited_yaml(const fuzz::generated::Model& m, int skip) {
  fuzz::generated::Model e = m;
  const std::vector<int>& gone = m.amendments[skip].add;
  auto strip = [&](std::vector<int>& ids) {
    ids.erase(
        std::remove_if(ids.begin(), ids.end(),
                       [&](int i) { return std::find(gone.begin(), gone.end(), i) != gone.end(); }),
        ids.end());
  };
  for (auto& v : e.clauses) strip(v.overrides);
  for (auto& am : e.amendments) {
    for (auto& [clause, patch] : am.amend) {
      if (patch.overrides) strip(*patch.overrides);
    }
  }
  return fuzz::generated::write_yaml(e, true, skip);
}

// Empty when `--without a<dropped>` and the edited file agree on every
// instance on every day of kOn, in each question's situation and scenario;
// else what differs.
inline std::string without_disagreement(const fuzz::generated::Model& m, int dropped,
                                        const std::vector<fuzz::generated::Question>& questions) {
  namespace gen = fuzz::generated;
  const std::string all_yaml = gen::write_yaml(m, true);
  const std::string edited_text = edited_yaml(m, dropped);
  Diagnostics d1, d2;
  auto all = load_contract_text("generated.yaml", all_yaml, Limits{}, d1);
  if (!all || d1.has_errors()) return "the generated contract does not load\n" + all_yaml;
  auto edited = load_contract_text("edited.yaml", edited_text, Limits{}, d2);
  const bool edited_loads = edited && !d2.has_errors();
  const Contract& c = all->contract;
  const auto id = c.find_amendment("a" + std::to_string(dropped));
  if (!id) return "no amendment a" + std::to_string(dropped);
  Scenario everything;
  everything.without = {*id};
  const auto conflict = find_without_conflict(c, everything);
  const std::string context =
      all_yaml + "\nwithout a" + std::to_string(dropped) + "\nedited:\n" + edited_text + "\n";
  if (conflict.has_value() == edited_loads) {
    return context + (edited_loads ? "a conflict is found, but the edited file loads\n"
                                   : "no conflict is found, but the edited file does not load\n");
  }
  if (!edited_loads) return {};
  const Contract& e = edited->contract;
  for (const gen::Question& q : questions) {
    Scenario with_all, without;
    if (gen::kAgreed[q.agreed]) with_all.as_agreed_on = gen::kAgreed[q.agreed]->date();
    without = with_all;
    without.without = {*id};
    if (find_without_conflict(c, without)) continue;  // not agreed yet: checked above
    const std::string differs =
        answers_disagreement(c, without, e, with_all, q, "--without", "the edited file");
    if (!differs.empty()) return context + differs;
  }
  return {};
}

// The generated contract split in two: amendments a0..a<k-1> in the rule
// file, the rest in a file of amendments. Empty when the rule file
// `--with` that file answers every question as the whole file; else what
// differs. Both have the same ids, so the scenarios are the same.
inline std::string with_disagreement(const fuzz::generated::Model& m, std::size_t k,
                                     const std::vector<fuzz::generated::Question>& questions) {
  namespace gen = fuzz::generated;
  const std::string all_yaml = gen::write_yaml(m, true);
  const std::string item = "\n  - id: a" + std::to_string(k) + "\n";
  const std::size_t at = all_yaml.find(item);
  if (at == std::string::npos) return "no amendment a" + std::to_string(k) + "\n" + all_yaml;
  std::string rule = all_yaml.substr(0, at + 1);
  const std::string with = "pacta-amendments: 1\namendments:\n" + all_yaml.substr(at + 1);
  if (rule.ends_with("amendments:\n"))
    rule.resize(rule.size() - std::string("amendments:\n").size());
  const std::string context = all_yaml + "\nsplit before a" + std::to_string(k) + "\n";
  Diagnostics d1, d2;
  auto all = load_contract_text("generated.yaml", all_yaml, Limits{}, d1);
  if (!all || d1.has_errors()) return "the generated contract does not load\n" + all_yaml;
  std::vector<SourceFile> sources;
  sources.emplace_back("rule.yaml", rule);
  sources.emplace_back("with.yaml", with);
  auto split = load_contract_sources(std::move(sources), Limits{}, d2);
  if (!split || d2.has_errors()) {
    return context + "the split does not load: " +
           (d2.all().empty() ? std::string("?") : d2.all().front().message) + "\n";
  }
  for (const gen::Question& q : questions) {
    Scenario s;
    if (gen::kAgreed[q.agreed]) s.as_agreed_on = gen::kAgreed[q.agreed]->date();
    const std::string differs =
        answers_disagreement(split->contract, s, all->contract, s, q, "--with", "the whole file");
    if (!differs.empty()) return context + differs;
  }
  return {};
}

}  // namespace pacta::oracle
