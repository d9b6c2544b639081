#include "cli/report/output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace pacta::cli {

namespace {

std::string* captured[2] = {nullptr, nullptr};  // by Stream: where its bytes go instead

std::string*& capture_of(Stream stream) { return captured[stream == Stream::Out ? 0 : 1]; }

}  // namespace

CapturedStream::CapturedStream(Stream stream, std::string& into) : stream_(stream) {
  capture_of(stream) = &into;
}

CapturedStream::~CapturedStream() { capture_of(stream_) = nullptr; }

void write(Stream stream, std::string_view bytes) {
  if (std::string* into = capture_of(stream)) {
    into->append(bytes);
    return;
  }
  std::FILE* file = stream == Stream::Out ? stdout : stderr;
  // fwrite takes the length: bytes after a NUL are written like any other.
  // A short write (a closed pipe) is not retried: there is no one to tell.
  if (!bytes.empty()) std::fwrite(bytes.data(), 1, bytes.size(), file);
}

void flush(Stream stream) { std::fflush(c_stream(stream)); }

std::FILE* c_stream(Stream stream) { return stream == Stream::Out ? stdout : stderr; }

OutputFile::~OutputFile() {
  if (file_ != nullptr) std::fclose(file_);
}

std::optional<std::string> OutputFile::open(const std::string& path, bool append) {
  if (path.find('\0') != std::string::npos) return std::string("the path holds a NUL byte");
  errno = 0;
  file_ = std::fopen(path.c_str(), append ? "ab" : "wb");
  if (file_ == nullptr) return std::string(std::strerror(errno != 0 ? errno : EIO));
  return std::nullopt;
}

void OutputFile::write(std::string_view bytes) {
  if (file_ == nullptr || error_ != 0 || bytes.empty()) return;
  errno = 0;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    error_ = errno != 0 ? errno : EIO;
  }
}

std::optional<std::string> OutputFile::close() {
  if (file_ == nullptr) return std::nullopt;
  errno = 0;
  const int closed = std::fclose(file_);
  file_ = nullptr;
  if (error_ == 0 && closed != 0) error_ = errno != 0 ? errno : EIO;
  if (error_ != 0) return std::string(std::strerror(error_));
  return std::nullopt;
}

}  // namespace pacta::cli
