#pragma once
// A linear pre-scan of YAML bytes for over-deep flow collections, run before
// yaml-cpp sees the text. yaml-cpp's scanner cannot emit a token while a
// '[' or '{' might still turn out to be a mapping key, so it queues every
// token of an unclosed flow collection (~235 bytes per bracket) before our
// depth check in the tree builder ever runs: 16 MiB of '[' took 3.9 GB. The
// scan finds the opener that goes too deep in one pass and O(1) memory per
// level, so yaml-cpp never sees such input.
#include <cstddef>
#include <optional>
#include <string_view>

namespace pacta::yaml_scan {

// The offset in `text` of the first '[' or '{' that opens a flow collection
// nested more than `max_depth` flow collections deep, scanning from `from`
// (after a BOM). Guarantees:
//  - it never reports a document that yaml-cpp reads with at most
//    `max_depth` nested flow collections: it counts only brackets that
//    yaml-cpp's scanner takes as flow indicators, so its count is a lower
//    bound of the true nesting (which also counts block collections and
//    the implicit mappings of `[a: b]`);
//  - any text on which yaml-cpp's scanner would hold more than `max_depth`
//    unresolved flow levels is reported.
// Where the text stops being YAML that yaml-cpp can scan (an unclosed
// quote, a stray character after '|'), the scan stops and reports nothing:
// yaml-cpp stops there too, with its own error.
std::optional<std::size_t> first_too_deep(std::string_view text, std::size_t from, int max_depth);

}  // namespace pacta::yaml_scan
