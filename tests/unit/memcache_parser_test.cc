#include "protocol/memcache_parser.h"

#include <doctest/doctest.h>

#include "server/memcache/text_protocol.h"

namespace tandem::protocol::memcache {
namespace {

TEST_CASE("memcached tokenizer splits on single spaces and keeps what follows token 23") {
  Tokens t;
  Tokenize("  get  a b ", &t);
  REQUIRE(t.n == 3);
  CHECK(t.tok[0] == "get");
  CHECK(t.tok[2] == "b");
  CHECK(t.rest.empty());
  Tokenize("get\ta", &t);
  CHECK(t.n == 1);
  std::string line = "get";
  for (int i = 0; i < 30; ++i) line += " k" + std::to_string(i);
  Tokenize(line, &t);
  CHECK(t.n == 23);
  CHECK(t.tok[22] == "k21");
  CHECK(t.rest == "k22 k23 k24 k25 k26 k27 k28 k29");
}

TEST_CASE("memcached number parsers accept what safe_strtoul and friends accept") {
  uint32_t u;
  CHECK(ParseU32("4294967296", &u));  // truncated, as memcached on LP64
  CHECK(u == 0);
  CHECK_FALSE(ParseU32("-1", &u));
  CHECK_FALSE(ParseU32("1x", &u));
  int32_t i;
  CHECK(ParseI32("-5", &i));
  CHECK(i == -5);
  CHECK(ParseI32("4102444800", &i));
  CHECK(i < 0);
  uint64_t v;
  CHECK(ParseU64("18446744073709551615", &v));
  CHECK_FALSE(ParseU64("18446744073709551616", &v));
  CHECK(ParseU64("1 2", &v));
  CHECK(v == 1);
}

TEST_CASE("a line over 2048 bytes without a newline closes unless it is a get") {
  CHECK_FALSE(IncompleteLineTooLong(std::string(2048, 'x')));
  CHECK(IncompleteLineTooLong(std::string(2049, 'x')));
  CHECK_FALSE(IncompleteLineTooLong("get " + std::string(3000, 'k')));
  CHECK_FALSE(IncompleteLineTooLong("gets " + std::string(3000, 'k')));
}

TEST_CASE("framing waits for a whole data block and swallows values over the limit") {
  tandem::memcache::Request req;
  using tandem::memcache::Frame;
  Frame f = tandem::memcache::FrameRequest("set a 0 0 5\r\nhel", 1024 * 1024, &req);
  CHECK(f.kind == Frame::kNeedMore);
  CHECK(f.need == 13 + 7);
  f = tandem::memcache::FrameRequest("set a 0 0 5\r\nhello\r\nget a\r\n", 1024 * 1024, &req);
  CHECK(f.kind == Frame::kRequest);
  CHECK(f.consumed == 20);
  CHECK(req.data == "hello");
  CHECK_FALSE(req.bad_chunk);
  f = tandem::memcache::FrameRequest("set a 0 0 2000\r\n", 1024, &req);
  CHECK(f.kind == Frame::kSwallow);
  CHECK(f.swallow == 2002);
  f = tandem::memcache::FrameRequest("set a 0 0 x\r\n", 1024, &req);
  CHECK(f.kind == Frame::kRequest);
  CHECK_FALSE(req.has_data);
}

TEST_CASE("framing copies a long value set whole into the string the entry will own") {
  tandem::memcache::Request req;
  const std::string value(100, 'v');
  auto frame = [&](const std::string& line, const std::string& block) {
    return tandem::memcache::FrameRequest(line + "\r\n" + block, 1024 * 1024, &req);
  };
  for (const char* cmd : {"set k 0 0 100", "add k 0 0 100", "cas k 0 0 100 7", "ms k 100"}) {
    frame(cmd, value + "\r\n");
    REQUIRE(req.raw);
    CHECK(*req.raw == value);
    auto init = tandem::memcache::StringInit(req, 5, {});
    CHECK(init.encoding == tandem::engine::Encoding::kRaw);
    CHECK(init.client_flags == 5);
    CHECK(*init.raw == value);
    CHECK_FALSE(req.raw);  // taken
    delete init.raw;
  }
  frame("append k 0 0 100", value + "\r\n");
  CHECK_FALSE(req.raw);  // appended to the stored value, never stored whole
  frame("set k 0 0 100", value + "xx");
  CHECK_FALSE(req.raw);  // a bad data chunk
  frame("set k 0 0 44", std::string(44, 'v') + "\r\n");
  CHECK_FALSE(req.raw);  // short enough to embed
  CHECK(tandem::memcache::StringInit(req, 0, {}).encoding == tandem::engine::Encoding::kEmbStr);
  frame("set k 0 0 100", value + "\r\n");
  frame("get k", "");
  CHECK_FALSE(req.raw);  // a request framed into the same place drops what the last left
}

}  // namespace
}  // namespace tandem::protocol::memcache
