// The timeline page in a real browser (SPEC §6 "Pictures", issue 10 item 5):
// for one contract, `pacta timeline FILE --format html` is opened in
// headless Chromium (Debian's `chromium`), and
//  - the rendered DOM is asserted on: a copy of the page with a probe script
//    appended (the page itself has none) measures what the browser laid out
//    and writes it into the DOM, which `--dump-dom` prints: one SVG in the
//    SVG namespace, a row per instance and a drawn bar per run (against
//    `pacta timeline FILE --format json`), the legend, names that stay left
//    of the plot, legend items and axis labels that do not overlap;
//  - a screenshot (`--screenshot`) is decoded with libpng and must not be
//    blank: some ink, and the colour of at least one verdict;
//  - the `--format svg` file, opened on its own, parses as XML (Chromium
//    shows a parsererror otherwise) with a row per instance, a bar per run.
// No chromium is a failure, never a skip: a skipped browser test would claim
// a check that did not happen.
//
//   browser_test --pacta BIN --contract FILE --work DIR
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/browser/png_check.hpp"
#include "tests/e2e/run_process.hpp"

namespace fs = std::filesystem;
using pacta::testing::ProcessResult;
using pacta::testing::read_file;
using pacta::testing::run_process;
using pacta::testing::write_file;

namespace {

struct Options {
  std::string pacta, contract, work;
};

int failures = 0;

void check(bool ok, const std::string& what) {
  std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
  if (!ok) ++failures;
}

[[noreturn]] void fail_now(const std::string& why) {
  std::printf("FAIL %s\n", why.c_str());
  std::exit(1);
}

// chromium on PATH (or $PACTA_CHROMIUM), as an absolute path.
std::string find_chromium() {
  if (const char* env = std::getenv("PACTA_CHROMIUM"); env != nullptr && *env != '\0') return env;
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  for (std::size_t start = 0; start <= dirs.size();) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const fs::path candidate = fs::path(dirs.substr(start, end - start)) / "chromium";
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
    start = end + 1;
  }
  fail_now(
      "chromium not found on PATH: the browser test needs Debian's chromium package "
      "(`./run.sh test` installs it; or apt-get install chromium)");
}

