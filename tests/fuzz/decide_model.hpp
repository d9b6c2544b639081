#pragma once
// The model behind fuzz_decide: the fixed menus a generated contract is
// chosen from (dates, patterns, conditions, bounds, amendment dates), each
// item with its meaning computed here in C++ (dates are day numbers), and the
// contract chosen from them (clauses, amendments, defaults). Shared by the
// generator (decide_generator.hpp) and the reference decider
// (reference_decider.hpp); no engine code decides anything here.
#include <array>
#include <climits>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "grammar/date.hpp"

namespace pacta::fuzz::generated {

// ---------------------------------------------------------------- dates

constexpr int kNever = INT_MAX;
constexpr int kBadDate = INT_MIN;  // date arithmetic outside 0001-01-01..9999-12-31

// Days since 1970-01-01 (H. Hinnant's days_from_civil).
constexpr int civil(int y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}
constexpr int kMaxDay = civil(9999, 12, 31);

constexpr int kMinDay = civil(1, 1, 1);

// The civil date of a day number (H. Hinnant's civil_from_days).
struct Civil {
  int y;
  unsigned m, d;
};
constexpr Civil civil_of(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(yoe) + era * 400 + (m <= 2 ? 1 : 0), m, d};
}
constexpr bool leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
constexpr unsigned month_days(int y, unsigned m) {
  constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap_year(y) ? 29 : kDays[m - 1];
}

// Date arithmetic of language.md §6 on day numbers: `never` stays `never`,
// a result outside 0001-01-01..9999-12-31 (or an operand that is one) is
// kBadDate.
constexpr int plus_days(int day, long long n) {
  if (day == kNever || day == kBadDate) return day;
  const long long r = day + n;
  return r < kMinDay || r > kMaxDay ? kBadDate : static_cast<int>(r);
}
// Calendar months, the day clamped to the target month's length.
constexpr int plus_months(int day, long long n) {
  if (day == kNever || day == kBadDate) return day;
  const Civil c = civil_of(day);
  const long long total = static_cast<long long>(c.y) * 12 + (c.m - 1) + n;
  const long long y = total >= 0 ? total / 12 : (total - 11) / 12;
  const unsigned m = static_cast<unsigned>(total - y * 12) + 1;
  if (y < 1 || y > 9999) return kBadDate;
  const unsigned d =
      c.d < month_days(static_cast<int>(y), m) ? c.d : month_days(static_cast<int>(y), m);
  return civil(static_cast<int>(y), m, d);
}
constexpr int end_of_month(int day) {
  if (day == kNever || day == kBadDate) return day;
  const Civil c = civil_of(day);
  return civil(c.y, c.m, month_days(c.y, c.m));
}
constexpr int end_of_quarter(int day) {
  if (day == kNever || day == kBadDate) return day;
  const Civil c = civil_of(day);
  const unsigned m = (c.m - 1) / 3 * 3 + 3;
  return civil(c.y, m, month_days(c.y, m));
}
constexpr int end_of_year(int day) {
  if (day == kNever || day == kBadDate) return day;
  return civil(civil_of(day).y, 12, 31);
}
constexpr int min_day(int a, int b) {
  return a == kBadDate || b == kBadDate ? kBadDate : a < b ? a : b;
}
constexpr int max_day(int a, int b) {
  return a == kBadDate || b == kBadDate ? kBadDate : a > b ? a : b;
}

// The holidays of every generated contract (kHeader); weekends are not
// business days either. 1970-01-01 (day 0) was a Thursday.
constexpr int kHoliday = civil(2021, 6, 30);
constexpr bool business_day(int day) {
  const int weekday = ((day + 4) % 7 + 7) % 7;  // 0 Sunday .. 6 Saturday
  return weekday != 0 && weekday != 6 && day != kHoliday;
}
// `D + N business days`, one day at a time (the engine counts by weeks).
constexpr int plus_business_days(int day, int n) {
  if (day == kNever || day == kBadDate) return day;
  const int step = n < 0 ? -1 : 1;
  for (int k = n < 0 ? -n : n; k > 0; --k) {
    do {
      day += step;
      if (day < kMinDay || day > kMaxDay) return kBadDate;
    } while (!business_day(day));
  }
  return day;
}

