// Exact numbers (engine/model/number.hpp): parsing decimals, arithmetic and
// comparison in both representations (int64 fraction and the big fallback),
// printing, and the size bound.
#include <catch2/catch.hpp>
#include <string>
#include <utility>

#include "engine/model/number.hpp"
#include "grammar/limits.hpp"

using pacta::Number;

namespace {

Number num(const char* text) {
  auto n = Number::parse(text);
  REQUIRE(n);
  return *n;
}

std::string sum(const char* a, const char* b) { return add(num(a), num(b))->to_string(); }
std::string product(const char* a, const char* b) { return multiply(num(a), num(b))->to_string(); }
std::string quotient(const char* a, const char* b) { return divide(num(a), num(b))->to_string(); }

}  // namespace

TEST_CASE("number: decimals are exact", "[number]") {
  CHECK(add(num("0.1"), num("0.2")) == num("0.3"));
  CHECK(compare(*add(num("0.7"), num("0.1")), num("0.8")) == 0);
  CHECK(sum("0.7", "0.1") == "0.8");
  CHECK(sum("0.15", "-0.15") == "0");
  CHECK(*subtract(num("1"), num("0.9")) == num("0.1"));
  CHECK(product("0.15", "20") == "3");
  CHECK(product("-2.5", "0.5") == "-1.25");
  CHECK(quotient("1", "3") == "1/3");
  CHECK(quotient("-2", "3") == "-2/3");
  CHECK(quotient("1", "-8") == "-0.125");
  CHECK(quotient("10", "4") == "2.5");
  CHECK(*multiply(*divide(num("1"), num("3")), num("3")) == num("1"));
}

TEST_CASE("number: fractions not yet reduced compare, print and convert as reduced", "[number]") {
  const Number one = *add(num("0.5"), num("0.5"));  // 2/2 until reduced
  CHECK(one == Number(1));
  CHECK(Number(1) == one);
  CHECK(one.is_integer());
  CHECK(one.to_int64() == 1);
  CHECK(one.to_string() == "1");
  CHECK(one.digits() == 1);
  const Number zero = *multiply(Number(0), num("0.25"));
  CHECK(zero.is_zero());
  CHECK(zero == Number(0));
  CHECK(zero.to_string() == "0");
  CHECK(*multiply(num("0.2"), num("5")) == Number(1));
  CHECK(compare(*multiply(num("0.2"), num("5")), Number(1)) == 0);
  CHECK(*subtract(num("0.75"), num("0.25")) == num("0.5"));
  // Copies and moves of a big number share or hand over its value.
  Number big = num("123456789012345678901234567890");
  Number copy = big;
  Number moved = std::move(copy);
  copy = moved;
  Number& same = copy;
  copy = same;  // self-assignment
  CHECK(copy == big);
  CHECK(moved.to_string() == "123456789012345678901234567890");
  big = Number(3);
  CHECK(big.to_string() == "3");
  CHECK(copy.to_string() == "123456789012345678901234567890");
}

TEST_CASE("number: parsing", "[number]") {
  CHECK(num("0.150").to_string() == "0.15");
  CHECK(num("10").to_string() == "10");
  CHECK(num("-2.50").to_string() == "-2.5");
  CHECK(num("0.0001").to_string() == "0.0001");
  CHECK(num("-0").to_string() == "0");
  CHECK(num("007").to_string() == "7");
  CHECK(num("-0.5").is_small());
  CHECK(num("12") == Number(12));
  for (const char* bad : {"", "-", ".5", "5.", "1e5", "1.2.3", "abc", "1,5", "+1", " 1"}) {
    CAPTURE(bad);
    CHECK_FALSE(Number::parse(bad));
  }
}

