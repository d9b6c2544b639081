// Constant folding at load (E306): every part of an expression that reads no
// fact, param, named condition or `date` is evaluated when the file is
// loaded, and one that fails is an error there, at the part that failed; a
// division by a constant zero is one whatever the dividend. Constants that
// evaluate are fine. And the checker reports an error iff evaluation fails.
//
// Every YAML text starts on line 1 right after `R"yaml(`, so the line numbers
// in the assertions can be read off the text.
#include <catch2/catch.hpp>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "check_fixture.hpp"
#include "engine/check/expressions.hpp"
#include "engine/eval/evaluate.hpp"
#include "grammar/expr/parse.hpp"

using namespace pacta;
using namespace pacta::fixture;

namespace {

const char* const kHeader = R"yaml(pacta: 1
contract: t
parties: [acme]
facts:
  rate: {type: number}
  breach_on: {type: date}
actions:
  act:
)yaml";

}  // namespace

TEST_CASE("E306: a failing constant part of a `when` is found at load, at that part",
          "[checker][E306][fold]") {
  auto l = load(std::string(kHeader) + R"yaml(clauses:
  - id: a
    forbid: act
    when: date < 9999-12-31 + 1 day
  - id: b
    forbid: act
    when: date > 0001-01-01 - 1 day
  - id: c
    forbid: act
    when: rate / 0 > 1
  - id: d
    forbid: act
    when: rate / (1 - 1) > 1
  - id: e
    forbid: act
    when: rate > 1 / (2 - 2) + rate
  - id: f
    forbid: act
    when: if rate > 0 then rate > 1 / 0 else true
)yaml");
  CHECK_ERROR(l, Code::E306, 12, 18, "this date arithmetic goes outside 0001-01-01..9999-12-31");
  CHECK_ERROR(l, Code::E306, 15, 18, "this date arithmetic goes outside 0001-01-01..9999-12-31");
  CHECK_ERROR(l, Code::E306, 18, 16, "division by zero: the divisor is always 0");
  CHECK_ERROR(l, Code::E306, 21, 16, "division by zero: the divisor is always 0");
  CHECK_ERROR(l, Code::E306, 24, 20, "division by zero: the divisor is always 0");
  CHECK_ERROR(l, Code::E306, 27, 37, "division by zero: the divisor is always 0");
  CHECK(l->diags.error_count() == 6);
}

TEST_CASE("E306: named dates, bounds and conditions fold their constant parts too",
          "[checker][E306][fold]") {
  auto l = load(std::string(kHeader) + R"yaml(dates:
  last: 9999-12-31
  after: max(breach_on, last + 1 day)
  gap: if never - last > 0 then breach_on else last
conditions:
  big: rate * 100000000000000000000000000000 > 100000000000000000000000000000 * 100000000000000000000000000000 * 100000000000000000000000000000 * 100000000000000000000000000000 * 100000000000000000000000000000 * 100000000000000000000000000000 * 100000000000000000000000000000 * 100000000000000000000000000000 * 100000000000000000000000000000
clauses:
  - id: a
    forbid: act
    from: if 1 / 0 > 0 then 2024-01-01 else 2025-01-01
)yaml");
  CHECK_ERROR(l, Code::E306, 11, 25, "this date arithmetic goes outside 0001-01-01..9999-12-31");
  CHECK_ERROR(l, Code::E306, 12, 11,
              "this date subtraction has no number of days: one of the dates is `never`");
  CHECK_ERROR(l, Code::E306, 14, 48,
              "this number arithmetic gives a number past the size bound (more than 256 digits "
              "above or below the fraction line)");
  CHECK_ERROR(l, Code::E306, 18, 16, "division by zero: the divisor is always 0");
  CHECK(l->diags.error_count() == 4);
}

TEST_CASE("constants that evaluate fold fine", "[checker][fold]") {
  load_ok(std::string(kHeader) + R"yaml(dates:
  last: 9999-12-30 + 1 day
  first: 0001-01-02 - 1 day
  open: never + 1 year
clauses:
  - id: a
    forbid: act
    when: date < 9999-12-30 + 1 day and rate / 2 > 1 / 3
  - id: b
    forbid: act
    when: if true then rate > 1 else rate > 1 / 0
  - id: c
    forbid: act
    when: (false and 1 / 0 > 0) or (true or 1 / 0 > 0) or rate / (1 - 2) > 0
  - id: d
    forbid: act
    until: last
    when: date - first > 0 and min(breach_on, last) > 2024-01-01
)yaml");
}

// ---------------------------------------------------------------------------
// Brute force: for generated constant expressions, an error at load iff
// evaluating the expression fails, at the place evaluation failed.

namespace {

class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  std::string number(int depth) {
    if (depth == 0) return pick({"0", "1", "2", "3", "100000000000000000000000000000"});
    switch (below(9)) {
      case 0:
        return "(" + number(depth - 1) + " + " + number(depth - 1) + ")";
      case 1:
        return "(" + number(depth - 1) + " - " + number(depth - 1) + ")";
      case 2:
        return "(" + number(depth - 1) + " * " + number(depth - 1) + ")";
      case 3:
      case 4:
        return "(" + number(depth - 1) + " / " + number(depth - 1) + ")";
      case 5:
        return pick({"min(", "max("}) + number(depth - 1) + ", " + number(depth - 1) + ")";
      case 6:
        return "(if " + boolean(depth - 1) + " then " + number(depth - 1) + " else " +
               number(depth - 1) + ")";
      case 7:
        return "(" + date(depth - 1) + " - " + date(depth - 1) + ")";
      default:
        return number(0);
    }
  }

