// The days a picture of `pacta timeline` spans (picture_span, SPEC §6) and
// the ticks of its dated axis: years, thinned to every 2, 5, 10... so the
// labels fit; months under about two years; days under about two months.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "cli/report/timeline_picture_parts.hpp"

namespace pacta::cli {

namespace {

using picture::TickUnit;

TickUnit unit_for(std::int64_t days) {
  if (days > 730) return TickUnit::Year;
  return days > 62 ? TickUnit::Month : TickUnit::Day;
}

Date shifted(Date d, std::int64_t days) {
  auto r = add_days(d, days);
  if (r) return *r;
  return days < 0 ? Date::min() : Date::max();
}

Date floor_to(Date d, TickUnit u) {
  if (u == TickUnit::Day) return d;
  return *Date::from_ymd(d.year(), u == TickUnit::Year ? 1 : d.month(), 1);
}

Date ceil_to(Date d, TickUnit u) {
  if (u == TickUnit::Day) return d;
  const int month = u == TickUnit::Year ? 12 : d.month();
  return *Date::from_ymd(d.year(), month, days_in_month(d.year(), month));
}

// The contract's own dates inside the range asked for: amendments, and the
// run boundaries that are not the beginning or end of time.
std::vector<Date> own_dates(const TimelineReport& r) {
  std::vector<Date> out;
  for (const auto& a : r.amendments) {
    out.push_back(a.signed_on);
    out.push_back(a.effective);
  }
  for (const auto& row : r.rows) {
    for (const auto& run : row.runs) {
      if (run.from != Date::min()) out.push_back(run.from);
      if (run.through != Date::max()) out.push_back(run.through);
    }
  }
  std::erase_if(
      out, [&](Date d) { return d.is_never() || (r.from && d < *r.from) || (r.to && d > *r.to); });
  return out;
}

// The smallest step of `steps` at which the labels of `count` units, each
// given `label_px`, fit in the plot.
int step_for(std::int64_t count, double label_px, double width, std::initializer_list<int> steps) {
  for (int s : steps) {
    const std::int64_t labels = (count + s - 1) / s;
    if (static_cast<double>(labels) * label_px <= width) return s;
  }
  return *(steps.end() - 1);
}

std::vector<picture::AxisTick> year_ticks(DayRange span, double width) {
  const int step = step_for(span.last.year() - span.first.year() + 1, 40, width,
                            {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000});
  std::vector<picture::AxisTick> out;
  for (int y = (span.first.year() + step - 1) / step * step; y <= span.last.year(); y += step) {
    const auto d = Date::from_ymd(y, 1, 1);
    if (d && *d >= span.first) out.push_back({*d, std::to_string(y)});
  }
  return out;
}

std::vector<picture::AxisTick> month_ticks(DayRange span, double width) {
  const std::int64_t m0 = std::int64_t{span.first.year()} * 12 + span.first.month() - 1;
  const std::int64_t m1 = std::int64_t{span.last.year()} * 12 + span.last.month() - 1;
  const int step = step_for(m1 - m0 + 1, 56, width, {1, 2, 3, 6, 12});
  std::vector<picture::AxisTick> out;
  for (std::int64_t m = m0; m <= m1; ++m) {
    if (m % step != 0) continue;
    const auto d = Date::from_ymd(static_cast<int>(m / 12), static_cast<int>(m % 12) + 1, 1);
    if (d && *d >= span.first) out.push_back({*d, d->to_string().substr(0, 7)});
  }
  return out;
}

std::vector<picture::AxisTick> day_ticks(DayRange span, double width) {
  const std::int64_t days = std::int64_t{span.last.serial()} - span.first.serial() + 1;
  const int step = step_for(days, 80, width, {1, 2, 7, 14, 28});
  std::vector<picture::AxisTick> out;
  for (std::int64_t k = 0; k < days; k += step) {
    const Date d = shifted(span.first, k);
    out.push_back({d, d.to_string()});
  }
  return out;
}

}  // namespace

DayRange picture_span(const TimelineReport& r) {
  if (r.from && r.to) return {*r.from, std::max(*r.from, *r.to)};
  std::vector<Date> days = own_dates(r);
  if (r.from) days.push_back(*r.from);
  if (r.to) days.push_back(*r.to);
  // No date at all (one answer for all time): any window shows it; a fixed
  // one keeps the picture deterministic.
  if (days.empty()) return {*Date::from_ymd(2000, 1, 1), *Date::from_ymd(2039, 12, 31)};
  const auto [lo, hi] = std::minmax_element(days.begin(), days.end());
  const std::int64_t width = std::int64_t{hi->serial()} - lo->serial();
  // A tenth each side, at least a year (or the width itself when shorter,
  // so that a few days are not lost in a year of margin).
  const std::int64_t pad =
      width == 0 ? 365 : std::max(width / 10, std::min<std::int64_t>(width, 365));
  const TickUnit unit = unit_for(width + 2 * pad);
  DayRange out;
  out.first = r.from ? *r.from : floor_to(shifted(*lo, -pad), unit);
  out.last = r.to ? *r.to : ceil_to(shifted(*hi, pad), unit);
  return out;
}

namespace picture {

const char* tick_unit_name(TickUnit u) {
  switch (u) {
    case TickUnit::Day:
      return "day";
    case TickUnit::Month:
      return "month";
    case TickUnit::Year:
      return "year";
  }
  return "?";
}

TickUnit tick_unit(DayRange span) {
  return unit_for(std::int64_t{span.last.serial()} - span.first.serial() + 1);
}

std::vector<AxisTick> axis_ticks(DayRange span, double width) {
  switch (tick_unit(span)) {
    case TickUnit::Year:
      return year_ticks(span, width);
    case TickUnit::Month:
      return month_ticks(span, width);
    case TickUnit::Day:
      break;
  }
  return day_ticks(span, width);
}

}  // namespace picture

}  // namespace pacta::cli
