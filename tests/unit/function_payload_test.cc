// FUNCTION DUMP / RESTORE payloads: Redis's CRC64, RDB strings in every encoding redis-server
// writes (LZF included), and payload verification.
#include "scripting/function_payload.h"

#include <doctest/doctest.h>

#include <string>

namespace tandem::scripting {
namespace {

TEST_CASE("Crc64 is Redis's crc64 (Jones polynomial): the test vector of crc64.c") {
  CHECK(Crc64(0, "123456789") == 0xe9c6d914c4b8d9caull);
  CHECK(Crc64(0, "") == 0);
}

TEST_CASE("RDB strings: every length encoding written is read back") {
  for (size_t len : {0ul, 1ul, 63ul, 64ul, 16383ul, 16384ul, 70000ul}) {
    std::string s(len, 'x');
    std::string out;
    AppendRdbString(&out, s);
    size_t pos = 0;
    std::string back;
    CAPTURE(len);
    REQUIRE(ReadRdbString(out, &pos, &back));
    CHECK(back == s);
    CHECK(pos == out.size());
    // Truncated: refused, never read past the end.
    if (!out.empty()) {
      pos = 0;
      CHECK_FALSE(ReadRdbString(std::string_view(out).substr(0, out.size() - 1), &pos, &back));
    }
  }
}

TEST_CASE("RDB strings: integer encodings and LZF as redis-server writes them") {
  std::string back;
  size_t pos = 0;
  CHECK(ReadRdbString(std::string("\xc0\xff", 2), &pos, &back));
  CHECK(back == "-1");
  pos = 0;
  CHECK(ReadRdbString(std::string("\xc1\x39\x30", 3), &pos, &back));
  CHECK(back == "12345");
  pos = 0;
  CHECK(ReadRdbString(std::string("\xc2\x00\x00\x00\x80", 5), &pos, &back));
  CHECK(back == "-2147483648");
  // "aaaaaaaaaaaaaaaaaaaaaaaa" (24 bytes) as lzf_compress writes it: a literal 'a', then a
  // back reference of 23 bytes at distance 1.
  const std::string lzf("\xc3\x05\x18\x00\x61\xe0\x0e\x00", 8);
  pos = 0;
  REQUIRE(ReadRdbString(lzf, &pos, &back));
  CHECK(back == std::string(24, 'a'));
  CHECK(pos == lzf.size());
  // A back reference before the start of the output, or the wrong expanded length: refused.
  pos = 0;
  CHECK_FALSE(ReadRdbString(std::string("\xc3\x03\x18\xe0\x0e\x05", 6), &pos, &back));
  pos = 0;
  CHECK_FALSE(ReadRdbString(std::string("\xc3\x05\x19\x00\x61\xe0\x0e\x00", 8), &pos, &back));
}

TEST_CASE("payloads: the trailer is version 10 and the CRC64 of what precedes it") {
  std::string p = DumpFunctions({"#!lua name=a\n", "#!lua name=b\n"});
  CHECK(static_cast<uint8_t>(p[0]) == kRdbOpcodeFunction2);
  CHECK(VerifyDumpPayload(p));
  CHECK(p.substr(p.size() - 10, 2) == std::string("\x0a\x00", 2));
  std::string bad = p;
  bad[3] ^= 1;
  CHECK_FALSE(VerifyDumpPayload(bad));
  CHECK_FALSE(VerifyDumpPayload(p.substr(0, 9)));
  CHECK(VerifyDumpPayload(DumpFunctions({})));
}

}  // namespace
}  // namespace tandem::scripting
