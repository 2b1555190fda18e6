// The parameter table: every parameter redis-server 7.0.15 lists in CONFIG GET *, with its
// alias, default, range, value format and Redis's validation texts (config.c), and whether
// Tandem acts on it. Typed Config fields hold what Tandem acts on (or will, in a later
// issue); the rest keep their value in Config::compat.
#include "server/config_options.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include "server/engine/ascii.h"
#include "server/engine/numbers.h"
#include "server/keyspace_events.h"

namespace tandem {
namespace {

using Args = std::vector<std::string>;
using Option = ConfigRegistry::Option;
using engine::EqualsIgnoreCase;

constexpr uint32_t kImm = kCfgImmutable;
constexpr uint32_t kInert = kCfgNoEffect;

const Config& Defaults() {
  static const Config defaults;
  return defaults;
}

std::vector<RewriteLine> OneLine(std::string text, bool force) {
  return {{std::move(text), force}};
}

// ---- Where a value lives: a typed Config field, or its text in Config::compat ---------------

template <typename T>
struct Access {
  std::function<T(const Config&)> get;
  std::function<void(Config&, T)> set;
};

template <typename T, typename F>
Access<T> FieldAccess(F Config::*field) {
  return {[field](const Config& c) { return static_cast<T>(c.*field); },
          [field](Config& c, T v) { c.*field = static_cast<F>(v); }};
}

Access<std::string> CompatText(const std::string& name, std::string def) {
  return {[name, def](const Config& c) {
            auto it = c.compat.find(name);
            return it == c.compat.end() ? def : it->second;
          },
          [name](Config& c, std::string v) { c.compat[name] = std::move(v); }};
}

Access<long long> CompatNumber(const std::string& name, long long def) {
  return {[name, def](const Config& c) {
            auto it = c.compat.find(name);
            return it == c.compat.end() ? def : std::strtoll(it->second.c_str(), nullptr, 10);
          },
          [name](Config& c, long long v) { c.compat[name] = std::to_string(v); }};
}

Access<bool> CompatBool(const std::string& name, bool def) {
  return {[name, def](const Config& c) {
            auto it = c.compat.find(name);
            return it == c.compat.end() ? def : it->second == "yes";
          },
          [name](Config& c, bool v) { c.compat[name] = v ? "yes" : "no"; }};
}

// ---- Booleans -------------------------------------------------------------------------------

using BoolCheck = std::function<std::string(bool)>;

Option MakeBool(std::string name, std::string alias, uint32_t flags, Access<bool> a,
                BoolCheck check = nullptr) {
  Option o{name, std::move(alias), flags};
  o.get = [a](const Config& c) { return std::string(a.get(c) ? "yes" : "no"); };
  o.set = [a, check](Config& c, const Args& v) -> std::string {
    bool yes = EqualsIgnoreCase(v[0], "yes");
    if (!yes && !EqualsIgnoreCase(v[0], "no")) return "argument must be 'yes' or 'no'";
    if (check) {
      std::string err = check(yes);
      if (!err.empty()) return err;
    }
    a.set(c, yes);
    return "";
  };
  o.rewrite = [a, name](const Config& c) {
    bool v = a.get(c);
    return OneLine(name + (v ? " yes" : " no"), v != a.get(Defaults()));
  };
  return o;
}

Option Bool(std::string name, uint32_t flags, bool Config::*field) {
  return MakeBool(name, "", flags, FieldAccess<bool>(field));
}

Option InertBool(std::string name, std::string alias, uint32_t flags, bool def,
                 BoolCheck check = nullptr) {
  return MakeBool(name, std::move(alias), flags | kInert, CompatBool(name, def), std::move(check));
}

// ---- Numbers --------------------------------------------------------------------------------

enum NumFormat : uint32_t { kInteger = 0, kMemory = 1, kPercent = 2, kOctal = 4 };

// Redis's numericConfigData: bounds, value format, and whether the C type is unsigned (its
// bounds are then compared as unsigned, so -1 reads as a huge number).
struct NumSpec {
  long long lo;
  long long hi;
  uint32_t format = kInteger;
  bool is_unsigned = false;
};

// Redis's numericParseString and numericBoundaryCheck.
std::string ParseNumber(const NumSpec& spec, const std::string& s, long long* out) {
  bool parsed = false;
  if (spec.format & kMemory) {
    unsigned long long v;
    if (ParseMemory(s, &v)) {
      *out = static_cast<long long>(v);
      parsed = true;
    }
  }
  if (!parsed && (spec.format & kPercent) && s.size() > 1 && s.back() == '%' &&
      engine::StringToLL(std::string_view(s).substr(0, s.size() - 1), out) && *out >= 0) {
    *out = -*out;
    parsed = true;
  }
  if (!parsed && (spec.format & kOctal)) {
    char* end;
    errno = 0;
    *out = std::strtoll(s.c_str(), &end, 8);
    parsed = errno == 0 && *end == '\0';
  }
  if (!parsed && spec.format == kInteger) parsed = engine::StringToLL(s, out);
  if (!parsed) {
    if ((spec.format & kMemory) && (spec.format & kPercent)) {
      return "argument must be a memory or percent value";
    }
    if (spec.format & kMemory) return "argument must be a memory value";
    if (spec.format & kOctal) return "argument couldn't be parsed as an octal number";
    return "argument couldn't be parsed into an integer";
  }
  char buf[128];
  long long v = *out;
  if (spec.is_unsigned) {
    auto u = static_cast<unsigned long long>(v);
    auto lo = static_cast<unsigned long long>(spec.lo);
    auto hi = static_cast<unsigned long long>(spec.hi);
    if (u > hi || u < lo) {
      std::snprintf(buf, sizeof(buf),
                    (spec.format & kOctal) ? "argument must be between %llo and %llo inclusive"
                                           : "argument must be between %llu and %llu inclusive",
                    lo, hi);
      return buf;
    }
  } else if ((spec.format & kPercent) && v < 0) {
    if (v < spec.lo) {
      std::snprintf(buf, sizeof(buf), "percentage argument must be less or equal to %lld",
                    -spec.lo);
      return buf;
    }
  } else if (v > spec.hi || v < spec.lo) {
    std::snprintf(buf, sizeof(buf), "argument must be between %lld and %lld inclusive", spec.lo,
                  spec.hi);
    return buf;
  }
  return "";
}

// CONFIG GET's text: bytes for memory values, "N%" for percentages, octal for permissions.
std::string FormatNumber(const NumSpec& spec, long long v) {
  if ((spec.format & kPercent) && v < 0) return std::to_string(-v) + "%";
  if (spec.format & kMemory) return std::to_string(static_cast<unsigned long long>(v));
  if (spec.format & kOctal) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%llo", v);
    return buf;
  }
  return std::to_string(v);
}

// CONFIG REWRITE's text: memory values as Redis writes them ("1mb").
std::string RewriteNumber(const NumSpec& spec, long long v) {
  if ((spec.format & kPercent) && v < 0) return std::to_string(-v) + "%";
  if (spec.format & kMemory) return FormatMemory(v);
  return FormatNumber(spec, v);
}

Option MakeNumber(std::string name, std::string alias, uint32_t flags, NumSpec spec,
                  Access<long long> a, std::function<long long(long long)> adjust = nullptr) {
  Option o{name, std::move(alias), flags};
  o.get = [a, spec](const Config& c) { return FormatNumber(spec, a.get(c)); };
  o.set = [a, spec, adjust](Config& c, const Args& v) -> std::string {
    long long x;
    std::string err = ParseNumber(spec, v[0], &x);
    if (!err.empty()) return err;
    a.set(c, adjust ? adjust(x) : x);
    return "";
  };
  o.rewrite = [a, spec, name](const Config& c) {
    long long v = a.get(c);
    return OneLine(name + " " + RewriteNumber(spec, v), v != a.get(Defaults()));
  };
  return o;
}

template <typename F>
Option Number(std::string name, std::string alias, uint32_t flags, NumSpec spec, F Config::*field) {
  return MakeNumber(std::move(name), std::move(alias), flags, spec, FieldAccess<long long>(field));
}

Option InertNumber(std::string name, std::string alias, uint32_t flags, NumSpec spec,
                   long long def) {
  Access<long long> a = CompatNumber(name, def);
  return MakeNumber(std::move(name), std::move(alias), flags | kInert, spec, a);
}

constexpr NumSpec kIntNonNeg{0, INT_MAX};
constexpr NumSpec kPort{0, 65535};
constexpr NumSpec kSizeT{0, LONG_MAX, kInteger, true};
constexpr NumSpec kSizeTMemory{0, LONG_MAX, kMemory, true};

// ---- Enumerations ---------------------------------------------------------------------------

struct EnumValue {
  const char* name;
  int value;
};

std::string EnumChoices(const std::vector<EnumValue>& values) {
  std::string msg = "argument(s) must be one of the following: ";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) msg += ", ";
    msg += values[i].name;
  }
  return msg;
}

