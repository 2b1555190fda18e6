// RESP request parsing, following redis-server 7.0.15 networking.c (processInlineBuffer,
// processMultibulkBuffer) and sds.c (sdssplitargs) byte for byte, including its quirks:
//  - Redis scans its NUL-terminated query buffer with strchr(), so a NUL byte before the
//    line terminator hides the terminator: the request waits for more input until the
//    64 KB "too big" limit turns it into an error.
//  - A header line ends at the first '\r'; the byte after it is skipped unchecked, and so
//    are the two bytes after each bulk payload.
#include "protocol/resp_parser.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstring>

#include "protocol/errors.h"

namespace tandem::protocol {
namespace {

constexpr size_t kInlineMaxSize = 64 * 1024;        // PROTO_INLINE_MAX_SIZE
constexpr long long kMaxMultibulkLength = INT_MAX;  // Redis 7.0 limit on "*<count>"
constexpr long long kUnauthMaxArgs = 10;
constexpr long long kUnauthMaxBulkLength = 16384;
constexpr size_t kArgvReserveCap = 1024;  // Redis preallocates min(count, 1024) slots too.

constexpr size_t kNotFound = static_cast<size_t>(-1);

// Index of the first `c` at or after `from`, as strchr() on Redis's NUL-terminated buffer
// would see it: kNotFound if absent or if a NUL byte comes first.
size_t FindBeforeNul(std::string_view in, size_t from, char c) {
  const char* base = in.data();
  const void* hit = std::memchr(base + from, c, in.size() - from);
  if (hit == nullptr) return kNotFound;
  size_t at = static_cast<const char*>(hit) - base;
  if (std::memchr(base + from, '\0', at - from) != nullptr) return kNotFound;
  return at;
}

// The common header "<prefix><digits>\r" with a canonical non-negative number below 10^18:
// on success sets *value and *cr (the '\r', which is then the first one, and no NUL precedes
// it). Anything else (negative, zero, odd, incomplete) takes the exact slow path.
inline bool ParseHeaderFast(const char* base, size_t pos, size_t size, char prefix,
                            long long* value, size_t* cr) {
  if (pos >= size || base[pos] != prefix) return false;
  size_t i = pos + 1;
  size_t limit = std::min(size, i + 18);
  if (i >= limit || base[i] < '0' || base[i] > '9') return false;
  long long v = base[i++] - '0';
  while (v != 0 && i < limit) {  // "0" has no more digits; "01" fails on '1' != '\r'.
    unsigned d = static_cast<unsigned char>(base[i]) - '0';
    if (d > 9) break;
    v = v * 10 + d;
    ++i;
  }
  if (i >= size || base[i] != '\r') return false;
  *value = v;
  *cr = i;
  return true;
}

// Redis's string2ll(): optional '-', no leading zeros or '+', no spaces, no overflow.
bool StrictToLongLong(const char* s, size_t len, long long* out) {
  if (len == 0 || len >= 21) return false;  // LONG_STR_SIZE
  if (len == 1 && s[0] == '0') {
    *out = 0;
    return true;
  }
  size_t i = 0;
  bool negative = false;
  if (s[0] == '-') {
    negative = true;
    if (++i == len) return false;
  }
  if (s[i] < '1' || s[i] > '9') return false;
  uint64_t v = static_cast<uint64_t>(s[i++] - '0');
  for (; i < len; ++i) {
    unsigned d = static_cast<unsigned char>(s[i]) - '0';
    if (d > 9) return false;
    if (v > UINT64_MAX / 10) return false;
    v *= 10;
    if (v > UINT64_MAX - d) return false;
    v += d;
  }
  if (negative) {
    if (v > static_cast<uint64_t>(LLONG_MAX) + 1) return false;
    *out = static_cast<long long>(0 - v);
  } else {
    if (v > static_cast<uint64_t>(LLONG_MAX)) return false;
    *out = static_cast<long long>(v);
  }
  return true;
}

// Byte classes for sdssplitargs: isspace() in the C locale, the bytes that end an unquoted
// token (' ', '\n', '\r', '\t'; not '\v' or '\f'), and the quotes.
enum : uint8_t { kCSpace = 1, kEndsBare = 2, kQuote = 4 };

constexpr auto kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (unsigned char c : {' ', '\t', '\n', '\v', '\f', '\r'}) t[c] |= kCSpace;
  for (unsigned char c : {' ', '\n', '\r', '\t'}) t[c] |= kEndsBare;
  t['"'] |= kQuote;
  t['\''] |= kQuote;
  return t;
}();

inline bool IsCSpace(char c) { return kByteClass[static_cast<unsigned char>(c)] & kCSpace; }
inline bool EndsBareToken(char c) { return kByteClass[static_cast<unsigned char>(c)] & kEndsBare; }
inline bool EndsBareOrQuote(char c) {
  return kByteClass[static_cast<unsigned char>(c)] & (kEndsBare | kQuote);
}

inline bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

inline int HexValue(char c) {
  if (c <= '9') return c - '0';
  if (c <= 'F') return c - 'A' + 10;
  return c - 'a' + 10;
}

inline char UnescapeDoubleQuoted(char c) {
  switch (c) {
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case 'b':
      return '\b';
    case 'a':
      return '\a';
    default:
      return c;
  }
}

// Continues a token that contains quotes, appending its bytes to *out. `*p` is at the
// byte that switched into quoted mode or at any byte of the token. On return *p is past
// the token. Returns false on unbalanced quotes.
bool ScanQuotedToken(std::string_view line, size_t* p, std::string* out) {
  const size_t n = line.size();
  size_t i = *p;
  bool in_double = false;
  bool in_single = false;
  for (;;) {
    if (in_double) {
      if (i >= n) return false;
      char c = line[i];
      if (c == '\\' && i + 3 < n && line[i + 1] == 'x' && IsHexDigit(line[i + 2]) &&
          IsHexDigit(line[i + 3])) {
        out->push_back(static_cast<char>(HexValue(line[i + 2]) * 16 + HexValue(line[i + 3])));
        i += 4;
      } else if (c == '\\' && i + 1 < n) {
        out->push_back(UnescapeDoubleQuoted(line[i + 1]));
        i += 2;
      } else if (c == '"') {
        // The closing quote must be followed by a space or the end of the line.
        if (i + 1 < n && !IsCSpace(line[i + 1])) return false;
        *p = i + 1;
        return true;
      } else {
        out->push_back(c);
        ++i;
      }
    } else if (in_single) {
      if (i >= n) return false;
      char c = line[i];
      if (c == '\\' && i + 1 < n && line[i + 1] == '\'') {
        out->push_back('\'');
        i += 2;
      } else if (c == '\'') {
        if (i + 1 < n && !IsCSpace(line[i + 1])) return false;
        *p = i + 1;
        return true;
      } else {
        out->push_back(c);
        ++i;
      }
    } else {
      if (i >= n) {
        *p = i;
        return true;
      }
      char c = line[i];
      if (EndsBareToken(c)) {
        *p = i + 1;
        return true;
      }
      if (c == '"') {
        in_double = true;
      } else if (c == '\'') {
        in_single = true;
      } else {
        out->push_back(c);
      }
      ++i;
    }
  }
}

// sdssplitargs over `line` (which holds no NUL). Tokens without quotes are views into
// `line`; quoted ones are unescaped into *storage, which must be empty: it is reserved to
// line.size() up front (unescaping only shrinks), so earlier views into it stay valid.
bool SplitLine(std::string_view line, std::string* storage, std::vector<std::string_view>* argv) {
  const size_t n = line.size();
  size_t i = 0;
  for (;;) {
    while (i < n && IsCSpace(line[i])) ++i;
    if (i >= n) return true;
    size_t start = i;
    while (i < n && !EndsBareOrQuote(line[i])) ++i;
    if (i >= n || EndsBareToken(line[i])) {
      argv->emplace_back(line.data() + start, i - start);
      if (i < n) ++i;
      continue;
    }
    if (storage->capacity() < n) storage->reserve(n);
    size_t token_start = storage->size();
    storage->append(line.data() + start, i - start);
    if (!ScanQuotedToken(line, &i, storage)) return false;
    argv->emplace_back(storage->data() + token_start, storage->size() - token_start);
  }
}

using Status = RespParser::Status;

Status Fail(std::string_view message, std::string* error) {
  error->assign(message);
  return Status::kError;
}

Status FailExpectedDollar(char got, std::string* error) {
  // Redis formats the byte with %c, then turns CR and LF in error texts into spaces.
  if (got == '\r' || got == '\n') got = ' ';
  error->assign(kProtoExpectedDollarPrefix);
  error->push_back(got);
  error->push_back('\'');
  return Status::kError;
}

// processInlineBuffer: one line up to '\n' (a preceding '\r' is dropped), split by
// sdssplitargs rules.
Status ParseInline(std::string_view input, size_t* consumed, ParsedCommand* cmd,
                   std::string* error) {
  size_t newline = FindBeforeNul(input, 0, '\n');
  if (newline == kNotFound) {
    if (input.size() > kInlineMaxSize) return Fail(kProtoTooBigInline, error);
    return Status::kNeedMore;
  }
  size_t line_end = newline;
  if (line_end > 0 && input[line_end - 1] == '\r') --line_end;
  if (!SplitLine(input.substr(0, line_end), &cmd->storage, &cmd->argv)) {
    return Fail(kProtoUnbalancedQuotes, error);
  }
  *consumed = newline + 1;
  return Status::kOk;
}

// processMultibulkBuffer: "*<count>\r\n" then <count> times "$<len>\r\n<payload>\r\n".
// argv views point into `input`; nothing else is allocated.
Status ParseMultibulk(std::string_view input, size_t* consumed, ParsedCommand* cmd,
                      const ParserLimits& limits, std::string* error) {
  const char* base = input.data();
  const size_t size = input.size();
  long long count;
  size_t cr;
  if (!ParseHeaderFast(base, 0, size, '*', &count, &cr)) {
    cr = FindBeforeNul(input, 0, '\r');
    if (cr == kNotFound) {
      if (size > kInlineMaxSize) return Fail(kProtoTooBigMbulkCount, error);
      return Status::kNeedMore;
    }
    if (cr + 2 > size) return Status::kNeedMore;  // The byte after '\r' is not here yet.
    if (!StrictToLongLong(base + 1, cr - 1, &count)) {
      return Fail(kProtoInvalidMultibulkLength, error);
    }
  }
  if (cr + 2 > size) return Status::kNeedMore;
  if (count > kMaxMultibulkLength) return Fail(kProtoInvalidMultibulkLength, error);
  if (count > kUnauthMaxArgs && !limits.authenticated) {
    return Fail(kProtoUnauthMultibulkLength, error);
  }
  size_t pos = cr + 2;
  if (count <= 0) {
    *consumed = pos;
    return Status::kOk;
  }

  auto& argv = cmd->argv;
  argv.reserve(std::min(static_cast<size_t>(count), kArgvReserveCap));
  for (long long left = count; left > 0; --left) {
    long long len;
    if (!ParseHeaderFast(base, pos, size, '$', &len, &cr)) {
      cr = FindBeforeNul(input, pos, '\r');
      if (cr == kNotFound) {
        if (size - pos > kInlineMaxSize) return Fail(kProtoTooBigBulkCount, error);
        return Status::kNeedMore;
      }
      if (cr + 2 > size) return Status::kNeedMore;
      if (base[pos] != '$') return FailExpectedDollar(base[pos], error);
      if (!StrictToLongLong(base + pos + 1, cr - pos - 1, &len) || len < 0) {
        return Fail(kProtoInvalidBulkLength, error);
      }
    }
    if (cr + 2 > size) return Status::kNeedMore;
    if (static_cast<unsigned long long>(len) > limits.proto_max_bulk_len) {
      return Fail(kProtoInvalidBulkLength, error);
    }
    if (len > kUnauthMaxBulkLength && !limits.authenticated) {
      return Fail(kProtoUnauthBulkLength, error);
    }
    pos = cr + 2;
    // The two bytes after the payload are skipped without checking, as Redis does.
    if (size - pos < static_cast<size_t>(len) + 2) return Status::kNeedMore;
    argv.emplace_back(base + pos, static_cast<size_t>(len));
    pos += static_cast<size_t>(len) + 2;
  }
  *consumed = pos;
  return Status::kOk;
}

}  // namespace

bool SplitInlineArgs(std::string_view line, std::vector<std::string>* out) {
  // The C original stops at the first NUL.
  size_t nul = line.find('\0');
  if (nul != std::string_view::npos) line = line.substr(0, nul);
  std::string storage;
  std::vector<std::string_view> views;
  if (!SplitLine(line, &storage, &views)) return false;
  out->clear();
  out->reserve(views.size());
  for (std::string_view v : views) out->emplace_back(v);
  return true;
}

RespParser::Status RespParser::Parse(std::string_view input, size_t* consumed, ParsedCommand* cmd,
                                     const ParserLimits& limits) {
  *consumed = 0;
  cmd->Clear();
  if (input.empty()) return Status::kNeedMore;
  Status status = input[0] == '*' ? ParseMultibulk(input, consumed, cmd, limits, &error_)
                                  : ParseInline(input, consumed, cmd, &error_);
  if (status != Status::kOk) {
    *consumed = 0;
    cmd->Clear();
  }
  return status;
}

}  // namespace tandem::protocol
