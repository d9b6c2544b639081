// The SVG picture of `pacta timeline` (SPEC §6, "Pictures"): a row per
// instance, a bar per run coloured by verdict, a dated axis, amendment
// markers and a legend. The layout is computed from the report alone, with
// numbers printed to one decimal, so the same report gives the same bytes.
//
// Hooks for tests and for the browser check (tests/browser): every row is
// `<g class="row" data-instance=...>`, every run that meets the span one
// `<rect class="bar" data-verdict data-default data-from data-through>`,
// markers `<g class="marker signed|effective">`, legend items
// `<g class="legend-item" data-item=...>`, axis ticks `<g class="tick">`.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/report/timeline_picture_parts.hpp"
#include "cli/report/values.hpp"

namespace pacta::cli {

namespace {

using picture::markup;

// Okabe & Ito's palette, told apart by readers with every common colour
// vision deficiency; conflict is also hatched, so no verdict is colour only.
// `light` is the colour mixed 40:60 with white, for default runs.
struct VerdictStyle {
  Verdict verdict;
  const char* fill;
  const char* light;
};
constexpr std::array<VerdictStyle, 4> kStyles = {{
    {Verdict::Permitted, "#009E73", "#99D8C7"},   // bluish green
    {Verdict::Obligatory, "#0072B2", "#99C7E0"},  // blue
    {Verdict::Forbidden, "#D55E00", "#EEBF99"},   // vermillion
    {Verdict::Conflict, "#CC79A7", "#EBC9DC"},    // reddish purple, hatched
}};

const VerdictStyle& style_of(Verdict v) {
  for (const auto& s : kStyles) {
    if (s.verdict == v) return s;
  }
  return kStyles[0];
}

std::string fill_of(Verdict v, bool is_default) {
  if (v == Verdict::Conflict) {
    return is_default ? "url(#pacta-hatch-light)" : "url(#pacta-hatch)";
  }
  return is_default ? style_of(v).light : style_of(v).fill;
}

// The page: rows of names on the left, the plot on the right.
constexpr double kWidth = 1100;
constexpr double kPlotLeft = 340;
constexpr double kPlotRight = 1068;
constexpr double kRowHeight = 24;
constexpr double kBarHeight = 14;
constexpr double kLaneHeight = 15;
constexpr double kCharWidth = 7.0;  // an estimate of the 12 px font's average advance
constexpr std::size_t kNameChars = 44;

std::string num(double v) { return fmt::format("{:.1f}", v); }

double text_width(std::string_view text) {
  std::size_t chars = 0;
  for (char ch : text) chars += (static_cast<unsigned char>(ch) & 0xC0U) != 0x80U ? 1 : 0;
  return static_cast<double>(chars) * kCharWidth;
}

// Day -> x: each day is a slice of the plot, so a one-day run has a width.
struct Scale {
  DayRange span;
  double days() const {
    return static_cast<double>(span.last.serial()) - span.first.serial() + 1.0;
  }
  double x(Date d) const {  // the left edge of day d, clamped to the plot
    const double t = (static_cast<double>(d.serial()) - span.first.serial()) / days();
    return kPlotLeft + std::clamp(t, 0.0, 1.0) * (kPlotRight - kPlotLeft);
  }
  double x_after(Date d) const {  // the right edge of day d
    return d >= span.last ? kPlotRight : x(*add_days(d, 1));
  }
  bool contains(Date d) const { return d >= span.first && d <= span.last; }
};

// --- the layout -----------------------------------------------------------

struct LegendItem {
  const char* item;   // data-item
  const char* label;  // the words shown
};
constexpr std::array<LegendItem, 8> kLegend = {{
    {"permitted", "permitted"},
    {"obligatory", "obligatory"},
    {"forbidden", "forbidden"},
    {"conflict", "conflict (hatched)"},
    {"default", "default: no clause decides (light, dashed)"},
    {"signed", "amendment signed"},
    {"effective", "amendment takes effect"},
    {"continues", "continues past the picture"},
}};

constexpr double kLegendItemGap = 18;
constexpr double kLegendSwatch = 24;

double legend_item_width(const LegendItem& item) {
  return kLegendSwatch + text_width(item.label) + kLegendItemGap;
}

// A marker label placed in the first lane where it overlaps no other.
struct MarkerLabel {
  double x = 0;  // the marker's x
  std::string text;
  bool to_left = false;  // drawn right-aligned to the left of the marker
  int lane = 0;
};

struct Layout {
  double legend_top = 36;  // top of the first legend line
  int legend_lines = 1;
  double lanes_top = 0;  // first marker label lane
  int lanes = 0;
  double plot_top = 0, plot_bottom = 0, height = 0;
  std::vector<MarkerLabel> labels;
};

int legend_lines() {
  int lines = 1;
  double x = 10;
  for (const auto& item : kLegend) {
    const double w = legend_item_width(item);
    if (x + w > kWidth - 10 && x > 10) {
      ++lines;
      x = 10;
    }
    x += w;
  }
  return lines;
}

void place_in_lanes(std::vector<MarkerLabel>& labels) {
  std::stable_sort(labels.begin(), labels.end(),
                   [](const MarkerLabel& a, const MarkerLabel& b) { return a.x < b.x; });
  std::vector<double> lane_end;  // the right end of the last label in each lane
  for (auto& l : labels) {
    const double w = text_width(l.text);
    l.to_left = l.x + 4 + w > kWidth - 4;
    const double start = l.to_left ? l.x - 4 - w : l.x + 4;
    std::size_t lane = 0;
    while (lane < lane_end.size() && lane_end[lane] + 8 > start) ++lane;
    if (lane == lane_end.size()) lane_end.push_back(0);
    lane_end[lane] = start + w;
    l.lane = static_cast<int>(lane);
  }
}

std::vector<MarkerLabel> marker_labels(const TimelineReport& r, const Scale& scale) {
  std::vector<MarkerLabel> out;
  for (const auto& a : r.amendments) {
    const std::string& id = r.contract.amendments[static_cast<std::size_t>(a.index)].id;
    const bool s = scale.contains(a.signed_on), e = scale.contains(a.effective);
    if (s && e && a.signed_on == a.effective) {
      out.push_back({scale.x(a.effective), id + " signed, effective", false, 0});
      continue;
    }
    if (s) out.push_back({scale.x(a.signed_on), id + " signed", false, 0});
    if (e) out.push_back({scale.x(a.effective), id + " effective", false, 0});
  }
  place_in_lanes(out);
  return out;
}

Layout layout_of(const TimelineReport& r, const Scale& scale) {
  Layout l;
  l.legend_lines = legend_lines();
  l.labels = marker_labels(r, scale);
  for (const auto& m : l.labels) l.lanes = std::max(l.lanes, m.lane + 1);
  l.lanes_top = l.legend_top + 18.0 * l.legend_lines + 8;
  l.plot_top = l.lanes_top + kLaneHeight * l.lanes + 24;
  const std::size_t rows = std::max<std::size_t>(r.rows.size(), 1);
  l.plot_bottom = l.plot_top + kRowHeight * static_cast<double>(rows);
  l.height = l.plot_bottom + 34;
  return l;
}

// --- drawing ----------------------------------------------------------------

void draw_defs(std::string& out) {
  for (const auto& [id, fill, opacity] :
       {std::array<const char*, 3>{"pacta-hatch", style_of(Verdict::Conflict).fill, "0.6"},
        std::array<const char*, 3>{"pacta-hatch-light", style_of(Verdict::Conflict).light,
                                   "0.3"}}) {
    out += fmt::format(
        "<pattern id=\"{}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{}\"/>"
        "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#000\" stroke-width=\"2.5\" "
        "stroke-opacity=\"{}\"/></pattern>",
        id, fill, opacity);
  }
}

// A left- or right-pointing arrowhead beside the plot at row centre `cy`.
std::string arrow(bool left, double cy, const char* fill) {
  const double tip = left ? kPlotLeft - 8 : kPlotRight + 8;
  const double base = left ? kPlotLeft - 1 : kPlotRight + 1;
  return fmt::format("<path class=\"continues\" d=\"M{},{} L{},{} L{},{} Z\" fill=\"{}\"/>",
                     num(tip), num(cy), num(base), num(cy - 5), num(base), num(cy + 5), fill);
}

void draw_signed_glyph(std::string& out, double x, double y) {
  out += fmt::format(
      "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"#fff\" stroke=\"#333\" stroke-width=\"1.5\"/>",
      num(x), num(y));
}

void draw_effective_glyph(std::string& out, double x, double y) {
  out += fmt::format("<path d=\"M{},{} L{},{} L{},{} Z\" fill=\"#000\"/>", num(x - 5), num(y - 4),
                     num(x + 5), num(y - 4), num(x), num(y + 4));
}

void draw_legend_swatch(std::string& out, std::string_view item, double x, double y) {
  const double cy = y + 5;
  if (item == "signed" || item == "effective") {
    const bool is_signed = item == "signed";
    out += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#333\" stroke-width=\"1.5\"{}/>",
        num(x + 8), num(y - 3), num(x + 8), num(y + 13),
        is_signed ? " stroke-dasharray=\"3 2\"" : "");
    is_signed ? draw_signed_glyph(out, x + 8, cy) : draw_effective_glyph(out, x + 8, cy);
  } else if (item == "continues") {
    out += fmt::format("<path d=\"M{},{} L{},{} L{},{} Z\" fill=\"#555\"/>", num(x + 4), num(y),
                       num(x + 14), num(cy), num(x + 4), num(y + 10));
  } else if (item == "default") {
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"10\" fill=\"#DDDDDD\" stroke=\"#555\" "
        "stroke-dasharray=\"3 2\"/>",
        num(x), num(y));
  } else {
    const auto v = parse_verdict(item);
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"10\" fill=\"{}\"/>", num(x),
                       num(y), fill_of(v.value_or(Verdict::Permitted), false));
  }
}

