#pragma once
// Shared helpers for the engine's unit tests (test_decide_*, test_check_*,
// test_question_*): load a rule file from inline YAML, ask a question of it,
// and look diagnostics up by code and position.
#include <catch2/catch.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "engine/decide/question.hpp"
#include "engine/load.hpp"
#include "engine/model/contract.hpp"
#include "grammar/date.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/limits.hpp"

namespace pacta::fixture {

inline Date day(std::string_view text) {
  auto d = Date::parse(text);
  INFO("date literal in a test: " << std::string(text));
  REQUIRE(d.has_value());
  return *d;
}

// One line per diagnostic: `LINE:COL CODE message | help`, for INFO output.
inline std::string describe(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.all()) {
    if (d.has_position) {
      out += std::to_string(d.position.line) + ":" + std::to_string(d.position.column) + " ";
    }
    out += std::string(code_name(d.code)) + " " + d.message;
    if (!d.help.empty()) out += " | " + d.help;
    out += "\n";
  }
  return out;
}

struct Loaded {
  Diagnostics diags;
  std::optional<LoadedContract> result;

  bool ok() const { return result.has_value() && !diags.has_errors(); }
  const Contract& contract() const {
    REQUIRE(result.has_value());
    return result->contract;
  }
  std::string report() const { return describe(diags); }
};

inline std::unique_ptr<Loaded> load(std::string yaml) {
  auto l = std::make_unique<Loaded>();
  l->result = load_contract_text("test.yaml", std::move(yaml), Limits{}, l->diags);
  return l;
}

// Loads text that must be a valid contract.
inline std::unique_ptr<Loaded> load_ok(std::string yaml) {
  auto l = load(std::move(yaml));
  INFO(l->report());
  REQUIRE(l->ok());
  return l;
}

// The diagnostics with this code.
inline std::vector<const Diagnostic*> with_code(const Diagnostics& diags, Code code) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : diags.all()) {
    if (d.code == code) out.push_back(&d);
  }
  return out;
}

// True when some diagnostic has this code, position and a message that
// contains `message_part`.
inline bool has_diag(const Diagnostics& diags, Code code, std::uint32_t line, std::uint32_t column,
                     std::string_view message_part) {
  for (const auto& d : diags.all()) {
    if (d.code == code && d.has_position && d.position.line == line &&
        d.position.column == column && d.message.find(message_part) != std::string::npos) {
      return true;
    }
  }
  return false;
}

inline bool has_help(const Diagnostics& diags, Code code, std::string_view help_part) {
  for (const auto& d : diags.all()) {
    if (d.code == code && d.help.find(help_part) != std::string::npos) return true;
  }
  return false;
}

// The answer to one question, with clause ids instead of indices.
struct Answer {
  bool ok = false;      // false: the decision failed (see error)
  std::string verdict;  // "permitted", "forbidden", "obligatory", "conflict"
  bool is_default = false;
  std::vector<std::string> by;
  std::vector<std::string> overridden;
  DecisionError error;         // error.at points into a compiled contract that is gone: use below
  int missing_fact = -1;       // the fact of a MissingFact error (error.at's index)
  bool error_at_fact = false;  // error.at was a Fact node
  SituationError situation_error;
  bool situation_failed = false;
};

struct Question {
  Question(std::string pattern_, std::string on_, std::vector<std::string> assume_ = {},
           std::optional<std::string> as_agreed_on_ = std::nullopt)
      : pattern(std::move(pattern_)),
        on(std::move(on_)),
        assume(std::move(assume_)),
        as_agreed_on(std::move(as_agreed_on_)) {}
  std::string pattern;              // every param bound
  std::string on;                   // YYYY-MM-DD
  std::vector<std::string> assume;  // NAME=VALUE
  std::optional<std::string> as_agreed_on;
};

inline std::vector<std::string> clause_ids(const Contract& c, const std::vector<int>& indices) {
  return c.clauses.ids(indices);
}

// Resolves a fully bound pattern to (action, args).
inline std::pair<int, std::vector<int>> instance(const Contract& c, std::string_view text) {
  Diagnostics diags;
  auto pattern = parse_question_pattern(c, text, Limits{}, diags);
  INFO("pattern " << std::string(text) << "\n" << describe(diags));
  REQUIRE(pattern.has_value());
  for (int v : pattern->arg_values) REQUIRE(v >= 0);
  return {pattern->action, pattern->arg_values};
}

