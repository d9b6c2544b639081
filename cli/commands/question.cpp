#include "cli/commands/question.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <iterator>
#include <map>
#include <numeric>
#include <set>

#include "cli/report/values.hpp"
#include "engine/compile/without.hpp"
#include "engine/decide/instances.hpp"
#include "engine/decide/question.hpp"

namespace pacta::cli {

namespace {

// --facts first, then every --assume over it (the last of a fact wins).
bool assume_facts(const QuestionOptions& o, const Contract& c, const Limits& limits,
                  Diagnostics& diags, std::vector<std::pair<int, Value>>& out) {
  std::map<int, Value> assumed;
  if (o.facts) {
    auto from_file = load_facts_file(c, *o.facts, o.flag_prefix + "facts", limits, diags);
    if (from_file) assumed.insert(from_file->begin(), from_file->end());
  }
  for (const auto& a : o.assume) {
    auto v = parse_assumption(c, a, o.flag_prefix + "assume", limits, diags);
    if (v) assumed[v->first] = v->second;
  }
  out.assign(assumed.begin(), assumed.end());
  return !diags.has_errors();
}

// The facts of --unknown, as indices: E604 (did-you-mean) for a name the
// contract does not declare, E613 for a date fact (unset, it is `never`: an
// event that has not happened), E601 for a fact also assumed.
std::vector<int> unknown_facts(const QuestionOptions& o, const Contract& c,
                               const std::vector<std::pair<int, Value>>& assumed,
                               Diagnostics& diags) {
  const std::string flag = o.flag_prefix + "unknown";
  std::vector<int> out;
  for (const std::string& name : o.unknown) {
    auto fact = c.find_fact(name);
    if (!fact) {
      diags.error(flag, Code::E604, fmt::format("unknown fact '{}'", name),
                  unknown_fact_help(c, name));
      continue;
    }
    const FactDecl& f = c.facts[static_cast<std::size_t>(*fact)];
    if (f.type.kind == Type::Kind::Date) {
      diags.error(
          flag, Code::E613,
          fmt::format("'{}' is a date fact, which cannot be left unknown: unset, it is "
                      "`never` (an event that has not happened)",
                      name),
          fmt::format("leave --unknown out, or assume a date: --assume {}=2026-01-01", name));
      continue;
    }
    if (std::any_of(assumed.begin(), assumed.end(),
                    [&](const auto& a) { return a.first == *fact; })) {
      diags.error(flag, Code::E601, fmt::format("'{}' is both assumed and left unknown", name),
                  "give the fact either a value (--assume, --facts) or --unknown, not both");
      continue;
    }
    if (std::find(out.begin(), out.end(), *fact) == out.end()) out.push_back(*fact);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// --expect holds for an instance when its verdict matches: in every case,
// for a conditional one (SPEC §7.3).
bool holds(const VerdictFilter& expect, const DecidedInstance& r) {
  if (r.cases.empty()) return expect.matches(r.decision.verdict);
  return std::all_of(r.cases.begin(), r.cases.end(),
                     [&](const Case<Decision>& k) { return expect.matches(k.outcome.verdict); });
}

// Every `kind` a clause of the contract carries, in any version.
std::vector<std::string> clause_kinds(const Contract& c) {
  std::set<std::string> kinds;
  for (const auto& clause : c.clauses) kinds.insert(clause.version.kind.str());
  for (const auto& a : c.amendments) {
    for (const auto& [clause, patch] : a.amend) {
      if (patch.kind) kinds.insert(patch.kind->str());
    }
  }
  kinds.erase("");
  return {kinds.begin(), kinds.end()};
}

// E601 unless some clause carries `kind`.
void check_kind(const Contract& c, const std::string& kind, Diagnostics& diags) {
  std::vector<std::string> kinds = clause_kinds(c);
  if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return;
  std::string help = did_you_mean(kind, kinds);
  if (help.empty()) {
    help = kinds.empty() ? std::string("no clause of this contract has a `kind`")
                         : fmt::format("the kinds are: {}", fmt::join(kinds, ", "));
  }
  diags.error("--kind", Code::E601, fmt::format("no clause has kind '{}'", kind), help);
}

// The kind of every clause in the version that holds on `on` in `compiled`
// (a clause with no version then: its original one), in one pass over the
// versions, so filtering many instances looks each kind up in O(1).
std::vector<const std::string*> kinds_on(const CompiledContract& compiled, Date on) {
  const Contract& c = compiled.contract();
  std::vector<const std::string*> kinds(c.clauses.size(), nullptr);
  for (const auto& v : compiled.versions()) {
    auto& kind = kinds[static_cast<std::size_t>(v.clause)];
    if (kind == nullptr && v.start <= on && on < v.end) kind = &v.version->kind.str();
  }
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (kinds[i] == nullptr) kinds[i] = &c.clauses[i].version.kind.str();
  }
  return kinds;
}

ContractSource& contract_source() {
  static ContractSource source;
  return source;
}

std::shared_ptr<const LoadedContract> load_question_contract(const QuestionOptions& o,
                                                             const Limits& limits,
                                                             Diagnostics& diags) {
  if (const ContractSource& source = contract_source())
    return source(o.file, o.with, limits, diags);
  auto loaded = load_contract_with(o.file, o.with, limits, diags);
  if (!loaded) return nullptr;
  return std::make_shared<const LoadedContract>(std::move(*loaded));
}

}  // namespace

ContractSource set_contract_source(ContractSource source) {
  std::swap(contract_source(), source);
  return source;
}

std::optional<Date> local_today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  if (now == static_cast<std::time_t>(-1) || localtime_r(&now, &local) == nullptr) {
    return std::nullopt;
  }
  return Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

void report_failure(Diagnostics& diags, const LoadedContract& loaded, QuestionFailure& f) {
  if (f.file != nullptr) {
    diags.error(*f.file, f.offset, f.code, std::move(f.message), std::move(f.help));
    return;
  }
  diags.error(loaded.contract.path, f.code, std::move(f.message), std::move(f.help));
}

std::optional<PreparedQuestion> prepare(const QuestionOptions& o, const Limits& limits,
                                        Diagnostics& diags) {
  auto loaded = load_question_contract(o, limits, diags);
  if (!loaded) return std::nullopt;
  PreparedQuestion q{std::move(loaded), std::nullopt, {}, o.with, {}, std::nullopt, nullptr};
  const Contract& c = q.contract();
  // `timeline` asks about every day: it has no --on.
  auto on = o.on.empty() ? std::optional<Date>(Date::min())
                         : parse_date_flag(o.on, "--on", diags, local_today());
  if (o.as_agreed_on) {
    q.as_agreed_on = parse_date_flag(*o.as_agreed_on, o.flag_prefix + "as-agreed-on", diags);
  }
  Scenario scenario{q.as_agreed_on, {}};
  WithoutProblem problem;
  if (!set_without(c, o.without, scenario, problem)) {
    diags.error(o.flag_prefix + "without", problem.code, std::move(problem.message),
                std::move(problem.help));
  }
  q.without = without_ids(c, scenario);
  if (o.kind) check_kind(c, *o.kind, diags);
  if (!assume_facts(o, c, limits, diags, q.assumed)) return std::nullopt;
  SituationError error;
  q.situation = make_situation(c, on.value_or(Date::min()), q.assumed, error);
  if (!q.situation) {
    auto f = describe_failure(c, error.error, error.at, -1, error.named_date,
                              o.flag_prefix + "assume", q.loaded->source.get());
    report_failure(diags, *q.loaded, f);
    return std::nullopt;
  }
  forget_facts(c, *q.situation, unknown_facts(o, c, q.assumed, diags));
  if (diags.has_errors()) return std::nullopt;
  q.compiled = std::make_unique<CompiledContract>(c, scenario);
  return q;
}

std::optional<Selection> pattern_selection(const PreparedQuestion& q, const std::string& action,
                                           const std::optional<std::string>& kind,
                                           std::size_t max_instances, std::string_view suffix,
                                           const std::string& help, const Limits& limits,
                                           Diagnostics& diags) {
  const Contract& c = q.contract();
  auto pattern = parse_question_pattern(c, action, limits, diags);
  if (!pattern) return std::nullopt;
  Selection s{{*pattern}, std::nullopt, std::nullopt, kind, "<action>", help, {}};
  if (enumerated(c, s.patterns) > max_instances) {
    diags.error("<action>", Code::E606,
                fmt::format("'{}' has more than {} instances{}", action, max_instances, suffix),
                s.help);
    return std::nullopt;
  }
  if (!check_steps(q, s, limits, diags)) return std::nullopt;
  return s;
}

std::optional<RangeFlags> parse_range(const std::optional<std::string>& from,
                                      const std::optional<std::string>& to, Diagnostics& diags) {
  RangeFlags r;
  if (from) r.from = parse_date_flag(*from, "--from", diags, local_today());
  if (to) r.to = parse_date_flag(*to, "--to", diags, local_today());
  if (diags.has_errors()) return std::nullopt;
  if (r.from && r.to && *r.from > *r.to) {
    diags.error("--from", Code::E601,
                fmt::format("--from {} is after --to {}: the range has no day", r.from->to_string(),
                            r.to->to_string()),
                "give a --from on or before --to, or leave one of them out");
    return std::nullopt;
  }
  return r;
}

std::optional<int> parse_party(const Contract& c, const std::string& name, Diagnostics& diags) {
  const Domain& parties = c.domains[0];
  if (auto party = parties.find(name)) return party;
  std::string help = did_you_mean(name, parties.values);
  diags.error(
      "--party", Code::E602, fmt::format("unknown party '{}'", name),
      help.empty() ? fmt::format("the parties are: {}", fmt::join(parties.values, ", ")) : help);
  return std::nullopt;
}

std::optional<VerdictFilter> parse_verdict_filter(const std::string& text, const char* flag,
                                                  Diagnostics& diags) {
  if (auto filter = VerdictFilter::parse(text)) return filter;
  const std::vector<std::string> words = VerdictFilter::words();
  std::string help = did_you_mean(text, words);
  if (help.empty()) {
    help =
        fmt::format("use {} or {}", fmt::join(words.begin(), words.end() - 1, ", "), words.back());
  }
  diags.error(
      flag, Code::E601,
      fmt::format("{} takes a verdict or '{}', got '{}'", flag, VerdictFilter::kAllowed, text),
      help);
  return std::nullopt;
}

std::vector<Pattern> question_patterns(const Contract& c, const std::optional<Pattern>& only) {
  if (only) return {*only};
  std::vector<int> order(c.actions.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return c.actions[a].name < c.actions[b].name; });
  std::vector<Pattern> out;
  out.reserve(order.size());
  for (int action : order) {
    out.push_back(Pattern{action, std::vector<int>(c.actions[action].params.size(), -1)});
  }
  return out;
}

std::uint64_t enumerated(const Contract& c, const std::vector<Pattern>& patterns) {
  std::uint64_t n = 0;
  for (const Pattern& p : patterns) n = std::min(kManyInstances, n + instance_count(c, p));
  return n;
}

std::optional<UnknownAnalysis> analyze_action(const PreparedQuestion& q, int action,
                                              const Limits& limits, Diagnostics& diags) {
  UnknownAnalysis analysis =
      analyze_unknown_facts(*q.compiled, *q.situation, {action}, limits.max_unknown_combinations);
  if (!analysis.problem) return analysis;
  const FactDecl& f = q.contract().facts[static_cast<std::size_t>(analysis.problem->fact)];
  diags.error(*q.loaded->source, f.offset, Code::E613, std::move(analysis.problem->message),
              std::move(analysis.problem->help));
  return std::nullopt;
}

bool check_steps(const PreparedQuestion& q, Selection& s, const Limits& limits,
                 Diagnostics& diags) {
  const Contract& c = q.contract();
  const Decider decider(*q.compiled);
  s.unknown.clear();
  std::uint64_t steps = 0, decided = 0;
  for (const Pattern& p : s.patterns) {
    auto found = analyze_action(q, p.action, limits, diags);
    if (!found) return false;
    UnknownAnalysis analysis = std::move(*found);
    const std::uint64_t cases = std::max<std::uint64_t>(1, combinations(analysis.facts));
    const std::uint64_t bound = decider.steps_bound(q.situation->on, p, s.party);
    steps = std::min(kManyInstances,
                     steps + (bound > kManyInstances / cases ? kManyInstances : bound * cases));
    decided = std::min(kManyInstances, decided + instance_count(c, p, s.party));
    s.unknown.push_back(std::move(analysis));
  }
  if (steps <= limits.max_decision_steps) return true;
  diags.error(s.where, Code::E606,
              fmt::format("deciding the {} instances of the question could take {} steps, more "
                          "than {} (instances times the clauses and expression nodes on them)",
                          decided, steps, limits.max_decision_steps),
              s.help);
  return false;
}

Listing::Listing(const PreparedQuestion& q, Selection s) : q_(q), s_(std::move(s)) {
  if (s_.kind) kinds_ = kinds_on(*q.compiled, q.situation->on);
}

bool Listing::listed(const Decision& d) const {
  if (s_.verdict && !s_.verdict->matches(d.verdict)) return false;
  if (!s_.kind) return true;
  auto involves_kind = [&](const std::vector<int>& clauses) {
    return std::any_of(clauses.begin(), clauses.end(), [&](int clause) {
      return *kinds_[static_cast<std::size_t>(clause)] == *s_.kind;
    });
  };
  return involves_kind(d.by) || involves_kind(d.overridden);
}

bool Listing::listed(const DecidedInstance& r) const {
  if (r.cases.empty()) return listed(r.decision);
  return std::any_of(r.cases.begin(), r.cases.end(),
                     [&](const Case<Decision>& k) { return listed(k.outcome); });
}

// One instance at a time: the odometer's args are copied into one
// DecidedInstance that is reused, so a walk allocates nothing per instance
// once warmed up. Without `diags` (the reporter's walks, after decide()
// succeeded) a failure cannot happen; it would end the walk.
bool Listing::walk(const std::function<void(const DecidedInstance&)>& f, const Limits* limits,
                   Diagnostics* diags) const {
  const Contract& c = q_.contract();
  Decider decider(*q_.compiled);
  DecidedInstance r;
  ConditionalDecision conditional;
  for (std::size_t i = 0; i < s_.patterns.size(); ++i) {
    const Pattern& p = s_.patterns[i];
    const std::vector<UnknownFact>& unknown = s_.unknown[i].facts;
    r.action = p.action;
    for (InstanceOdometer it(c, p); !it.done(); it.next()) {
      if (s_.party && !involves(c, p.action, it.args(), *s_.party)) continue;
      r.args = it.args();
      r.cases.clear();
      DecisionError error;
      const bool ok = unknown.empty()
                          ? decider.decide(*q_.situation, p.action, r.args, r.decision, error)
                          : decide_cases(*q_.compiled, decider, *q_.situation, unknown, p.action,
                                         r.args, conditional, error);
      if (ok && !unknown.empty()) {
        // One case with no `given`: the answer does not depend on them here.
        if (conditional.cases.size() == 1) {
          r.decision = std::move(conditional.cases.front().outcome);
        } else {
          r.cases = std::move(conditional.cases);
        }
      }
      if (!ok) {
        if (diags == nullptr) return false;
        auto failure = describe_failure(c, error.error, error.at, error.clause, -1, "--assume",
                                        q_.loaded->source.get());
        failure.message =
            fmt::format("{} (deciding {})", failure.message, instance_text(c, p.action, r.args));
        report_failure(*diags, *q_.loaded, failure);
        return false;
      }
      // Decider::steps_bound was checked up front, so this holds unless
      // the bound is wrong: the guard keeps a wrong bound from costing.
      if (limits != nullptr && decider.steps() > limits->max_decision_steps) {
        diags->error(s_.where, Code::E606,
                     fmt::format("deciding the question took more than {} steps",
                                 limits->max_decision_steps),
                     s_.help);
        return false;
      }
      if (listed(r)) f(r);
    }
  }
  return true;
}

std::optional<Outcome> Listing::decide(const std::optional<VerdictFilter>& expect, bool expect_none,
                                       const Limits& limits, Diagnostics& diags) const {
  Outcome out;
  std::set<int> unknown;
  const bool ok = walk(
      [&](const DecidedInstance& r) {
        ++out.listed;
        for (int fact : given_facts(r.cases)) unknown.insert(fact);
        if (!expect && !expect_none) return;
        if (!expect_none && holds(*expect, r)) return;
        if (++out.differing <= limits.max_listed_instances) out.shown.push_back(r);
      },
      &limits, &diags);
  if (!ok) return std::nullopt;
  out.unknown.assign(unknown.begin(), unknown.end());
  return out;
}

void Listing::for_each(const std::function<void(const DecidedInstance&)>& f) const {
  walk(f, nullptr, nullptr);
}

int check_expectation(const PreparedQuestion& q, const std::optional<VerdictFilter>& expect,
                      bool expect_none, const Outcome& outcome, Reporter& reporter) {
  if (!expect && !expect_none) return 0;
  if (outcome.differing == 0) return 0;
  reporter.unmet_expectation(UnmetExpectation{q.contract(), expect_none ? std::nullopt : expect,
                                              outcome.shown, outcome.differing, outcome.listed});
  return 1;
}

Answer answer_of(const PreparedQuestion& q, const Listing& listing, const Outcome& outcome) {
  return Answer{q.contract(),   q.situation->on, q.as_agreed_on, q.assumed,      listing,
                outcome.listed, q.without,       q.with,         outcome.unknown};
}

int stop_on(const Diagnostics& diags, Reporter& reporter) {
  reporter.diagnostics(diags);
  return 2;
}

}  // namespace pacta::cli