struct Ymd {
  int y;
  unsigned m, d;
  int day() const { return civil(y, m, d); }
  Date date() const { return *Date::from_ymd(y, static_cast<int>(m), static_cast<int>(d)); }
};

// The named dates of every generated contract (see kHeader).
constexpr int kStart = civil(2020, 1, 1);  // start: 2020-01-01
constexpr int kMid = civil(2020, 7, 1);    // mid: start + 6 months
constexpr int kStop = civil(2021, 7, 1);   // stop: mid + 1 year

// Values of the date fact `event`: unset (never), or one of these. The
// precomputed columns are the results of the bound expressions below.
struct EventValue {
  const char* text;  // as assumed
  int day;           // kNever when unset
  int plus_year;     // event + 1 year, or kBadDate
};
inline const EventValue kEvents[] = {
    {nullptr, kNever, kNever},
    {"2020-03-01", civil(2020, 3, 1), civil(2021, 3, 1)},
    {"2020-07-01", civil(2020, 7, 1), civil(2021, 7, 1)},
    {"2020-12-31", civil(2020, 12, 31), civil(2021, 12, 31)},
    {"9999-02-01", civil(9999, 2, 1), kBadDate},    // + 1 year: out of range when deciding
    {"9999-12-20", civil(9999, 12, 20), kBadDate},  // after_event: out of range in the situation
};

// Values of the date fact `ends` (no arithmetic on it): `through: ends` on
// the last day of the calendar has no end.
struct EndsValue {
  const char* text;
  int day;
};
inline const EndsValue kEnds[] = {
    {nullptr, kNever}, {"2020-05-01", civil(2020, 5, 1)}, {"9999-12-31", kMaxDay}};

// ---------------------------------------------------------------- questions

struct Question {
  Ymd on;
  int action = 0;
  std::array<int, 2> args{};
  int flag = -1;   // -1: not assumed (default false)
  int count = -1;  // -1: not assumed (default 5), else the value
  int tier = -1;   // -1: not assumed (no default: unknown)
  int event = 0;   // index into kEvents; 0: not assumed
  int ends = 0;    // index into kEnds; 0: not assumed
  int agreed = 0;  // index into kAgreed; 0: all amendments

  bool flag_value() const { return flag == 1; }
  double count_value() const { return count < 0 ? 5.0 : count; }
  int event_day() const { return kEvents[event].day; }
  int ends_day() const { return kEnds[ends].day; }
  int after_event() const {  // event + 30 days
    return event_day() == kNever ? kNever : event_day() + 30;
  }
};

inline const Ymd kOn[] = {
    {2019, 12, 31},
    {2020, 1, 1},
    {2020, 2, 1},
    {2020, 2, 23},
    {2020, 3, 1},
    {2020, 3, 15},
    {2020, 3, 16},
    {2020, 3, 31},
    {2020, 4, 1},
    {2020, 6, 30},
    {2020, 7, 1},
    {2020, 7, 2},
    {2020, 7, 11},
    {2020, 7, 12},
    {2020, 12, 31},
    {2021, 1, 1},
    {2021, 6, 1},
    {2021, 7, 1},
    {2021, 7, 2},
    {2030, 1, 1},
    // Where the date-heavy conditions change: month ends, the leap day, the
    // halfway day of start..stop, business days around the holiday, and the
    // first and last days of the calendar.
    {2020, 1, 31},
    {2020, 2, 28},
    {2020, 2, 29},
    {2020, 5, 31},
    {2020, 6, 1},
    {2020, 9, 30},
    {2020, 10, 1},
    {2021, 1, 30},
    {2021, 1, 31},
    {2021, 2, 1},
    {2021, 5, 17},
    {2021, 6, 2},
    {2021, 6, 25},
    {2021, 6, 28},
    {2021, 6, 29},
    {2021, 6, 30},
    {1, 1, 1},
    {1, 1, 31},
    {9999, 12, 30},
    {9999, 12, 31},
};
inline const std::optional<Ymd> kAgreed[] = {
    std::nullopt,    Ymd{2019, 1, 1},  Ymd{2020, 2, 1}, Ymd{2020, 3, 31},
    Ymd{2020, 7, 1}, Ymd{2021, 6, 30}, Ymd{2021, 7, 1},
};
inline const int kCounts[] = {0, 5, 10};

