#pragma once
// Decisions (SPEC §3): in force -> applicable -> overrides -> verdict.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/compile/compiled_contract.hpp"
#include "engine/eval/evaluate.hpp"

namespace pacta {

// The fact values and named dates of one question, prepared once and shared
// by every instance decided under it.
struct Situation {
  std::uint64_t id = 0;  // unique per make_situation(): lets a Decider cache per-situation work
  Date on;
  std::vector<Value> facts;
  std::unique_ptr<bool[]> known;  // per fact: has a value
  std::vector<Date> dates;        // named dates, indexed like Contract::dates
};

struct SituationError {
  EvalEnv::Error error = EvalEnv::Error::None;
  const TypedExpr* at = nullptr;
  int named_date = -1;
};

// Fact values: `assumed` (fact index -> value) over defaults; an unset date
// fact is `never`; any other unset fact is unknown (an error if needed).
// Then every named date is evaluated.
std::optional<Situation> make_situation(const Contract& contract, Date on,
                                        const std::vector<std::pair<int, Value>>& assumed,
                                        SituationError& error);

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
  // Clause bounds (from/until) read only facts and named dates, so they are
  // evaluated once per situation, not once per decision.
  struct Bounds {
    Date from = Date::min();
    Date until = Date::never();
    EvalEnv::Error error = EvalEnv::Error::None;
    const TypedExpr* error_at = nullptr;
  };
  void compute_bounds(const Situation& s);

  const CompiledContract& compiled_;
  std::vector<Bounds> bounds_;        // per version
  std::uint64_t bounds_for_ = 0;      // Situation::id the bounds belong to
  std::vector<int> applicable_;       // version indices
  std::vector<unsigned> overridden_;  // per clause: epoch when set aside
  std::vector<unsigned> applies_;     // per clause: epoch when applicable
  unsigned epoch_ = 0;
};

// Every instance of `pattern` (arguments in param order, values in
// declaration order, bool false before true). nullopt when there would be
// more than `limit`.
std::optional<std::vector<std::vector<int>>> instances(const Contract& contract,
                                                       const Pattern& pattern, std::size_t limit);
std::size_t domain_size(const Contract& contract, const Type& type);

}  // namespace pacta
