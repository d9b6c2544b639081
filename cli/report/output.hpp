#pragma once
// The one writer of pacta's standard output and standard error: every byte
// the program prints goes through here (tests/unit/test_output_writer.cpp
// fails when another file in cli/, engine/ or grammar/ prints). It writes
// a string_view by its length, so a NUL inside a name or a message cannot
// cut the output short; it does not change the bytes. What is written is
// made safe by the caller before: visible() for text (grammar/visible.hpp),
// escape_invalid_utf8() for JSON.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace pacta::cli {

enum class Stream { Out, Err };

// All of `bytes`, in order, on the stream (buffered; the streams are
// flushed at exit as usual).
void write(Stream stream, std::string_view bytes);

inline void write_out(std::string_view bytes) { write(Stream::Out, bytes); }
inline void write_err(std::string_view bytes) { write(Stream::Err, bytes); }

// All of `bytes` as the content of the file `path` (created or truncated),
// for --output. nullopt when written; else why not (the system's words).
std::optional<std::string> write_file(const std::string& path, std::string_view bytes);

// fmt::format, then write: fmt formats a std::string argument by its
// length, NULs included.
template <typename... Args>
void print_out(fmt::format_string<Args...> format, Args&&... args) {
  write_out(fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void print_err(fmt::format_string<Args...> format, Args&&... args) {
  write_err(fmt::format(format, std::forward<Args>(args)...));
}

}  // namespace pacta::cli
