#pragma once
// How every report words the results of `pacta test`: the text reporter's
// lines, and the messages of the machine reports (ci_convert.cpp), so a
// failure reads the same in a terminal, in JUnit and in SARIF. The *_text
// functions give the input's text as it is (callers escape it for their
// format); the *_line functions are the text reporter's lines, through
// visible(), with their newline.
#include <cstddef>
#include <string>

#include "engine/testing/test_runner.hpp"

namespace pacta::cli {

// "1 clause", "2 clauses".
std::string count_text(std::size_t n, const char* noun);
// A case's or a timeline's name; "(unnamed)" when it has none.
std::string case_name(const TestCaseResult& r);
std::string timeline_name(const TestTimelineResult& r);

// Why a case failed: "expected X [by ...] [setting aside ...], got Y by ...
// [setting aside ...]" (what was set aside shown when the case says what
// it expects there), or what went wrong where its answer has cases.
std::string case_failure_text(const TestCaseResult& r);
// What a passing case got: "Y by ... [setting aside ...]", or its cases.
std::string case_pass_text(const TestCaseResult& r);
// Why a timeline failed: "run N: expected ..., got ...", or its error.
std::string timeline_failure_text(const TestTimelineResult& r);
// What a passing timeline asked: "INSTANCE, N runs".
std::string timeline_pass_text(const TestTimelineResult& r);

// "file:line: FAIL name: ..." and "file:line: PASS name: ..." (--verbose).
std::string failure_line(const TestCaseResult& r);
std::string pass_line(const TestCaseResult& r);
std::string timeline_failure_line(const TestTimelineResult& r);
std::string timeline_pass_line(const TestTimelineResult& r);

}  // namespace pacta::cli
