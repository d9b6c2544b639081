#include "engine/explain/trace.hpp"

#include <utility>

namespace pacta {

namespace {

using Op = TypedExpr::Op;

// The node's value as the hot evaluator gives it, in a copy of `env`.
void evaluate_into(const TypedExpr& e, const EvalEnv& env, TracedExpr& t) {
  EvalEnv local = env;
  local.error = EvalEnv::Error::None;
  local.error_at = nullptr;
  t.value = e.type.kind == Type::Kind::Bool ? Value::boolean(evaluate_condition(e, local))
                                            : evaluate(e, local);
  t.error = local.error;
  t.ok = local.error == EvalEnv::Error::None;
}

class Tracer {
 public:
  Tracer(const EvalEnv& env, const Contract& c) : env_(env), c_(c) {}

  TracedExpr trace(const TypedExpr& e) {
    TracedExpr t;
    t.expr = &e;
    switch (e.op) {
      case Op::Constant:
      case Op::Fact:
      case Op::NamedDate:
      case Op::Param:
      case Op::Today:
        evaluate_into(e, env_, t);
        return t;
      case Op::Condition:
        t.operands.push_back(trace(c_.conditions[static_cast<std::size_t>(e.index)].expr));
        evaluate_into(e, env_, t);  // the situation's value of the condition
        return t;
      case Op::And:
      case Op::Or:
        return logic(e, std::move(t));
      case Op::If:
        return choice(e, std::move(t));
      case Op::In:
      case Op::NotIn:
        return membership(e, std::move(t));
      default:
        return computed(e, std::move(t));
    }
  }

 private:
  // Three-valued `and`/`or` (evaluate.cpp's `logic`): unknown (MissingFact)
  // only where the other side does not decide alone.
  TracedExpr logic(const TypedExpr& e, TracedExpr t) {
    const bool decides = e.op == Op::Or;
    t.operands.push_back(trace(e.operands[0]));
    t.operands.push_back(trace(e.operands[1]));
    const TracedExpr& l = t.operands[0];
    TracedExpr& r = t.operands[1];
    if (l.ok && l.value.b == decides) {
      r.needed = false;
      return set_bool(std::move(t), decides);
    }
    if (l.ok) return adopt(std::move(t), 1);
    if (l.error == EvalEnv::Error::MissingFact && r.ok && r.value.b == decides) {
      t.operands[0].needed = false;
      return set_bool(std::move(t), decides);
    }
    return adopt(std::move(t), 0);
  }

  TracedExpr choice(const TypedExpr& e, TracedExpr t) {
    t.operands.reserve(e.operands.size());
    for (const TypedExpr& o : e.operands) t.operands.push_back(trace(o));
    const TracedExpr& condition = t.operands[0];
    if (!condition.ok) {
      t.operands[1].needed = t.operands[2].needed = false;
      return adopt(std::move(t), 0);
    }
    const std::size_t taken = condition.value.b ? 1 : 2;
    t.operands[3 - taken].needed = false;
    return adopt(std::move(t), taken);
  }

  // `x in [a, b, ...]`: the items after the one found are not read.
  TracedExpr membership(const TypedExpr& e, TracedExpr t) {
    t.operands.reserve(e.operands.size());
    for (const TypedExpr& o : e.operands) t.operands.push_back(trace(o));
    bool found = false;
    for (std::size_t i = 0; i < t.operands.size(); ++i) {
      TracedExpr& o = t.operands[i];
      if (found) {
        o.needed = false;
        continue;
      }
      if (!o.ok) return adopt(std::move(t), i);
      found = i > 0 && o.value == t.operands[0].value;
    }
    return set_bool(std::move(t), found == (e.op == Op::In));
  }

  // Every other node reads all its operands: the first failure is its
  // failure; else the hot evaluator computes it from the operands' values.
  TracedExpr computed(const TypedExpr& e, TracedExpr t) {
    TypedExpr shallow;
    shallow.op = e.op;
    shallow.type = e.type;
    shallow.constant = e.constant;
    shallow.index = e.index;
    shallow.amount = e.amount;
    shallow.saturate = e.saturate;
    shallow.holidays = e.holidays;
    shallow.span = e.span;
    shallow.operands.reserve(e.operands.size());
    // The first failure, kept as a value: t.operands grows as it is read.
    EvalEnv::Error failed = EvalEnv::Error::None;
    t.operands.reserve(e.operands.size());
    for (const TypedExpr& o : e.operands) {
      t.operands.push_back(trace(o));
      const TracedExpr& traced = t.operands.back();
      if (!traced.ok && failed == EvalEnv::Error::None) failed = traced.error;
      TypedExpr value;
      value.op = Op::Constant;
      value.type = o.type;
      value.constant = traced.value;
      shallow.operands.push_back(std::move(value));
    }
    if (failed != EvalEnv::Error::None) {
      t.ok = false;
      t.error = failed;
      return t;
    }
    evaluate_into(shallow, env_, t);
    return t;
  }

  static TracedExpr set_bool(TracedExpr t, bool b) {
    t.ok = true;
    t.error = EvalEnv::Error::None;
    t.value = Value::boolean(b);
    return t;
  }
  // `t` with the result of its operand `i`.
  static TracedExpr adopt(TracedExpr t, std::size_t i) {
    const TracedExpr& from = t.operands[i];
    t.ok = from.ok;
    t.error = from.error;
    t.value = from.value;
    return t;
  }

  const EvalEnv& env_;
  const Contract& c_;
};

}  // namespace

TracedExpr trace_expression(const TypedExpr& e, const EvalEnv& env, const Contract& contract) {
  return Tracer(env, contract).trace(e);
}

std::vector<int> smallest_false(const TracedExpr& root) {
  std::vector<int> path;
  for (const TracedExpr* t = &root; t->ok && t->value.kind == Type::Kind::Bool && !t->value.b;) {
    std::size_t next = t->operands.size();  // none: `t` is the reason
    const Op op = t->expr->op;
    if (op == Op::And) {
      for (std::size_t i = 0; i < t->operands.size() && next == t->operands.size(); ++i) {
        if (t->operands[i].ok && !t->operands[i].value.b) next = i;
      }
    } else if (op == Op::Condition && !t->operands.empty()) {
      next = 0;
    } else if (op == Op::If && t->operands.size() == 3 && t->operands[0].ok) {
      const std::size_t taken = t->operands[0].value.b ? 1 : 2;
      if (t->operands[taken].expr->type.kind == Type::Kind::Bool) next = taken;
    }
    if (next == t->operands.size()) break;
    path.push_back(static_cast<int>(next));
    t = &t->operands[next];
  }
  return path;
}

}  // namespace pacta
