// Tests for the COMMAND INFO / COMMAND DOCS metadata and its reply writers, and the check
// that the command table, the generated docs and Redis's reference table agree.
#include "server/commands/command_docs.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <climits>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "server/commands/command_table.h"
#include "server/commands/dispatcher.h"
#include "server/commands/server_family.h"

namespace tandem::commands {
namespace {

// Records reply calls as tokens: "*2" array, "%2" map, "~2" set, "+s" status, "$s" bulk,
// ":n" integer; Str() joins them with spaces.
class RecordingBuilder : public protocol::ReplyBuilder {
 public:
  std::vector<std::string> tokens;

  void SendSimple(std::string_view s) override { Add("+", s); }
  void SendError(std::string_view s) override { Add("-", s); }
  void SendLong(long long v) override { Add(":", std::to_string(v)); }
  void SendDouble(double v) override { Add(",", std::to_string(v)); }
  void SendBulk(std::string_view s) override { Add("$", s); }
  void SendNull() override { Add("_", ""); }
  void SendNullArray() override { Add("_", ""); }
  void SendBool(bool v) override { Add("#", v ? "t" : "f"); }
  void SendVerbatim(std::string_view s, std::string_view) override { Add("=", s); }
  void StartArray(size_t n) override { Add("*", std::to_string(n)); }
  void StartMap(size_t n) override { Add("%", std::to_string(n)); }
  void StartSet(size_t n) override { Add("~", std::to_string(n)); }
  void StartPush(size_t n) override { Add(">", std::to_string(n)); }

  std::string Str() const {
    std::string out;
    for (const std::string& t : tokens) out += (out.empty() ? "" : " ") + t;
    return out;
  }
  bool Contains(std::string_view needle) const { return Str().find(needle) != std::string::npos; }

