// fuzz_decide: the input bytes choose a small contract (clauses, amendments,
// patterns, conditions, bounds, overrides, defaults, YAML styles) from fixed
// menus; the generator writes it as a rule file, loads it through the whole
// pipeline, and decides a few questions. Every decision is compared with a
// reference decider written here from SPEC §3 on the generator's own model
// (no engine code: dates are day numbers, conditions are C++ functions).
//
// Properties (abort on violation):
//  - a generated contract loads without diagnostics (else the generator or
//    the loader is wrong);
//  - the engine's decision (or its failure: a missing fact, division by
//    zero, date arithmetic out of range) equals the reference's;
//  - conflict iff `by` has both a forbid and an oblige; is_default iff `by`
//    is empty, and then the verdict is the action's or contract's default;
//    no overridden clause is in `by`;
//  - deciding the same question twice gives the same decision;
//  - as agreed before every amendment's signature, the contract answers as
//    the same contract written without its amendments.
#include <algorithm>
#include <array>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "fuzz_common.hpp"

using namespace pacta;
using pacta::fuzz::Bytes;

namespace {

// ---------------------------------------------------------------- dates

constexpr int kNever = INT_MAX;
constexpr int kBadDate = INT_MIN;  // date arithmetic outside 0001-01-01..9999-12-31

// Days since 1970-01-01 (H. Hinnant's days_from_civil).
constexpr int civil(int y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}
constexpr int kMaxDay = civil(9999, 12, 31);

struct Ymd {
  int y;
  unsigned m, d;
  int day() const { return civil(y, m, d); }
  Date date() const { return *Date::from_ymd(y, static_cast<int>(m), static_cast<int>(d)); }
};

// The named dates of every generated contract (see kHeader).
constexpr int kStart = civil(2020, 1, 1);  // start: 2020-01-01
constexpr int kMid = civil(2020, 7, 1);    // mid: start + 6 months
constexpr int kStop = civil(2021, 7, 1);   // stop: mid + 1 year

// Values of the date fact `event`: unset (never), or one of these. The
// precomputed columns are the results of the bound expressions below.
struct EventValue {
  const char* text;  // as assumed
  int day;           // kNever when unset
  int plus_year;     // event + 1 year, or kBadDate
};
const EventValue kEvents[] = {
    {nullptr, kNever, kNever},
    {"2020-03-01", civil(2020, 3, 1), civil(2021, 3, 1)},
    {"2020-07-01", civil(2020, 7, 1), civil(2021, 7, 1)},
    {"2020-12-31", civil(2020, 12, 31), civil(2021, 12, 31)},
    {"9999-02-01", civil(9999, 2, 1), kBadDate},    // + 1 year: out of range when deciding
    {"9999-12-20", civil(9999, 12, 20), kBadDate},  // after_event: out of range in the situation
};

// Values of the date fact `ends` (no arithmetic on it): `through: ends` on
// the last day of the calendar has no end.
struct EndsValue {
  const char* text;
  int day;
};
const EndsValue kEnds[] = {
    {nullptr, kNever}, {"2020-05-01", civil(2020, 5, 1)}, {"9999-12-31", kMaxDay}};

// ---------------------------------------------------------------- questions

struct Question {
  Ymd on;
  int action = 0;
  std::array<int, 2> args{};
  int flag = -1;   // -1: not assumed (default false)
  int count = -1;  // -1: not assumed (default 5), else the value
  int tier = -1;   // -1: not assumed (no default: unknown)
  int event = 0;   // index into kEvents; 0: not assumed
  int ends = 0;    // index into kEnds; 0: not assumed
  int agreed = 0;  // index into kAgreed; 0: all amendments

