// `pacta repl`'s state (cli/commands/repl_state.hpp): the state commands,
// the option structs a state becomes, the snapshot of the files, and lines
// run in a session (cli/commands/repl_commands.hpp) with their output
// captured: `:load` after the file changed, a file that no longer loads.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "cli/commands/question.hpp"
#include "cli/commands/repl_commands.hpp"
#include "cli/commands/repl_state.hpp"
#include "cli/report/output.hpp"
#include "tests/unit/temp_dir.hpp"

using pacta::cli::ReplState;
using Words = std::vector<std::string>;

TEST_CASE("state commands change the state as documented") {
  ReplState s;
  pacta::cli::assume_fact(s, "a=1");
  pacta::cli::assume_fact(s, "b=2");
  pacta::cli::assume_fact(s, "a=3");  // replaces, keeps its place
  CHECK(s.assume == Words{"a=3", "b=2"});
  pacta::cli::leave_unknown(s, "a");  // no longer assumed
  CHECK(s.assume == Words{"b=2"});
  CHECK(s.unknown == Words{"a"});
  pacta::cli::assume_fact(s, "a=4");  // no longer unknown
  CHECK(s.unknown.empty());
  CHECK(pacta::cli::forget_fact(s, "a"));
  CHECK_FALSE(pacta::cli::forget_fact(s, "a"));
  pacta::cli::assume_fact(s, "noequals");  // kept as typed: prepare() words the error
  CHECK(s.assume == Words{"b=2", "noequals"});
  pacta::cli::add_without(s, "x");
  pacta::cli::add_without(s, "x");
  pacta::cli::add_with(s, "f.yaml");
  CHECK(s.without == Words{"x"});
  CHECK(s.with == Words{"f.yaml"});
}

TEST_CASE("a state becomes the flags of each command") {
  ReplState s;
  s.on = "2026-01-15";
  s.assume = {"agi_declared=true"};
  s.unknown = {"u"};
  s.agreed = "2025-01-01";
  s.without = {"restructure-2025"};
  s.with = {"extra.yaml"};
  const pacta::cli::CommonOptions common{pacta::cli::Format::Text, false};
  auto q = pacta::cli::question_options("c.yaml", s, common);
  CHECK(q.file == "c.yaml");
  CHECK(q.on == "2026-01-15");
  CHECK(q.assume == Words{"agi_declared=true"});
  CHECK(q.unknown == Words{"u"});
  CHECK(q.as_agreed_on == "2025-01-01");
  CHECK(q.without == Words{"restructure-2025"});
  CHECK(q.with == Words{"extra.yaml"});
  CHECK(q.flag_prefix == "--");
  CHECK(pacta::cli::ask_options("c.yaml", s, common, "act(x)").action == "act(x)");
  CHECK(pacta::cli::explain_options("c.yaml", s, common, "act(y)").action == "act(y)");
  CHECK(pacta::cli::allowed_options("c.yaml", s, common).question.on == "2026-01-15");
  auto t = pacta::cli::timeline_options("c.yaml", s, common);
  CHECK(t.question.on.empty());  // every day
  CHECK(t.format == "text");
  ReplState base = s;
  base.without.clear();
  base.unknown.clear();
  auto d = pacta::cli::diff_options("c.yaml", base, s, common);
  CHECK(d.base.without.empty());
  CHECK(d.other.without == Words{"restructure-2025"});
  CHECK(d.base.flag_prefix == "--base-");
  CHECK(d.base.unknown == Words{"u"});  // the question's, on both sides
  CHECK(d.base.on.empty());
  CHECK(d.other.on.empty());
}

TEST_CASE(":state shows every part, untrusted text made visible") {
  ReplState s;
  s.on = "2026-01-15";
  s.without = {"a\x1b[2J"};
  const std::string text = pacta::cli::state_text("c.yaml", s);
  CHECK(text ==
        "file:    c.yaml\n"
        "on:      2026-01-15\n"
        "assume:  (none)\n"
        "unknown: (none)\n"
        "agreed:  (none)\n"
        "without: a\\e[2J\n"
        "with:    (none)\n");
}

namespace {

const char* const kContract = R"(pacta: 1
contract: shop
parties: [alice, bob]
actions:
  sell: {params: {seller: party}}
clauses:
  - id: alice-sells
    permit: sell(alice)
)";

// A session on `file` answering from its snapshot, as `pacta repl` runs one.
struct Session {
  pacta::cli::ReplSession s;
  pacta::cli::ContractSource previous;

