// Timelines at the edges of the calendar and of the language, each compared
// with its days decided one by one (timeline_fixture.hpp) and, where the
// answer is short, with the runs written out: month-end clamping, leap
// days, `never`, the first and last representable days (and date
// arithmetic overflowing there, an error on the day deciding meets it),
// `through: 9999-12-31`, retroactive amendments with and without
// as_agreed_on, named conditions that read `date`, `date` on both sides of
// a comparison; and ChangePoints against the days on which single
// conditions and decisions really change.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "contract_fixture.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/time/timeline.hpp"
#include "timeline_fixture.hpp"

using namespace pacta;
using pacta::fixture::day;
using namespace pacta::timeline_fixture;

namespace {

constexpr std::string_view kHeader = R"(pacta: 1
contract: edges
parties: [acme, globex]
facts:
  event: {type: date}
  flag: {type: bool, default: false}
holidays: [2024-12-25, 2024-12-26, 2025-01-01]
actions:
  act:
  pay: {params: {who: party}}
  keep:
  ship:
)";

DayRange range(const char* first, const char* last) { return {day(first), day(last)}; }

struct Edge {
  std::unique_ptr<fixture::Loaded> loaded;
  const Contract& contract() const { return loaded->contract(); }
};

Edge edge(std::string_view rest) {
  return Edge{fixture::load_ok(std::string(kHeader) + std::string(rest))};
}

// Every instance over every window, in every scenario and situation given.
void check_days(const Edge& e, const std::vector<DayRange>& windows,
                const std::vector<std::optional<std::string>>& agreed = {std::nullopt},
                const std::vector<std::vector<std::string>>& assume = {{}}) {
  const Contract& c = e.contract();
  for (const auto& a : agreed) {
    Scenario scenario;
    if (a) scenario.as_agreed_on = day(*a);
    const CompiledContract compiled(c, scenario);
    for (const auto& texts : assume) {
      SituationError serr;
      auto s = make_situation(c, Date::min(), fixture::assumptions(c, texts), serr);
      REQUIRE(s.has_value());
      Checker check(compiled, *s);
      for (const auto& [action, args] : all_instances(c)) {
        const std::string context = instance_text(c, action, args) + " as agreed on " +
                                    (a ? *a : std::string("(all)")) + " assuming " +
                                    fixture::join(texts);
        for (const DayRange& w : windows) check.check_window(action, args, w, context);
        check.check_all_time(action, args, windows.front(), context);
      }
    }
  }
}

struct Expected {
  const char* from;     // nullptr: the beginning of time
  const char* through;  // nullptr: no end
  const char* verdict;
  fixture::Ids by;
};

// The timeline of one instance, written out.
void check_runs(const Edge& e, std::string_view instance, DayRange r,
                const std::vector<Expected>& want, std::optional<std::string> agreed = {},
                const std::vector<std::string>& assume = {}) {
  const Contract& c = e.contract();
  Scenario scenario;
  if (agreed) scenario.as_agreed_on = day(*agreed);
  const CompiledContract compiled(c, scenario);
  SituationError serr;
  auto s = make_situation(c, Date::min(), fixture::assumptions(c, assume), serr);
  REQUIRE(s.has_value());
  Timeliner t(compiled, *s, Limits{});
  const auto [action, args] = fixture::instance(c, instance);
  const oracle::Answer got = oracle::timeline_of(t, action, args, r);
  INFO(std::string(instance) << ":\n" << oracle::describe(got));
  REQUIRE(got.ok);
  REQUIRE(got.runs.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const Run& run = got.runs[i];
    CHECK(run.from == (want[i].from ? day(want[i].from) : Date::min()));
    CHECK(run.through == (want[i].through ? day(want[i].through) : Date::max()));
    CHECK(std::string(verdict_name(run.decision.verdict)) == want[i].verdict);
    CHECK(c.clauses.ids(run.decision.by) == want[i].by);
  }
}