  std::string date(int depth) {
    if (depth == 0) return pick({"9999-12-31", "0001-01-01", "2024-02-29", "never", "9999-12-30"});
    switch (below(6)) {
      case 0:
        return "(" + date(depth - 1) + pick({" + ", " - "}) + pick({"1", "2", "400"}) +
               pick({" days", " months", " years", " business days"}) + ")";
      case 1:
        return pick({"end_of_month(", "end_of_quarter(", "end_of_year("}) + date(depth - 1) + ")";
      case 2:
        return pick({"min(", "max("}) + date(depth - 1) + ", " + date(depth - 1) + ")";
      case 3:
        return "(if " + boolean(depth - 1) + " then " + date(depth - 1) + " else " +
               date(depth - 1) + ")";
      default:
        return date(0);
    }
  }

  std::string boolean(int depth) {
    if (depth == 0) return pick({"true", "false"});
    switch (below(5)) {
      case 0:
        return "(" + number(depth - 1) + pick({" < ", " == ", " >= "}) + number(depth - 1) + ")";
      case 1:
        return "(" + date(depth - 1) + pick({" < ", " != "}) + date(depth - 1) + ")";
      case 2:
        return "(" + boolean(depth - 1) + pick({" and ", " or "}) + boolean(depth - 1) + ")";
      case 3:
        return "(not " + boolean(depth - 1) + ")";
      default:
        return boolean(0);
    }
  }

 private:
  int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  std::string pick(std::initializer_list<const char*> options) {
    return *(options.begin() + below(static_cast<int>(options.size())));
  }
  std::mt19937 rng_;
};

// The same constant alone and inside an expression over facts (where it
// is the largest constant part, reached by every question).
std::string wrapped(const std::string& text, int kind) {
  if (kind == 0) return "rate + " + text;
  if (kind == 1) return "max(breach_on, " + text + ")";
  return "rate > 0 or " + text;
}
constexpr std::size_t kWrapPrefix[] = {7, 15, 12};

struct Outcome {
  bool eval_failed = false;
  std::size_t eval_offset = 0;  // where evaluation failed
  bool load_failed = false;
  std::size_t load_offset = 0;  // where the checker reports it (one-line ASCII: column - 1)
};

std::optional<TypedExpr> checked(const Contract& c, const std::string& text, const Type& type,
                                 bool fold, Diagnostics& diags) {
  SourceFile file("expr", text);
  auto parsed = parse_expression(text);
  REQUIRE(parsed.errors.empty());
  ExprScope scope;
  scope.contract = &c;
  scope.fold = fold;
  return check_expression(scope, file, *parsed.value, type, diags);
}

// Evaluation of the constant alone, and loading it as written.
Outcome run(const Contract& c, const std::string& text, const std::string& as_loaded,
            const Type& type, const Type& loaded_type) {
  Outcome out;
  Diagnostics unfolded;
  auto t = checked(c, text, type, false, unfolded);
  INFO(text << "\n" << describe(unfolded));
  REQUIRE(t);
  EvalEnv env;
  evaluate(*t, env);
  out.eval_failed = env.error != EvalEnv::Error::None;
  if (out.eval_failed) out.eval_offset = failure_offset(*env.error_at, text);
  Diagnostics folded;
  out.load_failed = !checked(c, as_loaded, loaded_type, true, folded).has_value();
  if (out.load_failed) {
    INFO(describe(folded));
    REQUIRE(folded.error_count() == 1);  // the part is evaluated once: one failure
    CHECK(folded.all().front().code == Code::E306);
    out.load_offset = folded.all().front().position.column - 1;
  }
  return out;
}

}  // namespace

TEST_CASE("the checker reports a constant at load iff evaluating it fails", "[checker][fold]") {
  auto l = load_ok(std::string(kHeader) + "clauses: []\n");
  Generator g(20240229);
  int failing = 0;
  for (int i = 0; i < 3000; ++i) {
    const int kind = i % 3;
    const std::string text = kind == 0 ? g.number(4) : kind == 1 ? g.date(4) : g.boolean(4);
    const Type type = kind == 0 ? Type::number() : kind == 1 ? Type::date() : Type::boolean();
    INFO(text);
    const Outcome alone = run(l->contract(), text, text, type, type);
    CHECK(alone.load_failed == alone.eval_failed);
    if (alone.load_failed && alone.eval_failed) CHECK(alone.load_offset == alone.eval_offset);
    const Outcome inside = run(l->contract(), text, wrapped(text, kind), type, type);
    CHECK(inside.load_failed == inside.eval_failed);
    if (inside.load_failed && inside.eval_failed) {
      CHECK(inside.load_offset == kWrapPrefix[kind] + inside.eval_offset);
    }
    failing += alone.eval_failed ? 1 : 0;
  }
  CHECK(failing > 100);  // the generator exercises both outcomes
  CHECK(failing < 2900);
}