 private:
  void Add(std::string_view type, std::string_view s) {
    tokens.push_back(std::string(type) + std::string(s));
  }
};

const ArgDoc* FindArg(std::span<const ArgDoc> args, std::string_view name) {
  for (const ArgDoc& arg : args) {
    if (arg.name == name) return &arg;
  }
  return nullptr;
}

const CommandDoc& Doc(std::string_view name) {
  const CommandDoc* doc = FindCommandDoc(name);
  REQUIRE_MESSAGE(doc != nullptr, name);
  return *doc;
}

TEST_CASE("GET has one read-only key spec starting at argument 1") {
  const CommandDoc& get = Doc("get");
  CHECK(get.name == "get");
  CHECK(get.arity == 2);
  CHECK(get.group == "string");
  CHECK(get.since == "1.0.0");
  REQUIRE(get.key_specs.size() == 1);
  const KeySpecDoc& spec = get.key_specs[0];
  CHECK(spec.flags == (kKeyRO | kKeyAccess));
  CHECK(spec.begin_search.type == BeginSearchType::kIndex);
  CHECK(spec.begin_search.index == 1);
  CHECK(spec.find_keys.type == FindKeysType::kRange);
  CHECK(spec.find_keys.lastkey == 0);
  CHECK(spec.find_keys.keystep == 1);
  CHECK(spec.find_keys.limit == 0);
  REQUIRE(get.args.size() == 1);
  CHECK(get.args[0].type == ArgType::kKey);
  CHECK(get.args[0].key_spec_index == 0);
}

TEST_CASE("SET arguments include a oneof condition with tokens NX and XX") {
  const CommandDoc& set = Doc("set");
  const ArgDoc* condition = FindArg(set.args, "condition");
  REQUIRE(condition != nullptr);
  CHECK(condition->type == ArgType::kOneOf);
  CHECK(condition->flags == kArgOptional);
  CHECK(condition->since == "2.6.12");
  REQUIRE(condition->args.size() == 2);
  CHECK(condition->args[0].token == "NX");
  CHECK(condition->args[1].token == "XX");
  CHECK(condition->args[0].type == ArgType::kPureToken);
  const ArgDoc* expiration = FindArg(set.args, "expiration");
  REQUIRE(expiration != nullptr);
  CHECK(FindArg(expiration->args, "keepttl") != nullptr);
  CHECK(set.history.size() == 4);
  CHECK(set.history[0].version == "2.6.12");
}

TEST_CASE("subcommands are found by parent|sub and unknown names are not") {
  const CommandDoc& kill = Doc("client|kill");
  CHECK(kill.name == "client|kill");
  CHECK(kill.group == "connection");
  CHECK(Doc("config|get").arity == -3);
  CHECK(Doc("object|encoding").key_specs.size() == 1);
  CHECK(FindCommandDoc("client|nosuch") == nullptr);
  CHECK(FindCommandDoc("get|x") == nullptr);
  CHECK(FindCommandDoc("nosuchcommand") == nullptr);
  CHECK(FindCommandDoc("") == nullptr);
  CHECK(FindCommandDoc("GET") == nullptr);  // callers lowercase first
}

// The commands of the first release (the brief's list), space-separated.
constexpr std::string_view kFirstRelease =
    "del unlink exists type rename renamenx copy move swapdb select dbsize flushdb "
    "flushall keys scan randomkey touch expire pexpire expireat pexpireat persist ttl "
    "pttl expiretime pexpiretime object object|encoding object|freq object|idletime "
    "object|refcount object|help set get getex getdel getset setnx setex psetex mset "
    "msetnx mget append strlen setrange getrange substr incr decr incrby decrby "
    "incrbyfloat lcs setbit getbit bitcount bitpos bitop bitfield bitfield_ro ping echo "
    "quit reset hello auth client client|id client|setname client|getname client|list "
    "client|info client|kill client|reply client|no-evict client|pause client|unpause "
    "client|help info config config|get config|set config|resetstat config|rewrite "
    "config|help command command|count command|info command|list command|getkeys "
    "command|getkeysandflags command|docs command|help time lastsave shutdown monitor "
    "slowlog slowlog|get slowlog|len slowlog|reset slowlog|help debug";

TEST_CASE("every command the first release implements has docs") {
  std::string_view rest = kFirstRelease;
  while (!rest.empty()) {
    size_t end = std::min(rest.find(' '), rest.size());
    std::string_view name = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    CAPTURE(name);
    const CommandDoc* doc = FindCommandDoc(name);
    REQUIRE(doc != nullptr);
    CHECK(doc->name == name);
    CHECK(!doc->summary.empty());
    CHECK(!doc->group.empty());
  }
}

TEST_CASE("all commands have our summaries, sorted names and well-formed subcommands") {
  std::span<const CommandDoc> all = AllCommandDocs();
  CHECK(all.size() == 240);  // COMMAND COUNT of redis-server 7.0.15
  size_t total = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    const CommandDoc& doc = all[i];
    CAPTURE(doc.name);
    if (i > 0) CHECK(all[i - 1].name < doc.name);
    CHECK(doc.summary.size() > 10);
    CHECK(doc.summary.back() == '.');
    ++total;
    for (size_t j = 0; j < doc.subcommands.size(); ++j) {
      const CommandDoc& sub = doc.subcommands[j];
      CAPTURE(sub.name);
      CHECK(sub.name.substr(0, doc.name.size() + 1) == std::string(doc.name) + "|");
      if (j > 0) CHECK(doc.subcommands[j - 1].name < sub.name);
      CHECK(FindCommandDoc(sub.name) == &sub);
      CHECK(sub.summary.size() > 10);
      CHECK(sub.subcommands.empty());
      ++total;
    }
  }
  CHECK(total == 366);
}

TEST_CASE("WriteKeySpecs sends a set of maps with status flags and typed specs") {
  RecordingBuilder rb;
  WriteKeySpecs(Doc("get"), rb);
  CHECK(rb.Str() ==
        "~1 %3 $flags ~2 +RO +access "
        "$begin_search %2 $type $index $spec %1 $index :1 "
        "$find_keys %2 $type $range $spec %3 $lastkey :0 $keystep :1 $limit :0");
}

TEST_CASE("WriteKeySpecs covers keyword, keynum, unknown specs and notes") {
  RecordingBuilder xread;
  WriteKeySpecs(Doc("xread"), xread);
  CHECK(
      xread.Contains("$begin_search %2 $type $keyword $spec %2 $keyword $STREAMS $startfrom :1 "
                     "$find_keys %2 $type $range $spec %3 $lastkey :-1 $keystep :1 $limit :2"));

  RecordingBuilder eval;
  WriteKeySpecs(Doc("eval"), eval);
  CHECK(eval.tokens[1] == "%4");
  CHECK(eval.tokens[2] == "$notes");
  CHECK(
      eval.Contains("$find_keys %2 $type $keynum $spec %3 $keynumidx :0 $firstkey :1 "
                    "$keystep :1"));

  RecordingBuilder sort;
  WriteKeySpecs(Doc("sort"), sort);
  CHECK(sort.tokens[0] == "~3");
  CHECK(
      sort.Contains("$begin_search %2 $type $unknown $spec %0 "
                    "$find_keys %2 $type $unknown $spec %0"));
}

TEST_CASE("WriteTips sends bulk strings and WriteAclCategories status strings, as sets") {
  RecordingBuilder tips;
  WriteTips(Doc("keys"), tips);
  CHECK(tips.Str() == "~2 $request_policy:all_shards $nondeterministic_output_order");
  RecordingBuilder none;
  WriteTips(Doc("get"), none);
  CHECK(none.Str() == "~0");
  RecordingBuilder acl;
  WriteAclCategories(Doc("get"), acl);
  CHECK(acl.Str() == "~3 +@read +@string +@fast");
}

TEST_CASE("WriteDocs sends summary, since, group, complexity and arguments") {
  const CommandDoc& get = Doc("get");
  RecordingBuilder rb;
  WriteDocs(get, rb, true);
  CHECK(rb.Str() == "%5 $summary $" + std::string(get.summary) +
                        " $since $1.0.0 $group $string $complexity $O(1) "
                        "$arguments *1 %3 $name $key $type $key $key_spec_index :0");
}

TEST_CASE("WriteDocs sends deprecation fields with status doc_flags") {
  RecordingBuilder rb;
  WriteDocs(Doc("getset"), rb, true);
  CHECK(rb.tokens[0] == "%8");
  CHECK(rb.Contains("$doc_flags ~1 +deprecated $deprecated_since $6.2.0 $replaced_by $"));
}

TEST_CASE("WriteDocs sends history as a set of version/description pairs") {
  const CommandDoc& ttl = Doc("ttl");
  REQUIRE(ttl.history.size() == 1);
  RecordingBuilder rb;
  WriteDocs(ttl, rb, true);
  CHECK(rb.Contains("$history ~1 *2 $2.8.0 $" + std::string(ttl.history[0].description) +
                    " $arguments"));
}

TEST_CASE("WriteDocs sends argument flags as statuses and nested arguments for oneof") {
  RecordingBuilder rb;
  WriteDocs(Doc("set"), rb, true);
  CHECK(
      rb.Contains("%5 $name $condition $type $oneof $since $2.6.12 $flags ~1 +optional "
                  "$arguments *2 %3 $name $nx $type $pure-token $token $NX"));
  RecordingBuilder tracking;
  WriteDocs(Doc("client|tracking"), tracking, true);
  CHECK(tracking.Contains("$flags ~3 +optional +multiple +multiple_token"));
}

TEST_CASE("an empty token is still sent (MIGRATE's empty_string)") {
  RecordingBuilder rb;
  WriteDocs(Doc("migrate"), rb, true);
  CHECK(rb.Contains("%3 $name $empty_string $type $pure-token $token $ %2"));
}

TEST_CASE("WriteDocs lists a container's subcommands only when asked") {
  const CommandDoc& config = Doc("config");
  RecordingBuilder with;
  WriteDocs(config, with, true);
  CHECK(with.tokens[0] == "%5");
  CHECK(with.Contains("$subcommands %" + std::to_string(config.subcommands.size()) +
                      " $config|get %"));
  RecordingBuilder without;
  WriteDocs(config, without, false);
  CHECK(without.tokens[0] == "%4");
  CHECK(!without.Contains("$subcommands"));
}

// ---- One source of command metadata ----------------------------------------------------------
// The command table (arity, flags, key range: what the dispatcher and COMMAND INFO use), the
// generated docs (tips, key specs, ACL categories) and redis-server 7.0.15's own COMMAND
// output (tools/redis-7.0-commands.tsv) must agree, so none of them can drift.

// One row of tools/redis-7.0-commands.tsv.
struct ReferenceRow {
  int arity = 0;
  std::string flags;  // comma-separated, in Redis's order
  int first_key = 0, last_key = 0, step = 0;
  std::string acl_categories;  // comma-separated
};

const std::map<std::string, ReferenceRow>& ReferenceTable() {
  static const std::map<std::string, ReferenceRow> table = [] {
    std::map<std::string, ReferenceRow> rows;
    std::ifstream in(TANDEM_SOURCE_DIR "/tools/redis-7.0-commands.tsv");
    REQUIRE_MESSAGE(in.good(), "tools/redis-7.0-commands.tsv is missing");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#' || line.rfind("name\t", 0) == 0) continue;
      std::vector<std::string> cols;
      std::stringstream fields(line);
      for (std::string col; std::getline(fields, col, '\t');) cols.push_back(col);
      if (cols.size() == 6) cols.emplace_back();  // no ACL categories
      REQUIRE_MESSAGE(cols.size() == 7, line);
      rows[cols[0]] = {std::stoi(cols[1]), cols[2], std::stoi(cols[3]), std::stoi(cols[4]),
                       std::stoi(cols[5]), cols[6]};
    }
    return rows;
  }();
  return table;
}

