#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <string>

#include "grammar/date.hpp"

using pacta::add_days;
using pacta::add_months;
using pacta::Date;
using pacta::days_in_month;

namespace {

Date ymd(int y, int m, int d) {
  auto date = Date::from_ymd(y, m, d);
  REQUIRE(date.has_value());
  return *date;
}

std::string shifted_by_months(const char* date, std::int64_t months) {
  auto start = Date::parse(date);
  REQUIRE(start.has_value());
  auto result = add_months(*start, months);
  return result ? result->to_string() : "out of range";
}

std::string shifted_by_days(const char* date, std::int64_t days) {
  auto start = Date::parse(date);
  REQUIRE(start.has_value());
  auto result = add_days(*start, days);
  return result ? result->to_string() : "out of range";
}

}  // namespace

TEST_CASE("every day of the range round-trips through serial, y-m-d and text", "[date]") {
  // One pass over 3,652,059 days; checks are counted by hand so Catch's
  // per-assertion bookkeeping does not dominate the run time.
  std::int64_t failures = 0;
  std::int64_t expected_serial = 0;
  int year = 1, month = 1, day = 1;
  for (std::int64_t serial = Date::kMinSerial; serial <= Date::kMaxSerial; ++serial) {
    auto from_serial = Date::from_serial(serial);
    if (!from_serial || from_serial->serial() != serial) {
      ++failures;
      continue;
    }
    const Date d = *from_serial;
    // The walking calendar (day+1 with carry) must agree with the algorithm.
    if (d.year() != year || d.month() != month || d.day() != day) ++failures;
    auto again = Date::from_ymd(d.year(), d.month(), d.day());
    if (!again || again->serial() != serial) ++failures;
    auto parsed = Date::parse(d.to_string());
    if (!parsed || *parsed != d) ++failures;
    if (d.serial() != expected_serial) ++failures;
    ++expected_serial;
    if (++day > days_in_month(year, month)) {
      day = 1;
      if (++month > 12) {
        month = 1;
        ++year;
      }
    }
  }
  CHECK(failures == 0);
  CHECK(year == 10000);  // the walk ended just after 9999-12-31
}

TEST_CASE("range ends", "[date]") {
  CHECK(Date::min().to_string() == "0001-01-01");
  CHECK(Date::max().to_string() == "9999-12-31");
  CHECK(Date{} == Date::min());
  CHECK(ymd(1, 1, 1).serial() == 0);
  CHECK(ymd(9999, 12, 31).serial() == 3652058);
  CHECK(Date::kMaxSerial == 3652058);
  CHECK(ymd(1970, 1, 1).serial() == 719162);
  CHECK_FALSE(Date::from_ymd(0, 12, 31));
  CHECK_FALSE(Date::from_ymd(10000, 1, 1));
  CHECK_FALSE(Date::from_serial(-1));
  CHECK_FALSE(Date::from_serial(Date::kMaxSerial + 1));
  CHECK_FALSE(Date::from_serial(std::numeric_limits<std::int64_t>::max()));
  CHECK_FALSE(Date::from_serial(std::numeric_limits<std::int64_t>::min()));
  CHECK(shifted_by_days("9999-12-31", 1) == "out of range");
  CHECK(shifted_by_days("0001-01-01", -1) == "out of range");
  CHECK(shifted_by_days("0001-01-01", Date::kMaxSerial) == "9999-12-31");
  CHECK(shifted_by_days("9999-12-31", -Date::kMaxSerial) == "0001-01-01");
  CHECK(shifted_by_months("9999-12-01", 1) == "out of range");
  CHECK(shifted_by_months("0001-01-31", -1) == "out of range");
}

TEST_CASE("from_ymd rejects impossible dates", "[date]") {
  CHECK_FALSE(Date::from_ymd(2025, 2, 29));
  CHECK_FALSE(Date::from_ymd(2025, 2, 30));
  CHECK_FALSE(Date::from_ymd(2025, 4, 31));
  CHECK_FALSE(Date::from_ymd(2025, 0, 1));
  CHECK_FALSE(Date::from_ymd(2025, 13, 1));
  CHECK_FALSE(Date::from_ymd(2025, 1, 0));
  CHECK_FALSE(Date::from_ymd(2025, 1, 32));
  CHECK_FALSE(Date::from_ymd(-5, 1, 1));
}

TEST_CASE("from_ymd takes exactly the days days_in_month gives, every month of the range",
          "[date]") {
  std::size_t wrong = 0;
  for (int y = 1; y <= 9999; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 0; d <= 32; ++d) {
        if (Date::from_ymd(y, m, d).has_value() != (d >= 1 && d <= days_in_month(y, m))) ++wrong;
      }
    }
  }
  CHECK(wrong == 0);
}

