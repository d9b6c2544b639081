#include "engine/check/internal/checker_state.hpp"

#include <fmt/format.h>

#include "engine/check/internal/fold.hpp"
#include "engine/eval/evaluate.hpp"

namespace pacta::checker {

ExprScope CheckerState::scope(int action, bool allow_today) const {
  ExprScope sc;
  sc.contract = &contract;
  sc.action = action;
  sc.allow_today = allow_today;
  sc.allow_conditions = allow_today;  // `when` and named conditions
  sc.fact_ok = &fact_ok;
  sc.dates_constant = &dates_constant;  // filled by the named dates stage
  sc.constant_dates = &constant_dates;
  return sc;
}

void report_cycle(CheckerState& st, Code code, std::string_view relation,
                  const std::vector<std::string>& path, std::size_t closing_offset,
                  std::string help) {
  st.error(closing_offset, code,
           fmt::format("{} in a cycle: {}", relation, fmt::join(path, " -> ")), std::move(help));
}

std::optional<Date> fold_date(CheckerState& st, const TypedExpr& e) {
  EvalEnv env;
  env.dates = st.constant_dates.data();
  Value v = evaluate(e, env);
  if (env.error != EvalEnv::Error::None) {
    expr_check::report_constant_failure(st.file, st.diags, env.error, *env.error_at);
    return std::nullopt;
  }
  return v.d;
}

}  // namespace pacta::checker
