#include "server/config.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <fstream>
#include <sstream>

#include "protocol/resp_parser.h"
#include "server/engine/glob.h"
#include "server/engine/numbers.h"

namespace tandem {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string YesNo(bool v) { return v ? "yes" : "no"; }

std::string FormatLimit(const char* cls, const OutputBufferLimit& l) {
  return std::string(cls) + " " + std::to_string(l.hard) + " " + std::to_string(l.soft) + " " +
         std::to_string(l.soft_seconds);
}

// Redis's keyspace event classes (notify.c): one character per class; 'A' is every class
// but the key-miss and new-key ones.
struct EventClass {
  char c;
  int flag;
};
constexpr int kNotifyKeyspace = 1 << 0, kNotifyKeyevent = 1 << 1, kNotifyGeneric = 1 << 2,
              kNotifyString = 1 << 3, kNotifyList = 1 << 4, kNotifySet = 1 << 5,
              kNotifyHash = 1 << 6, kNotifyZset = 1 << 7, kNotifyExpired = 1 << 8,
              kNotifyEvicted = 1 << 9, kNotifyStream = 1 << 10, kNotifyKeyMiss = 1 << 11,
              kNotifyModule = 1 << 12, kNotifyNew = 1 << 13;
constexpr int kNotifyAll = kNotifyGeneric | kNotifyString | kNotifyList | kNotifySet |
                           kNotifyHash | kNotifyZset | kNotifyExpired | kNotifyEvicted |
                           kNotifyStream | kNotifyModule;
// In the order Redis prints them after the type classes.
constexpr EventClass kTypeClasses[] = {
    {'g', kNotifyGeneric}, {'$', kNotifyString},  {'l', kNotifyList},    {'s', kNotifySet},
    {'h', kNotifyHash},    {'z', kNotifyZset},    {'x', kNotifyExpired}, {'e', kNotifyEvicted},
    {'t', kNotifyStream},  {'d', kNotifyModule},  {'n', kNotifyNew}};
constexpr EventClass kTargetClasses[] = {
    {'K', kNotifyKeyspace}, {'E', kNotifyKeyevent}, {'m', kNotifyKeyMiss}};

// -1 on an unknown class character.
int KeyspaceEventsFromString(std::string_view s) {
  int flags = 0;
  for (char c : s) {
    if (c == 'A') {
      flags |= kNotifyAll;
      continue;
    }
    int found = 0;
    for (const auto& e : kTypeClasses) found |= e.c == c ? e.flag : 0;
    for (const auto& e : kTargetClasses) found |= e.c == c ? e.flag : 0;
    if (!found) return -1;
    flags |= found;
  }
  return flags;
}

std::string KeyspaceEventsToString(int flags) {
  std::string out;
  if ((flags & kNotifyAll) == kNotifyAll) {
    out += 'A';
  } else {
    for (const auto& e : kTypeClasses) {
      if (flags & e.flag) out += e.c;
    }
  }
  for (const auto& e : kTargetClasses) {
    if (flags & e.flag) out += e.c;
  }
  return out;
}

}  // namespace

std::string ConfigSetFailed(std::string_view name, std::string_view reason) {
  std::string out = "ERR CONFIG SET failed (possibly related to argument '";
  out.append(name);
  out += "') - ";
  out.append(reason);
  return out;
}

bool ParseMemory(std::string_view s, unsigned long long* out) {
  size_t digits = 0;
  while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
  if (digits == 0) return false;
  std::string unit = Lower(s.substr(digits));
  unsigned long long mul;
  if (unit.empty() || unit == "b") {
    mul = 1;
  } else if (unit == "k") {
    mul = 1000;
  } else if (unit == "kb") {
    mul = 1024;
  } else if (unit == "m") {
    mul = 1000ull * 1000;
  } else if (unit == "mb") {
    mul = 1024ull * 1024;
  } else if (unit == "g") {
    mul = 1000ull * 1000 * 1000;
  } else if (unit == "gb") {
    mul = 1024ull * 1024 * 1024;
  } else {
    return false;
  }
  unsigned long long v = 0;
  for (size_t i = 0; i < digits; ++i) {
    if (v > (ULLONG_MAX - 9) / 10) return false;
    v = v * 10 + (s[i] - '0');
  }
  if (mul != 1 && v > ULLONG_MAX / mul) return false;
  *out = v * mul;
  return true;
}

