#include "grammar/date.hpp"

#include <algorithm>

namespace pacta {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days
// (https://howardhinnant.github.io/date_algorithms.html): days relative to
// 1970-01-01 in the proleptic Gregorian calendar, exact for every year we
// accept. Eras are 400-year cycles starting on March 1st, so the leap day is
// the last day of an era-year and needs no special case.
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);                 // [0, 399]
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  int year;
  int month;
  int day;
};

constexpr Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);                    // [0, 146096]
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);  // [0, 365]
  const unsigned mp = (5 * doy + 2) / 153;                       // [0, 11]
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;               // [1, 31]
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;                  // [1, 12]
  return Civil{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

constexpr std::int64_t kEpochOffset = days_from_civil(1, 1, 1);  // serial 0

static_assert(days_from_civil(9999, 12, 31) - kEpochOffset == Date::kMaxSerial,
              "kMaxSerial must be the serial of 9999-12-31");
static_assert(civil_from_days(kEpochOffset).year == 1);

constexpr bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

Civil civil_of(Date d) {
  if (d.is_never()) return Civil{0, 0, 0};  // `never` is no calendar date
  return civil_from_days(static_cast<std::int64_t>(d.serial()) + kEpochOffset);
}

int digit(char c) { return (c >= '0' && c <= '9') ? c - '0' : -1; }

// Parses exactly `count` decimal digits; -1 if any is not a digit.
int digits(std::string_view text, std::size_t from, std::size_t count) {
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    int d = digit(text[i]);
    if (d < 0) return -1;
    value = value * 10 + d;
  }
  return value;
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  // The month's length without a branch on the year (batch questions ask
  // random dates, whose leap years and months a branch mispredicts).
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0);
  const int length = kDays[month - 1] + static_cast<int>((month == 2) & leap);
  if (day < 1 || day > length) return std::nullopt;
  const std::int64_t serial =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) -
      kEpochOffset;
  return Date(static_cast<std::int32_t>(serial));
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int year = digits(text, 0, 4);
  const int month = digits(text, 5, 2);
  const int day = digits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return std::nullopt;
  return from_ymd(year, month, day);
}

int Date::year() const { return civil_of(*this).year; }
int Date::month() const { return civil_of(*this).month; }
int Date::day() const { return civil_of(*this).day; }

std::string Date::to_string() const {
  if (is_never()) return "never";
  const Civil c = civil_of(*this);
  // Fixed width 4-2-2; every field is in range, so plain digit writing is exact.
  std::string out = "0000-00-00";
  auto put = [&out](std::size_t end, int value) {
    for (std::size_t i = end; value > 0; --i) {
      out[i] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
  };
  put(3, c.year);
  put(6, c.month);
  put(9, c.day);
  return out;
}

std::optional<Date> add_days(Date d, std::int64_t days) {
  if (d.is_never()) return d;
  // Any step longer than the whole range leaves it; checking first keeps the
  // sum below from overflowing for huge inputs.
  if (days > Date::kMaxSerial || days < -static_cast<std::int64_t>(Date::kMaxSerial)) {
    return std::nullopt;
  }
  const std::int64_t serial = static_cast<std::int64_t>(d.serial()) + days;
  if (serial < Date::kMinSerial || serial > Date::kMaxSerial) return std::nullopt;
  return Date::from_serial(serial);
}

std::optional<Date> add_months(Date d, std::int64_t months) {
  if (d.is_never()) return d;
  constexpr std::int64_t kMonthsInRange = std::int64_t{9999} * 12;
  if (months > kMonthsInRange || months < -kMonthsInRange) return std::nullopt;
  const Civil c = civil_of(d);
  // Months counted from January of year 0: floor division handles negatives.
  const std::int64_t index = static_cast<std::int64_t>(c.year) * 12 + (c.month - 1) + months;
  const std::int64_t year = index >= 0 ? index / 12 : (index - 11) / 12;
  const auto month = static_cast<int>(index - year * 12) + 1;
  if (year < 1 || year > 9999) return std::nullopt;
  const int y = static_cast<int>(year);
  return Date::from_ymd(y, month, std::min(c.day, days_in_month(y, month)));
}

}  // namespace pacta
