// The question commands of `pacta repl` (docs/cli.md §17): `ask`,
// `allowed`, `timeline`, `explain` and `diff` with their flags, answered by
// the command functions (commands.hpp) from options filled from the
// session's state, so each answer is the command line's.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "cli/commands/commands.hpp"
#include "cli/commands/repl_commands.hpp"
#include "cli/commands/repl_complete.hpp"
#include "cli/report/output.hpp"
#include "grammar/suggest.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

using Words = std::vector<std::string>;

// The words after a question command: its flags, `--flag VALUE` or
// `--flag=VALUE` (a switch, `--by`, `--explain`, alone), and the rest, the
// pattern.
struct Flags {
  std::string pattern;  // the other words, joined by a blank
  std::map<std::string, std::string, std::less<>> values;
  std::set<std::string, std::less<>> switches;
  bool has(std::string_view flag) const { return switches.count(flag) != 0; }

  std::optional<std::string> value(std::string_view flag) const {
    auto it = values.find(flag);
    if (it == values.end()) return std::nullopt;
    return it->second;
  }
};

std::optional<Flags> read_flags(std::string_view command, const Words& words) {
  Flags out;
  const std::vector<std::string> names = repl_question_flags(command);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word.rfind("--", 0) != 0) {
      out.pattern += (out.pattern.empty() ? "" : " ") + word;
      continue;
    }
    const std::size_t eq = word.find('=');
    const std::string flag = word.substr(0, eq);
    if (std::find(names.begin(), names.end(), flag) == names.end()) {
      std::string help = did_you_mean(flag, names);
      if (help.empty()) {
        help = names.empty() ? fmt::format("{} takes no flag", command)
                             : fmt::format("its flags are: {}", fmt::join(names, ", "));
      }
      repl_usage_error(fmt::format("{} has no flag '{}'", command, flag), help);
      return std::nullopt;
    }
    if (repl_switch(flag)) {
      out.switches.insert(flag);
      continue;
    }
    if (out.values.count(flag) != 0) {
      repl_usage_error(fmt::format("{} is given twice", flag), "give each flag once");
      return std::nullopt;
    }
    if (eq == std::string::npos && i + 1 == words.size()) {
      repl_usage_error(fmt::format("{} needs a value", flag), fmt::format("e.g. {} VALUE", flag));
      return std::nullopt;
    }
    out.values[flag] = eq != std::string::npos ? word.substr(eq + 1) : words[++i];
  }
  return out;
}

int ask(ReplSession& s, const Words& words) {
  auto flags = read_flags("ask", words);
  if (!flags) return 2;
  if (flags->pattern.empty())
    return repl_usage_error("ask needs a pattern", "e.g. ask sell_models(openai)");
  AskOptions o = ask_options(s.file, s.state, s.common, flags->pattern);
  o.expect = flags->value("--expect");
  o.question.kind = flags->value("--kind");
  return run_ask(o);
}

int explain(ReplSession& s, const Words& words) {
  auto flags = read_flags("explain", words);
  if (!flags) return 2;
  if (flags->pattern.empty()) {
    return repl_usage_error("explain needs a pattern", "e.g. explain sell_models(openai, aws)");
  }
  return run_explain(explain_options(s.file, s.state, s.common, flags->pattern));
}

int allowed(ReplSession& s, const Words& words) {
  auto flags = read_flags("allowed", words);
  if (!flags) return 2;
  AllowedOptions o = allowed_options(s.file, s.state, s.common);
  o.action = flags->value("--action");
  if (!flags->pattern.empty()) {
    if (o.action) return repl_usage_error("allowed takes a pattern or --action, not both", "");
    o.action = flags->pattern;
  }
  o.party = flags->value("--party");
  o.verdict = flags->value("--verdict");
  o.question.kind = flags->value("--kind");
  return run_allowed(o);
}

int timeline(ReplSession& s, const Words& words) {
  auto flags = read_flags("timeline", words);
  if (!flags) return 2;
  TimelineOptions o = timeline_options(s.file, s.state, s.common);
  if (!flags->pattern.empty()) o.action = flags->pattern;
  o.from = flags->value("--from");
  o.to = flags->value("--to");
  o.party = flags->value("--party");
  o.verdict = flags->value("--verdict");
  o.explain = flags->has("--explain");
  return run_timeline(o);
}

int diff(ReplSession& s, const Words& words) {
  auto flags = read_flags("diff", words);
  if (!flags) return 2;
  if (!flags->pattern.empty()) {
    return repl_usage_error("diff takes no pattern", "narrow it with --action PATTERN");
  }
  if (!s.before) {
    return repl_usage_error(
        "nothing to diff yet: the state has not changed",
        "diff compares the state before the last change (:on, :assume, :without, "
        ":with, ...) with the state now");
  }
  DiffOptions o = diff_options(s.file, *s.before, s.state, s.common);
  o.action = flags->value("--action");
  o.from = flags->value("--from");
  o.to = flags->value("--to");
  o.by = flags->has("--by");
  return run_diff(o);
}

}  // namespace

int run_repl_question(ReplSession& s, std::string_view command, const Words& words) {
  if (command == "ask") return ask(s, words);
  if (command == "explain") return explain(s, words);
  if (command == "allowed") return allowed(s, words);
  if (command == "timeline") return timeline(s, words);
  return diff(s, words);
}

}  // namespace pacta::cli