ConfigRegistry::ConfigRegistry(Config* config) : config_(config) { Define(); }

void ConfigRegistry::Define() {
  Config* c = config_;
  auto int_opt = [&](std::string name, bool mut, auto* field, long long lo, long long hi) {
    options_.push_back(
        {name, mut, [field] { return std::to_string(*field); },
         [field, lo, hi](const std::vector<std::string>& v) -> std::string {
           long long x;
           if (!engine::StringToLL(v[0], &x)) return "argument couldn't be parsed into an integer";
           if (x < lo || x > hi) {
             return "argument must be between " + std::to_string(lo) + " and " +
                    std::to_string(hi) + " inclusive";
           }
           *field = static_cast<std::remove_pointer_t<decltype(field)>>(x);
           return "";
         }});
  };
  auto mem_opt = [&](std::string name, bool mut, unsigned long long* field,
                     unsigned long long lo, unsigned long long hi) {
    options_.push_back({name, mut, [field] { return std::to_string(*field); },
                        [field, lo, hi](const std::vector<std::string>& v) -> std::string {
                          unsigned long long x;
                          if (!ParseMemory(v[0], &x)) return "argument must be a memory value";
                          if (x < lo || x > hi) {
                            return "argument must be between " + std::to_string(lo) + " and " +
                                   std::to_string(hi) + " inclusive";
                          }
                          *field = x;
                          return "";
                        }});
  };
  auto bool_opt = [&](std::string name, bool mut, bool* field) {
    options_.push_back({name, mut, [field] { return YesNo(*field); },
                        [field](const std::vector<std::string>& v) -> std::string {
                          std::string s = Lower(v[0]);
                          if (s == "yes") {
                            *field = true;
                          } else if (s == "no") {
                            *field = false;
                          } else {
                            return "argument must be 'yes' or 'no'";
                          }
                          return "";
                        }});
  };
  auto str_opt = [&](std::string name, bool mut, std::string* field) {
    options_.push_back({name, mut, [field] { return *field; },
                        [field](const std::vector<std::string>& v) -> std::string {
                          *field = v[0];
                          return "";
                        }});
  };
  auto enum_opt = [&](std::string name, bool mut, std::string* field,
                      std::vector<std::string> allowed) {
    options_.push_back({name, mut, [field] { return *field; },
                        [field, allowed](const std::vector<std::string>& v) -> std::string {
                          std::string s = Lower(v[0]);
                          if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
                            std::string msg = "argument(s) must be one of the following: ";
                            for (size_t i = 0; i < allowed.size(); ++i) {
                              if (i) msg += ", ";
                              msg += allowed[i];
                            }
                            return msg;
                          }
                          *field = s;
                          return "";
                        }});
  };

  int_opt("port", true, &c->port, 0, 65535);
  options_.push_back({"bind", true,
                      [c] {
                        std::string s;
                        for (size_t i = 0; i < c->bind.size(); ++i) {
                          if (i) s += ' ';
                          s += c->bind[i];
                        }
                        return s;
                      },
                      [c](const std::vector<std::string>& v) -> std::string {
                        std::vector<std::string> addrs;
                        for (const auto& arg : v) {
                          std::istringstream in(arg);
                          std::string a;
                          while (in >> a) addrs.push_back(a);
                        }
                        if (addrs.size() > 16) return "Too many bind addresses specified.";
                        c->bind = addrs;
                        return "";
                      },
                      1, -1});
  str_opt("unixsocket", false, &c->unixsocket);
  options_.push_back({"unixsocketperm", false,
                      [c] {
                        std::ostringstream o;
                        o << std::oct << c->unixsocketperm;
                        return o.str();
                      },
                      [c](const std::vector<std::string>& v) -> std::string {
                        char* end;
                        long x = std::strtol(v[0].c_str(), &end, 8);
                        if (*end || x < 0 || x > 0777) return "Invalid socket file permissions";
                        c->unixsocketperm = static_cast<int>(x);
                        return "";
                      }});
  int_opt("io-threads", false, &c->io_threads, 0, 128);
  int_opt("databases", false, &c->databases, 1, INT_MAX);
  int_opt("maxclients", true, &c->maxclients, 1, INT_MAX);
  int_opt("timeout", true, &c->timeout, 0, INT_MAX);
  int_opt("tcp-keepalive", true, &c->tcp_keepalive, 0, INT_MAX);
  int_opt("tcp-backlog", false, &c->tcp_backlog, 0, INT_MAX);
  str_opt("requirepass", true, &c->requirepass);
  str_opt("logfile", false, &c->logfile);
  enum_opt("loglevel", true, &c->loglevel, {"debug", "verbose", "notice", "warning"});
  options_.push_back(
      {"client-output-buffer-limit", true,
       [c] {
         return FormatLimit("normal", c->obuf_normal) + " " +
                FormatLimit("slave", c->obuf_replica) + " " +
                FormatLimit("pubsub", c->obuf_pubsub);
       },
       [c](const std::vector<std::string>& v) -> std::string {
         std::vector<std::string> words;
         for (const auto& arg : v) {
           std::istringstream in(arg);
           std::string w;
           while (in >> w) words.push_back(w);
         }
         if (words.empty() || words.size() % 4 != 0) return "Wrong number of arguments in buffer limit configuration.";
         Config next = *c;
         for (size_t i = 0; i < words.size(); i += 4) {
           std::string cls = Lower(words[i]);
           OutputBufferLimit l;
           unsigned long long secs;
           if (!ParseMemory(words[i + 1], &l.hard) || !ParseMemory(words[i + 2], &l.soft) ||
               !ParseMemory(words[i + 3], &secs)) {
             return "Error in hard, soft or soft_seconds setting in buffer limit configuration.";
           }
           l.soft_seconds = static_cast<long long>(secs);
           if (cls == "normal") {
             next.obuf_normal = l;
           } else if (cls == "slave" || cls == "replica") {
             next.obuf_replica = l;
           } else if (cls == "pubsub") {
             next.obuf_pubsub = l;
           } else {
             return "Invalid client class specified in buffer limit configuration.";
           }
         }
         *c = next;
         return "";
       },
       1, -1});
  mem_opt("proto-max-bulk-len", true, &c->proto_max_bulk_len, 1024 * 1024, LONG_MAX);
  mem_opt("client-query-buffer-limit", true, &c->client_query_buffer_limit, 1024 * 1024,
          LONG_MAX);
  mem_opt("maxmemory", true, &c->maxmemory, 0, ULLONG_MAX);
  enum_opt("maxmemory-policy", true, &c->maxmemory_policy,
           {"volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl", "allkeys-lru",
            "allkeys-lfu", "allkeys-random", "noeviction"});
  int_opt("maxmemory-samples", true, &c->maxmemory_samples, 1, 64);
  int_opt("hz", true, &c->hz, 0, INT_MAX);
  int_opt("slowlog-log-slower-than", true, &c->slowlog_log_slower_than, -1, LLONG_MAX);
  int_opt("slowlog-max-len", true, &c->slowlog_max_len, 0, LONG_MAX);
  bool_opt("activerehashing", true, &c->activerehashing);
  int_opt("lfu-log-factor", true, &c->lfu_log_factor, 0, INT_MAX);
  int_opt("lfu-decay-time", true, &c->lfu_decay_time, 0, INT_MAX);
  bool_opt("protected-mode", true, &c->protected_mode);
  bool_opt("daemonize", false, &c->daemonize);
  str_opt("pidfile", false, &c->pidfile);
  options_.push_back({"save", true, [c] { return c->save; },
                      [c](const std::vector<std::string>& v) -> std::string {
                        // Snapshots are not implemented; only an empty schedule is honest.
                        std::string s;
                        for (const auto& a : v) s += (s.empty() ? "" : " ") + a;
                        if (!s.empty()) return "persistence (save) is not supported by Tandem";
                        c->save = s;
                        return "";
                      }});
  options_.push_back({"appendonly", true, [c] { return YesNo(c->appendonly); },
                      [](const std::vector<std::string>& v) -> std::string {
                        std::string s = Lower(v[0]);
                        if (s == "no") return "";
                        if (s == "yes") return "persistence (appendonly) is not supported by Tandem";
                        return "argument must be 'yes' or 'no'";
                      }});
  options_.push_back({"dir", true,
                      [c] {
                        char buf[4096];
                        return std::string(getcwd(buf, sizeof(buf)) ? buf : c->dir);
                      },
                      [c](const std::vector<std::string>& v) -> std::string {
                        if (chdir(v[0].c_str()) != 0) return "No such file or directory";
                        c->dir = v[0];
                        return "";
                      }});
  str_opt("dbfilename", true, &c->dbfilename);
  bool_opt("lazyfree-lazy-user-flush", true, &c->lazyfree_lazy_user_flush);
  bool_opt("lazyfree-lazy-user-del", true, &c->lazyfree_lazy_user_del);
  options_.push_back({"notify-keyspace-events", true,
                      [c] { return KeyspaceEventsToString(c->notify_keyspace_events); },
                      [c](const std::vector<std::string>& v) -> std::string {
                        int flags = KeyspaceEventsFromString(v[0]);
                        if (flags < 0) {
                          return "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";
                        }
                        c->notify_keyspace_events = flags;
                        return "";
                      }});
  enum_opt("enable-debug-command", false, &c->enable_debug_command, {"no", "yes", "local"});
}