std::string Join(std::span<const std::string_view> items) {
  std::string out;
  for (std::string_view item : items) out += (out.empty() ? "" : ",") + std::string(item);
  return out;
}

std::vector<std::string> Split(const std::string& csv) {
  std::vector<std::string> out;
  std::stringstream in(csv);
  for (std::string item; std::getline(in, item, ',');) out.push_back(item);
  return out;
}

bool HasFlag(const CommandDoc& doc, std::string_view flag) {
  return std::find(doc.flags.begin(), doc.flags.end(), flag) != doc.flags.end();
}

// COMMAND INFO's first key, last key and step, derived from the key specs as Redis 7.0's
// populateCommandLegacyRangeSpec does, and whether that derivation makes the keys movable.
struct LegacyRange {
  int first_key = 0, last_key = 0, step = 0;
  bool movable = false;
};

LegacyRange LegacyRangeOf(const CommandDoc& doc) {
  LegacyRange out;
  auto plain = [](const KeySpecDoc& ks) {
    return ks.begin_search.type == BeginSearchType::kIndex &&
           ks.find_keys.type == FindKeysType::kRange;
  };
  auto report = [&](int first, int last_relative, int step) {
    out.first_key = first;
    out.last_key = last_relative >= 0 ? first + last_relative : last_relative;
    out.step = step;
  };
  if (doc.key_specs.empty()) return out;
  if (doc.key_specs.size() == 1 && plain(doc.key_specs[0])) {
    const KeySpecDoc& ks = doc.key_specs[0];
    out.movable = ks.flags & kKeyIncomplete;
    report(ks.begin_search.index, ks.find_keys.lastkey, ks.find_keys.keystep);
    return out;
  }
  int first = INT_MAX;
  int last = 0, prev_last = 0;
  for (const KeySpecDoc& ks : doc.key_specs) {
    if (!plain(ks) || ks.find_keys.keystep != 1 ||
        (prev_last && prev_last != ks.begin_search.index - 1)) {
      out.movable = true;
      continue;
    }
    if (ks.flags & kKeyIncomplete) out.movable = true;
    first = std::min(first, ks.begin_search.index);
    int last_abs = ks.find_keys.lastkey;
    if (last_abs >= 0) last_abs += ks.begin_search.index;
    // Redis compares as unsigned, so a negative (from the end) last key wins.
    last = static_cast<int>(std::max(static_cast<unsigned>(last), static_cast<unsigned>(last_abs)));
    prev_last = last;
  }
  if (first == INT_MAX) {
    out.movable = true;
    return out;
  }
  report(first, last < 0 ? last : last - first, 1);
  return out;
}

