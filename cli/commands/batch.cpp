// `pacta ask [FILE] --batch QUESTIONS|- [--jobs N]` (SPEC §10, docs/cli.md
// "Batch questions"): JSON Lines in, one JSON answer per question out, in
// input order. The input is read in blocks of whole lines; with --jobs N,
// N threads answer blocks (each with its own BatchAnswerer) while this
// thread reads the next blocks and writes the answered ones in order. At
// most 2N + 2 blocks are in flight, so memory does not grow with the input.
#include "cli/commands/batch.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

#include "cli/commands/batch_answer.hpp"
#include "cli/commands/question.hpp"
#include "cli/report/output.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

constexpr int kMaxJobs = 256;

void add(BatchTally& total, const BatchTally& t) {
  total.answered += t.answered;
  total.failed += t.failed;
  if (total.first_failed_line == 0 && t.first_failed_line != 0) {
    total.first_failed_line = t.first_failed_line;
    total.first_code = t.first_code;
    total.first_column = t.first_column;
    total.first_message = t.first_message;
  }
}

void write_block(const fmt::memory_buffer& out) {
  write_out(std::string_view(out.data(), out.size()));
}

void run_serial(BatchReader& reader, Portfolio& portfolio, const BatchSettings& s,
                BatchTally& total) {
  BatchAnswerer answerer(portfolio, s);
  BatchBlock block;
  fmt::memory_buffer out;
  while (reader.next(block)) {
    BatchTally tally;
    answerer.answer_block(block, out, tally);
    add(total, tally);
    write_block(out);
    out.clear();
  }
}

// The blocks in flight and the workers that answer them.
class Pipeline {
 public:
  Pipeline(Portfolio& portfolio, const BatchSettings& s, int jobs)
      : slots_(static_cast<std::size_t>(2 * jobs + 2)) {
    for (int i = 0; i < jobs; ++i) {
      workers_.emplace_back([this, &portfolio, &s] { work(portfolio, s); });
    }
  }
  ~Pipeline() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
    }
    work_ready_.notify_all();
    for (auto& w : workers_) w.join();
  }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  void run(BatchReader& reader, BatchTally& total) {
    std::uint64_t read = 0, written = 0;
    while (true) {
      if (read - written == slots_.size()) {
        write_next(written++, total);
        continue;
      }
      Slot& slot = slots_[read % slots_.size()];
      if (!reader.next(slot.block)) break;
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        queue_.push_back(read++ % slots_.size());
      }
      work_ready_.notify_one();
    }
    while (written < read) write_next(written++, total);
  }

 private:
  struct Slot {
    BatchBlock block;
    fmt::memory_buffer out;
    BatchTally tally;
    bool ready = false;
  };

  void work(Portfolio& portfolio, const BatchSettings& s) {
    BatchAnswerer answerer(portfolio, s);
    while (true) {
      std::size_t index = 0;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        work_ready_.wait(lock, [&] { return closing_ || !queue_.empty(); });
        if (queue_.empty()) return;
        index = queue_.front();
        queue_.pop_front();
      }
      Slot& slot = slots_[index];
      slot.out.clear();
      slot.tally = {};
      answerer.answer_block(slot.block, slot.out, slot.tally);
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        slot.ready = true;
      }
      done_.notify_all();
    }
  }

  // Waits for block `n` to be answered, writes it and frees its slot.
  void write_next(std::uint64_t n, BatchTally& total) {
    Slot& slot = slots_[n % slots_.size()];
    {
      std::unique_lock<std::mutex> lock(mutex_);
      done_.wait(lock, [&] { return slot.ready; });
      slot.ready = false;
    }
    add(total, slot.tally);
    write_block(slot.out);
  }

  std::vector<Slot> slots_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable work_ready_, done_;
  std::deque<std::size_t> queue_;
  bool closing_ = false;
};