// The day a timeline fails on, and how.
void check_fails(const Edge& e, std::string_view instance, DayRange r, const char* on,
                 EvalEnv::Error error) {
  const Contract& c = e.contract();
  const CompiledContract compiled(c, Scenario{});
  SituationError serr;
  auto s = make_situation(c, Date::min(), {}, serr);
  REQUIRE(s.has_value());
  Timeliner t(compiled, *s, Limits{});
  const auto [action, args] = fixture::instance(c, instance);
  const oracle::Answer got = oracle::timeline_of(t, action, args, r);
  INFO(std::string(instance) << ":\n" << oracle::describe(got));
  REQUIRE_FALSE(got.ok);
  CHECK(got.failure.points.kind == ChangePointError::Kind::None);
  CHECK(got.failure.on == day(on));
  CHECK(got.failure.decision.error == error);
  CHECK(got.failure.decision.at != nullptr);
}

}  // namespace

TEST_CASE("timelines: month-end clamping") {
  const Edge e = edge(R"(dates:
  signed: 2024-01-31
  renewal: signed + 1 month
clauses:
  - id: renewed
    permit: act
    from: renewal
    until: renewal + 1 month
  - id: month-before-leap-day
    forbid: keep
    when: date + 1 month == 2024-02-29
  - id: clamped-both-ways
    oblige: pay
    when: date - 1 month >= 2024-01-31 and date + 1 month < 2025-03-01
  - id: end-of-last-month
    forbid: pay(globex)
    when: end_of_month(date - 1 month) == 2024-02-29
  - id: two-months
    permit: ship
    when: date - 2 months == 2024-11-30
)");
  check_runs(e, "act", range("2024-01-01", "2024-12-31"),
             {{"2024-01-01", "2024-02-28", "permitted", {}},
              {"2024-02-29", "2024-03-28", "permitted", {"renewed"}},
              {"2024-03-29", "2024-12-31", "permitted", {}}});
  check_runs(e, "keep", range("2024-01-01", "2024-12-31"),
             {{"2024-01-01", "2024-01-28", "permitted", {}},
              {"2024-01-29", "2024-01-31", "forbidden", {"month-before-leap-day"}},
              {"2024-02-01", "2024-12-31", "permitted", {}}});
  // 2025-01-30 and 2025-01-31 - 2 months are 2024-11-30 as well.
  check_runs(e, "ship", range("2025-01-01", "2025-02-28"),
             {{"2025-01-01", "2025-01-29", "permitted", {}},
              {"2025-01-30", "2025-01-31", "permitted", {"two-months"}},
              {"2025-02-01", "2025-02-28", "permitted", {}}});
  check_days(e, {range("2015-01-01", "2040-12-31"), range("2023-11-01", "2025-06-30")});
}

TEST_CASE("timelines: leap days") {
  const Edge e = edge(R"(clauses:
  - id: leap-day
    permit: act
    when: date == 2024-02-29 or date == 2000-02-29
  - id: year-before
    forbid: keep
    when: date - 1 year == 2023-02-28
  - id: year-after
    oblige: pay(acme)
    when: date + 1 year == 2025-02-28
  - id: no-leap-2100
    forbid: ship
    when: end_of_month(date) == 2100-02-28
)");
  check_runs(e, "keep", range("2024-02-01", "2024-03-31"),
             {{"2024-02-01", "2024-02-27", "permitted", {}},
              {"2024-02-28", "2024-02-29", "forbidden", {"year-before"}},
              {"2024-03-01", "2024-03-31", "permitted", {}}});
  check_runs(e, "ship", range("2100-01-01", "2100-12-31"),
             {{"2100-01-01", "2100-01-31", "permitted", {}},
              {"2100-02-01", "2100-02-28", "forbidden", {"no-leap-2100"}},
              {"2100-03-01", "2100-12-31", "permitted", {}}});
  check_days(e, {range("2015-01-01", "2040-12-31"), range("1999-06-01", "2001-06-01"),
                 range("2099-12-01", "2100-04-01")});
}