TEST_CASE("every doc entry agrees with redis-server's COMMAND table and its own key specs") {
  const auto& reference = ReferenceTable();
  size_t checked = 0;
  auto check = [&](const CommandDoc& doc) {
    CAPTURE(doc.name);
    auto it = reference.find(std::string(doc.name));
    REQUIRE(it != reference.end());
    const ReferenceRow& row = it->second;
    CHECK(doc.arity == row.arity);
    CHECK(Join(doc.flags) == row.flags);
    CHECK(doc.first_key == row.first_key);
    CHECK(doc.last_key == row.last_key);
    CHECK(doc.step == row.step);
    CHECK(Join(doc.acl_categories) == row.acl_categories);
    const LegacyRange range = LegacyRangeOf(doc);
    CHECK(range.first_key == doc.first_key);
    CHECK(range.last_key == doc.last_key);
    CHECK(range.step == doc.step);
    // Key specs the legacy range cannot express make the keys movable (the converse does
    // not hold: Redis also marks commands with a getkeys procedure, like ZUNIONSTORE).
    if (range.movable) CHECK(HasFlag(doc, "movablekeys"));
    ++checked;
  };
  for (const CommandDoc& doc : AllCommandDocs()) {
    check(doc);
    for (const CommandDoc& sub : doc.subcommands) check(sub);
  }
  CHECK(checked == reference.size());
}

