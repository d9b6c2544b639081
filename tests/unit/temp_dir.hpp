#pragma once
// A fresh folder of a test's own, made with mkdtemp (the tests of several
// worktrees share /tmp, so a fixed name could collide) and removed with all
// it holds when the object goes. Used by the unit tests and the end-to-end
// tests (tests/e2e/test_special_files.cpp) alike.
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace pacta::testing {

class TempDir {
 public:
  // The folder is `<temp>/<prefix>_XXXXXX`: the prefix names the test.
  explicit TempDir(const std::string& prefix) {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "_XXXXXX")).string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // The path of NAME in the folder (NAME may hold '/').
  std::string operator/(const std::string& name) const { return (path / name).string(); }

  // Writes BYTES, as they are, to NAME (its folders made as needed); returns its path.
  std::string file(const std::string& name, const std::string& bytes = "") const {
    const std::filesystem::path p = path / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  std::filesystem::path path;
};

}  // namespace pacta::testing