  bool flag_value() const { return flag == 1; }
  double count_value() const { return count < 0 ? 5.0 : count; }
  int event_day() const { return kEvents[event].day; }
  int ends_day() const { return kEnds[ends].day; }
  int after_event() const {  // event + 30 days
    return event_day() == kNever ? kNever : event_day() + 30;
  }
};

const Ymd kOn[] = {
    {2019, 12, 31}, {2020, 1, 1},  {2020, 2, 1},  {2020, 2, 23}, {2020, 3, 1},
    {2020, 3, 15},  {2020, 3, 16}, {2020, 3, 31}, {2020, 4, 1},  {2020, 6, 30},
    {2020, 7, 1},   {2020, 7, 2},  {2020, 7, 11}, {2020, 7, 12}, {2020, 12, 31},
    {2021, 1, 1},   {2021, 6, 1},  {2021, 7, 1},  {2021, 7, 2},  {2030, 1, 1},
};
const std::optional<Ymd> kAgreed[] = {
    std::nullopt,    Ymd{2019, 1, 1},  Ymd{2020, 2, 1}, Ymd{2020, 3, 31},
    Ymd{2020, 7, 1}, Ymd{2021, 6, 30}, Ymd{2021, 7, 1},
};
const int kCounts[] = {0, 5, 10};

// ---------------------------------------------------------------- menus

// Results of a reference evaluation.
enum Eval : int { kFalse = 0, kTrue = 1, kMissingFact = 2, kDivisionByZero = 3 };

// Actions: 0 act(who: party, hue: color), 1 solo, 2 flip(b: bool).
constexpr int kActions = 3;
const char* const kActionNames[] = {"act", "solo", "flip"};
const int kDomain[kActions][2] = {{2, 3}, {0, 0}, {2, 0}};  // domain sizes of the params
const int kParamCount[kActions] = {2, 0, 1};

struct PatternItem {
  int action;
  const char* text;
  std::array<int, 2> args;  // -1: any
};
const PatternItem kPatterns[] = {
    {0, "act", {-1, -1}},
    {0, "act(who=alice)", {0, -1}},
    {0, "act(hue=blue)", {-1, 2}},
    {0, "act(bob, _)", {1, -1}},
    {0, "act(_, green)", {-1, 1}},
    {0, "act(who=party.alice, hue=color.red)", {0, 0}},
    {0, "act(hue=_, who=bob)", {1, -1}},
    {0, "act(alice)", {0, -1}},
    {1, "solo", {-1, -1}},
    {2, "flip", {-1, -1}},
    {2, "flip(true)", {1, -1}},
    {2, "flip(b=false)", {0, -1}},
    {2, "flip(_)", {-1, -1}},
};

struct WhenItem {
  int action;  // -1: any action
  const char* text;
  Eval (*eval)(const Question& q, const std::array<int, 2>& args);
};
Eval of(bool b) { return b ? kTrue : kFalse; }
const WhenItem kWhens[] = {
    {-1, "true", [](const Question&, const std::array<int, 2>&) { return kTrue; }},
    {-1, "flag", [](const Question& q, const std::array<int, 2>&) { return of(q.flag_value()); }},
    {-1, "not flag",
     [](const Question& q, const std::array<int, 2>&) { return of(!q.flag_value()); }},
    {-1, "count > 3",
     [](const Question& q, const std::array<int, 2>&) { return of(q.count_value() > 3); }},
    {-1, "count * 2 >= 10",
     [](const Question& q, const std::array<int, 2>&) { return of(q.count_value() * 2 >= 10); }},
    {-1, "count - 5 == 0",
     [](const Question& q, const std::array<int, 2>&) { return of(q.count_value() == 5); }},
    {-1, "count / (count - 5) > 0",
     [](const Question& q, const std::array<int, 2>&) {
       if (q.count_value() == 5) return kDivisionByZero;
       return of(q.count_value() / (q.count_value() - 5) > 0);
     }},
    {-1, "tier == green",
     [](const Question& q, const std::array<int, 2>&) {
       return q.tier < 0 ? kMissingFact : of(q.tier == 1);
     }},
    {-1, "date >= mid",
     [](const Question& q, const std::array<int, 2>&) { return of(q.on.day() >= kMid); }},
    {-1, "date < after_event",
     [](const Question& q, const std::array<int, 2>&) { return of(q.on.day() < q.after_event()); }},
    {-1, "event <= date",
     [](const Question& q, const std::array<int, 2>&) { return of(q.event_day() <= q.on.day()); }},
    {-1, "(flag or count < 1) and date <= stop",
     [](const Question& q, const std::array<int, 2>&) {
       return of((q.flag_value() || q.count_value() < 1) && q.on.day() <= kStop);
     }},
    {0, "hue == red", [](const Question&, const std::array<int, 2>& a) { return of(a[1] == 0); }},
    {0, "hue in [red, blue]",
     [](const Question&, const std::array<int, 2>& a) { return of(a[1] != 1); }},
    {0, "who != alice", [](const Question&, const std::array<int, 2>& a) { return of(a[0] != 0); }},
    {0, "who == party.bob and hue not in [green]",
     [](const Question&, const std::array<int, 2>& a) { return of(a[0] == 1 && a[1] != 1); }},
    {0, "hue != color.green or flag",
     [](const Question& q, const std::array<int, 2>& a) {
       return of(a[1] != 1 || q.flag_value());
     }},
    {2, "b", [](const Question&, const std::array<int, 2>& a) { return of(a[0] == 1); }},
    {2, "not b", [](const Question&, const std::array<int, 2>& a) { return of(a[0] == 0); }},
    {2, "b == flag",
     [](const Question& q,
        const std::array<int, 2>& a) { return of((a[0] == 1) == q.flag_value()); }},
};

// A bound's value: a day, kNever, or kBadDate.
struct BoundItem {
  const char* text;
  int (*value)(const Question& q);
};
const BoundItem kBounds[] = {
    {"2020-03-15", [](const Question&) { return civil(2020, 3, 15); }},
    {"start", [](const Question&) { return kStart; }},
    {"mid", [](const Question&) { return kMid; }},
    {"stop", [](const Question&) { return kStop; }},
    {"mid + 10 days", [](const Question&) { return civil(2020, 7, 11); }},
    {"stop - 1 month", [](const Question&) { return civil(2021, 6, 1); }},
    {"start + 3 months", [](const Question&) { return civil(2020, 4, 1); }},
    {"event", [](const Question& q) { return q.event_day(); }},
    {"after_event", [](const Question& q) { return q.after_event(); }},
    {"event - 1 week",
     [](const Question& q) { return q.event_day() == kNever ? kNever : q.event_day() - 7; }},
    {"event + 1 year", [](const Question& q) { return kEvents[q.event].plus_year; }},
    {"never", [](const Question&) { return kNever; }},
    {"ends", [](const Question& q) { return q.ends_day(); }},
};

// Amendment dates: constant expressions only.
struct AmendmentDateItem {
  const char* text;
  int day;
};
const AmendmentDateItem kAmendmentDates[] = {
    {"2020-02-01", civil(2020, 2, 1)}, {"start + 3 months", civil(2020, 4, 1)}, {"mid", kMid},
    {"2020-07-01", civil(2020, 7, 1)}, {"2021-01-01", civil(2021, 1, 1)},       {"stop", kStop},
    {"2019-06-01", civil(2019, 6, 1)}, {"mid - 1 day", civil(2020, 6, 30)},
};

template <class T, std::size_t N>
constexpr unsigned count_of(const T (&)[N]) {
  return static_cast<unsigned>(N);
}

// ---------------------------------------------------------------- the model

enum ModalityChoice : int { kPermit = 0, kForbid = 1, kOblige = 2 };
const char* const kModalityKeys[] = {"permit", "forbid", "oblige"};

struct Version {
  int modality = kPermit;
  int pattern = 0;  // index into kPatterns
  int when = -1;    // index into kWhens, -1 none
  int from = -1;    // index into kBounds, -1 none
  int until = -1;   // index into kBounds, -1 none
  bool through = false;
  std::vector<int> overrides;  // clause indices, all lower than the clause's
};

struct Patch {
  std::optional<std::pair<int, int>> modality;  // modality, pattern (same action)
  std::optional<int> when, from, until;         // -1: null (removed)
  bool through = false;
  std::optional<std::vector<int>> overrides;  // empty: null (cleared)
};

struct Amendment {
  int signed_on = 0;   // index into kAmendmentDates
  int effective = -1;  // index, -1: as signed
  std::vector<int> repeal;
  std::vector<std::pair<int, Patch>> amend;
  std::vector<int> add;  // clause indices

