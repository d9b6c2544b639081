#include "cli/commands/repl_state.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

// The fact an assumption NAME=VALUE is about.
std::string_view fact_of(std::string_view assignment) {
  return assignment.substr(0, assignment.find('='));
}

bool named(const std::string& assignment, std::string_view name) {
  return fact_of(assignment) == name;
}

void erase_assumed(ReplState& s, std::string_view name) {
  s.assume.erase(std::remove_if(s.assume.begin(), s.assume.end(),
                                [&](const auto& a) { return named(a, name); }),
                 s.assume.end());
}

bool erase_unknown(ReplState& s, std::string_view name) {
  auto it = std::find(s.unknown.begin(), s.unknown.end(), name);
  if (it == s.unknown.end()) return false;
  s.unknown.erase(it);
  return true;
}

void add_once(std::vector<std::string>& list, std::string_view item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.emplace_back(item);
}

std::string list_text(const std::vector<std::string>& items) {
  if (items.empty()) return "(none)";
  return visible(fmt::format("{}", fmt::join(items, ", ")));
}

// The files' key in the snapshot: the rule file, then the files of amendments.
std::vector<std::string> key_of(const std::string& file, const std::vector<std::string>& with) {
  std::vector<std::string> key;
  key.reserve(with.size() + 1);
  key.push_back(file);
  key.insert(key.end(), with.begin(), with.end());
  return key;
}

}  // namespace

void assume_fact(ReplState& s, std::string_view assignment) {
  const std::string_view name = fact_of(assignment);
  erase_unknown(s, name);
  auto it =
      std::find_if(s.assume.begin(), s.assume.end(), [&](const auto& a) { return named(a, name); });
  if (it != s.assume.end()) {
    *it = assignment;
  } else {
    s.assume.emplace_back(assignment);
  }
}

bool forget_fact(ReplState& s, std::string_view name) {
  const std::size_t before = s.assume.size();
  erase_assumed(s, name);
  const bool was_unknown = erase_unknown(s, name);
  return was_unknown || s.assume.size() != before;
}

void leave_unknown(ReplState& s, std::string_view name) {
  erase_assumed(s, name);
  add_once(s.unknown, name);
}

void add_without(ReplState& s, std::string_view id) { add_once(s.without, id); }
void add_with(ReplState& s, std::string_view path) { add_once(s.with, path); }

QuestionOptions question_options(const std::string& file, const ReplState& s,
                                 const CommonOptions& common) {
  QuestionOptions q;
  q.common = common;
  q.file = file;
  q.on = s.on;
  q.assume = s.assume;
  q.unknown = s.unknown;
  if (!s.agreed.empty()) q.as_agreed_on = s.agreed;
  q.without = s.without;
  q.with = s.with;
  return q;
}

AskOptions ask_options(const std::string& file, const ReplState& s, const CommonOptions& common,
                       std::string pattern) {
  AskOptions o;
  o.question = question_options(file, s, common);
  o.action = std::move(pattern);
  return o;
}

ExplainOptions explain_options(const std::string& file, const ReplState& s,
                               const CommonOptions& common, std::string pattern) {
  ExplainOptions o;
  o.question = question_options(file, s, common);
  o.action = std::move(pattern);
  return o;
}

AllowedOptions allowed_options(const std::string& file, const ReplState& s,
                               const CommonOptions& common) {
  AllowedOptions o;
  o.question = question_options(file, s, common);
  return o;
}

TimelineOptions timeline_options(const std::string& file, const ReplState& s,
                                 const CommonOptions& common) {
  TimelineOptions o;
  o.question = question_options(file, s, common);
  o.question.on.clear();
  o.format = common.format == Format::Json ? "json" : "text";
  return o;
}

DiffOptions diff_options(const std::string& file, const ReplState& base, const ReplState& other,
                         const CommonOptions& common) {
  DiffOptions o;
  o.base = question_options(file, base, common);
  o.other = question_options(file, other, common);
  o.base.on.clear();
  o.other.on.clear();
  o.base.flag_prefix = "--base-";
  o.base.unknown = o.other.unknown;
  return o;
}

std::string state_text(const std::string& file, const ReplState& s) {
  std::string out;
  out += fmt::format("file:    {}\n", visible(file));
  out += fmt::format("on:      {}\n", visible(s.on));
  out += fmt::format("assume:  {}\n", list_text(s.assume));
  out += fmt::format("unknown: {}\n", list_text(s.unknown));
  out += fmt::format("agreed:  {}\n", s.agreed.empty() ? std::string("(none)") : visible(s.agreed));
  out += fmt::format("without: {}\n", list_text(s.without));
  out += fmt::format("with:    {}\n", list_text(s.with));
  return out;
}

std::shared_ptr<const LoadedContract> ContractSnapshot::get(const std::string& file,
                                                            const std::vector<std::string>& with,
                                                            const Limits& limits,
                                                            Diagnostics& diags) {
  const std::vector<std::string> key = key_of(file, with);
  if (auto it = loaded_.find(key); it != loaded_.end()) return it->second;
  // Files not read yet are kept only once the contract loads from them, so
  // a file of amendments fixed after an error is read again.
  std::map<std::string, SourceFile> read;
  std::vector<SourceFile> sources;
  sources.reserve(key.size());
  for (const std::string& path : key) {
    if (auto kept = files_.find(path); kept != files_.end()) {
      sources.push_back(kept->second);
      continue;
    }
    auto source = read_contract_file(path, limits, diags);
    if (!source) continue;
    read.emplace(path, *source);
    sources.push_back(std::move(*source));
  }
  if (diags.has_errors()) return nullptr;
  auto loaded = load_contract_sources(std::move(sources), limits, diags);
  if (!loaded) return nullptr;
  files_.merge(read);
  auto shared = std::make_shared<const LoadedContract>(std::move(*loaded));
  loaded_.emplace(key, shared);
  return shared;
}

bool ContractSnapshot::reload(const std::string& file, const std::vector<std::string>& with,
                              const Limits& limits, Diagnostics& diags) {
  ContractSnapshot fresh;
  if (!fresh.get(file, with, limits, diags)) return false;
  *this = std::move(fresh);
  return true;
}

}  // namespace pacta::cli
