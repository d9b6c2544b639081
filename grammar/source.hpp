#pragma once
// A source file held in memory, with the mapping from byte offsets to
// 1-based lines and columns. Columns count Unicode code points, so a caret
// lands under the right character in a UTF-8 terminal.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pacta {

struct Position {
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 1;  // 1-based, in code points
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }

  // Both O(log n) in the file size, whatever the length of the line: a
  // binary search of the line starts, and code points counted from a
  // checkpoint at most kStride bytes back (a 4 MB one-line file costs the
  // same per lookup as a short line).
  Position position(std::size_t offset) const;
  std::uint32_t line(std::size_t offset) const;
  // The text of a 1-based line, without its line break.
  std::string_view line_text(std::uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::size_t line_index(std::size_t offset) const;
  std::size_t code_points_before(std::size_t offset) const;

  static constexpr std::size_t kStride = 1024;
  std::vector<std::size_t> line_starts_;
  std::vector<std::size_t> checkpoints_;  // [k]: code points before offset k * kStride
};

}  // namespace pacta