  int signed_day() const { return kAmendmentDates[signed_on].day; }
  int effective_day() const { return kAmendmentDates[effective < 0 ? signed_on : effective].day; }
};

struct Model {
  int contract_default = -1;  // -1: not written (permitted), 0 permitted, 1 forbidden
  std::array<int, kActions> action_default{-1, -1, -1};
  std::vector<Version> clauses;  // originals, then added ones in amendment file order
  std::size_t originals = 0;
  std::vector<Amendment> amendments;  // file order
  std::vector<int> order;             // amendment indices in effective order (stable)
  unsigned style = 0;                 // YAML scalar styles, a seed
};

int action_of(const Version& v) { return kPatterns[v.pattern].action; }

int pick_pattern(Bytes& in, int action) {
  std::vector<int> fitting;
  for (unsigned i = 0; i < count_of(kPatterns); ++i) {
    if (action < 0 || kPatterns[i].action == action) fitting.push_back(static_cast<int>(i));
  }
  return fitting[in.pick(static_cast<unsigned>(fitting.size()))];
}

int pick_when(Bytes& in, int action) {
  std::vector<int> fitting;
  for (unsigned i = 0; i < count_of(kWhens); ++i) {
    if (kWhens[i].action < 0 || kWhens[i].action == action) fitting.push_back(static_cast<int>(i));
  }
  return fitting[in.pick(static_cast<unsigned>(fitting.size()))];
}

std::vector<int> pick_overrides(Bytes& in, int below) {
  std::vector<int> out;
  if (below <= 0) return out;
  const unsigned n = in.pick(3);
  for (unsigned k = 0; k < n; ++k) {
    int target = static_cast<int>(in.pick(static_cast<unsigned>(below)));
    if (std::find(out.begin(), out.end(), target) == out.end()) out.push_back(target);
  }
  return out;
}

Version make_version(Bytes& in, int index) {
  Version v;
  v.modality = static_cast<int>(in.pick(3));
  v.pattern = pick_pattern(in, -1);
  if (in.pick(3) != 0) v.when = pick_when(in, action_of(v));
  if (in.pick(3) == 0) v.from = static_cast<int>(in.pick(count_of(kBounds)));
  if (in.pick(3) == 0) {
    v.until = static_cast<int>(in.pick(count_of(kBounds)));
    v.through = in.flag();
  }
  if (in.pick(3) == 0) v.overrides = pick_overrides(in, index);
  return v;
}

Patch make_patch(Bytes& in, const Version& current, int index) {
  Patch p;
  const unsigned fields = in.byte();
  if ((fields & 1u) != 0) {
    p.modality = std::pair{static_cast<int>(in.pick(3)), pick_pattern(in, action_of(current))};
  }
  auto optional_index = [&](unsigned n) {
    return in.pick(4) == 0 ? -1 : static_cast<int>(in.pick(n));
  };
  if ((fields & 2u) != 0) {
    p.when = in.pick(4) == 0 ? -1 : pick_when(in, action_of(current));
  }
  if ((fields & 4u) != 0) p.from = optional_index(count_of(kBounds));
  if ((fields & 8u) != 0) {
    p.until = optional_index(count_of(kBounds));
    p.through = in.flag();
  }
  if ((fields & 16u) != 0) p.overrides = pick_overrides(in, index);
  return p;
}

Version apply(Version v, const Patch& p) {
  if (p.modality) {
    v.modality = p.modality->first;
    v.pattern = p.modality->second;
  }
  if (p.when) v.when = *p.when;
  if (p.from) v.from = *p.from;
  if (p.until) {
    v.until = *p.until;
    v.through = p.through;
  }
  if (p.overrides) v.overrides = *p.overrides;
  return v;
}

Model make_model(Bytes& in) {
  Model m;
  m.style = in.byte();
  m.style |= in.byte() << 8;
  m.contract_default = static_cast<int>(in.pick(3)) - 1;
  for (int& d : m.action_default) d = static_cast<int>(in.pick(3)) - 1;
  m.originals = in.pick(6);
  for (std::size_t i = 0; i < m.originals; ++i) {
    m.clauses.push_back(make_version(in, static_cast<int>(i)));
  }
  m.amendments.resize(in.pick(4));
  std::vector<unsigned> adds;
  for (Amendment& a : m.amendments) {
    a.signed_on = static_cast<int>(in.pick(count_of(kAmendmentDates)));
    if (in.flag()) a.effective = static_cast<int>(in.pick(count_of(kAmendmentDates)));
    adds.push_back(in.pick(3));
  }
  // Added clauses get their indices in amendment file order (as the loader
  // numbers them).
  for (std::size_t a = 0; a < m.amendments.size(); ++a) {
    for (unsigned k = 0; k < adds[a]; ++k) {
      const int index = static_cast<int>(m.clauses.size());
      m.amendments[a].add.push_back(index);
      m.clauses.push_back(make_version(in, index));
    }
  }
  // Repeals and amendments only of clauses that exist at that point of the
  // effective order.
  for (std::size_t a = 0; a < m.amendments.size(); ++a) m.order.push_back(static_cast<int>(a));
  std::stable_sort(m.order.begin(), m.order.end(), [&](int x, int y) {
    return m.amendments[x].effective_day() < m.amendments[y].effective_day();
  });
  std::vector<bool> exists(m.clauses.size(), false);
  std::vector<Version> current = m.clauses;
  for (std::size_t i = 0; i < m.originals; ++i) exists[i] = true;
  auto existing = [&] {
    std::vector<int> out;
    for (std::size_t i = 0; i < exists.size(); ++i) {
      if (exists[i]) out.push_back(static_cast<int>(i));
    }
    return out;
  };
  for (int a : m.order) {
    Amendment& am = m.amendments[a];
    for (unsigned k = in.pick(3); k > 0; --k) {
      auto candidates = existing();
      if (candidates.empty()) break;
      const int i = candidates[in.pick(static_cast<unsigned>(candidates.size()))];
      am.repeal.push_back(i);
      exists[i] = false;
    }
    std::vector<bool> amended(m.clauses.size(), false);
    for (unsigned k = in.pick(3); k > 0; --k) {
      auto candidates = existing();
      if (candidates.empty()) break;
      const int i = candidates[in.pick(static_cast<unsigned>(candidates.size()))];
      if (amended[i]) continue;
      amended[i] = true;
      Patch p = make_patch(in, current[i], i);
      current[i] = apply(current[i], p);
      am.amend.emplace_back(i, std::move(p));
    }
    for (int i : am.add) exists[i] = true;
  }
  return m;
}

// ---------------------------------------------------------------- YAML

// The declarations every generated contract shares. Facts: flag (default
// false), count (default 5), tier (no default), event and ends (dates
// of events: never unless assumed).
constexpr std::string_view kHeader = R"(parties: [alice, bob]
types:
  color: [red, green, blue]
facts:
  flag: {type: bool, default: false}
  count: {type: number, default: 5}
  tier: {type: color}
  event: {type: date}
  ends: {type: date}
dates:
  start: 2020-01-01
  mid: start + 6 months
  stop: mid + 1 year
  after_event: event + 30 days
)";