const ConfigRegistry::Option* ConfigRegistry::FindOption(std::string_view name) const {
  std::string n = Lower(name);
  if (n == "replica-output-buffer-limit") n = "client-output-buffer-limit";
  for (const Option& o : options_) {
    if (o.name == n) return &o;
  }
  return nullptr;
}

std::string ConfigRegistry::ApplyOne(const Option& opt, const std::vector<std::string>& values) {
  if (static_cast<int>(values.size()) < opt.min_args ||
      (opt.max_args >= 0 && static_cast<int>(values.size()) > opt.max_args)) {
    return "wrong number of arguments";
  }
  return opt.set(values);
}

bool ConfigRegistry::LoadFile(const std::string& path, std::string* err) {
  std::ifstream in(path);
  if (!in) {
    *err = "Fatal error, can't open config file '" + path + "': No such file or directory";
    return false;
  }
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    std::string_view sv(line);
    while (!sv.empty() && std::isspace(static_cast<unsigned char>(sv.front()))) sv.remove_prefix(1);
    while (!sv.empty() && std::isspace(static_cast<unsigned char>(sv.back()))) sv.remove_suffix(1);
    if (sv.empty() || sv[0] == '#') continue;
    std::vector<std::string> argv;
    std::string problem;
    if (!protocol::SplitInlineArgs(sv, &argv)) {
      problem = "Unbalanced quotes in configuration line";
    } else if (const Option* opt = FindOption(argv[0])) {
      problem = ApplyOne(*opt, std::vector<std::string>(argv.begin() + 1, argv.end()));
    } else {
      problem = "Bad directive or wrong number of arguments";
    }
    if (!problem.empty()) {
      *err = "*** FATAL CONFIG FILE ERROR ***\nReading the configuration file, at line " +
             std::to_string(lineno) + "\n>>> '" + std::string(sv) + "'\n" + problem;
      return false;
    }
  }
  return true;
}

