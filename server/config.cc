#include "server/config.h"

#include <glob.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "protocol/resp_parser.h"
#include "server/config_options.h"
#include "server/engine/ascii.h"
#include "server/engine/glob.h"

namespace tandem {
namespace {

// Directives Redis 7.0 still reads from a config file with one value, and ignores.
constexpr std::string_view kDeprecated[] = {"list-max-ziplist-entries", "list-max-ziplist-value",
                                            "lua-replicate-commands"};
// Nested includes deeper than this are taken for a loop.
constexpr int kMaxIncludeDepth = 16;

std::string_view Trim(std::string_view sv, std::string_view chars = " \t\r\n") {
  size_t b = sv.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  size_t e = sv.find_last_not_of(chars);
  return sv.substr(b, e - b + 1);
}

bool IsDeprecated(std::string_view name) {
  for (std::string_view d : kDeprecated) {
    if (engine::EqualsIgnoreCase(name, d)) return true;
  }
  return false;
}

// Redis's sdssplitlen on " ": CONFIG SET's value of a multi-value parameter. Every single
// space separates, so "a  b" has an empty word in the middle; "" has no words.
std::vector<std::string> SplitOnSpaces(std::string_view s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  size_t start = 0;
  while (true) {
    size_t sp = s.find(' ', start);
    out.emplace_back(s.substr(start, sp == std::string_view::npos ? sp : sp - start));
    if (sp == std::string_view::npos) return out;
    start = sp + 1;
  }
}

std::string ReadWholeFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

}  // namespace

std::string ConfigSetFailed(std::string_view name, std::string_view reason) {
  std::string out = "ERR CONFIG SET failed (possibly related to argument '";
  out.append(name);
  out += "') - ";
  out.append(reason);
  return out;
}

// As Redis's memtoull: no sign, digits then an optional unit; no digits reads as 0 and a
// number too big for 64 bits saturates (strtoull), before the unit's multiplier is checked.
bool ParseMemory(std::string_view s, unsigned long long* out) {
  if (!s.empty() && s[0] == '-') return false;
  size_t digits = 0;
  while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
  std::string_view unit = s.substr(digits);
  unsigned long long mul;
  if (unit.empty() || engine::EqualsIgnoreCase(unit, "b")) {
    mul = 1;
  } else if (engine::EqualsIgnoreCase(unit, "k")) {
    mul = 1000;
  } else if (engine::EqualsIgnoreCase(unit, "kb")) {
    mul = 1024;
  } else if (engine::EqualsIgnoreCase(unit, "m")) {
    mul = 1000ull * 1000;
  } else if (engine::EqualsIgnoreCase(unit, "mb")) {
    mul = 1024ull * 1024;
  } else if (engine::EqualsIgnoreCase(unit, "g")) {
    mul = 1000ull * 1000 * 1000;
  } else if (engine::EqualsIgnoreCase(unit, "gb")) {
    mul = 1024ull * 1024 * 1024;
  } else {
    return false;
  }
  if (digits >= 128) return false;
  unsigned long long v = 0;
  for (size_t i = 0; i < digits; ++i) {
    unsigned d = s[i] - '0';
    if (v > (ULLONG_MAX - d) / 10) {
      v = ULLONG_MAX;
      break;
    }
    v = v * 10 + d;
  }
  if (v > ULLONG_MAX / mul) return false;
  *out = v * mul;
  return true;
}

std::string FormatMemory(long long bytes) {
  constexpr long long kGb = 1024 * 1024 * 1024, kMb = 1024 * 1024, kKb = 1024;
  if (bytes && bytes % kGb == 0) return std::to_string(bytes / kGb) + "gb";
  if (bytes && bytes % kMb == 0) return std::to_string(bytes / kMb) + "mb";
  if (bytes && bytes % kKb == 0) return std::to_string(bytes / kKb) + "kb";
  return std::to_string(bytes);
}

const ConfigRegistry& ConfigRegistry::Instance() {
  static const ConfigRegistry registry;
  return registry;
}

ConfigRegistry::ConfigRegistry() : options_(BuildConfigOptions()) {
  for (const Option& o : options_) {
    index_.emplace(o.name, std::make_pair(&o, false));
    if (!o.alias.empty()) index_.emplace(o.alias, std::make_pair(&o, true));
  }
}
ConfigRegistry::~ConfigRegistry() = default;

const ConfigRegistry::Option* ConfigRegistry::Find(std::string_view name, bool* alias) const {
  auto it = index_.find(engine::ToLower(name));
  if (it == index_.end()) return nullptr;
  if (alias) *alias = it->second.second;
  return it->second.first;
}

std::string ConfigRegistry::ApplyValues(const Option& opt, Config* config,
                                        const std::vector<std::string>& values) const {
  if (!(opt.flags & kCfgMultiArg) && values.size() != 1) return "wrong number of arguments";
  return opt.set(*config, values);
}

bool ConfigRegistry::LoadFile(const std::string& path, Config* config, std::string* err) const {
  bool ok;
  std::string text = ReadWholeFile(path, &ok);
  if (!ok) {
    *err = "Fatal error, can't open config file '" + path + "': " + std::strerror(errno);
    return false;
  }
  std::unordered_set<const Option*> seen;
  return LoadLines(text, config, 0, &seen, err);
}

// As Redis's loadServerConfigFromString. Every save directive after the first adds rules
// instead of replacing them, across included files too.
bool ConfigRegistry::LoadLines(const std::string& text, Config* config, int depth,
                               std::unordered_set<const Option*>* seen, std::string* err) const {
  std::vector<std::string> lines = SplitLines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = Trim(lines[i]);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> argv;
    std::string problem;
    if (!protocol::SplitInlineArgs(line, &argv)) {
      problem = "Unbalanced quotes in configuration line";
    } else if (argv.empty()) {
      continue;
    } else if (const Option* opt = Find(argv[0])) {
      std::vector<std::string> values(argv.begin() + 1, argv.end());
      if (opt->append && seen->count(opt)) {
        problem = opt->append(*config, values);
      } else {
        problem = ApplyValues(*opt, config, values);
      }
      seen->insert(opt);
    } else if (IsDeprecated(argv[0]) && argv.size() == 2) {
      continue;
    } else if (engine::EqualsIgnoreCase(argv[0], "include") && argv.size() == 2) {
      if (depth >= kMaxIncludeDepth) {
        problem = "Too many nested include directives";
      } else {
        // A pattern that matches nothing is skipped, as Redis does for wildcards.
        std::vector<std::string> files;
        if (argv[1].find_first_of("*?[") != std::string::npos) {
          glob_t g;
          if (glob(argv[1].c_str(), 0, nullptr, &g) == 0) {
            files.assign(g.gl_pathv, g.gl_pathv + g.gl_pathc);
            globfree(&g);
          }
        } else {
          files.push_back(argv[1]);
        }
        for (const std::string& f : files) {
          bool ok;
          std::string included = ReadWholeFile(f, &ok);
          if (!ok) {
            *err = "Fatal error, can't open config file '" + f + "': " + std::strerror(errno);
            return false;
          }
          if (!LoadLines(included, config, depth + 1, seen, err)) return false;
        }
      }
    } else {
      problem = "Bad directive or wrong number of arguments";
    }
    if (!problem.empty()) {
      *err = "*** FATAL CONFIG FILE ERROR ***\nReading the configuration file, at line " +
             std::to_string(i + 1) + "\n>>> '" + std::string(line) + "'\n" + problem;
      return false;
    }
  }
  return true;
}

