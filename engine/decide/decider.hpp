#pragma once
// Decisions (language.md §7): in force -> applicable -> overrides -> verdict ->
// the answer (the deciding and the overridden clauses).
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/situation.hpp"
#include "engine/eval/evaluate.hpp"

namespace pacta {

struct Decision {
  Verdict verdict = Verdict::Permitted;
  bool is_default = false;
  std::vector<int> by;          // clause indices, ascending
  std::vector<int> overridden;  // clause indices, ascending
  friend bool operator==(const Decision& x, const Decision& y) {
    return x.verdict == y.verdict && x.is_default == y.is_default && x.by == y.by &&
           x.overridden == y.overridden;
  }
};

// Step 4 of language.md §7: the verdict from the modalities of the clauses
// that remain (applicable, not set aside); nullopt when none remains, and
// the default applies. Shared by the Decider and the Timeliner.
inline std::optional<Verdict> verdict_of(bool forbid, bool oblige, bool permit) {
  if (forbid && oblige) return Verdict::Conflict;
  if (forbid) return Verdict::Forbidden;
  if (oblige) return Verdict::Obligatory;
  if (permit) return Verdict::Permitted;
  return std::nullopt;
}

// Step 5: whether a remaining clause of modality `m` is among those that
// decided `verdict` (both sides of a conflict; none for a default).
inline bool is_deciding(Verdict verdict, bool is_default, Modality m) {
  return (verdict == Verdict::Conflict && m != Modality::Permit) ||
         (verdict == Verdict::Forbidden && m == Modality::Forbid) ||
         (verdict == Verdict::Obligatory && m == Modality::Oblige) ||
         (verdict == Verdict::Permitted && !is_default && m == Modality::Permit);
}

struct DecisionError {
  EvalEnv::Error error = EvalEnv::Error::None;
  const TypedExpr* at = nullptr;
  int clause = -1;
};

// Decides action instances of one compiled contract. Holds scratch space so
// that deciding allocates nothing once warmed up; not thread-safe.
class Decider {
 public:
  explicit Decider(const CompiledContract& compiled);

  // False (and `error` set) when a `when` or bound could not be evaluated.
  bool decide(const Situation& s, int action, const std::vector<int>& args, Decision& out,
              DecisionError& error);

  // The work of every decide() so far (Limits::max_decision_steps): per
  // decision one step, one per clause version the index gives for the
  // instance and date, and for each version in force whose pattern matches
  // one plus its overrides plus the expression nodes evaluated
  // (EvalEnv::steps).
  std::uint64_t steps() const { return steps_; }
  // An upper bound on the steps that deciding every instance of `pattern`
  // on `on` (only those involving `party`, when given) adds, computed from
  // the pattern, the versions and the size of their `when` without deciding
  // anything (O(versions on the action × params + their expression size)).
  std::uint64_t steps_bound(Date on, const Pattern& pattern, std::optional<int> party) const;

 private:
  enum class Check { No, Yes, Failed };  // Failed: `error` says what could not be evaluated

  // The steps of language.md §7, each used once per decision and only in
  // decider.cpp. `inline` (defined there) lets them fold into decide(): a
  // decision takes tens of nanoseconds, where a call per step would show.
  // Step 1: the amendments make the version current on `on`, and its own
  // bounds contain `on` (`e` from the index: its window is exact when the
  // bounds are constant; else they are evaluated for this situation).
  inline Check in_force(const IndexedVersion& e, const Situation& s, DecisionError& error);
  // Step 2: the version's pattern matches the instance and its `when` holds.
  inline Check applicable(const IndexedVersion& e, const std::vector<int>& args, EvalEnv& env,
                          DecisionError& error);
  // Steps 1 and 2 over the versions the index gives for the instance on
  // the date: fills applicable_.
  inline bool find_applicable(const Situation& s, int action, const std::vector<int>& args,
                              DecisionError& error);
  // Step 3: every applicable clause sets aside those it overrides.
  inline void set_aside_overridden(std::vector<int>& overridden);
  // Step 4: the verdict from the applicable clauses not set aside.
  inline void reach_verdict(int action, Decision& out) const;
  // Step 5: the clauses that decided the verdict; both lists ascending.
  inline void list_deciding(Decision& out) const;

  inline void start_decision();
  bool set_aside(int clause) const { return overridden_[clause] == epoch_; }

  // Bounds that read facts or named dates depending on them, evaluated
  // lazily: for a version only when a decision meets it in force by its
  // span, and once while the situation's facts and dates stay the same.
  struct Bounds {
    Date from = Date::min();
    Date until = Date::never();
    EvalEnv::Error error = EvalEnv::Error::None;
    const TypedExpr* error_at = nullptr;
  };
  // What the bounds were computed from. The cache is keyed on the content
  // of the situation, not on its identity: a Situation is a plain struct
  // that callers may change or reuse (`pacta test` sets `on` after making
  // it; a batch updates one in place), so no id or address can tell that
  // two situations are the same. Bounds read only facts and named dates
  // (the checker allows neither `date` nor params in them), so `on` is not
  // part of the key; the comparison is made at most once per decision, and
  // only by a decision that meets such a version.
  struct BoundsInputs {
    std::vector<std::optional<Value>> facts;
    std::vector<Date> dates;
  };
  inline const Bounds& bounds(int vi, const Situation& s);
  void sync_inputs(const Situation& s);
  void compute_bounds(int vi, const Situation& s);

  const CompiledContract& compiled_;
  std::vector<Bounds> bounds_;                     // per version, when not constant
  std::optional<BoundsInputs> bounds_inputs_;      // nullopt: no bounds computed yet
  std::vector<unsigned> bounds_round_;             // per version: the round its bounds are of
  unsigned round_ = 1;                             // bumped when the inputs change
  bool synced_ = false;                            // this decision compared the inputs
  std::vector<const IndexedVersion*> applicable_;  // in the compiled contract's index
  bool any_overrides_ = false;                     // some applicable version overrides
  std::vector<unsigned> overridden_;               // per clause: epoch when set aside
  std::vector<unsigned> applies_;                  // per clause: epoch when applicable
  unsigned epoch_ = 0;
  std::uint64_t steps_ = 0;
};

}  // namespace pacta
