// RespWriter: RESP2 and RESP3 bytes for every ReplyBuilder call, as redis-server 7.0.15
// sends them.
#include "protocol/resp_writer.h"

#include <doctest/doctest.h>

#include <climits>
#include <cmath>
#include <limits>
#include <string>

namespace tandem::protocol {
namespace {

// Runs `emit` against a writer speaking `resp` and returns the bytes.
template <typename F>
std::string Bytes(int resp, F emit) {
  std::string out;
  RespWriter writer(&out, resp);
  emit(writer);
  return out;
}

template <typename F>
void CheckBoth(F emit, const std::string& resp2, const std::string& resp3) {
  CHECK(Bytes(2, emit) == resp2);
  CHECK(Bytes(3, emit) == resp3);
}

TEST_CASE("the writer starts in the protocol it is given and switches with SetProtocol") {
  std::string out;
  RespWriter writer(&out);
  CHECK(writer.protocol() == 2);
  writer.SetProtocol(3);
  CHECK(writer.protocol() == 3);
  writer.SendNull();
  writer.SetProtocol(2);
  CHECK(writer.protocol() == 2);
  writer.SendNull();
  CHECK(out == "_\r\n$-1\r\n");
  CHECK(writer.output() == &out);
}

TEST_CASE("replies append to the output buffer") {
  std::string out = "+PONG\r\n";
  RespWriter writer(&out);
  writer.SendOk();
  CHECK(out == "+PONG\r\n+OK\r\n");
  std::string other;
  writer.set_output(&other);
  writer.SendLong(1);
  CHECK(other == ":1\r\n");
}

TEST_CASE("simple strings are the same in RESP2 and RESP3, with CR/LF as spaces") {
  CheckBoth([](RespWriter& w) { w.SendSimple("OK"); }, "+OK\r\n", "+OK\r\n");
  CheckBoth([](RespWriter& w) { w.SendSimple("a\r\nb\n"); }, "+a  b \r\n", "+a  b \r\n");
  CheckBoth([](RespWriter& w) { w.SendSimple(""); }, "+\r\n", "+\r\n");
}

TEST_CASE("errors drop trailing CR/LF and turn inner ones into spaces") {
  CheckBoth([](RespWriter& w) { w.SendError("ERR syntax error"); }, "-ERR syntax error\r\n",
            "-ERR syntax error\r\n");
  CheckBoth([](RespWriter& w) { w.SendError("a\nb\n"); }, "-a b\r\n", "-a b\r\n");
  CheckBoth([](RespWriter& w) { w.SendError("\n\rab\r\n"); }, "-  ab\r\n", "-  ab\r\n");
  CheckBoth([](RespWriter& w) { w.SendError("-x\n"); }, "--x\r\n", "--x\r\n");
}

TEST_CASE("integers are formatted exactly across the whole range") {
  for (long long v : {0LL, 7LL, 9LL, 10LL, 42LL, 99LL, 100LL, 999LL, 1000LL, 9999LL, 10000LL,
                      123456789LL, -1LL, -10LL, -12345LL, 1LL << 40, LLONG_MAX, LLONG_MIN}) {
    std::string expected = ":" + std::to_string(v) + "\r\n";
    CheckBoth([v](RespWriter& w) { w.SendLong(v); }, expected, expected);
  }
}

TEST_CASE("bulk strings carry their length and may hold any byte") {
  CheckBoth([](RespWriter& w) { w.SendBulk("hello"); }, "$5\r\nhello\r\n", "$5\r\nhello\r\n");
  CheckBoth([](RespWriter& w) { w.SendBulk(""); }, "$0\r\n\r\n", "$0\r\n\r\n");
  std::string binary("a\r\n\0b", 5);
  CheckBoth([&](RespWriter& w) { w.SendBulk(binary); }, "$5\r\n" + binary + "\r\n",
            "$5\r\n" + binary + "\r\n");
  std::string big(123456, 'x');
  CheckBoth([&](RespWriter& w) { w.SendBulk(big); }, "$123456\r\n" + big + "\r\n",
            "$123456\r\n" + big + "\r\n");
}

TEST_CASE("null is $-1 in RESP2 and _ in RESP3") {
  CheckBoth([](RespWriter& w) { w.SendNull(); }, "$-1\r\n", "_\r\n");
}

TEST_CASE("a null array is *-1 in RESP2 and _ in RESP3") {
  CheckBoth([](RespWriter& w) { w.SendNullArray(); }, "*-1\r\n", "_\r\n");
}

TEST_CASE("SendBulkOrNull sends a bulk or the protocol's null") {
  std::string_view v = "v";
  CheckBoth([&](RespWriter& w) { w.SendBulkOrNull(&v); }, "$1\r\nv\r\n", "$1\r\nv\r\n");
  CheckBoth([](RespWriter& w) { w.SendBulkOrNull(nullptr); }, "$-1\r\n", "_\r\n");
}

TEST_CASE("booleans are integers in RESP2 and #t/#f in RESP3") {
  CheckBoth([](RespWriter& w) { w.SendBool(true); }, ":1\r\n", "#t\r\n");
  CheckBoth([](RespWriter& w) { w.SendBool(false); }, ":0\r\n", "#f\r\n");
}

TEST_CASE("doubles are %.17g bulk strings in RESP2 and comma lines in RESP3") {
  CheckBoth([](RespWriter& w) { w.SendDouble(0.1); }, "$19\r\n0.10000000000000001\r\n",
            ",0.10000000000000001\r\n");
  CheckBoth([](RespWriter& w) { w.SendDouble(1); }, "$1\r\n1\r\n", ",1\r\n");
  CheckBoth([](RespWriter& w) { w.SendDouble(1.5); }, "$3\r\n1.5\r\n", ",1.5\r\n");
  CheckBoth([](RespWriter& w) { w.SendDouble(1e20); }, "$5\r\n1e+20\r\n", ",1e+20\r\n");
  CheckBoth([](RespWriter& w) { w.SendDouble(3.0000000000000004); },
            "$18\r\n3.0000000000000004\r\n", ",3.0000000000000004\r\n");
  CheckBoth([](RespWriter& w) { w.SendDouble(123456789012345678.0); },
            "$22\r\n1.2345678901234568e+17\r\n", ",1.2345678901234568e+17\r\n");
  CheckBoth([](RespWriter& w) { w.SendDouble(-2.5); }, "$4\r\n-2.5\r\n", ",-2.5\r\n");
}

TEST_CASE("infinite doubles are inf and -inf in both protocols") {
  double inf = std::numeric_limits<double>::infinity();
  CheckBoth([=](RespWriter& w) { w.SendDouble(inf); }, "$3\r\ninf\r\n", ",inf\r\n");
  CheckBoth([=](RespWriter& w) { w.SendDouble(-inf); }, "$4\r\n-inf\r\n", ",-inf\r\n");
}

TEST_CASE("FormatDouble matches Redis 7.0's %.17g reply text") {
  CHECK(FormatDouble(0) == "0");
  CHECK(FormatDouble(-0.0) == "-0");
  CHECK(FormatDouble(3) == "3");
  CHECK(FormatDouble(0.1) == "0.10000000000000001");
  CHECK(FormatDouble(1e20) == "1e+20");
  CHECK(FormatDouble(1e-5) == "1.0000000000000001e-05");
  CHECK(FormatDouble(12345678901234567.0) == "12345678901234568");
  CHECK(FormatDouble(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(FormatDouble(-std::numeric_limits<double>::infinity()) == "-inf");
  CHECK(FormatDouble(std::nan("")) == "nan");
  CHECK(FormatDouble(-1.7976931348623157e308) == "-1.7976931348623157e+308");
}

TEST_CASE("verbatim strings carry a 3-byte format in RESP3 and are bulks in RESP2") {
  CheckBoth([](RespWriter& w) { w.SendVerbatim("hello"); }, "$5\r\nhello\r\n",
            "=9\r\ntxt:hello\r\n");
  CheckBoth([](RespWriter& w) { w.SendVerbatim("x", "mkd"); }, "$1\r\nx\r\n", "=5\r\nmkd:x\r\n");
  CheckBoth([](RespWriter& w) { w.SendVerbatim("", "markdown"); }, "$0\r\n\r\n", "=4\r\nmar:\r\n");
  CheckBoth([](RespWriter& w) { w.SendVerbatim("ab", "t"); }, "$2\r\nab\r\n", "=6\r\nt  :ab\r\n");
}

TEST_CASE("arrays are the same in both protocols") {
  CheckBoth(
      [](RespWriter& w) {
        w.StartArray(2);
        w.SendBulk("a");
        w.SendLong(1);
      },
      "*2\r\n$1\r\na\r\n:1\r\n", "*2\r\n$1\r\na\r\n:1\r\n");
  CheckBoth([](RespWriter& w) { w.StartArray(0); }, "*0\r\n", "*0\r\n");
  CheckBoth([](RespWriter& w) { w.StartArray(12345); }, "*12345\r\n", "*12345\r\n");
}

TEST_CASE("maps are %N in RESP3 and flat arrays of 2N in RESP2") {
  CheckBoth(
      [](RespWriter& w) {
        w.StartMap(1);
        w.SendBulk("f");
        w.SendBulk("v");
      },
      "*2\r\n$1\r\nf\r\n$1\r\nv\r\n", "%1\r\n$1\r\nf\r\n$1\r\nv\r\n");
  CheckBoth([](RespWriter& w) { w.StartMap(0); }, "*0\r\n", "%0\r\n");
  CheckBoth([](RespWriter& w) { w.StartMap(7); }, "*14\r\n", "%7\r\n");
}

TEST_CASE("sets are ~N in RESP3 and arrays in RESP2") {
  CheckBoth([](RespWriter& w) { w.StartSet(3); }, "*3\r\n", "~3\r\n");
}

TEST_CASE("pushes are >N in RESP3 and arrays in RESP2") {
  CheckBoth(
      [](RespWriter& w) {
        w.StartPush(3);
        w.SendBulk("subscribe");
        w.SendBulk("ch");
        w.SendLong(1);
      },
      "*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n", ">3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n");
}

}  // namespace
}  // namespace tandem::protocol