  explicit Session(std::string file) {
    s.file = std::move(file);
    s.initial.on = "2026-01-15";
    s.state = s.initial;
    previous = pacta::cli::set_contract_source(
        [this](const std::string& f, const std::vector<std::string>& with,
               const pacta::Limits& limits,
               pacta::Diagnostics& diags) { return s.contracts.get(f, with, limits, diags); });
  }
  ~Session() { pacta::cli::set_contract_source(std::move(previous)); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // The line's exit code, and what it wrote.
  int run(const std::string& line, std::string& out, std::string& err) {
    out.clear();
    err.clear();
    const pacta::cli::CapturedStream o(pacta::cli::Stream::Out, out);
    const pacta::cli::CapturedStream e(pacta::cli::Stream::Err, err);
    return pacta::cli::run_repl_line(s, line);
  }
};

}  // namespace

TEST_CASE(":load reads the file again, answers come from the snapshot until then") {
  pacta::testing::TempDir dir("repl_load");
  const std::string file = dir.file("shop.yaml", kContract);
  Session session(file);
  std::string out, err;
  REQUIRE(session.run("sell(alice)", out, err) == 0);
  CHECK(out.find("permitted  alice-sells") != std::string::npos);
  // Edited: alice may no longer sell. Not seen before :load.
  std::string edited = kContract;
  edited.replace(edited.find("permit: sell(alice)"), 19, "forbid: sell(alice)");
  dir.file("shop.yaml", edited);
  REQUIRE(session.run("sell(alice)", out, err) == 0);
  CHECK(out.find("permitted  alice-sells") != std::string::npos);
  REQUIRE(session.run(":assume x=1", out, err) == 2);  // the state is kept through :load
  REQUIRE(session.run(":on 2027-01-01", out, err) == 0);
  REQUIRE(session.run(":load", out, err) == 0);
  CHECK(out == file + ": ok: contract 'shop', 1 clause, 0 amendments\n");
  CHECK(err.empty());
  REQUIRE(session.run("sell(alice)", out, err) == 0);
  CHECK(out.find("shop on 2027-01-01") != std::string::npos);
  CHECK(out.find("forbidden  alice-sells") != std::string::npos);

  // Broken: :load says so and the session answers from what it had.
  dir.file("shop.yaml", "pacta: 1\ncontract: [\n");
  CHECK(session.run(":load", out, err) == 2);
  CHECK(err.find("shop.yaml:") != std::string::npos);
  CHECK(err.find("did not load: the session goes on answering from the files as they were "
                 "loaded before") != std::string::npos);
  REQUIRE(session.run("sell(alice)", out, err) == 0);
  CHECK(out.find("forbidden  alice-sells") != std::string::npos);

  // Fixed, but the state no longer fits: reported, the file is taken.
  std::string renamed = edited;
  renamed.replace(renamed.find("[alice, bob]"), 12, "[carol, bob]");
  renamed.replace(renamed.find("sell(alice)"), 11, "sell(carol)");
  dir.file("shop.yaml", renamed);
  REQUIRE(session.run(":assume", out, err) == 2);
  REQUIRE(session.run(":load", out, err) == 0);
  REQUIRE(session.run("sell(alice)", out, err) == 2);
  CHECK(err.find("'alice' is not a value of party") != std::string::npos);
}

TEST_CASE("a failed state change leaves the state as it was") {
  pacta::testing::TempDir dir("repl_state");
  Session session(dir.file("shop.yaml", kContract));
  std::string out, err;
  const ReplState before = session.s.state;
  CHECK(session.run(":on 2026-02-30", out, err) == 2);
  CHECK(session.run(":assume nosuch=1", out, err) == 2);
  CHECK(err.find("unknown fact 'nosuch' [E604]") != std::string::npos);
  CHECK(session.run(":without nosuch", out, err) == 2);
  CHECK(session.run(":with " + (dir / "missing.yaml"), out, err) == 2);
  CHECK(session.run(":agreed someday", out, err) == 2);
  CHECK(session.s.state == before);
  CHECK_FALSE(session.s.before);  // nothing changed: no diff yet
  CHECK(session.run(":on 2026-02-01", out, err) == 0);
  REQUIRE(session.s.before);
  CHECK(session.s.before->on == "2026-01-15");
  CHECK(session.run(":quit", out, err) == 0);
  CHECK(session.s.quit);
}

TEST_CASE("a file of amendments fixed after an error is read again") {
  pacta::testing::TempDir dir("repl_with");
  Session session(dir.file("shop.yaml", kContract));
  const std::string with = dir.file("more.yaml", "pacta-amendments: 1\namendments: [\n");
  std::string out, err;
  CHECK(session.run(":with " + with, out, err) == 2);
  dir.file("more.yaml",
           "pacta-amendments: 1\namendments:\n  - id: bob-too\n    signed: 2026-01-01\n"
           "    add:\n      - id: bob-sells\n        permit: sell(bob)\n");
  CHECK(session.run(":with " + with, out, err) == 0);
  CHECK(session.run("sell(bob)", out, err) == 0);
  CHECK(out.find("permitted  bob-sells") != std::string::npos);
}
