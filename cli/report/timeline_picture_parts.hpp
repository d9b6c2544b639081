#pragma once
// The pieces of the pictures of `pacta timeline` (SPEC §6, "Pictures"):
// text (timeline_picture_text.cpp), span and axis (timeline_axis.cpp), the
// SVG drawing (timeline_picture.cpp) and the HTML page around it
// (timeline_page.cpp). Internal to cli/report: the public interface is
// cli/report/timeline_report.hpp.
#include <string>
#include <string_view>
#include <vector>

#include "cli/report/timeline_report.hpp"

namespace pacta::cli::picture {

// Untrusted text as markup: made visible (grammar/visible.hpp: no controls,
// no invalid UTF-8, no bidi overrides), then & < > " ' escaped, so it is
// safe as element content and as a quoted attribute value in SVG and HTML.
std::string markup(std::string_view text);
// The first `max_chars` characters of markup's input, with "…" when cut
// (whole UTF-8 characters; the result is escaped like markup()).
std::string markup_truncated(std::string_view text, std::size_t max_chars);

// A run's ends as the pictures spell them: the date, or "beginning of
// time" / "no end" for an unbounded end.
std::string from_text(Date from);
std::string through_text(Date through);
// "forbidden", or "forbidden (default)".
std::string verdict_text(const Decision& d);
// Clause ids joined by ", ", or "none" (not yet escaped).
std::string clause_list(const Contract& c, const std::vector<int>& clauses);

// The dated axis of a picture over `span`: its unit (by the span's length)
// and its ticks, thinned so that their labels fit in `width` pixels.
enum class TickUnit { Day, Month, Year };
const char* tick_unit_name(TickUnit u);  // "day", "month", "year"
struct AxisTick {
  Date day;
  std::string label;  // "2025", "2025-03" or "2025-03-14"
};
TickUnit tick_unit(DayRange span);
std::vector<AxisTick> axis_ticks(DayRange span, double width);

// The <svg> element alone, without an XML declaration: the SVG file puts
// one before it, the HTML page embeds it inline.
std::string svg_element(const TimelineReport& r);

}  // namespace pacta::cli::picture
