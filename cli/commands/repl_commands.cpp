#include "cli/commands/repl_commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "cli/commands/commands.hpp"
#include "cli/commands/question.hpp"
#include "cli/commands/repl_complete.hpp"
#include "cli/report/explain_report.hpp"
#include "cli/report/output.hpp"
#include "cli/report/reporter.hpp"
#include "cli/report/test_text.hpp"
#include "engine/decide/question.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

constexpr std::string_view kHelp =
    "State (every question is asked under it; :state shows it):\n"
    "  :on DATE            the date asked about (YYYY-MM-DD or today; at the start: --on)\n"
    "  :assume NAME=VALUE  assume a fact (again: its new value)\n"
    "  :forget NAME        the fact neither assumed nor unknown any more\n"
    "  :unknown NAME       leave the fact unknown: answers split into cases\n"
    "  :agreed [DATE]      only amendments signed by DATE exist; alone: all of them\n"
    "  :without ID         as if this amendment did not exist\n"
    "  :with FILE          as if the amendments of FILE were signed too\n"
    "  :reset              back to the state of the start\n"
    "  :state              the file and the state\n"
    "Questions:\n"
    "  PATTERN             ask, e.g. sell_models(openai, aws)  (also: ask PATTERN [--expect V])\n"
    "  allowed [PATTERN] [--party P] [--verdict V] [--kind K]\n"
    "  timeline [PATTERN] [--from D] [--to D] [--party P] [--verdict V] [--explain]\n"
    "  explain PATTERN\n"
    "  diff [--action PATTERN] [--from D] [--to D] [--by]   the state before the last change\n"
    "                                                        against the state now\n"
    "Other:\n"
    "  :load               read the file (and the :with files) again, keeping the state\n"
    "  :show ID            a clause or an amendment: its title, text and place in the file\n"
    "  :help, :quit        this help; end the session (also Ctrl-D)\n"
    "Tab completes commands, actions, params, values, facts and ids.\n";

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

// The words of `text`, split at blanks outside parentheses: a pattern with
// blanks, `sell_models(openai, aws)`, is one word.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  int depth = 0;
  for (const char c : text) {
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (is_blank(c) && depth == 0) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
      continue;
    }
    word.push_back(c);
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

void report(const ReplSession& s, const Diagnostics& diags) {
  make_reporter(s.common.format, s.common.color)->diagnostics(diags);
}

// The state becomes `next` if a question can be prepared under it (the
// date, facts, amendments and files are what prepare() checks for every
// command); otherwise the diagnostics of the command line, and the state
// is left as it was.
int change_state(ReplSession& s, ReplState next) {
  if (next == s.state) return 0;
  const Limits limits;
  Diagnostics diags;
  if (!prepare(question_options(s.file, next, s.common), limits, diags) || diags.has_errors()) {
    report(s, diags);
    return 2;
  }
  s.before = std::move(s.state);
  s.state = std::move(next);
  return 0;
}

using Words = std::vector<std::string>;

int need_words(std::string_view command, const Words& words, std::string_view what) {
  return repl_usage_error(words.empty() ? fmt::format("{} needs {}", command, what)
                                        : fmt::format("{} takes {}", command, what),
                          fmt::format("e.g. {}", command == ":on" ? ":on 2026-01-15" : command));
}

int state_on(ReplSession& s, const Words& words) {
  if (words.size() != 1) return need_words(":on", words, "one date (YYYY-MM-DD or today)");
  Diagnostics diags;
  auto on = parse_date_flag(words.front(), "--on", diags, local_today());
  if (!on) {
    report(s, diags);
    return 2;
  }
  ReplState next = s.state;
  next.on = on->to_string();
  return change_state(s, std::move(next));
}

// A state command that applies `apply` to the state once per word (at
// least one: else `usage` and `example` as the error).
int each_word(ReplSession& s, const Words& words, void (*apply)(ReplState&, std::string_view),
              std::string_view usage, std::string_view example) {
  if (words.empty()) return repl_usage_error(usage, example);
  ReplState next = s.state;
  for (const std::string& w : words) apply(next, w);
  return change_state(s, std::move(next));
}

int state_assume(ReplSession& s, const Words& words) {
  return each_word(s, words, assume_fact, ":assume needs NAME=VALUE",
                   "e.g. :assume agi_declared=true");
}

