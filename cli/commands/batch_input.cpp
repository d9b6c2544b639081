#include "cli/commands/batch_input.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "cli/commands/batch_line.hpp"

namespace pacta::cli {

namespace {

constexpr std::size_t kReadBytes = std::size_t{64} * 1024;

// Counted 255 bytes at a time into a byte, which compilers vectorize with
// byte lanes (std::count's 64-bit count widens every byte: 7x slower).
std::uint64_t count_lines(const char* p, std::size_t n) {
  std::uint64_t total = 0;
  while (n > 0) {
    const std::size_t chunk = std::min<std::size_t>(n, 255);
    std::uint8_t c = 0;
    for (std::size_t i = 0; i < chunk; ++i) c = static_cast<std::uint8_t>(c + (p[i] == '\n'));
    total += c;
    p += chunk;
    n -= chunk;
  }
  return total;
}

}  // namespace

BatchReader::BatchReader(int fd, bool close, std::size_t max_line, std::size_t block_bytes)
    : fd_(fd), close_(close), max_line_(max_line), block_bytes_(block_bytes) {}

BatchReader::~BatchReader() {
  if (close_) ::close(fd_);
}

std::size_t BatchReader::read_into(BatchBlock& b, std::size_t room) {
  while (!eof_) {
    const ssize_t n = ::read(fd_, b.bytes.get() + b.size, room);
    if (n > 0) {
      b.size += static_cast<std::size_t>(n);
      return static_cast<std::size_t>(n);
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) error_ = std::strerror(errno);
    eof_ = true;
  }
  return 0;
}

bool BatchReader::skip_line(BatchBlock& b, std::size_t from) {
  while (true) {
    const char* p = b.bytes.get() + from;
    if (const void* nl = std::memchr(p, '\n', b.size - from)) {
      const auto rest = static_cast<std::size_t>(static_cast<const char*>(nl) - p) + 1;
      std::memmove(b.bytes.get() + from, p + rest, b.size - from - rest);
      b.size -= rest;
      return true;
    }
    b.size = from;
    if (read_into(b, std::min(kReadBytes, b.capacity - batch_padding() - from)) == 0) return false;
  }
}

bool BatchReader::next(BatchBlock& b) {
  const std::size_t capacity = block_bytes_ + max_line_ + kReadBytes + batch_padding() + 1;
  if (b.capacity < capacity) {
    b.bytes = std::make_unique_for_overwrite<char[]>(capacity);
    b.capacity = capacity;
  }
  b.first_line = line_;
  b.too_long_line = 0;
  std::memcpy(b.bytes.get(), carry_.data(), carry_.size());
  b.size = carry_.size();
  carry_.clear();
  if (skipping_) skipping_ = !skip_line(b, 0);
  std::size_t tail = 0;  // where the line that is not complete yet starts
  if (const char* last = static_cast<const char*>(memrchr(b.bytes.get(), '\n', b.size))) {
    tail = static_cast<std::size_t>(last - b.bytes.get()) + 1;
  }
  while (!skipping_) {
    if (b.size - tail > max_line_) {  // the line at `tail` is too long: it ends the block
      line_ += count_lines(b.bytes.get(), tail);
      b.too_long_line = line_++;
      skipping_ = !skip_line(b, tail);  // reads on to the line's end
      carry_.assign(b.bytes.get() + tail, b.size - tail);
      b.size = tail;
      return true;
    }
    if (tail >= block_bytes_) break;
    const std::size_t before = b.size;
    if (read_into(b, kReadBytes) == 0) break;
    const char* fresh = b.bytes.get() + before;
    if (const char* last = static_cast<const char*>(memrchr(fresh, '\n', b.size - before))) {
      tail = static_cast<std::size_t>(last - b.bytes.get()) + 1;
    }
  }
  if (error_) return false;
  if (eof_ && tail < b.size) {  // a last line without a line break
    b.bytes[b.size++] = '\n';
    tail = b.size;
  }
  carry_.assign(b.bytes.get() + tail, b.size - tail);
  b.size = tail;
  line_ += count_lines(b.bytes.get(), b.size);
  return b.size > 0 || b.too_long_line != 0;
}

}  // namespace pacta::cli