class Writer {
 public:
  explicit Writer(unsigned seed) : seed_(seed | 1u) {}

  // `key: value` with the value in a plain, quoted or block style.
  void scalar(int indent, std::string_view key, std::string_view value) {
    line(indent, key);
    out_ += ':';
    switch (next() % 6) {
      case 0:
      case 1:
        out_ += ' ';
        out_ += value;
        out_ += '\n';
        break;
      case 2:
        out_ += " '";
        out_ += value;
        out_ += "'\n";
        break;
      case 3:
        out_ += " \"";
        out_ += value;
        out_ += "\"\n";
        break;
      case 4:
        block(indent, " |\n", value);
        break;
      default:
        block(indent, " >-\n", value);
        break;
    }
  }
  void null_value(int indent, std::string_view key) {
    line(indent, key);
    out_ += ": null\n";
  }
  void ids(int indent, std::string_view key, const std::vector<int>& list, char prefix) {
    line(indent, key);
    out_ += ':';
    if (list.empty() || next() % 2 == 0) {
      out_ += " [";
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (i > 0) out_ += ", ";
        out_ += prefix + std::to_string(list[i]);
      }
      out_ += "]\n";
      return;
    }
    out_ += '\n';
    for (int id : list) {
      line(indent + 2, "- ");
      out_ += prefix + std::to_string(id) + '\n';
    }
  }
  void raw(std::string_view text) { out_ += text; }
  void line(int indent, std::string_view text) {
    out_.append(static_cast<std::size_t>(indent), ' ');
    out_ += text;
  }
  std::string take() { return std::move(out_); }

 private:
  void block(int indent, std::string_view header, std::string_view value) {
    out_ += header;
    out_.append(static_cast<std::size_t>(indent + 2), ' ');
    out_ += value;
    out_ += '\n';
  }
  unsigned next() {  // xorshift: styles vary without consuming input bytes
    seed_ ^= seed_ << 13;
    seed_ ^= seed_ >> 17;
    seed_ ^= seed_ << 5;
    return seed_;
  }
  unsigned seed_;
  std::string out_;
};

