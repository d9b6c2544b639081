// The text reporter: what a person reads on a terminal. Aligned tables,
// one line per check or failed test, diagnostics with carets; colour
// (fmt/color.h) only when main decided the terminal wants it. Every line
// that holds a name, a path or a value from the input is passed through
// visible() before colour is added, so no input byte drives the terminal.
#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>

#include "cli/report/output.hpp"
#include "cli/report/reporter.hpp"
#include "cli/report/values.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

std::string ids_text(const Contract& c, const std::vector<int>& clauses) {
  return fmt::format("{}", fmt::join(c.clauses.ids(clauses), ", "));
}

std::string count_text(std::size_t n, const char* noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

// "acme on 2025-01-01, as agreed on ..., assuming fact=value, ..." and a
// blank line.
std::string question_header(const Answer& a) {
  const Contract& c = a.contract;
  std::string header = fmt::format("{} on {}", c.id, a.on.to_string());
  for (const std::string& part :
       scenario_parts(c, {a.as_agreed_on, a.without, a.with, a.assumed})) {
    header += ", " + part;
  }
  if (!a.unknown.empty()) header += ", " + not_knowing_text(c, a.unknown);
  return visible(header) + "\n\n";
}

// One row of the decision table, as visible text before alignment; `v`
// colours the verdict (none: the "depends" row of a conditional answer).
struct Row {
  std::string instance, verdict, why, aside;
  std::optional<Verdict> v;
};

Row decision_row(const Contract& c, std::string instance, int action, const Decision& d) {
  Row row{std::move(instance), verdict_name(d.verdict), "", visible(ids_text(c, d.overridden)),
          d.verdict};
  if (d.is_default) {
    bool action_default = c.actions[action].default_verdict.has_value();
    row.why = fmt::format("no clause applies ({} default)", action_default ? "action" : "contract");
  } else {
    row.why = visible(ids_text(c, d.by));
  }
  return row;
}

// The rows of one instance: one, or for an answer that depends on unknown
// facts (SPEC §7.3) a "depends on ..." row and one row per case, "if ..."
// and the last "otherwise" (the cases are disjoint and cover every value).
std::vector<Row> table_rows(const Contract& c, const DecidedInstance& r) {
  std::string instance = visible(instance_text(c, r.action, r.args));
  if (r.cases.empty()) return {decision_row(c, std::move(instance), r.action, r.decision)};
  const std::vector<int> facts = given_facts(r.cases);
  std::vector<std::string> names;
  names.reserve(facts.size());
  for (int f : facts) names.push_back(c.facts[static_cast<std::size_t>(f)].name);
  std::vector<Row> rows{Row{std::move(instance), "depends",
                            visible(fmt::format("on {}", fmt::join(names, ", "))), "",
                            std::nullopt}};
  for (std::size_t i = 0; i < r.cases.size(); ++i) {
    std::string when = visible("  " + case_label(c, r.cases, i));
    rows.push_back(decision_row(c, std::move(when), r.action, r.cases[i].outcome));
  }
  return rows;
}

// Columns INSTANCE, VERDICT, DECIDED BY, and SET ASIDE when any decision
// overrode a clause; each column as wide as its widest cell. The widths are
// measured in one walk over the rows and the rows written in a second, so
// the table is never held whole.
struct TableWidths {
  std::size_t instance = 8, verdict = 7, why = 10;
  bool any_aside = false;

  void measure(const Row& r) {
    instance = std::max(instance, r.instance.size());
    verdict = std::max(verdict, r.verdict.size());
    why = std::max(why, r.why.size());
    any_aside = any_aside || !r.aside.empty();
  }
};

std::string table_header(const TableWidths& w, bool color) {
  const fmt::text_style bold = color ? fmt::emphasis::bold : fmt::text_style{};
  return fmt::format(bold, "{:<{}}  {:<{}}  {}", "INSTANCE", w.instance, "VERDICT", w.verdict,
                     w.any_aside ? fmt::format("{:<{}}  SET ASIDE", "DECIDED BY", w.why)
                                 : std::string("DECIDED BY")) +
         "\n";
}

std::string table_line(const Row& r, const TableWidths& w, bool color) {
  const fmt::text_style style = color && r.v ? verdict_style(*r.v) : fmt::text_style{};
  std::string line = fmt::format("{:<{}}  {}  ", r.instance, w.instance,
                                 fmt::format(style, "{:<{}}", r.verdict, w.verdict));
  line += w.any_aside ? fmt::format("{:<{}}  {}", r.why, w.why, r.aside) : r.why;
  line.erase(line.find_last_not_of(' ') + 1);
  return line + "\n";
}

std::string aside_text(const std::vector<std::string>& ids) {
  return ids.empty() ? std::string(" setting aside nothing")
                     : fmt::format(" setting aside {}", fmt::join(ids, ", "));
}

std::string case_name(const TestCaseResult& r) { return r.name.empty() ? "(unnamed)" : r.name; }

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

// "file:line: FAIL name: expected X [by ...] [setting aside ...], got Y by
// ... [setting aside ...]" for a failed case; what was set aside is shown
// when the case says what it expects there.
std::string failure_line(const TestCaseResult& r) {
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
  return visible(fmt::format("{}:{}: FAIL {}: {}", r.file, r.position.line, case_name(r), what)) +
         "\n";
}

// "file:line: PASS name: Y by ... [setting aside ...]" (--verbose).
std::string pass_line(const TestCaseResult& r) {
  std::string got;
  if (!r.got_cases.empty()) {
    got = cases_text(r.contract->contract, r.got_cases, true);
  } else {
    got = fmt::format("{} by {}", r.got, by_text(r.by));
    if (!r.overridden.empty()) got += aside_text(r.overridden);
  }
  return visible(fmt::format("{}:{}: PASS {}: {}", r.file, r.position.line, case_name(r), got)) +
         "\n";
}

std::string timeline_name(const TestTimelineResult& r) {
  return r.name.empty() ? "(unnamed)" : r.name;
}

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

// What differs in a failed timeline: "run N: expected ..., got ...", or
// the error that kept it from being made.
std::string timeline_difference(const TestTimelineResult& r) {
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

// "file:line: FAIL name: run N: expected ..., got ..." for a failed timeline.
std::string timeline_failure_line(const TestTimelineResult& r) {
  return visible(fmt::format("{}:{}: FAIL {}: {}", r.file, r.position.line, timeline_name(r),
                             timeline_difference(r))) +
         "\n";
}

// "file:line: PASS name: INSTANCE, N runs" (--verbose).
std::string timeline_pass_line(const TestTimelineResult& r) {
  const Contract& c = r.contract->contract;
  return visible(fmt::format("{}:{}: PASS {}: {}, {}", r.file, r.position.line, timeline_name(r),
                             instance_text(c, r.action, r.args),
                             count_text(r.found.size(), "run"))) +
         "\n";
}

class TextReporter final : public Reporter {
 public:
  explicit TextReporter(bool color) : color_(color) {}

  void diagnostics(const Diagnostics& diags) override {
    for (const auto& d : diags.all()) write_err(render_text(d, color_));
    if (diags.suppressed() > 0) {
      print_err("... and {} more errors not shown\n", diags.suppressed());
    }
  }

  void check(const CheckReport& report) override {
    diagnostics(report.diagnostics);
    for (const auto& f : report.files) {
      if (!f.loaded) continue;
      write_out(visible(fmt::format("{}: ok: contract '{}', {}, {}", f.path, f.loaded->contract_id,
                                    count_text(f.loaded->clauses, "clause"),
                                    count_text(f.loaded->amendments, "amendment"))) +
                "\n");
    }
  }

  void answer(const Answer& answer) override {
    write_out(question_header(answer));
    if (answer.count == 0) {
      write_out("no instances\n");
      return;
    }
    const Contract& c = answer.contract;
    TableWidths widths;
    answer.results.for_each([&](const DecidedInstance& r) {
      for (const Row& row : table_rows(c, r)) widths.measure(row);
    });
    write_out(table_header(widths, color_));
    answer.results.for_each([&](const DecidedInstance& r) {
      for (const Row& row : table_rows(c, r)) write_out(table_line(row, widths, color_));
    });
  }

  void tests(const TestReport& report) override {
    diagnostics(report.diagnostics);
    for (const auto& r : report.cases) {
      if (!r.passed) {
        write_out(failure_line(r));
      } else if (report.verbose) {
        write_out(pass_line(r));
      }
    }
    for (const auto& r : report.timelines) {
      if (!r.passed) {
        write_out(timeline_failure_line(r));
      } else if (report.verbose) {
        write_out(timeline_pass_line(r));
      }
    }
    print_out("{} passed, {} failed\n", report.passed, report.failed);
  }

 private:
  bool color_;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(bool color) {
  return std::make_unique<TextReporter>(color);
}

}  // namespace pacta::cli