std::vector<std::string> chromium_flags(const Options& o) {
  std::vector<std::string> flags = {
      "--headless=new", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
      "--disable-extensions", "--disable-background-networking", "--disable-sync",
      "--disable-component-update", "--hide-scrollbars",
      // No network: a page that needed one would show it.
      "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + o.work + "/profile"};
  if (geteuid() == 0) flags.emplace_back("--no-sandbox");  // Chromium refuses root otherwise
  return flags;
}

ProcessResult run_chromium(const std::string& chromium, const Options& o,
                           std::vector<std::string> args) {
  std::vector<std::string> all = chromium_flags(o);
  all.insert(all.end(), args.begin(), args.end());
  return run_process(chromium, all, o.work);
}

// The counts the page must show, from the JSON timeline.
struct Expected {
  std::size_t rows = 0, runs = 0;
};

Expected expected_from_json(const Options& o) {
  const ProcessResult r =
      run_process(o.pacta, {"timeline", o.contract, "--format", "json"}, o.work);
  if (r.exit_code != 0)
    fail_now("pacta timeline --format json exited " + std::to_string(r.exit_code) + ": " + r.err);
  const auto j = nlohmann::json::parse(r.out);
  Expected e;
  for (const auto& t : j.at("timelines")) {
    ++e.rows;
    e.runs += t.at("runs").size();
  }
  return e;
}

// Appended to a copy of the page: what the browser laid out, as JSON in a
// <pre id="pacta-probe">, for --dump-dom to print.
constexpr const char* kProbe = R"(<script>
(function () {
  const svgs = document.querySelectorAll('svg.pacta-timeline');
  const svg = svgs[0];
  const all = (q) => svg ? Array.from(svg.querySelectorAll(q)) : [];
  const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const overlaps = (items) => {
    let n = 0;
    const boxes = items.map((e) => e.getBBox());
    for (let i = 0; i < boxes.length; ++i)
      for (let k = i + 1; k < boxes.length; ++k) {
        const a = boxes[i], b = boxes[k];
        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) ++n;
      }
    return n;
  };
  const bars = all('g.row rect.bar');
  const plotLeft = 340;  // kPlotLeft of cli/report/timeline_picture.cpp
  const out = {
    scripts: document.scripts.length,
    svgs: svgs.length,
    namespace: svg ? svg.namespaceURI : '',
    rows: all('g.row').length,
    bars: bars.length,
    barsDrawn: bars.filter(shown).length,
    barTitles: bars.filter((b) => b.querySelector('title') && b.querySelector('title').textContent.includes('by: ')).length,
    names: all('g.row > g.name > text').filter(shown).length,
    namesIntoPlot: all('g.row > g.name > text').filter((t) => { const b = t.getBBox(); return b.x + b.width > plotLeft - 2; }).length,
    legend: all('g.legend').length,
    legendItems: all('g.legend g.legend-item').filter(shown).length,
    legendOverlaps: overlaps(all('g.legend g.legend-item')),
    ticks: all('g.axis g.tick').length,
    tickOverlaps: overlaps(all('g.axis g.tick text')),
    markerLabelOverlaps: overlaps(all('text.marker-label')),
    details: document.querySelectorAll('details.instance').length,
    runRows: document.querySelectorAll('details.instance tr.run').length,
  };
  const pre = document.createElement('pre');
  pre.id = 'pacta-probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
)";

nlohmann::json probe(const std::string& chromium, const Options& o, const std::string& page) {
  std::string html = read_file(page);
  const auto body_end = html.rfind("</body>");
  if (body_end == std::string::npos) fail_now("the page has no </body>");
  html.insert(body_end, kProbe);
  const std::string probe_page = o.work + "/probe.html";
  write_file(probe_page, html);
  const ProcessResult r = run_chromium(chromium, o, {"--dump-dom", "file://" + probe_page});
  if (r.exit_code != 0)
    fail_now("chromium --dump-dom exited " + std::to_string(r.exit_code) + ": " + r.err);
  const std::string open = "<pre id=\"pacta-probe\">";
  const auto at = r.out.find(open);
  if (at == std::string::npos)
    fail_now("the probe left no result in the DOM (did the page load?)\n" + r.err);
  const auto from = at + open.size();
  return nlohmann::json::parse(r.out.substr(from, r.out.find("</pre>", from) - from));
}

void check_dom(const nlohmann::json& p, const Expected& e) {
  const auto n = [&](const char* key) { return p.at(key).get<std::size_t>(); };
  check(n("scripts") == 1, "no script but the probe (" + std::to_string(n("scripts")) + ")");
  check(n("svgs") == 1, "one inline SVG (" + std::to_string(n("svgs")) + ")");
  check(p.at("namespace") == "http://www.w3.org/2000/svg", "parsed as SVG");
  check(n("rows") == e.rows, "a row per instance: " + std::to_string(n("rows")) + " rows, " +
                                 std::to_string(e.rows) + " instances");
  check(n("bars") == e.runs, "a bar per run: " + std::to_string(n("bars")) + " bars, " +
                                 std::to_string(e.runs) + " runs");
  check(n("barsDrawn") == e.runs,
        "every bar laid out with a size (" + std::to_string(n("barsDrawn")) + ")");
  check(n("barTitles") == e.runs,
        "every bar has its hover title (" + std::to_string(n("barTitles")) + ")");
  check(n("names") == e.rows, "every instance name shown (" + std::to_string(n("names")) + ")");
  check(n("namesIntoPlot") == 0,
        "no name runs into the plot (" + std::to_string(n("namesIntoPlot")) + ")");
  check(n("legend") == 1 && n("legendItems") == 8,
        "the legend, 8 items shown (" + std::to_string(n("legendItems")) + ")");
  check(n("legendOverlaps") == 0, "legend items do not overlap");
  check(n("ticks") >= 2, "a dated axis (" + std::to_string(n("ticks")) + " ticks)");
  check(n("tickOverlaps") == 0, "axis labels do not overlap");
  check(n("markerLabelOverlaps") == 0, "amendment labels do not overlap");
  check(n("details") == e.rows && n("runRows") == e.runs,
        "details: a table per instance, a line per run");
}

void check_screenshot(const std::string& chromium, const Options& o, const std::string& page) {
  const std::string png = o.work + "/page.png";
  fs::remove(png);
  const ProcessResult r = run_chromium(
      chromium, o, {"--window-size=1100,900", "--screenshot=" + png, "file://" + page});
  if (r.exit_code != 0 || !fs::exists(png)) fail_now("chromium --screenshot made no PNG: " + r.err);
  // The verdict fills of cli/report/timeline_picture.cpp (Okabe-Ito).
  const std::array<pacta::browser::Rgb, 4> fills = {
      {{0x00, 0x9E, 0x73}, {0x00, 0x72, 0xB2}, {0xD5, 0x5E, 0x00}, {0xCC, 0x79, 0xA7}}};
  const auto s = pacta::browser::screenshot_stats(png, fills);
  check(s.ok, "the screenshot is a PNG " +
                  (s.ok ? std::to_string(s.width) + "x" + std::to_string(s.height) : s.error));
  check(s.width == 1100 && s.height == 900, "of the window's size");
  check(s.ink > 0.02,
        "not blank: " + std::to_string(s.ink * 100) + "% of the pixels unlike the background");
  std::size_t coloured = 0;
  for (std::size_t m : s.matches) coloured += m;
  check(coloured > 200, "bars in verdict colours: " + std::to_string(coloured) + " pixels");
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The SVG file on its own: Chromium parses it as XML, so a stray `&` or `<`
// in a name would give a parser error instead of a picture.
void check_svg(const std::string& chromium, const Options& o, const Expected& e) {
  const std::string svg = o.work + "/picture.svg";
  const ProcessResult made =
      run_process(o.pacta, {"timeline", o.contract, "--format", "svg", "--output", svg}, o.work);
  if (made.exit_code != 0)
    fail_now("pacta timeline --format svg exited " + std::to_string(made.exit_code) + ": " +
             made.err);
  const ProcessResult r = run_chromium(chromium, o, {"--dump-dom", "file://" + svg});
  if (r.exit_code != 0)
    fail_now("chromium --dump-dom (svg) exited " + std::to_string(r.exit_code) + ": " + r.err);
  check(r.out.find("parsererror") == std::string::npos, "the SVG file is well-formed XML");
  check(occurrences(r.out, "<g class=\"row\"") == e.rows, "the SVG file: a row per instance");
  check(occurrences(r.out, "<rect class=\"bar\"") == e.runs, "the SVG file: a bar per run");
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    (flag == "--pacta" ? o.pacta : flag == "--contract" ? o.contract : o.work) = argv[i + 1];
  }
  if (o.pacta.empty() || o.contract.empty() || o.work.empty()) {
    fail_now("usage: browser_test --pacta BIN --contract FILE --work DIR");
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  Options o = parse(argc, argv);
  const std::string chromium = find_chromium();
  fs::remove_all(o.work);
  fs::create_directories(o.work);
  o.work = fs::canonical(o.work).string();
  o.contract = fs::absolute(o.contract).string();
  std::printf("browser test of %s with %s\n", o.contract.c_str(), chromium.c_str());
  const Expected e = expected_from_json(o);
  const std::string page = o.work + "/page.html";
  const ProcessResult made =
      run_process(o.pacta, {"timeline", o.contract, "--format", "html", "--output", page}, o.work);
  if (made.exit_code != 0)
    fail_now("pacta timeline --format html exited " + std::to_string(made.exit_code) + ": " +
             made.err);
  check_dom(probe(chromium, o, page), e);
  check_screenshot(chromium, o, page);
  check_svg(chromium, o, e);
  std::printf("%s\n", failures == 0 ? "all browser checks passed" : "browser checks failed");
  return failures == 0 ? 0 : 1;
}
