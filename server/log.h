// Redis-style log lines ("pid:M 21 Nov 2026 13:56:32.123 * message") to the logfile or
// stdout, filtered by loglevel. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace tandem {

enum class LogLevel { kDebug = 0, kVerbose = 1, kNotice = 2, kWarning = 3 };

// Opens `path` for appending ("" means stdout). Returns false if it cannot be opened.
bool LogOpen(const std::string& path);
void LogSetLevel(std::string_view level);
void Log(LogLevel level, std::string_view message);

}  // namespace tandem
