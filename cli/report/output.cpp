#include "cli/report/output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace pacta::cli {

void write(Stream stream, std::string_view bytes) {
  std::FILE* file = stream == Stream::Out ? stdout : stderr;
  // fwrite takes the length: bytes after a NUL are written like any other.
  // A short write (a closed pipe) is not retried: there is no one to tell.
  if (!bytes.empty()) std::fwrite(bytes.data(), 1, bytes.size(), file);
}

std::optional<std::string> write_file(const std::string& path, std::string_view bytes) {
  if (path.find('\0') != std::string::npos) return std::string("the path holds a NUL byte");
  errno = 0;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"), std::fclose);
  if (!file) return std::string(std::strerror(errno != 0 ? errno : EIO));
  if (std::fwrite(bytes.data(), 1, bytes.size(), file.get()) != bytes.size()) {
    return std::string(std::strerror(errno != 0 ? errno : EIO));
  }
  if (std::fclose(file.release()) != 0) return std::string(std::strerror(errno != 0 ? errno : EIO));
  return std::nullopt;
}

}  // namespace pacta::cli
