// fuzz_yaml_fast: the fast YAML reader (grammar/yaml/fast_reader.hpp)
// against yaml-cpp's path on arbitrary bytes.
//
// Property (abort on violation): when the fast reader accepts a file,
// yaml-cpp's path reads it without a diagnostic and builds the same tree:
// the same node kinds, values, styles, offsets and key order
// (grammar/yaml/tree_dump.hpp). Declining is always allowed.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "grammar/yaml/fast_reader.hpp"
#include "grammar/yaml/tree_dump.hpp"

using namespace pacta;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Limits limits;
  limits.max_file_bytes = 1u << 20;
  limits.max_yaml_depth = 32;  // also the depth limit, reached by small inputs
  Diagnostics diags;
  auto file = make_source("fuzz.yaml", std::string(fuzz::as_text(data, size)), limits, diags);
  if (!file) return 0;
  const auto fast = yaml_fast::read(file->text(), 0, limits);
  if (!fast) return 0;
  const auto slow = yaml_fast::read_with_yaml_cpp(*file, 0, limits, diags);
  if (!slow || diags.has_errors()) {
    std::string said;
    for (const Diagnostic& d : diags.all()) said += render_text(d, false);
    fuzz::fail("the fast reader accepted a file yaml-cpp rejects", said, __FILE__, __LINE__);
  }
  const std::string a = yaml_dump::dump(*fast);
  const std::string b = yaml_dump::dump(*slow);
  PACTA_FUZZ_CHECK(a == b, "fast:\n" + a + "yaml-cpp:\n" + b);
  return 0;
}
