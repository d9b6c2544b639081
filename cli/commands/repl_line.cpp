#include "cli/commands/repl_line.hpp"

#include <fmt/format.h>
#include <histedit.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "cli/report/output.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

class PlainInput final : public LineInput {
 public:
  explicit PlainInput(std::size_t max_bytes) : max_(max_bytes) {}

  std::optional<InputLine> read() override {
    InputLine line;
    int c = std::getc(stdin);
    if (c == EOF) return std::nullopt;
    for (; c != EOF && c != '\n'; c = std::getc(stdin)) {
      if (line.text.size() < max_) {
        line.text.push_back(static_cast<char>(c));
      } else {
        line.too_long = true;
      }
    }
    return line;
  }

 private:
  std::size_t max_;
};

// Makes `path`'s folder and every missing one above it, each 0700 (the XDG
// base directory rule for state); false and errno when one cannot be made.
bool make_folders(const std::string& path) {
  for (std::size_t slash = path.find('/', 1); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    const std::string folder = path.substr(0, slash);
    if (mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) return false;
  }
  return true;
}

// Several candidates, listed under the line as bash lists them: in
// columns as wide as the terminal allows.
void list_candidates(const std::vector<std::string>& words) {
  std::size_t width = 0;
  std::vector<std::string> shown;
  shown.reserve(words.size());
  for (const std::string& w : words) {
    shown.push_back(visible(w));
    width = std::max(width, shown.back().size() + 2);
  }
  winsize size{};
  const std::size_t columns =
      ioctl(fileno(c_stream(Stream::Out)), TIOCGWINSZ, &size) == 0 && size.ws_col > 0 ? size.ws_col
                                                                                      : 80;
  const std::size_t per_row = std::max<std::size_t>(1, columns / std::max<std::size_t>(width, 1));
  std::string out = "\n";
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const bool last = (i + 1) % per_row == 0 || i + 1 == shown.size();
    out += last ? shown[i] + "\n" : fmt::format("{:<{}}", shown[i], width);
  }
  write_out(out);
  flush(Stream::Out);
}

class TerminalInput final : public LineInput {
 public:
  TerminalInput(TerminalSetup setup, std::size_t max_bytes)
      : setup_(std::move(setup)), max_(max_bytes) {
    std::setlocale(LC_CTYPE, "");  // libedit reads characters as the terminal's locale says
    editor_ = el_init("pacta", stdin, c_stream(Stream::Out), c_stream(Stream::Err));
    history_ = history_init();
    history(history_, &event_, H_SETSIZE, static_cast<int>(setup_.history_size));
    history(history_, &event_, H_SETUNIQUE, 1);
    load_history();
    el_set(editor_, EL_CLIENTDATA, this);
    el_set(editor_, EL_EDITOR, "emacs");
    el_set(editor_, EL_SIGNAL, 1);
    el_set(editor_, EL_PROMPT, &TerminalInput::prompt_of);
    el_set(editor_, EL_HIST, history, history_);
    el_set(editor_, EL_ADDFN, "pacta-complete", "Complete a command, name or value",
           &TerminalInput::complete_of);
    el_set(editor_, EL_BIND, "^I", "pacta-complete", nullptr);
    el_source(editor_, nullptr);  // ~/.editrc, as every libedit program
  }

  TerminalInput(const TerminalInput&) = delete;
  TerminalInput& operator=(const TerminalInput&) = delete;

  ~TerminalInput() override {
    el_end(editor_);
    history_end(history_);
  }

  std::optional<InputLine> read() override {
    flush(Stream::Out);
    int count = 0;
    const char* text = el_gets(editor_, &count);
    if (text == nullptr || count <= 0) {
      write_out("\n");  // the prompt's line ends, as a shell's does at Ctrl-D
      return std::nullopt;
    }
    InputLine line{std::string(text, static_cast<std::size_t>(count)), false};
    while (!line.text.empty() && (line.text.back() == '\n' || line.text.back() == '\r')) {
      line.text.pop_back();
    }
    if (line.text.size() > max_) {
      line.text.resize(max_);
      line.too_long = true;
      return line;
    }
    remember(line.text);
    return line;
  }

