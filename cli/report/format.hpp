#pragma once
// The output formats `--format` chooses between, by name. A new reporter
// adds a value here, a name in kFormatNames and a case in make_reporter()
// (text, JSON) or write_ci_report() (the machine formats of SPEC §9.3).
#include <array>
#include <utility>

namespace pacta::cli {

enum class Format { Text, Json, Junit, Tap, Sarif, Github };

inline constexpr std::array<std::pair<const char*, Format>, 6> kFormatNames = {{
    {"text", Format::Text},
    {"json", Format::Json},
    {"junit", Format::Junit},
    {"tap", Format::Tap},
    {"sarif", Format::Sarif},
    {"github", Format::Github},
}};

// The formats of CI (SPEC §9.3): only the commands that check something
// (check, test, plan, lint) take them, through cli/report/ci_report.hpp.
constexpr bool is_ci_format(Format f) { return f != Format::Text && f != Format::Json; }

}  // namespace pacta::cli
