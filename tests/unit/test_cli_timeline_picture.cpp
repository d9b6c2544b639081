// The pictures of `pacta timeline` (cli/report/timeline_picture.cpp and
// timeline_page.cpp; SPEC §6 "Pictures"): reports built by hand over a small
// contract, and the SVG and HTML asserted through their stable hooks
// (class and data-* attributes). The rendering in a real browser is
// tests/browser.
#include <catch2/catch.hpp>
#include <cstddef>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/report/timeline_report.hpp"
#include "contract_fixture.hpp"

using namespace pacta;
using namespace pacta::cli;
using pacta::fixture::day;

namespace {

constexpr std::string_view kContract = R"(pacta: 1
contract: pics
title: Pictures for tests
parties: [acme, globex]
types:
  cloud: [azure, aws]
actions:
  act:
  host: {params: {provider: party, cloud: cloud}}
clauses:
  - id: no-hosting
    forbid: host
  - id: azure-only
    permit: host(cloud=azure)
    overrides: [no-hosting]
amendments:
  - id: opening
    signed: 2025-10-28
    effective: 2026-01-01
    add:
      - id: aws-too
        permit: host(cloud=aws)
)";

std::size_t count(const std::string& text, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

Run run(std::string_view from, std::string_view through, Verdict v, bool is_default,
        std::vector<int> by = {}, std::vector<int> overridden = {}) {
  Run r{from.empty() ? Date::min() : day(from), through.empty() ? Date::max() : day(through), {}};
  r.decision.verdict = v;
  r.decision.is_default = is_default;
  r.decision.by = std::move(by);
  r.decision.overridden = std::move(overridden);
  return r;
}

// A report over `c` with the two instances host(acme, azure) and
// act: four runs and one run, over all time.
struct Sample {
  std::unique_ptr<fixture::Loaded> loaded = fixture::load_ok(std::string(kContract));
  std::vector<std::pair<int, Value>> assumed;

  TimelineReport report(const Contract& c) const {
    TimelineReport r{c, std::nullopt, std::nullopt, std::nullopt, assumed, {}, {}};
    const int host = *c.find_action("host");
    const int act = *c.find_action("act");
    r.rows.push_back({host,
                      {0, 0},
                      {run("", "2019-07-21", Verdict::Permitted, true),
                       run("2019-07-22", "2025-10-27", Verdict::Forbidden, false, {0}),
                       run("2025-10-28", "2030-12-31", Verdict::Permitted, false, {1}, {0}),
                       run("2031-01-01", "", Verdict::Conflict, false, {0, 1})}});
    r.rows.push_back({act, {}, {run("", "", Verdict::Obligatory, false, {1})}});
    r.amendments.push_back({0, day("2025-10-28"), day("2026-01-01")});
    return r;
  }
  const Contract& contract() const { return loaded->contract(); }
};

// The values of attribute `name` on the elements that open with `open`.
std::vector<std::string> attributes(const std::string& doc, std::string_view open,
                                    std::string_view name) {
  std::vector<std::string> out;
  const std::string key = " " + std::string(name) + "=\"";
  for (auto at = doc.find(open); at != std::string::npos; at = doc.find(open, at + 1)) {
    const auto end = doc.find('>', at);
    const auto a = doc.find(key, at);
    if (a == std::string::npos || a > end) continue;
    const auto v = a + key.size();
    out.push_back(doc.substr(v, doc.find('"', v) - v));
  }
  return out;
}

}  // namespace

