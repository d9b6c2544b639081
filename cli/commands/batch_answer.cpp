#include "cli/commands/batch_answer.hpp"

#include <algorithm>
#include <cstring>

#include "engine/decide/question.hpp"
#include "grammar/utf8.hpp"

namespace pacta::cli {

namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// The byte offset in `text` of a 1-based line and code-point column.
std::size_t offset_of(std::string_view text, Position p) {
  std::size_t i = 0;
  for (std::uint32_t line = 1; line < p.line && i < text.size(); ++i) {
    if (text[i] == '\n') ++line;
  }
  for (std::uint32_t column = 1; column < p.column && i < text.size(); ++column) {
    ++i;
    while (i < text.size() && utf8::is_continuation(text[i])) ++i;
  }
  return i;
}

// The offset in the line of byte `decoded` of a string field's text.
std::size_t in_line(const BatchString& s, std::size_t decoded) {
  return s.offset + 1 + (s.escaped ? raw_offset(s.raw, decoded) : decoded);
}

std::string where(const Diagnostic& d) {
  if (!d.has_position) return d.file;
  return fmt::format("{}:{}:{}", d.file, d.position.line, d.position.column);
}

void count_failure(BatchTally& tally, const BatchError& e) {
  if (tally.failed++ > 0) return;
  tally.first_failed_line = e.line;
  tally.first_code = e.code;
  tally.first_column = e.column;
  tally.first_message = e.message;
}

}  // namespace

BatchAnswerer::BatchAnswerer(Portfolio& portfolio, const BatchSettings& settings)
    : portfolio_(portfolio), settings_(settings), parser_(settings.limits) {}

void BatchAnswerer::fail(Code code, std::string message, std::string help, std::size_t offset) {
  error_ = {code, std::move(message), std::move(help), offset};
}

void BatchAnswerer::answer_block(const BatchBlock& b, fmt::memory_buffer& out, BatchTally& tally) {
  const std::string_view data = b.text();
  std::uint64_t number = b.first_line;
  for (std::size_t start = 0; start < data.size(); ++number) {
    const void* nl = std::memchr(data.data() + start, '\n', data.size() - start);
    const std::size_t end =
        nl == nullptr ? data.size()
                      : static_cast<std::size_t>(static_cast<const char*>(nl) - data.data());
    std::string_view line(data.data() + start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!is_blank(line)) answer_line(line, b.capacity - start, number, out, tally);
    start = end + 1;
  }
  if (b.too_long_line != 0) {
    ++tally.answered;
    BatchError e{
        Code::E609,
        fmt::format("the line is longer than {} bytes", settings_.limits.max_batch_line_bytes),
        "split the question, or shorten its id",
        "",
        b.too_long_line,
        1};
    count_failure(tally, e);
    write_error(out, {}, e);
  }
}

void BatchAnswerer::answer_line(std::string_view line, std::size_t capacity, std::uint64_t number,
                                fmt::memory_buffer& out, BatchTally& tally) {
  ++tally.answered;
  line_ = line;
  at_.clear();
  if (parser_.parse(line, capacity, q_, error_) && answer(out)) return;
  BatchError e{error_.code, std::move(error_.message),     std::move(error_.help), std::move(at_),
               number,      column_of(line, error_.offset)};
  count_failure(tally, e);
  write_error(out, q_.id, e);
}

BatchAnswerer::Seat* BatchAnswerer::seat_for(std::string_view path,
                                             std::optional<Date> as_agreed_on) {
  ++clock_;
  auto is = [&](const Seat& s) {
    return s.scenario->as_agreed_on == as_agreed_on && s.scenario->contract->path == path;
  };
  if (last_ != nullptr && is(*last_)) return last_->used = clock_, last_;
  for (auto& s : seats_) {
    if (is(*s)) return last_ = s.get(), s->used = clock_, last_;
  }
  if (seats_.size() >= std::max<std::size_t>(1, settings_.limits.max_batch_scenarios)) {
    auto oldest = std::min_element(seats_.begin(), seats_.end(),
                                   [](const auto& a, const auto& b) { return a->used < b->used; });
    seats_.erase(oldest);
  }
  auto seat = std::make_unique<Seat>();
  seat->scenario = portfolio_.get(path, as_agreed_on);
  if (seat->scenario->compiled) seat->decider.emplace(*seat->scenario->compiled);
  seat->used = clock_;
  last_ = seat.get();
  seats_.push_back(std::move(seat));
  return last_;
}