void draw_legend(std::string& out, const Layout& l) {
  out += "<g class=\"legend\">";
  double x = 10, y = l.legend_top;
  for (const auto& item : kLegend) {
    const double w = legend_item_width(item);
    if (x + w > kWidth - 10 && x > 10) {
      x = 10;
      y += 18;
    }
    out += fmt::format("<g class=\"legend-item\" data-item=\"{}\">", item.item);
    draw_legend_swatch(out, item.item, x, y);
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text></g>", num(x + kLegendSwatch),
                       num(y + 9.5), item.label);
    x += w;
  }
  out += "</g>";
}

void draw_axis(std::string& out, const Scale& scale, const Layout& l, bool grid) {
  const picture::TickUnit unit = picture::tick_unit(scale.span);
  const std::vector<picture::AxisTick> ticks =
      picture::axis_ticks(scale.span, kPlotRight - kPlotLeft);
  if (grid) {
    out += "<g class=\"grid\" stroke=\"#E2E2E2\">";
    for (const auto& t : ticks) {
      out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>", num(scale.x(t.day)),
                         num(l.plot_top), num(l.plot_bottom));
    }
    out += "</g>";
    return;
  }
  out += fmt::format(
      "<g class=\"axis\" data-unit=\"{}\"><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" "
      "stroke=\"#333\"/>",
      picture::tick_unit_name(unit), num(kPlotLeft), num(l.plot_bottom), num(kPlotRight),
      num(l.plot_bottom));
  for (const auto& t : ticks) {
    const double x = scale.x(t.day);
    out += fmt::format(
        "<g class=\"tick\" data-date=\"{}\"><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" "
        "stroke=\"#333\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
        t.day.to_string(), num(x), num(l.plot_bottom), num(x), num(l.plot_bottom + 5), num(x),
        num(l.plot_bottom + 18), t.label);
  }
  out += "</g>";
}