bool ConfigRegistry::ApplyArgs(const std::vector<std::string>& args, std::string* err) {
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
    const Option* opt = FindOption(name);
    std::string problem;
    if (!opt) {
      problem = "Bad directive or wrong number of arguments";
    } else {
      if (values.empty()) values.push_back("");  // "--save ''" style arguments
      problem = ApplyOne(*opt, values);
    }
    if (!problem.empty()) {
      std::string joined;
      for (const auto& v : values) joined += " " + v;
      *err = "*** FATAL CONFIG ERROR ***\nIn the command line option '--" + name + joined +
             "'\n" + problem;
      return false;
    }
  }
  return true;
}

std::vector<std::pair<std::string, std::string>> ConfigRegistry::Get(
    const std::vector<std::string_view>& patterns) const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Option& o : options_) {
    for (std::string_view p : patterns) {
      if (engine::GlobMatch(p, o.name, /*nocase=*/true)) {
        out.emplace_back(o.name, o.get());
        break;
      }
    }
  }
  return out;
}

std::string ConfigRegistry::Set(
    const std::vector<std::pair<std::string_view, std::string_view>>& pairs) {
  std::vector<const Option*> opts;
  for (size_t i = 0; i < pairs.size(); ++i) {
    const Option* o = FindOption(pairs[i].first);
    if (!o) {
      return "ERR Unknown option or number of arguments for CONFIG SET - '" +
             std::string(pairs[i].first) + "'";
    }
    for (const Option* prev : opts) {
      if (prev == o) {
        return ConfigSetFailed(pairs[i].first, "duplicate parameter");
      }
    }
    if (!o->mutable_at_runtime) {
      return ConfigSetFailed(pairs[i].first, "can't set immutable config");
    }
    opts.push_back(o);
  }
  Config backup = *config_;
  std::vector<std::string> changed;
  for (size_t i = 0; i < pairs.size(); ++i) {
    std::string problem = opts[i]->set({std::string(pairs[i].second)});
    if (!problem.empty()) {
      *config_ = backup;
      return ConfigSetFailed(pairs[i].first, problem);
    }
    changed.push_back(opts[i]->name);
  }
  if (on_change) on_change(changed);
  return "";
}

