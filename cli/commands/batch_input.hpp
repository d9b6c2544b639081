#pragma once
// The questions of `ask --batch` read as blocks of whole lines, so that
// memory stays bounded whatever the input's size: a block holds about
// `block_bytes` of lines; a line longer than Limits::max_batch_line_bytes is
// not kept but skipped to its end and reported by its number. Bytes are
// read straight into the block: nothing is copied but the start of a line
// that continues into the next block.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pacta::cli {

struct BatchBlock {
  // Whole lines, each ending in '\n' (one is added to a last line without
  // it), followed by at least batch_padding() readable bytes.
  std::unique_ptr<char[]> bytes;
  std::size_t size = 0, capacity = 0;
  std::uint64_t first_line = 1;  // the number of the first line
  // Nonzero: the line after the block's lines has this number and was too
  // long; it was skipped.
  std::uint64_t too_long_line = 0;

  std::string_view text() const { return {bytes.get(), size}; }
};

class BatchReader {
 public:
  // Reads `fd` (owned when `close` is set); `max_line` bounds a line.
  BatchReader(int fd, bool close, std::size_t max_line,
              std::size_t block_bytes = std::size_t{64} * 1024);
  ~BatchReader();
  BatchReader(const BatchReader&) = delete;
  BatchReader& operator=(const BatchReader&) = delete;

  // The next block into `b` (its storage reused); false at the end of the
  // input or after a read error (then error() says why).
  bool next(BatchBlock& b);
  const std::optional<std::string>& error() const { return error_; }

 private:
  // Up to `room` bytes appended to `b`; 0 at the end or on an error.
  std::size_t read_into(BatchBlock& b, std::size_t room);
  // Drops bytes from `from` of `b` up to and including the next line
  // break, reading as needed; false when the input ends first.
  bool skip_line(BatchBlock& b, std::size_t from);

  int fd_;
  bool close_;
  std::size_t max_line_, block_bytes_;
  std::string carry_;  // the start of a line that continues in the next block
  bool skipping_ = false, eof_ = false;
  std::uint64_t line_ = 1;  // number of the next line to start
  std::optional<std::string> error_;
};

}  // namespace pacta::cli