// ---------------------------------------------------------------- menus

// Results of a reference evaluation.
enum Eval : int {
  kFalse = 0,
  kTrue = 1,
  kMissingFact = 2,
  kDivisionByZero = 3,
  kDateOutOfRange = 4
};

// Actions: 0 act(who: party, hue: color), 1 solo, 2 flip(b: bool).
constexpr int kActions = 3;
inline const char* const kActionNames[] = {"act", "solo", "flip"};
inline const int kDomain[kActions][2] = {{2, 3}, {0, 0}, {2, 0}};  // domain sizes of the params
inline const int kParamCount[kActions] = {2, 0, 1};

struct PatternItem {
  int action;
  const char* text;
  std::array<int, 2> args;  // -1: any
};
inline const PatternItem kPatterns[] = {
    {0, "act", {-1, -1}},
    {0, "act(who=alice)", {0, -1}},
    {0, "act(hue=blue)", {-1, 2}},
    {0, "act(bob, _)", {1, -1}},
    {0, "act(_, green)", {-1, 1}},
    {0, "act(who=party.alice, hue=color.red)", {0, 0}},
    {0, "act(hue=_, who=bob)", {1, -1}},
    {0, "act(alice)", {0, -1}},
    {1, "solo", {-1, -1}},
    {2, "flip", {-1, -1}},
    {2, "flip(true)", {1, -1}},
    {2, "flip(b=false)", {0, -1}},
    {2, "flip(_)", {-1, -1}},
};

