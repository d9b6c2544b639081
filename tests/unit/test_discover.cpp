// engine/discover: the directory scan behind `check DIR` and `test DIR`.
// A folder that cannot be read is an error naming it, never a silently
// shorter list (a false green in `pacta test`), and the others are still
// searched. Permission bits do not stop root (tests may run as root), so
// the unreadable folder here is one whose path is longer than PATH_MAX:
// opening it fails with ENAMETOOLONG whoever runs the test.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <climits>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/discover.hpp"
#include "engine/testing/test_runner.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using pacta::Code;
using pacta::Diagnostics;
using pacta::FileSearch;
using TempDir = pacta::testing::TempDir;

namespace {

FileSearch test_files() {
  FileSearch s;
  s.name_matches = [](const std::string& n) { return n.ends_with(".test.yaml"); };
  s.none_found = "none in '{}'";
  s.none_found_help = "help";
  return s;
}

// Folders nested below `base` until their path is longer than PATH_MAX,
// made and removed through descriptors (a path that long cannot be named).
class TooDeep {
 public:
  explicit TooDeep(const fs::path& base) {
    fds_.push_back(::open(base.c_str(), O_RDONLY | O_DIRECTORY));
    REQUIRE(fds_.back() >= 0);
    for (std::size_t length = base.string().size(); length <= PATH_MAX;
         length += name_.size() + 1) {
      REQUIRE(::mkdirat(fds_.back(), name_.c_str(), 0755) == 0);
      fds_.push_back(::openat(fds_.back(), name_.c_str(), O_RDONLY | O_DIRECTORY));
      REQUIRE(fds_.back() >= 0);
    }
    // A test file at the bottom, which no path can reach.
    const int fd = ::openat(fds_.back(), "deep.test.yaml", O_WRONLY | O_CREAT, 0644);
    REQUIRE(fd >= 0);
    ::close(fd);
  }
  ~TooDeep() {
    ::unlinkat(fds_.back(), "deep.test.yaml", 0);
    for (std::size_t i = fds_.size() - 1; i > 0; --i) {
      ::close(fds_[i]);
      ::unlinkat(fds_[i - 1], name_.c_str(), AT_REMOVEDIR);
    }
    ::close(fds_.front());
  }
  TooDeep(const TooDeep&) = delete;
  TooDeep& operator=(const TooDeep&) = delete;

 private:
  std::string name_ = std::string(200, 'd');
  std::vector<int> fds_;
};

}  // namespace

TEST_CASE("files under a directory: matching names, sorted, every depth", "[discover]") {
  TempDir dir("pacta_discover");
  for (const char* f :
       {"z.test.yaml", "a/b/c/d.test.yaml", "a/rules.yaml", "m.test.yaml", "a/a.test.yaml"}) {
    dir.file(f);
  }
  Diagnostics diags;
  auto found = pacta::files_under(dir.path.string(), test_files(), diags);
  CHECK(diags.all().empty());
  CHECK(found == std::vector<std::string>{dir / "a/a.test.yaml", dir / "a/b/c/d.test.yaml",
                                          dir / "m.test.yaml", dir / "z.test.yaml"});
}

TEST_CASE("what a matching entry is, its loader says: links and FIFOs are kept", "[discover]") {
  TempDir dir("pacta_discover");
  dir.file("real/x.test.yaml");
  fs::create_symlink("nowhere", dir / "dangling.test.yaml");
  fs::create_symlink("nowhere", dir / "other-dangling");  // not a test name: ignored
  REQUIRE(mkfifo((dir / "fifo.test.yaml").c_str(), 0600) == 0);
  // A link to a folder is not followed (a link could make the search loop),
  // nor kept as a file.
  fs::create_directory_symlink(dir / "real", dir / "linked.test.yaml");
  fs::create_directory_symlink(dir.path, dir / "real/loop");
  Diagnostics diags;
  auto found = pacta::files_under(dir.path.string(), test_files(), diags);
  CHECK(diags.all().empty());
  CHECK(found == std::vector<std::string>{dir / "dangling.test.yaml", dir / "fifo.test.yaml",
                                          dir / "real/x.test.yaml"});
}

TEST_CASE("an unreadable folder is an error, and the others are still searched", "[discover]") {
  TempDir dir("pacta_discover");
  dir.file("a/one.test.yaml");
  dir.file("z/two.test.yaml");
  fs::create_directory(dir.path / "m");
  TooDeep deep(dir.path / "m");
  Diagnostics diags;
  auto found = pacta::files_under(dir.path.string(), test_files(), diags);
  CHECK(found == std::vector<std::string>{dir / "a/one.test.yaml", dir / "z/two.test.yaml"});
  REQUIRE(diags.all().size() == 1);
  const auto& d = diags.all().front();
  CHECK(d.code == Code::E101);
  // The entry whose path is too long cannot even be told a folder.
  CHECK_THAT(d.message, Catch::StartsWith("cannot tell what '" + dir / "m/ddd") &&
                            Catch::EndsWith("' is: File name too long"));
  CHECK_FALSE(d.help.empty());
}

TEST_CASE("find_test_files: a folder error fails the run, no 'no test files' on top",
          "[discover]") {
  TempDir dir("pacta_discover");
  TooDeep deep(dir.path);
  Diagnostics diags;
  auto found = pacta::find_test_files({dir.path.string()}, diags);
  CHECK(found.empty());
  REQUIRE(diags.all().size() == 1);
  CHECK_THAT(diags.all().front().message, Catch::Contains("File name too long"));

  // A directory that cannot be opened at all is named too.
  Diagnostics missing;
  CHECK(pacta::files_under(dir / "missing", test_files(), missing).empty());
  REQUIRE(missing.all().size() == 1);
  CHECK_THAT(missing.all().front().message, Catch::Contains("No such file or directory"));
}

TEST_CASE("find_files: paths that are no directory are kept for their loader", "[discover]") {
  TempDir dir("pacta_discover");
  fs::create_symlink("loop", dir / "loop");
  Diagnostics diags;
  auto found = pacta::find_files({dir / "loop", dir / "missing.test.yaml"}, test_files(), diags);
  CHECK(diags.all().empty());
  CHECK(found == std::vector<std::string>{dir / "loop", dir / "missing.test.yaml"});
  // An empty directory: "none found".
  fs::create_directory(dir / "empty");
  CHECK(pacta::find_files({dir / "empty"}, test_files(), diags).empty());
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all().front().message == "none in '" + dir / "empty" + "'");
}
