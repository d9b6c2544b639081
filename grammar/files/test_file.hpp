#pragma once
// The syntax of a test file (language.md §8), read like a rule file: kinds, keys,
// expressions and patterns checked for shape, spans in file offsets. The
// cases and timelines are resolved against their contract by engine/testing/.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "grammar/files/rule_file.hpp"

namespace pacta {

// What an expected case of `expect_cases` takes of one fact (SPEC §7.3):
// a scalar (a bool, a value name or a number), a list of value names, or
// an interval of numbers {min, min_inclusive, max, max_inclusive}, each
// end optional. Checked against the fact's type when resolved.
struct GivenSyntax {
  Name fact;
  std::size_t offset = 0;    // the value
  std::vector<Name> values;  // the scalar, or the list's items
  bool is_list = false;
  bool is_interval = false;
  std::optional<Name> min, max;  // the interval's ends, as number texts
  bool min_inclusive = true, max_inclusive = true;
};

// One case of `expect_cases`: where the facts are as `given` says, the
// verdict is `expect` (and `by`, `overridden` when given).
struct ExpectedCaseSyntax {
  std::size_t offset = 0;  // the case's mapping
  std::vector<GivenSyntax> given;
  Name expect;
  std::optional<std::vector<Name>> by;
  std::optional<std::vector<Name>> overridden;
};

// A case as read. After a shape error the parts that could be read are
// kept (and resolved, so that every error of the file is reported), but
// the case is not `complete` and does not run.
struct TestCaseSyntax {
  std::size_t offset = 0;  // the case's mapping: FILE:LINE of a failure
  std::string name;
  Field<Expr> on;  // a date expression (literal or named date)
  std::optional<ActionPattern> ask;
  Name expect;  // a verdict or "allowed"; empty with expect_cases
  std::optional<std::vector<Name>> by;
  std::optional<std::vector<Name>> overridden;
  std::vector<std::pair<Name, Expr>> assume;
  std::vector<Name> unknown;                     // facts whose default is set aside (SPEC §7.3)
  std::vector<ExpectedCaseSyntax> expect_cases;  // in place of `expect`
  Field<Expr> as_agreed_on;
  std::optional<std::vector<Name>> without;  // amendment ids (SPEC §7.1)
  std::vector<Name> with;                    // files of amendments, relative to the test file
  bool complete = true;                      // every required key present and read without error
};

// One run a timeline expects: `from` and `through` are required, and null
// (Presence::Null) means the beginning of time / no end. `by`, `overridden`
// and `default` are compared only when given.
struct ExpectedRunSyntax {
  std::size_t offset = 0;  // the run's mapping
  Field<Expr> from, through;
  Name verdict;  // one of the four verdicts (not `allowed`: runs are exact)
  std::optional<std::vector<Name>> by;
  std::optional<std::vector<Name>> overridden;
  std::optional<bool> is_default;
  bool complete = true;
};

// A timeline as read (SPEC §6 "Test files may pin timelines"): the runs of
// one instance over `from`..`to` (all time when both are absent). As for a
// case, the parts read after a shape error are kept and resolved, and
// `complete` says whether it can run. The what-if keys (SPEC §7) `without`
// and `with` are read as in a case.
struct TimelineSyntax {
  std::size_t offset = 0;  // the timeline's mapping: FILE:LINE of a failure
  std::string name;
  std::optional<ActionPattern> ask;
  Field<Expr> from, to;  // date expressions, as a case's `on`
  std::vector<std::pair<Name, Expr>> assume;
  Field<Expr> as_agreed_on;
  std::optional<std::vector<Name>> without;  // amendment ids (SPEC §7.1)
  std::vector<Name> with;                    // files of amendments, relative to the test file
  std::size_t expect_offset = 0;             // the `expect` list (for "lists no run")
  std::vector<ExpectedRunSyntax> expect;
  bool complete = true;
};

struct TestFileSyntax {
  Name contract;  // path relative to the test file; empty when missing or bad
  std::vector<TestCaseSyntax> cases;
  std::vector<TimelineSyntax> timelines;
};

TestFileSyntax read_test_file(const SourceFile& file, const YamlDocument& doc, const Limits& limits,
                              Diagnostics& diags);

}  // namespace pacta