inline std::vector<std::pair<int, Value>> assumptions(const Contract& c,
                                                      const std::vector<std::string>& texts) {
  std::vector<std::pair<int, Value>> out;
  for (const auto& t : texts) {
    Diagnostics diags;
    auto a = parse_assumption(c, t, "--assume", Limits{}, diags);
    INFO("assumption " << t << "\n" << describe(diags));
    REQUIRE(a.has_value());
    out.push_back(*a);
  }
  return out;
}

inline Answer ask(const Contract& c, const Question& q) {
  Answer out;
  Scenario scenario;
  if (q.as_agreed_on) scenario.as_agreed_on = day(*q.as_agreed_on);
  CompiledContract compiled(c, scenario);
  auto [action, args] = instance(c, q.pattern);
  auto situation = make_situation(c, day(q.on), assumptions(c, q.assume), out.situation_error);
  if (!situation) {
    out.situation_failed = true;
    return out;
  }
  Decider decider(compiled);
  Decision d;
  out.ok = decider.decide(*situation, action, args, d, out.error);
  if (!out.ok) {
    if (out.error.at != nullptr && out.error.at->op == TypedExpr::Op::Fact) {
      out.error_at_fact = true;
      out.missing_fact = out.error.at->index;
    }
    out.error.at = nullptr;
    return out;
  }
  out.verdict = verdict_name(d.verdict);
  out.is_default = d.is_default;
  out.by = clause_ids(c, d.by);
  out.overridden = clause_ids(c, d.overridden);
  return out;
}

inline Answer ask(const Loaded& l, const Question& q) { return ask(l.contract(), q); }

using Ids = std::vector<std::string>;

inline std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

inline const char* error_name(EvalEnv::Error e) {
  switch (e) {
    case EvalEnv::Error::None:
      return "none";
    case EvalEnv::Error::MissingFact:
      return "missing fact";
    case EvalEnv::Error::DateOutOfRange:
      return "date out of range";
    case EvalEnv::Error::DivisionByZero:
      return "division by zero";
    case EvalEnv::Error::NumberTooLarge:
      return "number too large";
  }
  return "?";
}

// The whole answer in one comparable line, so that one CHECK asserts the
// verdict, `by`, `overridden` and the default flag together:
//   "forbidden by [a, b]", "permitted by [x] overridden [y]",
//   "permitted (default)", "error: missing fact approved in clause c".
inline std::string summary(const Contract& c, const Answer& a) {
  if (a.situation_failed) {
    std::string out = std::string("situation error: ") + error_name(a.situation_error.error);
    if (a.situation_error.named_date >= 0) {
      out +=
          " in named date " + c.dates[static_cast<std::size_t>(a.situation_error.named_date)].name;
    }
    return out;
  }
  if (!a.ok) {
    std::string out = std::string("error: ") + error_name(a.error.error);
    if (a.error.error == EvalEnv::Error::MissingFact && a.missing_fact >= 0) {
      out += " " + c.facts[static_cast<std::size_t>(a.missing_fact)].name;
    }
    if (a.error.clause >= 0)
      out += " in clause " + c.clauses[static_cast<std::size_t>(a.error.clause)].id;
    return out;
  }
  std::string out = a.verdict;
  if (a.is_default) out += " (default)";
  if (!a.by.empty() || !a.is_default) out += " by [" + join(a.by) + "]";
  if (!a.overridden.empty()) out += " overridden [" + join(a.overridden) + "]";
  return out;
}

// Asks and summarises: CHECK(said(*l, {"act", "2025-01-01"}) == "forbidden by [c]").
inline std::string said(const Loaded& l, const Question& q) {
  return summary(l.contract(), ask(l, q));
}

// The head of a contract for conditional answers (SPEC §7.3): a bool, an
// enum and a number fact without a default, a bool with one, and one
// action with a party param; the clauses follow.
inline const char* const kConditionalHead = R"(pacta: 1
contract: deal
parties: [acme, globex]
types:
  tier: [gold, silver, bronze]
facts:
  approved: {type: bool}
  level: {type: tier}
  rate: {type: number}
  known: {type: bool, default: true}
actions:
  ship: {params: {to: party}}
clauses:
)";

}  // namespace pacta::fixture
