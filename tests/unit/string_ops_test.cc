// String and bitmap Ops against a real Database: results, encodings Redis 7.0.15 reports
// (OBJECT ENCODING), TTLs carried over, memory accounting, and the bit primitives against naive
// reference implementations.
#include "server/commands/string_ops.h"

#include <doctest/doctest.h>

#include <climits>
#include <cstdint>
#include <random>
#include <string>

#include "server/engine/db_set.h"

namespace {

using namespace std::literals;
using tandem::commands::BitfieldOverflow;
using tandem::commands::IntBuf;
using tandem::commands::OpResult;
using tandem::commands::OpStatus;
using tandem::commands::SetParams;
using tandem::engine::Database;
using tandem::engine::DbSet;
using tandem::engine::Encoding;
using tandem::engine::Entry;
using tandem::engine::ObjType;
namespace ops = tandem::commands;

// A stand-in collection, to put a non-string under a key.
class FakeList final : public tandem::engine::Object {
 public:
  FakeList() { bytes_ = 16; }
  Object* Clone() const override { return new FakeList; }
};

void AddList(Database& db, std::string_view key) {
  Entry::Init init;
  init.type = ObjType::kList;
  init.encoding = Encoding::kQuicklist;
  init.object = new FakeList;
  db.Put(key, init);
}

Encoding EncodingOf(Database& db, std::string_view key) { return db.Find(key)->encoding(); }

std::string ValueOf(Database& db, std::string_view key) {
  IntBuf buf;
  return std::string(db.Find(key)->StringValue(buf));
}

// What the database should account: every entry's usage plus the bucket arrays.
void CheckAccounting(Database& db) {
  size_t sum = 0;
  uint64_t cursor = 0;
  do {
    cursor = db.Scan(cursor, [&](Entry* e) { sum += e->MemoryUsage(); });
  } while (cursor != 0);
  CHECK(db.memory() >= sum);
  CHECK(db.memory() - sum < 4096);  // the rest is the (small) bucket arrays
}

bool NaiveBit(std::string_view s, uint64_t i) {
  return (static_cast<unsigned char>(s[i / 8]) >> (7 - i % 8)) & 1;
}

}  // namespace

TEST_CASE("INCR creates an int, updates an int-encoded entry in place and keeps the TTL") {
  DbSet dbs(1);
  Database& db = dbs.db(0);
  CHECK(*ops::OpIncrBy(db, "n", 5) == 5);
  CHECK(EncodingOf(db, "n") == Encoding::kInt);
  Entry* before = db.Find("n");
  CHECK(*ops::OpIncrBy(db, "n", -7) == -2);
  CHECK(db.Find("n") == before);

  db.PutString("e", "12", false, true, dbs.now_ms() + 100000);
  CHECK(*ops::OpIncrBy(db, "e", 1) == 13);
  CHECK(db.Find("e")->has_expire());
  CheckAccounting(db);
}

TEST_CASE("INCR on an embstr or raw number stores an int") {
  DbSet dbs(1);
  Database& db = dbs.db(0);
  CHECK(ops::OpAppend(db, "r", "41", 1 << 20).ok());
  CHECK(ops::OpAppend(db, "r", "0", 1 << 20).ok());
  CHECK(EncodingOf(db, "r") == Encoding::kRaw);
  CHECK(*ops::OpIncrBy(db, "r", 1) == 411);
  CHECK(EncodingOf(db, "r") == Encoding::kInt);
}

TEST_CASE("INCR errors: not an integer, overflow, wrong type") {
  DbSet dbs(1);
  Database& db = dbs.db(0);
  db.PutString("s", "01");
  CHECK(ops::OpIncrBy(db, "s", 1).status() == OpStatus::kNotInteger);
  db.PutString("max", "9223372036854775807");
  CHECK(ops::OpIncrBy(db, "max", 1).status() == OpStatus::kOverflow);
  CHECK(ValueOf(db, "max") == "9223372036854775807");
  db.PutString("min", "-9223372036854775808");
  CHECK(ops::OpIncrBy(db, "min", -1).status() == OpStatus::kOverflow);
  AddList(db, "l");
  CHECK(ops::OpIncrBy(db, "l", 1).status() == OpStatus::kWrongType);
  CHECK(ops::OpStatusError(OpStatus::kOverflow) == "ERR increment or decrement would overflow");
}