int state_forget(ReplSession& s, const Words& words) {
  if (words.empty())
    return repl_usage_error(":forget needs a fact name", ":state lists the facts assumed");
  ReplState next = s.state;
  for (const std::string& w : words) {
    if (!forget_fact(next, w)) {
      return repl_usage_error(fmt::format("'{}' is neither assumed nor unknown", w),
                              ":state lists the facts assumed and unknown");
    }
  }
  return change_state(s, std::move(next));
}

int state_unknown(ReplSession& s, const Words& words) {
  return each_word(s, words, leave_unknown, ":unknown needs a fact name",
                   "e.g. :unknown agi_declared");
}

int state_agreed(ReplSession& s, const Words& words) {
  if (words.size() > 1) return need_words(":agreed", words, "one date, or none to clear it");
  ReplState next = s.state;
  next.agreed = words.empty() ? std::string() : words.front();
  return change_state(s, std::move(next));
}

int state_without(ReplSession& s, const Words& words) {
  return each_word(s, words, add_without, ":without needs an amendment id", "Tab lists them");
}

int state_with(ReplSession& s, const Words& words) {
  return each_word(s, words, add_with, ":with needs a file of amendments",
                   "e.g. :with extend-azure.yaml");
}

int state_reset(ReplSession& s, const Words& /*words*/) { return change_state(s, s.initial); }

int show_state(ReplSession& s, const Words& /*words*/) {
  write_out(state_text(s.file, s.state));
  return 0;
}

int reload(ReplSession& s, const Words& /*words*/) {
  const Limits limits;
  Diagnostics diags;
  if (!s.contracts.reload(s.file, s.state.with, limits, diags)) {
    report(s, diags);
    return repl_usage_error(fmt::format("'{}' did not load: the session goes on answering from the "
                                        "files as they were loaded before",
                                        s.file),
                            "fix the file and :load again");
  }
  report(s, diags);
  auto loaded = current_contract(s);
  if (!loaded) return 2;
  const Contract& c = loaded->contract;
  write_out(visible(fmt::format("{}: ok: contract '{}', {}, {}", s.file, c.id,
                                count_text(c.clauses.size(), "clause"),
                                count_text(c.amendments.size(), "amendment"))) +
            "\n");
  Diagnostics state;
  if (!prepare(question_options(s.file, s.state, s.common), limits, state)) {
    report(s, state);
    return repl_usage_error("the state does not fit the file as it is now",
                            "change it (:forget, :reset; :state shows it)");
  }
  return 0;
}

int help(ReplSession& /*s*/, const Words& /*words*/) {
  write_out(kHelp);
  return 0;
}

int quit(ReplSession& s, const Words& /*words*/) {
  s.quit = true;
  return 0;
}

int show(ReplSession& s, const Words& words);

struct ColonCommand {
  std::string_view name;
  int (*run)(ReplSession&, const Words&);
  bool takes_words;
};

constexpr std::array<ColonCommand, 13> kColonCommands = {{
    {":on", state_on, true},
    {":assume", state_assume, true},
    {":forget", state_forget, true},
    {":unknown", state_unknown, true},
    {":agreed", state_agreed, true},
    {":without", state_without, true},
    {":with", state_with, true},
    {":reset", state_reset, false},
    {":state", show_state, false},
    {":load", reload, false},
    {":show", show, true},
    {":help", help, false},
    {":quit", quit, false},
}};

int run_colon(ReplSession& s, std::string_view name, const Words& words) {
  for (const ColonCommand& c : kColonCommands) {
    if (c.name != name) continue;
    if (!c.takes_words && !words.empty()) {
      return repl_usage_error(fmt::format("{} takes no argument", name),
                              ":help lists the commands");
    }
    return c.run(s, words);
  }
  std::vector<std::string> names(kReplCommands.begin(), kReplCommands.end());
  std::string help = did_you_mean(name, names);
  help = help.empty() ? ":help lists the commands" : help + " (:help lists the commands)";
  return repl_usage_error(fmt::format("unknown command '{}'", name), help);
}

