// memcached's text protocol framing, as memcached 1.6.18's proto_text.c reads it: lines end
// in "\n" (a "\r" before it is dropped), tokens are separated by single spaces only, at most
// 23 tokens are split off a line and the rest stays in one piece (multi-key gets go on from
// there), and its number parsers (safe_strtoul and friends) decide what a valid number is.
// Pure functions: no engine, no sockets.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace tandem::protocol::memcache {

// memcached's MAX_TOKENS, counting the terminal token.
inline constexpr size_t kMaxTokens = 24;
inline constexpr size_t kKeyMaxLength = 250;
// A line without "\n" longer than this closes the connection unless it is a get.
inline constexpr size_t kMaxIncompleteLine = 2048;

struct Tokens {
  std::array<std::string_view, kMaxTokens> tok;
  // Real tokens (memcached's ntokens minus its terminal token).
  size_t n = 0;
  // What follows the 23rd token when the line has more (empty otherwise).
  std::string_view rest;
  // memcached's ntokens: the real ones plus the terminal one.
  size_t ntokens() const { return n + 1; }
  // The last real token; memcached's "noreply" and "HTTP/" checks look at it.
  std::string_view last() const { return n ? tok[n - 1] : std::string_view(); }
};

// memcached's tokenize_command over `line` (without its line end).
void Tokenize(std::string_view line, Tokens* out);

// Where the next line ends: the offset of its "\n", or npos.
size_t FindLineEnd(std::string_view input);
// The line before the "\n" at `nl`, without a "\r" before it (kept when it is the only byte,
// as memcached does).
std::string_view LineBefore(std::string_view input, size_t nl);
// memcached's rule for input with no complete line: true when it must close the connection
// (over 2048 bytes and not a multi-key get).
bool IncompleteLineTooLong(std::string_view pending);

// memcached's safe_strtoul / safe_strtol / safe_strtoull / safe_strtoll: decimal, optional
// sign, the number must be followed by the end or a space, no overflow of the target type.
bool ParseU32(std::string_view s, uint32_t* out);
bool ParseI32(std::string_view s, int32_t* out);
bool ParseU64(std::string_view s, uint64_t* out);
bool ParseI64(std::string_view s, int64_t* out);

}  // namespace tandem::protocol::memcache
