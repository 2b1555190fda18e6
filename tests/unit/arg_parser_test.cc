#include "server/commands/arg_parser.h"

#include <doctest/doctest.h>

#include <climits>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

namespace {

using namespace std::literals;
using tandem::commands::ArgParser;
using tandem::commands::kErrNotFloat;
using tandem::commands::kErrNotInteger;
using tandem::commands::kErrSyntax;
using tandem::protocol::InvalidExpireError;
using tandem::protocol::WrongNumArgsError;
using ErrorKind = ArgParser::ErrorKind;

enum class Unit { kNone, kSeconds, kMillis };

struct SetOptions {
  bool nx = false;
  bool xx = false;
  bool get = false;
  Unit unit = Unit::kNone;
  long long ttl = 0;
};

// The option loop of SET key value [NX | XX] [GET] [EX seconds | PX milliseconds], as a family
// would write it. The returned parser borrows `args`.
ArgParser ParseSetOptions(const std::vector<std::string_view>& args, SetOptions* opts) {
  ArgParser parser(args);
  while (parser.HasNext()) {
    if (parser.Check("NX")) {
      opts->nx = true;
    } else if (parser.Check("XX")) {
      opts->xx = true;
    } else if (parser.Check("GET")) {
      opts->get = true;
    } else if (parser.Check("EX", &opts->ttl)) {
      opts->unit = Unit::kSeconds;
    } else if (parser.Check("PX", &opts->ttl)) {
      opts->unit = Unit::kMillis;
    } else {
      parser.Fail();
    }
  }
  parser.Finalize();
  return parser;
}

}  // namespace

TEST_CASE("Error texts are Redis's, byte for byte") {
  CHECK(kErrSyntax == "ERR syntax error");
  CHECK(kErrNotInteger == "ERR value is not an integer or out of range");
  CHECK(kErrNotFloat == "ERR value is not a valid float");
  CHECK(WrongNumArgsError("get") == "ERR wrong number of arguments for 'get' command");
  CHECK(WrongNumArgsError("config|get") ==
        "ERR wrong number of arguments for 'config|get' command");
  CHECK(InvalidExpireError("getex") == "ERR invalid expire time in 'getex' command");
}

TEST_CASE("Next walks the arguments in order and Index/Remaining follow") {
  const std::vector<std::string_view> args = {"a", "b", "c"};
  ArgParser parser(args);
  CHECK(parser.HasNext());
  CHECK(parser.Remaining() == 3);
  CHECK(parser.Index() == 0);
  CHECK(parser.Peek() == "a");
  CHECK(parser.Next() == "a");
  CHECK(parser.Index() == 1);
  CHECK(parser.Next<std::string_view>() == "b");
  CHECK(parser.Remaining() == 1);
  CHECK(parser.Next() == "c");
  CHECK_FALSE(parser.HasNext());
  CHECK(parser.Peek().empty());
  CHECK(parser.Finalize());
  CHECK(parser.Ok());
  CHECK_FALSE(parser.Error().has_value());
  CHECK(parser.ErrorText().empty());
}

TEST_CASE("Next past the end records a syntax error at the missing position") {
  const std::vector<std::string_view> args = {"only"};
  ArgParser parser(args);
  parser.Next();
  CHECK(parser.Next().empty());
  REQUIRE(parser.Error().has_value());
  CHECK(parser.Error()->kind == ErrorKind::kSyntax);
  CHECK(parser.Error()->index == 1);
  CHECK(parser.ErrorText() == kErrSyntax);
  CHECK_FALSE(parser.Finalize());
}

