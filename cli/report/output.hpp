#pragma once
// The one writer of pacta's standard output and standard error: every byte
// the program prints goes through here (tests/unit/test_output_writer.cpp
// fails when another file in cli/, engine/ or grammar/ prints). It writes
// a string_view by its length, so a NUL inside a name or a message cannot
// cut the output short; it does not change the bytes. What is written is
// made safe by the caller before: visible() for text (grammar/visible.hpp),
// escape_invalid_utf8() for JSON.
#include <fmt/format.h>

#include <cstdio>
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
// What was written to `stream` so far, delivered now (`pacta repl`, before
// it waits for a line).
void flush(Stream stream);
// The C stream behind `stream`, for the line editor of `pacta repl`
// (libedit draws its prompt and the line being edited itself): the only
// other writer of the terminal, handed the same stream so the order holds.
std::FILE* c_stream(Stream stream);
inline void write_err(std::string_view bytes) { write(Stream::Err, bytes); }

// A file written for --output, piece by piece: created or truncated by
// open(), closed by close() (or the destructor, which reports nothing).
class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();
  // nullopt when open; else why not (the system's words). `append`: added
  // at the end of the file ($GITHUB_STEP_SUMMARY), created when missing.
  std::optional<std::string> open(const std::string& path, bool append = false);
  void write(std::string_view bytes);
  // nullopt when every byte was written; else why not.
  std::optional<std::string> close();

 private:
  std::FILE* file_ = nullptr;
  int error_ = 0;  // the first errno of a failed write
};

// While one is alive, what is written to `stream` is appended to `into`
// instead: a report rendered for an --output file, or set aside. One per
// stream at a time, from the thread that writes (the commands that use it
// write from one thread).
class CapturedStream {
 public:
  CapturedStream(Stream stream, std::string& into);
  CapturedStream(const CapturedStream&) = delete;
  CapturedStream& operator=(const CapturedStream&) = delete;
  ~CapturedStream();

 private:
  Stream stream_;
};

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
