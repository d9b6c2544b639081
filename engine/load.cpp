#include "engine/load.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <map>

#include "engine/check/check.hpp"
#include "engine/decide/question.hpp"
#include "engine/discover.hpp"
#include "engine/load_plan_file.hpp"
#include "engine/load_test_file.hpp"
#include "grammar/files/facts_file.hpp"
#include "grammar/files/file_kind.hpp"
#include "grammar/files/plan_file.hpp"
#include "grammar/files/rule_file.hpp"
#include "grammar/input_file.hpp"
#include "grammar/yaml/tree.hpp"

namespace pacta {

namespace {

// The first steps of every file: its text kept where diagnostics can point
// into it, and its YAML tree.
struct ReadDocument {
  std::unique_ptr<SourceFile> file;
  YamlDocument doc;
};

std::optional<ReadDocument> read_document(std::optional<SourceFile> source, const Limits& limits,
                                          Diagnostics& diags) {
  if (!source) return std::nullopt;
  auto file = std::make_unique<SourceFile>(std::move(*source));
  auto doc = read_yaml(*file, limits, diags);
  if (!doc) return std::nullopt;
  return ReadDocument{std::move(file), std::move(*doc)};
}

}  // namespace

// A rule file and the files of amendments appended to it (`--with`), read
// as one source so that every diagnostic and every runtime failure names the
// file it is in.
std::optional<LoadedContract> load_contract_sources(std::vector<SourceFile> sources,
                                                    const Limits& limits, Diagnostics& diags) {
  std::unique_ptr<SourceFile> file;
  if (sources.size() == 1) {
    file = std::make_unique<SourceFile>(std::move(sources.front()));
  } else {
    std::vector<std::pair<std::string, std::string>> parts;
    parts.reserve(sources.size());
    for (const SourceFile& s : sources) parts.emplace_back(s.path(), std::string(s.text()));
    sources.clear();
    file = std::make_unique<SourceFile>(parts);
  }
  std::size_t before = diags.error_count();
  RuleFileSyntax syntax;
  {
    auto doc = read_yaml(*file, limits, diags);
    if (!doc) return std::nullopt;
    if (!check_file_kind(*file, *doc, FileKind::Rule, diags)) return std::nullopt;
    syntax = read_rule_file(*file, *doc, limits, diags);
  }  // the syntax holds what the checker needs: free the tree first
  bool amendments_ok = true;
  for (std::size_t i = 1; i < file->segments().size(); ++i) {
    auto doc = read_yaml(*file, limits, diags, i);
    if (!doc) {
      amendments_ok = false;
      continue;
    }
    if (!check_file_kind(*file, *doc, FileKind::Amendments, diags)) {
      amendments_ok = false;
      continue;
    }
    // Shape errors are counted in `diags`; the names are checked still.
    read_amendments_file(*file, *doc, file->segments()[i].begin, limits, syntax, diags);
  }
  // Names and types are checked even after a shape error, so one run
  // reports every error in the file.
  if (!syntax.declarations_ok || !amendments_ok) return std::nullopt;
  auto contract = check_contract(*file, syntax, diags);
  if (!contract || diags.error_count() != before) return std::nullopt;
  return LoadedContract{std::move(file), std::move(*contract)};
}

namespace {

std::optional<LoadedContract> load_source(std::optional<SourceFile> source, const Limits& limits,
                                          Diagnostics& diags) {
  if (!source) return std::nullopt;
  std::vector<SourceFile> sources;
  sources.push_back(std::move(*source));
  return load_contract_sources(std::move(sources), limits, diags);
}

}  // namespace

std::optional<LoadedContract> load_contract(const std::string& path, const Limits& limits,
                                            Diagnostics& diags) {
  return load_source(read_source(path, limits, diags), limits, diags);
}

std::optional<LoadedContract> load_contract_with(const std::string& path,
                                                 const std::vector<std::string>& with,
                                                 const Limits& limits, Diagnostics& diags) {
  std::vector<SourceFile> sources;
  bool ok = true;
  for (std::size_t i = 0; i <= with.size(); ++i) {
    auto source = read_source(i == 0 ? path : with[i - 1], limits, diags);
    if (source) {
      sources.push_back(std::move(*source));
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return load_contract_sources(std::move(sources), limits, diags);
}

std::optional<SourceFile> read_contract_file(const std::string& path, const Limits& limits,
                                             Diagnostics& diags) {
  return read_source(path, limits, diags);
}

std::optional<LoadedContract> load_contract_text(std::string path, std::string text,
                                                 const Limits& limits, Diagnostics& diags) {
  return load_source(make_source(std::move(path), std::move(text), limits, diags), limits, diags);
}

namespace {

// A test or plan file: read as YAML, of its kind, its syntax read by
// `read_syntax`; `ok` false after a shape error (the parts read are kept).
template <class Loaded, class ReadSyntax>
std::optional<Loaded> load_file_of_kind(const std::string& path, FileKind kind,
                                        ReadSyntax read_syntax, const Limits& limits,
                                        Diagnostics& diags) {
  auto read = read_document(read_source(path, limits, diags), limits, diags);
  if (!read) return std::nullopt;
  if (!check_file_kind(*read->file, read->doc, kind, diags)) return std::nullopt;
  std::size_t before = diags.error_count();
  auto syntax = read_syntax(*read->file, read->doc, limits, diags);
  const bool ok = diags.error_count() == before;
  return Loaded{std::move(read->file), std::move(syntax), ok};
}

}  // namespace

std::optional<LoadedTestFile> load_test_file(const std::string& path, const Limits& limits,
                                             Diagnostics& diags) {
  return load_file_of_kind<LoadedTestFile>(path, FileKind::Test, read_test_file, limits, diags);
}

std::optional<LoadedPlanFile> load_plan_file(const std::string& path, const Limits& limits,
                                             Diagnostics& diags) {
  return load_file_of_kind<LoadedPlanFile>(path, FileKind::Plan, read_plan_file, limits, diags);
}

std::optional<LoadedContract> load_test_contract(const TestFileReference& contract,
                                                 const std::vector<TestFileReference>& with,
                                                 const SourceFile& test_file, const Limits& limits,
                                                 Diagnostics& diags, std::string_view owner) {
  std::vector<SourceFile> sources;
  bool ok = true;
  for (std::size_t i = 0; i <= with.size(); ++i) {
    const TestFileReference& ref = i == 0 ? contract : with[i - 1];
    const char* what = i == 0 ? "contract file" : "file of amendments";
    InputFile in = read_input_file(ref.path, limits);
    if (!in.error) {
      auto source = make_source(ref.path, std::move(in.bytes), limits, diags);
      if (source) {
        sources.push_back(std::move(*source));
      } else {
        ok = false;
      }
      continue;
    }
    ok = false;
    const InputFileError& e = *in.error;
    if (e.kind == InputFileError::Kind::TooLarge) {
      diags.error(ref.path, Code::E102, e.reason, e.help);  // as for any rule file
    } else if (e.kind == InputFileError::Kind::NotFound) {
      diags.error(test_file, ref.offset, Code::E701,
                  fmt::format("{} '{}' not found", what, shown_path(ref.path)),
                  fmt::format("the path is relative to the {}'s folder", owner));
    } else {
      diags.error(test_file, ref.offset, Code::E701,
                  fmt::format("cannot read the {} '{}': {}", what, shown_path(ref.path), e.reason),
                  e.help);
    }
  }
  if (!ok) return std::nullopt;
  return load_contract_sources(std::move(sources), limits, diags);
}

namespace {

// Whether `path` is a rule file by its first key. A file that cannot be
// read as YAML is kept: its kind cannot be told, and `check` reports why.
bool is_rule_file(const std::string& path, const Limits& limits) {
  Diagnostics scratch(1);
  auto read = read_document(read_source(path, limits, scratch), limits, scratch);
  if (!read) return true;
  auto kind = file_kind(read->doc);
  return kind && *kind == FileKind::Rule;
}

}  // namespace

std::vector<std::string> find_rule_files(const std::vector<std::string>& paths,
                                         const Limits& limits, Diagnostics& diags) {
  FileSearch search;
  search.name_matches = [](const std::string& name) {
    const std::filesystem::path ext = std::filesystem::path(name).extension();
    return ext == ".yaml" || ext == ".yml";
  };
  search.keep = [&limits](const std::string& path) { return is_rule_file(path, limits); };
  search.none_found = "no rule files in '{}'";
  search.none_found_help = "a rule file is a *.yaml or *.yml file whose first key is `pacta: 1`";
  return find_files(paths, search, diags);
}

std::optional<std::vector<std::pair<int, Value>>> load_facts_file(const Contract& contract,
                                                                  const std::string& path,
                                                                  std::string_view flag,
                                                                  const Limits& limits,
                                                                  Diagnostics& diags) {
  auto read = read_document(read_source(path, limits, diags), limits, diags);
  if (!read) return std::nullopt;
  const SourceFile& file = *read->file;
  std::size_t before = diags.error_count();
  FactsFileSyntax syntax = read_facts_file(file, read->doc, limits, diags);
  std::map<int, Value> values;
  for (const auto& e : syntax.entries) {
    // NAME=VALUE, each byte mapped to where it is in the file; the '='
    // stands at the start of the value.
    std::string text = e.name + "=" + e.value;
    std::vector<std::size_t> offsets;
    offsets.reserve(text.size() + 1);
    for (std::size_t i = 0; i < e.name.size(); ++i) offsets.push_back(e.name_offset + i);
    offsets.push_back(e.value_offsets.front());
    offsets.insert(offsets.end(), e.value_offsets.begin(), e.value_offsets.end());
    if (auto v = parse_assumption_in(contract, text, file, offsets, flag, limits, diags)) {
      values[v->first] = v->second;
    }
  }
  if (diags.error_count() != before) return std::nullopt;
  return std::vector<std::pair<int, Value>>(values.begin(), values.end());
}

Diagnostics load_rule_files(
    const std::vector<std::string>& paths, const Limits& limits,
    const std::function<void(const std::string& path, std::optional<LoadedContract>& loaded)>&
        each) {
  Diagnostics found;
  const std::vector<std::string> files = find_rule_files(paths, limits, found);
  Diagnostics all(limits.max_diagnostics * (1 + files.size()));
  for (const auto& d : found.all()) all.add(d);
  for (const auto& path : files) {
    Diagnostics diags(limits.max_diagnostics);
    std::optional<LoadedContract> loaded = load_contract(path, limits, diags);
    each(path, loaded);
    for (const auto& d : diags.all()) all.add(d);
    all.add_suppressed(diags.suppressed());
  }
  return all;
}

}  // namespace pacta
