#include "cli/report/output.hpp"

#include <cstdio>

namespace pacta::cli {

void write(Stream stream, std::string_view bytes) {
  std::FILE* file = stream == Stream::Out ? stdout : stderr;
  // fwrite takes the length: bytes after a NUL are written like any other.
  // A short write (a closed pipe) is not retried: there is no one to tell.
  if (!bytes.empty()) std::fwrite(bytes.data(), 1, bytes.size(), file);
}

}  // namespace pacta::cli
