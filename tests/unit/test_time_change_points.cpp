// engine/time: the change points of single conditions against day-by-day
// evaluation, and the Timeliner's runs on the edges of the calendar, bounds
// that fail, and the step bound. (The brute-force comparison of whole
// timelines of bundled and generated contracts is test_timeline_oracle.)
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "contract_fixture.hpp"
#include "engine/time/timeline.hpp"

namespace pacta {
namespace {

using fixture::day;

// A contract whose clause `c0` has `when: EXPR`, with a few facts, named
// dates and conditions for the expressions to read.
std::string contract_with(const std::string& when, const std::string& extra = "") {
  return R"(pacta: 1
contract: t
parties: [a, b]
holidays: [2024-07-04, 2024-12-25]
facts:
  flag: {type: bool, default: true}
  n: {type: number, default: 3}
  neg: {type: number, default: -2}
  ev: {type: date}
  unset: {type: number}
dates:
  s: 2024-01-31
  e: 2024-12-31
conditions:
  late: date > s + 2 months
  later: late and date - s >= 100
actions:
  act: {params: {who: party}}
clauses:
  - id: c0
    permit: act
    when: )" +
         when + "\n" + extra;
}

// The state of `when` on day d: 0 false, 1 true, 2 + error when it fails.
int state_on(const Contract& c, const Situation& base, const TypedExpr& when, Date d,
             const std::vector<int>& args) {
  Situation s = base;
  s.on = d;
  evaluate_conditions(c, s);
  EvalEnv env = s.env(args.data());
  const bool b = evaluate_condition(when, env);
  if (env.error != EvalEnv::Error::None) return 2 + static_cast<int>(env.error);
  return b ? 1 : 0;
}

struct Checked {
  std::vector<Date> points;
  std::size_t changes = 0;  // days whose state differs from the day before
};

// Every day of [first, last] whose state differs from the day before is a
// change point; returns the points and how many real changes there were.
Checked check_condition(const std::string& when, const std::string& first,
                        const std::string& last) {
  INFO("when: " << when);
  auto loaded = fixture::load_ok(contract_with(when));
  const Contract& c = loaded->contract();
  const CompiledContract compiled(c, Scenario{});
  SituationError serr;
  auto situation = make_situation(c, day(first), {}, serr);
  REQUIRE(situation.has_value());
  const TypedExpr& e = *c.clauses[0].version.when;
  const std::vector<int> args{0};
  ChangePoints points(compiled, *situation, Limits{});
  Checked out;
  ChangePointError error;
  const DayRange range{day(first), day(last)};
  REQUIRE(points.of_condition(e, args, range, 0, out.points, error));
  REQUIRE(!out.points.empty());
  CHECK(out.points.front() == range.first);
  CHECK(std::is_sorted(out.points.begin(), out.points.end()));
  int previous = state_on(c, *situation, e, range.first, args);
  for (auto d = *Date::from_serial(range.first.serial() + 1); d <= range.last;
       d = *Date::from_serial(d.serial() + 1)) {
    const int now = state_on(c, *situation, e, d, args);
    if (now != previous) {
      ++out.changes;
      INFO("the state changes on " << d.to_string());
      CHECK(std::binary_search(out.points.begin(), out.points.end(), d));
    }
    previous = now;
    if (d == range.last) break;
  }
  return out;
}

TEST_CASE("change points of monotone comparisons are the exact days, found by bisection") {
  const char* exact[] = {
      "date >= 2024-02-29",
      "date + 1 month >= 2024-03-31",  // clamping: 2024-02-29 + 1 month = 2024-03-29
      "date - 1 month < 2024-02-29",
      "date + 1 year == 2025-02-28",  // 2024-02-28 and 2024-02-29 both give it
      "end_of_month(date) == 2024-02-29",
      "end_of_quarter(date) > 2024-06-30",
      "end_of_year(date) != 2024-12-31",
      "date - s > 30",
      "e - date <= 45",
      "(date - s) * 2 > 100",
      "(date - s) * neg > -100",
      "(date - s) / 3 >= 10.5",
      "-(date - s) < -7",
      "(date - s) * n > 90",
      "min(date, 2024-06-01) >= 2024-03-01",
      "max(date + 10 days, 2024-03-01) > 2024-06-01",
      "date - s < e - date",  // `date` on both sides, moving apart: still monotone
      "date + 3 business days > 2024-07-05",
      "date - 2 business days <= 2024-12-27",
      "date < ev",  // ev unset: never
  };
  for (const char* when : exact) {
    const Checked c = check_condition(when, "2023-06-01", "2025-06-30");
    INFO("when: " << when);
    CHECK(c.points.size() == c.changes + 1);  // no day more than needed
  }
}

TEST_CASE("change points of conditions that combine, branch or name conditions") {
  const char* combined[] = {
      "if date < 2024-03-01 then flag else not flag",
      "if date < 2024-03-01 then date > 2024-01-15 else date > 2024-09-01",
      "date in [2024-01-01, 2024-02-29, 2025-01-01]",
      "date not in [2024-01-01]",
      "late",
      "later and date < e",
      "not later or date == 2024-02-29",
      "(date > s) == flag",
      "flag and date > s and date < e",
      "(if date < s then 1 else 2 + (date - s)) > 40",
  };
  for (const char* when : combined) check_condition(when, "2023-06-01", "2025-06-30");
}

TEST_CASE("change points where date is on both sides or divides are exact day by day") {
  check_condition("date + 1 month > date + 30 days", "2023-06-01", "2025-06-30");
  check_condition("(date - s) * (date - s) > 400", "2023-06-01", "2025-06-30");
  // A divisor in `date` fails (division by zero) on one day only: s itself.
  const Checked c = check_condition("n / (date - s) > 0", "2023-06-01", "2025-06-30");
  CHECK(c.changes == 2);
  CHECK(std::binary_search(c.points.begin(), c.points.end(), day("2024-01-31")));
  CHECK(std::binary_search(c.points.begin(), c.points.end(), day("2024-02-01")));
}

TEST_CASE("change points at the ends of the calendar and where evaluation fails") {
  check_condition("date + 1 month > 9999-11-15", "9999-10-01", "9999-12-31");
  check_condition("date - 1 month < 0001-02-15", "0001-01-01", "0001-04-30");
  check_condition("date + 1 day > 9999-12-30", "9999-12-01", "9999-12-31");
  check_condition("unset > 1 or date > 2024-02-01", "2024-01-01", "2024-03-01");
  check_condition("date > 2024-02-01 and unset > 1", "2024-01-01", "2024-03-01");
  check_condition("date == 2024-02-29", "0001-01-01", "9999-12-31");
}

TEST_CASE("a comparison that must be walked day by day is refused past the step bound") {
  auto loaded = fixture::load_ok(contract_with("date + 1 month > date + 30 days"));
  const Contract& c = loaded->contract();
  const CompiledContract compiled(c, Scenario{});
  SituationError serr;
  auto situation = make_situation(c, day("2024-01-01"), {}, serr);
  REQUIRE(situation.has_value());
  Limits limits;
  limits.max_decision_steps = 5000;
  ChangePoints points(compiled, *situation, limits);
  std::vector<Date> out;
  ChangePointError error;
  const std::vector<int> args{0};
  CHECK(!points.of_instance(0, args, DayRange{}, out, error));
  CHECK(error.kind == ChangePointError::Kind::TooManyDays);
  REQUIRE(error.at != nullptr);
  CHECK(error.at->op == TypedExpr::Op::Gt);
  CHECK(error.clause == 0);
  // A short range is within the bound.
  ChangePoints fresh(compiled, *situation, limits);
  CHECK(fresh.of_instance(0, args, DayRange{day("2024-01-01"), day("2024-03-31")}, out, error));
}

// Runs of the one instance act(who=a) over `range`.
std::vector<Run> runs_of(const fixture::Loaded& loaded, DayRange range,
                         const std::vector<std::string>& assume = {},
                         std::optional<Date> as_agreed_on = std::nullopt,
                         TimelineFailure* failure = nullptr) {
  const Contract& c = loaded.contract();
  const CompiledContract compiled(c, Scenario{as_agreed_on, {}});
  SituationError serr;
  auto situation = make_situation(c, range.first, fixture::assumptions(c, assume), serr);
  REQUIRE(situation.has_value());
  Timeliner timeliner(compiled, *situation, Limits{});
  std::vector<Run> runs;
  TimelineFailure f;
  const bool ok = timeliner.timeline(0, {0}, range, runs, f);
  if (failure != nullptr) {
    *failure = f;
    CHECK(!ok);
  } else {
    CHECK(ok);
  }
  return runs;
}

std::string text_of(const Contract& c, const std::vector<Run>& runs) {
  std::string out;
  for (const Run& r : runs) {
    out += r.from.to_string() + ".." + r.through.to_string() + " " +
           std::string(verdict_name(r.decision.verdict)) +
           (r.decision.is_default ? " default" : "");
    for (const auto& id : c.clauses.ids(r.decision.by)) out += " " + id;
    out += "\n";
  }
  return out;
}

TEST_CASE("a timeline over all time starts on 0001-01-01 and ends on 9999-12-31") {
  auto loaded = fixture::load_ok(contract_with("true", R"(    through: 9999-12-31
    from: 2024-02-29
  - id: c1
    forbid: act(who=b)
)"));
  CHECK(text_of(loaded->contract(), runs_of(*loaded, DayRange{})) ==
        "0001-01-01..2024-02-28 permitted default\n"
        "2024-02-29..9999-12-31 permitted c0\n");
}

TEST_CASE("a timeline fails on the first day its decision fails") {
  auto loaded = fixture::load_ok(contract_with("true", "    from: ev + 1 month\n"));
  TimelineFailure failure;
  runs_of(*loaded, DayRange{day("2024-01-01"), day("2024-12-31")}, {"ev=9999-12-15"}, std::nullopt,
          &failure);
  CHECK(failure.on == day("2024-01-01"));  // the bound fails: every day of the span
  CHECK(failure.decision.error == EvalEnv::Error::DateOutOfRange);

  auto overflowing = fixture::load_ok(contract_with("date + 1 month > 2024-01-01"));
  runs_of(*overflowing, DayRange{}, {}, std::nullopt, &failure);
  CHECK(failure.on == day("9999-12-01"));
  CHECK(failure.decision.error == EvalEnv::Error::DateOutOfRange);
}

TEST_CASE("a retroactive amendment changes the past only once it is agreed") {
  auto loaded = fixture::load_ok(contract_with("true", R"(amendments:
  - id: backdated
    signed: 2024-06-01
    effective: 2024-01-01
    repeal: [c0]
)"));
  const DayRange range{day("2023-01-01"), day("2024-12-31")};
  CHECK(text_of(loaded->contract(), runs_of(*loaded, range)) ==
        "2023-01-01..2023-12-31 permitted c0\n"
        "2024-01-01..2024-12-31 permitted default\n");
  CHECK(text_of(loaded->contract(), runs_of(*loaded, range, {}, day("2024-05-31"))) ==
        "2023-01-01..2024-12-31 permitted c0\n");
}

}  // namespace
}  // namespace pacta
