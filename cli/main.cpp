// The pacta program: flags in, engine called, exit code out. The only file
// that includes CLI11.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>

#include "cli/commands/commands.hpp"

namespace {

using pacta::cli::Format;

constexpr const char* kExitCodes =
    "\nExit codes:\n"
    "  0  success\n"
    "  1  a check did not hold (a failed test case, an --expect that did not match)\n"
    "  2  invalid input or usage (unreadable file, YAML or expression error, type error,\n"
    "     unknown name, bad flag)\n"
    "\nDocumentation: docs/cli.md, docs/language.md, docs/errors.md\n";

void add_format(CLI::App* cmd, std::string& format) {
  cmd->add_option("--format", format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_val("text");
}

// no-color.org: NO_COLOR set to a non-empty value turns colour off.
bool no_color() {
  const char* value = std::getenv("NO_COLOR");
  return value != nullptr && value[0] != '\0';
}

// The top-level help, whichever subcommand was parsed (App::help() would
// describe the selected subcommand).
std::string top_help(const CLI::App& app) {
  return app.get_formatter()->make_help(&app, "pacta", CLI::AppFormatMode::Normal);
}

void add_question(CLI::App* cmd, pacta::cli::QuestionOptions& q) {
  cmd->add_option("--on", q.on, "The date asked about (YYYY-MM-DD)")->required();
  cmd->add_option("--assume", q.assume, "Assume a fact: NAME=VALUE (repeatable)")
      ->take_all()
      ->allow_extra_args(false);
  cmd->add_option("--as-agreed-on", q.as_agreed_on,
                  "Only amendments signed on or before this date exist");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"pacta: a rule-based contract-terms evaluator", "pacta"};
  app.footer(kExitCodes);
  app.set_version_flag("--version", std::string("pacta ") + PACTA_VERSION);
  app.require_subcommand(0, 1);

  std::string format = "text";
  pacta::cli::CheckOptions check;
  auto* check_cmd =
      app.add_subcommand("check", "Load and type-check rule files; report every error");
  check_cmd->add_option("FILE", check.files, "Rule files")->required();
  add_format(check_cmd, format);

  pacta::cli::AskOptions ask;
  auto* ask_cmd = app.add_subcommand(
      "ask",
      "Decide every instance of ACTION (a pattern; params left out range over their values)");
  ask_cmd->add_option("FILE", ask.question.file, "Rule file")->required();
  ask_cmd->add_option("ACTION", ask.action, "Action pattern, e.g. 'sell_models(channel=aws)'")
      ->required();
  add_question(ask_cmd, ask.question);
  ask_cmd->add_option("--expect", ask.expect,
                      "Exit 1 unless every instance has this verdict (or is 'allowed')");
  add_format(ask_cmd, format);

  pacta::cli::AllowedOptions allowed;
  auto* allowed_cmd =
      app.add_subcommand("allowed", "What is allowed on a date: every instance of every action");
  allowed_cmd->add_option("FILE", allowed.question.file, "Rule file")->required();
  add_question(allowed_cmd, allowed.question);
  allowed_cmd->add_option("--party", allowed.party,
                          "Keep instances in which some party param is this party");
  allowed_cmd->add_option("--action", allowed.action, "Only this action (or pattern)");
  allowed_cmd->add_option("--verdict", allowed.verdict, "Keep this verdict (or 'allowed')");
  add_format(allowed_cmd, format);

  pacta::cli::TestOptions test;
  auto* test_cmd =
      app.add_subcommand("test", "Run test files (files, or directories searched for *.test.yaml)");
  test_cmd->add_option("PATH", test.paths, "Test files or directories")->required();
  add_format(test_cmd, format);

  std::string help_topic;
  auto* help_cmd = app.add_subcommand("help", "Show help for a command");
  help_cmd->add_option("COMMAND", help_topic, "A command");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "pacta: error: %s\n", e.what());
    std::fprintf(stderr, "  help: run 'pacta --help' or 'pacta help COMMAND'\n");
    return 2;
  }

  const bool color = isatty(STDOUT_FILENO) && isatty(STDERR_FILENO) && !no_color();
  const pacta::cli::CommonOptions common{format == "json" ? Format::Json : Format::Text, color};

  if (*help_cmd) {
    if (help_topic.empty()) {
      std::fputs(top_help(app).c_str(), stdout);
      return 0;
    }
    for (auto* cmd : {check_cmd, ask_cmd, allowed_cmd, test_cmd}) {
      if (cmd->get_name() == help_topic) {
        std::fputs(cmd->help("pacta").c_str(), stdout);
        return 0;
      }
    }
    std::fprintf(stderr, "pacta: error: unknown command '%s'\n", help_topic.c_str());
    std::fprintf(stderr, "  help: the commands are check, ask, allowed, test\n");
    return 2;
  }
  if (*check_cmd) {
    check.common = common;
    return pacta::cli::run_check(check);
  }
  if (*ask_cmd) {
    ask.question.common = common;
    return pacta::cli::run_ask(ask);
  }
  if (*allowed_cmd) {
    allowed.question.common = common;
    return pacta::cli::run_allowed(allowed);
  }
  if (*test_cmd) {
    test.common = common;
    return pacta::cli::run_test(test);
  }
  std::fputs(top_help(app).c_str(), stdout);
  return 2;
}
