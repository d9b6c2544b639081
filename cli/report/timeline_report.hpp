#pragma once
// What `pacta timeline` found (SPEC §6), as plain data, and its renderers:
// text and JSON (cli/report/timeline_text.cpp), SVG and HTML pictures
// (cli/report/timeline_picture.cpp). Every renderer returns the whole
// document as a string and is deterministic: the same report gives the same
// bytes. Names and texts from the contract are untrusted: each renderer
// escapes them for its format.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/explain/changes.hpp"
#include "engine/model/contract.hpp"
#include "engine/time/timeline.hpp"
#include "engine/whatif/conditional.hpp"
#include "grammar/source.hpp"

namespace pacta::cli {

// One action instance and its runs, in date order. An instance whose
// timeline depends on unknown facts (SPEC §7.3) is several rows in a row,
// one per case: `given` says where the facts are as the case says and
// `when` reads it ("if approved", the last "otherwise"); both are empty
// for a plain row.
struct TimelineRow {
  int action = -1;
  std::vector<int> args;  // value indices, one per param
  std::vector<Run> runs;
  std::vector<Given> given = {};
  std::string when = {};
  // With --explain: per run, what changed on its first day (none for the
  // first run).
  std::vector<std::vector<BoundaryChange>> changes = {};
};

// An amendment of the scenario, for the pictures' markers.
struct TimelineAmendment {
  int index = -1;  // into Contract::amendments
  Date signed_on;
  Date effective;
};

struct TimelineReport {
  const Contract& contract;
  // The range asked for: nullopt where the flag was not given (the first
  // run then starts at the beginning of time, the last has no end: both
  // are written as null in JSON and as "…" in text).
  std::optional<Date> from, to;
  std::optional<Date> as_agreed_on;
  const std::vector<std::pair<int, Value>>& assumed;  // fact index, value; declaration order
  std::vector<TimelineRow> rows;                      // the instance order of `allowed`
  std::vector<TimelineAmendment> amendments;          // that exist in the scenario, in order
  std::vector<std::string> without = {};              // --without, in amendment order
  std::vector<std::string> with = {};                 // --with, the paths as given
  std::vector<int> unknown = {};       // unknown facts some timeline depends on, ascending
  const SourceFile* source = nullptr;  // with --explain: where the changes are quoted from
};

// Where a document goes, piece by piece (stdout, an --output file, a string).
using Sink = std::function<void(std::string_view)>;

// Text: per instance (per case: `INSTANCE, if ...`) a heading line, then
// one line per run: `FROM … THROUGH  VERDICT  BY`.
void write_timeline_text(const TimelineReport& r, bool color, const Sink& sink);
std::string render_timeline_text(const TimelineReport& r, bool color);
// The JSON document of SPEC §6 (as nlohmann's dump(2) of the whole would
// write it, but one run at a time), with a final newline.
void write_timeline_json(const TimelineReport& r, const Sink& sink);
std::string render_timeline_json(const TimelineReport& r);
// One self-contained SVG (no network, no external files).
std::string render_timeline_svg(const TimelineReport& r);
// One self-contained HTML page embedding the SVG, a legend and details.
std::string render_timeline_html(const TimelineReport& r);

// The instance of a row as text, with the case it holds: "host(cloud=aws),
// if tier is gold".
std::string row_name(const Contract& c, const TimelineRow& row);

// The days the pictures span: the range asked for, and where a flag was
// not given, the contract's own dates (amendments, clause bounds and every
// run boundary) with a margin; never the whole calendar.
DayRange picture_span(const TimelineReport& r);

}  // namespace pacta::cli