// A text of the file (a title, a clause's text), its lines indented.
std::string indented(std::string_view label, std::string_view text) {
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  if (text.empty()) return {};
  if (text.find('\n') == std::string_view::npos) {
    return fmt::format("  {}: {}\n", label, visible(text));
  }
  std::string out = fmt::format("  {}:\n", label);
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out += fmt::format("    {}\n", visible(text.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

// What the amendments of `c` do to clause `clause`: "amended by A; repealed by B".
std::string amended_text(const Contract& c, int clause) {
  std::vector<std::string> amended, repealed;
  for (const Amendment& a : c.amendments) {
    for (const auto& [target, patch] : a.amend) {
      if (target == clause) amended.push_back(a.id);
    }
    if (std::find(a.repeal.begin(), a.repeal.end(), clause) != a.repeal.end()) {
      repealed.push_back(a.id);
    }
  }
  std::string out;
  if (!amended.empty()) {
    out += fmt::format("  amended by: {}\n", visible(fmt::format("{}", fmt::join(amended, ", "))));
  }
  if (!repealed.empty()) {
    out +=
        fmt::format("  repealed by: {}\n", visible(fmt::format("{}", fmt::join(repealed, ", "))));
  }
  return out;
}

std::string clause_text(const LoadedContract& loaded, int index) {
  const Contract& c = loaded.contract;
  const Clause& clause = c.clauses[static_cast<std::size_t>(index)];
  std::string out = fmt::format("clause {} ({})\n", visible(clause.id),
                                location_text(*loaded.source, clause.offset));
  if (clause.added_by >= 0) {
    out += fmt::format("  added by: {}\n",
                       visible(c.amendments[static_cast<std::size_t>(clause.added_by)].id));
  }
  out += indented("title", clause.version.title.str());
  out += indented("text", clause.version.text.str());
  out += indented("ref", clause.version.ref.str());
  return out + amended_text(c, index);
}

std::string amendment_text(const LoadedContract& loaded, int index) {
  const Contract& c = loaded.contract;
  const Amendment& a = c.amendments[static_cast<std::size_t>(index)];
  std::string out = fmt::format("amendment {} ({}), signed {}, effective {}\n", visible(a.id),
                                location_text(*loaded.source, a.offset), a.signed_on.to_string(),
                                a.effective.to_string());
  out += indented("title", a.title);
  out += indented("text", a.text);
  const auto ids = [&](const std::vector<int>& clauses) {
    return visible(fmt::format("{}", fmt::join(c.clauses.ids(clauses), ", ")));
  };
  std::vector<int> amended;
  amended.reserve(a.amend.size());
  for (const auto& [clause, patch] : a.amend) amended.push_back(clause);
  if (!a.repeal.empty()) out += fmt::format("  repeals: {}\n", ids(a.repeal));
  if (!amended.empty()) out += fmt::format("  amends: {}\n", ids(amended));
  if (!a.add.empty()) out += fmt::format("  adds: {}\n", ids(a.add));
  return out;
}

int show(ReplSession& s, const Words& words) {
  if (words.size() != 1) {
    return repl_usage_error(":show takes one clause or amendment id", "Tab after :show lists them");
  }
  auto loaded = current_contract(s);
  if (!loaded) return 2;
  const Contract& c = loaded->contract;
  const std::string& id = words.front();
  if (auto clause = c.find_clause(id)) {
    write_out(clause_text(*loaded, *clause));
    return 0;
  }
  if (auto amendment = c.find_amendment(id)) {
    write_out(amendment_text(*loaded, *amendment));
    return 0;
  }
  std::vector<std::string> ids = c.clauses.ids();
  for (const Amendment& a : c.amendments) ids.push_back(a.id);
  std::string help = did_you_mean(id, ids);
  return repl_usage_error(fmt::format("no clause or amendment '{}'", id),
                          help.empty() ? "Tab after :show lists them" : help);
}

}  // namespace

int repl_usage_error(std::string_view message, std::string_view help) {
  print_err("error: {}\n", visible(message));
  if (!help.empty()) print_err("  help: {}\n", visible(help));
  return 2;
}

std::shared_ptr<const LoadedContract> current_contract(ReplSession& s) {
  const Limits limits;
  Diagnostics diags;
  auto loaded = s.contracts.get(s.file, s.state.with, limits, diags);
  if (!loaded) report(s, diags);
  return loaded;
}

int run_repl_line(ReplSession& s, std::string_view raw) {
  const std::string_view line = trimmed(raw);
  if (line.empty() || line.front() == '#') return 0;
  const std::string_view head = line.substr(0, line.find_first_of(" \t\r"));
  const Words rest = words_of(line.substr(head.size()));
  if (head.front() == ':') return run_colon(s, head, rest);
  if (is_repl_question(head)) return run_repl_question(s, head, rest);
  return run_ask(ask_options(s.file, s.state, s.common, std::string(line)));
}

}  // namespace pacta::cli