struct WhenItem {
  int action;  // -1: any action
  const char* text;
  Eval (*eval)(const Question& q, const std::array<int, 2>& args);
};
inline Eval of(bool b) { return b ? kTrue : kFalse; }
// A comparison of two dates (or day numbers) either of which may be kBadDate.
enum class Cmp { Lt, Le, Gt, Ge, Eq };
inline Eval compare_days(long long a, Cmp op, long long b) {
  if (a == kBadDate || b == kBadDate) return kDateOutOfRange;
  switch (op) {
    case Cmp::Lt:
      return of(a < b);
    case Cmp::Le:
      return of(a <= b);
    case Cmp::Gt:
      return of(a > b);
    case Cmp::Ge:
      return of(a >= b);
    case Cmp::Eq:
      break;
  }
  return of(a == b);
}
// `d1 - d2` of two dates: days, or kBadDate when either is `never` or bad.
inline long long days_between(int d1, int d2) {
  if (d1 == kNever || d2 == kNever || d1 == kBadDate || d2 == kBadDate) return kBadDate;
  return static_cast<long long>(d1) - d2;
}
// The named conditions of kHeader.
inline Eval late(const Question& q) {  // date > stop - 1 month
  return compare_days(q.on.day(), Cmp::Gt, plus_months(kStop, -1));
}
inline Eval edge(const Question& q) {  // date + 1 day >= 9999-12-31
  return compare_days(plus_days(q.on.day(), 1), Cmp::Ge, kMaxDay);
}
inline Eval in_window(const Question& q) {  // date >= mid and date <= stop
  return of(q.on.day() >= kMid && q.on.day() <= kStop);
}
// `a or b`, `a and b` with errors: the left side decides first; an error
// on the side that is evaluated is the result (no unknowns here).
inline Eval or_else(Eval a, Eval b) {
  if (a == kTrue) return kTrue;
  if (a != kFalse) return a;
  return b;
}
inline Eval and_then(Eval a, Eval b) {
  if (a == kFalse) return kFalse;
  if (a != kTrue) return a;
  return b;
}
inline const WhenItem kWhens[] = {
    {-1, "true", [](const Question&, const std::array<int, 2>&) { return kTrue; }},
    {-1, "flag", [](const Question& q, const std::array<int, 2>&) { return of(q.flag_value()); }},
    {-1, "not flag",
     [](const Question& q, const std::array<int, 2>&) { return of(!q.flag_value()); }},
    {-1, "count > 3",
     [](const Question& q, const std::array<int, 2>&) { return of(q.count_value() > 3); }},
    {-1, "count * 2 >= 10",
     [](const Question& q, const std::array<int, 2>&) { return of(q.count_value() * 2 >= 10); }},
    {-1, "count - 5 == 0",
     [](const Question& q, const std::array<int, 2>&) { return of(q.count_value() == 5); }},
    {-1, "count / (count - 5) > 0",
     [](const Question& q, const std::array<int, 2>&) {
       if (q.count_value() == 5) return kDivisionByZero;
       return of(q.count_value() / (q.count_value() - 5) > 0);
     }},
    {-1, "tier == green",
     [](const Question& q, const std::array<int, 2>&) {
       return q.tier < 0 ? kMissingFact : of(q.tier == 1);
     }},
    {-1, "date >= mid",
     [](const Question& q, const std::array<int, 2>&) { return of(q.on.day() >= kMid); }},
    {-1, "date < after_event",
     [](const Question& q, const std::array<int, 2>&) { return of(q.on.day() < q.after_event()); }},
    {-1, "event <= date",
     [](const Question& q, const std::array<int, 2>&) { return of(q.event_day() <= q.on.day()); }},
    {-1, "(flag or count < 1) and date <= stop",
     [](const Question& q, const std::array<int, 2>&) {
       return of((q.flag_value() || q.count_value() < 1) && q.on.day() <= kStop);
     }},
    {0, "hue == red", [](const Question&, const std::array<int, 2>& a) { return of(a[1] == 0); }},
    {0, "hue in [red, blue]",
     [](const Question&, const std::array<int, 2>& a) { return of(a[1] != 1); }},
    {0, "who != alice", [](const Question&, const std::array<int, 2>& a) { return of(a[0] != 0); }},
    {0, "who == party.bob and hue not in [green]",
     [](const Question&, const std::array<int, 2>& a) { return of(a[0] == 1 && a[1] != 1); }},
    {0, "hue != color.green or flag",
     [](const Question& q, const std::array<int, 2>& a) {
       return of(a[1] != 1 || q.flag_value());
     }},
    // `date` in every position the language allows (month arithmetic with
    // clamping, end_of_*, day counts, min/max, if, lists, both sides).
    {-1, "date + 1 month >= mid",
     [](const Question& q, const std::array<int, 2>&) {
       return compare_days(plus_months(q.on.day(), 1), Cmp::Ge, kMid);
     }},
    {-1, "date - 1 year < start",
     [](const Question& q, const std::array<int, 2>&) {
       return compare_days(plus_months(q.on.day(), -12), Cmp::Lt, kStart);
     }},
    {-1, "end_of_month(date) == 2020-02-29",
     [](const Question& q, const std::array<int, 2>&) {
       return of(end_of_month(q.on.day()) == civil(2020, 2, 29));
     }},
    {-1, "end_of_quarter(date) > stop",
     [](const Question& q, const std::array<int, 2>&) {
       return of(end_of_quarter(q.on.day()) > kStop);
     }},
    {-1, "end_of_year(date - 1 month) == 2020-12-31",
     [](const Question& q, const std::array<int, 2>&) {
       const int d = plus_months(q.on.day(), -1);
       return d == kBadDate ? kDateOutOfRange : of(end_of_year(d) == civil(2020, 12, 31));
     }},
    {-1, "date - start > 30",
     [](const Question& q, const std::array<int, 2>&) {
       return of(days_between(q.on.day(), kStart) > 30);
     }},
    {-1, "stop - date <= 45",
     [](const Question& q, const std::array<int, 2>&) {
       return of(days_between(kStop, q.on.day()) <= 45);
     }},
    {-1, "min(date, stop) >= mid",
     [](const Question& q, const std::array<int, 2>&) {
       return of(min_day(q.on.day(), kStop) >= kMid);
     }},
    {-1, "max(date + 10 days, mid) > stop",
     [](const Question& q, const std::array<int, 2>&) {
       return compare_days(max_day(plus_days(q.on.day(), 10), kMid), Cmp::Gt, kStop);
     }},
    {-1, "if date < mid then flag else not flag",
     [](const Question& q, const std::array<int, 2>&) {
       return of(q.on.day() < kMid ? q.flag_value() : !q.flag_value());
     }},
    {-1, "date in [mid, stop]",
     [](const Question& q, const std::array<int, 2>&) {
       return of(q.on.day() == kMid || q.on.day() == kStop);
     }},
    {-1, "date == 2020-02-29",
     [](const Question& q, const std::array<int, 2>&) {
       return of(q.on.day() == civil(2020, 2, 29));
     }},
    {-1, "(date - start) * 2 > (stop - start)",
     [](const Question& q, const std::array<int, 2>&) {
       return of(days_between(q.on.day(), kStart) * 2 > days_between(kStop, kStart));
     }},
    {-1, "date - start < stop - date",
     [](const Question& q, const std::array<int, 2>&) {
       return of(days_between(q.on.day(), kStart) < days_between(kStop, q.on.day()));
     }},
    {-1, "date + 1 month > date + 30 days",
     [](const Question& q, const std::array<int, 2>&) {
       const int a = plus_months(q.on.day(), 1), b = plus_days(q.on.day(), 30);
       return a == kBadDate || b == kBadDate ? kDateOutOfRange : of(a > b);
     }},
    {-1, "date < event",
     [](const Question& q, const std::array<int, 2>&) { return of(q.on.day() < q.event_day()); }},
    {-1, "date - event >= 0",
     [](const Question& q, const std::array<int, 2>&) {
       const long long d = days_between(q.on.day(), q.event_day());
       return d == kBadDate ? kDateOutOfRange : of(d >= 0);
     }},
    {-1, "date + 1 day > ends",
     [](const Question& q, const std::array<int, 2>&) {
       return compare_days(plus_days(q.on.day(), 1), Cmp::Gt, q.ends_day());
     }},
    {-1, "date + 2 business days > stop",
     [](const Question& q, const std::array<int, 2>&) {
       return compare_days(plus_business_days(q.on.day(), 2), Cmp::Gt, kStop);
     }},
    {-1, "date - 3 business days <= mid",
     [](const Question& q, const std::array<int, 2>&) {
       return compare_days(plus_business_days(q.on.day(), -3), Cmp::Le, kMid);
     }},
    {-1, "late", [](const Question& q, const std::array<int, 2>&) { return late(q); }},
    {-1, "edge or late",
     [](const Question& q, const std::array<int, 2>&) { return or_else(edge(q), late(q)); }},
    {-1, "late or edge",
     [](const Question& q, const std::array<int, 2>&) { return or_else(late(q), edge(q)); }},
    {-1, "in_window and not flag",
     [](const Question& q, const std::array<int, 2>&) {
       return and_then(in_window(q), of(!q.flag_value()));
     }},
    {2, "b", [](const Question&, const std::array<int, 2>& a) { return of(a[0] == 1); }},
    {2, "not b", [](const Question&, const std::array<int, 2>& a) { return of(a[0] == 0); }},
    {2, "b == flag",
     [](const Question& q,
        const std::array<int, 2>& a) { return of((a[0] == 1) == q.flag_value()); }},
};

