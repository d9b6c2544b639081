// Deciding through the public API: the engine's Decider and Timeliner on a
// compiled scenario, with one Situation kept and moved from day to day.
#include <fmt/format.h>

#include "engine/api/access.hpp"
#include "engine/decide/instances.hpp"
#include "engine/time/timeline.hpp"

namespace pacta::api {

struct Decider::Impl {
  explicit Impl(std::shared_ptr<const Scenario::Impl> s)
      : scenario(std::move(s)), decider(scenario->compiled), situation(scenario->situation) {}

  const ::pacta::Contract& contract() const { return scenario->compiled.contract(); }
  const Contract::Impl& contract_impl() const { return ContractAccess::impl(scenario->contract); }
  // The situation of `on`: named dates read facts only (language.md), so
  // only the named conditions, which may read `date`, are evaluated again.
  const Situation& on(::pacta::Date day) {
    if (situation.on != day) {
      situation.on = day;
      if (!contract().conditions.empty()) evaluate_conditions(contract(), situation);
    }
    return situation;
  }
  void failed(const DecisionError& e, const Pattern& p, ::pacta::Date day,
              std::vector<Diagnostic>& out) const;
  bool check_pattern(const Pattern& p, std::vector<Diagnostic>& out) const;
  bool check_size(const Pattern& p, ::pacta::Date day, std::vector<Diagnostic>& out) const;