const BatchAnswerer::Instance* BatchAnswerer::instance(Seat& seat) {
  const BatchString& ask = q_.ask;
  if (const Instance* hit = seat.asks.find(ask.text)) return hit;
  const Contract& c = seat.scenario->contract->contract();
  Diagnostics diags;
  auto pattern = parse_question_pattern(c, ask.text, settings_.limits, diags);
  if (!pattern) {
    const Diagnostic& d = diags.all().front();
    fail(d.code, d.message, d.help, in_line(ask, offset_of(ask.text, d.position)));
    return nullptr;
  }
  const ActionDecl& a = c.actions[pattern->action];
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    if (pattern->arg_values[i] >= 0) continue;
    std::vector<std::string> example;
    for (std::size_t k = 0; k < a.params.size(); ++k) {
      const int v = pattern->arg_values[k];
      example.push_back(c.value_text(a.params[k].type, v >= 0 ? v : 0));
    }
    fail(Code::E609,
         fmt::format("'ask' must name one instance, but param '{}' has no value", a.params[i].name),
         fmt::format("give every param, e.g. {}({})", a.name, fmt::join(example, ", ")),
         in_line(ask, 0));
    return nullptr;
  }
  if (seat.asks.size() >= settings_.limits.max_batch_cached_asks) seat.asks.clear();
  return seat.asks.add(ask.text, Instance{pattern->action, std::move(pattern->arg_values)});
}

bool BatchAnswerer::date_of(const BatchString& s, const char* key, bool today_too, Date& out) {
  if (auto d = Date::parse(s.text)) return out = *d, true;
  Diagnostics diags;
  auto d = parse_date_flag(s.text, key, diags, today_too ? settings_.today : std::nullopt);
  if (d) return out = *d, true;
  const Diagnostic& e = diags.all().front();
  fail(e.code, e.message, e.help, s.offset);
  return false;
}

std::uint64_t BatchAnswerer::AskCache::hash_of(std::string_view s) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15u;
  std::uint64_t h = s.size() * kMul;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 32;
  }
  std::uint64_t w = 0;
  if (s.size() >= 8) {  // the last 8 bytes, overlapping: no loop of varying length
    std::memcpy(&w, s.data() + s.size() - 8, 8);
  } else {
    for (std::size_t k = 0; k < s.size(); ++k) {
      w |= std::uint64_t{static_cast<unsigned char>(s[k])} << (8 * k);
    }
  }
  h = (h ^ w) * kMul;
  return h ^ (h >> 29);
}

// The slot holding `text`, or the empty slot where it would go.
std::size_t BatchAnswerer::AskCache::place_of(std::string_view text, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (!s.used || (s.hash == hash && s.text == text)) return i;
  }
}

const BatchAnswerer::Instance* BatchAnswerer::AskCache::find(std::string_view text) const {
  if (slots_.empty()) return nullptr;
  const Slot& s = slots_[place_of(text, hash_of(text))];
  return s.used ? &s.instance : nullptr;
}

const BatchAnswerer::Instance* BatchAnswerer::AskCache::add(std::string_view text,
                                                            Instance instance) {
  if (2 * (used_ + 1) > slots_.size()) {  // grow: every entry to its new place
    std::vector<Slot> old(std::max<std::size_t>(16, 2 * slots_.size()));
    old.swap(slots_);
    for (Slot& s : old) {
      if (s.used) slots_[place_of(s.text, s.hash)] = std::move(s);
    }
  }
  const std::uint64_t hash = hash_of(text);
  Slot& s = slots_[place_of(text, hash)];
  if (!s.used) ++used_;
  s = {hash, true, std::string(text), std::move(instance)};
  return &s.instance;
}

void BatchAnswerer::AskCache::clear() {
  slots_.clear();
  used_ = 0;
}

std::optional<int> BatchAnswerer::fact_of(const Contract& c, std::string_view name,
                                          std::size_t place) {
  constexpr std::size_t kPlaces = 16;
  if (place >= kPlaces) return c.find_fact(name);
  auto& cache = last_->facts;
  if (place < cache.size() && cache[place].name == name) return cache[place].fact;
  if (cache.size() <= place) cache.resize(place + 1);
  cache[place].name.assign(name);  // the string's room reused: no allocation per miss
  cache[place].fact = c.find_fact(name);
  return cache[place].fact;
}

