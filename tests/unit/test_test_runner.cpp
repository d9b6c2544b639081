// `pacta test`'s runner shares contracts between test files: N test files
// naming one contract (by any spelling of its path) load it once, and give
// the same results as loading it fresh for each file.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/testing/test_runner.hpp"

using namespace pacta;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

const char* const kContract = R"yaml(pacta: 1
contract: t
parties: [acme, globex]
facts:
  limit: {type: number, default: 10}
actions:
  go: {params: {p: party}}
clauses:
  - id: c
    permit: go(acme)
    from: 2024-01-01
    when: limit > 5
amendments:
  - id: a
    signed: 2025-01-01
    repeal: [c]
)yaml";

std::string test_file(const std::string& contract, const std::string& expect) {
  return "pacta-test: 1\ncontract: " + contract +
         "\ncases:\n"
         "  - name: now\n    on: 2024-06-01\n    ask: go(acme)\n    expect: " +
         expect +
         "\n"
         "  - name: as agreed before the repeal\n    on: 2026-01-01\n"
         "    as_agreed_on: 2024-12-31\n    ask: go(acme)\n    assume: {limit: 3}\n"
         "    expect: permitted\n";
}

// What a report shows of a result.
std::vector<std::string> summary(const TestFileResult& r) {
  std::vector<std::string> out{r.file, r.loaded ? "loaded" : "not loaded"};
  for (const auto& c : r.cases) {
    std::string by;
    for (const auto& id : c.by) by += id + ",";
    out.push_back(c.name + ":" + (c.passed ? "pass" : "FAIL") + ":" + c.got + ":" + by);
  }
  return out;
}

}  // namespace

TEST_CASE("test runner: one contract named by several test files is loaded once",
          "[testing][cache]") {
  const fs::path dir = fs::temp_directory_path() / "pacta_test_runner_cache";
  fs::remove_all(dir);
  write(dir / "c.yaml", kContract);
  const std::vector<fs::path> files{dir / "a.test.yaml", dir / "sub" / "b.test.yaml",
                                    dir / "c.test.yaml"};
  write(files[0], test_file("c.yaml", "permitted"));
  write(files[1], test_file("../c.yaml", "forbidden"));  // another spelling, a failing case
  write(files[2], test_file("./c.yaml", "permitted"));

  Limits limits;
  Diagnostics shared_diags;
  ContractCache cache;
  std::vector<std::vector<std::string>> shared, fresh;
  for (const auto& f : files) {
    shared.push_back(summary(run_test_file(f.string(), limits, shared_diags, "", &cache)));
  }
  CHECK(cache.loads() == 1);
  Diagnostics fresh_diags;
  for (const auto& f : files) {
    fresh.push_back(summary(run_test_file(f.string(), limits, fresh_diags)));
  }
  CHECK(shared == fresh);
  CHECK(shared_diags.all().empty());
  CHECK(shared[1][2] == "now:FAIL:permitted:c,");
  CHECK(shared[2][3] == "as agreed before the repeal:pass:permitted:");
  fs::remove_all(dir);
}

TEST_CASE("test runner: a contract that fails to load reports its errors for every file",
          "[testing][cache]") {
  const fs::path dir = fs::temp_directory_path() / "pacta_test_runner_broken";
  fs::remove_all(dir);
  write(dir / "c.yaml", "pacta: 1\ncontract: t\nparties: [acme]\nclauses:\n  - id: x\n");
  write(dir / "a.test.yaml", test_file("c.yaml", "permitted"));
  write(dir / "b.test.yaml", test_file("c.yaml", "permitted"));
  Limits limits;
  Diagnostics diags;
  ContractCache cache;
  CHECK_FALSE(run_test_file((dir / "a.test.yaml").string(), limits, diags, "", &cache).loaded);
  const std::size_t first = diags.error_count();
  CHECK(first > 0);
  CHECK_FALSE(run_test_file((dir / "b.test.yaml").string(), limits, diags, "", &cache).loaded);
  CHECK(diags.error_count() == 2 * first);
  CHECK(cache.loads() == 2);
  fs::remove_all(dir);
}