TEST_CASE("INCRBYFLOAT formats like Redis and stores a plain string") {
  DbSet dbs(1);
  Database& db = dbs.db(0);
  CHECK(*ops::OpIncrByFloat(db, "f", "10.5") == "10.5");
  CHECK(*ops::OpIncrByFloat(db, "f", "0.1") == "10.6");
  CHECK(*ops::OpIncrByFloat(db, "f", "-0.6") == "10");
  CHECK(EncodingOf(db, "f") == Encoding::kEmbStr);
  CHECK(ops::OpIncrByFloat(db, "f", "abc").status() == OpStatus::kNotFloat);
  db.PutString("big", "1e308");
  CHECK(ops::OpIncrByFloat(db, "big", "1e308").ok());  // long double does not overflow here
  CHECK(ops::OpIncrByFloat(db, "f", "inf").status() == OpStatus::kNanOrInf);
  AddList(db, "l");
  // The key's type is checked before the increment is parsed.
  CHECK(ops::OpIncrByFloat(db, "l", "abc").status() == OpStatus::kWrongType);
}

TEST_CASE("APPEND grows a raw string in place with exact accounting and a size limit") {
  DbSet dbs(1);
  Database& db = dbs.db(0);
  CHECK(*ops::OpAppend(db, "a", "123", 100000) == 3);
  CHECK(EncodingOf(db, "a") == Encoding::kInt);  // a new key gets the usual encoding
  CHECK(*ops::OpAppend(db, "a", "", 100000) == 3);
  CHECK(EncodingOf(db, "a") == Encoding::kRaw);  // any append on an existing key unshares it
  Entry* e = db.Find("a");
  for (int i = 0; i < 10000; ++i) ops::OpAppend(db, "a", "x", 100000);
  CHECK(db.Find("a") == e);  // same entry: the string grew in place
  CHECK(db.Find("a")->raw()->size() == 10003);
  CheckAccounting(db);
  CHECK(ops::OpAppend(db, "a", std::string(89997, 'y'), 100000).ok());
  CHECK(ops::OpAppend(db, "a", "z", 100000).status() == OpStatus::kTooBig);
  AddList(db, "l");
  CHECK(ops::OpAppend(db, "l", "z", 100000).status() == OpStatus::kWrongType);
}

TEST_CASE("prepend only works on existing strings") {
  DbSet dbs(1);
  Database& db = dbs.db(0);
  CHECK(ops::OpPrepend(db, "p", "x", 100).status() == OpStatus::kKeyNotFound);
  db.PutString("p", "world");
  CHECK(*ops::OpPrepend(db, "p", "hello ", 100) == 11);
  CHECK(ValueOf(db, "p") == "hello world");
}

TEST_CASE("SETRANGE pads with zeros, creates raw strings and checks the limit") {
  DbSet dbs(1);
  Database& db = dbs.db(0);
  CHECK(*ops::OpSetRange(db, "missing", 5, "", 100) == 0);
  CHECK(db.Find("missing") == nullptr);
  CHECK(*ops::OpSetRange(db, "s", 3, "ab", 100) == 5);
  CHECK(ValueOf(db, "s") == "\0\0\0ab"s);
  CHECK(EncodingOf(db, "s") == Encoding::kRaw);
  db.PutString("n", "1234");
  CHECK(*ops::OpSetRange(db, "n", 1, "", 100) == 4);
  CHECK(EncodingOf(db, "n") == Encoding::kInt);  // writing nothing leaves the value alone
  CHECK(*ops::OpSetRange(db, "n", 1, "X", 100) == 4);
  CHECK(ValueOf(db, "n") == "1X34");
  CHECK(ops::OpSetRange(db, "n", 100, "x", 100).status() == OpStatus::kTooBig);
  CHECK(ops::OpSetRange(db, "n", ~0ull, "x", ~0ull).status() == OpStatus::kTooBig);
  CheckAccounting(db);
}

