#include "engine/check/check.hpp"

#include <array>
#include <cstddef>
#include <string_view>
#include <utility>

#include "engine/check/internal/checker_state.hpp"
#include "engine/check/internal/stages.hpp"

namespace pacta {

namespace {

struct Stage {
  std::string_view name;  // what it checks, for the reader of this table
  void (*run)(checker::CheckerState&, const RuleFileSyntax&);
};

// The checker, stage by stage. Every stage runs even after an error, so one
// load reports every problem; a later stage skips only what an earlier one
// could not resolve (a fact whose type is unknown, a clause whose action is).
// Declarations come first: a clause may use a fact declared after it.
constexpr std::array kStages{
    Stage{"contract header", checker::declare_contract},
    Stage{"parties and types", checker::declare_domains},
    Stage{"facts", checker::declare_facts},
    Stage{"named date names", checker::declare_dates},
    Stage{"actions", checker::declare_actions},
    Stage{"clause ids", checker::declare_clauses},
    Stage{"named dates", checker::check_dates},
    Stage{"named conditions", checker::check_conditions},
    Stage{"clauses", checker::check_clauses},
    Stage{"amendments", checker::check_amendments},
    Stage{"overrides acyclic", checker::check_overrides_acyclic},
};

}  // namespace

std::optional<Contract> check_contract(const SourceFile& file, const RuleFileSyntax& syntax,
                                       Diagnostics& diags) {
  checker::CheckerState st(file, diags);
  const std::size_t errors_before = diags.error_count();
  for (const Stage& stage : kStages) stage.run(st, syntax);
  if (diags.error_count() != errors_before) return std::nullopt;
  return std::move(st.contract);
}

}  // namespace pacta
