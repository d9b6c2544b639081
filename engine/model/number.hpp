#pragma once
// Exact numbers (language.md §6, "Numbers are exact"): a rational p/q, q > 0. Two
// representations of one value set, 16 bytes either way:
//  - small: p and q in int64 (p != INT64_MIN). Arithmetic on two small
//    numbers is inline, allocation-free, with overflow checks; it covers
//    money, percentages and counts, i.e. every decision of the benchmarks.
//    A small fraction is reduced to lowest terms only when p or q passes
//    2^32 (so sums and products of decimals cost no gcd), and whenever it
//    is printed or read back;
//  - big: a pointer to a shared, immutable, reference-counted Boost
//    cpp_rational (always in lowest terms), used only when a result does
//    not fit the small form. number.cpp alone includes Boost (cpp_int.hpp
//    costs seconds of compile time per translation unit).
// Results whose numerator or denominator (in lowest terms) would have more
// than Limits::max_number_digits decimal digits are refused (nullopt): the
// evaluator reports them (E605).
#include <cstdint>
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
  Number(const Number& o) : num_(o.num_), den_(o.den_) {
    if (den_ == 0) retain(big_);
  }
  Number(Number&& o) noexcept : num_(o.num_), den_(o.den_) {
    o.num_ = 0;
    o.den_ = 1;
  }
  Number& operator=(const Number& o) {
    if (o.den_ == 0) retain(o.big_);
    if (den_ == 0) release(big_);
    num_ = o.num_;
    den_ = o.den_;
    return *this;
  }
  Number& operator=(Number&& o) noexcept {
    if (this != &o) {
      if (den_ == 0) release(big_);
      num_ = o.num_;
      den_ = o.den_;
      o.num_ = 0;
      o.den_ = 1;
    }
    return *this;
  }
  ~Number() {
    if (den_ == 0) release(big_);
  }

  // A decimal as written in rule files: [-]DIGITS[.DIGITS] (no exponent).
  // nullopt when the text is not of that form or past the size bound.
  static std::optional<Number> parse(std::string_view text);

  bool is_zero() const { return den_ != 0 && num_ == 0; }
  bool is_small() const { return den_ != 0; }
  bool is_integer() const { return den_ != 0 ? num_ % den_ == 0 : big_is_integer(); }
  // The integer value when it is a whole number that fits int64.
  std::optional<std::int64_t> to_int64() const {
    if (den_ != 0 && num_ % den_ == 0) return num_ / den_;
    return std::nullopt;
  }
  // The exact decimal ("10", "0.15", "-2.5") when the expansion
  // terminates, else "p/q" in lowest terms ("1/3", "-2/3").
  std::string to_string() const;
  // Decimal digits of the numerator and of the denominator in lowest
  // terms, the larger.
  std::size_t digits() const;

  Number operator-() const {
    if (den_ != 0) return small(-num_, den_);  // num_ != INT64_MIN: no overflow
    return negate_big();
  }
  // nullopt: the result would exceed the size bound.
  friend std::optional<Number> add(const Number& a, const Number& b) {
    if (a.den_ != 0 && b.den_ != 0) {
      if (auto r = add_small(a.num_, a.den_, b.num_, b.den_)) return r;
    }
    return add_big(a, b);
  }
  friend std::optional<Number> subtract(const Number& a, const Number& b) { return add(a, -b); }
  friend std::optional<Number> multiply(const Number& a, const Number& b) {
    if (a.den_ != 0 && b.den_ != 0) {
      if (auto r = multiply_small(a.num_, a.den_, b.num_, b.den_)) return r;
    }
    return multiply_big(a, b);
  }
  // `b` must not be zero.
  friend std::optional<Number> divide(const Number& a, const Number& b) {
    if (a.den_ != 0 && b.den_ != 0) {
      // a ÷ (p/q) = a × (q/p), the sign moved to the numerator.
      const std::int64_t num = b.num_ < 0 ? -b.den_ : b.den_;
      if (auto r = multiply_small(a.num_, a.den_, num, abs(b.num_))) return r;
    }
    return divide_big(a, b);
  }
  // -1, 0 or 1.
  friend int compare(const Number& a, const Number& b) {
    if (a.den_ != 0 && b.den_ != 0) {
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
    // A big value never fits the small form, even reduced: small != big.
    if ((a.den_ == 0) != (b.den_ == 0)) return false;
    if (a.den_ == b.den_ && a.den_ != 0) return a.num_ == b.num_;
    return compare(a, b) == 0;
  }

 private:
  static constexpr std::int64_t kReduceAbove = std::int64_t{1} << 32;

  static Number small(std::int64_t num, std::int64_t den) {
    Number n;
    n.num_ = num;
    n.den_ = den;
    return n;
  }
  static std::int64_t abs(std::int64_t v) { return v < 0 ? -v : v; }
  // Binary (Stein's) gcd of |a| and |b|, neither INT64_MIN: shifts instead
  // of the divisions of std::gcd.
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
  // num/den (den > 0, neither INT64_MIN) in lowest terms.
  static Number reduced(std::int64_t num, std::int64_t den) {
    const std::int64_t g = gcd(num, den);
    return g > 1 ? small(num / g, den / g) : small(num, den);
  }
  // num/den as it is while both stay below 2^32, else reduced.
  static Number lazily_reduced(std::int64_t num, std::int64_t den) {
    if (num < kReduceAbove && num > -kReduceAbove && den < kReduceAbove) return small(num, den);
    return reduced(num, den);
  }
  // nullopt on int64 overflow (the caller falls back to big).
  static std::optional<Number> add_small(std::int64_t a, std::int64_t b, std::int64_t c,
                                         std::int64_t d) {
    std::int64_t s = 0, l = 0, r = 0, den = 0;
    if (b == d) {
      if (__builtin_add_overflow(a, c, &s) || s == INT64_MIN) return std::nullopt;
      return lazily_reduced(s, b);
    }
    if (!__builtin_mul_overflow(a, d, &l) && !__builtin_mul_overflow(c, b, &r) &&
        !__builtin_add_overflow(l, r, &s) && s != INT64_MIN &&
        !__builtin_mul_overflow(b, d, &den)) {
      return lazily_reduced(s, den);
    }
    // Knuth's addition of fractions in lowest terms (TAOCP 4.5.1).
    const Number x = reduced(a, b), y = reduced(c, d);
    const std::int64_t g = gcd(x.den_, y.den_);
    if (__builtin_mul_overflow(x.num_, y.den_ / g, &l) ||
        __builtin_mul_overflow(y.num_, x.den_ / g, &r) || __builtin_add_overflow(l, r, &s) ||
        s == INT64_MIN || __builtin_mul_overflow(x.den_, y.den_ / g, &den)) {
      return std::nullopt;
    }
    return reduced(s, den);
  }
  static std::optional<Number> multiply_small(std::int64_t a, std::int64_t b, std::int64_t c,
                                              std::int64_t d) {
    std::int64_t num = 0, den = 0;
    if (!__builtin_mul_overflow(a, c, &num) && num != INT64_MIN &&
        !__builtin_mul_overflow(b, d, &den)) {
      return lazily_reduced(num, den);
    }
    // Cross-reduced: (a/g1)(c/g2) / ((b/g2)(d/g1)) is in lowest terms when
    // a/b and c/d are.
    const Number x = reduced(a, b), y = reduced(c, d);
    const std::int64_t g1 = gcd(x.num_, y.den_), g2 = gcd(y.num_, x.den_);
    if (__builtin_mul_overflow(x.num_ / g1, y.num_ / g2, &num) || num == INT64_MIN ||
        __builtin_mul_overflow(x.den_ / g2, y.den_ / g1, &den)) {
      return std::nullopt;
    }
    return small(num, den);
  }

  static Number from_big_integer_min();
  static void retain(const Big* big);
  static void release(const Big* big);
  bool big_is_integer() const;
  Number negate_big() const;
  static std::optional<Number> add_big(const Number& a, const Number& b);
  static std::optional<Number> multiply_big(const Number& a, const Number& b);
  static std::optional<Number> divide_big(const Number& a, const Number& b);
  static int compare_big(const Number& a, const Number& b);
  friend struct NumberAccess;  // number.cpp's conversions

  union {
    std::int64_t num_ = 0;  // small: the numerator, never INT64_MIN
    const Big* big_;        // big (den_ == 0): owns one reference
  };
  std::int64_t den_ = 1;  // small: the denominator, > 0; 0: big
};

}  // namespace pacta
