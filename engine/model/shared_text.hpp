#pragma once
// Immutable text shared by every copy. Clause versions copy what an
// amendment does not change: with shared text, 400 amendments of a clause
// with a 4 MB `text` hold that text once, not 400 times.
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace pacta {

// A string that never changes after construction; copies share it. The
// empty text holds nothing.
class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string s)  // NOLINT(google-explicit-constructor): assign from text
      : text_(s.empty() ? nullptr : std::make_shared<const std::string>(std::move(s))) {}

  const std::string& str() const { return text_ ? *text_ : empty_text(); }
  bool empty() const { return !text_; }
  // The storage this copy shares (nullptr when empty): copies compare equal.
  const std::string* identity() const { return text_.get(); }

  friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }

 private:
  static const std::string& empty_text() {
    static const std::string empty;
    return empty;
  }
  std::shared_ptr<const std::string> text_;
};

}  // namespace pacta
