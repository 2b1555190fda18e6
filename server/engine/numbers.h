// Number <-> string conversions with the exact acceptance rules and output bytes of Redis 7.0's
// util.c (string2ll, string2ull, ll2string, string2ld, string2d, ld2string, d2string).
// Everything assumes the "C" numeric locale, which Tandem never changes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tandem::engine {

// Strings of this length or longer are never integers (Redis LONG_STR_SIZE); also a buffer
// size that fits any long long in decimal (20 bytes) plus a NUL.
inline constexpr size_t kLongStrSize = 21;
// Strings of this length or longer are never long doubles (Redis MAX_LONG_DOUBLE_CHARS).
inline constexpr size_t kMaxLongDoubleChars = 5 * 1024;
// Enough for any DoubleToString() output ("-1.7976931348623157e+308" is 24 bytes).
inline constexpr size_t kMaxDoubleChars = 32;

// Redis string2ll: strict decimal. Accepts "0" and [-][1-9][0-9]* within the long long range;
// rejects "", "-", "-0", leading zeros, '+', spaces, any other byte, and inputs of 21+ bytes.
// `v` may be null (validation only). Used for every "is an integer" decision (INCR, SETRANGE
// offsets, EXPIRE times, the int encoding of strings...).
bool StringToLL(std::string_view s, long long* v);

// Redis string2ull, used for stream IDs: StringToLL (negative results rejected), then as a
// fallback strtoull() base 10, which is lenient: leading whitespace, '+', leading zeros and
// even a '-' (wrapping: " -5" gives 2^64-5) are accepted, values up to 2^64-1 fit, trailing
// bytes and out-of-range values are rejected. Like Redis it reads `s` as a C string: bytes
// after an embedded NUL are ignored.
bool StringToULL(std::string_view s, unsigned long long* v);

// Decimal text of v (Redis ll2string / ull2string), without a terminating NUL. `buf` must hold
// at least 20 bytes (kLongStrSize is safe). Returns the number of bytes written.
size_t LLToString(char* buf, long long v);
size_t ULLToString(char* buf, unsigned long long v);
std::string LLToString(long long v);

// Redis string2ld (INCRBYFLOAT, HINCRBYFLOAT): strtold() over the whole input. Accepts '+',
// hex floats, "inf"/"infinity" in any case; rejects "", inputs of 5120+ bytes, a leading
// whitespace byte, trailing bytes (including an embedded NUL), NaN, overflow to infinity and
// underflow to zero (a denormal result is accepted).
bool StringToLongDouble(std::string_view s, long double* v);

// Redis string2d (getDoubleFromObject: ZADD scores, ZINCRBY, ZRANGEBYSCORE bounds...): the same
// rules as StringToLongDouble but in double precision and with no length limit.
bool StringToDouble(std::string_view s, double* v);

// Redis ld2string. humanfriendly (LD_STR_HUMAN, the INCRBYFLOAT reply): "%.17Lf", then trailing
// zeros after the point and a bare trailing point removed, and "-0" turned into "0" (so
// 10.5 + 0.1 gives "10.6" and 5010.6 gives "5010.60000000000000009"). Otherwise (LD_STR_AUTO):
// "%.17Lg". Infinities are "inf" / "-inf" in both modes.
std::string LongDoubleToString(long double v, bool humanfriendly);

// Redis d2string: "nan", "inf", "-inf", "0", "-0", exact integers below 2^52 in plain decimal,
// everything else "%.17g" (0.1 -> "0.10000000000000001", 1e17 -> "1e+17"). `buf` must hold
// kMaxDoubleChars bytes; no NUL is written. Returns the number of bytes written.
size_t DoubleToString(char* buf, double v);
std::string DoubleToString(double v);

}  // namespace tandem::engine