// The value is stored by the first name with its number, as Redis's configEnumGetName shows it
// (oom-score-adj "relative" reads back as "yes").
Option MakeEnum(std::string name, uint32_t flags, std::vector<EnumValue> values,
                Access<std::string> a) {
  Option o{name, "", flags};
  o.get = [a](const Config& c) { return a.get(c); };
  o.set = [a, values](Config& c, const Args& v) -> std::string {
    for (const EnumValue& e : values) {
      if (!EqualsIgnoreCase(v[0], e.name)) continue;
      for (const EnumValue& first : values) {
        if (first.value == e.value) {
          a.set(c, first.name);
          return "";
        }
      }
    }
    return EnumChoices(values);
  };
  o.rewrite = [a, name](const Config& c) {
    std::string v = a.get(c);
    return OneLine(name + " " + v, v != a.get(Defaults()));
  };
  return o;
}

std::vector<EnumValue> Names(std::initializer_list<const char*> names) {
  std::vector<EnumValue> out;
  int i = 0;
  for (const char* n : names) out.push_back({n, i++});
  return out;
}

Option Enum(std::string name, uint32_t flags, std::initializer_list<const char*> names,
            std::string Config::*field) {
  return MakeEnum(std::move(name), flags, Names(names), FieldAccess<std::string>(field));
}

// `def`: the default's name; by default the first value.
Option InertEnum(std::string name, uint32_t flags, std::vector<EnumValue> values,
                 const char* def = nullptr) {
  Access<std::string> a = CompatText(name, def ? def : values[0].name);
  return MakeEnum(std::move(name), flags | kInert, std::move(values), a);
}

// shutdown-on-sigint / shutdown-on-sigterm: several flags of one enumeration.
Option ShutdownFlags(std::string name) {
  static const char* const kFlags[] = {"save", "nosave", "now", "force"};
  Option o{name, "", kCfgMultiArg | kInert};
  Access<std::string> a = CompatText(name, "default");
  o.get = [a](const Config& c) { return a.get(c); };
  o.set = [a](Config& c, const Args& v) -> std::string {
    unsigned bits = 0;
    for (const std::string& arg : v) {
      if (EqualsIgnoreCase(arg, "default")) continue;
      unsigned bit = 0;
      for (unsigned i = 0; i < 4; ++i) bit |= EqualsIgnoreCase(arg, kFlags[i]) ? 1u << i : 0;
      if (!bit) {
        return "argument(s) must be one of the following: default, save, nosave, now, force";
      }
      bits |= bit;
    }
    if (v.empty()) {
      return "argument(s) must be one of the following: default, save, nosave, now, force";
    }
    if ((bits & 3) == 3) return "shutdown options SAVE and NOSAVE can't be used simultaneously";
    std::string text;
    for (unsigned i = 0; i < 4; ++i) {
      if (bits & (1u << i)) text += (text.empty() ? "" : " ") + std::string(kFlags[i]);
    }
    a.set(c, text.empty() ? "default" : text);
    return "";
  };
  o.rewrite = [a, name](const Config& c) {
    std::string v = a.get(c);
    return OneLine(name + " " + v, v != "default");
  };
  return o;
}