 private:
  void warn_once(const char* what, int error) {
    if (warned_) return;
    warned_ = true;
    print_err("pacta: warning: cannot {} the history file '{}': {}; the session goes on without\n",
              what, visible(*setup_.history), std::strerror(error != 0 ? error : EIO));
  }

  void load_history() {
    if (!setup_.history) return;
    if (access(setup_.history->c_str(), F_OK) != 0) return;  // the first session: nothing yet
    errno = 0;
    if (history(history_, &event_, H_LOAD, setup_.history->c_str()) < 0) warn_once("read", errno);
  }

  // Saved after every line, so a session that is killed keeps its history.
  void remember(std::string line) {
    line.erase(line.find_last_not_of(" \t") + 1);
    if (line.empty()) return;
    history(history_, &event_, H_ENTER, line.c_str());
    if (!setup_.history || warned_) return;
    errno = 0;
    if (!make_folders(*setup_.history) ||
        history(history_, &event_, H_SAVE, setup_.history->c_str()) < 0) {
      warn_once("write", errno);
      return;
    }
    chmod(setup_.history->c_str(), 0600);
  }

  static TerminalInput* self(EditLine* editor) {
    void* data = nullptr;
    el_get(editor, EL_CLIENTDATA, &data);
    return static_cast<TerminalInput*>(data);
  }

  static char* prompt_of(EditLine* editor) {
    TerminalInput* input = self(editor);
    input->prompt_ = input->setup_.prompt ? input->setup_.prompt() : std::string();
    return input->prompt_.data();
  }

  // Tab: one candidate is inserted; several insert what they share, and
  // when they share no more than is typed, are listed.
  static unsigned char complete_of(EditLine* editor, int /*key*/) {
    TerminalInput* input = self(editor);
    const LineInfo* info = el_line(editor);
    const std::string_view before(info->buffer,
                                  static_cast<std::size_t>(info->cursor - info->buffer));
    if (!input->setup_.complete) return CC_REFRESH_BEEP;
    const Completion c = input->setup_.complete(before);
    if (c.candidates.empty() || c.from > before.size()) return CC_REFRESH_BEEP;
    const std::size_t typed = before.size() - c.from;
    std::string insert = c.candidates.size() == 1 ? c.candidates.front() + (c.space ? " " : "")
                                                  : common_prefix(c.candidates);
    // Only text that prints as itself is typed into the line.
    if (insert.size() > typed && visible(insert) == insert) {
      el_insertstr(editor, insert.substr(typed).c_str());
      return CC_REFRESH;
    }
    if (c.candidates.size() == 1) return CC_REFRESH_BEEP;
    list_candidates(c.candidates);
    return CC_REDISPLAY;
  }

  TerminalSetup setup_;
  std::size_t max_;
  EditLine* editor_ = nullptr;
  History* history_ = nullptr;
  HistEvent event_{};
  std::string prompt_;
  bool warned_ = false;
};

}  // namespace

std::unique_ptr<LineInput> plain_input(std::size_t max_bytes) {
  return std::make_unique<PlainInput>(max_bytes);
}

std::unique_ptr<LineInput> terminal_input(TerminalSetup setup, std::size_t max_bytes) {
  return std::make_unique<TerminalInput>(std::move(setup), max_bytes);
}

std::optional<std::string> history_path() {
  const char* state = std::getenv("XDG_STATE_HOME");
  if (state != nullptr && state[0] == '/') return std::string(state) + "/pacta/history";
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] != '\0') return std::string(home) + "/.local/state/pacta/history";
  return std::nullopt;
}

}  // namespace pacta::cli
