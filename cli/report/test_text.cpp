// How reports word the results of `pacta test` (test_text.hpp).
#include "cli/report/test_text.hpp"

#include <fmt/format.h>

#include "cli/report/values.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

std::string count_text(std::size_t n, const char* noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

namespace {

std::string aside_text(const std::vector<std::string>& ids) {
  return ids.empty() ? std::string(" setting aside nothing")
                     : fmt::format(" setting aside {}", fmt::join(ids, ", "));
}

}  // namespace

std::string case_name(const TestCaseResult& r) { return r.name.empty() ? "(unnamed)" : r.name; }

namespace {

// "V [by ...] [setting aside ...]": what a case or an expected case says.
std::string expectation_text(const std::string& verdict,
                             const std::optional<std::vector<std::string>>& by,
                             const std::optional<std::vector<std::string>>& overridden) {
  std::string text = verdict;
  if (by) text += fmt::format(" by {}", by_text(*by));
  if (overridden) text += aside_text(*overridden);
  return text;
}

// "Y by ... [setting aside ...]": a decision, what was set aside shown
// when `aside` (the case asks about it).
std::string decision_text(const Contract& c, const Decision& d, bool aside) {
  std::string text = fmt::format("{} by {}", verdict_name(d.verdict), by_text(c.clauses.ids(d.by)));
  if (aside) text += aside_text(c.clauses.ids(d.overridden));
  return text;
}

// What went wrong in a case whose answer depends on unknown facts
// (SPEC §7.3), or nullopt for a plain one.
std::optional<std::string> conditional_failure(const TestCaseResult& r) {
  const Contract& c = r.contract->contract;
  using M = TestCaseResult::Mismatch;
  const auto name_of = [&](int f) { return c.facts[static_cast<std::size_t>(f)].name; };
  const auto expected_case = [&](int k) {
    const TestCaseResult::ExpectedCase& e = r.expected_cases[static_cast<std::size_t>(k)];
    return expectation_text(e.expect, e.by, e.overridden);
  };
  switch (r.mismatch) {
    case M::None:
      break;
    case M::NotRead:
      return fmt::format(
          "expected case {} gives '{}', but the answer does not depend on it; "
          "the answer: {}",
          r.expected_case + 1, name_of(r.fact),
          r.got_cases.empty() ? decision_text(c, r.at_decision, false)
                              : cases_text(c, r.got_cases, true));
    case M::Misaligned:
      return fmt::format(
          "expected case {} splits '{}' where the contract does not compare it; the answer: {}",
          r.expected_case + 1, name_of(r.fact),
          r.got_cases.empty() ? decision_text(c, r.at_decision, false)
                              : cases_text(c, r.got_cases, true));
    case M::NotCovered:
      return fmt::format("no expected case covers {}, where the answer is {}", case_text(c, r.at),
                         decision_text(c, r.at_decision, false));
    case M::Overlap:
      return fmt::format("expected cases {} and {} both cover {}", r.expected_case + 1,
                         r.other_case + 1,
                         r.at.empty() ? std::string("every value") : case_text(c, r.at));
    case M::Differs:
      if (r.expected_cases.empty() && r.got_cases.empty()) break;  // a plain answer
      if (r.expected_cases.empty()) {
        return fmt::format("expected {}, got {}",
                           expectation_text(r.expected, r.expected_by, r.expected_overridden),
                           cases_text(c, r.got_cases, true));
      }
      return fmt::format(
          "{}expected {} (expected case {}), got {}",
          r.at.empty() ? std::string() : "where " + case_text(c, r.at) + ", ",
          expected_case(r.expected_case), r.expected_case + 1,
          decision_text(
              c, r.at_decision,
              r.expected_cases[static_cast<std::size_t>(r.expected_case)].overridden.has_value()));
  }
  return std::nullopt;
}

}  // namespace

std::string case_failure_text(const TestCaseResult& r) {
  std::string what;
  if (r.error) {
    what = fmt::format("expected {}, got an error: {}",
                       r.expected_cases.empty()
                           ? expectation_text(r.expected, r.expected_by, r.expected_overridden)
                           : std::string("the cases of 'expect_cases'"),
                       *r.error);
  } else if (auto conditional = conditional_failure(r)) {
    what = *conditional;
  } else {
    std::string got = fmt::format("{} by {}", r.got, by_text(r.by));
    if (r.expected_overridden) got += aside_text(r.overridden);
    what = fmt::format("expected {}, got {}",
                       expectation_text(r.expected, r.expected_by, r.expected_overridden), got);
  }
  return what;
}

std::string case_pass_text(const TestCaseResult& r) {
  std::string got;
  if (!r.got_cases.empty()) {
    got = cases_text(r.contract->contract, r.got_cases, true);
  } else {
    got = fmt::format("{} by {}", r.got, by_text(r.by));
    if (!r.overridden.empty()) got += aside_text(r.overridden);
  }
  return got;
}

std::string timeline_name(const TestTimelineResult& r) {
  return r.name.empty() ? "(unnamed)" : r.name;
}

namespace {

// An expected run: its days and verdict, and what else it asserts.
std::string expected_run_text(const ExpectedRun& e) {
  std::string text = fmt::format("{} {}", run_days(e.from, e.through), verdict_name(e.verdict));
  if (e.by) {
    text += fmt::format(" by {}", by_text(*e.by));
  } else if (e.is_default) {
    text += *e.is_default ? " by no clause (default)" : " by a clause (not a default)";
  }
  if (e.overridden) text += aside_text(*e.overridden);
  return text;
}

// A run found, with what was set aside when the expected run asks.
std::string found_run_text(const FoundRun& f, bool show_aside) {
  std::string text = fmt::format("{} {} by {}", run_days(f.from, f.through),
                                 verdict_name(f.verdict), by_text(f.by));
  if (show_aside) text += aside_text(f.overridden);
  return text;
}

}  // namespace

std::string timeline_failure_text(const TestTimelineResult& r) {
  if (r.error) return fmt::format("got an error: {}", *r.error);
  const std::size_t i = r.differs.value_or(0);
  const bool has_expected = i < r.expected.size(), has_found = i < r.found.size();
  std::string expected = has_expected
                             ? expected_run_text(r.expected[i])
                             : fmt::format("no run {} ({} in all)", i + 1, r.expected.size());
  std::string got = has_found ? found_run_text(r.found[i], has_expected && r.expected[i].overridden)
                              : fmt::format("no run {} ({} in all)", i + 1, r.found.size());
  std::string text = fmt::format("run {}: expected {}, got {}", i + 1, expected, got);
  if (r.expected.size() != r.found.size()) {
    text += fmt::format(" ({} expected, {} found)", count_text(r.expected.size(), "run"),
                        r.found.size());
  }
  return text;
}

std::string timeline_pass_text(const TestTimelineResult& r) {
  const Contract& c = r.contract->contract;
  return fmt::format("{}, {}", instance_text(c, r.action, r.args),
                     count_text(r.found.size(), "run"));
}

std::string failure_line(const TestCaseResult& r) {
  return visible(fmt::format("{}:{}: FAIL {}: {}", r.file, r.position.line, case_name(r),
                             case_failure_text(r))) +
         "\n";
}

std::string pass_line(const TestCaseResult& r) {
  return visible(fmt::format("{}:{}: PASS {}: {}", r.file, r.position.line, case_name(r),
                             case_pass_text(r))) +
         "\n";
}

std::string timeline_failure_line(const TestTimelineResult& r) {
  return visible(fmt::format("{}:{}: FAIL {}: {}", r.file, r.position.line, timeline_name(r),
                             timeline_failure_text(r))) +
         "\n";
}

std::string timeline_pass_line(const TestTimelineResult& r) {
  return visible(fmt::format("{}:{}: PASS {}: {}", r.file, r.position.line, timeline_name(r),
                             timeline_pass_text(r))) +
         "\n";
}

}  // namespace pacta::cli
