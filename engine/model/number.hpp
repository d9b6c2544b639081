#pragma once
// Exact numbers (SPEC §2 "Numbers are exact"): a rational p/q in lowest
// terms, q > 0. Two representations, one value set:
//  - small: p and q in int64 (|p| <= INT64_MAX). Arithmetic on two small
//    numbers is inline, allocation-free, with overflow checks; it covers
//    money, percentages and counts, i.e. every decision of the benchmarks;
//  - big: a shared, immutable Boost.Multiprecision cpp_rational, used only
//    when a small result would overflow. number.cpp alone includes Boost
//    (cpp_int.hpp costs seconds of compile time per translation unit).
// Every result that fits the small form is stored small, so equal values
// have equal representations. Results whose numerator or denominator would
// have more than Limits::max_number_digits decimal digits are refused
// (nullopt): the evaluator reports them (E605).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace pacta {

class Number {
 public:
  struct Big;  // defined in number.cpp

  Number() = default;  // 0
  explicit Number(std::int64_t integer) {
    if (integer == INT64_MIN) {
      *this = from_big_integer_min();
    } else {
      num_ = integer;
    }
  }

  // A decimal as written in rule files: [-]DIGITS[.DIGITS] (no exponent).
  // nullopt when the text is not of that form or past the size bound.
  static std::optional<Number> parse(std::string_view text);

  bool is_zero() const { return !big_ && num_ == 0; }
  bool is_small() const { return !big_; }
  bool is_integer() const;
  // The integer value when it is a whole number that fits int64.
  std::optional<std::int64_t> to_int64() const {
    if (!big_ && den_ == 1) return num_;
    return std::nullopt;
  }
  // The exact decimal ("10", "0.15", "-2.5") when the expansion
  // terminates, else "p/q" ("1/3", "-2/3").
  std::string to_string() const;
  // Decimal digits of the numerator and of the denominator, the larger.
  std::size_t digits() const;

  Number operator-() const {
    if (!big_) return small(-num_, den_);  // num_ != INT64_MIN: no overflow
    return negate_big();
  }
  // nullopt: the result would exceed the size bound.
  friend std::optional<Number> add(const Number& a, const Number& b) {
    if (!a.big_ && !b.big_) {
      if (auto r = add_small(a.num_, a.den_, b.num_, b.den_)) return r;
    }
    return add_big(a, b);
  }
  friend std::optional<Number> subtract(const Number& a, const Number& b) { return add(a, -b); }
  friend std::optional<Number> multiply(const Number& a, const Number& b) {
    if (!a.big_ && !b.big_) {
      if (auto r = multiply_small(a.num_, a.den_, b.num_, b.den_)) return r;
    }
    return multiply_big(a, b);
  }
  // `b` must not be zero.
  friend std::optional<Number> divide(const Number& a, const Number& b) {
    if (!a.big_ && !b.big_) {
      // a ÷ (p/q) = a × (q/p), the sign moved to the numerator.
      const std::int64_t num = b.num_ < 0 ? -b.den_ : b.den_;
      if (auto r = multiply_small(a.num_, a.den_, num, abs(b.num_))) return r;
    }
    return divide_big(a, b);
  }
  // -1, 0 or 1.
  friend int compare(const Number& a, const Number& b) {
    if (!a.big_ && !b.big_) {
      if (a.den_ == b.den_) return a.num_ < b.num_ ? -1 : (a.num_ > b.num_ ? 1 : 0);
      std::int64_t l = 0, r = 0;
      if (!__builtin_mul_overflow(a.num_, b.den_, &l) &&
          !__builtin_mul_overflow(b.num_, a.den_, &r)) {
        return l < r ? -1 : (l > r ? 1 : 0);
      }
    }
    return compare_big(a, b);
  }
  friend bool operator==(const Number& a, const Number& b) {
    if (!a.big_ && !b.big_) return a.num_ == b.num_ && a.den_ == b.den_;
    if (!a.big_ || !b.big_) return false;  // a big value never fits the small form
    return compare_big(a, b) == 0;
  }

