#pragma once
// Untrusted text made safe to print. Names, paths, messages and source
// lines come from rule files, test files, file names and arguments; printed
// as they are, an ESC, CR or BEL would drive the terminal (clear a line,
// overwrite "FAIL" with "1 passed, 0 failed"), and invalid UTF-8 would make
// a JSON writer fail. Every report shows such text through these functions:
// the text reporter and render_text through visible(), the JSON reporter
// through escape_invalid_utf8(). docs/cli.md ("Untrusted text") documents
// the spellings.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pacta {

// Whether visible() keeps a tab as a tab: a quoted source line does, so
// that the caret under it lines up in a terminal; anywhere else a tab is
// written `\t`.
enum class Tabs { Escape, Keep };

// `text` with every character that would not print as itself made visible:
//  - C0 controls: `\t`, `\n`, `\r`, `\e` (ESC), any other as `\xHH`
//    (NUL is `\x00`, BEL `\x07`); DEL is `\x7F`;
//  - C1 controls (U+0080..U+009F) and the invisible characters that
//    reorder or hide text (bidi embeddings, overrides and isolates, the
//    LRM/RLM/ALM marks, U+2028/U+2029, the BOM U+FEFF) as `\uHHHH`;
//  - each byte that is not part of valid UTF-8 (RFC 3629: a stray
//    continuation byte, 0xF8..0xFF, a truncated, overlong or surrogate
//    sequence, a code point past U+10FFFF) as `\xHH`, one per byte.
// Everything else is copied, a backslash included: the result is for
// people (a message that quotes `'\\'` keeps it), not a reversible
// encoding; a `\e` in the output may have been the two characters in the
// input, never an ESC. The result is valid UTF-8 without controls (tabs
// aside with Tabs::Keep), and visible(visible(x)) == visible(x).
std::string visible(std::string_view text, Tabs tabs = Tabs::Escape);

// One character of `text` at `at` (< text.size()) as visible() shows it,
// appended to `out`; returns how many bytes of `text` it took (1..4). For
// callers that map positions in the input to positions in the output (the
// caret under a quoted source line).
std::size_t append_visible(std::string_view text, std::size_t at, std::string& out,
                           Tabs tabs = Tabs::Escape);

// Whether visible() shows the code point `code` (valid, not a byte of
// invalid UTF-8) as an escape: C0 controls, DEL, C1 controls and the
// invisible marks listed above.
bool shown_as_escape(std::uint32_t code);

// `text` as valid UTF-8 for a JSON string: each byte that is not part of
// valid UTF-8 becomes the four characters `\xHH`, spelled as visible()
// spells it; everything else is kept (the JSON writer escapes controls).
std::string escape_invalid_utf8(std::string_view text);
// Whether `text` is valid UTF-8 (escape_invalid_utf8 would not change it).
bool is_valid_utf8(std::string_view text);

}  // namespace pacta
