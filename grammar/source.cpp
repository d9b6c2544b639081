#include "grammar/source.hpp"

#include <algorithm>

#include "grammar/utf8.hpp"

namespace pacta {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  checkpoints_.reserve(text_.size() / kStride + 1);
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (i % kStride == 0) checkpoints_.push_back(code_points);
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
    if (!utf8::is_continuation(text_[i])) ++code_points;
  }
  checkpoints_.push_back(code_points);  // a checkpoint at or past the end
}

std::size_t SourceFile::line_index(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::size_t>(it - line_starts_.begin()) - 1;
}

std::size_t SourceFile::code_points_before(std::size_t offset) const {
  const std::size_t k = std::min(offset / kStride, checkpoints_.size() - 1);
  const std::size_t from = std::min(k * kStride, offset);
  return checkpoints_[k] +
         utf8::count_code_points(std::string_view(text_).substr(from, offset - from));
}

Position SourceFile::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const std::size_t index = line_index(offset);
  const std::size_t code_points =
      code_points_before(offset) - code_points_before(line_starts_[index]);
  return Position{static_cast<std::uint32_t>(index + 1),
                  static_cast<std::uint32_t>(code_points + 1)};
}

std::uint32_t SourceFile::line(std::size_t offset) const {
  return static_cast<std::uint32_t>(line_index(std::min(offset, text_.size())) + 1);
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