// ---- Strings --------------------------------------------------------------------------------

using StringCheck = std::function<std::string(const Config&, const std::string&)>;

// `empty_is_null`: Redis stores "" as NULL, and CONFIG REWRITE then drops the directive.
Option MakeString(std::string name, std::string alias, uint32_t flags, bool empty_is_null,
                  Access<std::string> a, StringCheck check = nullptr) {
  Option o{name, std::move(alias), flags};
  o.get = [a](const Config& c) { return a.get(c); };
  o.set = [a, check](Config& c, const Args& v) -> std::string {
    if (check) {
      std::string err = check(c, v[0]);
      if (!err.empty()) return err;
    }
    a.set(c, v[0]);
    return "";
  };
  o.rewrite = [a, name, empty_is_null](const Config& c) -> std::vector<RewriteLine> {
    std::string v = a.get(c);
    if (empty_is_null && v.empty()) return {};
    return OneLine(name + " " + QuoteRepr(v), empty_is_null || v != a.get(Defaults()));
  };
  return o;
}

Option String(std::string name, uint32_t flags, bool empty_is_null, std::string Config::*field) {
  return MakeString(std::move(name), "", flags, empty_is_null, FieldAccess<std::string>(field));
}

Option InertString(std::string name, std::string alias, uint32_t flags, bool empty_is_null,
                   std::string def = "", StringCheck check = nullptr) {
  Access<std::string> a = CompatText(name, std::move(def));
  return MakeString(std::move(name), std::move(alias), flags | kInert, empty_is_null, a,
                    std::move(check));
}

std::string CheckBaseName(const std::string& v, const char* what, const char* kind) {
  if (v.find('/') != std::string::npos) {
    return std::string(what) + " can't be a path, just a " + kind;
  }
  return "";
}

std::string CheckHostname(const Config&, const std::string& v) {
  if (v.size() >= 256) return "Hostnames must be less than 256 characters";
  for (char ch : v) {
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-' && ch != '.') {
      return "Hostnames may only contain alphanumeric characters, hyphens or dots";
    }
  }
  return "";
}

// Redis's validateProcTitleTemplate: every {variable} known, and something left after the
// expansion is trimmed of spaces.
std::string CheckProcTitle(const Config& c, const std::string& t) {
  static const char* const kVars[] = {"title",    "listen-addr", "server-mode", "port",
                                      "tls-port", "unixsocket",  "config-file"};
  const char* kInvalid = "template format is invalid or contains unknown variables";
  std::string out;
  for (size_t i = 0; i < t.size();) {
    if (t[i] != '{') {
      out += t[i++];
      continue;
    }
    if (i + 1 >= t.size()) return kInvalid;
    if (t[i + 1] == '{') {
      out += '{';
      i += 2;
      continue;
    }
    size_t end = t.find('}', i + 1);
    if (end == std::string::npos) return kInvalid;
    std::string var = t.substr(i + 1, end - i - 1);
    bool known = false;
    for (const char* v : kVars) known = known || var == v;
    if (!known) return kInvalid;
    // What the variable expands to when validating: title and server-mode are empty.
    if (var == "unixsocket") {
      out += c.unixsocket;
    } else if (var == "config-file") {
      out += c.config_file;
    } else if (var != "title" && var != "server-mode") {
      out += "x";
    }
    i = end + 1;
  }
  size_t first = out.find_first_not_of(' ');
  return first == std::string::npos ? kInvalid : "";
}

// ---- Multi-value parameters -----------------------------------------------------------------

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) out += (i ? " " : "") + words[i];
  return out;
}

Option Bind() {
  Option o{"bind", "", kCfgMultiArg};
  o.get = [](const Config& c) { return JoinWords(c.bind); };
  o.set = [](Config& c, const Args& v) -> std::string {
    if (v.size() > 16) return "Too many bind addresses specified.";
    c.bind = (v.size() == 1 && v[0].empty()) ? Args{} : v;
    return "";
  };
  // Unlike Redis, the line stays (in place) when the value is the default: Tandem's default
  // differs from Redis's "* -::*", so dropping it would change what Redis reads from the file.
  o.rewrite = [](const Config& c) {
    return OneLine("bind " + (c.bind.empty() ? std::string("\"\"") : JoinWords(c.bind)),
                   c.bind != Defaults().bind);
  };
  return o;
}

// memcached-bind: like bind, and empty (the default) means bind's addresses.
Option MemcachedBind() {
  Option o{"memcached-bind", "", kCfgMultiArg | kImm | kCfgTandem};
  o.get = [](const Config& c) { return JoinWords(c.memcached_bind); };
  o.set = [](Config& c, const Args& v) -> std::string {
    if (v.size() > 16) return "Too many bind addresses specified.";
    c.memcached_bind = (v.size() == 1 && v[0].empty()) ? Args{} : v;
    return "";
  };
  o.rewrite = [](const Config& c) {
    return OneLine("memcached-bind " + JoinWords(c.memcached_bind), !c.memcached_bind.empty());
  };
  return o;
}

std::string FormatLimit(const char* cls, const OutputBufferLimit& l) {
  return std::string(cls) + " " + std::to_string(l.hard) + " " + std::to_string(l.soft) + " " +
         std::to_string(l.soft_seconds);
}