bool ConfigRegistry::ApplyArgs(const std::vector<std::string>& args, Config* config,
                               std::string* err) const {
  std::unordered_set<const Option*> seen;
  size_t i = 0;
  while (i < args.size()) {
    if (args[i].rfind("--", 0) != 0) {
      *err = "Invalid argument '" + args[i] + "': options are written --name value";
      return false;
    }
    std::string name = args[i].substr(2);
    std::vector<std::string> values;
    ++i;
    while (i < args.size() && args[i].rfind("--", 0) != 0) values.push_back(args[i++]);
    const Option* opt = Find(name);
    std::string problem;
    if (!opt) {
      if (!(IsDeprecated(name) && values.size() == 1)) {
        problem = "Bad directive or wrong number of arguments";
      }
    } else {
      if (values.empty()) values.push_back("");  // "--save ''" style arguments
      // A multi-value parameter may come as one quoted argument: --save "900 1 300 10".
      if ((opt->flags & kCfgMultiArg) && !(values.size() == 1 && values[0].empty())) {
        std::vector<std::string> words;
        for (const auto& v : values) {
          std::istringstream in(v);
          for (std::string w; in >> w;) words.push_back(w);
        }
        values = std::move(words);
      }
      problem = (opt->append && seen.count(opt)) ? opt->append(*config, values)
                                                 : ApplyValues(*opt, config, values);
      seen.insert(opt);
    }
    if (!problem.empty()) {
      std::string joined;
      for (const auto& v : values) joined += " " + v;
      *err = "*** FATAL CONFIG ERROR ***\nIn the command line option '--" + name + joined + "'\n" +
             problem;
      return false;
    }
  }
  return true;
}