// The flags that do not go with --batch, and --jobs out of range.
void check_flags(const AskOptions& o, Diagnostics& diags) {
  const char* help =
      "a batch line carries its own instance and date; see docs/cli.md, \"Batch questions\"";
  if (!o.action.empty()) {
    diags.error("--batch", Code::E601, "--batch takes no ACTION: each line has its 'ask'", help);
  }
  if (!o.question.on.empty()) {
    diags.error("--batch", Code::E601, "--batch takes no --on: each line has its 'on'", help);
  }
  if (o.question.kind) diags.error("--batch", Code::E601, "--kind does not go with --batch", help);
  if (o.expect) diags.error("--batch", Code::E601, "--expect does not go with --batch", help);
  if (o.jobs < 1 || o.jobs > kMaxJobs) {
    diags.error("--jobs", Code::E601, fmt::format("--jobs takes 1 to {}, got {}", kMaxJobs, o.jobs),
                "--jobs 2 uses two threads");
  }
}

// The questions' file descriptor (stdin for `-`); -1 and a diagnostic when
// it cannot be read.
int open_questions(const std::string& path, Diagnostics& diags) {
  if (path == "-") return STDIN_FILENO;
  const int fd = path.find('\0') == std::string::npos ? ::open(path.c_str(), O_RDONLY) : -1;
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    const std::string why =
        fd < 0 ? (path.find('\0') != std::string::npos ? "the path holds a NUL byte"
                                                       : std::strerror(errno))
               : "it is a directory";
    if (fd >= 0) ::close(fd);
    diags.error(path, Code::E101, fmt::format("cannot read the questions '{}': {}", path, why),
                "give --batch a JSON Lines file, or - for standard input");
    return -1;
  }
  return fd;
}

BatchSettings settings_of(const AskOptions& o, Diagnostics& diags) {
  BatchSettings s;
  if (!o.question.file.empty()) s.default_file = o.question.file;
  s.assume = o.question.assume;
  s.facts = o.question.facts;
  s.without = o.question.without;
  s.with = o.question.with;
  if (o.question.as_agreed_on) {
    s.as_agreed_on = parse_date_flag(*o.question.as_agreed_on, "--as-agreed-on", diags);
  }
  s.today = local_today();
  return s;
}

}  // namespace

int run_batch(const AskOptions& o) {
  auto reporter = make_reporter(o.question.common.format, o.question.common.color);
  Diagnostics diags;
  check_flags(o, diags);
  const BatchSettings s = settings_of(o, diags);
  if (diags.has_errors()) return stop_on(diags, *reporter);
  Portfolio portfolio(s);
  if (s.default_file) {
    auto scenario = portfolio.get(*s.default_file, s.as_agreed_on);
    if (!scenario->contract->ok()) return stop_on(scenario->contract->diags, *reporter);
  }
  const int fd = open_questions(*o.batch, diags);
  if (fd < 0) return stop_on(diags, *reporter);
  BatchReader reader(fd, fd != STDIN_FILENO, s.limits.max_batch_line_bytes);
  BatchTally total;
  if (o.jobs == 1) {
    run_serial(reader, portfolio, s, total);
  } else {
    Pipeline(portfolio, s, o.jobs).run(reader, total);
  }
  if (reader.error()) {
    diags.error(*o.batch, Code::E101,
                fmt::format("reading the questions '{}' failed: {}", *o.batch, *reader.error()));
    return stop_on(diags, *reporter);
  }
  if (total.failed == 0) return 0;
  // One line: the count, and the first error as a located diagnostic.
  print_err(
      "pacta: {} of {} questions could not be answered (their answers carry \"error\"); the "
      "first: {}:{}:{}: {} [{}]\n",
      total.failed, total.answered, visible(*o.batch == "-" ? "<stdin>" : *o.batch),
      total.first_failed_line, total.first_column, visible(total.first_message),
      code_name(total.first_code));
  return 2;
}

}  // namespace pacta::cli