// Past 18 digits the big form parses: leading zeros are not an octal prefix
// (found by fuzz_expression: "0000000000000000004147463338" threw, and digits
// 0-7 after a leading 0 would have been read in base 8).
TEST_CASE("number: long literals with leading zeros are decimal", "[number]") {
  CHECK(num("000000000000000000000000000017").to_string() == "17");
  CHECK(num("0000000000000000004147463338").to_string() == "4147463338");
  CHECK(num("0.1234567123456712345").to_string() == "0.1234567123456712345");
  CHECK(num("-0.0000000000000000000000000009").to_string() == "-0.0000000000000000000000000009");
  CHECK(num("00000000000000000000000000000000").to_string() == "0");
  CHECK(sum("0.1234567123456712345", "0.8765432876543287655") == "1");
  // Leading zeros do not count towards the size bound; fraction digits do.
  CHECK(Number::parse(std::string(300, '0') + "5"));
  CHECK_FALSE(Number::parse("0." + std::string(300, '0') + "5"));
}

TEST_CASE("number: comparison", "[number]") {
  CHECK(compare(num("0.3"), num("0.29999")) == 1);
  CHECK(compare(num("-1"), num("0.5")) == -1);
  CHECK(compare(num("2.5"), num("2.50")) == 0);
  CHECK(compare(*divide(num("1"), num("3")), num("0.3333333333333333")) == 1);
  CHECK(num("0.5") != num("0.25"));
  CHECK(num("0.5").is_integer() == false);
  CHECK(num("4").is_integer());
  CHECK(num("4").to_int64() == 4);
  CHECK_FALSE(num("4.5").to_int64());
}

TEST_CASE("number: past int64 the big form takes over, and comes back", "[number]") {
  const Number big = num("123456789012345678901234567890");
  CHECK_FALSE(big.is_small());
  CHECK(big.to_string() == "123456789012345678901234567890");
  CHECK(num("-123456789012345678901234567890.5").to_string() ==
        "-123456789012345678901234567890.5");
  const Number max(INT64_MAX);
  CHECK(max.is_small());
  auto over = add(max, Number(1));
  REQUIRE(over);
  CHECK_FALSE(over->is_small());
  CHECK(over->to_string() == "9223372036854775808");
  auto back = subtract(*over, Number(1));
  REQUIRE(back);
  CHECK(back->is_small());
  CHECK(*back == max);
  CHECK(Number(INT64_MIN).to_string() == "-9223372036854775808");
  CHECK_FALSE(Number(INT64_MIN).is_small());
  CHECK(compare(big, max) == 1);
  CHECK(compare(-big, max) == -1);
  CHECK(big == num("123456789012345678901234567890.000"));
  CHECK(big != max);
  auto third = divide(big, Number(3));
  CHECK(third->to_string() == "41152263004115226300411522630");
  auto eleventh = divide(big, Number(11));
  CHECK(eleventh->to_string() == "123456789012345678901234567890/11");
  CHECK(*multiply(*eleventh, Number(11)) == big);
  // A denominator past int64: products of small fractions.
  auto tiny = multiply(num("0.000000001"), num("0.000000001"));
  REQUIRE(tiny);
  CHECK(tiny->is_small());
  auto tinier = multiply(*tiny, num("0.000000000001"));
  CHECK_FALSE(tinier->is_small());
  CHECK(tinier->to_string() == "0.000000000000000000000000000001");
  CHECK(compare(*tinier, Number(0)) == 1);
}

TEST_CASE("number: the size bound", "[number]") {
  const std::size_t bound = pacta::Limits{}.max_number_digits;
  CHECK(bound == 256);
  Number n = num("1000000000000000000000000000000");  // 10^30
  Number p(1);
  for (int i = 0; i < 8; ++i) p = *multiply(p, n);  // 10^240: 241 digits
  CHECK(p.digits() == 241);
  CHECK(multiply(p, Number(1'000'000'000'000'000)));  // 10^255: 256 digits
  CHECK_FALSE(multiply(p, n));                        // 10^270
  // Just at the bound: 256 nines is fine, one more is not.
  const Number nines = num(std::string(256, '9').c_str());
  CHECK(nines.digits() == 256);
  CHECK_FALSE(add(nines, Number(1)));
  CHECK(subtract(nines, Number(1)));
  CHECK_FALSE(Number::parse(std::string(257, '9')));
  // The denominator counts too.
  auto small = divide(Number(1), nines);
  REQUIRE(small);
  CHECK_FALSE(divide(*small, Number(10)));
}
