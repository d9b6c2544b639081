#pragma once
// Explanations (SPEC §8): why an action instance's answer on a date is what
// it is, clause by clause. The decision itself is the Decider's (so an
// explanation's verdict is `ask`'s by construction); this adds, for every
// clause about the action, its part in that decision: deciding, set aside by
// an override, applying but outweighed (a prohibition prevails over a
// permission), or the first reason it did not apply. Beside the hot path:
// nothing here is used by a decision.
#include <optional>
#include <vector>

#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/situation.hpp"
#include "engine/explain/trace.hpp"
#include "engine/whatif/conditional.hpp"

namespace pacta {

enum class ClauseRole { Deciding, SetAside, Outweighed, NotApplicable };

// Why a clause about the action did not apply, the first reason in the
// order of the decision steps (language.md §7).
enum class Reason {
  None,             // it applied (role is not NotApplicable)
  NotSigned,        // the amendment that adds it is signed after --as-agreed-on
  LeftOut,          // the amendment that adds it is left out (--without)
  AddedLater,       // added (or re-enacted) by `amendment`, effective `date`, after the day
  Repealed,         // repealed by `amendment`, effective `date`, on or before the day
  OtherAction,      // the version in force on the day is about another action
  BeforeFrom,       // the day is before its `from` (`date`)
  AtOrAfterUntil,   // the day is at or after its `until` (or after its `through`)
  PatternMismatch,  // param `param` is `wanted` in the pattern, `got` in the instance
  WhenFalse,        // its `when` is false (`false_part` the smallest false part)
  Fails,            // a bound or its `when` cannot be evaluated (`error`)
};

// A `from`, `until` or `through` of the version, as written and as a day.
struct BoundExplanation {
  const TypedExpr* expr = nullptr;
  bool through = false;     // written as `through`; `day` is then the last day
  std::optional<Date> day;  // nullopt: it cannot be evaluated (`error` says why)
  EvalEnv::Error error = EvalEnv::Error::None;
};

struct ClauseExplanation {
  int clause = -1;
  ClauseRole role = ClauseRole::NotApplicable;
  Reason reason = Reason::None;
  // The version in force on the day (or, for AddedLater, the one that
  // will be; for Repealed, the last one), nullptr when there is none.
  const ClauseVersion* version = nullptr;
  int made_by = -1;  // the amendment that made `version`; -1: the original
  Date version_start = Date::min();
  Date version_end = Date::never();  // exclusive
  std::optional<BoundExplanation> from, until;
  std::optional<TracedExpr> when;  // traced where the decision reads it
  std::vector<int> false_path;     // WhenFalse: operand indices from `when` to its false part
  std::vector<int> set_aside_by;   // SetAside: the applying clauses that override it
  int amendment = -1;              // NotSigned, LeftOut, AddedLater, Repealed
  Date date;                       // AddedLater/Repealed: effective; NotSigned: signed; bounds
  int param = -1, wanted = -1, got = -1;  // PatternMismatch
  EvalEnv::Error error = EvalEnv::Error::None;
};

struct InstanceExplanation {
  int action = -1;
  std::vector<int> args;
  Date on;
  Decision decision;
  enum class DefaultOf { None, Action, Contract };
  DefaultOf default_of = DefaultOf::None;
  // Every clause about the action once: the deciding ones, then those set
  // aside, those outweighed, and those that did not apply, each group in
  // clause order.
  std::vector<ClauseExplanation> clauses;
};

// The clauses that some version (original, amended, added or re-enacted,
// in any scenario) puts on `action`, ascending.
std::vector<int> clauses_about(const Contract& contract, int action);

// The clauses about one action and their versions in one compiled
// scenario: found once per action, then read by every explanation of its
// instances (an explanation costs the clauses about its action, not the
// contract).
struct ActionClauses {
  int action = -1;
  std::vector<int> clauses;                // clauses_about(action)
  std::vector<std::vector<int>> versions;  // per clause: its versions, in the order made
};
ActionClauses action_clauses(const CompiledContract& compiled, int action);

// The explanation of one instance of `about.action` in one situation (all
// facts it reads known). False and `error` set when the decision fails (as
// `ask` would).
bool explain_instance(const CompiledContract& compiled, const Situation& s, Decider& decider,
                      const ActionClauses& about, const std::vector<int>& args,
                      InstanceExplanation& out, DecisionError& error);

// The part of a traced `when` that `path` leads to.
const TracedExpr& traced_at(const TracedExpr& root, const std::vector<int>& path);

// An explanation per case of the unknown facts `facts` (SPEC §7.3), merged
// as `ask` merges its cases (one case with no `given` when none is
// unknown). Each case is explained in the situation of its first
// combination of cells.
struct ExplainedCase {
  std::vector<Given> given;
  InstanceExplanation explanation;
};
bool explain_cases(const CompiledContract& compiled, Decider& decider, const Situation& base,
                   const std::vector<UnknownFact>& facts, const ActionClauses& about,
                   const std::vector<int>& args, std::vector<ExplainedCase>& out,
                   DecisionError& error);

}  // namespace pacta
