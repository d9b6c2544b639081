// A `main` for builds without libFuzzer (g++, the asan preset): feeds every
// file named on the command line, and every file under every directory named
// (recursively, in sorted order), to LLVMFuzzerTestOneInput once. ctest runs
// it on tests/fuzz/corpus/<target>/, so the corpora are regression tests in
// every build. Exit status 1 when there was nothing to replay (a misspelt
// path would otherwise pass silently); a failing input aborts.
#include <sys/resource.h>

// clang spells "built with ASan" as a feature test, g++ as __SANITIZE_ADDRESS__.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PACTA_REPLAY_ASAN 1
#endif
#endif

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

bool collect(const fs::path& path, std::vector<fs::path>& out) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    out.push_back(path);
    return true;
  }
  if (!fs::is_directory(path, ec)) {
    std::fprintf(stderr, "replay: %s: not a file or directory\n", path.c_str());
    return false;
  }
  std::vector<fs::path> found;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) found.push_back(it->path());
  }
  if (ec) {
    std::fprintf(stderr, "replay: %s: %s\n", path.c_str(), ec.message().c_str());
    return false;
  }
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
  return true;
}

// Each input must fit the fuzzers' memory limit (-rss_limit_mb=1024 in
// run_fuzzers.sh, docs/limits.md): without a sanitizer the replay runs under
// a 1 GiB address-space limit, so an input that needs more gets
// std::bad_alloc instead of taking the machine's memory. ASan
// reserves terabytes of address space for its shadow: under it, the limit is
// left to the fuzzers.
void bound_memory() {
#if !defined(__SANITIZE_ADDRESS__) && !defined(PACTA_REPLAY_ASAN)
  constexpr rlim_t kLimit = rlim_t{1} << 30;
  rlimit limit{};
  if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur > kLimit) {
    limit.rlim_cur = kLimit;
    setrlimit(RLIMIT_AS, &limit);
  }
#endif
}

}  // namespace

int main(int argc, char** argv) {
  bound_memory();
  std::vector<fs::path> files;
  bool ok = true;
  for (int i = 1; i < argc; ++i) ok = collect(argv[i], files) && ok;
  if (!ok) return 1;
  if (files.empty()) {
    std::fprintf(stderr, "replay: no inputs (usage: %s DIR_OR_FILE...)\n", argv[0]);
    return 1;
  }
  std::size_t bytes = 0;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
      return 1;
    }
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // An exactly-sized heap copy, so that ASan sees any read past the end.
    auto data = std::make_unique<std::uint8_t[]>(content.size() + (content.empty() ? 1 : 0));
    std::copy(content.begin(), content.end(), data.get());
    std::printf("%s\n", file.c_str());
    std::fflush(stdout);
    LLVMFuzzerTestOneInput(data.get(), content.size());
    bytes += content.size();
  }
  std::printf("replayed %zu inputs (%zu bytes)\n", files.size(), bytes);
  return 0;
}
