#include "grammar/source.hpp"

#include <algorithm>

#include "grammar/input_file.hpp"
#include "grammar/utf8.hpp"

namespace pacta {

SourceFile::SourceFile(std::string path, std::string text) : text_(std::move(text)) {
  segments_.push_back(Segment{std::move(path), 0, text_.size(), 0});
  index_lines();
}

SourceFile::SourceFile(const std::vector<std::pair<std::string, std::string>>& files) {
  std::size_t size = files.size();
  for (const auto& f : files) size += f.second.size();
  text_.reserve(size);
  for (const auto& [path, text] : files) {
    if (!segments_.empty()) text_ += '\n';
    const std::size_t begin = text_.size();
    text_ += text;
    segments_.push_back(Segment{path, begin, text_.size(), 0});
  }
  if (segments_.empty()) segments_.push_back(Segment{});
  index_lines();
  for (Segment& s : segments_) s.first_line = line_index(s.begin);
}

void SourceFile::index_lines() {
  line_starts_.push_back(0);
  checkpoints_.reserve(text_.size() / kStride + 1);
  std::size_t code_points = 0;
  for (std::size_t start = 0; start < text_.size(); start += kStride) {
    checkpoints_.push_back(code_points);
    const std::size_t end = std::min(start + kStride, text_.size());
    for (std::size_t i = start; i < end; ++i) {
      if (text_[i] == '\n') line_starts_.push_back(i + 1);
      code_points += utf8::is_continuation(text_[i]) ? 0 : 1;
    }
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

const SourceFile::Segment& SourceFile::segment_at(std::size_t offset) const {
  // Few segments (a contract and its --with files): a linear scan.
  for (const Segment& s : segments_) {
    if (offset <= s.end) return s;
  }
  return segments_.back();
}

Position SourceFile::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const std::size_t index = line_index(offset);
  const std::size_t code_points =
      code_points_before(offset) - code_points_before(line_starts_[index]);
  return Position{static_cast<std::uint32_t>(index - segment_at(offset).first_line + 1),
                  static_cast<std::uint32_t>(code_points + 1)};
}

std::uint32_t SourceFile::line(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  return static_cast<std::uint32_t>(line_index(offset) - segment_at(offset).first_line + 1);
}

std::string SourceFile::line_reference(std::size_t offset, std::size_t from) const {
  const Segment& s = segment_at(offset);
  std::string out = "line " + std::to_string(line(offset));
  if (&s != &segment_at(from)) out += " of " + shown_path(s.path);
  return out;
}

std::string_view SourceFile::line_text_at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const std::size_t index = line_index(offset);
  std::size_t start = line_starts_[index];
  std::size_t end = index + 1 < line_starts_.size() ? line_starts_[index + 1] - 1 : text_.size();
  std::string_view view(text_);
  view = view.substr(start, end - start);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

}  // namespace pacta
