// write_ci_report: the machine formats, one writer each (ci_report.hpp).
#include "cli/report/ci_report.hpp"

namespace pacta::cli {

void write_ci_report(Format format, const CiReport& report, std::ostream& out) {
  switch (format) {
    case Format::Junit:
      return write_junit(report, out);
    case Format::Tap:
      return write_tap(report, out);
    case Format::Sarif:
      return write_sarif(report, out);
    case Format::Github:
      return write_github(report, out);
    case Format::Text:
    case Format::Json:
      return;  // the Reporters' (reporter.hpp)
  }
}

}  // namespace pacta::cli
