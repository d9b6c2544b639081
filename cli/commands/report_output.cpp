// deliver_report (report_output.hpp).
#include "cli/commands/report_output.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <sstream>

#include "cli/report/output.hpp"

namespace pacta::cli {

namespace {

std::string machine_report(Format format, const CiReport& report) {
  std::ostringstream out;
  write_ci_report(format, report, out);
  return out.str();
}

// The report in the chosen format, as the bytes of a file: a machine
// format's CiReport, or what the Reporter writes to stdout (no colour; its
// stderr is left to the text report that follows).
std::string rendered(const ReportDelivery& d, const CiReport* report) {
  if (report) return machine_report(d.common.format, *report);
  std::string out, err;
  {
    const CapturedStream captured_out(Stream::Out, out), captured_err(Stream::Err, err);
    d.render(*make_reporter(d.common.format, false));
  }
  return out;
}

// `bytes` in the file at `path`; an E608 diagnostic about `label` if not.
bool write_file(const std::string& path, bool append, std::string_view bytes,
                const std::string& label, const char* help, Diagnostics& diags) {
  OutputFile file;
  auto why = file.open(path, append);
  if (!why) {
    file.write(bytes);
    why = file.close();
  }
  if (!why) return true;
  diags.error(label, Code::E608, fmt::format("cannot write '{}': {}", path, *why), help);
  return false;
}

// With --format github in a GitHub Actions job: the summary, appended.
bool write_step_summary(const ReportDelivery& d, const CiReport& report, Diagnostics& diags) {
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  if (d.common.format != Format::Github || path == nullptr || path[0] == '\0') return true;
  std::ostringstream summary;
  write_github_summary(report, summary);
  return write_file(path, true, summary.str(), "$GITHUB_STEP_SUMMARY",
                    "GITHUB_STEP_SUMMARY names the file a GitHub Actions step appends its job "
                    "summary to; make it a writable file, or unset it to write no summary",
                    diags);
}

// Without --output: the format chosen on stdout; for a machine format, the
// text report's diagnostics on stderr beside it (its stdout set aside).
void write_to_stdout(const ReportDelivery& d, const CiReport* report) {
  if (!report) return d.render(*make_reporter(d.common.format, d.common.color));
  std::string text;
  {
    const CapturedStream captured(Stream::Out, text);
    d.render(*make_text_reporter(d.common.color));
  }
  write_out(machine_report(d.common.format, *report));
}

}  // namespace

bool deliver_report(const ReportDelivery& d) {
  Diagnostics diags;
  std::optional<CiReport> report;
  if (is_ci_format(d.common.format)) report = d.ci_report();
  bool written = true;
  if (d.output) {
    written = write_file(*d.output, false, rendered(d, report ? &*report : nullptr), "--output",
                         "give --output a path in a folder that exists and may be written, or "
                         "leave --output out to write to standard output",
                         diags);
    if (written) d.render(*make_text_reporter(d.common.color));
  } else {
    write_to_stdout(d, report ? &*report : nullptr);
  }
  if (written && report) written = write_step_summary(d, *report, diags);
  if (!written) make_reporter(d.common.format, d.common.color)->diagnostics(diags);
  return written;
}

}  // namespace pacta::cli