Option ClientOutputBufferLimit() {
  Option o{"client-output-buffer-limit", "", kCfgMultiArg};
  o.get = [](const Config& c) {
    return FormatLimit("normal", c.obuf_normal) + " " + FormatLimit("slave", c.obuf_replica) + " " +
           FormatLimit("pubsub", c.obuf_pubsub);
  };
  // Redis's updateClientOutputBufferLimit: every group is checked before any is applied.
  o.set = [](Config& c, const Args& v) -> std::string {
    if (v.size() % 4 != 0) return "Wrong number of arguments in buffer limit configuration.";
    Config next = c;
    for (size_t i = 0; i < v.size(); i += 4) {
      OutputBufferLimit* target;
      if (EqualsIgnoreCase(v[i], "normal")) {
        target = &next.obuf_normal;
      } else if (EqualsIgnoreCase(v[i], "slave") || EqualsIgnoreCase(v[i], "replica")) {
        target = &next.obuf_replica;
      } else if (EqualsIgnoreCase(v[i], "pubsub")) {
        target = &next.obuf_pubsub;
      } else {
        return "Invalid client class specified in buffer limit configuration.";
      }
      OutputBufferLimit l;
      char* end;
      l.soft_seconds = std::strtoll(v[i + 3].c_str(), &end, 10);
      if (!ParseMemory(v[i + 1], &l.hard) || !ParseMemory(v[i + 2], &l.soft) ||
          l.soft_seconds < 0 || *end != '\0') {
        return "Error in hard, soft or soft_seconds setting in buffer limit configuration.";
      }
      *target = l;
    }
    c.obuf_normal = next.obuf_normal;
    c.obuf_replica = next.obuf_replica;
    c.obuf_pubsub = next.obuf_pubsub;
    return "";
  };
  o.rewrite = [](const Config& c) {
    const Config& d = Defaults();
    auto line = [](const char* cls, const OutputBufferLimit& l) {
      return std::string("client-output-buffer-limit ") + cls + " " +
             FormatMemory(static_cast<long long>(l.hard)) + " " +
             FormatMemory(static_cast<long long>(l.soft)) + " " + std::to_string(l.soft_seconds);
    };
    return std::vector<RewriteLine>{
        {line("normal", c.obuf_normal), !(c.obuf_normal == d.obuf_normal)},
        {line("replica", c.obuf_replica), !(c.obuf_replica == d.obuf_replica)},
        {line("pubsub", c.obuf_pubsub), !(c.obuf_pubsub == d.obuf_pubsub)}};
  };
  return o;
}

std::string ParseSaveRules(const Args& v, std::vector<std::pair<long long, long long>>* rules) {
  Args args = v;
  if (args.size() == 1 && args[0].empty()) args.clear();
  if (args.size() % 2 != 0) return "Invalid save parameters";
  for (size_t j = 0; j < args.size(); ++j) {
    char* end;
    long long x = std::strtoll(args[j].c_str(), &end, 10);
    if (*end != '\0' || (j % 2 == 0 && x < 1) || (j % 2 == 1 && x < 0)) {
      return "Invalid save parameters";
    }
  }
  for (size_t j = 0; j < args.size(); j += 2) {
    rules->emplace_back(std::strtoll(args[j].c_str(), nullptr, 10),
                        std::strtoll(args[j + 1].c_str(), nullptr, 10));
  }
  return "";
}

// Accepted and shown, never acted on: start-up warns that nothing is saved.
Option Save() {
  Option o{"save", "", kCfgMultiArg};
  o.get = [](const Config& c) {
    std::string out;
    for (const auto& [seconds, changes] : c.save) {
      out += (out.empty() ? "" : " ") + std::to_string(seconds) + " " + std::to_string(changes);
    }
    return out;
  };
  o.set = [](Config& c, const Args& v) -> std::string {
    std::vector<std::pair<long long, long long>> rules;
    std::string err = ParseSaveRules(v, &rules);
    if (err.empty()) c.save = std::move(rules);
    return err;
  };
  // In a config file, every save line after the first adds its rules (Redis).
  o.append = [](Config& c, const Args& v) { return ParseSaveRules(v, &c.save); };
  o.rewrite = [](const Config& c) {
    std::vector<RewriteLine> lines;
    for (const auto& [seconds, changes] : c.save) {
      lines.push_back({"save " + std::to_string(seconds) + " " + std::to_string(changes), true});
    }
    if (lines.empty()) lines.push_back({"save \"\"", true});
    return lines;
  };
  return o;
}

Option NotifyKeyspaceEvents() {
  Option o{"notify-keyspace-events", "", 0};
  o.get = [](const Config& c) { return KeyspaceEventsToString(c.notify_keyspace_events); };
  o.set = [](Config& c, const Args& v) -> std::string {
    int flags = KeyspaceEventsFromString(v[0]);
    if (flags < 0) return "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";
    c.notify_keyspace_events = flags;
    return "";
  };
  o.rewrite = [](const Config& c) {
    return OneLine(
        "notify-keyspace-events " + QuoteRepr(KeyspaceEventsToString(c.notify_keyspace_events)),
        c.notify_keyspace_events != 0);
  };
  return o;
}

// The directory is changed by main() at start-up and by CONFIG SET once every value is valid;
// CONFIG GET shows the working directory, as Redis does.
Option Dir() {
  Option o{"dir", "", kCfgProtected};
  o.get = [](const Config& c) {
    char buf[4096];
    return std::string(getcwd(buf, sizeof(buf)) ? buf : "");
  };
  o.set = [](Config& c, const Args& v) -> std::string {
    c.dir = v[0];
    return "";
  };
  o.rewrite = [](const Config& c) -> std::vector<RewriteLine> {
    char buf[4096];
    if (!getcwd(buf, sizeof(buf))) return {};
    return OneLine("dir " + QuoteRepr(buf), true);
  };
  return o;
}

