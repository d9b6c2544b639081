#include "engine/model/number.hpp"

#include <algorithm>
#include <atomic>
#include <boost/multiprecision/cpp_int.hpp>

#include "grammar/limits.hpp"

namespace pacta {

namespace mp = boost::multiprecision;

struct Number::Big {
  mutable std::atomic<std::int64_t> references;
  const mp::cpp_rational value;  // in lowest terms
};

void Number::retain(const Big* big) { big->references.fetch_add(1, std::memory_order_relaxed); }

void Number::release(const Big* big) {
  if (big->references.fetch_sub(1, std::memory_order_acq_rel) == 1) delete big;
}

struct NumberAccess {
  static mp::cpp_rational rational(const Number& n) {
    if (n.den_ == 0) return n.big_->value;
    return mp::cpp_rational(mp::cpp_int(n.num_), mp::cpp_int(n.den_));
  }

  // |v| < 10^max_number_digits, i.e. at most that many decimal digits.
  static bool within_bound(const mp::cpp_int& v) {
    static const mp::cpp_int bound =
        mp::pow(mp::cpp_int(10), static_cast<unsigned>(Limits{}.max_number_digits));
    return mp::abs(v) < bound;
  }

  // The small form when it fits, else big; nullopt past the size bound.
  static std::optional<Number> from_rational(mp::cpp_rational v) {
    const mp::cpp_int& num = mp::numerator(v);
    const mp::cpp_int& den = mp::denominator(v);
    constexpr std::int64_t kMax = INT64_MAX;
    if (mp::abs(num) <= kMax && den <= kMax) {
      return Number::small(static_cast<std::int64_t>(num), static_cast<std::int64_t>(den));
    }
    if (!within_bound(num) || !within_bound(den)) return std::nullopt;
    Number n;
    n.big_ = new Number::Big{{1}, std::move(v)};
    n.den_ = 0;
    return n;
  }
};

Number Number::from_big_integer_min() {
  return *NumberAccess::from_rational(mp::cpp_rational(mp::cpp_int(INT64_MIN)));
}

Number Number::negate_big() const {
  return *NumberAccess::from_rational(-big_->value);  // same digits: within the bound
}

std::optional<Number> Number::add_big(const Number& a, const Number& b) {
  return NumberAccess::from_rational(NumberAccess::rational(a) + NumberAccess::rational(b));
}

std::optional<Number> Number::multiply_big(const Number& a, const Number& b) {
  return NumberAccess::from_rational(NumberAccess::rational(a) * NumberAccess::rational(b));
}

std::optional<Number> Number::divide_big(const Number& a, const Number& b) {
  return NumberAccess::from_rational(NumberAccess::rational(a) / NumberAccess::rational(b));
}

int Number::compare_big(const Number& a, const Number& b) {
  const int c = NumberAccess::rational(a).compare(NumberAccess::rational(b));
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

bool Number::big_is_integer() const { return mp::denominator(big_->value) == 1; }

std::size_t Number::digits() const {
  const mp::cpp_rational v = NumberAccess::rational(*this);
  const std::string num = mp::cpp_int(mp::abs(mp::numerator(v))).str();
  const std::string den = mp::denominator(v).str();
  return std::max(num.size(), den.size());
}

std::optional<Number> Number::parse(std::string_view text) {
  std::string_view t = text;
  const bool negative = !t.empty() && t.front() == '-';
  if (negative) t.remove_prefix(1);
  const std::size_t dot = t.find('.');
  const std::string_view whole = t.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? "" : t.substr(dot + 1);
  const auto all_digits = [](std::string_view s) {
    for (char c : s) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  };
  if (whole.empty() || !all_digits(whole) || !all_digits(fraction) ||
      (dot != std::string_view::npos && fraction.empty())) {
    return std::nullopt;
  }
  if (whole.size() + fraction.size() <= 18) {  // fits int64 without overflow
    std::int64_t num = 0, den = 1;
    for (char c : whole) num = num * 10 + (c - '0');
    for (char c : fraction) {
      num = num * 10 + (c - '0');
      den *= 10;
    }
    return reduced(negative ? -num : num, den);
  }
  // cpp_int reads a leading 0 as an octal prefix ("017" is 15, "09" throws):
  // hand it the significant digits only.
  std::string digits = std::string(whole) + std::string(fraction);
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
  const std::size_t max_digits = Limits{}.max_number_digits;
  if (digits.size() > max_digits || fraction.size() > max_digits) return std::nullopt;
  mp::cpp_int num(digits);
  mp::cpp_int den = mp::pow(mp::cpp_int(10), static_cast<unsigned>(fraction.size()));
  if (negative) num = -num;
  return NumberAccess::from_rational(mp::cpp_rational(num, den));
}

std::string Number::to_string() const {
  const mp::cpp_rational v = NumberAccess::rational(*this);
  const mp::cpp_int& num = mp::numerator(v);
  const mp::cpp_int& den = mp::denominator(v);
  if (den == 1) return num.str();
  // The expansion terminates iff den = 2^a 5^b; then it has max(a, b)
  // decimals, and num × 10^max(a, b) / den is an integer.
  mp::cpp_int rest = den;
  unsigned twos = 0, fives = 0;
  while (rest % 2 == 0) rest /= 2, ++twos;
  while (rest % 5 == 0) rest /= 5, ++fives;
  if (rest != 1) return num.str() + "/" + den.str();
  const unsigned decimals = std::max(twos, fives);
  const mp::cpp_int scaled = mp::abs(num) * mp::pow(mp::cpp_int(10), decimals) / den;
  std::string digits = scaled.str();
  if (digits.size() <= decimals) digits.insert(0, decimals + 1 - digits.size(), '0');
  digits.insert(digits.size() - decimals, ".");
  return (num < 0 ? "-" : "") + digits;
}

}  // namespace pacta
