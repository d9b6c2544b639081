#pragma once
// The contracts of one test or plan file. Internal to engine/testing.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/load.hpp"
#include "engine/load_test_file.hpp"
#include "engine/testing/test_runner.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/files/rule_file.hpp"
#include "grammar/limits.hpp"
#include "grammar/source.hpp"

namespace pacta {

// The contracts of one test or plan file: the one it names, and that one with the
// files of amendments of each `with` list its cases, timelines or steps give,
// each loaded once (a failure too: its errors are reported once).
class TestContracts {
 public:
  // `contract` is where `source` (a test or plan file at `path`) names its
  // rule file, relative to the file's folder.
  TestContracts(const std::string& path, const SourceFile& source, const Name& contract,
                const Limits& limits, ContractCache& cache, Diagnostics& diags,
                std::string_view owner = "test file")
      : dir_(std::filesystem::path(path).parent_path()),
        owner_(owner),
        source_(source),
        contract_(contract),
        limits_(limits),
        cache_(cache),
        diags_(diags) {}

  // nullptr and a diagnostic when it does not load.
  std::shared_ptr<const LoadedContract> get(const std::vector<Name>& with) {
    std::vector<std::string> key;
    key.reserve(with.size());
    for (const Name& w : with) key.push_back(w.value);
    for (const auto& [k, loaded] : loaded_) {
      if (k == key) return loaded;
    }
    auto loaded = load(with);
    loaded_.emplace_back(std::move(key), loaded);
    return loaded;
  }

 private:
  std::shared_ptr<const LoadedContract> load(const std::vector<Name>& with) {
    const Name& contract = contract_;
    if (contract.value.empty()) return nullptr;  // reported when the file was read
    const std::string contract_path = (dir_ / contract.value).string();
    std::vector<TestFileReference> files;
    std::vector<std::string> paths;
    for (const Name& w : with) {
      files.push_back({(dir_ / w.value).string(), w.offset});
      paths.push_back(files.back().path);
    }
    return cache_.load(contract_path, paths, [&] {
      return load_test_contract({contract_path, contract.offset}, files, source_, limits_, diags_,
                                owner_);
    });
  }

  std::filesystem::path dir_;
  std::string_view owner_;
  const SourceFile& source_;
  const Name& contract_;
  const Limits& limits_;
  ContractCache& cache_;
  Diagnostics& diags_;
  std::vector<std::pair<std::vector<std::string>, std::shared_ptr<const LoadedContract>>> loaded_;
};

}  // namespace pacta
