#pragma once
// The one way pacta opens an input file (rule files, test files, facts
// files, a test file's `contract:`). Paths may come from untrusted file
// content, so the reader guarantees:
//  - only regular files are read: a directory, FIFO, socket or device
//    (/dev/zero, /dev/stdin on a pipe) is refused from its type, checked
//    before opening and again on the open descriptor, which is opened
//    non-blocking, so a FIFO can never make open() or read() wait;
//  - never more than `Limits::max_file_bytes` + 1 bytes are read, whatever
//    the file claims or however it grows while read;
//  - a path holding a NUL byte is refused (a C string would silently end
//    there and open another file);
//  - every failure is worded for a diagnostic: what is wrong and a help.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "grammar/limits.hpp"

namespace pacta {

struct InputFileError {
  enum class Kind {
    NotFound,    // nothing at the path (ENOENT, also a dangling symbolic link)
    Unreadable,  // anything else that stops reading: type, permissions, loop, I/O
    TooLarge,    // over Limits::max_file_bytes (E102)
  };
  Kind kind = Kind::Unreadable;
  // Without the path, to follow "cannot read 'PATH': ": "it is a directory",
  // "Permission denied"; for TooLarge the whole message ("file is ...").
  std::string reason;
  std::string help;  // how to fix it; may be empty for NotFound (the caller knows best)
};

struct InputFile {
  std::string bytes;                    // the whole file, unchecked for encoding
  std::optional<InputFileError> error;  // set: `bytes` is empty
};

InputFile read_input_file(const std::string& path, const Limits& limits);

// "123 bytes", "20971520 bytes (20.0 MiB)": sizes as messages show them.
std::string file_size_text(std::uint64_t bytes);
// The E102 reason and help for a file of `size_text` ("more than ...").
InputFileError file_too_large(std::string_view size_text, const Limits& limits);
// A path as messages show it: a NUL byte as `\0`, so nothing after it is lost.
std::string shown_path(std::string_view path);

}  // namespace pacta
