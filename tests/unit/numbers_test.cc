// Conversions must accept, reject and print exactly like redis-server 7.0.15. Every table entry
// was checked against a running redis-server:
//   StringToLL          INCRBY k <s> on a missing key (ok / "value is not an integer...")
//   StringToULL         XADD s <s>-1 and XADD s 0-<s> (stream IDs use string2ull)
//   StringToLongDouble  INCRBYFLOAT k <s> on a missing key
//   StringToDouble      ZADD z <s> m
//   LongDoubleToString  INCRBYFLOAT replies
//   DoubleToString      ZSCORE replies (skiplist encoding prints %.17g like d2string)
#include "server/engine/numbers.h"

#include <doctest/doctest.h>

#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace std::literals;
using tandem::engine::DoubleToString;
using tandem::engine::LLToString;
using tandem::engine::LongDoubleToString;
using tandem::engine::StringToDouble;
using tandem::engine::StringToLL;
using tandem::engine::StringToLongDouble;
using tandem::engine::StringToULL;
using tandem::engine::ULLToString;

// INCRBYFLOAT: parse the stored string and the increment, add in long double, print human.
std::string IncrByFloat(std::string_view current, std::string_view increment) {
  long double a = 0, b = 0;
  REQUIRE(StringToLongDouble(current, &a));
  REQUIRE(StringToLongDouble(increment, &b));
  return LongDoubleToString(a + b, /*humanfriendly=*/true);
}

constexpr std::string_view k1e308 =
    "99999999999999999996685879655845645660560099847415567207797047994921734868838061"
    "87210012692188853932044674722505401322315213474959396058359742081443019641876795"
    "91000196031907786631096045071066679391533957889389145605435630612683649016186302"
    "17086589253444881623791300855757318142424510452728255046343928578048";
constexpr std::string_view kDblMax =
    "17976931348623156999592104677410443404838644694432917848531442076517662852312439"
    "63547018686083870855644287934194255206893087083634511360553578972780264776170734"
    "98977686288394835618163294045594434929537447290627480669417384648879122776218333"
    "598953852832103282504751611691208117720159985926376802466863339536384";

}  // namespace

TEST_CASE("StringToLL accepts canonical decimal integers in the long long range") {
  struct {
    std::string_view in;
    long long out;
  } cases[] = {{"0", 0},
               {"1", 1},
               {"-1", -1},
               {"123", 123},
               {"-123", -123},
               {"9223372036854775807", LLONG_MAX},
               {"-9223372036854775808", LLONG_MIN}};
  for (const auto& c : cases) {
    long long v = 42;
    INFO(std::string(c.in));
    CHECK(StringToLL(c.in, &v));
    CHECK(v == c.out);
  }
  CHECK(StringToLL("77", nullptr));
}

TEST_CASE("StringToLL rejects what INCRBY rejects") {
  const std::string_view rejected[] = {"-0",
                                       "00",
                                       "01",
                                       "-00",
                                       "+1",
                                       " 1",
                                       "1 ",
                                       "",
                                       "-",
                                       "1-",
                                       "1e3",
                                       "0x10",
                                       "1.0",
                                       "\0"
                                       "1"sv,
                                       "1\0"sv,
                                       "9223372036854775808",
                                       "-9223372036854775809",
                                       "18446744073709551615",
                                       "18446744073709551616",
                                       "99999999999999999999",
                                       "-9999999999999999999",
                                       "000000000000000000001"};
  for (std::string_view s : rejected) {
    long long v = 42;
    INFO(std::string(s));
    CHECK_FALSE(StringToLL(s, &v));
  }
}

TEST_CASE("StringToULL is strict first, then as lenient as strtoull, like stream IDs") {
  struct {
    std::string_view in;
    unsigned long long out;
  } accepted[] = {{"5", 5},
                  {" 5", 5},
                  {"\t5", 5},
                  {"+5", 5},
                  {"05", 5},
                  {"-0", 0},
                  {" -5", 18446744073709551611ULL},
                  {"9223372036854775808", 9223372036854775808ULL},
                  {"18446744073709551615", ULLONG_MAX},
                  {"7\0junk"sv, 7}};
  for (const auto& c : accepted) {
    unsigned long long v = 42;
    INFO(std::string(c.in));
    CHECK(StringToULL(c.in, &v));
    CHECK(v == c.out);
  }
  const std::string_view rejected[] = {
      "18446744073709551616", "5 ", "0x5", "-5", "", " ", "-", "abc"};
  for (std::string_view s : rejected) {
    unsigned long long v = 42;
    INFO(std::string(s));
    CHECK_FALSE(StringToULL(s, &v));
  }
}