Option OomScoreAdjValues() {
  Option o{"oom-score-adj-values", "", kCfgMultiArg | kInert};
  Access<std::string> a = CompatText(o.name, "0 200 800");
  o.get = [a](const Config& c) { return a.get(c); };
  o.set = [a](Config& c, const Args& v) -> std::string {
    if (v.size() != 3) return "wrong number of arguments";
    std::string text;
    for (const std::string& arg : v) {
      char* end;
      long long x = std::strtoll(arg.c_str(), &end, 10);
      if (*end != '\0' || x < -2000 || x > 2000) {
        return "Invalid oom-score-adj-values, elements must be between -2000 and 2000.";
      }
      text += (text.empty() ? "" : " ") + std::to_string(x);
    }
    a.set(c, text);
    return "";
  };
  o.rewrite = [a](const Config& c) {
    std::string v = a.get(c);
    return OneLine("oom-score-adj-values " + v, v != "0 200 800");
  };
  return o;
}

// Tandem does not replicate: the setting is kept and shown, and start-up warns.
Option ReplicaOf() {
  Option o{"replicaof", "slaveof", kImm | kCfgMultiArg | kInert};
  Access<std::string> a = CompatText(o.name, "");
  o.get = [a](const Config& c) { return a.get(c); };
  o.set = [a](Config& c, const Args& v) -> std::string {
    if (v.size() != 2) return "wrong number of arguments";
    if (EqualsIgnoreCase(v[0], "no") && EqualsIgnoreCase(v[1], "one")) {
      a.set(c, "");
      return "";
    }
    char* end;
    long port = std::strtol(v[1].c_str(), &end, 10);
    if (port < 0 || port > 65535 || *end != '\0') return "Invalid master port";
    a.set(c, v[0] + " " + std::to_string(port));
    return "";
  };
  o.rewrite = [a](const Config& c) -> std::vector<RewriteLine> {
    std::string v = a.get(c);
    if (v.empty()) return {};
    return OneLine("replicaof " + v, true);
  };
  return o;
}

// Redis's string2d: the whole text is a number, no leading space, no NaN, no overflow.
bool ParsePercentile(const std::string& s, double* out) {
  if (s.empty() || std::isspace(static_cast<unsigned char>(s[0]))) return false;
  char* end;
  errno = 0;
  *out = std::strtod(s.c_str(), &end);
  if (static_cast<size_t>(end - s.c_str()) != s.size() || std::isnan(*out)) return false;
  return !(errno == ERANGE && (std::isinf(*out) || *out == 0));
}

