#pragma once
// The output formats `--format` chooses between, by name. A new reporter
// adds a value here, a name in kFormatNames and a case in make_reporter().
#include <array>
#include <utility>

namespace pacta::cli {

enum class Format { Text, Json };

inline constexpr std::array<std::pair<const char*, Format>, 2> kFormatNames = {{
    {"text", Format::Text},
    {"json", Format::Json},
}};

}  // namespace pacta::cli
