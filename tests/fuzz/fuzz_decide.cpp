// fuzz_decide: the input bytes choose a small contract (clauses, amendments,
// patterns, conditions, bounds, overrides, defaults, YAML styles) from fixed
// menus; the generator writes it as a rule file, loads it through the whole
// pipeline, and decides a few questions. Every decision is compared with a
// reference decider written from language.md §7 on the generator's own model
// (no engine code: dates are day numbers, conditions are C++ functions).
// The model is decide_model.hpp, the generator decide_generator.hpp, the
// reference reference_decider.hpp; this file runs the engine and compares.
//
// Properties (abort on violation):
//  - a generated contract loads without diagnostics (else the generator or
//    the loader is wrong);
//  - the engine's decision (or its failure: a missing fact, division by
//    zero, date arithmetic out of range) equals the reference's;
//  - conflict iff `by` has both a forbid and an oblige; is_default iff `by`
//    is empty, and then the verdict is the action's or contract's default;
//    no overridden clause is in `by`;
//  - deciding the same question twice gives the same decision;
//  - as agreed before every amendment's signature, the contract answers as
//    the same contract written without its amendments;
//  - without one of its amendments (--without), it answers every instance
//    on every day as the file edited by hand to delete that amendment, and
//    a conflict is found exactly when that file does not load
//    (without_oracle.hpp);
//  - split into a rule file and a file of amendments (--with), it answers
//    every instance on every day as the whole file;
//  - with flag, count and tier left unknown (SPEC §7.3), the cases of the
//    conditional answer equal the reference asked once per value (count
//    at each integer from 0 to 8, around its thresholds): exactly one case covers each
//    value and has the reference's decision.
#include <algorithm>
#include <array>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "decide_generator.hpp"
#include "decide_model.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/situation.hpp"
#include "engine/whatif/conditional.hpp"
#include "fuzz_common.hpp"
#include "reference_decider.hpp"
#include "without_oracle.hpp"

using namespace pacta;
using namespace pacta::fuzz::generated;
using pacta::fuzz::Bytes;

namespace {

// ---------------------------------------------------------------- the engine

struct Engine {
  std::optional<LoadedContract> loaded;
  std::map<int, std::unique_ptr<CompiledContract>> compiled;  // by kAgreed index; -1: Date::min()
  std::map<int, std::unique_ptr<Decider>> deciders;