// One line per fact: each line escaped on its own, so that a newline in a
// name is shown as `\n` while the lines themselves break in the tooltip.
std::string run_title(const TimelineReport& r, const std::string& name, const Run& run) {
  return fmt::format(
      "{}\n{}\n{}\n{}\n{}", markup(name),
      markup("from " + picture::from_text(run.from) + " through " +
             picture::through_text(run.through)),
      markup(picture::verdict_text(run.decision)),
      markup("by: " + picture::clause_list(r.contract, run.decision.by)),
      markup("overridden: " + picture::clause_list(r.contract, run.decision.overridden)));
}

void draw_bar(std::string& out, const TimelineReport& r, const Scale& scale,
              const std::string& name, const Run& run, double row_top) {
  if (run.through < scale.span.first || run.from > scale.span.last) return;  // clipped away
  const Decision& d = run.decision;
  const bool before = run.from<scale.span.first, after = run.through> scale.span.last;
  const double x0 = scale.x(run.from), x1 = scale.x_after(run.through);
  const double y = row_top + (kRowHeight - kBarHeight) / 2;
  const char* colour = style_of(d.verdict).fill;
  out += fmt::format(
      "<rect class=\"bar\" data-verdict=\"{}\" data-default=\"{}\" data-from=\"{}\" "
      "data-through=\"{}\"{} x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" ",
      verdict_name(d.verdict), d.is_default ? "true" : "false",
      run.from == Date::min() ? "null" : run.from.to_string(),
      run.through == Date::max() ? "null" : run.through.to_string(),
      before || after ? fmt::format(" data-continues=\"{}\"", before && after ? "both"
                                                              : before        ? "before"
                                                                              : "after")
                      : "",
      num(x0), num(y), num(std::max(x1 - x0, 1.0)), num(kBarHeight),
      fill_of(d.verdict, d.is_default));
  // Default runs: a dashed outline in the verdict's colour; decided runs a
  // white edge, so two decided runs of one verdict stay two bars.
  out += d.is_default
             ? fmt::format("stroke=\"{}\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\">", colour)
             : std::string("stroke=\"#fff\" stroke-width=\"1\">");
  out += "<title>" + run_title(r, name, run) + "</title></rect>";
  if (before) out += arrow(true, y + kBarHeight / 2, colour);
  if (after) out += arrow(false, y + kBarHeight / 2, colour);
}

