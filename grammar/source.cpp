#include "grammar/source.hpp"

#include <algorithm>

#include "grammar/utf8.hpp"

namespace pacta {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

Position SourceFile::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  std::size_t start = line_starts_[line_index];
  const std::size_t code_points =
      utf8::count_code_points(std::string_view(text_).substr(start, offset - start));
  return Position{static_cast<std::uint32_t>(line_index + 1),
                  static_cast<std::uint32_t>(code_points + 1)};
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  std::size_t start = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  std::string_view view(text_);
  view = view.substr(start, end - start);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

}  // namespace pacta
