#include "tests/resource/bounded_run.hpp"

#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>

namespace pacta::testing {

namespace {

// Output beyond this is a failure in itself (the child gets SIGXFSZ), and
// keeps a runaway child from filling the disk.
constexpr rlim_t kMaxOutputFileBytes = rlim_t{1} << 30;
constexpr std::size_t kErrHeadBytes = 64 * 1024;

std::size_t file_size(int fd) {
  struct stat st {};
  return fstat(fd, &st) == 0 ? static_cast<std::size_t>(st.st_size) : 0;
}

std::string read_head(int fd, std::size_t limit) {
  std::string text(limit, '\0');
  ssize_t n = pread(fd, text.data(), limit, 0);
  text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  return text;
}

int scratch_file(const char* tag) {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/pacta-resource-" + tag + "-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) throw std::runtime_error("mkstemp failed for " + path);
  unlink(path.c_str());  // the descriptor keeps it alive
  return fd;
}

// Runs in the child between fork and exec: only async-signal-safe calls.
[[noreturn]] void exec_child(const std::vector<char*>& argv, const std::string& cwd,
                             const RunBounds& bounds, int in_fd, int out_fd, int err_fd) {
  setpgid(0, 0);
  if (chdir(cwd.c_str()) != 0) _exit(126);
  if (bounds.address_space_bytes != 0) {
    rlimit as{bounds.address_space_bytes, bounds.address_space_bytes};
    if (setrlimit(RLIMIT_AS, &as) != 0) _exit(125);
  }
  if (bounds.cpu_seconds != 0) {
    rlimit cpu{bounds.cpu_seconds, bounds.cpu_seconds + 5};
    if (setrlimit(RLIMIT_CPU, &cpu) != 0) _exit(125);
  }
  rlimit fsize{kMaxOutputFileBytes, kMaxOutputFileBytes};
  setrlimit(RLIMIT_FSIZE, &fsize);
  dup2(in_fd, STDIN_FILENO);
  dup2(out_fd, STDOUT_FILENO);
  dup2(err_fd, STDERR_FILENO);
  execv(argv[0], argv.data());
  _exit(127);
}

double seconds_of(const timeval& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

// Waits for PID, killing its process group when the deadline passes.
// Polls, because a blocking wait cannot time out; the sleep grows to 20 ms
// so a short run is measured closely and a long one costs little.
void wait_bounded(pid_t pid, double timeout_seconds, BoundedResult& r) {
  using clock = std::chrono::steady_clock;
  auto start = clock::now();
  auto deadline = start + std::chrono::duration<double>(timeout_seconds);
  int status = 0;
  rusage usage{};
  long sleep_ns = 1'000'000;
  for (;;) {
    pid_t done = wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    if (done < 0) throw std::runtime_error("wait4 failed");
    if (clock::now() >= deadline) {
      r.timed_out = true;
      kill(-pid, SIGKILL);
      kill(pid, SIGKILL);
      wait4(pid, &status, 0, &usage);
      break;
    }
    timespec pause{0, sleep_ns};
    nanosleep(&pause, nullptr);
    sleep_ns = std::min(sleep_ns * 2, 20'000'000L);
  }
  r.wall_seconds = std::chrono::duration<double>(clock::now() - start).count();
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  r.cpu_seconds = seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
  r.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

}  // namespace

BoundedResult run_bounded(const std::string& program, const std::vector<std::string>& args,
                          const std::string& cwd, const RunBounds& bounds) {
  // Everything the child needs is built before fork: after it, the child
  // may only make async-signal-safe calls.
  // fork copies the page table, so the parent's resident memory counts
  // towards the child's peak (ru_maxrss survives exec): give freed memory
  // back first, so that what is measured is the child's own.
  malloc_trim(0);
  std::vector<std::string> words = {program};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  std::vector<std::string> env = {"NO_COLOR=1"};
  env.insert(env.end(), bounds.extra_env.begin(), bounds.extra_env.end());

  int out_fd = scratch_file("out");
  int err_fd = scratch_file("err");
  int pipe_fds[2] = {-1, -1};
  int in_fd = -1;
  if (bounds.idle_stdin_pipe) {
    if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
    in_fd = pipe_fds[0];
  } else {
    in_fd = open("/dev/null", O_RDONLY);
  }
  // The environment is set in the parent around fork (setenv is not
  // async-signal-safe), then restored.
  std::vector<std::pair<std::string, std::string>> saved;
  for (const auto& e : env) {
    auto eq = e.find('=');
    std::string name = e.substr(0, eq);
    const char* old = std::getenv(name.c_str());
    saved.emplace_back(name, old ? std::string("=") + old : std::string());
    setenv(name.c_str(), e.substr(eq + 1).c_str(), 1);
  }
  pid_t pid = fork();
  if (pid == 0) exec_child(argv, cwd, bounds, in_fd, out_fd, err_fd);
  for (const auto& [name, old] : saved) {
    if (old.empty())
      unsetenv(name.c_str());
    else
      setenv(name.c_str(), old.c_str() + 1, 1);
  }
  close(in_fd);
  if (pid < 0) throw std::runtime_error("fork failed");

  BoundedResult r;
  wait_bounded(pid, bounds.timeout_seconds, r);
  if (pipe_fds[1] >= 0) close(pipe_fds[1]);
  r.out_bytes = file_size(out_fd);
  r.err_bytes = file_size(err_fd);
  r.err_head = read_head(err_fd, kErrHeadBytes);
  close(out_fd);
  close(err_fd);
  return r;
}

}  // namespace pacta::testing
