#pragma once
// Questions asked from outside a rule file (command-line flags, test
// cases): the text of an action pattern, an assumption NAME=VALUE, a date.
// Each reports located diagnostics against a SourceFile that holds the
// input's own text, so a caret points into the command line. The engine
// knows no command line: where a message names the input (a flag), the
// caller passes its name.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/eval/evaluate.hpp"
#include "engine/model/contract.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/limits.hpp"
#include "grammar/source.hpp"

namespace pacta {

// `ACTION` of `pacta ask`: a pattern as in clauses.
std::optional<Pattern> parse_question_pattern(const Contract& contract, std::string_view text,
                                              const Limits& limits, Diagnostics& diags);
// An assumption NAME=VALUE given through `flag` (the CLI: "--assume"), which
// names the input and appears in its messages.
std::optional<std::pair<int, Value>> parse_assumption(const Contract& contract,
                                                      std::string_view text, std::string_view flag,
                                                      const Limits& limits, Diagnostics& diags);
// The same for NAME=VALUE text that stands in another file (a facts file):
// offsets[i] is where byte i of `text` is in `source` (one more entry for
// the end), so diagnostics point there. `flag` names the input in messages.
std::optional<std::pair<int, Value>> parse_assumption_in(const Contract& contract,
                                                         std::string_view text,
                                                         const SourceFile& source,
                                                         const std::vector<std::size_t>& offsets,
                                                         std::string_view flag,
                                                         const Limits& limits, Diagnostics& diags);
// The help of an E604 for `name`: did-you-mean, else the facts declared.
std::string unknown_fact_help(const Contract& contract, std::string_view name);
// A YYYY-MM-DD flag value (E601 otherwise). `flag` names it in messages.
// With `today` (the caller's local date: the engine reads no clock), the
// word `today` is that date.
std::optional<Date> parse_date_flag(std::string_view text, std::string_view flag,
                                    Diagnostics& diags, std::optional<Date> today = std::nullopt);

// Messages for failures while deciding, shared by `ask`, `allowed` and
// `test`: which fact is missing, and the help: how to supply it through
// `assume_flag` (the CLI: "--assume").
struct QuestionFailure {
  Code code{};
  std::string message;
  std::string help;
  // Where it failed: the sub-expression of the contract that could not be
  // evaluated (the fact read, the date shift, the `/`), when `source` was
  // given; null otherwise, and then the error is about the file as a whole.
  const SourceFile* file = nullptr;
  std::size_t offset = 0;  // into `file`
};
// `source`, when given, is the contract's file: the message then quotes the
// failing expression and the failure is located there.
QuestionFailure describe_failure(const Contract& contract, EvalEnv::Error error,
                                 const TypedExpr* at, int clause, int named_date,
                                 std::string_view assume_flag, const SourceFile* source = nullptr);
// The message alone (for `pacta test`, whose cases assume facts in YAML).
std::string failure_message(const Contract& contract, EvalEnv::Error error, const TypedExpr* at,
                            int clause, int named_date, const SourceFile* source = nullptr);
// An example value of a fact's type, for help texts ("true", "2026-01-01").
std::string example_value(const Contract& contract, const Type& type);

}  // namespace pacta
