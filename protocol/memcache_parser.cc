#include "protocol/memcache_parser.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>

namespace tandem::protocol::memcache {

void Tokenize(std::string_view line, Tokens* out) {
  out->n = 0;
  out->rest = {};
  size_t s = 0;
  size_t i = 0;
  for (; i < line.size(); ++i) {
    if (line[i] != ' ') continue;
    if (s != i) {
      out->tok[out->n++] = line.substr(s, i - s);
      if (out->n == kMaxTokens - 1) {
        out->rest = line.substr(i + 1);
        return;
      }
    }
    s = i + 1;
  }
  if (s != i) out->tok[out->n++] = line.substr(s, i - s);
}

size_t FindLineEnd(std::string_view input) { return input.find('\n'); }

std::string_view LineBefore(std::string_view input, size_t nl) {
  size_t end = nl;
  if (end > 1 && input[end - 1] == '\r') --end;
  return input.substr(0, end);
}

bool IncompleteLineTooLong(std::string_view pending) {
  if (pending.size() <= kMaxIncompleteLine) return false;
  size_t i = 0;
  while (i < pending.size() && pending[i] == ' ') ++i;
  std::string_view p = pending.substr(i);
  return i > 100 || !(p.starts_with("get ") || p.starts_with("gets "));
}

namespace {

// The C parsers need a terminated string: copy (numbers are short).
bool ToCString(std::string_view s, char (&buf)[64]) {
  // Longer than any number we take (zero padding past 63 digits is refused).
  if (s.empty() || s.size() >= sizeof(buf)) return false;
  std::memcpy(buf, s.data(), s.size());
  buf[s.size()] = '\0';
  return true;
}

bool EndsWell(const char* str, const char* end) {
  return end != str && (*end == '\0' || *end == ' ' || (*end >= '\t' && *end <= '\r'));
}

}  // namespace

bool ParseU64(std::string_view s, uint64_t* out) {
  char buf[64];
  if (!ToCString(s, buf)) return false;
  errno = 0;
  char* end = nullptr;
  unsigned long long v = std::strtoull(buf, &end, 10);
  if (errno == ERANGE || end == buf || !EndsWell(buf, end)) return false;
  if (static_cast<long long>(v) < 0 && std::memchr(buf, '-', end - buf)) return false;
  *out = v;
  return true;
}

bool ParseU32(std::string_view s, uint32_t* out) {
  uint64_t v;
  if (!ParseU64(s, &v)) return false;
  *out = static_cast<uint32_t>(v);  // as memcached's safe_strtoul on LP64: truncated
  return true;
}

bool ParseI64(std::string_view s, int64_t* out) {
  char buf[64];
  if (!ToCString(s, buf)) return false;
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(buf, &end, 10);
  if (errno == ERANGE || end == buf || !EndsWell(buf, end)) return false;
  *out = v;
  return true;
}

bool ParseI32(std::string_view s, int32_t* out) {
  int64_t v;
  if (!ParseI64(s, &v)) return false;
  *out = static_cast<int32_t>(static_cast<uint32_t>(v));  // memcached's safe_strtol truncates
  return true;
}

}  // namespace tandem::protocol::memcache