TEST_CASE("GETRANGE follows Redis's index rules") {
  DbSet dbs(1);
  Database& db = dbs.db(0);
  db.PutString("s", "This is a string");
  IntBuf buf;
  CHECK(*ops::OpGetRange(db, "s", 0, 3, buf) == "This");
  CHECK(*ops::OpGetRange(db, "s", -3, -1, buf) == "ing");
  CHECK(*ops::OpGetRange(db, "s", 5, 3, buf) == "");
  CHECK(*ops::OpGetRange(db, "s", -1, -5, buf) == "");
  CHECK(*ops::OpGetRange(db, "s", -100, 2, buf) == "Thi");
  CHECK(*ops::OpGetRange(db, "s", 10, 100, buf) == "string");
  CHECK(*ops::OpGetRange(db, "s", LLONG_MIN, LLONG_MAX, buf) == "This is a string");
  db.PutString("n", "1234567");
  CHECK(*ops::OpGetRange(db, "n", 2, 4, buf) == "345");
  CHECK(*ops::OpGetRange(db, "none", 0, -1, buf) == "");
}

TEST_CASE("SET conditions, GET and KEEPTTL") {
  DbSet dbs(1);
  Database& db = dbs.db(0);
  SetParams nx;
  nx.condition = SetParams::Condition::kIfAbsent;
  CHECK(ops::OpSet(db, "k", "1", nx)->stored);
  CHECK_FALSE(ops::OpSet(db, "k", "2", nx)->stored);
  SetParams xx_get;
  xx_get.condition = SetParams::Condition::kIfPresent;
  xx_get.get_old = true;
  auto r = ops::OpSet(db, "k", "3", xx_get);
  CHECK(r->stored);
  CHECK(r->had_old);
  CHECK(r->old_value == "1");
  CHECK_FALSE(ops::OpSet(db, "other", "3", xx_get)->stored);

  SetParams ex;
  ex.has_expire = true;
  ex.expire_at_ms = dbs.now_ms() + 5000;
  ops::OpSet(db, "k", "4", ex);
  SetParams keep;
  keep.keep_ttl = true;
  ops::OpSet(db, "k", "5", keep);
  CHECK(db.Find("k")->expire_at() == ex.expire_at_ms);
  ops::OpSet(db, "k", "6", SetParams{});
  CHECK_FALSE(db.Find("k")->has_expire());

  AddList(db, "l");
  CHECK(ops::OpSet(db, "l", "v", xx_get).status() == OpStatus::kWrongType);
  CHECK(ops::OpSet(db, "l", "v", SetParams{})->stored);  // a plain SET overwrites any type
}

TEST_CASE("GETDEL and STRLEN") {
  DbSet dbs(1);
  Database& db = dbs.db(0);
  db.PutString("k", "-12345");
  CHECK(*ops::OpStrLen(db, "k") == 6);
  CHECK(*ops::OpGetDel(db, "k") == "-12345");
  CHECK(ops::OpGetDel(db, "k").status() == OpStatus::kKeyNotFound);
  CHECK(*ops::OpStrLen(db, "k") == 0);
}

TEST_CASE("bit commands get a zero-padded raw string") {
  DbSet dbs(1);
  Database& db = dbs.db(0);
  std::string seen;
  bool was_grown = false;
  auto look = [&](std::string& s, bool grown) {
    seen = s;
    was_grown = grown;
    return false;
  };
  CHECK(ops::OpEditBits(db, "b", 17, look).status() == OpStatus::kOk);
  CHECK(seen == "\0\0\0"s);
  CHECK(was_grown);  // created
  CHECK(ops::OpEditBits(db, "b", 23, look).status() == OpStatus::kOk);
  CHECK_FALSE(was_grown);  // already long enough
  CHECK(ops::OpEditBits(db, "b", 24, look).status() == OpStatus::kOk);
  CHECK(was_grown);
  db.PutString("n", "1");
  CHECK(ops::OpEditBits(db, "n", 0, look).status() == OpStatus::kOk);
  CHECK(seen == "1");
  CHECK_FALSE(was_grown);  // converting to raw is no growth
  CHECK(EncodingOf(db, "n") == Encoding::kRaw);
  OpResult<bool> changed = ops::OpEditBits(db, "n", 0, [](std::string& s, bool) {
    s[0] = 'A';
    return true;
  });
  CHECK(changed.ok());
  CHECK(*changed);
  CHECK(ValueOf(db, "n") == "A");
  AddList(db, "l");
  bool ran = false;
  CHECK(ops::OpEditBits(db, "l", 0, [&](std::string&, bool) { return ran = true; }).status() ==
        OpStatus::kWrongType);
  CHECK_FALSE(ran);
  CheckAccounting(db);
}