// A bound's value: a day, kNever, or kBadDate.
struct BoundItem {
  const char* text;
  int (*value)(const Question& q);
};
inline const BoundItem kBounds[] = {
    {"2020-03-15", [](const Question&) { return civil(2020, 3, 15); }},
    {"start", [](const Question&) { return kStart; }},
    {"mid", [](const Question&) { return kMid; }},
    {"stop", [](const Question&) { return kStop; }},
    {"mid + 10 days", [](const Question&) { return civil(2020, 7, 11); }},
    {"stop - 1 month", [](const Question&) { return civil(2021, 6, 1); }},
    {"start + 3 months", [](const Question&) { return civil(2020, 4, 1); }},
    {"event", [](const Question& q) { return q.event_day(); }},
    {"after_event", [](const Question& q) { return q.after_event(); }},
    {"event - 1 week",
     [](const Question& q) { return q.event_day() == kNever ? kNever : q.event_day() - 7; }},
    {"event + 1 year", [](const Question& q) { return kEvents[q.event].plus_year; }},
    {"never", [](const Question&) { return kNever; }},
    {"ends", [](const Question& q) { return q.ends_day(); }},
    {"2020-01-31 + 1 month", [](const Question&) { return civil(2020, 2, 29); }},
    {"end_of_quarter(event)", [](const Question& q) { return end_of_quarter(q.event_day()); }},
    {"min(event, stop)", [](const Question& q) { return min_day(q.event_day(), kStop); }},
    {"max(start, event - 1 year)",
     [](const Question& q) { return max_day(kStart, plus_months(q.event_day(), -12)); }},
    {"0001-01-01", [](const Question&) { return kMinDay; }},
    {"9999-12-31", [](const Question&) { return kMaxDay; }},
};

