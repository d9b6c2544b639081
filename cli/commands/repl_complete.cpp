#include "cli/commands/repl_complete.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "grammar/verdict.hpp"

namespace pacta::cli {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// The words that start with `prefix`, sorted, without duplicates.
std::vector<std::string> matching(std::vector<std::string> words, std::string_view prefix) {
  words.erase(std::remove_if(words.begin(), words.end(),
                             [&](const std::string& w) { return !starts_with(w, prefix); }),
              words.end());
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

// A word that goes on once inserted: no space after it.
bool goes_on(const std::string& word) {
  return !word.empty() && (word.back() == '(' || word.back() == '=' || word.back() == '/');
}

// The completion of the word at `from` in `line` among `words`.
Completion among(std::vector<std::string> words, std::string_view line, std::size_t from,
                 bool space) {
  Completion out{from, matching(std::move(words), line.substr(from)), false};
  out.space = space && out.candidates.size() == 1 && !goes_on(out.candidates.front());
  return out;
}

// Action names as a pattern starts: `name(` when the action has params.
std::vector<std::string> action_words(const Contract& c) {
  std::vector<std::string> out;
  out.reserve(c.actions.size());
  for (const ActionDecl& a : c.actions) out.push_back(a.params.empty() ? a.name : a.name + "(");
  return out;
}

std::vector<std::string> fact_names(const Contract& c, std::string_view suffix) {
  std::vector<std::string> out;
  out.reserve(c.facts.size());
  for (const FactDecl& f : c.facts) out.push_back(f.name + std::string(suffix));
  return out;
}

// The values a question may give a finite type: `false`, `true`, or the
// domain's values; nothing for numbers and dates.
std::vector<std::string> values_of(const Contract& c, const Type& type) {
  if (type.kind == Type::Kind::Bool) return {"false", "true"};
  if (type.kind != Type::Kind::Value) return {};
  const auto& values = c.domains[static_cast<std::size_t>(type.domain)].values;
  return {values.begin(), values.end()};
}

std::vector<std::string> clause_and_amendment_ids(const Contract& c) {
  std::vector<std::string> out = c.clauses.ids();
  out.reserve(out.size() + c.amendments.size());
  for (const Amendment& a : c.amendments) out.push_back(a.id);
  return out;
}

std::vector<std::string> amendment_ids(const Contract& c) {
  std::vector<std::string> out;
  out.reserve(c.amendments.size());
  for (const Amendment& a : c.amendments) out.push_back(a.id);
  return out;
}

// Where the word that ends at the end of `line` starts: after its last blank.
std::size_t word_start(std::string_view line) {
  std::size_t at = line.size();
  while (at > 0 && !is_space(line[at - 1])) --at;
  return at;
}

// The `(` of the pattern still open at the end of `line`, or npos.
std::size_t open_paren(std::string_view line) {
  std::size_t open = std::string_view::npos;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '(') open = i;
    if (line[i] == ')') open = std::string_view::npos;
  }
  return open;
}

// Inside `action(...`: param names, then the values of the param named or
// of the position reached.
Completion pattern_args(const Contract& c, std::string_view line, std::size_t paren) {
  std::size_t name_start = paren;
  while (name_start > 0 && !is_space(line[name_start - 1]) && line[name_start - 1] != '(') {
    --name_start;
  }
  auto action = c.find_action(line.substr(name_start, paren - name_start));
  if (!action) return {line.size(), {}, false};
  const ActionDecl& a = c.actions[static_cast<std::size_t>(*action)];
  std::size_t arg = line.rfind(',');
  arg = (arg == std::string_view::npos || arg < paren) ? paren + 1 : arg + 1;
  while (arg < line.size() && is_space(line[arg])) ++arg;
  const std::string_view current = line.substr(arg);
  if (const std::size_t eq = current.find('='); eq != std::string_view::npos) {
    auto param = a.find_param(trimmed(current.substr(0, eq)));
    std::size_t value = arg + eq + 1;
    while (value < line.size() && is_space(line[value])) ++value;
    if (!param) return {line.size(), {}, false};
    return among(values_of(c, a.params[static_cast<std::size_t>(*param)].type), line, value, false);
  }
  // The args before this one: which params they name, and how many there are.
  std::vector<std::string> named;
  std::size_t position = 0;
  std::string_view before = line.substr(paren + 1, arg - paren - 1);
  for (std::size_t start = 0; start < before.size(); ++position) {
    std::size_t comma = before.find(',', start);
    if (comma == std::string_view::npos) break;
    std::string_view one = before.substr(start, comma - start);
    if (auto eq = one.find('='); eq != std::string_view::npos) {
      named.emplace_back(trimmed(one.substr(0, eq)));
    }
    start = comma + 1;
  }
  std::vector<std::string> words;
  words.reserve(a.params.size() + 8);
  for (const Param& p : a.params) {
    if (std::find(named.begin(), named.end(), p.name) == named.end()) words.push_back(p.name + "=");
  }
  if (!current.empty() && named.empty() && position < a.params.size()) {
    for (std::string& v : values_of(c, a.params[position].type)) words.push_back(std::move(v));
  }
  return among(std::move(words), line, arg, false);
}

