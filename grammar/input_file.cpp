#include "grammar/input_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <string_view>

namespace pacta {

std::string file_size_text(std::uint64_t bytes) {
  if (bytes >= std::uint64_t{1024} * 1024) {
    return fmt::format("{} bytes ({:.1f} MiB)", bytes,
                       static_cast<double>(bytes) / (1024.0 * 1024.0));
  }
  return fmt::format("{} bytes", bytes);
}

InputFileError file_too_large(std::string_view size_text, const Limits& limits) {
  return InputFileError{InputFileError::Kind::TooLarge,
                        fmt::format("file is {}, over the limit of {}", size_text,
                                    file_size_text(limits.max_file_bytes)),
                        "split it into several smaller files"};
}

std::string shown_path(std::string_view path) {
  std::string out;
  for (char c : path) {
    if (c == '\0')
      out += "\\0";
    else
      out += c;
  }
  return out;
}

namespace {

InputFileError unreadable(std::string reason, std::string help) {
  return InputFileError{InputFileError::Kind::Unreadable, std::move(reason), std::move(help)};
}

// A path that names nothing: a plain missing file, or a symbolic link whose
// target is missing (stat says ENOENT for both; the link deserves naming).
InputFileError not_found(const std::string& path) {
  struct stat link {};
  if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    std::array<char, 4096> target{};
    const ssize_t n = ::readlink(path.c_str(), target.data(), target.size() - 1);
    const std::string to = n > 0 ? std::string(target.data(), static_cast<std::size_t>(n)) : "";
    return unreadable(
        fmt::format("it is a symbolic link to '{}', which does not exist", shown_path(to)),
        "fix or remove the link (`ls -l` shows where it points)");
  }
  return InputFileError{InputFileError::Kind::NotFound, std::strerror(ENOENT),
                        "check the path; a relative path starts from the current directory"};
}

// What an errno from stat, open or read means to the person who gave the path.
InputFileError from_errno(int err, const std::string& path) {
  switch (err) {
    case ENOENT:
      return not_found(path);
    case ELOOP:
      return unreadable("too many levels of symbolic links (a symbolic link loop)",
                        "the path goes through symbolic links that lead back to each other; "
                        "`namei PATH` shows the chain: make it end at a file");
    case EACCES:
    case EPERM:
      return unreadable(std::strerror(err),
                        "pacta may not read the file or open one of its folders; check the "
                        "permissions (`ls -l`), e.g. `chmod a+r FILE`");
    case ENOTDIR:
      return unreadable("a part of the path before the file name is not a directory",
                        "check the path: only its last part may name a file");
    case ENAMETOOLONG:
      return unreadable("the path is too long", "use a shorter path, e.g. a relative one");
    default:
      return unreadable(std::strerror(err), "check that the path names a file pacta may read");
  }
}

const char* type_name(mode_t mode) {
  if (S_ISFIFO(mode)) return "a pipe (FIFO)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "a special file";
}

// Only regular files are read: a pipe or a device may never end (/dev/zero)
// or never answer (a FIFO without a writer, /dev/stdin on an idle pipe).
std::optional<InputFileError> wrong_type(const struct stat& st) {
  if (S_ISREG(st.st_mode)) return std::nullopt;
  if (S_ISDIR(st.st_mode))
    return unreadable("it is a directory", "give the path of a file, not of a folder");
  return unreadable(fmt::format("it is {}, not a regular file", type_name(st.st_mode)),
                    "pacta reads regular files only; save the input to a file and give that");
}

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// The bytes of an open regular file, never more than the limit plus one
// byte, whatever its size said (it may grow while read).
InputFile read_all(int fd, std::size_t size_hint, const std::string& path, const Limits& limits) {
  InputFile out;
  out.bytes.reserve(std::min(size_hint, limits.max_file_bytes));
  std::array<char, std::size_t{1} << 16> buffer{};
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      out.error = from_errno(errno, path);
      break;
    }
    if (n == 0) break;
    out.bytes.append(buffer.data(), static_cast<std::size_t>(n));
    if (out.bytes.size() > limits.max_file_bytes) {
      out.error = file_too_large(fmt::format("more than {}", file_size_text(limits.max_file_bytes)),
                                 limits);
      break;
    }
  }
  if (out.error) out.bytes.clear();
  return out;
}

InputFile failed(InputFileError error) {
  InputFile out;
  out.error = std::move(error);
  return out;
}

}  // namespace

InputFile read_input_file(const std::string& path, const Limits& limits) {
  if (path.find('\0') != std::string::npos) {
    return failed(unreadable("the path contains a NUL byte",
                             "remove the NUL byte from the path (in YAML, a `\\0` in a "
                             "double-quoted string)"));
  }
  // The type first, from the path: opening some devices has effects, and
  // opening a FIFO for reading waits for a writer.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return failed(from_errno(errno, path));
  if (auto wrong = wrong_type(st)) return failed(std::move(*wrong));
  const auto size = static_cast<std::uint64_t>(st.st_size);
  // Checked before reading: a huge file costs nothing.
  if (size > limits.max_file_bytes) return failed(file_too_large(file_size_text(size), limits));
  // Non-blocking, so that a FIFO put in the file's place since stat cannot
  // block open(); its type is checked again on what was opened.
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) return failed(from_errno(errno, path));
  if (::fstat(fd.get(), &st) != 0) return failed(from_errno(errno, path));
  if (auto wrong = wrong_type(st)) return failed(std::move(*wrong));
  return read_all(fd.get(), static_cast<std::size_t>(st.st_size), path, limits);
}

}  // namespace pacta