TEST_CASE("picture: a row per instance, a bar per run, with its dates and verdict",
          "[cli][timeline][picture]") {
  Sample s;
  const std::string svg = render_timeline_svg(s.report(s.contract()));
  CHECK(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 0) == 0);
  CHECK(count(svg, "<g class=\"row\"") == 2);
  CHECK(count(svg, "<rect class=\"bar\"") == 5);
  CHECK(attributes(svg, "<g class=\"row\"", "data-instance") ==
        std::vector<std::string>{"host(provider=acme, cloud=azure)", "act"});
  CHECK(attributes(svg, "<rect class=\"bar\"", "data-verdict") ==
        std::vector<std::string>{"permitted", "forbidden", "permitted", "conflict", "obligatory"});
  CHECK(attributes(svg, "<rect class=\"bar\"", "data-default") ==
        std::vector<std::string>{"true", "false", "false", "false", "false"});
  CHECK(attributes(svg, "<rect class=\"bar\"", "data-from") ==
        std::vector<std::string>{"null", "2019-07-22", "2025-10-28", "2031-01-01", "null"});
  CHECK(attributes(svg, "<rect class=\"bar\"", "data-through") ==
        std::vector<std::string>{"2019-07-21", "2025-10-27", "2030-12-31", "null", "null"});
}

TEST_CASE("picture: hover titles give the run's dates, verdict, by and overridden",
          "[cli][timeline][picture]") {
  Sample s;
  const std::string svg = render_timeline_svg(s.report(s.contract()));
  CHECK(svg.find("<title>host(provider=acme, cloud=azure)\nfrom beginning of time through "
                 "2019-07-21\npermitted (default)\nby: none\noverridden: none</title>") !=
        std::string::npos);
  CHECK(svg.find("<title>host(provider=acme, cloud=azure)\nfrom 2025-10-28 through "
                 "2030-12-31\npermitted\nby: azure-only\noverridden: no-hosting</title>") !=
        std::string::npos);
  CHECK(svg.find("from 2031-01-01 through no end\nconflict\nby: no-hosting, azure-only\n") !=
        std::string::npos);
}

TEST_CASE("picture: verdicts are Okabe-Ito colours, conflict hatched, defaults light and dashed",
          "[cli][timeline][picture]") {
  Sample s;
  const std::string svg = render_timeline_svg(s.report(s.contract()));
  const auto fills = attributes(svg, "<rect class=\"bar\"", "fill");
  CHECK(fills ==
        std::vector<std::string>{"#99D8C7", "#D55E00", "#009E73", "url(#pacta-hatch)", "#0072B2"});
  CHECK(svg.find("<pattern id=\"pacta-hatch\"") != std::string::npos);
  const auto dashes = attributes(svg, "<rect class=\"bar\"", "stroke-dasharray");
  CHECK(dashes == std::vector<std::string>{"3 2"});  // only the default run
}

TEST_CASE("picture: the legend names every verdict, default runs and both markers",
          "[cli][timeline][picture]") {
  Sample s;
  const std::string svg = render_timeline_svg(s.report(s.contract()));
  CHECK(count(svg, "<g class=\"legend\">") == 1);
  CHECK(attributes(svg, "<g class=\"legend-item\"", "data-item") ==
        std::vector<std::string>{"permitted", "obligatory", "forbidden", "conflict", "default",
                                 "signed", "effective", "continues"});
}

TEST_CASE("picture: signed and effective markers are drawn differently and labelled",
          "[cli][timeline][picture]") {
  Sample s;
  const std::string svg = render_timeline_svg(s.report(s.contract()));
  const auto signed_at = svg.find(
      "<g class=\"marker signed\" data-amendment=\"opening\" "
      "data-date=\"2025-10-28\">");
  const auto effective_at = svg.find(
      "<g class=\"marker effective\" data-amendment=\"opening\" "
      "data-date=\"2026-01-01\">");
  REQUIRE(signed_at != std::string::npos);
  REQUIRE(effective_at != std::string::npos);
  const std::string signed_g = svg.substr(signed_at, svg.find("</g>", signed_at) - signed_at);
  const std::string effective_g =
      svg.substr(effective_at, svg.find("</g>", effective_at) - effective_at);
  CHECK(signed_g.find("stroke-dasharray") != std::string::npos);  // dashed line
  CHECK(signed_g.find("<circle") != std::string::npos);           // hollow circle
  CHECK(effective_g.find("stroke-dasharray") == std::string::npos);
  CHECK(effective_g.find("<circle") == std::string::npos);  // a triangle
  CHECK(svg.find(">opening signed</text>") != std::string::npos);
  CHECK(svg.find(">opening effective</text>") != std::string::npos);
}

