#pragma once
// The one table of diagnostic codes (codes.def): every diagnostic carries a
// `Code`, never a spelled-out "Exxx" string, so the docs, the coverage test
// and report formats all read the same list.
#include <span>
#include <string_view>

namespace pacta {

// Info: a lint finding that is worth knowing and fails nothing.
enum class Severity { Error, Warning, Info };

enum class Code : unsigned short {
#define PACTA_CODE(code, severity, title, anchor) code,
#include "grammar/codes.def"
#undef PACTA_CODE
};

struct CodeInfo {
  Code code;
  std::string_view name;  // Code::E402
  Severity severity;
  std::string_view title;   // the heading in docs/errors.md
  std::string_view anchor;  // docs/errors.md#anchor
};

// Every code, in table order.
std::span<const CodeInfo> all_codes();
const CodeInfo& code_info(Code code);
inline std::string_view code_name(Code code) { return code_info(code).name; }
// "error", "warning", "info": how every report spells a severity.
inline std::string_view severity_word(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "info";
}

}  // namespace pacta
