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

  Position position(std::size_t offset) const;
  // The text of a 1-based line, without its line break.
  std::string_view line_text(std::uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace pacta
