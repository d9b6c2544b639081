#pragma once
// A fast reader for the plain subset of YAML that rule files are written in
// (internal to grammar/yaml): block mappings and sequences indented with
// spaces, one-line flow collections, plain and simple quoted scalars,
// comments. It builds the same tree, with the same offsets, as the yaml-cpp
// builder in tree.cpp, and gives up (nullopt, nothing reported) on anything
// else: tabs, CRs, anchors, aliases, tags, block scalars, escapes, multi-line
// scalars or flow collections, empty values, duplicate keys, non-ASCII
// outside comments, lines over 256 KiB (left to yaml-cpp, which bounds what
// such inputs cost), any syntax error, any limit reached. read_yaml then
// reads the file with yaml-cpp, which reports what is wrong; so the reader
// changes no diagnostic, only the time valid files take (yaml-cpp's scanner
// was about 80% of loading a 10,000-clause file).
#include <cstddef>
#include <optional>

#include "grammar/limits.hpp"
#include "grammar/yaml/tree.hpp"

namespace pacta::yaml_fast {

// The tree of `text` (a whole file; YAML starts at `base`, after a BOM), or
// nullopt when the text leaves the subset.
std::optional<YamlDocument> read(std::string_view text, std::size_t base, const Limits& limits);

// read_yaml's other path, yaml-cpp and the tree builder of tree.cpp, for
// comparing the two readers; reports into `diags`.
std::optional<YamlDocument> read_with_yaml_cpp(const SourceFile& file, std::size_t base,
                                               const Limits& limits, Diagnostics& diags);

}  // namespace pacta::yaml_fast
