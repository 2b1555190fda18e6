#include "server/log.h"

#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace tandem {
namespace {

std::mutex g_mu;
FILE* g_out = nullptr;
// Set by CONFIG SET (under the engine lock), read by every thread that logs.
std::atomic<LogLevel> g_level{LogLevel::kNotice};

}  // namespace

bool LogOpen(const std::string& path) {
  std::lock_guard lock(g_mu);
  if (path.empty()) {
    g_out = stdout;
    return true;
  }
  FILE* f = std::fopen(path.c_str(), "a");
  if (!f) return false;
  g_out = f;
  return true;
}

void LogSetLevel(std::string_view level) {
  LogLevel l = LogLevel::kNotice;
  if (level == "debug") {
    l = LogLevel::kDebug;
  } else if (level == "verbose") {
    l = LogLevel::kVerbose;
  } else if (level == "warning") {
    l = LogLevel::kWarning;
  }
  g_level.store(l, std::memory_order_relaxed);
}

void Log(LogLevel level, std::string_view message) {
  if (level < g_level.load(std::memory_order_relaxed)) return;
  static constexpr char kMarks[] = {'.', '-', '*', '#'};
  timeval tv;
  gettimeofday(&tv, nullptr);
  tm t;
  localtime_r(&tv.tv_sec, &t);
  char stamp[64];
  size_t n = std::strftime(stamp, sizeof(stamp), "%d %b %Y %H:%M:%S.", &t);
  std::snprintf(stamp + n, sizeof(stamp) - n, "%03d", static_cast<int>(tv.tv_usec / 1000));
  std::lock_guard lock(g_mu);
  FILE* out = g_out ? g_out : stdout;
  std::fprintf(out, "%d:M %s %c %.*s\n", static_cast<int>(getpid()), stamp,
               kMarks[static_cast<int>(level)], static_cast<int>(message.size()), message.data());
  std::fflush(out);
}

}  // namespace tandem
