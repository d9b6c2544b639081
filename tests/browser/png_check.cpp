#include "tests/browser/png_check.hpp"

#include <png.h>

#include <cstdlib>
#include <map>
#include <vector>

namespace pacta::browser {

namespace {

bool near(const std::uint8_t* p, Rgb c) {
  constexpr int kTolerance = 6;
  return std::abs(p[0] - c.r) <= kTolerance && std::abs(p[1] - c.g) <= kTolerance &&
         std::abs(p[2] - c.b) <= kTolerance;
}

}  // namespace

ScreenshotStats screenshot_stats(const std::string& path, const std::array<Rgb, 4>& colours) {
  ScreenshotStats out;
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (png_image_begin_read_from_file(&image, path.c_str()) == 0) {
    out.error = image.message;
    return out;
  }
  image.format = PNG_FORMAT_RGB;
  std::vector<std::uint8_t> pixels(PNG_IMAGE_SIZE(image));
  if (png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr) == 0) {
    out.error = image.message;
    png_image_free(&image);
    return out;
  }
  out.ok = true;
  out.width = image.width;
  out.height = image.height;
  const std::size_t count = std::size_t{image.width} * image.height;
  if (count == 0) return out;
  std::map<std::uint32_t, std::size_t> histogram;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint8_t* p = &pixels[i * 3];
    ++histogram[(std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2]];
    for (std::size_t c = 0; c < colours.size(); ++c) {
      if (near(p, colours[c])) ++out.matches[c];
    }
  }
  std::size_t background = 0;
  for (const auto& [colour, n] : histogram) background = std::max(background, n);
  out.ink = static_cast<double>(count - background) / static_cast<double>(count);
  return out;
}

}  // namespace pacta::browser
