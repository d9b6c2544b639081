#include "cli/report/plan_report.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

#include <string>

#include "cli/report/output.hpp"
#include "cli/report/values.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

std::string step_name(const PlanStepResult& s) { return s.name.empty() ? "(unnamed)" : s.name; }

std::string span_text(const PlanStepResult& s) {
  return s.from == s.through ? fmt::format("on {}", s.from.to_string())
                             : fmt::format("{} … {}", s.from.to_string(), s.through.to_string());
}

// "  [if CASE: ]FROM … THROUGH VERDICT by CLAUSES[ setting aside ...]".
std::string run_line(const Contract& c, const PlanRun& r, bool color) {
  const FoundRun& f = r.run;
  std::string text = "  ";
  if (!r.given.empty()) text += visible(fmt::format("if {}: ", case_text(c, r.given)));
  text += run_days(f.from, f.through) + " ";
  text += color ? fmt::format(verdict_style(f.verdict), "{}", verdict_name(f.verdict))
                : std::string(verdict_name(f.verdict));
  text += visible(fmt::format(" by {}", by_text(f.by)));
  if (!f.overridden.empty()) {
    text += visible(fmt::format(" setting aside {}", fmt::join(f.overridden, ", ")));
  }
  return text + "\n";
}

std::string scenario_text(const PlanStepResult& s) {
  const Contract& c = s.contract->contract;
  std::vector<std::string> parts = scenario_parts(c, {s.as_agreed_on, s.without, s.with, s.assume});
  if (!s.unknown.empty()) parts.push_back(not_knowing_text(c, s.unknown));
  return parts.empty() ? "" : fmt::format(" ({})", fmt::join(parts, ", "));
}

// "VERDICT by CLAUSES FROM … THROUGH[ if CASE]" for one line.
std::string run_summary(const Contract& c, const PlanRun& r) {
  std::string text = fmt::format("{} by {} {}", verdict_name(r.run.verdict), by_text(r.run.by),
                                 run_days(r.run.from, r.run.through));
  if (!r.given.empty()) text += fmt::format(" if {}", case_text(c, r.given));
  return text;
}

}  // namespace

std::string step_message(const PlanStepResult& s) {
  const Contract& c = s.contract->contract;
  const std::string instance = instance_text(c, s.action, s.args);
  if (s.error) {
    return fmt::format("{} {}{} could not be checked: {}", instance, span_text(s), scenario_text(s),
                       *s.error);
  }
  if (s.passed) return fmt::format("{} allowed {}{}", instance, span_text(s), scenario_text(s));
  std::vector<std::string> runs;
  runs.reserve(s.failing.size());
  for (const PlanRun& r : s.failing) runs.push_back(run_summary(c, r));
  return fmt::format("{} not allowed from {} ({}){}: {}", instance, s.first_failing->to_string(),
                     span_text(s), scenario_text(s), fmt::join(runs, "; "));
}

std::string step_lines(const PlanStepResult& s, bool color) {
  const Contract& c = s.contract->contract;
  const std::string where = fmt::format("{}:{}", s.file, s.position.line);
  const std::string instance = instance_text(c, s.action, s.args);
  if (s.error || s.passed) {
    return visible(fmt::format("{}: {} {}: {}", where, s.passed ? "HOLDS" : "FAIL", step_name(s),
                               step_message(s))) +
           "\n";
  }
  std::string out =
      visible(fmt::format("{}: FAIL {}: {} not allowed from {} ({}){}:", where, step_name(s),
                          instance, s.first_failing->to_string(), span_text(s), scenario_text(s))) +
      "\n";
  for (const PlanRun& r : s.failing) out += run_line(c, r, color);
  return out;
}

std::string obligation_message(const PlanObligation& o) {
  const Contract& c = o.contract->contract;
  std::vector<std::string> runs;
  runs.reserve(o.runs.size());
  for (const PlanRun& r : o.runs) runs.push_back(run_summary(c, r));
  return fmt::format("obligation not performed: {}: {}", instance_text(c, o.action, o.args),
                     fmt::join(runs, "; "));
}

std::string obligation_lines(const PlanObligation& o, bool color) {
  const Contract& c = o.contract->contract;
  std::string out =
      visible(fmt::format("{}: warning: obligation not performed: {} [{}]", o.file,
                          instance_text(c, o.action, o.args), code_name(Code::P101))) +
      "\n";
  for (const PlanRun& r : o.runs) out += run_line(c, r, color);
  return out;
}

namespace {

Json run_json(const Contract& c, const PlanRun& r) {
  const FoundRun& f = r.run;
  Json j;
  if (!r.given.empty()) j["given"] = given_json(c, r.given);
  j["from"] = f.from.to_string();
  j["through"] = f.through.to_string();
  j["verdict"] = verdict_name(f.verdict);
  j["default"] = f.is_default;
  j["by"] = f.by;
  j["overridden"] = f.overridden;
  return j;
}

Json step_json(const PlanStepResult& s) {
  const Contract& c = s.contract->contract;
  Json j;
  j["file"] = s.file;
  j["line"] = s.position.line;
  j["name"] = s.name;
  j["holds"] = s.passed;
  j["do"] = instance_json(c, s.action, s.args);
  j["from"] = s.from.to_string();
  j["through"] = s.through.to_string();
  j["assume"] = assume_json(c, s.assume);
  j["as_agreed_on"] = date_json(s.as_agreed_on);
  j["without"] = s.without;
  j["with"] = s.with;
  j["unknown"] = fact_names_json(c, s.unknown);
  j["first_failing"] = date_json(s.first_failing);
  Json failing = Json::array();
  for (const PlanRun& r : s.failing) failing.push_back(run_json(c, r));
  j["failing"] = failing;
  j["error"] = s.error ? Json(*s.error) : Json(nullptr);
  return j;
}

}  // namespace

void write_plan_text(const PlanReport& report, bool color) {
  for (const PlanFileResult& f : report.files) {
    for (const PlanStepResult& s : f.steps) write_out(step_lines(s, color));
    for (const PlanObligation& o : f.obligations) write_out(obligation_lines(o, color));
  }
  std::string summary = fmt::format("{} held, {} failed", report.held, report.failed);
  if (report.obligations) {
    summary += fmt::format(", {} {} not performed", report.not_performed,
                           report.not_performed == 1 ? "obligation" : "obligations");
  }
  write_out(summary + "\n");
}

void write_plan_json(const PlanReport& report) {
  Json j;
  Json steps = Json::array();
  Json obligations = Json::array();
  for (const PlanFileResult& f : report.files) {
    for (const PlanStepResult& s : f.steps) steps.push_back(step_json(s));
    for (const PlanObligation& o : f.obligations) {
      const Contract& c = o.contract->contract;
      Json runs = Json::array();
      for (const PlanRun& r : o.runs) runs.push_back(run_json(c, r));
      obligations.push_back(
          Json{{"file", o.file}, {"do", instance_json(c, o.action, o.args)}, {"runs", runs}});
    }
  }
  j["steps"] = steps;
  j["held"] = report.held;
  j["failed"] = report.failed;
  j["obligations"] = report.obligations ? obligations : Json(nullptr);
  write_out(safe_dump(std::move(j)) + "\n");
}

}  // namespace pacta::cli