TEST_CASE("timelines: never (an unset date fact)") {
  const Edge e = edge(R"(dates:
  after_event: event + 30 days
clauses:
  - id: from-event
    permit: act
    from: event
  - id: until-event
    forbid: keep
    until: after_event
  - id: before-event
    oblige: pay(acme)
    when: date < event
  - id: days-since-event
    forbid: pay(globex)
    when: date - event > 3
  - id: min-with-never
    permit: ship
    when: min(date, event) >= 2030-05-01
)");
  // `date - never` has no number of days: the first day asked about fails.
  check_fails(e, "pay(globex)", range("2015-01-01", "2040-12-31"), "2015-01-01",
              EvalEnv::Error::DateOutOfRange);
  check_runs(e, "keep", kAllTime, {{nullptr, nullptr, "forbidden", {"until-event"}}});
  check_runs(e, "act", kAllTime, {{nullptr, nullptr, "permitted", {}}});
  check_runs(e, "keep", kAllTime,
             {{nullptr, "2030-06-03", "forbidden", {"until-event"}},
              {"2030-06-04", nullptr, "permitted", {}}},
             std::nullopt, {"event=2030-05-05"});
  check_days(e, {range("2015-01-01", "2040-12-31")}, {std::nullopt},
             {{}, {"event=2030-05-05"}, {"event=9999-12-01"}});
}

TEST_CASE("timelines: the first and last representable days") {
  const Edge e = edge(R"(clauses:
  - id: day-before
    permit: act
    when: date - 1 day < 0001-01-05
  - id: day-after
    forbid: keep
    when: date + 1 day > 9999-12-30
  - id: forever
    oblige: pay(acme)
    through: 9999-12-31
  - id: almost-forever
    forbid: pay(globex)
    from: 0001-01-01
    until: 9999-12-31
  - id: month-after
    forbid: ship
    when: date + 1 month > 9999-11-30
)");
  check_fails(e, "act", range("0001-01-01", "0001-12-31"), "0001-01-01",
              EvalEnv::Error::DateOutOfRange);
  check_fails(e, "act", kAllTime, "0001-01-01", EvalEnv::Error::DateOutOfRange);
  check_runs(e, "act", range("0001-01-02", "0001-12-31"),
             {{"0001-01-02", "0001-01-05", "permitted", {"day-before"}},
              {"0001-01-06", "0001-12-31", "permitted", {}}});
  check_fails(e, "keep", range("9999-01-01", "9999-12-31"), "9999-12-31",
              EvalEnv::Error::DateOutOfRange);
  check_runs(e, "keep", range("9999-12-01", "9999-12-30"),
             {{"9999-12-01", "9999-12-29", "permitted", {}},
              {"9999-12-30", "9999-12-30", "forbidden", {"day-after"}}});
  check_fails(e, "ship", range("9999-01-01", "9999-12-31"), "9999-12-01",
              EvalEnv::Error::DateOutOfRange);
  check_runs(e, "pay(acme)", kAllTime, {{nullptr, nullptr, "obligatory", {"forever"}}});
  check_runs(e, "pay(globex)", kAllTime,
             {{nullptr, "9999-12-30", "forbidden", {"almost-forever"}},
              {"9999-12-31", nullptr, "permitted", {}}});
  check_runs(e, "pay(globex)", range("9999-12-31", "9999-12-31"),
             {{"9999-12-31", "9999-12-31", "permitted", {}}});
  check_runs(e, "pay(globex)", range("0001-01-01", "0001-01-01"),
             {{"0001-01-01", "0001-01-01", "forbidden", {"almost-forever"}}});
  check_days(e, {range("0001-01-01", "0001-12-31"), range("0001-01-02", "0001-02-01"),
                 range("9998-12-01", "9999-12-31"), range("9999-12-31", "9999-12-31"),
                 range("0001-01-01", "0001-01-01"), range("9999-01-01", "9999-11-30")});
}

