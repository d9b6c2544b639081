#pragma once
// Every pacta file kind starts with its own first key (cli.md): `pacta: 1`
// a rule file, `pacta-test: 1` a test file, `pacta-plan: 1` a plan,
// `pacta-amendments: 1` a file of amendments. A command given a file of
// another kind says which kind it is and which command reads it, instead of
// reporting every key as unknown.
#include <optional>
#include <string_view>

#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"
#include "grammar/yaml/tree.hpp"

namespace pacta {

enum class FileKind { Rule, Test, Plan, Amendments };

// The kind named by the document's first key; nullopt when the document is
// empty, not a mapping, or starts with another key.
std::optional<FileKind> file_kind(const YamlDocument& doc);
// "a rule file", "a test file", ... for messages.
const char* file_kind_name(FileKind kind);

// False, with one E108 at the first key, when the document is of a known
// kind other than `wanted`.
bool check_file_kind(const SourceFile& file, const YamlDocument& doc, FileKind wanted,
                     Diagnostics& diags);
// The same for a file that is none of these kinds (a facts file): any
// pacta first key is E108; `what` names what was expected ("a facts file").
bool check_not_a_pacta_file(const SourceFile& file, const YamlDocument& doc, std::string_view what,
                            Diagnostics& diags);

}  // namespace pacta
