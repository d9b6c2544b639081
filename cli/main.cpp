// The pacta program: flags in, a command run, exit code out. The only file
// that includes CLI11: each subcommand's flags are bound to its options
// struct, and the parsed subcommand is run from CLI11's own list.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands/commands.hpp"
#include "cli/commands/complete.hpp"
#include "cli/report/output.hpp"
#include "grammar/visible.hpp"
#include "pacta/pacta.hpp"

namespace {

using pacta::cli::CommonOptions;

constexpr const char* kExitCodes =
    "\nExit codes:\n"
    "  0  success\n"
    "  1  a check did not hold (a failed test case, an unmet --expect, a lint error)\n"
    "  2  invalid input or usage (unreadable file, YAML or expression error, type error,\n"
    "     unknown name, bad flag)\n"
    "\nDocumentation: docs/cli.md, docs/language.md, docs/errors.md\n";

// Runs a parsed subcommand with the options every command shares.
using Runner = std::function<int(const CommonOptions&)>;

// The flag parser, where the flags are stored once parsed, and what each
// subcommand runs.
struct Program {
  CLI::App app{"pacta: a rule-based contract-terms evaluator", "pacta"};
  std::string format = "text";  // shared by every subcommand's --format
  std::map<const CLI::App*, Runner> runners;
};

// --format: text or json; with `ci` (the commands that check something:
// SPEC §9.3) the machine formats too, and --output for them.
void add_format(CLI::App* cmd, std::string& format, bool ci = false) {
  std::vector<std::string> names;
  names.reserve(pacta::cli::kFormatNames.size());
  for (const auto& [name, value] : pacta::cli::kFormatNames) {
    if (ci || !pacta::cli::is_ci_format(value)) names.emplace_back(name);
  }
  cmd->add_option("--format", format,
                  ci ? "Output format: text, json, junit, tap, sarif or github"
                     : "Output format: text or json")
      ->check(CLI::IsMember(names))
      ->default_val("text");
}

void add_report_output(CLI::App* cmd, std::optional<std::string>& output) {
  cmd->add_option("--output", output,
                  "Write the --format report to FILE; the text report still goes to stdout");
}

void add_amendment_flags(CLI::App* cmd, pacta::cli::QuestionOptions& q) {
  cmd->add_option("--without", q.without,
                  "Answer as if this amendment did not exist (an amendment id; repeatable)")
      ->take_all()
      ->allow_extra_args(false);
  cmd->add_option("--with", q.with,
                  "Answer as if the amendments of this file (pacta-amendments: 1) were signed "
                  "too (repeatable)")
      ->take_all()
      ->allow_extra_args(false);
}

void add_unknown_flag(CLI::App* cmd, pacta::cli::QuestionOptions& q) {
  cmd->add_option("--unknown", q.unknown,
                  "Leave a fact unknown, setting its default aside: the answer splits into "
                  "cases over its values (repeatable)")
      ->take_all()
      ->allow_extra_args(false);
}

void add_question(CLI::App* cmd, pacta::cli::QuestionOptions& q) {
  cmd->add_option("--on", q.on, "The date asked about (YYYY-MM-DD, or today)")->required();
  cmd->add_option("--assume", q.assume, "Assume a fact: NAME=VALUE (repeatable)")
      ->take_all()
      ->allow_extra_args(false);
  cmd->add_option("--facts", q.facts,
                  "Assume the facts of a YAML file (fact: value per line); --assume wins");
  add_unknown_flag(cmd, q);
  cmd->add_option("--as-agreed-on", q.as_agreed_on,
                  "Only amendments signed on or before this date exist");
  add_amendment_flags(cmd, q);
  cmd->add_option("--kind", q.kind,
                  "Keep instances that a clause of this kind decides or sets aside");
}

// Each add_*_command binds a subcommand's flags to options owned by its
// runner, which hands them to the command once the common options are known.
void add_check_command(Program& p) {
  auto options = std::make_shared<pacta::cli::CheckOptions>();
  auto* cmd = p.app.add_subcommand("check", "Load and type-check rule files; report every error");
  cmd->add_option("FILE", options->files, "Rule files, or directories searched for rule files")
      ->required();
  add_format(cmd, p.format, true);
  add_report_output(cmd, options->output);
  p.runners[cmd] = [options](const CommonOptions& common) {
    options->common = common;
    return pacta::cli::run_check(*options);
  };
}

void add_lint_command(Program& p) {
  auto options = std::make_shared<pacta::cli::LintOptions>();
  auto* cmd = p.app.add_subcommand(
      "lint", "Find what is valid but probably wrong in rule files, each with a witness");
  cmd->add_option("FILE", options->files, "Rule files, or directories searched for rule files")
      ->required();
  cmd->add_flag("--deny-warnings", options->deny_warnings, "Exit 1 on a warning too");
  add_format(cmd, p.format, true);
  add_report_output(cmd, options->output);
  p.runners[cmd] = [options](const CommonOptions& common) {
    options->common = common;
    return pacta::cli::run_lint(*options);
  };
}

// FILE and ACTION are optional for CLI11 so that `ask --batch Q` may leave
// both out; without --batch the runner asks for them (and --on) as CLI11
// would have.
void add_ask_command(Program& p) {
  auto options = std::make_shared<pacta::cli::AskOptions>();
  auto* cmd = p.app.add_subcommand(
      "ask",
      "Decide every instance of ACTION (a pattern; params left out range over their values)");
  cmd->add_option("FILE", options->question.file,
                  "Rule file (with --batch: the lines' default contract)");
  cmd->add_option("ACTION", options->action, "Action pattern, e.g. 'sell_models(channel=aws)'");
  add_question(cmd, options->question);
  cmd->get_option("--on")->required(false);
  cmd->add_option("--expect", options->expect,
                  "Exit 1 unless every instance has this verdict (or is 'allowed')");
  cmd->add_option(
      "--batch", options->batch,
      "Answer the JSON Lines questions of a file (- for stdin), one JSON answer a line");
  cmd->add_option("--jobs", options->jobs, "With --batch: threads answering (default 1)");
  cmd->add_flag("--explain", options->explain,
                "Explain each answer: the deciding clauses, and why every other clause did not "
                "apply (as `pacta explain`)")
      ->excludes("--batch");
  add_format(cmd, p.format);
  p.runners[cmd] = [options](const CommonOptions& common) {
    options->question.common = common;
    if (!options->batch) {
      for (const char* missing : {options->question.file.empty() ? "FILE" : nullptr,
                                  options->action.empty() ? "ACTION" : nullptr,
                                  options->question.on.empty() ? "--on" : nullptr}) {
        if (missing == nullptr) continue;
        pacta::cli::print_err("pacta: error: {} is required\n", missing);
        pacta::cli::write_err("  help: run 'pacta --help' or 'pacta help COMMAND'\n");
        return 2;
      }
    }
    return pacta::cli::run_ask(*options);
  };
}

void add_explain_command(Program& p) {
  auto options = std::make_shared<pacta::cli::ExplainOptions>();
  auto* cmd = p.app.add_subcommand(
      "explain", "Why each instance of ACTION has its answer on a date, clause by clause");
  cmd->add_option("FILE", options->question.file, "Rule file")->required();
  cmd->add_option("ACTION", options->action, "Action pattern, e.g. 'sell_models(channel=aws)'")
      ->required();
  add_question(cmd, options->question);
  add_format(cmd, p.format);
  p.runners[cmd] = [options](const CommonOptions& common) {
    options->question.common = common;
    return pacta::cli::run_explain(*options);
  };
}

void add_allowed_command(Program& p) {
  auto options = std::make_shared<pacta::cli::AllowedOptions>();
  auto* cmd =
      p.app.add_subcommand("allowed", "What is allowed on a date: every instance of every action");
  cmd->add_option("FILE", options->question.file, "Rule file")->required();
  add_question(cmd, options->question);
  cmd->add_option("--party", options->party,
                  "Keep instances in which some party param is this party");
  cmd->add_option("--action", options->action, "Only this action (or pattern)");
  cmd->add_option("--verdict", options->verdict, "Keep this verdict (or 'allowed')");
  auto* expect =
      cmd->add_option("--expect", options->expect,
                      "Exit 1 unless every instance listed has this verdict (or is 'allowed')");
  cmd->add_flag("--expect-none", options->expect_none,
                "Exit 1 when any instance is listed (after the filters)")
      ->excludes(expect);
  add_format(cmd, p.format);
  p.runners[cmd] = [options](const CommonOptions& common) {
    options->question.common = common;
    return pacta::cli::run_allowed(*options);
  };
}

void add_test_command(Program& p) {
  auto options = std::make_shared<pacta::cli::TestOptions>();
  auto* cmd = p.app.add_subcommand(
      "test", "Run test files (files, or directories searched for *.test.yaml)");
  cmd->add_option("PATH", options->paths, "Test files or directories")->required();
  cmd->add_flag("--verbose", options->verbose, "List passing cases too");
  cmd->add_option("--filter", options->filter, "Run only the cases whose name contains TEXT");
  cmd->add_flag("--coverage", options->coverage,
                "After the results, list the clauses that decided no case");
  add_format(cmd, p.format, true);
  add_report_output(cmd, options->output);
  p.runners[cmd] = [options](const CommonOptions& common) {
    options->common = common;
    return pacta::cli::run_test(*options);
  };
}

void add_plan_command(Program& p) {
  auto options = std::make_shared<pacta::cli::PlanCommandOptions>();
  auto* cmd = p.app.add_subcommand(
      "plan", "Check plans: each step must be allowed on every day of its span");
  cmd->add_option("PLAN", options->paths, "Plan files, or directories searched for *.plan.yaml")
      ->required();
  cmd->add_flag("--obligations", options->obligations,
                "Also report obligations in force during the plan that no step performs");
  cmd->add_flag("--deny-warnings", options->deny_warnings,
                "Exit 1 on a warning (an obligation not performed)");
  add_format(cmd, p.format, true);
  add_report_output(cmd, options->output);
  p.runners[cmd] = [options](const CommonOptions& common) {
    options->common = common;
    return pacta::cli::run_plan(*options);
  };
}

// The top-level help, whichever subcommand was parsed (App::help() would
// describe the selected subcommand).
void add_timeline_command(Program& p) {
  auto options = std::make_shared<pacta::cli::TimelineOptions>();
  auto* cmd = p.app.add_subcommand(
      "timeline", "The runs of days over which each instance's answer stays the same");
  cmd->add_option("FILE", options->question.file, "Rule file")->required();
  cmd->add_option("ACTION", options->action,
                  "Action pattern, e.g. 'sell_models(channel=aws)' (default: every action)");
  cmd->add_option("--from", options->from, "First day shown (YYYY-MM-DD, or today)");
  cmd->add_option("--to", options->to, "Last day shown (YYYY-MM-DD, or today)");
  cmd->add_option("--party", options->party,
                  "Keep instances in which some party param is this party");
  cmd->add_option("--verdict", options->verdict,
                  "Keep instances that have this verdict (or 'allowed') on some day");
  cmd->add_option("--assume", options->question.assume, "Assume a fact: NAME=VALUE (repeatable)")
      ->take_all()
      ->allow_extra_args(false);
  cmd->add_option("--facts", options->question.facts,
                  "Assume the facts of a YAML file (fact: value per line); --assume wins");
  add_unknown_flag(cmd, options->question);
  cmd->add_option("--as-agreed-on", options->question.as_agreed_on,
                  "Only amendments signed on or before this date exist");
  add_amendment_flags(cmd, options->question);
  cmd->add_option("--format", options->format, "Output format: text, json, svg or html")
      ->check(CLI::IsMember({"text", "json", "svg", "html"}))
      ->default_val("text");
  cmd->add_option("--output", options->output, "Write the document to FILE, not to stdout");
  cmd->add_flag("--explain", options->explain,
                "Say what changed at each run boundary (text and json)");
  p.runners[cmd] = [options](const CommonOptions& common) {
    options->question.common = common;
    // Diagnostics are JSON with --format json, text otherwise.
    options->question.common.format =
        options->format == "json" ? pacta::cli::Format::Json : pacta::cli::Format::Text;
    return pacta::cli::run_timeline(*options);
  };
}

// The scenario flags of one side of `diff`: `prefix` "" (the other side) or
// "base-".
void add_diff_side(CLI::App* cmd, pacta::cli::QuestionOptions& q, const std::string& prefix,
                   const std::string& side) {
  cmd->add_option("--" + prefix + "assume", q.assume,
                  "Assume a fact on the " + side + " side: NAME=VALUE (repeatable)")
      ->take_all()
      ->allow_extra_args(false);
  cmd->add_option("--" + prefix + "facts", q.facts,
                  "Assume the facts of a YAML file on the " + side + " side");
  cmd->add_option("--" + prefix + "as-agreed-on", q.as_agreed_on,
                  "On the " + side + " side, only amendments signed on or before this date exist");
  cmd->add_option("--" + prefix + "without", q.without,
                  "On the " + side + " side, this amendment does not exist (repeatable)")
      ->take_all()
      ->allow_extra_args(false);
  cmd->add_option("--" + prefix + "with", q.with,
                  "On the " + side + " side, the amendments of this file exist too (repeatable)")
      ->take_all()
      ->allow_extra_args(false);
}

void add_diff_command(Program& p) {
  auto options = std::make_shared<pacta::cli::DiffOptions>();
  auto file = std::make_shared<std::string>();
  auto* cmd = p.app.add_subcommand(
      "diff", "Where the answers of two scenarios or two versions of a contract differ over time");
  cmd->add_option("FILE", *file, "Rule file: the base side")->required();
  cmd->add_option("OTHER", options->other_file, "Rule file of the other side (default: FILE)");
  cmd->add_option("--action", options->action,
                  "Compare only the instances of this action pattern, e.g. 'sell_models(openai)'");
  cmd->add_option("--from", options->from, "First day compared (YYYY-MM-DD, or today)");
  cmd->add_option("--to", options->to, "Last day compared (YYYY-MM-DD, or today)");
  add_diff_side(cmd, options->other, "", "other");
  add_diff_side(cmd, options->base, "base-", "base");
  // What is unknown is unknown on both sides: it is the question's, not a scenario's.
  cmd->add_option("--unknown", options->other.unknown,
                  "Leave a fact unknown on both sides, setting its default aside: the changes "
                  "split into cases over its values (repeatable)")
      ->take_all()
      ->allow_extra_args(false);
  cmd->add_flag("--by", options->by, "Deciding clauses that differ count as a change too");
  cmd->add_flag("--fail-on-change", options->fail_on_change, "Exit 1 when anything differs");
  add_format(cmd, p.format);
  p.runners[cmd] = [options, file](const CommonOptions& common) {
    options->base.common = common;
    options->other.common = common;
    options->base.file = *file;
    options->base.flag_prefix = "--base-";
    options->other.file = options->other_file.value_or(*file);
    options->base.unknown = options->other.unknown;
    return pacta::cli::run_diff(*options);
  };
}

void add_repl_command(Program& p) {
  auto options = std::make_shared<pacta::cli::ReplOptions>();
  auto* cmd = p.app.add_subcommand(
      "repl",
      "A what-if session: set a date, facts and amendments, and ask (:help lists the "
      "commands)");
  cmd->add_option("FILE", options->file, "Rule file")->required();
  cmd->add_option("--on", options->on, "The session's first date (YYYY-MM-DD, or today: default)");
  p.runners[cmd] = [options](const CommonOptions& common) {
    options->common = common;
    return pacta::cli::run_repl(*options);
  };
}

std::string top_help(const CLI::App& app) {
  return app.get_formatter()->make_help(&app, "pacta", CLI::AppFormatMode::Normal);
}

// The help texts, taken from the subcommands CLI11 knows (help itself is
// not a topic).
pacta::cli::HelpOptions help_options(const CLI::App& app, const CLI::App* help_cmd,
                                     const std::string& topic) {
  pacta::cli::HelpOptions options{topic, top_help(app), {}};
  for (const CLI::App* cmd : app.get_subcommands({})) {
    if (cmd != help_cmd && !cmd->get_group().empty())
      options.commands.emplace_back(cmd->get_name(), cmd->help("pacta"));
  }
  return options;
}

void add_help_command(Program& p) {
  auto topic = std::make_shared<std::string>();
  auto* cmd = p.app.add_subcommand("help", "Show help for a command");
  cmd->add_option("COMMAND", *topic, "A command");
  p.runners[cmd] = [&app = p.app, cmd, topic](const CommonOptions&) {
    return pacta::cli::run_help(help_options(app, cmd, *topic));
  };
}

// Hidden (no group): `pacta __complete WHAT FILE`, the names the shell
// completions offer (cli/commands/complete.hpp).
void add_complete_command(Program& p) {
  auto options = std::make_shared<pacta::cli::CompleteOptions>();
  auto* cmd = p.app.add_subcommand("__complete", "Names of FILE for shell completion");
  cmd->group("");
  std::vector<std::string> what(pacta::cli::kCompletable.begin(), pacta::cli::kCompletable.end());
  cmd->add_option("WHAT", options->what, "actions, parties or facts")
      ->required()
      ->check(CLI::IsMember(what));
  cmd->add_option("FILE", options->file, "Rule file")->required();
  p.runners[cmd] = [options](const CommonOptions&) { return pacta::cli::run_complete(*options); };
}

void describe_program(Program& p) {
  p.app.footer(kExitCodes);
  p.app.set_version_flag("--version", std::string("pacta ") + pacta::api::version());
  p.app.require_subcommand(0, 1);
  add_check_command(p);
  add_ask_command(p);
  add_explain_command(p);
  add_allowed_command(p);
  add_test_command(p);
  add_plan_command(p);
  add_lint_command(p);
  add_timeline_command(p);
  add_diff_command(p);
  add_repl_command(p);
  add_help_command(p);
  add_complete_command(p);
}

// CLI11's own output (--help, --version), collected and written through
// the one writer (cli/report/output.hpp).
int exit_through_writer(const CLI::App& app, const CLI::Error& e) {
  std::ostringstream out, err;
  const int code = app.exit(e, out, err);
  pacta::cli::write_out(out.str());
  pacta::cli::write_err(err.str());
  return code;
}

// The exit code when parsing ends the program (--help, --version, a bad
// flag); nullopt when a command is to run. CLI11's message quotes the
// arguments, so it is shown through visible().
// A --base-* flag given to another command than `diff`, which CLI11 reports
// only as an unexpected argument.
std::optional<std::string> base_flag_outside_diff(int argc, char** argv) {
  if (argc > 1 && std::string_view(argv[1]) == "diff") return std::nullopt;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.rfind("--base-", 0) != 0) continue;
    return std::string(arg.substr(0, arg.find('=')));
  }
  return std::nullopt;
}