// A bound that cannot be evaluated (here `event + 1 year` past 9999-12-31)
// fails every decision of the action from the day its version is current,
// whatever the pattern (language.md §7: bounds first): the timeline fails
// on that day too.
TEST_CASE("timelines: a bound that fails to evaluate fails the timeline where deciding fails") {
  const Edge e = edge(R"(clauses:
  - id: bounded
    permit: act
    until: event + 1 year
  - id: other-party
    forbid: pay(globex)
amendments:
  - id: later-bound
    signed: 2020-06-30
    add:
      - id: added
        permit: pay(globex)
        through: event + 1 year
)");
  const CompiledContract compiled(e.contract(), Scenario{});
  SituationError serr;
  auto s = make_situation(e.contract(), Date::min(),
                          fixture::assumptions(e.contract(), {"event=9999-06-01"}), serr);
  REQUIRE(s.has_value());
  Timeliner t(compiled, *s, Limits{});
  for (const auto& [instance, fails_on] : {std::pair{"act", "2015-01-01"},
                                           {"pay(acme)", "2020-06-30"},
                                           {"pay(globex)", "2020-06-30"}}) {
    const auto [action, args] = fixture::instance(e.contract(), instance);
    const oracle::Answer got =
        oracle::timeline_of(t, action, args, range("2015-01-01", "2040-12-31"));
    INFO(instance << ":\n" << oracle::describe(got));
    CHECK_FALSE(got.ok);
    if (got.ok) continue;
    CHECK(got.failure.on == day(fails_on));
    CHECK(got.failure.decision.error == EvalEnv::Error::DateOutOfRange);
  }
  check_days(e, {range("2015-01-01", "2040-12-31")}, {std::nullopt, "2020-06-29"},
             {{}, {"event=9999-06-01"}});
}

TEST_CASE("timelines: retroactive amendments, with and without as_agreed_on") {
  const Edge e = edge(R"(clauses:
  - id: base
    permit: act
    from: 2020-01-01
amendments:
  - id: retro
    signed: 2022-06-01
    effective: 2021-01-01
    amend:
      - id: base
        until: 2021-07-01
    add:
      - id: extra
        forbid: act
        from: 2021-03-01
  - id: later
    signed: 2023-01-01
    repeal: [extra]
)");
  check_runs(e, "act", kAllTime,
             {{nullptr, "2019-12-31", "permitted", {}},
              {"2020-01-01", "2021-02-28", "permitted", {"base"}},
              {"2021-03-01", "2022-12-31", "forbidden", {"extra"}},
              {"2023-01-01", nullptr, "permitted", {}}});
  check_runs(
      e, "act", kAllTime,
      {{nullptr, "2019-12-31", "permitted", {}}, {"2020-01-01", nullptr, "permitted", {"base"}}},
      "2022-05-31");
  check_runs(e, "act", kAllTime,
             {{nullptr, "2019-12-31", "permitted", {}},
              {"2020-01-01", "2021-02-28", "permitted", {"base"}},
              {"2021-03-01", nullptr, "forbidden", {"extra"}}},
             "2022-06-01");
  check_days(e, {range("2015-01-01", "2040-12-31")},
             {std::nullopt, "0001-01-01", "2022-05-31", "2022-06-01", "2022-12-31", "2023-01-01"});
}

TEST_CASE("timelines: named conditions that read date") {
  const Edge e = edge(R"(conditions:
  first_quarter: end_of_quarter(date) == 2024-03-31
  late: date > 2024-06-15 and flag
  either: first_quarter or late
clauses:
  - id: by-condition
    permit: act
    when: either
  - id: not-late
    forbid: keep
    when: not late and date + 3 business days > 2024-12-27
)");
  check_days(e, {range("2015-01-01", "2040-12-31"), range("2024-12-01", "2025-01-31")},
             {std::nullopt}, {{}, {"flag=true"}});
}

TEST_CASE("timelines: date on both sides of a comparison") {
  const Edge e = edge(R"(clauses:
  - id: first-half
    permit: act
    when: date - 2024-01-01 < 2025-01-01 - date
  - id: long-month
    forbid: keep
    when: date + 1 month > date + 30 days
  - id: month-vs-weeks
    oblige: pay(acme)
    when: date + 1 month <= date + 4 weeks and flag
)");
  check_days(e, {range("2015-01-01", "2040-12-31"), range("2023-12-01", "2025-02-01")},
             {std::nullopt}, {{}, {"flag=true"}});
}

// ---------------------------------------------------------------- change points