 private:
  static Number small(std::int64_t num, std::int64_t den) {
    Number n;
    n.num_ = num;
    n.den_ = den;
    return n;
  }
  static std::int64_t abs(std::int64_t v) { return v < 0 ? -v : v; }
  // Binary (Stein's) gcd of |a| and |b|, neither INT64_MIN: shifts instead
  // of the divisions of std::gcd, several times faster on 64-bit values.
  static std::int64_t gcd(std::int64_t a, std::int64_t b) {
    std::uint64_t x = static_cast<std::uint64_t>(abs(a)), y = static_cast<std::uint64_t>(abs(b));
    if (x == 1 || y == 1) return 1;
    if (x == 0) return static_cast<std::int64_t>(y);
    if (y == 0) return static_cast<std::int64_t>(x);
    const int shift = __builtin_ctzll(x | y);
    x >>= __builtin_ctzll(x);
    do {
      y >>= __builtin_ctzll(y);
      if (x > y) std::swap(x, y);
      y -= x;
    } while (y != 0);
    return static_cast<std::int64_t>(x << shift);
  }
  // The small form of num/den (den > 0, neither INT64_MIN), reduced.
  static Number reduced(std::int64_t num, std::int64_t den) {
    const std::int64_t g = gcd(num, den);
    return g > 1 ? small(num / g, den / g) : small(num, den);
  }
  // Knuth's addition of reduced fractions (TAOCP 4.5.1); nullopt on
  // int64 overflow.
  static std::optional<Number> add_small(std::int64_t a, std::int64_t b, std::int64_t c,
                                         std::int64_t d) {
    std::int64_t s = 0;
    if (b == d) {
      if (__builtin_add_overflow(a, c, &s) || s == INT64_MIN) return std::nullopt;
      return b == 1 ? small(s, 1) : reduced(s, b);
    }
    const std::int64_t g = gcd(b, d);
    std::int64_t l = 0, r = 0, den = 0;
    if (__builtin_mul_overflow(a, d / g, &l) || __builtin_mul_overflow(c, b / g, &r) ||
        __builtin_add_overflow(l, r, &s) || s == INT64_MIN ||
        __builtin_mul_overflow(b, d / g, &den)) {
      return std::nullopt;
    }
    if (g == 1) return small(s, den);
    return reduced(s, den);
  }
  static std::optional<Number> multiply_small(std::int64_t a, std::int64_t b, std::int64_t c,
                                              std::int64_t d) {
    const std::int64_t g1 = gcd(a, d), g2 = gcd(c, b);
    const std::int64_t a1 = g1 > 1 ? a / g1 : a, d1 = g1 > 1 ? d / g1 : d;
    const std::int64_t c1 = g2 > 1 ? c / g2 : c, b1 = g2 > 1 ? b / g2 : b;
    std::int64_t num = 0, den = 0;
    if (__builtin_mul_overflow(a1, c1, &num) || num == INT64_MIN ||
        __builtin_mul_overflow(b1, d1, &den)) {
      return std::nullopt;
    }
    if (num == 0) return Number{};
    return small(num, den);
  }

  static Number from_big_integer_min();
  Number negate_big() const;
  static std::optional<Number> add_big(const Number& a, const Number& b);
  static std::optional<Number> multiply_big(const Number& a, const Number& b);
  static std::optional<Number> divide_big(const Number& a, const Number& b);
  static int compare_big(const Number& a, const Number& b);
  friend struct NumberAccess;  // number.cpp's conversions

  std::int64_t num_ = 0;            // small: numerator, never INT64_MIN
  std::int64_t den_ = 1;            // small: denominator, > 0
  std::shared_ptr<const Big> big_;  // set: the value is big, num_/den_ unused
};

}  // namespace pacta