std::optional<int> parse_flags(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return exit_through_writer(app, e);
  } catch (const CLI::CallForAllHelp& e) {
    return exit_through_writer(app, e);
  } catch (const CLI::CallForVersion& e) {
    return exit_through_writer(app, e);
  } catch (const CLI::ParseError& e) {
    if (auto flag = base_flag_outside_diff(argc, argv)) {
      pacta::cli::print_err(
          "pacta: error: {} is a flag of `pacta diff` (the base side's scenario)\n",
          pacta::visible(*flag));
      pacta::cli::write_err(
          "  help: a question command takes the plain flag (--assume, --facts, --as-agreed-on, "
          "--without, --with); `pacta diff FILE --base-...` compares two scenarios\n");
      return 2;
    }
    pacta::cli::print_err("pacta: error: {}\n", pacta::visible(e.what()));
    pacta::cli::write_err("  help: run 'pacta --help' or 'pacta help COMMAND'\n");
    return 2;
  }
  return std::nullopt;
}

// no-color.org: NO_COLOR set to a non-empty value turns colour off.
bool no_color() {
  const char* value = std::getenv("NO_COLOR");
  return value != nullptr && value[0] != '\0';
}

// What every command shares: the --format chosen, and colour when both
// streams are terminals and NO_COLOR does not say otherwise.
CommonOptions common_options(const std::string& format) {
  const bool color = isatty(STDOUT_FILENO) && isatty(STDERR_FILENO) && !no_color();
  auto named = [&](const auto& entry) { return format == entry.first; };
  const auto& formats = pacta::cli::kFormatNames;
  auto known = std::find_if(formats.begin(), formats.end(), named);
  return {known != formats.end() ? known->second : pacta::cli::Format::Text, color};
}

// The one subcommand parsed, run; without one, the help and a usage error.
int run_parsed_command(const Program& p) {
  const std::vector<CLI::App*> parsed = p.app.get_subcommands();
  if (parsed.empty()) {
    pacta::cli::write_out(top_help(p.app));
    return 2;
  }
  return p.runners.at(parsed.front())(common_options(p.format));
}

}  // namespace

// An exception escaping here is a bug (CLI11 misconfigured, out of memory):
// it terminates the program rather than pass for an exit code.
int main(int argc, char** argv) {  // NOLINT(bugprone-exception-escape)
  Program program;
  describe_program(program);
  if (auto exit_code = parse_flags(program.app, argc, argv)) return *exit_code;
  return run_parsed_command(program);
}
