// The HTML page of `pacta timeline` (SPEC §6, "Pictures"): the SVG of
// cli/report/timeline_picture.cpp inline, the scenario it answers, and per
// instance a <details> with the table of its runs (the same facts as each
// bar's hover title). Self-contained: one inline <style>, no script, no
// network, no font but the reader's own.
#include <fmt/format.h>

#include <string>

#include "cli/report/timeline_picture_parts.hpp"
#include "cli/report/values.hpp"

namespace pacta::cli {

namespace {

using picture::markup;

constexpr const char* kStyle = R"(
body{font-family:system-ui,sans-serif;color:#222;background:#fff;margin:1.5rem;max-width:70rem}
h1{font-size:1.4rem;margin:0 0 .3rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.scenario{color:#555;margin:0 0 1rem}
figure{margin:0}
figcaption{color:#555;font-size:.9rem;margin-top:.3rem}
svg.pacta-timeline{max-width:100%;height:auto}
svg .bar:hover{stroke:#000;stroke-width:2;stroke-dasharray:none}
svg .row:hover>.name text{font-weight:bold}
details{margin:.2rem 0}
summary{cursor:pointer}
table.runs{border-collapse:collapse;margin:.4rem 0 .8rem 1.2rem;font-size:.9rem}
table.runs th,table.runs td{border:1px solid #ccc;padding:.15rem .5rem;text-align:left}
table.runs th{background:#f2f2f2}
tr[data-default="true"] td{color:#555;font-style:italic}
.verdict-permitted{color:#007A59}.verdict-obligatory{color:#005A8C}
.verdict-forbidden{color:#A84A00}.verdict-conflict{color:#9E4A7A}
)";

std::string scenario_text(const TimelineReport& r) {
  const Contract& c = r.contract;
  std::string out = "Range: ";
  if (!r.from && !r.to) {
    out += "all time";
  } else {
    out += (r.from ? "from " + r.from->to_string() : std::string("from the beginning of time")) +
           (r.to ? " through " + r.to->to_string() : std::string(", no end"));
  }
  if (r.as_agreed_on) out += "; terms as agreed on " + r.as_agreed_on->to_string();
  for (std::size_t i = 0; i < r.without.size(); ++i) {
    out += (i == 0 ? "; without amendment " : ", ") + r.without[i];
  }
  for (std::size_t i = 0; i < r.with.size(); ++i) {
    out += (i == 0 ? "; with the amendments of " : ", ") + r.with[i];
  }
  for (std::size_t i = 0; i < r.assumed.size(); ++i) {
    const auto& [fact, value] = r.assumed[i];
    const FactDecl& f = c.facts[static_cast<std::size_t>(fact)];
    out += (i == 0 ? "; assuming " : ", ") + f.name + "=" + value_text(c, f.type, value);
  }
  return markup(out) + ".";
}

std::string run_row(const Contract& c, const Run& run) {
  const Decision& d = run.decision;
  const char* verdict = verdict_name(d.verdict);
  return fmt::format(
      "<tr class=\"run\" data-verdict=\"{0}\" data-default=\"{1}\"><td>{2}</td><td>{3}</td>"
      "<td class=\"verdict-{0}\">{0}</td><td>{4}</td><td>{5}</td><td>{6}</td></tr>\n",
      verdict, d.is_default ? "true" : "false", markup(picture::from_text(run.from)),
      markup(picture::through_text(run.through)), d.is_default ? "yes" : "no",
      markup(picture::clause_list(c, d.by)), markup(picture::clause_list(c, d.overridden)));
}

std::string details_of(const TimelineReport& r) {
  std::string out = "<section class=\"details\">\n<h2>Runs</h2>\n";
  if (r.rows.empty()) out += "<p>No instance.</p>\n";
  for (const auto& row : r.rows) {
    const std::string name = markup(row_name(r.contract, row));
    out += fmt::format(
        "<details class=\"instance\" data-instance=\"{0}\"><summary>{0} ({1} {2})</summary>\n"
        "<table class=\"runs\"><thead><tr><th>From</th><th>Through</th><th>Verdict</th>"
        "<th>Default</th><th>By</th><th>Overridden</th></tr></thead><tbody>\n",
        name, row.runs.size(), row.runs.size() == 1 ? "run" : "runs");
    for (const auto& run : row.runs) out += run_row(r.contract, run);
    out += "</tbody></table></details>\n";
  }
  out += "</section>\n";
  return out;
}

std::string amendments_of(const TimelineReport& r) {
  if (r.amendments.empty()) return "";
  std::string out =
      "<section class=\"amendments\">\n<h2>Amendments</h2>\n<table class=\"runs\"><thead><tr>"
      "<th>Amendment</th><th>Signed</th><th>Takes effect</th><th>Title</th></tr></thead>"
      "<tbody>\n";
  for (const auto& a : r.amendments) {
    const Amendment& am = r.contract.amendments[static_cast<std::size_t>(a.index)];
    out += fmt::format(
        "<tr class=\"amendment\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        markup(am.id), a.signed_on.to_string(), a.effective.to_string(), markup(am.title));
  }
  out += "</tbody></table></section>\n";
  return out;
}

}  // namespace

std::string render_timeline_html(const TimelineReport& r) {
  const Contract& c = r.contract;
  const std::string heading = markup(c.title.empty() ? c.id : c.title);
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Timeline of {}</title>\n<style>{}</style>\n</head>\n<body>\n"
      "<header>\n<h1>Timeline of {}</h1>\n<p class=\"scenario\">Contract <code>{}</code>. {}</p>\n"
      "</header>\n<figure class=\"picture\">\n",
      heading, kStyle, heading, markup(c.id), scenario_text(r));
  out += picture::svg_element(r);
  out +=
      "\n<figcaption>Hover over a bar for its dates, verdict and deciding clauses; "
      "the runs of every instance are listed below.</figcaption>\n</figure>\n";
  out += details_of(r);
  out += amendments_of(r);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace pacta::cli
