#pragma once
// The syntax of a test file (language.md §8), read like a rule file: kinds, keys,
// expressions and patterns checked for shape, spans in file offsets. The
// cases are resolved against their contract by engine/test_runner.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "grammar/files/rule_file.hpp"

namespace pacta {

// A case as read. After a shape error the parts that could be read are
// kept (and resolved, so that every error of the file is reported), but
// the case is not `complete` and does not run.
struct TestCaseSyntax {
  std::size_t offset = 0;  // the case's mapping: FILE:LINE of a failure
  std::string name;
  Field<Expr> on;  // a date expression (literal or named date)
  std::optional<ActionPattern> ask;
  Name expect;  // a verdict or "allowed"
  std::optional<std::vector<Name>> by;
  std::optional<std::vector<Name>> overridden;
  std::vector<std::pair<Name, Expr>> assume;
  Field<Expr> as_agreed_on;
  bool complete = true;  // every required key present and read without error
};

struct TestFileSyntax {
  Name contract;  // path relative to the test file; empty when missing or bad
  std::vector<TestCaseSyntax> cases;
};

TestFileSyntax read_test_file(const SourceFile& file, const YamlDocument& doc, const Limits& limits,
                              Diagnostics& diags);

}  // namespace pacta