TEST_CASE("picture: signed and effective on one day share one label", "[cli][timeline][picture]") {
  Sample s;
  auto r = s.report(s.contract());
  r.amendments[0].effective = r.amendments[0].signed_on;
  const std::string svg = render_timeline_svg(r);
  CHECK(count(svg, "<g class=\"marker signed\"") == 1);
  CHECK(count(svg, "<g class=\"marker effective\"") == 1);
  CHECK(svg.find(">opening signed, effective</text>") != std::string::npos);
}

TEST_CASE("picture: without --from/--to it spans the contract's dates with a margin",
          "[cli][timeline][picture][span]") {
  Sample s;
  const auto r = s.report(s.contract());
  // Dates 2019-07-21 .. 2031-01-01: a tenth (about 1.1 years) each side,
  // rounded out to whole years.
  const DayRange span = picture_span(r);
  CHECK(span.first == day("2018-01-01"));
  CHECK(span.last == day("2032-12-31"));
  const std::string svg = render_timeline_svg(r);
  CHECK(svg.find("data-first=\"2018-01-01\" data-last=\"2032-12-31\"") != std::string::npos);
}

TEST_CASE("picture: the span is the range asked for, and completes a half-open one",
          "[cli][timeline][picture][span]") {
  Sample s;
  auto r = s.report(s.contract());
  r.from = day("2020-03-01");
  r.to = day("2020-05-31");
  CHECK(picture_span(r).first == day("2020-03-01"));
  CHECK(picture_span(r).last == day("2020-05-31"));
  r.to.reset();  // dates from 2020-03-01 on: the margin after, none before
  CHECK(picture_span(r).first == day("2020-03-01"));
  CHECK(picture_span(r).last == day("2032-12-31"));
  r.from.reset();
  r.to = day("2020-12-31");
  CHECK(picture_span(r).first == day("2018-01-01"));
  CHECK(picture_span(r).last == day("2020-12-31"));
}

TEST_CASE("picture: a report with no date at all still spans a fixed window, never all time",
          "[cli][timeline][picture][span]") {
  Sample s;
  auto r = s.report(s.contract());
  r.rows.erase(r.rows.begin());  // only act, one run over all time
  r.amendments.clear();
  const DayRange span = picture_span(r);
  CHECK(span.first == day("2000-01-01"));
  CHECK(span.last == day("2039-12-31"));
  const std::string svg = render_timeline_svg(r);
  CHECK(count(svg, "<rect class=\"bar\"") == 1);
  CHECK(svg.find("data-continues=\"both\"") != std::string::npos);
}

TEST_CASE("picture: unbounded and clipped runs reach the edge with an arrow",
          "[cli][timeline][picture]") {
  Sample s;
  const std::string svg = render_timeline_svg(s.report(s.contract()));
  CHECK(attributes(svg, "<rect class=\"bar\"", "data-continues") ==
        std::vector<std::string>{"before", "after", "both"});
  CHECK(count(svg, "<path class=\"continues\"") == 4);
  // The first bar starts at the plot's left edge, the conflict ends at its right.
  const auto xs = attributes(svg, "<rect class=\"bar\"", "x");
  const auto widths = attributes(svg, "<rect class=\"bar\"", "width");
  CHECK(xs[0] == "340.0");
  CHECK(std::stod(xs[3]) + std::stod(widths[3]) == Approx(1068.0).margin(0.15));
}

