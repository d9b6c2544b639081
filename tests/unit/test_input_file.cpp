// grammar/input_file: the one reader of input files. Only regular files are
// read, never past the size limit, and every failure has a reason and a
// help. (A FIFO is tested in a child process with a timeout, in
// tests/e2e/test_special_files.cpp: a regression would hang.)
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "grammar/input_file.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using pacta::InputFile;
using pacta::InputFileError;
using pacta::Limits;
using pacta::read_input_file;
using Kind = InputFileError::Kind;
using TempDir = pacta::testing::TempDir;

namespace {

InputFileError error_of(const InputFile& in) {
  REQUIRE(in.error);
  CHECK(in.bytes.empty());
  CHECK_FALSE(in.error->help.empty());
  return *in.error;
}

}  // namespace

TEST_CASE("a regular file is read whole", "[input]") {
  TempDir dir("pacta_input_file");
  InputFile in = read_input_file(dir.file("a.yaml", "pacta: 1\n"), Limits{});
  CHECK_FALSE(in.error);
  CHECK(in.bytes == "pacta: 1\n");
  // Through a symbolic link too.
  fs::create_symlink(dir / "a.yaml", dir / "link.yaml");
  CHECK(read_input_file(dir / "link.yaml", Limits{}).bytes == "pacta: 1\n");
}

TEST_CASE("a missing file is NotFound", "[input]") {
  TempDir dir("pacta_input_file");
  const InputFileError e = error_of(read_input_file(dir / "missing.yaml", Limits{}));
  CHECK(e.kind == Kind::NotFound);
  CHECK(e.reason == "No such file or directory");
}

TEST_CASE("a dangling symbolic link says where it points", "[input]") {
  TempDir dir("pacta_input_file");
  fs::create_symlink("gone.yaml", dir / "link.yaml");
  const InputFileError e = error_of(read_input_file(dir / "link.yaml", Limits{}));
  CHECK(e.kind == Kind::Unreadable);
  CHECK(e.reason == "it is a symbolic link to 'gone.yaml', which does not exist");
}

TEST_CASE("a symbolic link loop is ELOOP, not 'No such file'", "[input]") {
  TempDir dir("pacta_input_file");
  fs::create_symlink("b.yaml", dir / "a.yaml");
  fs::create_symlink("a.yaml", dir / "b.yaml");
  const InputFileError e = error_of(read_input_file(dir / "a.yaml", Limits{}));
  CHECK(e.kind == Kind::Unreadable);
  CHECK_THAT(e.reason, Catch::Contains("symbolic link loop"));
}

TEST_CASE("directories and special files are refused by their type", "[input]") {
  TempDir dir("pacta_input_file");
  const InputFileError folder = error_of(read_input_file(dir.path.string(), Limits{}));
  CHECK(folder.kind == Kind::Unreadable);
  CHECK(folder.reason == "it is a directory");
  // Devices that never end are refused before a byte is read.
  for (const char* device : {"/dev/zero", "/dev/urandom", "/dev/null"}) {
    INFO(device);
    const InputFileError e = error_of(read_input_file(device, Limits{}));
    CHECK(e.kind == Kind::Unreadable);
    CHECK(e.reason == "it is a character device, not a regular file");
  }
  // A FIFO is refused from its type without opening it (no writer here:
  // a blocking open would wait).
  REQUIRE(mkfifo((dir / "fifo").c_str(), 0600) == 0);
  CHECK(error_of(read_input_file(dir / "fifo", Limits{})).reason ==
        "it is a pipe (FIFO), not a regular file");
}

TEST_CASE("a NUL byte in a path is refused, not cut short", "[input]") {
  TempDir dir("pacta_input_file");
  const std::string real = dir.file("c.yaml", "pacta: 1\n");
  const InputFileError e = error_of(read_input_file(real + std::string("\0junk", 5), Limits{}));
  CHECK(e.kind == Kind::Unreadable);
  CHECK(e.reason == "the path contains a NUL byte");
  CHECK(pacta::shown_path(std::string("c.yaml\0junk", 11)) == "c.yaml\\0junk");
}

TEST_CASE("a path through a file is ENOTDIR", "[input]") {
  TempDir dir("pacta_input_file");
  const std::string file = dir.file("f.yaml", "x");
  const InputFileError e = error_of(read_input_file(file + "/g.yaml", Limits{}));
  CHECK(e.kind == Kind::Unreadable);
  CHECK_THAT(e.reason, Catch::Contains("not a directory"));
}

TEST_CASE("the size limit: checked before reading, and while reading", "[input]") {
  TempDir dir("pacta_input_file");
  Limits small;
  small.max_file_bytes = 10;
  CHECK_FALSE(read_input_file(dir.file("ten.yaml", std::string(10, 'x')), small).error);
  const InputFileError e =
      error_of(read_input_file(dir.file("big.yaml", std::string(11, 'x')), small));
  CHECK(e.kind == Kind::TooLarge);
  CHECK(e.reason == "file is 11 bytes, over the limit of 10 bytes");
  // A sparse 1 GiB file costs nothing.
  const std::string sparse = dir.file("sparse.yaml", "");
  fs::resize_file(sparse, std::uintmax_t{1} << 30);
  CHECK(error_of(read_input_file(sparse, Limits{})).kind == Kind::TooLarge);
}

TEST_CASE("an unreadable file says so, as a user who may not read it", "[input]") {
  TempDir dir("pacta_input_file");
  const std::string path = dir.file("secret.yaml", "pacta: 1\n");
  fs::permissions(path, fs::perms::none);
  if (geteuid() == 0) {
    // Root reads it anyway: permission bits do not stop root.
    CHECK_FALSE(read_input_file(path, Limits{}).error);
    return;
  }
  const InputFileError e = error_of(read_input_file(path, Limits{}));
  CHECK(e.kind == Kind::Unreadable);
  CHECK(e.reason == "Permission denied");
  CHECK_THAT(e.help, Catch::Contains("chmod"));
}
