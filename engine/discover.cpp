#include "engine/discover.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace pacta {

namespace {

namespace fs = std::filesystem;

void report_unreadable_folder(const fs::path& folder, const std::error_code& ec,
                              Diagnostics& diags) {
  diags.error(folder.string(), Code::E101,
              fmt::format("cannot read the folder '{}': {}", folder.string(), ec.message()),
              "every folder under a searched directory is read, so that no file is skipped "
              "unseen: make the folder readable (`ls -ld` shows its permissions), or give the "
              "files or folders you mean instead");
}

void report_unreadable_entry(const fs::path& entry, const std::error_code& ec, Diagnostics& diags) {
  diags.error(entry.string(), Code::E101,
              fmt::format("cannot tell what '{}' is: {}", entry.string(), ec.message()),
              "it may be a folder to search, so it is not skipped unseen: make its folder "
              "searchable (`chmod +x`), or give the files or folders you mean instead");
}

// The entries of one folder: files whose name matches into `found` (what
// they are, their loader says: a dangling link or a FIFO is kept and
// reported there), sub-folders onto `pending` (links to folders are not
// followed, so a link cannot make the search loop). One folder is open at
// a time, and an error is reported and ends only that folder's listing.
void list_folder(const fs::path& folder, const FileSearch& search, std::vector<std::string>& found,
                 std::vector<fs::path>& pending, Diagnostics& diags) {
  std::error_code ec;
  fs::directory_iterator it(folder, fs::directory_options::none, ec);
  for (fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
    const bool matches = search.name_matches(it->path().filename().string());
    std::error_code type_error;
    const fs::file_type type = it->symlink_status(type_error).type();
    if (type == fs::file_type::directory) {
      pending.push_back(it->path());
    } else if (matches) {
      std::error_code target_error;  // a link to a folder is no file to read
      if (!it->is_directory(target_error)) found.push_back(it->path().string());
    } else if (type_error) {
      report_unreadable_entry(it->path(), type_error, diags);
    }
  }
  // Checked after every step: an iterator at its end after an error would
  // otherwise be a shorter list that looks complete.
  if (ec) report_unreadable_folder(folder, ec, diags);
}

}  // namespace

std::vector<std::string> files_under(const std::string& dir, const FileSearch& search,
                                     Diagnostics& diags) {
  std::vector<std::string> found;
  std::vector<fs::path> pending{fs::path(dir)};  // a stack: depth costs no recursion
  while (!pending.empty()) {
    const fs::path folder = std::move(pending.back());
    pending.pop_back();
    list_folder(folder, search, found, pending, diags);
  }
  std::sort(found.begin(), found.end());
  if (search.keep) std::erase_if(found, [&](const std::string& p) { return !search.keep(p); });
  return found;
}

std::vector<std::string> find_files(const std::vector<std::string>& paths, const FileSearch& search,
                                    Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      out.push_back(p);  // a file, or a path whose loader says what is wrong with it
      continue;
    }
    const std::size_t errors_before = diags.error_count();
    auto found = files_under(p, search, diags);
    if (found.empty() && diags.error_count() == errors_before) {
      diags.error(p, Code::E101, fmt::format(fmt::runtime(search.none_found), p),
                  search.none_found_help);
    }
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

FileSearch named_like(const std::string& suffix, const std::string& help) {
  FileSearch search;
  search.name_matches = [suffix](const std::string& name) {
    return name.size() > suffix.size() && name.ends_with(suffix);
  };
  search.none_found = fmt::format("no *{} files in '{{}}'", suffix);
  search.none_found_help = help;
  return search;
}

}  // namespace pacta
