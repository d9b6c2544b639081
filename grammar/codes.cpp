#include "grammar/codes.hpp"

#include <array>

namespace pacta {
namespace {

constexpr std::array kCodes{
#define PACTA_CODE(code, severity, title, anchor) \
  CodeInfo{Code::code, #code, Severity::severity, title, anchor},
#include "grammar/codes.def"
#undef PACTA_CODE
};

}  // namespace

std::span<const CodeInfo> all_codes() { return kCodes; }

const CodeInfo& code_info(Code code) { return kCodes[static_cast<std::size_t>(code)]; }

}  // namespace pacta
