#pragma once
// The state behind the public handles of include/pacta/pacta.hpp, and the
// conversions between the public values and the engine's. Only engine/api
// includes this: the public header names none of these types.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/question.hpp"
#include "engine/decide/situation.hpp"
#include "engine/load.hpp"
#include "grammar/date.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/limits.hpp"
#include "pacta/pacta.hpp"

namespace pacta::api {

struct Contract::Impl {
  LoadedContract loaded;  // never moves once here: compiled scenarios point into it
  Limits limits;
};

struct Scenario::Impl {
  Contract contract;  // keeps the contract alive
  std::optional<Date> as_agreed_on;
  std::vector<std::pair<int, Value>> assumed;  // fact declaration order
  Situation situation;                         // the assumed facts and named dates
  CompiledContract compiled;
};

struct ContractAccess {
  static const Contract::Impl& impl(const Contract& c) { return *c.impl_; }
  static Contract make(std::shared_ptr<const Contract::Impl> impl) {
    Contract c;
    c.impl_ = std::move(impl);
    return c;
  }
};

struct ScenarioAccess {
  static std::shared_ptr<const Scenario::Impl> impl(const Scenario& s) { return s.impl_; }
  static Scenario make(std::shared_ptr<const Scenario::Impl> impl) {
    Scenario s;
    s.impl_ = std::move(impl);
    return s;
  }
};

struct PatternAccess {
  static int action(const Pattern& p) { return p.action_; }
  static const std::vector<int>& args(const Pattern& p) { return p.args_; }
  static std::vector<int>& args(Pattern& p) { return p.args_; }
  static Pattern make(int action, std::vector<int> args) {
    Pattern p;
    p.action_ = action;
    p.args_ = std::move(args);
    return p;
  }
};

// The engine's diagnostics appended to `out` as public ones.
void append_diagnostics(const Diagnostics& from, std::vector<Diagnostic>& out);
::pacta::Date to_engine(api::Date d);
api::Date from_engine(::pacta::Date d);
// The answer of `d`: clause ids as views into `c`; reuses `out`'s storage.
void fill_answer(const ::pacta::Contract& c, const Decision& d, Answer& out);
// Whether `p` was resolved against `c` (its action and arity fit).
bool fits(const ::pacta::Contract& c, const Pattern& p);

}  // namespace pacta::api