  Decider& decider(int agreed) {
    auto& d = deciders[agreed];
    if (!d) {
      Scenario s;
      if (agreed < 0)
        s.as_agreed_on = Date::min();
      else if (kAgreed[agreed])
        s.as_agreed_on = kAgreed[agreed]->date();
      auto& c = compiled[agreed];
      c = std::make_unique<CompiledContract>(loaded->contract, s);
      d = std::make_unique<Decider>(*c);
    }
    return *d;
  }
};

void load(Engine& e, const std::string& yaml) {
  Diagnostics diags;
  e.loaded = load_contract_text("generated.yaml", yaml, Limits{}, diags);
  if (!e.loaded || diags.has_errors()) {
    std::string detail = yaml + "\n";
    for (const Diagnostic& d : diags.all()) detail += render_text(d, false);
    fuzz::fail("a generated contract loads", detail, __FILE__, __LINE__);
  }
}

struct Outcome {
  bool situation_error = false;
  bool error = false;
  Decision decision;
};

Outcome decide(Engine& e, const Question& q, int agreed) {
  const Contract& c = e.loaded->contract;
  const std::vector<std::pair<int, Value>> assumed = assumptions(c, q);
  Outcome out;
  SituationError serr;
  auto situation = make_situation(c, q.on.date(), assumed, serr);
  if (!situation) {
    out.situation_error = true;
    return out;
  }
  const int action = *c.find_action(kActionNames[q.action]);
  const std::vector<int> args(q.args.begin(), q.args.begin() + kParamCount[q.action]);
  Decider& decider = e.decider(agreed);
  DecisionError derr;
  out.error = !decider.decide(*situation, action, args, out.decision, derr);
  // Deciding again (scratch space reused) gives the same answer.
  Decision again;
  DecisionError derr2;
  const bool error2 = !decider.decide(*situation, action, args, again, derr2);
  PACTA_FUZZ_CHECK(error2 == out.error, "deciding twice: error differs");
  if (!out.error) {
    PACTA_FUZZ_CHECK(again.verdict == out.decision.verdict && again.by == out.decision.by &&
                         again.overridden == out.decision.overridden &&
                         again.is_default == out.decision.is_default,
                     "deciding twice: decision differs");
  } else {
    PACTA_FUZZ_CHECK(derr.error != EvalEnv::Error::None && derr.at != nullptr,
                     "decision error without a kind or location");
  }
  return out;
}

std::string describe(const Question& q, int agreed) {
  std::string s = "question: action " + std::string(kActionNames[q.action]) + " args " +
                  std::to_string(q.args[0]) + "," + std::to_string(q.args[1]) + " on " +
                  q.on.date().to_string() + " flag " + std::to_string(q.flag) + " count " +
                  std::to_string(q.count) + " tier " + std::to_string(q.tier) + " event " +
                  std::to_string(q.event) + " ends " + std::to_string(q.ends) + " agreed " +
                  std::to_string(agreed);
  return s;
}

std::string ids(const std::vector<int>& v) {
  std::string s = "[";
  for (int i : v) s += " c" + std::to_string(i);
  return s + " ]";
}

void compare(const Outcome& got, const Expected& want, const std::string& context) {
  PACTA_FUZZ_CHECK(got.situation_error == want.situation_error, context);
  if (want.situation_error) return;
  PACTA_FUZZ_CHECK(got.error == want.error, context);
  if (want.error) return;
  const Decision& d = got.decision;
  const std::string detail = context + "\nengine: " + verdict_name(d.verdict) + " by " + ids(d.by) +
                             " overridden " + ids(d.overridden) +
                             "\nreference: " + verdict_name(want.verdict) + " by " + ids(want.by) +
                             " overridden " + ids(want.overridden);
  PACTA_FUZZ_CHECK(d.verdict == want.verdict, detail);
  PACTA_FUZZ_CHECK(d.is_default == want.is_default, detail);
  PACTA_FUZZ_CHECK(d.by == want.by, detail);
  PACTA_FUZZ_CHECK(d.overridden == want.overridden, detail);
}

// The invariants of a decision that need no reference.
void check_invariants(const Model& m, const Decision& d, const Expected& want, int action,
                      const std::string& context) {
  bool forbid = false, oblige = false;
  for (int i : d.by) {
    PACTA_FUZZ_CHECK(i >= 0 && static_cast<std::size_t>(i) < m.clauses.size(), context);
    forbid = forbid || want.modality[i] == kForbid;
    oblige = oblige || want.modality[i] == kOblige;
    PACTA_FUZZ_CHECK(!std::binary_search(d.overridden.begin(), d.overridden.end(), i), context);
  }
  PACTA_FUZZ_CHECK((d.verdict == Verdict::Conflict) == (forbid && oblige), context);
  PACTA_FUZZ_CHECK(d.is_default == d.by.empty(), context);
  if (d.is_default) {
    const int fallback =
        m.action_default[action] >= 0 ? m.action_default[action] : std::max(m.contract_default, 0);
    PACTA_FUZZ_CHECK(d.verdict == (fallback == 1 ? Verdict::Forbidden : Verdict::Permitted),
                     context);
  }
  PACTA_FUZZ_CHECK(std::is_sorted(d.by.begin(), d.by.end()), context);
  PACTA_FUZZ_CHECK(std::is_sorted(d.overridden.begin(), d.overridden.end()), context);
}

// flag, count and tier unknown: the conditional answer against the
// reference once per value. Skipped where the engine refuses to split (a
// number used non-linearly) or a decision fails (a date out of range).
void check_conditional(Engine& e, const Model& m, const Question& q, const std::string& context) {
  const Contract& c = e.loaded->contract;
  Question base = q;
  base.flag = base.count = base.tier = -1;
  SituationError serr;
  auto situation = make_situation(c, q.on.date(), assumptions(c, base), serr);
  if (!situation) return;
  const int flag = *c.find_fact("flag"), count = *c.find_fact("count"), tier = *c.find_fact("tier");
  forget_facts(c, *situation, {flag, count});  // tier has no default
  const int action = *c.find_action(kActionNames[q.action]);
  const std::vector<int> args(q.args.begin(), q.args.begin() + kParamCount[q.action]);
  Decider& decider = e.decider(q.agreed);
  const CompiledContract& compiled = *e.compiled[q.agreed];
  const UnknownAnalysis analysis = analyze_unknown_facts(compiled, *situation, {action}, 4096);
  if (analysis.problem) return;
  ConditionalDecision cases;
  DecisionError derr;
  if (!decide_cases(compiled, decider, *situation, analysis.facts, action, args, cases, derr)) {
    return;
  }
  std::optional<int> agreed;
  if (kAgreed[q.agreed]) agreed = kAgreed[q.agreed]->day();
  for (int f = 0; f < 2; ++f) {
    for (int t = 0; t < 3; ++t) {
      for (int n = 0; n <= 8; ++n) {  // Question::count -1 is "not assumed"
        Question v = base;
        v.flag = f;
        v.tier = t;
        v.count = n;
        const Expected want = reference(m, v, agreed, true);
        const std::string where = context + "\nunknown flag, count, tier; at flag " +
                                  std::to_string(f) + " tier " + std::to_string(t) + " count " +
                                  std::to_string(n);
        PACTA_FUZZ_CHECK(!want.situation_error && !want.error, where + ": the reference fails");
        int covering = 0;
        for (const auto& k : cases.cases) {
          const bool in = std::all_of(k.given.begin(), k.given.end(), [&](const Given& g) {
            if (g.fact == flag) return covers(g, Value::boolean(f == 1));
            if (g.fact == tier) return covers(g, Value::member(t));
            return g.fact == count && covers(g, Value::number(Number(n)));
          });
          if (!in) continue;
          ++covering;
          const Decision& d = k.outcome;
          PACTA_FUZZ_CHECK(d.verdict == want.verdict && d.is_default == want.is_default &&
                               d.by == want.by && d.overridden == want.overridden,
                           where + ": the covering case differs from the reference");
        }
        PACTA_FUZZ_CHECK(covering == 1, where + ": not exactly one case covers the value");
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;  // the model uses a few hundred bytes at most
  Bytes in(data, size);
  const Model model = make_model(in);
  const std::string yaml = write_yaml(model, true);
  Engine full;
  load(full, yaml);
  PACTA_FUZZ_CHECK(full.loaded->contract.clauses.size() == model.clauses.size(), yaml);
  for (std::size_t i = 0; i < model.clauses.size(); ++i) {
    PACTA_FUZZ_CHECK(full.loaded->contract.find_clause("c" + std::to_string(i)) ==
                         std::optional<int>(static_cast<int>(i)),
                     yaml);
  }
  static const bool verbose = std::getenv("PACTA_FUZZ_VERBOSE") != nullptr;
  if (verbose) std::fprintf(stderr, "----\n%s", yaml.c_str());
  Engine plain;  // the same contract without its amendments
  const bool has_amendments = !model.amendments.empty();
  if (has_amendments) load(plain, write_yaml(model, false));

  const unsigned questions = 1 + in.pick(6);
  for (unsigned k = 0; k < questions; ++k) {
    const Question q = make_question(in);
    std::optional<int> agreed;
    if (kAgreed[q.agreed]) agreed = kAgreed[q.agreed]->day();
    const std::string context = yaml + "\n" + describe(q, q.agreed);
    const Outcome got = decide(full, q, q.agreed);
    const Expected want = reference(model, q, agreed, true);
    if (verbose) {
      std::fprintf(stderr, "%s -> %s%s by %s\n", describe(q, q.agreed).c_str(),
                   want.situation_error ? "situation error"
                   : want.error         ? "error"
                                        : verdict_name(want.verdict),
                   want.is_default ? " (default)" : "", ids(want.by).c_str());
    }
    compare(got, want, context);
    if (!got.situation_error && !got.error) {
      check_invariants(model, got.decision, want, q.action, context);
    }
    check_conditional(full, model, q, context);
    if (!has_amendments) continue;
    // As agreed before every signature == without amendments.
    const Outcome before = decide(full, q, -1);
    const Outcome without = decide(plain, q, 0);
    PACTA_FUZZ_CHECK(
        before.situation_error == without.situation_error && before.error == without.error,
        context + "\nas agreed on 0001-01-01 vs without amendments: errors");
    if (!before.situation_error && !before.error) {
      const Decision& x = before.decision;
      const Decision& y = without.decision;
      PACTA_FUZZ_CHECK(x.verdict == y.verdict && x.is_default == y.is_default && x.by == y.by &&
                           x.overridden == y.overridden,
                       context + "\nas agreed on 0001-01-01 vs without amendments");
    }
    compare(without, reference(model, q, std::nullopt, false), context + "\n(no amendments)");
  }
  if (has_amendments) {
    // --without one amendment == the file edited by hand to delete it.
    const int dropped = static_cast<int>(in.pick(static_cast<unsigned>(model.amendments.size())));
    const std::string differs =
        pacta::oracle::without_disagreement(model, dropped, {make_question(in)});
    PACTA_FUZZ_CHECK(differs.empty(), differs);
    // --with: the amendments from one on moved to a file of amendments ==
    // the whole file.
    const std::size_t split = in.pick(static_cast<unsigned>(model.amendments.size()));
    const std::string split_differs =
        pacta::oracle::with_disagreement(model, split, {make_question(in)});
    PACTA_FUZZ_CHECK(split_differs.empty(), split_differs);
  }
  return 0;
}
