// `pacta timeline` as text and as JSON (SPEC §6). Text: a heading with the
// question, then per instance its name and one line per run,
// `FROM … THROUGH  VERDICT  BY`, unbounded ends written `(start)` and
// `(no end)`. JSON: one document, the runs' unbounded ends as null.
#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>

#include "cli/report/timeline_report.hpp"
#include "cli/report/values.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

fmt::text_style verdict_color(Verdict v) {
  switch (v) {
    case Verdict::Permitted:
      return fmt::fg(fmt::terminal_color::green);
    case Verdict::Obligatory:
      return fmt::fg(fmt::terminal_color::cyan);
    case Verdict::Forbidden:
      return fmt::fg(fmt::terminal_color::red);
    case Verdict::Conflict:
      return fmt::text_style(fmt::emphasis::bold) | fmt::fg(fmt::terminal_color::magenta);
  }
  return {};
}

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
  if (r.as_agreed_on) h += fmt::format(", as agreed on {}", r.as_agreed_on->to_string());
  std::vector<std::string> assumed;
  for (const auto& [fact, value] : r.assumed) {
    assumed.push_back(
        fmt::format("{}={}", c.facts[fact].name, value_text(c, c.facts[fact].type, value)));
  }
  if (!assumed.empty()) h += fmt::format(", assuming {}", fmt::join(assumed, ", "));
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
      color ? fmt::format(verdict_color(run.decision.verdict), "{}", verdict) : verdict,
      why_text(r.contract, action, run.decision));
}

Json run_json(const TimelineReport& r, const Run& run) {
  const Contract& c = r.contract;
  Json j;
  j["from"] = open_start(r, run) ? Json(nullptr) : Json(run.from.to_string());
  j["through"] = open_end(r, run) ? Json(nullptr) : Json(run.through.to_string());
  j["verdict"] = verdict_name(run.decision.verdict);
  j["default"] = run.decision.is_default;
  j["by"] = ids_json(c, run.decision.by);
  j["overridden"] = ids_json(c, run.decision.overridden);
  return j;
}

}  // namespace

std::string render_timeline_text(const TimelineReport& r, bool color) {
  std::string out = heading(r);
  for (const TimelineRow& row : r.rows) {
    out += "\n" + visible(instance_text(r.contract, row.action, row.args)) + "\n";
    for (const Run& run : row.runs) out += run_line(r, row.action, run, color);
  }
  if (r.rows.empty()) out += "\nno instance matches\n";
  return out;
}

std::string render_timeline_json(const TimelineReport& r) {
  const Contract& c = r.contract;
  Json j;
  j["contract"] = c.id;
  j["from"] = date_json(r.from);
  j["to"] = date_json(r.to);
  j["as_agreed_on"] = date_json(r.as_agreed_on);
  j["assume"] = assume_json(c, r.assumed);
  j["without"] = Json::array();  // what-if (SPEC §7): no clause set aside yet
  j["with"] = Json::array();
  Json timelines = Json::array();
  for (const TimelineRow& row : r.rows) {
    Json runs = Json::array();
    for (const Run& run : row.runs) runs.push_back(run_json(r, run));
    timelines.push_back(Json{{"action", c.actions[row.action].name},
                             {"args", args_json(c, row.action, row.args)},
                             {"runs", std::move(runs)}});
  }
  j["timelines"] = std::move(timelines);
  return safe_dump(std::move(j)) + "\n";
}

}  // namespace pacta::cli
