#pragma once
// The reference decider of fuzz_decide: language.md §7 written again on the
// generator's Model (decide_model.hpp), without engine code, so that its
// answers can be compared with the engine's.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <vector>

#include "decide_model.hpp"
#include "engine/decide/decider.hpp"

namespace pacta::fuzz::generated {

// ---------------------------------------------------------------- reference

struct Expected {
  bool situation_error = false;
  bool error = false;
  Verdict verdict = Verdict::Permitted;
  bool is_default = false;
  std::vector<int> by, overridden;
  std::vector<int> modality;  // per clause: modality of the version in force, -1 none
};

// language.md §7 on the model, for one question. `agreed`: as agreed on that day.
inline Expected reference(const Model& m, const Question& q, std::optional<int> agreed,
                          bool with_amendments) {
  Expected out;
  if (q.event_day() != kNever && q.after_event() > kMaxDay) {
    out.situation_error = true;  // the named date after_event is out of range
    return out;
  }
  const int on = q.on.day();
  // 1. The version of each clause on `on`.
  std::vector<std::optional<Version>> version(m.clauses.size());
  for (std::size_t i = 0; i < m.originals; ++i) version[i] = m.clauses[i];
  if (with_amendments) {
    for (int a : m.order) {
      const Amendment& am = m.amendments[a];
      if (agreed && am.signed_day() > *agreed) continue;  // does not exist
      if (am.effective_day() > on) continue;              // not yet effective
      for (int i : am.repeal) version[i].reset();
      for (const auto& [i, p] : am.amend) {
        if (version[i]) version[i] = apply(*version[i], p);
      }
      for (int i : am.add) version[i] = m.clauses[i];
    }
  }
  out.modality.assign(m.clauses.size(), -1);
  // 2. In force and applicable (bounds, then pattern, then `when`).
  std::vector<int> applicable;
  for (std::size_t i = 0; i < version.size(); ++i) {
    if (!version[i]) continue;
    const Version& v = *version[i];
    out.modality[i] = v.modality;
    if (action_of(v) != q.action) continue;
    // Both bounds of a current version are evaluated (once per situation),
    // so an error in either is an error even when the other one already
    // puts the date out of force.
    const int from = v.from >= 0 ? kBounds[v.from].value(q) : kBadDate + 1;
    int until = v.until >= 0 ? kBounds[v.until].value(q) : kNever;
    if (v.through && until != kNever && until != kBadDate) {
      until = until == kMaxDay ? kNever : until + 1;  // through the last day: no end
    }
    if (from == kBadDate || until == kBadDate) {
      out.error = true;
      continue;
    }
    if (on < from || on >= until) continue;
    const PatternItem& pattern = kPatterns[v.pattern];
    bool matches = true;
    for (int k = 0; k < kParamCount[q.action]; ++k) {
      matches = matches && (pattern.args[k] < 0 || pattern.args[k] == q.args[k]);
    }
    if (!matches) continue;
    if (v.when >= 0) {
      const Eval e = kWhens[v.when].eval(q, q.args);
      if (e != kTrue && e != kFalse) out.error = true;
      if (e != kTrue) continue;
    }
    applicable.push_back(static_cast<int>(i));
  }
  if (out.error) return out;
  // 3. Overrides, all at once.
  std::vector<bool> dropped(m.clauses.size(), false);
  for (int i : applicable) {
    for (int target : version[i]->overrides) {
      if (std::find(applicable.begin(), applicable.end(), target) != applicable.end()) {
        dropped[target] = true;
      }
    }
  }
  for (std::size_t i = 0; i < dropped.size(); ++i) {
    if (dropped[i]) out.overridden.push_back(static_cast<int>(i));
  }
  // 4. The verdict; 5. the deciding clauses.
  bool forbid = false, oblige = false, permit = false;
  for (int i : applicable) {
    if (dropped[i]) continue;
    forbid = forbid || version[i]->modality == kForbid;
    oblige = oblige || version[i]->modality == kOblige;
    permit = permit || version[i]->modality == kPermit;
  }
  if (forbid && oblige)
    out.verdict = Verdict::Conflict;
  else if (forbid)
    out.verdict = Verdict::Forbidden;
  else if (oblige)
    out.verdict = Verdict::Obligatory;
  else if (permit)
    out.verdict = Verdict::Permitted;
  else {
    const int d = m.action_default[q.action] >= 0 ? m.action_default[q.action]
                                                  : std::max(m.contract_default, 0);
    out.verdict = d == 1 ? Verdict::Forbidden : Verdict::Permitted;
    out.is_default = true;
  }
  if (!out.is_default) {
    for (int i : applicable) {
      if (dropped[i]) continue;
      const int mod = version[i]->modality;
      const bool deciding = out.verdict == Verdict::Conflict     ? mod != kPermit
                            : out.verdict == Verdict::Forbidden  ? mod == kForbid
                            : out.verdict == Verdict::Obligatory ? mod == kOblige
                                                                 : mod == kPermit;
      if (deciding) out.by.push_back(i);
    }
  }
  return out;
}

}  // namespace pacta::fuzz::generated
