#pragma once
// Every input bound of pacta lives here (language.md §2-§6). Rule files and test
// files are untrusted input: each bound is an error with a location, never a
// crash or a hang. docs/limits.md documents each one.
#include <cstddef>
#include <cstdint>

namespace pacta {

struct Limits {
  // A rule or test file larger than this is rejected before YAML parsing.
  std::size_t max_file_bytes = std::size_t{16} * 1024 * 1024;
  // One expression or action pattern (the scalar's decoded text).
  std::size_t max_expression_bytes = 4096;
  // Parentheses, list brackets, `not` and unary minus, counted together.
  // X3 recursion costs 5-19 KB of stack per level.
  int max_nesting_depth = 64;
  // Depth of the syntax tree, where a chain `a or b or c ...` is one level
  // per operator. Checkers and evaluators walk trees recursively; this keeps
  // their stack use small even under AddressSanitizer.
  int max_tree_depth = 256;
  // YAML aliases: total bytes of aliased content that the loader may look
  // at, counted with every alias expanded. Keeps work proportional to size.
  std::uint64_t max_alias_expansion_bytes = std::uint64_t{16} * 1024 * 1024;
  // YAML collections nested deeper than this are rejected.
  int max_yaml_depth = 256;
  // YAML nodes (scalars, collections, keys; an alias is not a new node) in
  // one file. A node costs about 160 bytes and can be written in two, so
  // this, not max_file_bytes, is what bounds the tree's memory (~500 MB).
  std::size_t max_yaml_nodes = 3'000'000;
  // Action instances one question may enumerate (`ask` with a partial
  // pattern, `allowed`): params multiply, so this bounds time and output.
  std::size_t max_instances = 1'000'000;
  // Action instances one `pacta explain` (or `ask --explain`) may explain:
  // an explanation lists every clause about the action with the value of
  // every sub-expression, so it is a page per instance, not a line.
  std::size_t max_explained_instances = 1'000;
  // Clause explanations one `explain` may hold (instances x cases x the
  // clauses about the action), and for `timeline --explain` the boundaries
  // explained times the contract's clauses and versions: bounds memory and
  // output, each being a few lines.
  std::size_t max_explained_clauses = 1'000'000;
  // Deciding steps one question may take (Decider::steps(): per instance,
  // each clause version on its action, each expression node evaluated and
  // each override looked at). Bounded up front from the question's shape
  // (Decider::steps_bound) before any instance is decided, so many clauses
  // matching many instances are an error, not minutes of work; the output
  // of a question is proportional to its steps.
  std::uint64_t max_decision_steps = 100'000'000;
  // Runs one `pacta timeline` may list, over all its instances: a timeline
  // is exact, so a condition that changes every few days over all time has
  // hundreds of thousands of runs; past this the question is refused (E606)
  // and a narrower --from/--to or pattern asked for. Bounds output and memory.
  std::size_t max_timeline_runs = 1'000'000;
  // `pacta lint` (SPEC §9.2): the work one contract's analysis may do over
  // every scenario, fact cell and instance (the Timeliners' and the change
  // points' steps, and each `when` evaluated). Past it the analysis stops
  // with an L113 finding naming the action it reached; the findings that
  // need the whole analysis ("never ...") are then not reported for the
  // actions not fully analysed. Never a hang: a step costs about 90 ns on
  // the benchmark machine (docs/benchmarks.md), so about 9 s at most; the
  // generated 10,000-clause contract takes 89 million.
  std::uint64_t max_lint_steps = 100'000'000;
  // Instance rows one timeline picture (--format svg/html) may draw.
  std::size_t max_picture_rows = 10'000;
  // Combinations of cells of the unknown facts one conditional answer may
  // decide each instance under (SPEC §7.3: two per bool, one per value, two
  // per number threshold plus one): past it the answer is refused (E613)
  // and an --assume asked for. Deciding steps are counted per combination.
  std::size_t max_unknown_combinations = 4096;
  // Instances one `--expect` line on stderr names; the rest are counted.
  std::size_t max_listed_instances = 10;
  // Exact numbers (language.md §6): a result of + - * / whose numerator or
  // denominator (in lowest terms) has more decimal digits than this is an
  // evaluation error (E605), so repeated products cannot eat memory and time.
  // Read by engine/model/number.cpp as a fixed bound (the default).
  std::size_t max_number_digits = 256;
  // Diagnostics reported per file; the rest are counted and summarised.
  std::size_t max_diagnostics = 100;
  // `ask --batch`: one line of the questions (its bytes, without the line
  // break). A longer line gets an E609 answer and is skipped to its end
  // without being held in memory, so memory does not grow with a line.
  std::size_t max_batch_line_bytes = std::size_t{1} << 20;
  // `pacta repl`: one line of input (its bytes, without the line break). A
  // longer line is an error for that line, read to its end without being
  // held, and the session goes on.
  std::size_t max_repl_line_bytes = std::size_t{64} * 1024;
  // `ask --batch`: compiled scenarios (contract path, as_agreed_on) kept at
  // once; the least recently used is dropped beyond it (and loaded again
  // if asked again), so a portfolio of any size stays within bounded memory.
  std::size_t max_batch_scenarios = 64;
  // `ask --batch`: parsed `ask` texts kept per scenario and thread; the
  // cache is emptied when it is full.
  std::size_t max_batch_cached_asks = 1024;
};

}  // namespace pacta