// The COMMAND INFO prefix redis-server sends for `row`: name, arity, flags, first key, last
// key, step, ACL categories, in RecordingBuilder tokens.
std::string ReferenceInfoPrefix(std::string_view name, const ReferenceRow& row) {
  std::vector<std::string> flags = Split(row.flags), acl = Split(row.acl_categories);
  std::string out = "*10 $" + std::string(name) + " :" + std::to_string(row.arity) + " ~" +
                    std::to_string(flags.size());
  for (const std::string& f : flags) out += " +" + f;
  out += " :" + std::to_string(row.first_key) + " :" + std::to_string(row.last_key) + " :" +
         std::to_string(row.step) + " ~" + std::to_string(acl.size());
  for (const std::string& c : acl) out += " +" + c;
  return out;
}

TEST_CASE("every registered command matches its doc entry and redis-server's COMMAND INFO") {
  CommandTable table;
  RegisterAllCommands(table);
  const auto& reference = ReferenceTable();
  size_t checked = 0;
  for (const CommandSpec& spec : table.all()) {
    CAPTURE(spec.name);
    const CommandDoc* doc = FindCommandDoc(spec.name);
    REQUIRE(doc != nullptr);
    auto it = reference.find(std::string(spec.name));
    REQUIRE(it != reference.end());
    CHECK(spec.arity == doc->arity);
    CHECK(spec.first_key == doc->first_key);
    CHECK(spec.last_key == doc->last_key);
    CHECK(spec.step == doc->step);
    // Every spec can run: it has a handler, or it is a container reached through its
    // subcommands.
    CHECK((spec.handler != nullptr || !spec.subcommands.empty()));
    if (spec.parent) CHECK(FindCommandDoc(spec.parent->name)->subcommands.data() <= doc);
    // What COMMAND INFO sends, flags included, up to the parts that come from the doc alone.
    RecordingBuilder rb;
    WriteCommandInfo(spec, rb);
    const std::string expected = ReferenceInfoPrefix(spec.name, it->second);
    CHECK(rb.Str().substr(0, expected.size()) == expected);
    CHECK(rb.Str().size() > expected.size());
    CHECK(rb.Str()[expected.size()] == ' ');
    ++checked;
  }
  CHECK(checked > 100);
}

TEST_CASE("WriteCommandInfo ends with an empty set for plain commands, an array for containers") {
  CommandTable table;
  RegisterAllCommands(table);
  RecordingBuilder get;
  WriteCommandInfo(*table.Find("get"), get);
  CHECK(get.Str().substr(0, 50) == "*10 $get :2 ~2 +readonly +fast :1 :1 :1 ~3 +@read ");
  CHECK(get.tokens.back() == "~0");
  RecordingBuilder slowlog;
  WriteCommandInfo(*table.Find("slowlog"), slowlog);
  CHECK(slowlog.Contains("~0 ~0 *4 *10 $slowlog|"));
}

}  // namespace
}  // namespace tandem::commands