TEST_CASE("LLToString prints plain decimal") {
  CHECK(LLToString(0) == "0");
  CHECK(LLToString(-1) == "-1");
  CHECK(LLToString(9) == "9");
  CHECK(LLToString(10) == "10");
  CHECK(LLToString(-100) == "-100");
  CHECK(LLToString(LLONG_MAX) == "9223372036854775807");
  CHECK(LLToString(LLONG_MIN) == "-9223372036854775808");
  char buf[tandem::engine::kLongStrSize];
  CHECK(std::string_view(buf, LLToString(buf, 1234567890123LL)) == "1234567890123");
  CHECK(std::string_view(buf, ULLToString(buf, ULLONG_MAX)) == "18446744073709551615");
}

TEST_CASE("LLToString and StringToLL round-trip") {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 100000; ++i) {
    const long long v = static_cast<long long>(rng()) >> (rng() % 64);
    long long back = 0;
    const std::string s = LLToString(v);
    REQUIRE(s == std::to_string(v));
    REQUIRE(StringToLL(s, &back));
    REQUIRE(back == v);
  }
}

TEST_CASE("StringToLongDouble accepts what INCRBYFLOAT accepts") {
  struct {
    std::string_view in;
    long double out;
  } cases[] = {{"1", 1},      {"1.5", 1.5},     {"+1", 1},     {"-1", -1},    {".5", 0.5},
               {"-.5", -0.5}, {"5.", 5},        {"1e3", 1000}, {"1E3", 1000}, {"0x10", 16},
               {"0x1p3", 8},  {"0X1P-2", 0.25}, {"00012", 12}, {"0", 0},      {"1.5e-3", 1.5e-3L}};
  for (const auto& c : cases) {
    long double v = 42;
    INFO(std::string(c.in));
    CHECK(StringToLongDouble(c.in, &v));
    CHECK(v == c.out);
  }
  long double v = 0;
  CHECK(StringToLongDouble("-0", &v));
  CHECK((v == 0 && std::signbit(v)));
  // Infinities parse (INCRBYFLOAT then fails with "increment would produce NaN or Infinity").
  for (std::string_view s : {"inf", "-inf", "+inf", "infinity", "INF", "Infinity"}) {
    INFO(std::string(s));
    CHECK(StringToLongDouble(s, &v));
    CHECK(std::isinf(v));
  }
  // Beyond double range but inside long double range; denormal long doubles are kept.
  CHECK(StringToLongDouble("1e309", &v));
  CHECK(StringToLongDouble("1e-400", &v));
  CHECK(StringToLongDouble("4e-4940", &v));
  CHECK(v > 0);
  CHECK(StringToLongDouble(std::string(5119, '0'), &v));
  CHECK(StringToLongDouble("1" + std::string(309, '0'), &v));
}

TEST_CASE("StringToLongDouble rejects what INCRBYFLOAT rejects") {
  const std::vector<std::string> rejected = {" 1",
                                             "1 ",
                                             "\t1",
                                             "1\t",
                                             "\n1",
                                             "\v1",
                                             "nan",
                                             "-nan",
                                             "NaN",
                                             "nan(123)",
                                             "1e5000",
                                             "-1e5000",
                                             "1e-5000",
                                             "",
                                             "1e",
                                             "1e+",
                                             "--1",
                                             "1_0",
                                             "0x",
                                             "e5",
                                             ".",
                                             "-",
                                             std::string("1\0", 2),
                                             std::string("\0"
                                                         "1",
                                                         2),
                                             std::string(5120, '0')};
  for (const std::string& s : rejected) {
    long double v = 42;
    INFO(s);
    CHECK_FALSE(StringToLongDouble(s, &v));
    CHECK(v == 42);
  }
}

TEST_CASE("StringToDouble accepts what ZADD accepts") {
  struct {
    std::string_view in;
    double out;
  } cases[] = {{"1", 1},           {"1.5", 1.5},  {"+1", 1},          {"-1", -1},
               {".5", 0.5},        {"-.5", -0.5}, {"5.", 5},          {"1e3", 1000},
               {"1E3", 1000},      {"0x10", 16},  {"0x1p3", 8},       {"0X1P-2", 0.25},
               {"00012", 12},      {"0", 0},      {"1.5e-3", 1.5e-3}, {"1e308", 1e308},
               {"1e-320", 1e-320}, {"0.1", 0.1}};
  for (const auto& c : cases) {
    double v = 42;
    INFO(std::string(c.in));
    CHECK(StringToDouble(c.in, &v));
    CHECK(v == c.out);
  }
  double v = 0;
  CHECK(StringToDouble("-0", &v));
  CHECK((v == 0 && std::signbit(v)));
  for (std::string_view s : {"inf", "-inf", "+inf", "infinity", "INF", "Infinity"}) {
    INFO(std::string(s));
    CHECK(StringToDouble(s, &v));
    CHECK(std::isinf(v));
  }
  // No length limit, unlike the long double parser.
  CHECK(StringToDouble(std::string(5120, '0'), &v));
  CHECK(StringToDouble("1" + std::string(308, '0'), &v));
  CHECK(v == 1e308);
}