TEST_CASE("Next<long long> parses like INCRBY and reports not-an-integer") {
  const std::vector<std::string_view> args = {"-9223372036854775808", "12", "012", "5"};
  ArgParser parser(args);
  CHECK(parser.Next<long long>() == LLONG_MIN);
  CHECK(parser.Next<long long>() == 12);
  CHECK(parser.Next<long long>() == 0);  // "012" fails and yields T{}.
  REQUIRE(parser.Error().has_value());
  CHECK(parser.Error()->kind == ErrorKind::kNotInteger);
  CHECK(parser.Error()->index == 2);
  CHECK(parser.ErrorText() == kErrNotInteger);
  CHECK_FALSE(parser.HasNext());   // Stops option loops at the first error...
  CHECK(parser.Remaining() == 1);  // ...without pretending the rest was consumed.
  CHECK_FALSE(parser.Finalize());
  CHECK(parser.ErrorText() == kErrNotInteger);  // Finalize keeps the first error.
}

TEST_CASE("Next<T> range-checks narrower integer types") {
  const std::vector<std::string_view> args = {"2147483647", "2147483648", "-1", "4294967295"};
  ArgParser parser(args);
  CHECK(parser.Next<int32_t>() == 2147483647);
  CHECK(parser.Next<int32_t>() == 0);
  CHECK(parser.Error()->kind == ErrorKind::kNotInteger);
  CHECK(parser.Error()->index == 1);

  ArgParser unsigned_parser{std::span(args).subspan(2)};
  CHECK(unsigned_parser.Next<uint32_t>() == 0);  // Negative.
  CHECK(unsigned_parser.Error()->kind == ErrorKind::kNotInteger);

  const std::vector<std::string_view> ok = {"4294967295", "9223372036854775807"};
  ArgParser ok_parser(ok);
  CHECK(ok_parser.Next<uint32_t>() == 4294967295u);
  CHECK(ok_parser.Next<uint64_t>() == 9223372036854775807ull);
  CHECK(ok_parser.Finalize());
}

TEST_CASE("Next<double> accepts what ZADD accepts and reports not-a-valid-float") {
  const std::vector<std::string_view> args = {"1.5", "-inf", "+1e3", "nan", "2"};
  ArgParser parser(args);
  CHECK(parser.Next<double>() == 1.5);
  CHECK(parser.Next<double>() == -HUGE_VAL);
  CHECK(parser.Next<double>() == 1000);
  CHECK(parser.Next<double>() == 0);
  REQUIRE(parser.Error().has_value());
  CHECK(parser.Error()->kind == ErrorKind::kNotFloat);
  CHECK(parser.Error()->index == 3);
  CHECK(parser.ErrorText() == kErrNotFloat);
}

TEST_CASE("Next<long double> accepts what INCRBYFLOAT accepts") {
  const std::vector<std::string_view> args = {"0.1", " 1"};
  ArgParser parser(args);
  CHECK(parser.Next<long double>() == 0.1L);
  CHECK(parser.Ok());
  parser.Next<long double>();
  CHECK(parser.ErrorText() == kErrNotFloat);
}

TEST_CASE("Check compares ignoring case and consumes only on a match") {
  const std::vector<std::string_view> args = {"withScores", "LIMIT"};
  ArgParser parser(args);
  CHECK_FALSE(parser.Check("LIMIT"));
  CHECK(parser.Index() == 0);
  CHECK_FALSE(parser.Check("WITHSCORE"));
  CHECK(parser.Check("WITHSCORES"));
  CHECK(parser.Check("limit"));
  CHECK_FALSE(parser.Check("limit"));  // Nothing left.
  CHECK(parser.Finalize());
}

TEST_CASE("Check and MapNext read an argument up to its first NUL byte, like strcasecmp") {
  const std::vector<std::string_view> args = {"NX\0junk"sv, "xx\0"sv, "\0GET"sv, "GET"};
  ArgParser parser(args);
  CHECK(parser.Check("NX"));
  CHECK(parser.MapNext("NX", 1, "XX", 2) == 2);
  CHECK_FALSE(parser.Check("GET"));  // empty as a C string
  CHECK(parser.Check(""));
  CHECK_FALSE(parser.Check("GE"));
  CHECK(parser.Check("GET"));
  CHECK(parser.Finalize());
}

