#pragma once
// Tab completion in `pacta repl` (docs/cli.md §17): the words the line
// being typed may go on with, from the commands of the REPL and the names
// of the loaded contract. Pure functions of the contract and the text
// before the cursor, so they are tested without a terminal
// (tests/unit/test_cli_repl_complete.cpp); cli/commands/repl_line.cpp
// inserts them.
#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/contract.hpp"

namespace pacta::cli {

// Every command of the REPL, as typed at the start of a line.
inline constexpr std::array<std::string_view, 18> kReplCommands = {
    ":on",   ":assume", ":forget", ":unknown", ":agreed", ":without",
    ":with", ":reset",  ":state",  ":load",    ":show",   ":help",
    ":quit", "ask",     "allowed", "timeline", "explain", "diff"};

// Whether a line starting with `word` is a question command (`ask`,
// `allowed`, `timeline`, `explain`, `diff`) rather than a bare pattern.
bool is_repl_question(std::string_view word);
// The flags a question command takes (repl_questions.cpp reads them,
// completion offers them); those repl_switch() names stand alone, every
// other takes a value.
std::vector<std::string> repl_question_flags(std::string_view command);
bool repl_switch(std::string_view flag);

struct Completion {
  std::size_t from = 0;  // where the word being completed starts in the line
  // The words it may become, sorted, without duplicates, each starting with
  // the text from `from` to the cursor.
  std::vector<std::string> candidates;
  // With one candidate: a space goes after it (a whole word: a command, an
  // id), not after a word that goes on (`sell_models(`, `seller=`, a value
  // inside a pattern, a folder).
  bool space = false;
};

// The names in a folder whose name starts with `prefix` (a path as typed:
// `rules/mic`), each as the whole path to insert, folders ending in `/`.
using FileLister = std::function<std::vector<std::string>(std::string_view prefix)>;
// The real file system (for `:with FILE`), hidden files only when the
// prefix's name starts with a dot.
std::vector<std::string> list_files(std::string_view prefix);

// What may follow `before_cursor` (the line up to the cursor), given the
// contract the session answers from:
//  - the first word: the commands and the action names (`sell_models(`);
//  - in a pattern: `param=` for each param not yet given, then the values
//    of that param's type (positional values too, once a letter is typed);
//  - after `:assume`: fact names (`agi_declared=`), then the fact's
//    values; `:forget`, `:unknown`: fact names; `:without`: amendment ids;
//    `:show`: clause and amendment ids; `:with`: file names (`files`);
//    `:on`, `:agreed`, `--from`, `--to`: `today`;
//  - after `ask`, `explain`, `timeline`, `--action`: action names; after
//    `--party`: parties; after `--verdict`, `--expect`: verdicts; a word
//    starting with `-`: the command's flags.
Completion complete(const Contract& contract, std::string_view before_cursor,
                    const FileLister& files = list_files);

// The longest prefix every word shares ("" for none).
std::string common_prefix(const std::vector<std::string>& words);

}  // namespace pacta::cli
