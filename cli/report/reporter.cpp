#include "cli/report/reporter.hpp"

#include <fmt/format.h>

#include "cli/report/output.hpp"
#include "cli/report/values.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

void Reporter::unmet_expectation(const UnmetExpectation& unmet) {
  std::vector<std::string> differing;
  for (const auto& r : unmet.shown) {
    differing.push_back(
        visible(fmt::format("{} is {}", instance_text(unmet.contract, r.action, r.args),
                            r.cases.empty() ? std::string(verdict_name(r.decision.verdict))
                                            : cases_text(unmet.contract, r.cases, false))));
  }
  // The instances not shown are counted, so the line stays short.
  if (unmet.differing > unmet.shown.size()) {
    differing.push_back(fmt::format("... and {} more", unmet.differing - unmet.shown.size()));
  }
  if (!unmet.expected) {
    print_err("pacta: expected no instances, but {} {} listed: {}\n", unmet.differing,
              unmet.differing == 1 ? "is" : "are", fmt::join(differing, "; "));
    return;
  }
  print_err("pacta: expected {}, but {} of {} instance{} differ{}: {}\n", unmet.expected->name(),
            unmet.differing, unmet.total, unmet.total == 1 ? "" : "s",
            unmet.differing == 1 ? "s" : "", fmt::join(differing, "; "));
}

std::unique_ptr<Reporter> make_reporter(Format format, bool color) {
  switch (format) {
    case Format::Text:
      return make_text_reporter(color);
    case Format::Json:
      return make_json_reporter();
    // The machine formats are written by write_ci_report (ci_report.hpp);
    // beside them people read the text report (its diagnostics on stderr).
    case Format::Junit:
    case Format::Tap:
    case Format::Sarif:
    case Format::Github:
      return make_text_reporter(color);
  }
  return make_text_reporter(color);
}

}  // namespace pacta::cli