// Amendment dates: constant expressions only.
struct AmendmentDateItem {
  const char* text;
  int day;
};
inline const AmendmentDateItem kAmendmentDates[] = {
    {"2020-02-01", civil(2020, 2, 1)}, {"start + 3 months", civil(2020, 4, 1)}, {"mid", kMid},
    {"2020-07-01", civil(2020, 7, 1)}, {"2021-01-01", civil(2021, 1, 1)},       {"stop", kStop},
    {"2019-06-01", civil(2019, 6, 1)}, {"mid - 1 day", civil(2020, 6, 30)},
};

template <class T, std::size_t N>
constexpr unsigned count_of(const T (&)[N]) {
  return static_cast<unsigned>(N);
}

// ---------------------------------------------------------------- the model

enum ModalityChoice : int { kPermit = 0, kForbid = 1, kOblige = 2 };
inline const char* const kModalityKeys[] = {"permit", "forbid", "oblige"};

struct Version {
  int modality = kPermit;
  int pattern = 0;  // index into kPatterns
  int when = -1;    // index into kWhens, -1 none
  int from = -1;    // index into kBounds, -1 none
  int until = -1;   // index into kBounds, -1 none
  bool through = false;
  std::vector<int> overrides;  // clause indices, all lower than the clause's
};

struct Patch {
  std::optional<std::pair<int, int>> modality;  // modality, pattern (same action)
  std::optional<int> when, from, until;         // -1: null (removed)
  bool through = false;
  std::optional<std::vector<int>> overrides;  // empty: null (cleared)
};

struct Amendment {
  int signed_on = 0;   // index into kAmendmentDates
  int effective = -1;  // index, -1: as signed
  std::vector<int> repeal;
  std::vector<std::pair<int, Patch>> amend;
  std::vector<int> add;  // clause indices

  int signed_day() const { return kAmendmentDates[signed_on].day; }
  int effective_day() const { return kAmendmentDates[effective < 0 ? signed_on : effective].day; }
};

struct Model {
  int contract_default = -1;  // -1: not written (permitted), 0 permitted, 1 forbidden
  std::array<int, kActions> action_default{-1, -1, -1};
  std::vector<Version> clauses;  // originals, then added ones in amendment file order
  std::size_t originals = 0;
  std::vector<Amendment> amendments;  // file order
  std::vector<int> order;             // amendment indices in effective order (stable)
  unsigned style = 0;                 // YAML scalar styles, a seed
};

inline int action_of(const Version& v) { return kPatterns[v.pattern].action; }

inline Version apply(Version v, const Patch& p) {
  if (p.modality) {
    v.modality = p.modality->first;
    v.pattern = p.modality->second;
  }
  if (p.when) v.when = *p.when;
  if (p.from) v.from = *p.from;
  if (p.until) {
    v.until = *p.until;
    v.through = p.through;
  }
  if (p.overrides) v.overrides = *p.overrides;
  return v;
}

}  // namespace pacta::fuzz::generated
