#pragma once
// The JSON of batch answers, written by hand into buffers: compact, one
// line each, the keys in a fixed order, so the output is byte-deterministic
// and costs no allocation per answer.
#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/decide/decider.hpp"
#include "grammar/codes.hpp"

namespace pacta::cli {

// `text` as a JSON string (quotes included): bytes that are not UTF-8
// written as the text `\xHH`, controls, DEL, C1 controls and invisible
// marks as `\uXXXX` escapes, as the JSON reporter writes them.
void append_json_string(std::string& out, std::string_view text);

inline void append(fmt::memory_buffer& out, std::string_view s) {
  out.append(s.data(), s.data() + s.size());
}

// {"id":…,"verdict":…,"default":…,"by":[…],"overridden":[…]} and a line
// break; `quoted_ids` are the contract's clause ids as JSON strings.
void write_answer(fmt::memory_buffer& out, std::string_view id, const Decision& d,
                  const std::vector<std::string>& quoted_ids);

// What an error answer says.
struct BatchError {
  Code code{};
  std::string message, help;
  std::string at;  // FILE:LINE:COL of a contract's diagnostic; empty otherwise
  std::uint64_t line = 0;
  std::size_t column = 1;
};
// {"id":…,"error":{"code":…,"message":…,"help":…,"at":…,"line":…,"column":…}}
// and a line break; help and at only when not empty.
void write_error(fmt::memory_buffer& out, std::string_view id, const BatchError& e);

}  // namespace pacta::cli