std::vector<std::pair<std::string, std::string>> ConfigRegistry::Get(
    const Config& config, const std::vector<std::string_view>& patterns) const {
  std::vector<std::pair<std::string, std::string>> out;
  std::unordered_set<std::string> listed;  // lower case: Redis lists a name once
  for (std::string_view pattern : patterns) {
    if (pattern.find_first_of("[*?") == std::string_view::npos) {
      // An exact name is echoed as typed, like Redis does.
      const Option* o = Find(pattern);
      if (o && listed.insert(engine::ToLower(pattern)).second) {
        out.emplace_back(std::string(pattern), o->get(config));
      }
      continue;
    }
    for (const Option& o : options_) {
      if (o.flags & kCfgTandem) continue;
      for (const std::string* name : {&o.name, &o.alias}) {
        if (name->empty() || !engine::GlobMatch(pattern, *name, /*nocase=*/true)) continue;
        if (listed.insert(*name).second) out.emplace_back(*name, o.get(config));
      }
    }
  }
  return out;
}

// As Redis's configSetCommand: the first unknown, immutable, protected or repeated name
// fails the whole command; then values are applied in order and the first invalid one fails
// it, naming the parameter as registered (lower case).
std::string ConfigRegistry::Set(
    const Config& current, const std::vector<std::pair<std::string_view, std::string_view>>& pairs,
    bool allow_protected, Config* next, std::vector<std::string>* changed) const {
  struct Pick {
    const Option* opt;
    bool alias;
  };
  std::vector<Pick> picks;
  for (const auto& [name, value] : pairs) {
    bool alias = false;
    const Option* o = Find(name, &alias);
    if (!o) {
      return "ERR Unknown option or number of arguments for CONFIG SET - '" + std::string(name) +
             "'";
    }
    if (o->flags & kCfgImmutable) return ConfigSetFailed(name, "can't set immutable config");
    if ((o->flags & kCfgProtected) && !allow_protected) {
      return ConfigSetFailed(name, "can't set protected config");
    }
    // Redis registers an alias as a parameter of its own, so only the same name repeats.
    for (const Pick& p : picks) {
      if (p.opt == o && p.alias == alias) return ConfigSetFailed(name, "duplicate parameter");
    }
    picks.push_back({o, alias});
  }
  *next = current;
  changed->clear();
  for (size_t i = 0; i < picks.size(); ++i) {
    const Option& o = *picks[i].opt;
    std::vector<std::string> values;
    if (o.flags & kCfgMultiArg) {
      values = SplitOnSpaces(pairs[i].second);
    } else {
      values.emplace_back(pairs[i].second);
    }
    std::string problem = o.set(*next, values);
    if (!problem.empty()) return ConfigSetFailed(picks[i].alias ? o.alias : o.name, problem);
    changed->push_back(o.name);
  }
  return "";
}

