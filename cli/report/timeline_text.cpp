// `pacta timeline` as text and as JSON (SPEC §6). Text: a heading with the
// question, then per instance its name and one line per run,
// `FROM … THROUGH  VERDICT  BY`, unbounded ends written `(start)` and
// `(no end)`. JSON: one document, the runs' unbounded ends as null.
#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>

#include "cli/report/explain_report.hpp"
#include "cli/report/timeline_report.hpp"
#include "cli/report/values.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

// A run's first day as written: null (JSON) / "(start)" (text) for the
// beginning of time, when no --from clipped it.
bool open_start(const TimelineReport& r, const Run& run) {
  return !r.from && run.from == Date::min();
}
bool open_end(const TimelineReport& r, const Run& run) {
  return !r.to && run.through == Date::max();
}

std::string heading(const TimelineReport& r) {
  const Contract& c = r.contract;
  std::string h = c.id;
  if (!r.from && !r.to) {
    h += " over all time";
  } else {
    if (r.from) h += fmt::format(" from {}", r.from->to_string());
    if (r.to) h += fmt::format(" through {}", r.to->to_string());
  }
  for (const std::string& part :
       scenario_parts(c, {r.as_agreed_on, r.without, r.with, r.assumed})) {
    h += ", " + part;
  }
  if (!r.unknown.empty()) h += ", " + not_knowing_text(c, r.unknown);
  return visible(h) + "\n";
}

std::string why_text(const Contract& c, int action, const Decision& d) {
  std::string why;
  if (d.is_default) {
    why = fmt::format("no clause applies ({} default)",
                      c.actions[action].default_verdict ? "action" : "contract");
  } else {
    why = fmt::format("by {}", fmt::join(c.clauses.ids(d.by), ", "));
  }
  if (!d.overridden.empty()) {
    why += fmt::format(", setting aside {}", fmt::join(c.clauses.ids(d.overridden), ", "));
  }
  return visible(why);
}

std::string run_line(const TimelineReport& r, int action, const Run& run, bool color) {
  const std::string from = open_start(r, run) ? "(start)" : run.from.to_string();
  const std::string through = open_end(r, run) ? "(no end)" : run.through.to_string();
  const std::string verdict = fmt::format("{:<10}", verdict_name(run.decision.verdict));
  return fmt::format(
      "  {:<10} … {:<10}  {}  {}\n", from, through,
      color ? fmt::format(verdict_style(run.decision.verdict), "{}", verdict) : verdict,
      why_text(r.contract, action, run.decision));
}

// `j`, whose last key holds an empty array, dumped at `depth` up to that
// array's opening bracket: its elements are written next, one at a time.
std::string opened(Json j, int depth) {
  std::string text = safe_dump(std::move(j));
  text.resize(text.size() - 4);  // "[]\n}"
  return nested(text, depth) + "[";
}

bool same_instance(const TimelineRow& a, const TimelineRow& b) {
  return a.action == b.action && a.args == b.args;
}

Json run_json(const TimelineReport& r, const Run& run, const std::vector<BoundaryChange>* changes) {
  const Contract& c = r.contract;
  Json j;
  j["from"] = open_start(r, run) ? Json(nullptr) : Json(run.from.to_string());
  j["through"] = open_end(r, run) ? Json(nullptr) : Json(run.through.to_string());
  j["verdict"] = verdict_name(run.decision.verdict);
  j["default"] = run.decision.is_default;
  j["by"] = ids_json(c, run.decision.by);
  j["overridden"] = ids_json(c, run.decision.overridden);
  if (changes != nullptr) {
    Json list = Json::array();
    for (const BoundaryChange& ch : *changes) list.push_back(change_json(c, *r.source, ch));
    j["changes"] = std::move(list);
  }
  return j;
}

}  // namespace

std::string row_name(const Contract& c, const TimelineRow& row) {
  std::string name = instance_text(c, row.action, row.args);
  if (!row.when.empty()) name += ", " + row.when;
  return name;
}

void write_timeline_text(const TimelineReport& r, bool color, const Sink& sink) {
  sink(heading(r));
  for (const TimelineRow& row : r.rows) {
    std::string text = "\n" + visible(row_name(r.contract, row)) + "\n";
    for (std::size_t i = 0; i < row.runs.size(); ++i) {
      text += run_line(r, row.action, row.runs[i], color);
      if (i >= row.changes.size()) continue;
      for (const BoundaryChange& ch : row.changes[i]) {
        text += "      " + change_text(r.contract, *r.source, ch) + "\n";
      }
    }
    sink(text);
  }
  if (r.rows.empty()) sink("\nno instance matches\n");
}

std::string render_timeline_text(const TimelineReport& r, bool color) {
  std::string out;
  write_timeline_text(r, color, [&](std::string_view piece) { out += piece; });
  return out;
}

// The head (the question), then each instance, then each of its runs, each
// dumped on its own and indented to its depth.
void write_timeline_json(const TimelineReport& r, const Sink& sink) {
  const Contract& c = r.contract;
  Json head;
  head["contract"] = c.id;
  head["from"] = date_json(r.from);
  head["to"] = date_json(r.to);
  head["as_agreed_on"] = date_json(r.as_agreed_on);
  head["assume"] = assume_json(c, r.assumed);
  head["without"] = r.without;
  head["with"] = r.with;
  if (!r.unknown.empty()) head["unknown"] = fact_names_json(c, r.unknown);
  std::string text = safe_dump(std::move(head));
  text.resize(text.size() - 2);  // "\n}": the head has keys, so dump(2) ends so
  sink(text + ",\n  \"timelines\": [");
  bool first_row = true;
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    const TimelineRow& row = r.rows[i];
    const bool first_case = !row.given.empty() && (i == 0 || r.rows[i - 1].given.empty() ||
                                                   !same_instance(r.rows[i - 1], row));
    const bool last_case =
        !row.given.empty() && (i + 1 == r.rows.size() || r.rows[i + 1].given.empty() ||
                               !same_instance(r.rows[i + 1], row));
    // A conditional instance (SPEC §7.3): {"action", "args", "cases": [{"given", "runs"}]}.
    const bool conditional = !row.given.empty();
    const int depth = conditional ? 4 : 2;
    if (!conditional || first_case) {
      sink((first_row ? "\n" : ",\n") +
           opened(Json{{"action", c.actions[row.action].name},
                       {"args", args_json(c, row.action, row.args)},
                       {conditional ? "cases" : "runs", Json::array()}},
                  2));
      first_row = false;
    }
    if (conditional) {
      sink((first_case ? "\n" : ",\n") +
           opened(Json{{"given", given_json(c, row.given)}, {"runs", Json::array()}}, 4));
    }
    bool first_run = true;
    for (std::size_t k = 0; k < row.runs.size(); ++k) {
      const auto* changes = k < row.changes.size() ? &row.changes[k] : nullptr;
      sink((first_run ? "\n" : ",\n") +
           nested(safe_dump(run_json(r, row.runs[k], changes)), depth + 2));
      first_run = false;
    }
    const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
    sink(first_run ? fmt::format("]\n{}}}", indent) : fmt::format("\n{0}  ]\n{0}}}", indent));
    if (last_case) sink("\n      ]\n    }");
  }
  sink(first_row ? "]\n}\n" : "\n  ]\n}\n");
}

std::string render_timeline_json(const TimelineReport& r) {
  std::string out;
  write_timeline_json(r, [&](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace pacta::cli
