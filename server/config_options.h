// Internal to the config registry (config.cc, config_options.cc): how one parameter shows,
// sets and rewrites itself.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "server/config.h"

namespace tandem {

enum ConfigOptionFlags : uint32_t {
  kCfgImmutable = 1 << 0,  // start-up only: CONFIG SET refuses it
  kCfgProtected = 1 << 1,  // CONFIG SET only when enable-protected-configs admits the client
  kCfgMultiArg = 1 << 2,   // several values; CONFIG SET splits its one value on spaces
  kCfgNoEffect = 1 << 3,   // accepted for compatibility: Tandem ignores it
  kCfgTandem = 1 << 4,     // Tandem's own: CONFIG GET lists it by exact name only, so glob
                           // listings (CONFIG GET *) stay redis-server's
};

// One line CONFIG REWRITE writes for a parameter; `force` writes it even where the file does
// not mention the parameter (Redis: the value differs from the default).
struct RewriteLine {
  std::string text;
  bool force;
};

struct ConfigRegistry::Option {
  std::string name;
  std::string alias;  // Redis 7.0's second name (slave-*, *-ziplist-*, lua-time-limit...)
  uint32_t flags = 0;
  // CONFIG GET's text.
  std::function<std::string(const Config&)> get;
  // Applies the values (exactly one unless kCfgMultiArg); returns Redis's reason on failure.
  std::function<std::string(Config&, const std::vector<std::string>&)> set;
  // For a directive that accumulates while a file loads (save): applies a repeat.
  std::function<std::string(Config&, const std::vector<std::string>&)> append;
  // CONFIG REWRITE's lines; none removes the directive from the file.
  std::function<std::vector<RewriteLine>(const Config&)> rewrite;
};

// The table, in the order CONFIG GET * lists it.
std::vector<ConfigRegistry::Option> BuildConfigOptions();

// Redis's sdscatrepr: the text in double quotes, with \n \r \t \a \b \\ \" and \xHH escapes.
std::string QuoteRepr(std::string_view s);

}  // namespace tandem