TEST_CASE("CountBits and FindBit agree with a bit-by-bit scan") {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string s(rng() % 80 + 1, '\0');
    const int style = rng() % 3;
    for (char& c : s) {
      c = static_cast<char>(style == 0 ? rng()
                                       : (rng() % 10 == 0 ? rng() : (style == 1 ? 0 : 255)));
    }
    const uint64_t nbits = s.size() * 8;
    const uint64_t first = rng() % nbits;
    const uint64_t last = first + rng() % (nbits - first);
    uint64_t count = 0;
    long long first_one = -1, first_zero = -1;
    for (uint64_t i = first; i <= last; ++i) {
      const bool b = NaiveBit(s, i);
      count += b;
      if (b && first_one < 0) first_one = static_cast<long long>(i);
      if (!b && first_zero < 0) first_zero = static_cast<long long>(i);
    }
    CHECK(ops::CountBits(s, first, last) == count);
    CHECK(ops::FindBit(s, true, first, last) == first_one);
    CHECK(ops::FindBit(s, false, first, last) == first_zero);
  }
}

TEST_CASE("bitfields round-trip at any offset and width") {
  unsigned char buf[16] = {0};
  ops::SetBitfield(buf, 3, 8, 0xff);
  CHECK(buf[0] == 0x1f);
  CHECK(buf[1] == 0xe0);
  CHECK(ops::GetUnsignedBitfield(buf, 3, 8) == 255);
  CHECK(ops::GetSignedBitfield(buf, 3, 8) == -1);
  ops::SetBitfield(buf, 40, 64, 0x8000000000000001ull);
  CHECK(ops::GetUnsignedBitfield(buf, 40, 64) == 0x8000000000000001ull);
  CHECK(ops::GetSignedBitfield(buf, 40, 64) == static_cast<int64_t>(0x8000000000000001ull));
}

TEST_CASE("bitfield overflow handling matches Redis, including its unsigned SET quirk") {
  uint64_t u = 0;
  CHECK(ops::CheckUnsignedBitfieldOverflow(255, 1, 8, BitfieldOverflow::kWrap, &u) == 1);
  CHECK(u == 0);
  CHECK(ops::CheckUnsignedBitfieldOverflow(0, -1, 8, BitfieldOverflow::kSat, &u) == -1);
  CHECK(u == 0);
  // SET u8 0 -5 with SAT stores 255: the value is seen as a huge unsigned number.
  CHECK(ops::CheckUnsignedBitfieldOverflow(static_cast<uint64_t>(-5), 0, 8, BitfieldOverflow::kSat,
                                           &u) == 1);
  CHECK(u == 255);
  CHECK(ops::CheckUnsignedBitfieldOverflow(10, 5, 8, BitfieldOverflow::kFail, &u) == 0);

  int64_t s = 0;
  CHECK(ops::CheckSignedBitfieldOverflow(127, 1, 8, BitfieldOverflow::kWrap, &s) == 1);
  CHECK(s == -128);
  CHECK(ops::CheckSignedBitfieldOverflow(-128, -300, 8, BitfieldOverflow::kSat, &s) == -1);
  CHECK(s == -128);
  CHECK(ops::CheckSignedBitfieldOverflow(INT64_MAX, 1, 64, BitfieldOverflow::kSat, &s) == 1);
  CHECK(s == INT64_MAX);
  CHECK(ops::CheckSignedBitfieldOverflow(3, 1, 3, BitfieldOverflow::kWrap, &s) == 1);
  CHECK(s == -4);
}
