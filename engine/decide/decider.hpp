#pragma once
// Decisions (SPEC §3): in force -> applicable -> overrides -> verdict.
#include <cstddef>
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
};

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

 private:
  // Clause bounds (from/until) are evaluated once per situation, not once
  // per decision.
  struct Bounds {
    Date from = Date::min();
    Date until = Date::never();
    EvalEnv::Error error = EvalEnv::Error::None;
    const TypedExpr* error_at = nullptr;
  };
  // What the bounds were computed from. The cache is keyed on the content
  // of the situation, not on its identity: a Situation is a plain struct
  // that callers may change or reuse (`pacta test` sets `on` after making
  // it), so no id or address can tell that two situations are the same.
  // Bounds read only facts and named dates (the checker allows neither
  // `date` nor params in them), so `on` is not part of the key, and
  // comparing a few facts and dates per decision costs next to nothing.
  struct BoundsInputs {
    std::vector<std::optional<Value>> facts;
    std::vector<Date> dates;
  };
  void refresh_bounds(const Situation& s);  // recomputes unless the inputs are the same
  void compute_bounds(const Situation& s);

  const CompiledContract& compiled_;
  std::vector<Bounds> bounds_;                 // per version
  std::optional<BoundsInputs> bounds_inputs_;  // nullopt: no bounds computed yet
  std::vector<int> applicable_;                // version indices
  std::vector<unsigned> overridden_;           // per clause: epoch when set aside
  std::vector<unsigned> applies_;              // per clause: epoch when applicable
  unsigned epoch_ = 0;
};

// Every instance of `pattern` (arguments in param order, values in
// declaration order, bool false before true). nullopt when there would be
// more than `limit`.
std::optional<std::vector<std::vector<int>>> instances(const Contract& contract,
                                                       const Pattern& pattern, std::size_t limit);
std::size_t domain_size(const Contract& contract, const Type& type);

}  // namespace pacta