bool BatchAnswerer::assumption(const Contract& c, const BatchAssumption& a, std::size_t place) {
  auto fact = fact_of(c, a.name.text, place);
  using Kind = BatchAssumption::Kind;
  if (fact) {
    const Type& type = c.facts[*fact].type;
    const bool kind_fits = (type.kind == Type::Kind::Bool) == (a.kind == Kind::Bool) &&
                           (type.kind == Type::Kind::Number) == (a.kind == Kind::Number);
    if (!kind_fits) {
      const char* got = a.kind == Kind::Bool     ? "a boolean"
                        : a.kind == Kind::Number ? "a number"
                                                 : "a string";
      const char* wanted = type.kind == Type::Kind::Bool     ? "a JSON boolean"
                           : type.kind == Type::Kind::Number ? "a JSON number"
                                                             : "a JSON string";
      fail(Code::E403,
           fmt::format("fact '{}' is of type {}: its value is {}, got {}", a.name.text,
                       c.type_name(type), wanted, got),
           fmt::format("e.g. \"assume\": {{\"{}\": {}}}", a.name.text,
                       type.kind == Type::Kind::Bool || type.kind == Type::Kind::Number
                           ? example_value(c, type)
                           : "\"" + example_value(c, type) + "\""),
           a.value_offset);
      return false;
    }
    if (a.kind == Kind::Bool) return assumed_.emplace_back(*fact, Value::boolean(a.b)), true;
    if (type.kind == Type::Kind::Value) {
      if (auto v = c.domains[type.domain].find(a.text)) {
        return assumed_.emplace_back(*fact, Value::member(*v)), true;
      }
    } else if (type.kind == Type::Kind::Date) {
      if (auto d = Date::parse(a.text)) return assumed_.emplace_back(*fact, Value::date(*d)), true;
    } else if (auto n = Number::parse(a.text)) {
      return assumed_.emplace_back(*fact, Value::number(std::move(*n))), true;
    }
  }
  // The words of --assume for what is unknown or wrong, located in the line.
  const std::string text = fmt::format("{}={}", a.name.text, a.text);
  Diagnostics diags;
  if (auto v = parse_assumption(c, text, "assume", settings_.limits, diags)) {
    return assumed_.push_back(std::move(*v)), true;
  }
  const Diagnostic& d = diags.all().front();
  const std::size_t at = offset_of(text, d.position);
  std::size_t offset = a.name.offset;
  if (at > a.name.text.size()) {
    const std::size_t in_value = at - a.name.text.size() - 1;
    offset = a.kind == Kind::String ? in_line(a.string, in_value) : a.value_offset + in_value;
  }
  fail(d.code, d.message, d.help, offset);
  return false;
}

bool BatchAnswerer::assume(const Contract& c) {
  const auto& base = last_->scenario->contract->assumed;
  assumed_.assign(base.begin(), base.end());
  for (std::size_t i = 0; i < q_.assume.size(); ++i) {
    if (!assumption(c, q_.assume[i], i)) return false;
  }
  return true;
}

bool BatchAnswerer::answer(fmt::memory_buffer& out) {
  std::optional<Date> as_agreed_on = settings_.as_agreed_on;
  if (q_.has_as_agreed_on) {
    as_agreed_on.reset();
    Date d;
    if (!q_.as_agreed_on_null) {
      if (!date_of(q_.as_agreed_on, "'as_agreed_on'", false, d)) return false;
      as_agreed_on = d;
    }
  }
  if (!q_.has_contract && !settings_.default_file) {
    fail(Code::E609, "the line names no contract",
         "add \"contract\": \"FILE\" to the line, or give FILE on the command line", 0);
    return false;
  }
  Seat* seat = seat_for(q_.has_contract ? q_.contract.text : *settings_.default_file, as_agreed_on);
  const BatchContract& bc = *seat->scenario->contract;
  if (!bc.ok()) {
    const Diagnostic& d = bc.diags.all().front();
    at_ = where(d);
    fail(d.code, fmt::format("contract '{}' cannot be used: {}", bc.path, d.message), d.help,
         q_.has_contract ? q_.contract.offset : 0);
    return false;
  }
  const Instance* ask = instance(*seat);
  if (ask == nullptr) return false;
  Date on;
  if (!date_of(q_.on, "'on'", true, on)) return false;
  const Contract& c = bc.contract();
  if (!assume(c)) return false;
  SituationError se;
  if (!update_situation(c, seat->situation, on, assumed_, se)) {
    auto f = describe_failure(c, se.error, se.at, -1, se.named_date, "--assume",
                              bc.loaded->source.get());
    fail(f.code, std::move(f.message), std::move(f.help), q_.on.offset);
    return false;
  }
  DecisionError de;
  if (!seat->decider->decide(seat->situation, ask->action, ask->args, decision_, de)) {
    auto f =
        describe_failure(c, de.error, de.at, de.clause, -1, "--assume", bc.loaded->source.get());
    fail(f.code, std::move(f.message), std::move(f.help), q_.ask.offset);
    return false;
  }
  write_answer(out, q_.id, decision_, bc.quoted_ids);
  return true;
}

}  // namespace pacta::cli