const char* verdict_text(int v) { return v == 1 ? "forbidden" : "permitted"; }

void write_clause(Writer& w, int indent, int index, const Version& v) {
  w.line(indent - 2, "- id: c" + std::to_string(index) + "\n");
  w.scalar(indent, kModalityKeys[v.modality], kPatterns[v.pattern].text);
  if (v.when >= 0) w.scalar(indent, "when", kWhens[v.when].text);
  if (v.from >= 0) w.scalar(indent, "from", kBounds[v.from].text);
  if (v.until >= 0) w.scalar(indent, v.through ? "through" : "until", kBounds[v.until].text);
  if (!v.overrides.empty()) w.ids(indent, "overrides", v.overrides, 'c');
}

void write_patch(Writer& w, int index, const Patch& p) {
  const int indent = 8;
  w.line(indent - 2, "- id: c" + std::to_string(index) + "\n");
  if (p.modality) {
    w.scalar(indent, kModalityKeys[p.modality->first], kPatterns[p.modality->second].text);
  }
  auto field = [&](std::string_view key, const std::optional<int>& f, auto text) {
    if (!f) return;
    if (*f < 0)
      w.null_value(indent, key);
    else
      w.scalar(indent, key, text(*f));
  };
  field("when", p.when, [](int i) { return kWhens[i].text; });
  field("from", p.from, [](int i) { return kBounds[i].text; });
  field(p.through ? "through" : "until", p.until, [](int i) { return kBounds[i].text; });
  if (p.overrides) {
    if (p.overrides->empty())
      w.null_value(indent, "overrides");
    else
      w.ids(indent, "overrides", *p.overrides, 'c');
  }
}

std::string write_yaml(const Model& m, bool with_amendments) {
  Writer w(m.style);
  w.raw("pacta: 1\ncontract: generated\n");
  if (m.contract_default >= 0) {
    w.raw(std::string("default: ") + verdict_text(m.contract_default) + "\n");
  }
  w.raw(kHeader);
  w.raw("actions:\n");
  for (int a = 0; a < kActions; ++a) {
    w.line(2, std::string(kActionNames[a]) + ":");
    if (kParamCount[a] == 0 && m.action_default[a] < 0) {
      w.raw(" {}\n");
      continue;
    }
    w.raw("\n");
    if (a == 0) w.line(4, "params: {who: party, hue: color}\n");
    if (a == 2) w.line(4, "params: {b: bool}\n");
    if (m.action_default[a] >= 0) {
      w.line(4, std::string("default: ") + verdict_text(m.action_default[a]) + "\n");
    }
  }
  w.raw(m.originals == 0 ? "clauses: []\n" : "clauses:\n");
  for (std::size_t i = 0; i < m.originals; ++i) {
    write_clause(w, 4, static_cast<int>(i), m.clauses[i]);
  }
  if (!with_amendments || m.amendments.empty()) return w.take();
  w.raw("amendments:\n");
  for (std::size_t a = 0; a < m.amendments.size(); ++a) {
    const Amendment& am = m.amendments[a];
    w.line(2, "- id: a" + std::to_string(a) + "\n");
    w.scalar(4, "signed", kAmendmentDates[am.signed_on].text);
    if (am.effective >= 0) w.scalar(4, "effective", kAmendmentDates[am.effective].text);
    if (!am.repeal.empty()) w.ids(4, "repeal", am.repeal, 'c');
    if (!am.amend.empty()) {
      w.line(4, "amend:\n");
      for (const auto& [i, p] : am.amend) write_patch(w, i, p);
    }
    if (!am.add.empty()) {
      w.line(4, "add:\n");
      for (int i : am.add) write_clause(w, 8, i, m.clauses[i]);
    }
  }
  return w.take();
}

