#pragma once
// What a screenshot shows, read with libpng: enough to tell a rendered
// timeline from a blank or failed page.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace pacta::browser {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
};

struct ScreenshotStats {
  bool ok = false;
  std::string error;  // why the file could not be read, when !ok
  std::uint32_t width = 0, height = 0;
  double ink = 0;  // the share of pixels unlike the most common colour (the background)
  // Per colour asked about: pixels within a small distance of it.
  std::array<std::size_t, 4> matches{};
};

// Reads the PNG at `path` and counts, besides the ink, the pixels near each
// of `colours` (anti-aliased edges aside, a bar's inside is its exact fill).
ScreenshotStats screenshot_stats(const std::string& path, const std::array<Rgb, 4>& colours);

}  // namespace pacta::browser