  std::shared_ptr<const Scenario::Impl> scenario;
  ::pacta::Decider decider;
  Situation situation;
  Decision decision;
};

namespace {

void error(std::vector<Diagnostic>& out, const std::string& file, Code code, std::string message,
           std::string help) {
  Diagnostics diags;
  diags.error(file, code, std::move(message), std::move(help));
  append_diagnostics(diags, out);
}

}  // namespace

// As `pacta ask` words it: at the sub-expression that failed.
void Decider::Impl::failed(const DecisionError& e, const Pattern& p, ::pacta::Date day,
                           std::vector<Diagnostic>& out) const {
  const auto& source = contract_impl().loaded.source;
  auto f = describe_failure(contract(), e.error, e.at, e.clause, -1, "assume", source.get());
  f.message =
      fmt::format("{} (deciding {} on {})", f.message, scenario->contract.text(p), day.to_string());
  Diagnostics diags;
  if (f.file != nullptr) {
    diags.error(*f.file, f.offset, f.code, std::move(f.message), std::move(f.help));
  } else {
    diags.error(contract().path, f.code, std::move(f.message), std::move(f.help));
  }
  append_diagnostics(diags, out);
}

bool Decider::Impl::check_pattern(const Pattern& p, std::vector<Diagnostic>& out) const {
  if (fits(contract(), p)) return true;
  error(out, "<action>", Code::E601, "the pattern was not resolved against this contract",
        "resolve it with Contract::pattern() or Contract::instance() of the scenario's contract");
  return false;
}

// The bounds of docs/limits.md, before anything is decided.
bool Decider::Impl::check_size(const Pattern& p, ::pacta::Date day,
                               std::vector<Diagnostic>& out) const {
  const ::pacta::Pattern engine{PatternAccess::action(p), PatternAccess::args(p)};
  const Limits& limits = contract_impl().limits;
  const std::uint64_t count = ::pacta::instance_count(contract(), engine);
  if (count > limits.max_instances) {
    error(out, contract().path, Code::E606,
          fmt::format("{} has {} instances, more than {}", scenario->contract.text(p), count,
                      limits.max_instances),
          "bind more params of the pattern");
    return false;
  }
  const std::uint64_t steps = decider.steps_bound(day, engine, std::nullopt);
  if (steps > limits.max_decision_steps) {
    error(out, contract().path, Code::E606,
          fmt::format("deciding the {} instances of {} could take {} steps, more than {}", count,
                      scenario->contract.text(p), steps, limits.max_decision_steps),
          "bind more params of the pattern");
    return false;
  }
  return true;
}

Decider::Decider(const Scenario& scenario)
    : impl_(std::make_unique<Impl>(ScenarioAccess::impl(scenario))) {}
Decider::~Decider() = default;
Decider::Decider(Decider&&) noexcept = default;
Decider& Decider::operator=(Decider&&) noexcept = default;

bool Decider::decide(const Instance& instance, Date on, Answer& out,
                     std::vector<Diagnostic>& diagnostics) {
  Impl& d = *impl_;
  if (!d.check_pattern(instance, diagnostics)) return false;
  if (!instance.is_instance()) {
    error(diagnostics, "<action>", Code::E601,
          fmt::format("{} leaves params free: decide() takes one instance",
                      d.scenario->contract.text(instance)),
          "bind every param, or ask decide_each() for every instance");
    return false;
  }
  const ::pacta::Date day = to_engine(on);
  DecisionError e;
  if (!d.decider.decide(d.on(day), PatternAccess::action(instance), PatternAccess::args(instance),
                        d.decision, e)) {
    d.failed(e, instance, day, diagnostics);
    return false;
  }
  fill_answer(d.contract(), d.decision, out);
  return true;
}

bool Decider::decide_each(const Pattern& pattern, Date on,
                          const std::function<void(const Instance&, const Answer&)>& each,
                          std::vector<Diagnostic>& diagnostics) {
  Impl& d = *impl_;
  const ::pacta::Date day = to_engine(on);
  if (!d.check_pattern(pattern, diagnostics) || !d.check_size(pattern, day, diagnostics)) {
    return false;
  }
  const int action = PatternAccess::action(pattern);
  Pattern instance = PatternAccess::make(action, {});
  Answer answer;
  const ::pacta::Pattern engine{action, PatternAccess::args(pattern)};
  for (InstanceOdometer it(d.contract(), engine); !it.done(); it.next()) {
    PatternAccess::args(instance) = it.args();
    DecisionError e;
    if (!d.decider.decide(d.on(day), action, it.args(), d.decision, e)) {
      d.failed(e, instance, day, diagnostics);
      return false;
    }
    fill_answer(d.contract(), d.decision, answer);
    each(instance, answer);
  }
  return true;
}

namespace {

void timeline_failed(const Decider::Impl& d, const TimelineFailure& f, const Pattern& instance,
                     const Limits& limits, std::vector<Diagnostic>& out) {
  const std::string text = d.scenario->contract.text(instance);
  if (f.points.kind == ChangePointError::Kind::TooManyDays) {
    Diagnostics diags;
    diags.error(*d.contract_impl().loaded.source, f.points.at->span.begin, Code::E607,
                fmt::format("`date` is on both sides of this comparison, so its timeline is "
                            "evaluated day by day: for {}, the {} days of the range take more "
                            "than {} steps",
                            text, f.points.days, limits.max_decision_steps),
                "narrow the range, or compare `date` with an expression that does not depend "
                "on it");
    append_diagnostics(diags, out);
  } else if (f.points.kind == ChangePointError::Kind::TooManySteps) {
    error(out, d.contract().path, Code::E606,
          fmt::format("the timelines took more than {} steps (at {} on {})",
                      limits.max_decision_steps, text, f.on.to_string()),
          "narrow the pattern or the range");
  } else {
    d.failed(f.decision, instance, f.on, out);
  }
}

void fill_runs(const ::pacta::Contract& c, const std::vector<::pacta::Run>& from,
               std::vector<Run>& out) {
  out.resize(from.size());
  for (std::size_t i = 0; i < from.size(); ++i) {
    out[i].from = from_engine(from[i].from);
    out[i].through = from_engine(from[i].through);
    fill_answer(c, from[i].decision, out[i].answer);
  }
}

}  // namespace

bool Decider::timeline(const Pattern& pattern, std::optional<Date> from, std::optional<Date> to,
                       const std::function<void(const Instance&, const std::vector<Run>&)>& each,
                       std::vector<Diagnostic>& diagnostics) {
  Impl& d = *impl_;
  const Limits& limits = d.contract_impl().limits;
  const DayRange range{from ? to_engine(*from) : ::pacta::Date::min(),
                       to ? to_engine(*to) : ::pacta::Date::max()};
  if (!d.check_pattern(pattern, diagnostics) || !d.check_size(pattern, range.first, diagnostics)) {
    return false;
  }
  if (range.last < range.first) {
    error(diagnostics, "timeline", Code::E601,
          fmt::format("the range {} to {} has no day", range.first.to_string(),
                      range.last.to_string()),
          "give a first day on or before the last");
    return false;
  }
  // One Timeliner per question: its step bound is for one question.
  Timeliner timeliner(d.scenario->compiled, d.scenario->situation, limits);
  const int action = PatternAccess::action(pattern);
  Pattern instance = PatternAccess::make(action, {});
  std::vector<::pacta::Run> runs;
  std::vector<Run> shown;
  std::size_t total = 0;
  for (InstanceOdometer it(d.contract(), {action, PatternAccess::args(pattern)}); !it.done();
       it.next()) {
    PatternAccess::args(instance) = it.args();
    TimelineFailure failure;
    if (!timeliner.timeline(action, it.args(), range, runs, failure)) {
      timeline_failed(d, failure, instance, limits, diagnostics);
      return false;
    }
    total += runs.size();
    if (total > limits.max_timeline_runs) {
      error(diagnostics, d.contract().path, Code::E606,
            fmt::format("the timelines have more than {} runs (at {})", limits.max_timeline_runs,
                        d.scenario->contract.text(instance)),
            "narrow the pattern or the range");
      return false;
    }
    fill_runs(d.contract(), runs, shown);
    each(instance, shown);
  }
  return true;
}

}  // namespace pacta::api
