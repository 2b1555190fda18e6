// memcached 1.6.18's error replies, byte-exact and with their line end, as named constants
// (protocol/errors.h holds Redis's). Shared by the text and meta protocols, the stats
// commands and the memcached session.
#pragma once

#include <string_view>

namespace tandem::protocol::memcache {

inline constexpr std::string_view kError = "ERROR\r\n";
inline constexpr std::string_view kBadFormat = "CLIENT_ERROR bad command line format\r\n";
inline constexpr std::string_view kBadChunk = "CLIENT_ERROR bad data chunk\r\n";
inline constexpr std::string_view kTooLarge = "SERVER_ERROR object too large for cache\r\n";
inline constexpr std::string_view kNoMemory = "SERVER_ERROR out of memory storing object\r\n";
inline constexpr std::string_view kBadExptime = "CLIENT_ERROR invalid exptime argument\r\n";
inline constexpr std::string_view kNonNumeric =
    "CLIENT_ERROR cannot increment or decrement non-numeric value\r\n";
inline constexpr std::string_view kBadDelta = "CLIENT_ERROR invalid numeric delta argument\r\n";
inline constexpr std::string_view kDeleteUsage =
    "CLIENT_ERROR bad command line format.  Usage: delete <key> [noreply]\r\n";
inline constexpr std::string_view kShutdownDisabled = "ERROR: shutdown not enabled\r\n";
inline constexpr std::string_view kBadShutdownMode = "CLIENT_ERROR invalid shutdown mode\r\n";
inline constexpr std::string_view kTooManyConnections = "ERROR Too many open connections\r\n";
inline constexpr std::string_view kStatsDetailUsage =
    "CLIENT_ERROR usage: stats detail on|off|dump\r\n";
// Tandem's own: a Lua script past busy-reply-threshold holds the engine (Redis's -BUSY).
inline constexpr std::string_view kBusyScript = "SERVER_ERROR busy running a script\r\n";
inline constexpr std::string_view kMetadumpPipelined =
    "ERROR cannot pipeline other commands before metadump\r\n";

// The meta commands.
inline constexpr std::string_view kBadToken = "CLIENT_ERROR bad token in command line format\r\n";
inline constexpr std::string_view kInvalidFlag = "CLIENT_ERROR invalid flag\r\n";
inline constexpr std::string_view kDuplicateFlag = "CLIENT_ERROR duplicate flag\r\n";
inline constexpr std::string_view kInvalidOrDuplicate =
    "CLIENT_ERROR invalid or duplicate flag\r\n";
inline constexpr std::string_view kBadMetaDelta = "CLIENT_ERROR invalid numeric delta value\r\n";
inline constexpr std::string_view kBadMetaInitial =
    "CLIENT_ERROR invalid numeric initial value\r\n";
inline constexpr std::string_view kBadModeLength = "CLIENT_ERROR incorrect length for M token\r\n";
inline constexpr std::string_view kOpaqueTooLong = "CLIENT_ERROR opaque token too long\r\n";
inline constexpr std::string_view kBadKeyEncoding = "CLIENT_ERROR error decoding key\r\n";
inline constexpr std::string_view kBadSetMode = "CLIENT_ERROR invalid mode for ms M token\r\n";
inline constexpr std::string_view kBadArithmeticMode =
    "CLIENT_ERROR invalid mode for ma M token\r\n";

}  // namespace tandem::protocol::memcache
