#pragma once
// The generator of fuzz_decide: input bytes choose a Model (decide_model.hpp)
// and the questions asked of it, and the Model is written as a rule file, in
// YAML scalar styles that vary with a seed.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "decide_model.hpp"
#include "fuzz_common.hpp"

namespace pacta::fuzz::generated {

inline int pick_pattern(Bytes& in, int action) {
  std::vector<int> fitting;
  for (unsigned i = 0; i < count_of(kPatterns); ++i) {
    if (action < 0 || kPatterns[i].action == action) fitting.push_back(static_cast<int>(i));
  }
  return fitting[in.pick(static_cast<unsigned>(fitting.size()))];
}

inline int pick_when(Bytes& in, int action) {
  std::vector<int> fitting;
  for (unsigned i = 0; i < count_of(kWhens); ++i) {
    if (kWhens[i].action < 0 || kWhens[i].action == action) fitting.push_back(static_cast<int>(i));
  }
  return fitting[in.pick(static_cast<unsigned>(fitting.size()))];
}

inline std::vector<int> pick_overrides(Bytes& in, int below) {
  std::vector<int> out;
  if (below <= 0) return out;
  const unsigned n = in.pick(3);
  for (unsigned k = 0; k < n; ++k) {
    int target = static_cast<int>(in.pick(static_cast<unsigned>(below)));
    if (std::find(out.begin(), out.end(), target) == out.end()) out.push_back(target);
  }
  return out;
}

inline Version make_version(Bytes& in, int index) {
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

inline Patch make_patch(Bytes& in, const Version& current, int index) {
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

inline Model make_model(Bytes& in) {
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
holidays: [2021-06-30]
conditions:
  late: date > stop - 1 month
  edge: date + 1 day >= 9999-12-31
  in_window: date >= mid and date <= stop
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

inline const char* verdict_text(int v) { return v == 1 ? "forbidden" : "permitted"; }

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

// The rule file of the model; `skip`: an amendment left out of the file,
// as a user would delete it by hand (what `--without` is compared with).
inline std::string write_yaml(const Model& m, bool with_amendments, int skip = -1) {
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
  if (!with_amendments || m.amendments.empty() || (m.amendments.size() == 1 && skip == 0)) {
    return w.take();
  }
  w.raw("amendments:\n");
  for (std::size_t a = 0; a < m.amendments.size(); ++a) {
    if (static_cast<int>(a) == skip) continue;
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

// ---------------------------------------------------------------- questions

inline Question make_question(Bytes& in) {
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

// The facts a question assumes, as (fact index, value) of the loaded contract.
inline std::vector<std::pair<int, Value>> assumptions(const Contract& c, const Question& q) {
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
  return assumed;
}

}  // namespace pacta::fuzz::generated
