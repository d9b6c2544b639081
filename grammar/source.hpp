#pragma once
// A source file held in memory, with the mapping from byte offsets to
// 1-based lines and columns. Columns count Unicode code points, so a caret
// lands under the right character in a UTF-8 terminal.
//
// A source may hold several files one after the other (a contract and the
// amendments files of `--with`): each is a segment, its own path and lines,
// so that every offset anywhere in the checked contract names the file it
// came from. The segments are separated by one '\n' that belongs to none.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pacta {

struct Position {
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 1;  // 1-based, in code points
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);
  // The files in order (path, text), the first the main one.
  explicit SourceFile(const std::vector<std::pair<std::string, std::string>>& files);

  struct Segment {
    std::string path;
    std::size_t begin = 0, end = 0;  // byte range of its text
    std::size_t first_line = 0;      // index of its first line in the whole
  };

  // The main (first) file's path.
  const std::string& path() const { return segments_.front().path; }
  // Every file's text, the segments separated by '\n'.
  std::string_view text() const { return text_; }

  const std::vector<Segment>& segments() const { return segments_; }
  // The segment holding `offset` (its end included: a position at the end
  // of a file belongs to that file).
  const Segment& segment_at(std::size_t offset) const;
  const std::string& path_at(std::size_t offset) const { return segment_at(offset).path; }

  // Both O(log n) in the file size, whatever the length of the line: a
  // binary search of the line starts, and code points counted from a
  // checkpoint at most kStride bytes back (a 4 MB one-line file costs the
  // same per lookup as a short line).
  // Lines are counted in the segment of `offset`.
  Position position(std::size_t offset) const;
  std::uint32_t line(std::size_t offset) const;
  // The text of the line holding `offset`, without its line break.
  std::string_view line_text_at(std::size_t offset) const;
  // How a message names where `offset` is, seen from `from`: "line 12", or
  // "line 12 of PATH" when the two are in different files.
  std::string line_reference(std::size_t offset, std::size_t from) const;

 private:
  void index_lines();

  std::vector<Segment> segments_;
  std::string text_;
  std::size_t line_index(std::size_t offset) const;
  std::size_t code_points_before(std::size_t offset) const;

  static constexpr std::size_t kStride = 1024;
  std::vector<std::size_t> line_starts_;
  std::vector<std::size_t> checkpoints_;  // [k]: code points before offset k * kStride
};

}  // namespace pacta