void draw_rows(std::string& out, const TimelineReport& r, const Scale& scale, const Layout& l) {
  out += "<g class=\"rows\">";
  if (r.rows.empty()) {
    out += fmt::format("<text class=\"empty\" x=\"{}\" y=\"{}\">No instance.</text>",
                       num(kPlotLeft), num(l.plot_top + 16));
  }
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    const TimelineRow& row = r.rows[i];
    const std::string name = row_name(r.contract, row);
    const double top = l.plot_top + kRowHeight * static_cast<double>(i);
    out += fmt::format("<g class=\"row\" data-instance=\"{}\">", markup(name));
    if (i % 2 == 0) {
      out += fmt::format(
          "<rect class=\"stripe\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#F5F5F5\"/>",
          num(top), num(kWidth), num(kRowHeight));
    }
    out += fmt::format("<g class=\"name\"><title>{}</title><text x=\"10\" y=\"{}\">{}</text></g>",
                       markup(name), num(top + 16), picture::markup_truncated(name, kNameChars));
    for (const auto& run : row.runs) draw_bar(out, r, scale, name, run, top);
    out += "</g>";
  }
  out += "</g>";
}

void draw_marker(std::string& out, const std::string& id, Date day, bool is_signed,
                 const Scale& scale, const Layout& l, double top) {
  const double x = scale.x(day);
  // Signed above effective: on one day both glyphs stay visible.
  const double glyph_y = l.plot_top - (is_signed ? 17 : 6);
  out += fmt::format(
      "<g class=\"marker {0}\" data-amendment=\"{1}\" data-date=\"{2}\"><title>amendment {1}: "
      "{3} {2}</title><line x1=\"{4}\" y1=\"{5}\" x2=\"{4}\" y2=\"{6}\" stroke=\"#333\" "
      "stroke-width=\"1.5\" stroke-opacity=\"0.85\"{7}/>",
      is_signed ? "signed" : "effective", markup(id), day.to_string(),
      is_signed ? "signed" : "takes effect", num(x), num(top), num(l.plot_bottom),
      is_signed ? " stroke-dasharray=\"5 3\"" : "");
  is_signed ? draw_signed_glyph(out, x, glyph_y) : draw_effective_glyph(out, x, glyph_y);
  out += "</g>";
}