// ---------------------------------------------------------------- reference

struct Expected {
  bool situation_error = false;
  bool error = false;
  Verdict verdict = Verdict::Permitted;
  bool is_default = false;
  std::vector<int> by, overridden;
  std::vector<int> modality;  // per clause: modality of the version in force, -1 none
};

// SPEC §3 on the model, for one question. `agreed`: as agreed on that day.
Expected reference(const Model& m, const Question& q, std::optional<int> agreed,
                   bool with_amendments) {
  Expected out;
  if (q.event_day() != kNever && q.after_event() > kMaxDay) {
    out.situation_error = true;  // the named date after_event is out of range
    return out;
  }
  const int on = q.on.day();
  // 1. The version of each clause on `on`.
  std::vector<std::optional<Version>> version(m.clauses.size());
  for (std::size_t i = 0; i < m.originals; ++i) version[i] = m.clauses[i];
  if (with_amendments) {
    for (int a : m.order) {
      const Amendment& am = m.amendments[a];
      if (agreed && am.signed_day() > *agreed) continue;  // does not exist
      if (am.effective_day() > on) continue;              // not yet effective
      for (int i : am.repeal) version[i].reset();
      for (const auto& [i, p] : am.amend) {
        if (version[i]) version[i] = apply(*version[i], p);
      }
      for (int i : am.add) version[i] = m.clauses[i];
    }
  }
  out.modality.assign(m.clauses.size(), -1);
  // 2. In force and applicable (bounds, then pattern, then `when`).
  std::vector<int> applicable;
  for (std::size_t i = 0; i < version.size(); ++i) {
    if (!version[i]) continue;
    const Version& v = *version[i];
    out.modality[i] = v.modality;
    if (action_of(v) != q.action) continue;
    // Both bounds of a current version are evaluated (once per situation),
    // so an error in either is an error even when the other one already
    // puts the date out of force.
    const int from = v.from >= 0 ? kBounds[v.from].value(q) : kBadDate + 1;
    int until = v.until >= 0 ? kBounds[v.until].value(q) : kNever;
    if (v.through && until != kNever && until != kBadDate) {
      until = until == kMaxDay ? kNever : until + 1;  // through the last day: no end
    }
    if (from == kBadDate || until == kBadDate) {
      out.error = true;
      continue;
    }
    if (on < from || on >= until) continue;
    const PatternItem& pattern = kPatterns[v.pattern];
    bool matches = true;
    for (int k = 0; k < kParamCount[q.action]; ++k) {
      matches = matches && (pattern.args[k] < 0 || pattern.args[k] == q.args[k]);
    }
    if (!matches) continue;
    if (v.when >= 0) {
      const Eval e = kWhens[v.when].eval(q, q.args);
      if (e != kTrue && e != kFalse) out.error = true;
      if (e != kTrue) continue;
    }
    applicable.push_back(static_cast<int>(i));
  }
  if (out.error) return out;
  // 3. Overrides, all at once.
  std::vector<bool> dropped(m.clauses.size(), false);
  for (int i : applicable) {
    for (int target : version[i]->overrides) {
      if (std::find(applicable.begin(), applicable.end(), target) != applicable.end()) {
        dropped[target] = true;
      }
    }
  }
  for (std::size_t i = 0; i < dropped.size(); ++i) {
    if (dropped[i]) out.overridden.push_back(static_cast<int>(i));
  }
  // 4. The verdict; 5. the deciding clauses.
  bool forbid = false, oblige = false, permit = false;
  for (int i : applicable) {
    if (dropped[i]) continue;
    forbid = forbid || version[i]->modality == kForbid;
    oblige = oblige || version[i]->modality == kOblige;
    permit = permit || version[i]->modality == kPermit;
  }
  if (forbid && oblige)
    out.verdict = Verdict::Conflict;
  else if (forbid)
    out.verdict = Verdict::Forbidden;
  else if (oblige)
    out.verdict = Verdict::Obligatory;
  else if (permit)
    out.verdict = Verdict::Permitted;
  else {
    const int d = m.action_default[q.action] >= 0 ? m.action_default[q.action]
                                                  : std::max(m.contract_default, 0);
    out.verdict = d == 1 ? Verdict::Forbidden : Verdict::Permitted;
    out.is_default = true;
  }
  if (!out.is_default) {
    for (int i : applicable) {
      if (dropped[i]) continue;
      const int mod = version[i]->modality;
      const bool deciding = out.verdict == Verdict::Conflict     ? mod != kPermit
                            : out.verdict == Verdict::Forbidden  ? mod == kForbid
                            : out.verdict == Verdict::Obligatory ? mod == kOblige
                                                                 : mod == kPermit;
      if (deciding) out.by.push_back(i);
    }
  }
  return out;
}

