// fuzz_expression: the expression and action-pattern parsers on one string,
// the canonical printer's round trip, and the type checker and evaluator on
// what parses.
//
// Properties (abort on violation):
//  - a parse result has a value exactly when it has no errors, and every
//    error offset lies within the input;
//  - round trip: parse(print(e)) succeeds, equals e with spans ignored, and
//    prints the same text again (the same for action patterns);
//  - a type-checked expression evaluates to a value of its type;
//  - the parsers and the grammar alone (without the reader of simple forms,
//    grammar/expr/internal/simple.hpp) give the same tree, spans included.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/check/expressions.hpp"
#include "engine/decide/situation.hpp"
#include "engine/eval/evaluate.hpp"
#include "fuzz_common.hpp"
#include "grammar/expr/parse.hpp"

using namespace pacta;

namespace {

template <class T>
void check_result_shape(const ParseResult<T>& r, std::string_view text) {
  PACTA_FUZZ_CHECK(r.value.has_value() == r.errors.empty(), std::string(text));
  for (const ParseError& e : r.errors) {
    const std::string code(code_name(e.code));
    PACTA_FUZZ_CHECK(e.offset <= text.size(), code + " " + e.message);
    PACTA_FUZZ_CHECK(code.size() == 4 && code[0] == 'E', code + " " + e.message);
  }
}

// The printed form may be longer than the input (spaces around operators),
// so it is parsed again without the length limit; nesting keeps its limit:
// printing never nests deeper than the parsed text.
Limits reparse_limits() {
  Limits l;
  l.max_expression_bytes = 1u << 24;
  return l;
}

void round_trip(const Expr& e) {
  const std::string printed = print_expression(e);
  auto again = parse_expression(printed, reparse_limits());
  PACTA_FUZZ_CHECK(again.value.has_value(),
                   "printed: " + printed + "\nerror: " +
                       (again.errors.empty() ? std::string() : again.errors[0].message));
  PACTA_FUZZ_CHECK(without_spans(*again.value) == without_spans(e), "printed: " + printed);
  PACTA_FUZZ_CHECK(print_expression(*again.value) == printed, "printed: " + printed);
}

void round_trip(const ActionPattern& p) {
  const std::string printed = print_action_pattern(p);
  auto again = parse_action_pattern(printed, reparse_limits());
  PACTA_FUZZ_CHECK(again.value.has_value(),
                   "printed: " + printed + "\nerror: " +
                       (again.errors.empty() ? std::string() : again.errors[0].message));
  PACTA_FUZZ_CHECK(without_spans(*again.value) == without_spans(p), "printed: " + printed);
  PACTA_FUZZ_CHECK(print_action_pattern(*again.value) == printed, "printed: " + printed);
}

struct Fixture {
  const LoadedContract& loaded = fuzz::fuzz_contract();
  int action = -1;  // `sell(seller, channel)`: its params are visible
  Situation situation;
  int params[2] = {1, 2};  // seller=bob, channel=oracle
};

const Fixture& fixture() {
  static const Fixture* f = [] {
    auto* x = new Fixture;
    x->action = *x->loaded.contract.find_action("sell");
    std::vector<std::pair<int, Value>> assumed;
    assumed.emplace_back(*x->loaded.contract.find_fact("tier"), Value::member(1));
    SituationError error;
    auto s = make_situation(x->loaded.contract, *Date::from_ymd(2024, 6, 15), assumed, error);
    if (!s) fuzz::fail("the fixture's situation", "", __FILE__, __LINE__);
    x->situation = std::move(*s);
    return x;
  }();
  return *f;
}

void type_check(const Expr& e, std::string_view text) {
  const Fixture& f = fixture();
  SourceFile source("<expression>", std::string(text));
  ExprScope scope;
  scope.contract = &f.loaded.contract;
  scope.action = f.action;
  scope.allow_today = true;
  for (const Type& expected : {Type::boolean(), Type::date(), Type::number()}) {
    Diagnostics diags;
    auto typed = check_expression(scope, source, e, expected, diags);
    PACTA_FUZZ_CHECK(typed.has_value() == !diags.has_errors(), std::string(text));
    fuzz::render_all(diags);
    if (!typed) continue;
    PACTA_FUZZ_CHECK(typed->type == expected, std::string(text));
    EvalEnv env = f.situation.env(f.params);
    Value v = evaluate(*typed, env);
    if (env.error == EvalEnv::Error::None) {
      PACTA_FUZZ_CHECK(v.kind == expected.kind, std::string(text));
    } else {
      PACTA_FUZZ_CHECK(env.error_at != nullptr, std::string(text));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  auto expr = parse_expression(text);
  check_result_shape(expr, text);
  // The reader of simple forms builds the grammar's tree, spans included,
  // and takes nothing the grammar rejects.
  auto by_grammar = parse_expression_by_grammar(text);
  PACTA_FUZZ_CHECK(expr.value == by_grammar.value, std::string(text));
  if (expr.value) {
    round_trip(*expr.value);
    type_check(*expr.value, text);
  }
  auto pattern = parse_action_pattern(text);
  check_result_shape(pattern, text);
  PACTA_FUZZ_CHECK(pattern.value == parse_action_pattern_by_grammar(text).value, std::string(text));
  if (pattern.value) round_trip(*pattern.value);
  return 0;
}
