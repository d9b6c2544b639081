// The text reporter: what a person reads on a terminal. Aligned tables,
// one line per check or failed test, diagnostics with carets; colour
// (fmt/color.h) only when main decided the terminal wants it. Every line
// that holds a name, a path or a value from the input is passed through
// visible() before colour is added, so no input byte drives the terminal.
#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>

#include "cli/report/lint_report.hpp"
#include "cli/report/output.hpp"
#include "cli/report/reporter.hpp"
#include "cli/report/test_text.hpp"
#include "cli/report/values.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

std::string ids_text(const Contract& c, const std::vector<int>& clauses) {
  return fmt::format("{}", fmt::join(c.clauses.ids(clauses), ", "));
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

// "N of M clauses decided some case (P%)".
std::string decided_text(std::size_t decided, std::size_t clauses) {
  return fmt::format(
      "{} of {} decided some case ({:.1f}%)", decided, count_text(clauses, "clause"),
      clauses == 0 ? 100.0 : 100.0 * static_cast<double>(decided) / static_cast<double>(clauses));
}

// --coverage: per contract file its count and the clauses that decided no
// case (FILE:LINE: ID), then the count of the whole run.
std::string coverage_text(const ClauseCoverage& coverage) {
  std::string out;
  for (const ClauseCoverage::Contract& c : coverage.contracts) {
    std::string line = fmt::format("{}: {}", c.file, decided_text(c.decided, c.clauses.size()));
    if (c.decided < c.clauses.size()) line += "; no case decided:";
    out += visible(line) + "\n";
    for (const ClauseCoverage::Clause& clause : c.clauses) {
      if (!clause.decided) {
        out += visible(fmt::format("  {}:{}: {}", clause.file, clause.line, clause.id)) + "\n";
      }
    }
  }
  return out + fmt::format("coverage: {}\n", decided_text(coverage.decided, coverage.clauses));
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

  void plan(const PlanReport& report) override { write_plan_text(report, color_); }

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
    if (report.coverage) write_out(coverage_text(*report.coverage));
    print_out("{} passed, {} failed\n", report.passed, report.failed);
  }

  void lint(const LintReport& report) override {
    diagnostics(report.diagnostics);
    write_out(lint_text(report, color_));
  }

 private:
  bool color_;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(bool color) {
  return std::make_unique<TextReporter>(color);
}

}  // namespace pacta::cli
