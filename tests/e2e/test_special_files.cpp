// Inputs a golden case cannot hold: FIFOs, an idle pipe as /dev/stdin,
// symbolic link loops, a folder its user may not read. Each runs the built
// `pacta` under `timeout`, so a regression that blocks (open() on a FIFO
// waits for a writer) fails the test instead of hanging it.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/e2e/run_process.hpp"
#include "tests/unit/temp_dir.hpp"

namespace fs = std::filesystem;
using pacta::testing::ProcessResult;
using pacta::testing::read_file;
using pacta::testing::run_process;
using pacta::testing::TempDir;

namespace {

const std::string kRoot = PACTA_SOURCE_DIR;
const std::string kBinary = PACTA_BINARY;
constexpr int kTimedOut = 124;  // timeout(1)'s status when it had to stop the command

// A fresh folder, readable by all so that `nobody` can run in it, holding
// the contract and test file of tests/e2e/cases/test-failing-case.
struct Workspace : TempDir {
  Workspace() : TempDir("pacta_special") {
    fs::permissions(path, fs::perms::all);
    const std::string from = kRoot + "/tests/e2e/cases/test-failing-case/";
    file("rules.yaml", read_file(from + "rules.yaml"));
    file("demo.test.yaml", read_file(from + "demo.test.yaml"));
  }
  void fifo(const std::string& name) const { REQUIRE(mkfifo((*this / name).c_str(), 0666) == 0); }
};

ProcessResult run_pacta(const Workspace& w, std::vector<std::string> args) {
  args.insert(args.begin(), {"20", kBinary});
  return run_process("/usr/bin/timeout", args, w.path.string());
}

// `pacta test TEST_FILE`, a test file with no cases whose contract is CONTRACT.
ProcessResult run_test_of(const Workspace& w, const std::string& test_file,
                          const std::string& contract) {
  w.file(test_file, "pacta-test: 1\ncontract: " + contract + "\ncases: []\n");
  return run_pacta(w, {"test", test_file});
}

}  // namespace

TEST_CASE("a FIFO given as any input file is refused at once, not waited on") {
  Workspace w;
  w.fifo("fifo.yaml");
  const std::string refused =
      "cannot read 'fifo.yaml': it is a pipe (FIFO), not a regular file [E101]\n"
      "  help: pacta reads regular files only; save the input to a file and give that\n";
  const std::vector<std::vector<std::string>> commands = {
      {"check", "fifo.yaml"},
      {"ask", "fifo.yaml", "host(acme, azure)", "--on", "2025-01-01"},
      {"allowed", "fifo.yaml", "--on", "2025-01-01"},
      {"test", "fifo.yaml"},
      {"ask", "rules.yaml", "pay(acme)", "--on", "2025-01-01", "--facts", "fifo.yaml"},
  };
  for (const auto& args : commands) {
    INFO(args[0] << " " << args[1] << " " << args.back());
    ProcessResult r = run_pacta(w, args);
    REQUIRE(r.exit_code != kTimedOut);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("fifo.yaml: error: " + refused));
  }
}

TEST_CASE("a FIFO as a test file's contract is E701 at `contract:`") {
  Workspace w;
  w.fifo("fifo.yaml");
  ProcessResult r = run_test_of(w, "f.test.yaml", "fifo.yaml");
  REQUIRE(r.exit_code != kTimedOut);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::StartsWith("f.test.yaml:2:11: error: cannot read the contract file "
                                      "'fifo.yaml': it is a pipe (FIFO), not a regular file "
                                      "[E701]\n"));
}

TEST_CASE("/dev/stdin on an idle pipe is refused, not waited on") {
  Workspace w;
  w.fifo("idle");
  // Opened read-write, the FIFO has a writer that never writes: stdin is a
  // pipe on which a read would wait for ever.
  ProcessResult r = run_process(
      "/bin/sh", {"-c", "exec 0<>idle; exec /usr/bin/timeout 20 \"$0\" check /dev/stdin", kBinary},
      w.path.string());
  REQUIRE(r.exit_code != kTimedOut);
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "/dev/stdin: error: cannot read '/dev/stdin': it is a pipe (FIFO), not a regular file "
        "[E101]\n  help: pacta reads regular files only; save the input to a file and give that\n");
}

TEST_CASE("a symbolic link loop is reported as one, not as a missing file") {
  Workspace w;
  fs::create_symlink("b.yaml", w / "a.yaml");
  fs::create_symlink("a.yaml", w / "b.yaml");
  ProcessResult check = run_pacta(w, {"check", "a.yaml"});
  CHECK(check.exit_code == 2);
  CHECK_THAT(check.err, Catch::StartsWith("a.yaml: error: cannot read 'a.yaml': too many levels "
                                          "of symbolic links (a symbolic link loop) [E101]\n"));
  ProcessResult test = run_pacta(w, {"test", "a.yaml"});
  CHECK(test.exit_code == 2);
  CHECK_THAT(test.err, Catch::Contains("symbolic link loop"));

  ProcessResult contract = run_test_of(w, "l.test.yaml", "a.yaml");
  CHECK(contract.exit_code == 2);
  CHECK_THAT(contract.err, Catch::StartsWith("l.test.yaml:2:11: error: cannot read the contract "
                                             "file 'a.yaml': too many levels of symbolic links "
                                             "(a symbolic link loop) [E701]\n"));
}

TEST_CASE("a dangling link named like a test file fails the run") {
  Workspace w;
  fs::create_symlink("gone.yaml", w / "gone.test.yaml");
  ProcessResult r = run_pacta(w, {"test", "."});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("./gone.test.yaml: error: cannot read './gone.test.yaml': it "
                                    "is a symbolic link to 'gone.yaml', which does not exist"));
  CHECK_THAT(r.out, Catch::Contains("1 passed, 2 failed"));  // demo.test.yaml still ran
}

// Permission bits do not stop root, so as root the run is made as `nobody`
// (setpriv); the folder under test is one its user may not read.
TEST_CASE("pacta test DIR: an unreadable folder fails the run, the others still run") {
  Workspace w;
  for (const char* folder : {"a", "b", "c"}) {
    fs::create_directory(w / folder);
    fs::permissions(w / folder, fs::perms::all);
    for (const char* file : {"rules.yaml", "demo.test.yaml"}) {
      fs::copy_file(w / file, w / (std::string(folder) + "/" + file));
      fs::permissions(w / (std::string(folder) + "/" + file), fs::perms::all);
    }
  }
  fs::remove(w / "demo.test.yaml");
  fs::permissions(w / "b", fs::perms::none);
  std::vector<std::string> args = {"20", kBinary, "test", "."};
  std::string program = "/usr/bin/timeout";
  if (geteuid() == 0) {
    args.insert(args.begin(), {"--reuid=65534", "--regid=65534", "--clear-groups", program});
    program = "/usr/bin/setpriv";
  }
  ProcessResult r = run_process(program, args, w.path.string());
  if (r.err.find("./a/demo.test.yaml") == std::string::npos &&
      r.out.find("./a/demo.test.yaml") == std::string::npos) {
    WARN("could not run pacta as a user without root's rights; skipped: " << r.err);
    return;
  }
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("./b: error: cannot read the folder './b': Permission denied "
                                    "[E101]\n"));
  CHECK_THAT(r.out, Catch::Contains("./c/demo.test.yaml:9: FAIL") &&
                        Catch::Contains("2 passed, 4 failed"));
}
