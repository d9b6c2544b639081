#pragma once
// Calendar dates of the proleptic Gregorian calendar from 0001-01-01 to
// 9999-12-31, plus `never`, an instant later than every date (the value of
// an event that has not happened). A Date is a day serial: cheap to copy,
// compare and hash.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pacta {

class Date {
 public:
  static constexpr std::int32_t kMinSerial = 0;        // 0001-01-01
  static constexpr std::int32_t kMaxSerial = 3652058;  // 9999-12-31
  static constexpr std::int32_t kNeverSerial = INT32_MAX;

  constexpr Date() = default;  // 0001-01-01

  // nullopt unless y-m-d is a real calendar date within the range.
  static std::optional<Date> from_ymd(int year, int month, int day);
  // Strict `YYYY-MM-DD`; nullopt otherwise.
  static std::optional<Date> parse(std::string_view text);
  // Inline: a call returning an optional<Date> through memory stalled the
  // load of the result on the two stores that made it (15% of a decision
  // benchmark that builds each question's date with it).
  static constexpr std::optional<Date> from_serial(std::int64_t serial) {
    // `never` round-trips through its serial, like every date.
    if (serial == kNeverSerial) return never();
    if (serial < kMinSerial || serial > kMaxSerial) return std::nullopt;
    return Date(static_cast<std::int32_t>(serial));
  }
  static constexpr Date never() { return Date(kNeverSerial); }
  static constexpr Date min() { return Date(kMinSerial); }
  static constexpr Date max() { return Date(kMaxSerial); }

  constexpr bool is_never() const { return serial_ == kNeverSerial; }
  constexpr std::int32_t serial() const { return serial_; }
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31

  // "YYYY-MM-DD", or "never".
  std::string to_string() const;

  friend constexpr auto operator<=>(Date a, Date b) = default;

 private:
  constexpr explicit Date(std::int32_t serial) : serial_(serial) {}
  std::int32_t serial_ = 0;
};

// Days in a month of a year (leap years per the Gregorian rule).
int days_in_month(int year, int month);

// Date arithmetic (language.md §6). `never` plus or minus anything is `never`;
// a result outside 0001-01-01..9999-12-31 is nullopt.
std::optional<Date> add_days(Date d, std::int64_t days);
// Calendar months; the day is clamped to the target month's length.
std::optional<Date> add_months(Date d, std::int64_t months);

}  // namespace pacta