TEST_CASE("An option loop parses SET options") {
  SetOptions opts;
  const std::vector<std::string_view> args = {"nx", "Get", "px", "1500"};
  ArgParser parser = ParseSetOptions(args, &opts);
  CHECK(parser.Ok());
  CHECK(opts.nx);
  CHECK(opts.get);
  CHECK_FALSE(opts.xx);
  CHECK(opts.unit == Unit::kMillis);
  CHECK(opts.ttl == 1500);
}

TEST_CASE("An option loop reports an unknown token as a syntax error") {
  SetOptions opts;
  const std::vector<std::string_view> args = {"NX", "BOGUS", "EX", "10"};
  ArgParser parser = ParseSetOptions(args, &opts);
  CHECK(parser.ErrorText() == kErrSyntax);
  CHECK(parser.Error()->index == 1);
  CHECK(opts.unit == Unit::kNone);  // The loop stopped at the first error.
}

TEST_CASE("An option whose value is missing is a syntax error, as for SET k v EX") {
  SetOptions opts;
  const std::vector<std::string_view> args = {"EX"};
  ArgParser parser = ParseSetOptions(args, &opts);
  CHECK(parser.ErrorText() == kErrSyntax);
  CHECK(parser.Error()->index == 1);
}

TEST_CASE("An option whose value is not a number is not-an-integer, as for SET k v EX abc") {
  SetOptions opts;
  const std::vector<std::string_view> args = {"EX", "abc", "NX"};
  ArgParser parser = ParseSetOptions(args, &opts);
  CHECK(parser.ErrorText() == kErrNotInteger);
  CHECK(parser.Error()->index == 1);
  CHECK_FALSE(opts.nx);
}

TEST_CASE("MapNext maps a token to a value ignoring case") {
  enum class Where { kNone, kBefore, kAfter };
  const std::vector<std::string_view> args = {"after", "BEFORE", "middle"};
  ArgParser parser(args);
  CHECK(parser.MapNext("BEFORE", Where::kBefore, "AFTER", Where::kAfter) == Where::kAfter);
  CHECK(parser.MapNext("BEFORE", Where::kBefore, "AFTER", Where::kAfter) == Where::kBefore);
  CHECK(parser.Ok());
  CHECK(parser.MapNext("BEFORE", Where::kBefore, "AFTER", Where::kAfter) == Where::kNone);
  CHECK(parser.ErrorText() == kErrSyntax);
  CHECK(parser.Error()->index == 2);
}

TEST_CASE("MapNext with no argument left is a syntax error") {
  const std::vector<std::string_view> args;
  ArgParser parser(args);
  CHECK(parser.MapNext("ONE", 1) == 0);
  CHECK(parser.ErrorText() == kErrSyntax);
  CHECK(parser.Error()->index == 0);
}

TEST_CASE("Finalize turns leftover arguments into a syntax error") {
  const std::vector<std::string_view> args = {"1", "extra"};
  ArgParser parser(args);
  CHECK(parser.Next<long long>() == 1);
  CHECK(parser.Ok());
  CHECK_FALSE(parser.Finalize());
  CHECK(parser.ErrorText() == kErrSyntax);
  CHECK(parser.Error()->index == 1);
}

TEST_CASE("Fail with a text records a custom error, and only the first error is kept") {
  const std::vector<std::string_view> args = {"0"};
  ArgParser parser(args);
  parser.Next<long long>();
  parser.Fail("ERR invalid expire time in 'set' command"sv);
  parser.Fail(ErrorKind::kNotFloat);
  parser.Fail("ERR something else"sv);
  CHECK(parser.Error()->kind == ErrorKind::kCustom);
  CHECK(parser.ErrorText() == "ERR invalid expire time in 'set' command");
  CHECK_FALSE(parser.Finalize());
  CHECK(parser.ErrorText() == "ERR invalid expire time in 'set' command");
}

TEST_CASE("Skip advances without passing the end") {
  const std::vector<std::string_view> args = {"a", "b", "c"};
  ArgParser parser(args);
  parser.Skip(2);
  CHECK(parser.Next() == "c");
  parser.Skip(5);
  CHECK(parser.Remaining() == 0);
  CHECK(parser.Finalize());
}
