#include "tests/e2e/run_process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace pacta::testing {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const std::string& cwd, const std::string& stdin_path) {
  char out_path[] = "/tmp/pacta-e2e-out-XXXXXX";
  char err_path[] = "/tmp/pacta-e2e-err-XXXXXX";
  int out_fd = mkstemp(out_path);
  int err_fd = mkstemp(err_path);
  if (out_fd < 0 || err_fd < 0) throw std::runtime_error("mkstemp failed");
  // The child changes directory through a tiny shell-free trick: run the
  // program via /usr/bin/env -C DIR (coreutils 8.28+).
  std::vector<std::string> full = {"/usr/bin/env", "-C", cwd, "NO_COLOR=1", program};
  full.insert(full.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(full.size() + 1);
  for (auto& a : full) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  if (!stdin_path.empty()) {
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, stdin_path.c_str(), O_RDONLY, 0);
  }
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_fd);
  close(err_fd);
  if (rc != 0) throw std::runtime_error("posix_spawn failed");
  int status = 0;
  waitpid(pid, &status, 0);
  ProcessResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  unlink(out_path);
  unlink(err_path);
  return r;
}

namespace {

// The escapes of bash's $'...': \xHH, \e, \a, \n, \r, \t, \\ and \'.
// `at` is just past the backslash; returns the bytes and moves past them.
std::string ansi_escape(const std::string& line, std::size_t& at) {
  if (at >= line.size()) return "\\";
  const char c = line[at++];
  switch (c) {
    case 'e':
      return "\x1b";
    case 'a':
      return "\a";
    case 'n':
      return "\n";
    case 'r':
      return "\r";
    case 't':
      return "\t";
    case 'x': {
      std::size_t digits = 0;
      while (digits < 2 && at + digits < line.size() &&
             std::isxdigit(static_cast<unsigned char>(line[at + digits]))) {
        ++digits;
      }
      if (digits == 0) return "\\x";
      const auto byte = static_cast<char>(std::stoi(line.substr(at, digits), nullptr, 16));
      at += digits;
      return std::string(1, byte);
    }
    default:  // \\, \' and anything else: the character itself
      return std::string(1, c);
  }
}

}  // namespace

std::vector<std::string> split_command(const std::string& line) {
  std::vector<std::string> words;
  std::string current;
  bool in_word = false;
  char quote = 0;  // '$' inside $'...'
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote == '$') {
      if (c == '\\') {
        ++i;
        current += ansi_escape(line, i);
        --i;
      } else if (c == '\'') {
        quote = 0;
      } else {
        current += c;
      }
      continue;
    }
    if (quote) {
      if (c == quote)
        quote = 0;
      else
        current += c;
      continue;
    }
    if (c == '$' && i + 1 < line.size() && line[i + 1] == '\'') {
      quote = '$';
      in_word = true;
      ++i;
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(current);
      current.clear();
      in_word = false;
    } else {
      current += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(current);
  return words;
}

}  // namespace pacta::testing