// As Redis's rewriteConfig: lines are trimmed; each parameter's first line gets its current
// value and its other lines are dropped; parameters the file lacks are appended when their
// value differs from the default (save, dir and latency-tracking-info-percentiles always);
// lines naming no parameter are commented out with "# ??? "; runs of blank lines shrink to
// one. The file is replaced through a rename, so a failure leaves it intact.
std::string ConfigRegistry::Rewrite(const Config& config) const {
  const std::string& path = config.config_file;
  if (path.empty()) return "ERR The server is running without a config file";
  bool exists;
  std::string old = ReadWholeFile(path, &exists);
  if (!exists && errno != ENOENT) {
    return "ERR Rewriting config file: " + std::string(std::strerror(errno));
  }
  std::vector<std::string> lines;
  bool needs_signature = true;
  // Directive (lower case, "slave" read as "replica") -> its line numbers.
  std::unordered_map<std::string, std::vector<size_t>> where;
  if (!old.empty()) {
    for (const std::string& raw : SplitLines(old)) {
      std::string line(Trim(raw));
      if (line.empty() || line[0] == '#') {
        if (line == "# Generated by CONFIG REWRITE") needs_signature = false;
        lines.push_back(line);
        continue;
      }
      std::vector<std::string> argv;
      if (!protocol::SplitInlineArgs(line, &argv) || argv.empty() || !Find(argv[0])) {
        lines.push_back("# ??? " + line);
        continue;
      }
      std::string name = engine::ToLower(argv[0]);
      if (size_t p = name.find("slave"); p != std::string::npos) name.replace(p, 5, "replica");
      where[name].push_back(lines.size());
      lines.push_back(line);
    }
  }
  std::unordered_set<std::string> processed;
  for (const Option& o : options_) {
    processed.insert(o.name);
    std::vector<size_t>* at = where.count(o.name) ? &where[o.name] : nullptr;
    for (RewriteLine& l : o.rewrite(config)) {
      if (at && !at->empty()) {
        lines[at->front()] = std::move(l.text);
        at->erase(at->begin());
      } else if (l.force) {
        if (needs_signature) lines.push_back("# Generated by CONFIG REWRITE");
        needs_signature = false;
        lines.push_back(std::move(l.text));
      }
    }
  }
  for (auto& [name, at] : where) {
    if (!processed.count(name)) continue;
    for (size_t n : at) lines[n].clear();
  }
  std::string out;
  bool was_empty = false;
  for (const std::string& l : lines) {
    if (l.empty() && was_empty) continue;
    was_empty = l.empty();
    out += l + "\n";
  }
  std::string tmp = path + ".rewrite-tmp";
  {
    std::ofstream f(tmp, std::ios::trunc);
    if (!f || !(f << out) || !f.flush()) {
      std::string why = std::strerror(errno);
      std::remove(tmp.c_str());
      return "ERR Rewriting config file: " + why;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    return "ERR Rewriting config file: " + why;
  }
  return "";
}

std::vector<std::string> ConfigRegistry::Warnings(const Config& config) const {
  std::vector<std::string> out;
  auto get = [&](std::string_view name) { return Find(name)->get(config); };
  if (!config.save.empty()) {
    out.push_back("WARNING: save \"" + get("save") +
                  "\" is set, but Tandem keeps data in memory only: no snapshot is written, "
                  "and data is not persisted across restarts.");
  }
  if (config.appendonly) {
    out.push_back(
        "WARNING: appendonly yes is set, but Tandem keeps data in memory only: no append-only "
        "file is written, and data is not persisted across restarts.");
  }
  if (std::string master = get("replicaof"); !master.empty()) {
    out.push_back("WARNING: replicaof " + master +
                  " is set, but Tandem does not replicate: it runs as a master with its own "
                  "data.");
  }
  if (get("cluster-enabled") == "yes") {
    out.push_back("WARNING: cluster-enabled yes is set, but Tandem runs standalone.");
  }
  if (get("tls-port") != "0") {
    out.push_back(
        "WARNING: tls-port is set, but Tandem does not support TLS: no TLS port is "
        "opened.");
  }
  return out;
}

std::vector<std::pair<std::string, bool>> ConfigRegistry::Parameters() const {
  std::vector<std::pair<std::string, bool>> out;
  for (const Option& o : options_) out.emplace_back(o.name, !(o.flags & kCfgNoEffect));
  return out;
}

}  // namespace tandem