double lane_baseline(const Layout& l, int lane) {
  // Lane 0 is nearest the plot, so the first label sits just above it.
  return l.lanes_top + kLaneHeight * (l.lanes - lane) - 2;
}

void draw_markers(std::string& out, const TimelineReport& r, const Scale& scale, const Layout& l) {
  out += "<g class=\"markers\">";
  for (const auto& a : r.amendments) {
    const std::string& id = r.contract.amendments[static_cast<std::size_t>(a.index)].id;
    // The line reaches up to its label's lane.
    auto top_of = [&](double x) {
      for (const auto& m : l.labels) {
        if (m.x == x) return lane_baseline(l, m.lane) - 9;
      }
      return l.plot_top - 22;
    };
    if (scale.contains(a.signed_on)) {
      draw_marker(out, id, a.signed_on, true, scale, l, top_of(scale.x(a.signed_on)));
    }
    if (scale.contains(a.effective)) {
      draw_marker(out, id, a.effective, false, scale, l, top_of(scale.x(a.effective)));
    }
  }
  for (const auto& m : l.labels) {
    out += fmt::format("<text class=\"marker-label\" x=\"{}\" y=\"{}\"{}>{}</text>",
                       num(m.to_left ? m.x - 4 : m.x + 4), num(lane_baseline(l, m.lane)),
                       m.to_left ? " text-anchor=\"end\"" : "", markup(m.text));
  }
  out += "</g>";
}

std::string heading(const TimelineReport& r) {
  const Contract& c = r.contract;
  return c.title.empty() ? c.id : c.title + " (" + c.id + ")";
}

}  // namespace

namespace picture {

std::string svg_element(const TimelineReport& r) {
  const Scale scale{picture_span(r)};
  const Layout l = layout_of(r, scale);
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pacta-timeline\" width=\"{0}\" "
      "height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"system-ui, sans-serif\" "
      "font-size=\"12\" fill=\"#222\" role=\"img\" data-first=\"{2}\" data-last=\"{3}\">",
      num(kWidth), num(l.height), scale.span.first.to_string(), scale.span.last.to_string());
  out += "<title>Timeline of " + markup(heading(r)) + "</title><defs>";
  draw_defs(out);
  out += fmt::format(
      "</defs><rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#fff\"/>"
      "<text class=\"heading\" x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">{}</text>"
      "<text class=\"span\" x=\"{}\" y=\"22\" text-anchor=\"end\" fill=\"#555\">{} to {}</text>",
      num(kWidth), num(l.height), markup(heading(r)), num(kWidth - 10),
      scale.span.first.to_string(), scale.span.last.to_string());
  draw_legend(out, l);
  draw_axis(out, scale, l, true);
  draw_rows(out, r, scale, l);
  draw_markers(out, r, scale, l);
  draw_axis(out, scale, l, false);
  out += "</svg>";
  return out;
}

}  // namespace picture

std::string render_timeline_svg(const TimelineReport& r) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + picture::svg_element(r) + "\n";
}

}  // namespace pacta::cli
