// Constant folding at load (internal/fold.hpp): each largest constant part
// of a checked expression is evaluated exactly as a question would evaluate
// it, so the checker reports an error at load iff deciding would fail there.
#include "engine/check/internal/fold.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "grammar/limits.hpp"

namespace pacta::expr_check {

namespace {

class Folder {
 public:
  Folder(const ExprScope& scope, const SourceFile& file, Diagnostics& diags)
      : scope_(scope), file_(file), diags_(diags) {
    if (scope.constant_dates != nullptr) env_.dates = scope.constant_dates->data();
  }

  // Pass 1: whether each node is constant, in pre-order; returns e's.
  bool mark(const TypedExpr& e) {
    using Op = TypedExpr::Op;
    const std::size_t at = marks_.size();
    marks_.push_back(Mark{});
    bool constant = true;
    switch (e.op) {
      case Op::Fact:
      case Op::Param:
      case Op::Today:
      case Op::Condition:
        constant = false;
        break;
      case Op::NamedDate:
        constant = named_date_constant(e.index);
        break;
      default:
        for (const TypedExpr& o : e.operands) constant = mark(o) && constant;
        break;
    }
    marks_[at] = Mark{constant, marks_.size()};
    return constant;
  }

  // Pass 2, over a node that is not constant, in the same order: its
  // constant operands are the largest constant parts, each evaluated once
  // (lazily, as deciding does: `if true then 1 else 1 / 0` does not fail)
  // unless no question reaches it (`if true then rate else 1 / 0`).
  void visit(const TypedExpr& e) {
    ++next_;  // e's own mark
    const std::size_t n = e.operands.size();
    std::size_t dead = n;  // the operand no question reaches, if any
    for (std::size_t i = 0; i < n; ++i) {
      const Mark m = marks_[next_];
      if (!m.constant) {
        if (i == dead) ++dead_;
        visit(e.operands[i]);
        if (i == dead) --dead_;
        continue;
      }
      next_ = m.end;
      if (i == 0 && dead_ == 0) dead = unreachable_operand(e);
      if (i == dead) continue;
      auto v = evaluate_part(e.operands[i]);
      if (v && e.op == TypedExpr::Op::Div && i == 1 && v->n.is_zero()) divides_by_zero(e);
    }
  }

  // The whole expression: its value when it is constant.
  std::optional<Value> fold(const TypedExpr& e) {
    if (mark(e)) return evaluate_part(e);
    visit(e);
    return std::nullopt;
  }

  // The value of constant `e`, or nullopt (reported, unless no question
  // reaches `e`) when it fails.
  std::optional<Value> evaluate_part(const TypedExpr& e) {
    if (dead_ > 0) return std::nullopt;
    if (e.op == TypedExpr::Op::Constant) return e.constant;  // cannot fail
    EvalEnv env = env_;
    Value v = evaluate(e, env);
    if (env.error == EvalEnv::Error::None) return v;
    report_constant_failure(file_, diags_, env.error, *env.error_at);
    ok_ = false;
    return std::nullopt;
  }

  bool ok() const { return ok_; }

 private:
  bool named_date_constant(int index) const {
    const std::vector<bool>* known = scope_.dates_constant;
    return known != nullptr && scope_.constant_dates != nullptr &&
           static_cast<std::size_t>(index) < known->size() && (*known)[index];
  }

  // `if C then A else B`, `C and B`, `C or B` with a constant C: the
  // operand evaluation never reaches (B when C decides `and`/`or` alone);
  // operands.size() when there is none.
  std::size_t unreachable_operand(const TypedExpr& e) const {
    using Op = TypedExpr::Op;
    const std::size_t none = e.operands.size();
    if (e.op != Op::If && e.op != Op::And && e.op != Op::Or) return none;
    EvalEnv env = env_;
    const bool c = evaluate_condition(e.operands[0], env);
    if (env.error != EvalEnv::Error::None) return none;  // reported by whoever evaluates C
    if (e.op == Op::If) return c ? 2 : 1;
    if (e.op == Op::And) return c ? none : 1;
    return c ? 1 : none;
  }

  // `rate / 0`, `rate / (1 - 1)`: fails for every value of `rate`.
  void divides_by_zero(const TypedExpr& div) {
    report_constant_failure(file_, diags_, EvalEnv::Error::DivisionByZero, div);
    ok_ = false;
  }

  const ExprScope& scope_;
  const SourceFile& file_;
  Diagnostics& diags_;
  struct Mark {
    bool constant = false;
    std::size_t end = 0;  // the mark after the node's subtree
  };
  EvalEnv env_;
  std::vector<Mark> marks_;  // per node, in pre-order
  std::size_t next_ = 0;     // visit()'s position in marks_
  int dead_ = 0;             // > 0: inside a part no question reaches
  bool ok_ = true;
};

}  // namespace

Folded fold_constants(const ExprScope& scope, const SourceFile& file, const TypedExpr& e,
                      Diagnostics& diags) {
  Folder folder(scope, file, diags);
  Folded out;
  out.value = folder.fold(e);
  out.ok = folder.ok();
  return out;
}

void report_constant_failure(const SourceFile& file, Diagnostics& diags, EvalEnv::Error error,
                             const TypedExpr& at) {
  const std::size_t offset = failure_offset(at, file.text());
  switch (error) {
    case EvalEnv::Error::DateOutOfRange:
      if (at.op == TypedExpr::Op::DaysBetween) {
        diags.error(file, offset, Code::E306,
                    "this date subtraction has no number of days: one of the dates is `never`",
                    "`never` is no day; compare with it instead (`d < never`)");
        return;
      }
      diags.error(file, offset, Code::E306,
                  "this date arithmetic goes outside 0001-01-01..9999-12-31",
                  "dates run from 0001-01-01 to 9999-12-31; an end that never comes is `never`");
      return;
    case EvalEnv::Error::DivisionByZero:
      diags.error(file, offset, Code::E306, "division by zero: the divisor is always 0",
                  "the divisor reads no fact, so every question would fail here; fix the contract");
      return;
    case EvalEnv::Error::NumberTooLarge:
      diags.error(file, offset, Code::E306,
                  fmt::format("this number arithmetic gives a number past the size bound (more "
                              "than {} digits above or below the fraction line)",
                              Limits{}.max_number_digits),
                  "numbers are exact fractions; keep constant products and quotients smaller");
      return;
    case EvalEnv::Error::MissingFact:  // a constant reads no fact
    case EvalEnv::Error::None:
      break;
  }
  diags.error(file, offset, Code::E306, "this constant expression cannot be evaluated");
}

}  // namespace pacta::expr_check