TEST_CASE("StringToDouble rejects what ZADD rejects") {
  const std::vector<std::string> rejected = {" 1",
                                             "1 ",
                                             "\t1",
                                             "1\t",
                                             "\n1",
                                             "\v1",
                                             "nan",
                                             "-nan",
                                             "NaN",
                                             "nan(123)",
                                             "1e5000",
                                             "-1e5000",
                                             "1e-5000",
                                             "4e-4940",
                                             "1e309",
                                             "1e-400",
                                             "",
                                             "1e",
                                             "1e+",
                                             "--1",
                                             "1_0",
                                             "0x",
                                             "e5",
                                             ".",
                                             "-",
                                             std::string("1\0", 2),
                                             std::string("\0"
                                                         "1",
                                                         2),
                                             "1" + std::string(309, '0')};
  for (const std::string& s : rejected) {
    double v = 42;
    INFO(s);
    CHECK_FALSE(StringToDouble(s, &v));
  }
}

TEST_CASE("StringToDouble matches strtod on random well-formed numbers") {
  std::mt19937_64 rng(11);
  char buf[64];
  for (int i = 0; i < 100000; ++i) {
    double d;
    do {
      const unsigned long long bits = rng();
      std::memcpy(&d, &bits, sizeof(d));
    } while (!std::isfinite(d));
    const int precision = static_cast<int>(rng() % 20) + 1;
    std::snprintf(buf, sizeof(buf), "%.*g", precision, d);
    double parsed = 0;
    const double expected = std::strtod(buf, nullptr);
    const bool ok = StringToDouble(buf, &parsed);
    if (expected == 0 || std::isinf(expected)) continue;  // Range errors are covered above.
    INFO(buf);
    REQUIRE(ok);
    REQUIRE(std::memcmp(&parsed, &expected, sizeof(double)) == 0);
  }
}

TEST_CASE("INCRBYFLOAT results print like Redis's human-friendly ld2string") {
  CHECK(IncrByFloat("10.5", "0.1") == "10.6");
  CHECK(IncrByFloat("10.6", "5.0e3") == "5010.60000000000000009");
  CHECK(IncrByFloat("5010.60000000000000009", "3.0e3") == "8010.60000000000000009");
  CHECK(IncrByFloat("8010.60000000000000009", "-8010.6") == "0");
  CHECK(IncrByFloat("0", "-0.1") == "-0.1");
  CHECK(IncrByFloat("0", "3.0e3") == "3000");
  CHECK(IncrByFloat("0", "0.1") == "0.1");
  CHECK(IncrByFloat("0.1", "0.2") == "0.3");
  CHECK(IncrByFloat("3", "0.1") == "3.1");
  CHECK(IncrByFloat("0", "1.1") == "1.1");
  CHECK(IncrByFloat("1.1", "2.2") == "3.3");
  CHECK(IncrByFloat("3.3", "3.3") == "6.6");
  CHECK(IncrByFloat("0", "0.333333333333333333333") == "0.33333333333333333");
  CHECK(IncrByFloat("0", "123456789.123456789") == "123456789.12345678899873747");
  CHECK(IncrByFloat("0", "1e20") == "100000000000000000000");
  CHECK(IncrByFloat("0", "99999999999999999999.5") == "100000000000000000000");
  CHECK(IncrByFloat("0", "1e19") == "10000000000000000000");
  CHECK(IncrByFloat("0", "9223372036854775807") == "9223372036854775807");
  CHECK(IncrByFloat("0", "1e5") == "100000");
  CHECK(IncrByFloat("0", "1.23e-10") == "0.000000000123");
  CHECK(IncrByFloat("0", "1e-5") == "0.00001");
  CHECK(IncrByFloat("0", "1e-17") == "0.00000000000000001");
  CHECK(IncrByFloat("0", "-1.5") == "-1.5");
  CHECK(IncrByFloat("0", "0x1p-1") == "0.5");
  CHECK(IncrByFloat("1.5", "0x1p-64") == "1.5");
  CHECK(IncrByFloat("7", "0.0000000000000000001") == "7");
  CHECK(IncrByFloat("5", "-5") == "0");
  CHECK(IncrByFloat("0", "1e308") == k1e308);
  CHECK(IncrByFloat("0", "1.7976931348623157e308") == kDblMax);
  const std::string huge = IncrByFloat("1e4000", "0");  // Longer than any small buffer.
  CHECK(huge.size() == 4000);
  CHECK(huge.substr(0, 30) == "999999999999999999996546387309");
  CHECK(huge.substr(huge.size() - 5) == "40672");
}

