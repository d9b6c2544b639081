#pragma once
// User diagnostics are values: a code, a location, a message and a help
// text. They are collected, never thrown. docs/errors.md lists every code.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "grammar/codes.hpp"
#include "grammar/limits.hpp"
#include "grammar/source.hpp"
#include "grammar/suggest.hpp"  // did_you_mean, for the callers that build help texts

namespace pacta {

struct Diagnostic {
  Severity severity = Severity::Error;
  Code code{};          // stable, printed as e.g. E402 (codes.def)
  std::string message;  // what is wrong
  std::string help;     // how to fix it; may be empty
  std::string file;     // path as the user gave it; may be empty
  bool has_position = false;
  Position position;  // valid when has_position
  // The line's bytes as in the file (controls, invalid UTF-8 and all:
  // render_text makes them visible), when has_position. A long line is kept
  // as a window around the caret, marked "..." where it was cut, so that a
  // diagnostic never copies a whole 16 MiB line.
  std::string source_line;
  std::uint32_t source_caret = 0;  // the caret's byte offset in source_line
};

class Diagnostics {
 public:
  explicit Diagnostics(std::size_t max = Limits{}.max_diagnostics) : max_(max) {}

  // An error at a byte offset of `file`. Once `max` diagnostics are kept,
  // further ones are only counted: no position or source line is computed,
  // so a file with many errors on one long line stays linear.
  void error(const SourceFile& file, std::size_t offset, Code code, std::string message,
             std::string help = {});
  // An error about a file (or a flag) as a whole, without a position.
  void error(std::string file, Code code, std::string message, std::string help = {});
  void add(Diagnostic d);
  // Counts errors reported elsewhere but not kept (merging collections).
  void add_suppressed(std::size_t count) {
    error_count_ += count;
    suppressed_ += count;
  }

  bool has_errors() const { return error_count_ > 0; }
  // True once `max` diagnostics are kept: further ones are only counted, so
  // callers skip building their help texts (did-you-mean over every name is
  // linear in the file; doing it for every error would be quadratic).
  bool full() const { return list_.size() >= max_; }
  std::size_t error_count() const { return error_count_; }
  // Diagnostics beyond the limit are counted, not kept.
  std::size_t suppressed() const { return suppressed_; }
  const std::vector<Diagnostic>& all() const { return list_; }

 private:
  std::size_t max_;
  std::size_t error_count_ = 0;
  std::size_t suppressed_ = 0;
  std::vector<Diagnostic> list_;
};

// FILE:LINE:COL: error: MESSAGE [CODE], then the source line, a caret under
// the column, and `help:` when there is one. The file, message, help and
// source line are shown through visible() (grammar/visible.hpp): no control
// character or invalid byte reaches the terminal, and the caret stays under
// its character when one before it is shown as several (`\e`, `\xFF`).
std::string render_text(const Diagnostic& d, bool color);

}  // namespace pacta