TEST_CASE("picture: runs outside the span are left out of the drawing, not of the details",
          "[cli][timeline][picture]") {
  Sample s;
  auto r = s.report(s.contract());
  r.from = day("2020-01-01");
  r.to = day("2020-12-31");
  const std::string svg = render_timeline_svg(r);
  CHECK(count(svg, "<rect class=\"bar\"") == 2);  // forbidden (clipped both sides), obligatory
  const std::string html = render_timeline_html(r);
  CHECK(count(html, "<tr class=\"run\"") == 5);
}

TEST_CASE("picture: years for long spans, thinned so labels do not collide",
          "[cli][timeline][picture][axis]") {
  Sample s;
  auto r = s.report(s.contract());
  const std::string svg = render_timeline_svg(r);  // 2018..2032: 15 years
  CHECK(svg.find("<g class=\"axis\" data-unit=\"year\">") != std::string::npos);
  CHECK(attributes(svg, "<g class=\"tick\"", "data-date").size() == 15);
  r.from = day("1900-01-01");
  r.to = day("2099-12-31");  // 200 years: every 20 years
  const auto ticks = attributes(render_timeline_svg(r), "<g class=\"tick\"", "data-date");
  REQUIRE(ticks.size() == 10);
  CHECK(ticks[0] == "1900-01-01");
  CHECK(ticks[1] == "1920-01-01");
  r.from = Date::min();
  r.to = Date::max();  // the whole calendar, when asked for
  CHECK(attributes(render_timeline_svg(r), "<g class=\"tick\"", "data-date").size() <= 15);
}

TEST_CASE("picture: months for spans under two years, days for a few weeks",
          "[cli][timeline][picture][axis]") {
  Sample s;
  auto r = s.report(s.contract());
  r.from = day("2025-01-01");
  r.to = day("2025-12-31");
  std::string svg = render_timeline_svg(r);
  CHECK(svg.find("<g class=\"axis\" data-unit=\"month\">") != std::string::npos);
  auto ticks = attributes(svg, "<g class=\"tick\"", "data-date");
  CHECK(ticks.size() == 12);
  CHECK(svg.find(">2025-03</text>") != std::string::npos);
  r.from = day("2025-10-20");
  r.to = day("2025-11-05");
  svg = render_timeline_svg(r);
  CHECK(svg.find("<g class=\"axis\" data-unit=\"day\">") != std::string::npos);
  ticks = attributes(svg, "<g class=\"tick\"", "data-date");
  REQUIRE(!ticks.empty());
  CHECK(ticks.front() == "2025-10-20");
}

TEST_CASE("picture: hostile names and titles are escaped in SVG and HTML",
          "[cli][timeline][picture][escape]") {
  Sample s;
  Contract c = s.contract();  // names cannot be written so in a rule file: poke them in
  c.title = "Deal <script>alert(1)</script> & \"co\" 'x'";
  c.domains[0].values[0] = "<script>\"'&\x1b\xff";
  const auto r = s.report(c);
  for (const std::string& doc : {render_timeline_svg(r), render_timeline_html(r)}) {
    CHECK(doc.find("<script") == std::string::npos);
    CHECK(doc.find("\x1b") == std::string::npos);
    CHECK(doc.find("\xff") == std::string::npos);
    CHECK(doc.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot; &#39;x&#39;") !=
          std::string::npos);
    CHECK(doc.find("data-instance=\"host(provider=&lt;script&gt;&quot;&#39;&amp;\\e\\xFF, "
                   "cloud=azure)\"") != std::string::npos);
    // No stray quote ends an attribute early: every data-instance value is escaped.
    for (const auto& v : attributes(doc, "class=\"row\"", "data-instance")) {
      CHECK(v.find_first_of("<>'") == std::string::npos);
    }
  }
}