namespace {

// A config value as a file line needs it: bare when it is one plain word, otherwise quoted
// with the escapes SplitInlineArgs reads back.
std::string QuoteConfigValue(std::string_view v) {
  bool plain = !v.empty();
  for (unsigned char ch : v) plain = plain && std::isgraph(ch) && ch != '"' && ch != '\'' && ch != '\\';
  if (plain) return std::string(v);
  std::string out = "\"";
  for (unsigned char ch : v) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += static_cast<char>(ch);
    } else if (std::isprint(ch)) {
      out += static_cast<char>(ch);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\x%02x", ch);
      out += buf;
    }
  }
  return out + "\"";
}

// The directive a config file line sets ("" for comments and blank lines).
std::string DirectiveOf(const std::string& line) {
  std::string_view sv(line);
  while (!sv.empty() && std::isspace(static_cast<unsigned char>(sv.front()))) sv.remove_prefix(1);
  if (sv.empty() || sv[0] == '#') return "";
  return Lower(sv.substr(0, std::min(sv.size(), sv.find_first_of(" \t"))));
}

}  // namespace

std::string ConfigRegistry::FormatLine(const Option& o) const {
  std::string v = o.get();
  // Options taking several words (bind, client-output-buffer-limit) read them back split.
  return o.name + " " + (o.max_args < 0 && !v.empty() ? v : QuoteConfigValue(v));
}

// As Redis's rewriteConfig: the file keeps its comments and order; the first line of each
// directive gets the current value and later repeats are dropped; directives the file lacks
// are appended only when their value differs from the default.
std::string ConfigRegistry::Rewrite() const {
  if (config_->config_file.empty()) return "ERR The server is running without a config file";
  std::vector<std::string> lines;
  {
    std::ifstream in(config_->config_file);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  Config defaults;
  ConfigRegistry default_registry(&defaults);
  std::vector<bool> written(options_.size(), false);
  std::string out;
  for (const std::string& line : lines) {
    std::string name = DirectiveOf(line);
    const Option* o = name.empty() ? nullptr : FindOption(name);
    if (!o) {
      out += line + "\n";
      continue;
    }
    size_t i = o - options_.data();
    if (!written[i]) out += FormatLine(*o) + "\n";
    written[i] = true;
  }
  bool header = false;
  for (size_t i = 0; i < options_.size(); ++i) {
    if (written[i] || options_[i].get() == default_registry.options_[i].get()) continue;
    if (!header) out += "# Generated by CONFIG REWRITE\n";
    header = true;
    out += FormatLine(options_[i]) + "\n";
  }
  // Write a sibling file and rename it over the original, so a failure leaves it intact.
  std::string tmp = config_->config_file + ".rewrite-tmp";
  {
    std::ofstream f(tmp, std::ios::trunc);
    if (!f || !(f << out) || !f.flush()) {
      std::remove(tmp.c_str());
      return "ERR Rewriting config file: " + std::string(std::strerror(errno));
    }
  }
  if (std::rename(tmp.c_str(), config_->config_file.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    return "ERR Rewriting config file: " + why;
  }
  return "";
}

}  // namespace tandem