// ---------------------------------------------------------------- the engine

struct Engine {
  std::optional<LoadedContract> loaded;
  std::map<int, std::unique_ptr<CompiledContract>> compiled;  // by kAgreed index; -1: Date::min()
  std::map<int, std::unique_ptr<Decider>> deciders;

  Decider& decider(int agreed) {
    auto& d = deciders[agreed];
    if (!d) {
      Scenario s;
      if (agreed < 0)
        s.as_agreed_on = Date::min();
      else if (kAgreed[agreed])
        s.as_agreed_on = kAgreed[agreed]->date();
      auto& c = compiled[agreed];
      c = std::make_unique<CompiledContract>(loaded->contract, s);
      d = std::make_unique<Decider>(*c);
    }
    return *d;
  }
};

void load(Engine& e, const std::string& yaml) {
  Diagnostics diags;
  e.loaded = load_contract_text("generated.yaml", yaml, Limits{}, diags);
  if (!e.loaded || diags.has_errors()) {
    std::string detail = yaml + "\n";
    for (const Diagnostic& d : diags.all()) detail += render_text(d, false);
    fuzz::fail("a generated contract loads", detail, __FILE__, __LINE__);
  }
}

struct Outcome {
  bool situation_error = false;
  bool error = false;
  Decision decision;
};

Outcome decide(Engine& e, const Question& q, int agreed) {
  const Contract& c = e.loaded->contract;
  std::vector<std::pair<int, Value>> assumed;
  if (q.flag >= 0) assumed.emplace_back(*c.find_fact("flag"), Value::boolean(q.flag == 1));
  if (q.count >= 0) assumed.emplace_back(*c.find_fact("count"), Value::number(Number(q.count)));
  if (q.tier >= 0) assumed.emplace_back(*c.find_fact("tier"), Value::member(q.tier));
  if (q.event > 0) {
    assumed.emplace_back(*c.find_fact("event"), Value::date(*Date::parse(kEvents[q.event].text)));
  }
  if (q.ends > 0) {
    assumed.emplace_back(*c.find_fact("ends"), Value::date(*Date::parse(kEnds[q.ends].text)));
  }
  Outcome out;
  SituationError serr;
  auto situation = make_situation(c, q.on.date(), assumed, serr);
  if (!situation) {
    out.situation_error = true;
    return out;
  }
  const int action = *c.find_action(kActionNames[q.action]);
  const std::vector<int> args(q.args.begin(), q.args.begin() + kParamCount[q.action]);
  Decider& decider = e.decider(agreed);
  DecisionError derr;
  out.error = !decider.decide(*situation, action, args, out.decision, derr);
  // Deciding again (scratch space reused) gives the same answer.
  Decision again;
  DecisionError derr2;
  const bool error2 = !decider.decide(*situation, action, args, again, derr2);
  PACTA_FUZZ_CHECK(error2 == out.error, "deciding twice: error differs");
  if (!out.error) {
    PACTA_FUZZ_CHECK(again.verdict == out.decision.verdict && again.by == out.decision.by &&
                         again.overridden == out.decision.overridden &&
                         again.is_default == out.decision.is_default,
                     "deciding twice: decision differs");
  } else {
    PACTA_FUZZ_CHECK(derr.error != EvalEnv::Error::None && derr.at != nullptr,
                     "decision error without a kind or location");
  }
  return out;
}

std::string describe(const Question& q, int agreed) {
  std::string s = "question: action " + std::string(kActionNames[q.action]) + " args " +
                  std::to_string(q.args[0]) + "," + std::to_string(q.args[1]) + " on " +
                  q.on.date().to_string() + " flag " + std::to_string(q.flag) + " count " +
                  std::to_string(q.count) + " tier " + std::to_string(q.tier) + " event " +
                  std::to_string(q.event) + " ends " + std::to_string(q.ends) + " agreed " +
                  std::to_string(agreed);
  return s;
}

std::string ids(const std::vector<int>& v) {
  std::string s = "[";
  for (int i : v) s += " c" + std::to_string(i);
  return s + " ]";
}

void compare(const Outcome& got, const Expected& want, const std::string& context) {
  PACTA_FUZZ_CHECK(got.situation_error == want.situation_error, context);
  if (want.situation_error) return;
  PACTA_FUZZ_CHECK(got.error == want.error, context);
  if (want.error) return;
  const Decision& d = got.decision;
  const std::string detail = context + "\nengine: " + verdict_name(d.verdict) + " by " + ids(d.by) +
                             " overridden " + ids(d.overridden) +
                             "\nreference: " + verdict_name(want.verdict) + " by " + ids(want.by) +
                             " overridden " + ids(want.overridden);
  PACTA_FUZZ_CHECK(d.verdict == want.verdict, detail);
  PACTA_FUZZ_CHECK(d.is_default == want.is_default, detail);
  PACTA_FUZZ_CHECK(d.by == want.by, detail);
  PACTA_FUZZ_CHECK(d.overridden == want.overridden, detail);
}

