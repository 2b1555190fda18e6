#include "server/engine/numbers.h"

#include <cerrno>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace tandem::engine {
namespace {

// isspace() in the "C" locale.
constexpr bool IsCSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Copies s into a NUL-terminated buffer for the strto* functions: on the stack when it fits,
// on the heap otherwise.
class CString {
 public:
  explicit CString(std::string_view s) {
    if (s.size() < sizeof(small_)) {
      std::memcpy(small_, s.data(), s.size());
      small_[s.size()] = '\0';
      ptr_ = small_;
    } else {
      large_.assign(s);
      ptr_ = large_.c_str();
    }
  }
  const char* get() const { return ptr_; }

 private:
  char small_[64];
  std::string large_;
  const char* ptr_;
};

// The checks string2ld and string2d share, once strto*d has parsed `len` bytes of `buf` with
// `errno_after` set and stopped at `end`.
template <class F>
bool AcceptParsed(const char* buf, size_t len, const char* end, int errno_after, F value) {
  if (IsCSpace(buf[0]) || end != buf + len || errno_after == EINVAL || std::isnan(value)) {
    return false;
  }
  // Overflow to +-infinity and underflow to zero are rejected; a denormal result is kept.
  if (errno_after == ERANGE && (std::isinf(value) || value == 0)) return false;
  return true;
}

// True when v is an integer that %.17g would print in plain decimal; Redis prints those with
// ll2string (same bytes, faster).
bool IsSmallInteger(double v) {
  constexpr double kMin = -4503599627370495.0;  // -(2^52 - 1)
  constexpr double kMax = 4503599627370496.0;   // 2^52
  return v > kMin && v < kMax && v == static_cast<double>(static_cast<long long>(v));
}

}  // namespace

bool StringToLL(std::string_view s, long long* v) {
  const size_t n = s.size();
  if (n == 0 || n >= kLongStrSize) return false;
  const char* p = s.data();
  const char* const end = p + n;
  if (n == 1 && p[0] == '0') {
    if (v != nullptr) *v = 0;
    return true;
  }
  const bool negative = p[0] == '-';
  if (negative && ++p == end) return false;
  if (*p < '1' || *p > '9') return false;  // No leading zeros, no "-0".
  unsigned long long acc = static_cast<unsigned long long>(*p++ - '0');
  for (; p < end; ++p) {
    const unsigned digit = static_cast<unsigned char>(*p) - unsigned{'0'};
    if (digit > 9) return false;
    if (acc > ULLONG_MAX / 10) return false;
    acc *= 10;
    if (acc > ULLONG_MAX - digit) return false;
    acc += digit;
  }
  if (negative) {
    if (acc > static_cast<unsigned long long>(LLONG_MAX) + 1) return false;
    if (v != nullptr) *v = static_cast<long long>(0 - acc);  // Modular: exact for LLONG_MIN.
  } else {
    if (acc > static_cast<unsigned long long>(LLONG_MAX)) return false;
    if (v != nullptr) *v = static_cast<long long>(acc);
  }
  return true;
}

bool StringToULL(std::string_view s, unsigned long long* v) {
  s = s.substr(0, s.find('\0'));  // Redis passes a C string.
  long long ll;
  if (StringToLL(s, &ll)) {
    if (ll < 0) return false;
    *v = static_cast<unsigned long long>(ll);
    return true;
  }
  if (s.empty()) return false;
  CString buf(s);
  char* end = nullptr;
  errno = 0;
  const unsigned long long parsed = std::strtoull(buf.get(), &end, 10);
  if (errno == EINVAL || errno == ERANGE || *end != '\0') return false;
  *v = parsed;
  return true;
}

size_t ULLToString(char* buf, unsigned long long v) {
  return static_cast<size_t>(std::to_chars(buf, buf + 20, v).ptr - buf);
}

size_t LLToString(char* buf, long long v) {
  return static_cast<size_t>(std::to_chars(buf, buf + 20, v).ptr - buf);
}

std::string LLToString(long long v) {
  char buf[kLongStrSize];
  return std::string(buf, LLToString(buf, v));
}

bool StringToLongDouble(std::string_view s, long double* v) {
  if (s.empty() || s.size() >= kMaxLongDoubleChars) return false;
  char buf[kMaxLongDoubleChars];
  std::memcpy(buf, s.data(), s.size());
  buf[s.size()] = '\0';
  char* end = nullptr;
  errno = 0;
  const long double value = std::strtold(buf, &end);
  if (!AcceptParsed(buf, s.size(), end, errno, value)) return false;
  *v = value;
  return true;
}

bool StringToDouble(std::string_view s, double* v) {
  if (s.empty()) return false;
  // Fast path: from_chars and strtod are both correctly rounded, so a full, finite, non-zero
  // parse gives strtod's value. Anything else (signs, hex, spaces, infinities, zeros,
  // range errors) takes the strtod path, which decides exactly like Redis.
  double fast;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), fast);
  if (ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(fast) && fast != 0) {
    *v = fast;
    return true;
  }
  CString buf(s);
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(buf.get(), &end);
  if (!AcceptParsed(buf.get(), s.size(), end, errno, value)) return false;
  *v = value;
  return true;
}

std::string LongDoubleToString(long double v, bool humanfriendly) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  const char* format = humanfriendly ? "%.17Lf" : "%.17Lg";
  char small[128];
  int len = std::snprintf(small, sizeof(small), format, v);
  std::string out;
  if (len < 0) return out;
  if (static_cast<size_t>(len) < sizeof(small)) {
    out.assign(small, static_cast<size_t>(len));
  } else {
    out.resize(static_cast<size_t>(len) + 1);  // %.17Lf of a huge value: up to ~4950 bytes.
    std::snprintf(out.data(), out.size(), format, v);
    out.resize(static_cast<size_t>(len));
  }
  if (!humanfriendly) return out;
  if (out.find('.') != std::string::npos) {
    size_t keep = out.find_last_not_of('0') + 1;
    if (out[keep - 1] == '.') --keep;
    out.resize(keep);
  }
  if (out == "-0") out = "0";
  return out;
}

size_t DoubleToString(char* buf, double v) {
  if (std::isnan(v)) {
    std::memcpy(buf, "nan", 3);
    return 3;
  }
  if (IsSmallInteger(v) && v != 0) return LLToString(buf, static_cast<long long>(v));
  // to_chars with a precision is specified to print exactly like printf("%.17g"), including
  // "inf", "-inf", "0" and "-0", without the locale and format-string overhead.
  const auto result = std::to_chars(buf, buf + kMaxDoubleChars, v, std::chars_format::general, 17);
  return static_cast<size_t>(result.ptr - buf);
}

std::string DoubleToString(double v) {
  char buf[kMaxDoubleChars];
  return std::string(buf, DoubleToString(buf, v));
}

}  // namespace tandem::engine