TEST_CASE("INCRBYFLOAT never replies negative zero") {
  CHECK(IncrByFloat("0", "-0") == "0");
  CHECK(IncrByFloat("-0", "-0") == "0");
  CHECK(IncrByFloat("1", "-1.0000000000000000001") == "0");  // Tiny negative: "-0.000..."
  CHECK(IncrByFloat("0", "-5e-18") == "0");
  CHECK(IncrByFloat("0", "-0.5e-17") == "0");
  CHECK(IncrByFloat("0", "5e-18") == "0");
  CHECK(IncrByFloat("0", "1e-18") == "0");
}

TEST_CASE("LongDoubleToString prints infinities as inf and -inf in both modes") {
  const long double inf = HUGE_VALL;
  CHECK(LongDoubleToString(inf, true) == "inf");
  CHECK(LongDoubleToString(-inf, true) == "-inf");
  CHECK(LongDoubleToString(inf, false) == "inf");
  CHECK(LongDoubleToString(-inf, false) == "-inf");
}

TEST_CASE("LongDoubleToString auto mode is %.17Lg") {
  CHECK(LongDoubleToString(10.5L, false) == "10.5");
  CHECK(LongDoubleToString(0.1L, false) == "0.1");
  CHECK(LongDoubleToString(static_cast<long double>(0.1), false) == "0.10000000000000001");
  CHECK(LongDoubleToString(1e20L, false) == "1e+20");
  CHECK(LongDoubleToString(-0.0L, false) == "-0");
  CHECK(LongDoubleToString(3.0L, false) == "3");
  std::mt19937_64 rng(3);
  char buf[128];
  for (int i = 0; i < 2000; ++i) {
    const long double v = static_cast<long double>(static_cast<long long>(rng())) / 1e7L;
    std::snprintf(buf, sizeof(buf), "%.17Lg", v);
    REQUIRE(LongDoubleToString(v, false) == buf);
  }
}

TEST_CASE("DoubleToString prints scores like ZSCORE") {
  struct {
    double in;
    std::string_view out;
  } cases[] = {{1.5, "1.5"},
               {0.1, "0.10000000000000001"},
               {3, "3"},
               {0.0, "0"},
               {-0.0, "-0"},
               {1e300, "1.0000000000000001e+300"},
               {1e15, "1000000000000000"},
               {1e16, "10000000000000000"},
               {4503599627370496.0, "4503599627370496"},
               {4503599627370495.0, "4503599627370495"},
               {-4503599627370495.0, "-4503599627370495"},
               {9007199254740993.0, "9007199254740992"},
               {1e17, "1e+17"},
               {1e21, "1e+21"},
               {1234567890123456789.0, "1.2345678901234568e+18"},
               {123456789.123, "123456789.123"},
               {5e-324, "4.9406564584124654e-324"},
               {1e-320, "9.9998886718268301e-321"},
               {0.3, "0.29999999999999999"},
               {2.5e-5, "2.5000000000000001e-05"},
               {100, "100"},
               {-100, "-100"},
               {DBL_MAX, "1.7976931348623157e+308"},
               {HUGE_VAL, "inf"},
               {-HUGE_VAL, "-inf"},
               {NAN, "nan"},
               {-NAN, "nan"}};
  for (const auto& c : cases) {
    INFO(std::string(c.out));
    CHECK(DoubleToString(c.in) == c.out);
  }
}

TEST_CASE("DoubleToString equals printf %.17g for every finite double") {
  std::mt19937_64 rng(5);
  char expected[64];
  char got[tandem::engine::kMaxDoubleChars];
  for (int i = 0; i < 200000; ++i) {
    double d;
    if (i % 2 == 0) {
      const unsigned long long bits = rng();
      std::memcpy(&d, &bits, sizeof(d));
      if (!std::isfinite(d)) continue;
    } else {
      d = static_cast<double>(static_cast<long long>(rng() >> (rng() % 64))) / 1000.0;
    }
    std::snprintf(expected, sizeof(expected), "%.17g", d);
    REQUIRE(std::string_view(got, DoubleToString(got, d)) == expected);
  }
}

TEST_CASE("DoubleToString output parses back to the same double") {
  std::mt19937_64 rng(9);
  for (int i = 0; i < 50000; ++i) {
    double d;
    const unsigned long long bits = rng();
    std::memcpy(&d, &bits, sizeof(d));
    if (!std::isfinite(d) || d == 0) continue;
    double back = 0;
    REQUIRE(StringToDouble(DoubleToString(d), &back));
    REQUIRE(back == d);
  }
}