// "%f" with trailing zeros (and a bare point) removed, as Redis's trimDoubleString.
std::string FormatPercentile(double v) {
  char buf[128];
  std::snprintf(buf, sizeof(buf), "%f", v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

Option LatencyTrackingInfoPercentiles() {
  Option o{"latency-tracking-info-percentiles", "", kCfgMultiArg | kInert};
  Access<std::string> a = CompatText(o.name, "50 99 99.9");
  o.get = [a](const Config& c) { return a.get(c); };
  o.set = [a](Config& c, const Args& v) -> std::string {
    std::string text;
    if (!(v.size() == 1 && v[0].empty())) {
      for (const std::string& arg : v) {
        double p;
        if (!ParsePercentile(arg, &p)) {
          return "Invalid latency-tracking-info-percentiles parameters";
        }
        if (p > 100.0 || p < 0.0) {
          return "latency-tracking-info-percentiles parameters should sit between [0.0,100.0]";
        }
        text += (text.empty() ? "" : " ") + FormatPercentile(p);
      }
    }
    a.set(c, text);
    return "";
  };
  // Redis always writes it, "" for an empty list.
  o.rewrite = [a](const Config& c) {
    std::string v = a.get(c);
    return OneLine("latency-tracking-info-percentiles " + (v.empty() ? "\"\"" : v), true);
  };
  return o;
}

}  // namespace

std::vector<Option> BuildConfigOptions() {
  auto yes_no_local = {"no", "yes", "local"};
  std::vector<Option> t;

  // ---- Acted on -----------------------------------------------------------------------------
  t.push_back(Number("port", "", 0, kPort, &Config::port));
  t.push_back(Bind());
  t.push_back(String("unixsocket", kImm, true, &Config::unixsocket));
  t.push_back(Number("unixsocketperm", "", kImm, {0, 0777, kOctal, true}, &Config::unixsocketperm));
  // Tandem's own range: 0 starts one event loop per core (Redis: 1..128, default 1).
  t.push_back(Number("io-threads", "", kImm, {0, 128}, &Config::io_threads));
  t.push_back(Number("databases", "", kImm, {1, INT_MAX}, &Config::databases));
  t.push_back(Number("maxclients", "", 0, {1, UINT_MAX, kInteger, true}, &Config::maxclients));
  t.push_back(Number("timeout", "", 0, kIntNonNeg, &Config::timeout));
  t.push_back(Number("tcp-keepalive", "", 0, kIntNonNeg, &Config::tcp_keepalive));
  t.push_back(Number("tcp-backlog", "", kImm, kIntNonNeg, &Config::tcp_backlog));
  t.push_back(String("requirepass", 0, true, &Config::requirepass));
  t.push_back(String("logfile", kImm, false, &Config::logfile));
  t.push_back(Enum("loglevel", 0, {"debug", "verbose", "notice", "warning"}, &Config::loglevel));
  t.push_back(ClientOutputBufferLimit());
  t.push_back(Number("proto-max-bulk-len", "", 0, {1024 * 1024, LONG_MAX, kMemory},
                     &Config::proto_max_bulk_len));
  t.push_back(Number("client-query-buffer-limit", "", 0, {1024 * 1024, LONG_MAX, kMemory, true},
                     &Config::client_query_buffer_limit));
  t.push_back(Number("maxmemory", "", 0, {0, static_cast<long long>(ULLONG_MAX), kMemory, true},
                     &Config::maxmemory));
  t.push_back(Enum("maxmemory-policy", 0,
                   {"volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl",
                    "allkeys-lru", "allkeys-lfu", "allkeys-random", "noeviction"},
                   &Config::maxmemory_policy));
  t.push_back(Number("maxmemory-samples", "", 0, {1, INT_MAX}, &Config::maxmemory_samples));
  // Redis's updateHZ: any value is accepted and kept between 1 and 500.
  t.push_back(MakeNumber("hz", "", 0, kIntNonNeg, FieldAccess<long long>(&Config::hz),
                         [](long long v) { return std::clamp(v, 1ll, 500ll); }));
  t.push_back(
      Number("slowlog-log-slower-than", "", 0, {-1, LLONG_MAX}, &Config::slowlog_log_slower_than));
  t.push_back(Number("slowlog-max-len", "", 0, {0, LONG_MAX}, &Config::slowlog_max_len));
  t.push_back(Bool("activerehashing", 0, &Config::activerehashing));
  t.push_back(Number("lfu-log-factor", "", 0, kIntNonNeg, &Config::lfu_log_factor));
  t.push_back(Number("lfu-decay-time", "", 0, kIntNonNeg, &Config::lfu_decay_time));
  t.push_back(Bool("daemonize", kImm, &Config::daemonize));
  t.push_back(String("pidfile", kImm, true, &Config::pidfile));
  t.push_back(Enum("supervised", kImm, {"upstart", "systemd", "auto", "no"}, &Config::supervised));
  t.push_back(Dir());
  t.push_back(Bool("lazyfree-lazy-user-flush", 0, &Config::lazyfree_lazy_user_flush));
  t.push_back(Bool("lazyfree-lazy-user-del", 0, &Config::lazyfree_lazy_user_del));
  t.push_back(NotifyKeyspaceEvents());
  t.push_back(Enum("enable-debug-command", kImm, yes_no_local, &Config::enable_debug_command));
  t.push_back(
      Enum("enable-protected-configs", kImm, yes_no_local, &Config::enable_protected_configs));
  t.push_back(Save());
  t.push_back(Bool("appendonly", 0, &Config::appendonly));
  t.push_back(Number("busy-reply-threshold", "lua-time-limit", 0, {0, LONG_MAX},
                     &Config::busy_reply_threshold));
  t.push_back(Bool("lua-deterministic", kCfgTandem, &Config::lua_deterministic));
  t.push_back(Bool("lua-replicate-commands", kCfgTandem, &Config::lua_replicate_commands));
  constexpr uint32_t kOwn = kCfgTandem;
  t.push_back(Number("memcached-port", "", kImm | kOwn, kPort, &Config::memcached_port));
  t.push_back(MemcachedBind());
  t.push_back(Number("memcached-db", "", kOwn, {0, INT_MAX}, &Config::memcached_db));
  t.push_back(Number("memcached-item-size-max", "", kOwn, {1024, 1024ll * 1024 * 1024, kMemory},
                     &Config::memcached_item_size_max));
  t.push_back(Bool("memcached-enable-shutdown", kImm | kOwn, &Config::memcached_enable_shutdown));

  // ---- Features still to come: Redis's defaults, no effect yet -------------------------------
  t.push_back(Number("hash-max-listpack-entries", "hash-max-ziplist-entries", 0, kSizeT,
                     &Config::hash_max_listpack_entries));
  t.push_back(Number("hash-max-listpack-value", "hash-max-ziplist-value", 0, kSizeTMemory,
                     &Config::hash_max_listpack_value));
  t.push_back(Number("list-max-listpack-size", "list-max-ziplist-size", 0, {INT_MIN, INT_MAX},
                     &Config::list_max_listpack_size));
  t.push_back(Number("list-compress-depth", "", 0, kIntNonNeg, &Config::list_compress_depth));
  t.push_back(Number("set-max-intset-entries", "", 0, kSizeT, &Config::set_max_intset_entries));
  t.push_back(Number("zset-max-listpack-entries", "zset-max-ziplist-entries", 0, kSizeT,
                     &Config::zset_max_listpack_entries));
  t.push_back(Number("zset-max-listpack-value", "zset-max-ziplist-value", 0, kSizeTMemory,
                     &Config::zset_max_listpack_value));
  t.push_back(
      Number("stream-node-max-bytes", "", kInert, kSizeTMemory, &Config::stream_node_max_bytes));
  t.push_back(Number("stream-node-max-entries", "", kInert, {0, LLONG_MAX},
                     &Config::stream_node_max_entries));
  t.push_back(
      Number("hll-sparse-max-bytes", "", kInert, kSizeTMemory, &Config::hll_sparse_max_bytes));

  // ---- Accepted for compatibility, no effect -------------------------------------------------
  // Process and logging.
  t.push_back(InertBool("always-show-logo", "", kImm, false));
  t.push_back(InertBool("set-proc-title", "", kImm, true));
  t.push_back(InertString("proc-title-template", "", 0, false,
                          "{title} {listen-addr} {server-mode}", CheckProcTitle));
  t.push_back(InertBool("syslog-enabled", "", kImm, false));
  t.push_back(InertString("syslog-ident", "", kImm, false, "redis"));
  t.push_back(InertEnum("syslog-facility", kImm,
                        Names({"user", "local0", "local1", "local2", "local3", "local4", "local5",
                               "local6", "local7"}),
                        "local0"));
  t.push_back(InertBool("crash-log-enabled", "", 0, true));
  t.push_back(InertBool("crash-memcheck-enabled", "", 0, true));
  t.push_back(InertBool("disable-thp", "", kImm, true));
  t.push_back(InertBool("jemalloc-bg-thread", "", 0, true));
  t.push_back(InertBool("protected-mode", "", 0, true));
  t.push_back(InertString("ignore-warnings", "", 0, false));
  t.push_back(
      InertEnum("oom-score-adj", 0, {{"no", 0}, {"yes", 1}, {"relative", 1}, {"absolute", 2}}));
  t.push_back(OomScoreAdjValues());
  t.push_back(InertString("server_cpulist", "", kImm, true));
  t.push_back(InertString("bio_cpulist", "", kImm, true));
  t.push_back(InertString("aof_rewrite_cpulist", "", kImm, true));
  t.push_back(InertString("bgsave_cpulist", "", kImm, true));
  t.push_back(InertBool("io-threads-do-reads", "", kImm, false));
  t.push_back(InertNumber("socket-mark-id", "", kImm, {0, UINT_MAX, kInteger, true}, 0));
  t.push_back(InertString("bind-source-addr", "", 0, true));
  t.push_back(InertNumber("shutdown-timeout", "", 0, kIntNonNeg, 10));
  t.push_back(ShutdownFlags("shutdown-on-sigint"));
  t.push_back(ShutdownFlags("shutdown-on-sigterm"));
  t.push_back(InertEnum("enable-module-command", kImm, Names(yes_no_local)));
  t.push_back(InertBool("dynamic-hz", "", 0, true));
  t.push_back(InertNumber("active-expire-effort", "", 0, {1, 10}, 1));
  t.push_back(InertNumber("maxmemory-eviction-tenacity", "", 0, {0, 100}, 10));
  t.push_back(InertNumber("maxmemory-clients", "", 0, {-100, SSIZE_MAX, kMemory | kPercent}, 0));
  t.push_back(InertBool("lazyfree-lazy-eviction", "", 0, false));
  t.push_back(InertBool("lazyfree-lazy-expire", "", 0, false));
  t.push_back(InertBool("lazyfree-lazy-server-del", "", 0, false));
  t.push_back(Number("tracking-table-max-keys", "", 0, {0, LONG_MAX, kInteger, true},
                     &Config::tracking_table_max_keys));
  t.push_back(InertNumber("latency-monitor-threshold", "", 0, {0, LLONG_MAX}, 0));
  t.push_back(InertBool("latency-tracking", "", 0, true));
  t.push_back(LatencyTrackingInfoPercentiles());
  // ACL.
  t.push_back(InertString("aclfile", "", kImm, false));
  t.push_back(InertNumber("acllog-max-len", "", 0, {0, LONG_MAX}, 128));
  t.push_back(
      InertEnum("acl-pubsub-default", 0, Names({"allchannels", "resetchannels"}), "resetchannels"));
  // Active defragmentation: like Debian's redis-server (built without Jemalloc's defrag
  // support), it cannot be turned on.
  t.push_back(InertBool("activedefrag", "", 0, false, [](bool on) -> std::string {
    if (!on) return "";
    return "Active defragmentation cannot be enabled: it requires a Redis server compiled "
           "with a modified Jemalloc like the one shipped by default with the Redis source "
           "distribution";
  }));
  t.push_back(InertNumber("active-defrag-cycle-min", "", 0, {1, 99}, 1));
  t.push_back(InertNumber("active-defrag-cycle-max", "", 0, {1, 99}, 25));
  t.push_back(InertNumber("active-defrag-threshold-lower", "", 0, {0, 1000}, 10));
  t.push_back(InertNumber("active-defrag-threshold-upper", "", 0, {0, 1000}, 100));
  t.push_back(
      InertNumber("active-defrag-ignore-bytes", "", 0, {1, LLONG_MAX, kMemory, true}, 100 << 20));
  t.push_back(InertNumber("active-defrag-max-scan-fields", "", 0, {1, LONG_MAX}, 1000));
  // Snapshots and the append-only file.
  t.push_back(InertString("dbfilename", "", kCfgProtected, false, "dump.rdb",
                          [](const Config&, const std::string& v) {
                            return CheckBaseName(v, "dbfilename", "filename");
                          }));
  t.push_back(InertBool("rdbcompression", "", 0, true));
  t.push_back(InertBool("rdbchecksum", "", kImm, true));
  t.push_back(InertBool("rdb-del-sync-files", "", 0, false));
  t.push_back(InertBool("rdb-save-incremental-fsync", "", 0, true));
  t.push_back(InertBool("stop-writes-on-bgsave-error", "", 0, true));
  t.push_back(InertEnum("sanitize-dump-payload", 0, Names({"no", "yes", "clients"})));
  t.push_back(InertString("appendfilename", "", kImm, false, "appendonly.aof",
                          [](const Config&, const std::string& v) -> std::string {
                            if (v.empty()) return "appendfilename can't be empty";
                            return CheckBaseName(v, "appendfilename", "filename");
                          }));
  t.push_back(InertString("appenddirname", "", kImm, false, "appendonlydir",
                          [](const Config&, const std::string& v) -> std::string {
                            if (v.empty()) return "appenddirname can't be empty";
                            return CheckBaseName(v, "appenddirname", "dirname");
                          }));
  t.push_back(InertEnum("appendfsync", 0, Names({"everysec", "always", "no"})));
  t.push_back(InertBool("no-appendfsync-on-rewrite", "", 0, false));
  t.push_back(InertNumber("auto-aof-rewrite-percentage", "", 0, kIntNonNeg, 100));
  t.push_back(
      InertNumber("auto-aof-rewrite-min-size", "", 0, {0, LLONG_MAX, kMemory}, 64 * 1024 * 1024));
  t.push_back(InertBool("aof-load-truncated", "", 0, true));
  t.push_back(InertBool("aof-use-rdb-preamble", "", 0, true));
  t.push_back(InertBool("aof-rewrite-incremental-fsync", "", 0, true));
  t.push_back(InertBool("aof-timestamp-enabled", "", 0, false));
  t.push_back(InertBool("aof-disable-auto-gc", "", 0, false));
  // Replication.
  t.push_back(ReplicaOf());
  t.push_back(InertString("masterauth", "", 0, true));
  t.push_back(InertString("masteruser", "", 0, true));
  t.push_back(InertBool("replica-serve-stale-data", "slave-serve-stale-data", 0, true));
  t.push_back(InertBool("replica-read-only", "slave-read-only", 0, true));
  t.push_back(InertBool("replica-lazy-flush", "slave-lazy-flush", 0, false));
  t.push_back(InertBool("replica-ignore-maxmemory", "slave-ignore-maxmemory", 0, true));
  t.push_back(InertBool("replica-ignore-disk-write-errors", "", 0, false));
  t.push_back(InertBool("replica-announced", "", 0, true));
  t.push_back(InertString("replica-announce-ip", "slave-announce-ip", 0, true));
  t.push_back(InertNumber("replica-announce-port", "slave-announce-port", 0, kPort, 0));
  t.push_back(InertNumber("replica-priority", "slave-priority", 0, kIntNonNeg, 100));
  t.push_back(
      InertNumber("repl-ping-replica-period", "repl-ping-slave-period", 0, {1, INT_MAX}, 10));
  t.push_back(InertNumber("repl-timeout", "", 0, {1, INT_MAX}, 60));
  t.push_back(InertBool("repl-disable-tcp-nodelay", "", 0, false));
  // Redis's resizeReplicationBacklog raises it to 16kb at least.
  t.push_back(MakeNumber("repl-backlog-size", "", kInert, {1, LLONG_MAX, kMemory},
                         CompatNumber("repl-backlog-size", 1024 * 1024),
                         [](long long v) { return std::max(v, 16ll * 1024); }));
  t.push_back(InertNumber("repl-backlog-ttl", "", 0, {0, LONG_MAX}, 3600));
  t.push_back(InertBool("repl-diskless-sync", "", 0, true));
  t.push_back(InertNumber("repl-diskless-sync-delay", "", 0, kIntNonNeg, 5));
  t.push_back(InertNumber("repl-diskless-sync-max-replicas", "", 0, kIntNonNeg, 0));
  t.push_back(InertEnum("repl-diskless-load", 0, Names({"disabled", "on-empty-db", "swapdb"})));
  t.push_back(InertNumber("min-replicas-to-write", "min-slaves-to-write", 0, kIntNonNeg, 0));
  t.push_back(InertNumber("min-replicas-max-lag", "min-slaves-max-lag", 0, kIntNonNeg, 10));
  t.push_back(
      InertEnum("propagation-error-behavior", 0, Names({"ignore", "panic", "panic-on-replicas"})));
  // Cluster.
  t.push_back(InertBool("cluster-enabled", "", kImm, false));
  t.push_back(InertString("cluster-config-file", "", kImm, false, "nodes.conf"));
  t.push_back(InertNumber("cluster-node-timeout", "", 0, {0, LLONG_MAX}, 15000));
  t.push_back(InertNumber("cluster-port", "", kImm, kPort, 0));
  t.push_back(InertString("cluster-announce-ip", "", 0, true));
  t.push_back(InertString("cluster-announce-hostname", "", 0, true, "", CheckHostname));
  t.push_back(InertNumber("cluster-announce-port", "", 0, kPort, 0));
  t.push_back(InertNumber("cluster-announce-bus-port", "", 0, kPort, 0));
  t.push_back(InertNumber("cluster-announce-tls-port", "", 0, kPort, 0));
  t.push_back(InertEnum("cluster-preferred-endpoint-type", 0,
                        Names({"ip", "hostname", "unknown-endpoint"})));
  t.push_back(InertBool("cluster-require-full-coverage", "", 0, true));
  t.push_back(InertBool("cluster-replica-no-failover", "cluster-slave-no-failover", 0, false));
  t.push_back(InertNumber("cluster-replica-validity-factor", "cluster-slave-validity-factor", 0,
                          kIntNonNeg, 10));
  t.push_back(InertNumber("cluster-migration-barrier", "", 0, kIntNonNeg, 1));
  t.push_back(InertBool("cluster-allow-replica-migration", "", 0, true));
  t.push_back(InertBool("cluster-allow-reads-when-down", "", 0, false));
  t.push_back(InertBool("cluster-allow-pubsubshard-when-down", "", 0, true));
  t.push_back(InertNumber("cluster-link-sendbuf-limit", "", 0,
                          {0, static_cast<long long>(ULLONG_MAX), kMemory, true}, 0));
  // TLS.
  t.push_back(InertNumber("tls-port", "", 0, kPort, 0));
  for (const char* name :
       {"tls-cert-file", "tls-key-file", "tls-key-file-pass", "tls-client-cert-file",
        "tls-client-key-file", "tls-client-key-file-pass", "tls-dh-params-file", "tls-ca-cert-file",
        "tls-ca-cert-dir", "tls-protocols", "tls-ciphers", "tls-ciphersuites"}) {
    t.push_back(InertString(name, "", 0, true));
  }
  t.push_back(InertEnum("tls-auth-clients", 0, Names({"no", "yes", "optional"}), "yes"));
  t.push_back(InertBool("tls-replication", "", 0, false));
  t.push_back(InertBool("tls-cluster", "", 0, false));
  t.push_back(InertBool("tls-prefer-server-ciphers", "", 0, false));
  t.push_back(InertBool("tls-session-caching", "", 0, true));
  t.push_back(InertNumber("tls-session-cache-size", "", 0, kIntNonNeg, 20 * 1024));
  t.push_back(InertNumber("tls-session-cache-timeout", "", 0, kIntNonNeg, 300));
  return t;
}

std::string QuoteRepr(std::string_view s) {
  std::string out = "\"";
  for (unsigned char ch : s) {
    switch (ch) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\a':
        out += "\\a";
        break;
      case '\b':
        out += "\\b";
        break;
      default:
        if (std::isprint(ch)) {
          out += static_cast<char>(ch);
        } else {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\x%02x", ch);
          out += buf;
        }
    }
  }
  return out + "\"";
}

}  // namespace tandem