TEST_CASE("leap years follow the Gregorian rule", "[date]") {
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2023, 2) == 28);
  CHECK(days_in_month(2100, 2) == 28);
  CHECK(days_in_month(2400, 2) == 29);
  CHECK(days_in_month(2024, 4) == 30);
  CHECK(days_in_month(2024, 12) == 31);
  CHECK(days_in_month(2024, 13) == 0);
  CHECK_FALSE(Date::from_ymd(1900, 2, 29));
  CHECK(Date::from_ymd(2000, 2, 29));
  CHECK(Date::from_ymd(2024, 2, 29));
  CHECK(shifted_by_days("1900-02-28", 1) == "1900-03-01");
  CHECK(shifted_by_days("2000-02-28", 1) == "2000-02-29");
  CHECK(shifted_by_days("2024-02-28", 2) == "2024-03-01");
  CHECK(shifted_by_days("2024-01-01", 366) == "2025-01-01");
  CHECK(shifted_by_days("2023-01-01", 365) == "2024-01-01");
}

TEST_CASE("parse is strict YYYY-MM-DD", "[date]") {
  CHECK(Date::parse("2019-07-22")->to_string() == "2019-07-22");
  CHECK(Date::parse("0001-01-01") == Date::min());
  CHECK(Date::parse("9999-12-31") == Date::max());
  const char* rejected[] = {"",           "2019-7-22",   "2019-07-2",   "19-07-22",
                            "2019/07/22", "2019-07-22 ", " 2019-07-22", "2019-07-22T",
                            "20190722",   "2019-13-01",  "2019-02-29",  "0000-01-01",
                            "+019-07-22", "2019-0a-22",  "2019--7-22",  "12019-07-22",
                            "2019-07-00", "never",       "２019-07-22"};
  for (const char* text : rejected) {
    INFO("text: '" << text << "'");
    CHECK_FALSE(Date::parse(text));
  }
}

TEST_CASE("to_string zero-pads every field", "[date]") {
  CHECK(ymd(1, 2, 3).to_string() == "0001-02-03");
  CHECK(ymd(999, 10, 9).to_string() == "0999-10-09");
  CHECK(ymd(2024, 12, 31).to_string() == "2024-12-31");
}

TEST_CASE("add_months clamps the day to the target month", "[date]") {
  CHECK(shifted_by_months("2024-01-31", 1) == "2024-02-29");
  CHECK(shifted_by_months("2023-01-31", 1) == "2023-02-28");
  CHECK(shifted_by_months("2024-02-29", 12) == "2025-02-28");
  CHECK(shifted_by_months("2024-02-29", 48) == "2028-02-29");
  CHECK(shifted_by_months("2024-03-31", 1) == "2024-04-30");
  CHECK(shifted_by_months("2024-03-31", -1) == "2024-02-29");
  CHECK(shifted_by_months("2024-03-31", -13) == "2023-02-28");
  CHECK(shifted_by_months("2024-01-15", -1) == "2023-12-15");
  CHECK(shifted_by_months("2024-01-15", -12) == "2023-01-15");
  CHECK(shifted_by_months("2024-01-15", -24 - 11) == "2021-02-15");
  CHECK(shifted_by_months("2024-12-15", 1) == "2025-01-15");
  CHECK(shifted_by_months("2024-05-20", 0) == "2024-05-20");
  CHECK(shifted_by_months("0001-01-01", 9998 * 12 + 11) == "9999-12-01");
  CHECK(shifted_by_months("9999-12-31", -(9998 * 12 + 11)) == "0001-01-31");
}

TEST_CASE("never plus or minus anything is never", "[date]") {
  const Date never = Date::never();
  CHECK(never.is_never());
  CHECK(never.to_string() == "never");
  CHECK(Date::max() < never);
  CHECK(never == Date::never());
  CHECK(Date::from_serial(never.serial()) == never);
  for (std::int64_t n :
       {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1},
        std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()}) {
    CHECK(add_days(never, n) == never);
    CHECK(add_months(never, n) == never);
  }
  CHECK_FALSE(ymd(2024, 1, 1).is_never());
}

TEST_CASE("huge steps give nullopt without overflow", "[date]") {
  const Date d = ymd(2024, 6, 15);
  const std::int64_t huge[] = {std::numeric_limits<std::int64_t>::max(),
                               std::numeric_limits<std::int64_t>::min(),
                               std::numeric_limits<std::int64_t>::max() / 12 + 1,
                               std::numeric_limits<std::int32_t>::max(),
                               std::numeric_limits<std::int32_t>::min(),
                               std::int64_t{Date::kMaxSerial} + 1,
                               -std::int64_t{Date::kMaxSerial} - 1};
  for (std::int64_t n : huge) {
    INFO("n = " << n);
    CHECK_FALSE(add_days(d, n));
    CHECK_FALSE(add_months(d, n));
    if (n != std::numeric_limits<std::int64_t>::min()) {  // -n would overflow
      CHECK_FALSE(add_days(d, -n));
      CHECK_FALSE(add_months(d, -n));
    }
  }
  CHECK_FALSE(add_months(d, 120000));  // 10,000 years
  CHECK_FALSE(add_months(d, -120000));
  CHECK(add_days(d, 0) == d);
  CHECK(shifted_by_days("2024-06-15", -45) == "2024-05-01");
}