TEST_CASE("picture: long names are truncated with an ellipsis, the full name in a title",
          "[cli][timeline][picture]") {
  Sample s;
  Contract c = s.contract();
  c.domains[0].values[0] = "a_very_long_party_name_that_goes_on_and_on";
  const std::string svg = render_timeline_svg(s.report(c));
  const std::string full = "host(provider=a_very_long_party_name_that_goes_on_and_on, cloud=azure)";
  CHECK(svg.find("<title>" + full + "</title>") != std::string::npos);
  CHECK(svg.find(">" + full.substr(0, 44) + "…</text>") != std::string::npos);
  CHECK(svg.find(">act</text>") != std::string::npos);  // a short name is whole
}

TEST_CASE("picture: truncation never cuts a UTF-8 character", "[cli][timeline][picture]") {
  Sample s;
  Contract c = s.contract();
  std::string e_acute_60;
  for (int i = 0; i < 60; ++i) e_acute_60 += "é";
  c.domains[0].values[0] = e_acute_60;
  const std::string svg = render_timeline_svg(s.report(c));
  // "host(provider=" is 14 characters: 30 more fit in 44.
  CHECK(svg.find(">host(provider=" + e_acute_60.substr(0, 30 * 2) + "…</text>") !=
        std::string::npos);
}

TEST_CASE("picture: the HTML page embeds the SVG, the scenario and a table per instance",
          "[cli][timeline][picture][html]") {
  Sample s;
  auto r = s.report(s.contract());
  r.as_agreed_on = day("2024-01-01");
  const std::string html = render_timeline_html(r);
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(count(html, "<svg ") == 1);
  CHECK(html.find("<?xml") == std::string::npos);
  CHECK(count(html, "<details class=\"instance\"") == 2);
  CHECK(count(html, "<tr class=\"run\"") == 5);
  CHECK(html.find("<td>2025-10-28</td><td>2030-12-31</td><td class=\"verdict-permitted\">"
                  "permitted</td><td>no</td><td>azure-only</td><td>no-hosting</td>") !=
        std::string::npos);
  CHECK(html.find("<td>beginning of time</td><td>2019-07-21</td>") != std::string::npos);
  CHECK(html.find("Range: all time; terms as agreed on 2024-01-01.") != std::string::npos);
  CHECK(html.find("<tr class=\"amendment\"><td>opening</td><td>2025-10-28</td>"
                  "<td>2026-01-01</td>") != std::string::npos);
}

TEST_CASE("picture: self-contained: no script, no link, no URL but the SVG namespace",
          "[cli][timeline][picture][html]") {
  Sample s;
  const auto r = s.report(s.contract());
  for (const std::string& doc : {render_timeline_svg(r), render_timeline_html(r)}) {
    CHECK(count(doc, "http") == 1);
    CHECK(count(doc, "http://www.w3.org/2000/svg") == 1);
    CHECK(doc.find("<script") == std::string::npos);
    CHECK(doc.find("<link") == std::string::npos);
    CHECK(doc.find("@import") == std::string::npos);
    CHECK(count(doc, "url(") == count(doc, "url(#"));  // only the hatch pattern, in the document
    CHECK(std::regex_search(doc, std::regex("font-family[=:]\"?system-ui, ?sans-serif")));
  }
}

TEST_CASE("picture: deterministic: the same report gives the same bytes",
          "[cli][timeline][picture]") {
  Sample s;
  const auto r = s.report(s.contract());
  CHECK(render_timeline_svg(r) == render_timeline_svg(s.report(s.contract())));
  CHECK(render_timeline_html(r) == render_timeline_html(s.report(s.contract())));
}

TEST_CASE("picture: a report without instances is still a picture", "[cli][timeline][picture]") {
  Sample s;
  auto r = s.report(s.contract());
  r.rows.clear();
  const std::string svg = render_timeline_svg(r);
  CHECK(count(svg, "<g class=\"row\"") == 0);
  CHECK(svg.find("No instance.") != std::string::npos);
  CHECK(render_timeline_html(r).find("<p>No instance.</p>") != std::string::npos);
}