namespace {

// Every day on which `changed(previous, today)` holds is among `points`,
// which are ascending, unique, inside the range and start with its first day.
template <class T, class At>
void check_points_cover(const std::vector<Date>& points, DayRange r, At at) {
  REQUIRE_FALSE(points.empty());
  CHECK(points.front() == r.first);
  for (std::size_t i = 1; i < points.size(); ++i) CHECK(points[i - 1] < points[i]);
  CHECK(points.back() <= r.last);
  T previous = at(r.first);
  for (std::int64_t d = r.first.serial() + 1; d <= r.last.serial(); ++d) {
    const Date today = *Date::from_serial(d);
    T v = at(today);
    if (!(v == previous)) {
      INFO("changes on " << today.to_string());
      CHECK(std::binary_search(points.begin(), points.end(), today));
    }
    previous = std::move(v);
  }
}

struct ConditionDay {
  bool value = false;
  int error = 0;
  bool operator==(const ConditionDay&) const = default;
};

struct DecisionDay {
  bool ok = false;
  Decision d;
  bool operator==(const DecisionDay& o) const {
    return ok == o.ok && (!ok || oracle::same_decision(d, o.d));
  }
};

}  // namespace

TEST_CASE("change points of single conditions contain every day they change") {
  const char* whens[] = {
      "date >= 2024-02-29",
      "date + 1 month >= 2024-03-31",
      "date - 1 year < 2023-02-28",
      "end_of_month(date) == 2024-02-29",
      "end_of_quarter(date) > 2024-06-30",
      "end_of_year(date + 10 days) == 2025-12-31",
      "date - 2024-01-01 > 30",
      "2024-12-31 - date <= 45",
      "min(date, 2024-06-30) >= 2024-05-01",
      "max(date + 10 days, 2024-05-01) > 2024-09-30",
      "if date < 2024-07-01 then flag else not flag",
      "date in [2024-03-01, 2024-11-30]",
      "(date - 2024-01-01) * 2 > (2025-01-01 - 2024-01-01)",
      "date - 2024-01-01 < 2025-01-01 - date",
      "date + 1 month > date + 30 days",
      "date < event",
      "date + 3 business days > 2024-12-27",
      "date - 2 business days <= 2025-01-02",
      "date + 1 day > 2024-12-30 and date - 1 day < 2025-01-05",
      "not (date >= 2024-04-01) or date > 2024-10-01",
  };
  const DayRange r = range("2023-10-01", "2025-03-31");
  for (const char* when : whens) {
    INFO(when);
    const Edge e =
        edge(std::string("clauses:\n  - id: c\n    permit: act\n    when: ") + when + "\n");
    const Contract& c = e.contract();
    const CompiledContract compiled(c, Scenario{});
    for (const char* flag : {"flag=false", "flag=true"}) {
      SituationError serr;
      auto s = make_situation(c, Date::min(), fixture::assumptions(c, {flag}), serr);
      REQUIRE(s.has_value());
      const TypedExpr& expr =
          *compiled.versions()[compiled.versions_for_action(0)[0]].version->when;
      ChangePoints points(compiled, *s, Limits{});
      std::vector<Date> out;
      ChangePointError error;
      REQUIRE(points.of_condition(expr, {}, r, 0, out, error));
      Situation day_situation = *s;
      check_points_cover<ConditionDay>(out, r, [&](Date on) {
        day_situation.on = on;
        evaluate_conditions(c, day_situation);
        EvalEnv env = day_situation.env();
        const bool b = evaluate_condition(expr, env);
        return ConditionDay{env.error == EvalEnv::Error::None && b, static_cast<int>(env.error)};
      });
      // The decisions change only on the instance's change points as well.
      std::vector<Date> instance_points;
      REQUIRE(points.of_instance(0, {}, r, instance_points, error));
      Decider decider(compiled);
      check_points_cover<DecisionDay>(instance_points, r, [&](Date on) {
        day_situation.on = on;
        evaluate_conditions(c, day_situation);
        Decision d;
        DecisionError derr;
        const bool ok = decider.decide(day_situation, 0, {}, d, derr);
        return DecisionDay{ok, ok ? d : Decision{}};
      });
    }
  }
}
