#include "grammar/files/file_kind.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

namespace pacta {

namespace {

struct KindInfo {
  FileKind kind;
  std::string_view first_key;
  const char* name;
  const char* command;  // what reads it
};

constexpr std::array<KindInfo, 4> kKinds{{
    {FileKind::Rule, "pacta", "a rule file",
     "run `pacta check`, `pacta ask` or `pacta allowed` on it"},
    {FileKind::Test, "pacta-test", "a test file", "run `pacta test` on it"},
    {FileKind::Plan, "pacta-plan", "a plan file", "run `pacta plan` on it"},
    {FileKind::Amendments, "pacta-amendments", "a file of amendments",
     "give it to `--with FILE` of `ask`, `allowed`, `timeline` or `diff`, after the rule file"},
}};

const KindInfo& info(FileKind kind) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) return k;
  }
  return kKinds[0];
}

void report(const SourceFile& file, const YamlDocument& doc, FileKind found, std::string_view read,
            Diagnostics& diags) {
  const KindInfo& k = info(found);
  // What --with expects is said first: the file may well be right for
  // another command.
  std::string help = read == info(FileKind::Amendments).name
                         ? std::string("--with takes a file that starts with `pacta-amendments: 1`")
                         : std::string(k.command);
  if (found == FileKind::Rule && read == info(FileKind::Amendments).name) {
    help += "; to compare two rule files, run `pacta diff A B`";
  }
  diags.error(file, doc.root->entries.front().first->offset, Code::E108,
              fmt::format("this is {} (it starts with `{}`), not {}", k.name, k.first_key, read),
              std::move(help));
}

}  // namespace

std::optional<FileKind> file_kind(const YamlDocument& doc) {
  if (doc.root == nullptr || doc.root->kind != YamlNode::Kind::Map || doc.root->entries.empty()) {
    return std::nullopt;
  }
  const YamlNode& key = *doc.root->entries.front().first;
  if (key.kind != YamlNode::Kind::Scalar) return std::nullopt;
  for (const auto& k : kKinds) {
    if (key.value == k.first_key) return k.kind;
  }
  return std::nullopt;
}

const char* file_kind_name(FileKind kind) { return info(kind).name; }

bool check_file_kind(const SourceFile& file, const YamlDocument& doc, FileKind wanted,
                     Diagnostics& diags) {
  auto found = file_kind(doc);
  if (!found || *found == wanted) return true;
  report(file, doc, *found, info(wanted).name, diags);
  return false;
}

bool check_not_a_pacta_file(const SourceFile& file, const YamlDocument& doc, std::string_view what,
                            Diagnostics& diags) {
  auto found = file_kind(doc);
  if (!found) return true;
  report(file, doc, *found, what, diags);
  return false;
}

}  // namespace pacta