// After `:command `: the names its argument takes.
Completion colon_command(const Contract& c, std::string_view command, std::string_view line,
                         const FileLister& files) {
  const std::size_t from = word_start(line);
  const std::string_view word = line.substr(from);
  if (command == ":assume") {
    if (const std::size_t eq = word.find('='); eq != std::string_view::npos) {
      auto fact = c.find_fact(word.substr(0, eq));
      if (!fact) return {line.size(), {}, false};
      return among(values_of(c, c.facts[static_cast<std::size_t>(*fact)].type), line, from + eq + 1,
                   true);
    }
    return among(fact_names(c, "="), line, from, false);
  }
  if (command == ":forget" || command == ":unknown")
    return among(fact_names(c, ""), line, from, true);
  if (command == ":without") return among(amendment_ids(c), line, from, true);
  if (command == ":show") return among(clause_and_amendment_ids(c), line, from, true);
  if (command == ":on" || command == ":agreed") return among({"today"}, line, from, true);
  if (command == ":with" && files) return among(files(word), line, from, true);
  return {line.size(), {}, false};
}

// After `ask`, `allowed`, `timeline`, `explain` or `diff`: a flag's value,
// a flag, or the pattern.
Completion question_command(const Contract& c, std::string_view command, std::string_view line) {
  const std::size_t from = word_start(line);
  std::size_t prev_end = from;
  while (prev_end > 0 && is_space(line[prev_end - 1])) --prev_end;
  const std::string_view prev = line.substr(word_start(line.substr(0, prev_end)),
                                            prev_end - word_start(line.substr(0, prev_end)));
  if (prev == "--party") return among(values_of(c, Type::value(0)), line, from, true);
  if (prev == "--action") return among(action_words(c), line, from, true);
  if (prev == "--verdict" || prev == "--expect") {
    return among(VerdictFilter::words(), line, from, true);
  }
  if (prev == "--from" || prev == "--to") return among({"today"}, line, from, true);
  if (prev == "--kind") return {line.size(), {}, false};
  if (starts_with(line.substr(from), "-"))
    return among(repl_question_flags(command), line, from, true);
  if (command == "ask" || command == "explain" || command == "timeline") {
    return among(action_words(c), line, from, true);
  }
  return {line.size(), {}, false};
}

}  // namespace

bool is_repl_question(std::string_view word) {
  return word == "ask" || word == "allowed" || word == "timeline" || word == "explain" ||
         word == "diff";
}

std::vector<std::string> repl_question_flags(std::string_view command) {
  if (command == "ask") return {"--expect", "--kind"};
  if (command == "allowed") return {"--party", "--action", "--verdict", "--kind"};
  if (command == "timeline") return {"--from", "--to", "--party", "--verdict", "--explain"};
  if (command == "diff") return {"--action", "--from", "--to", "--by"};
  return {};
}

bool repl_switch(std::string_view flag) { return flag == "--by" || flag == "--explain"; }

std::vector<std::string> list_files(std::string_view prefix) {
  const std::size_t slash = prefix.rfind('/');
  const std::string folder(slash == std::string_view::npos ? "" : prefix.substr(0, slash + 1));
  const std::string_view name = slash == std::string_view::npos ? prefix : prefix.substr(slash + 1);
  std::vector<std::string> out;
  std::error_code error;
  std::filesystem::directory_iterator it(folder.empty() ? "." : folder, error);
  for (; !error && it != std::filesystem::directory_iterator(); it.increment(error)) {
    const std::string entry = it->path().filename().string();
    if (!starts_with(entry, name) || (entry.front() == '.' && !starts_with(name, "."))) continue;
    std::error_code ignored;
    out.push_back(folder + entry + (it->is_directory(ignored) ? "/" : ""));
  }
  std::sort(out.begin(), out.end());
  return out;
}

Completion complete(const Contract& contract, std::string_view before_cursor,
                    const FileLister& files) {
  const std::string_view line = before_cursor;
  std::size_t start = 0;
  while (start < line.size() && is_space(line[start])) ++start;
  if (const std::size_t paren = open_paren(line); paren != std::string_view::npos) {
    return pattern_args(contract, line, paren);
  }
  const std::size_t end = line.find_first_of(" \t(", start);
  if (end == std::string_view::npos) {
    std::vector<std::string> words = action_words(contract);
    words.insert(words.end(), kReplCommands.begin(), kReplCommands.end());
    return among(std::move(words), line, start, true);
  }
  const std::string_view command = line.substr(start, end - start);
  if (starts_with(command, ":")) return colon_command(contract, command, line, files);
  if (line[end] != '(' && is_repl_question(command)) {
    return question_command(contract, command, line);
  }
  return {line.size(), {}, false};
}

std::string common_prefix(const std::vector<std::string>& words) {
  if (words.empty()) return {};
  std::string prefix = words.front();
  for (const std::string& w : words) {
    std::size_t n = 0;
    while (n < prefix.size() && n < w.size() && prefix[n] == w[n]) ++n;
    prefix.resize(n);
  }
  // Not into the middle of a UTF-8 sequence: back to the last whole character.
  std::size_t lead = prefix.size();
  while (lead > 0 && (static_cast<unsigned char>(prefix[lead - 1]) & 0xC0U) == 0x80U) --lead;
  if (lead > 0 && (static_cast<unsigned char>(prefix[lead - 1]) & 0x80U) != 0) {
    const auto byte = static_cast<unsigned char>(prefix[lead - 1]);
    const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
    if (prefix.size() - (lead - 1) < length) prefix.resize(lead - 1);
  }
  return prefix;
}

}  // namespace pacta::cli