// The invariants of a decision that need no reference.
void check_invariants(const Model& m, const Decision& d, const Expected& want, int action,
                      const std::string& context) {
  bool forbid = false, oblige = false;
  for (int i : d.by) {
    PACTA_FUZZ_CHECK(i >= 0 && static_cast<std::size_t>(i) < m.clauses.size(), context);
    forbid = forbid || want.modality[i] == kForbid;
    oblige = oblige || want.modality[i] == kOblige;
    PACTA_FUZZ_CHECK(!std::binary_search(d.overridden.begin(), d.overridden.end(), i), context);
  }
  PACTA_FUZZ_CHECK((d.verdict == Verdict::Conflict) == (forbid && oblige), context);
  PACTA_FUZZ_CHECK(d.is_default == d.by.empty(), context);
  if (d.is_default) {
    const int fallback =
        m.action_default[action] >= 0 ? m.action_default[action] : std::max(m.contract_default, 0);
    PACTA_FUZZ_CHECK(d.verdict == (fallback == 1 ? Verdict::Forbidden : Verdict::Permitted),
                     context);
  }
  PACTA_FUZZ_CHECK(std::is_sorted(d.by.begin(), d.by.end()), context);
  PACTA_FUZZ_CHECK(std::is_sorted(d.overridden.begin(), d.overridden.end()), context);
}

Question make_question(Bytes& in) {
  Question q;
  q.on = kOn[in.pick(count_of(kOn))];
  q.action = static_cast<int>(in.pick(kActions));
  for (int k = 0; k < 2; ++k) {
    const int n = kDomain[q.action][k];
    q.args[k] = n > 0 ? static_cast<int>(in.pick(static_cast<unsigned>(n))) : 0;
  }
  q.flag = static_cast<int>(in.pick(3)) - 1;
  const unsigned count = in.pick(4);
  q.count = count == 0 ? -1 : kCounts[count - 1];
  q.tier = static_cast<int>(in.pick(4)) - 1;
  q.event = static_cast<int>(in.pick(count_of(kEvents)));
  q.ends = static_cast<int>(in.pick(count_of(kEnds)));
  q.agreed = static_cast<int>(in.pick(count_of(kAgreed)));
  return q;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;  // the model uses a few hundred bytes at most
  Bytes in(data, size);
  const Model model = make_model(in);
  const std::string yaml = write_yaml(model, true);
  Engine full;
  load(full, yaml);
  PACTA_FUZZ_CHECK(full.loaded->contract.clauses.size() == model.clauses.size(), yaml);
  for (std::size_t i = 0; i < model.clauses.size(); ++i) {
    PACTA_FUZZ_CHECK(full.loaded->contract.find_clause("c" + std::to_string(i)) ==
                         std::optional<int>(static_cast<int>(i)),
                     yaml);
  }
  static const bool verbose = std::getenv("PACTA_FUZZ_VERBOSE") != nullptr;
  if (verbose) std::fprintf(stderr, "----\n%s", yaml.c_str());
  Engine plain;  // the same contract without its amendments
  const bool has_amendments = !model.amendments.empty();
  if (has_amendments) load(plain, write_yaml(model, false));

  const unsigned questions = 1 + in.pick(6);
  for (unsigned k = 0; k < questions; ++k) {
    const Question q = make_question(in);
    std::optional<int> agreed;
    if (kAgreed[q.agreed]) agreed = kAgreed[q.agreed]->day();
    const std::string context = yaml + "\n" + describe(q, q.agreed);
    const Outcome got = decide(full, q, q.agreed);
    const Expected want = reference(model, q, agreed, true);
    if (verbose) {
      std::fprintf(stderr, "%s -> %s%s by %s\n", describe(q, q.agreed).c_str(),
                   want.situation_error ? "situation error"
                   : want.error         ? "error"
                                        : verdict_name(want.verdict),
                   want.is_default ? " (default)" : "", ids(want.by).c_str());
    }
    compare(got, want, context);
    if (!got.situation_error && !got.error) {
      check_invariants(model, got.decision, want, q.action, context);
    }
    if (!has_amendments) continue;
    // As agreed before every signature == without amendments.
    const Outcome before = decide(full, q, -1);
    const Outcome without = decide(plain, q, 0);
    PACTA_FUZZ_CHECK(
        before.situation_error == without.situation_error && before.error == without.error,
        context + "\nas agreed on 0001-01-01 vs without amendments: errors");
    if (!before.situation_error && !before.error) {
      const Decision& x = before.decision;
      const Decision& y = without.decision;
      PACTA_FUZZ_CHECK(x.verdict == y.verdict && x.is_default == y.is_default && x.by == y.by &&
                           x.overridden == y.overridden,
                       context + "\nas agreed on 0001-01-01 vs without amendments");
    }
    compare(without, reference(model, q, std::nullopt, false), context + "\n(no amendments)");
  }
  return 0;
}
