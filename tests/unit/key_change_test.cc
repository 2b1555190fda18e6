// The one key-change path: every write command of the foundation, run through the
// dispatcher, signals exactly the keys it changed, once each and in Redis's order, and a
// write that changes nothing signals nothing (Redis's signalModifiedKey). Also expiry,
// eviction, flushes and SWAPDB; entry versions (memcached's CAS) moving with every change;
// DEBUG OBJECT's refcount after COPY; and the lazy-free counters in INFO.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/resp_writer.h"
#include "scripting/function_payload.h"
#include "server/commands/dispatcher.h"
#include "server/commands/info.h"
#include "server/engine/db_set.h"
#include "server/engine/eviction.h"
#include "server/engine/key_observer.h"
#include "server/engine/key_write.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

using Argv = std::vector<std::string>;

// Records every signal as text: "db:key", "flush:db", "swap:a,b".
class Recorder final : public engine::KeyObserver {
 public:
  void OnKeyModified(int db, std::string_view key) override {
    events.push_back(std::to_string(db) + ":" + std::string(key));
  }
  void OnFlush(int db) override { events.push_back("flush:" + std::to_string(db)); }
  void OnSwap(int a, int b) override {
    events.push_back("swap:" + std::to_string(a) + "," + std::to_string(b));
  }
  std::vector<std::string> events;
};

CommandTable AllCommands() {
  CommandTable table;
  RegisterAllCommands(table);
  return table;
}

Config TestConfig() {
  Config config;
  config.enable_debug_command = "yes";
  return config;
}

// A server with every command registered, one client, and a recorder that can be attached
// around the command under test.
struct Harness {
  Harness() : server(TestConfig(), AllCommands()), dispatcher(server) {}

  // Runs argv for the client and returns the RESP2 reply bytes.
  std::string Run(const Argv& argv) {
    std::vector<std::string_view> views(argv.begin(), argv.end());
    std::string out;
    protocol::RespWriter writer(&out);
    auto guard = dispatcher.LockBatch([&](size_t) { return CmdArgs(views); }, 1, client);
    dispatcher.Execute(CmdArgs(views), client, writer, &writer);
    return out;
  }

  // Runs argv with the recorder attached and returns what it recorded.
  std::vector<std::string> Signals(const Argv& argv, std::string* reply = nullptr) {
    Recorder recorder;
    server.dbs().AddObserver(&recorder);
    std::string r = Run(argv);
    server.dbs().RemoveObserver(&recorder);
    if (reply) *reply = r;
    return recorder.events;
  }

  ServerState server;
  Dispatcher dispatcher;
  ClientState client;
};

struct Case {
  std::vector<Argv> setup;           // run first, unobserved (client in db 0)
  Argv command;                      // the write under test
  std::string reply;                 // its RESP2 reply, to be sure it did what we meant
  std::vector<std::string> signals;  // exactly these, in this order
};

const std::string kOk = "+OK\r\n";
const std::string kLibrary = "#!lua name=lib\nredis.register_function('f', function() end)";
const std::string kNil = "$-1\r\n";
std::string Int(long long v) { return ":" + std::to_string(v) + "\r\n"; }
std::string Bulk(const std::string& s) {
  return "$" + std::to_string(s.size()) + "\r\n" + s + "\r\n";
}

// Every write command of the foundation, with the cases that change keys and the ones that
// change nothing. The expectations follow redis-server 7.0.15: replayed there with
// notify-keyspace-events KA, each case's keyspace events name the same keys in the same
// order (SETEX and PSETEX send a second event, "expire", for their one signalModifiedKey;
// flushes and SWAPDB send none).
const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      // --- strings ---
      {{}, {"SET", "k", "v"}, kOk, {"0:k"}},
      {{{"SET", "k", "v"}}, {"SET", "k", "v2"}, kOk, {"0:k"}},  // in place
      {{{"SET", "k", "v"}}, {"SET", "k", std::string(100, 'x')}, kOk, {"0:k"}},
      {{{"SET", "k", "v"}}, {"SET", "k", "v2", "NX"}, kNil, {}},
      {{}, {"SET", "k", "v", "XX"}, kNil, {}},
      {{}, {"SET", "k", "v", "XX", "GET"}, kNil, {}},
      {{{"SET", "k", "old"}}, {"SET", "k", "v", "GET"}, Bulk("old"), {"0:k"}},
      {{{"SET", "k", "v", "EX", "100"}}, {"SET", "k", "w", "KEEPTTL"}, kOk, {"0:k"}},
      {{}, {"SETNX", "k", "v"}, Int(1), {"0:k"}},
      {{{"SET", "k", "v"}}, {"SETNX", "k", "v"}, Int(0), {}},
      {{}, {"SETEX", "k", "100", "v"}, kOk, {"0:k"}},
      {{}, {"SETEX", "k", "0", "v"}, "-ERR invalid expire time in 'setex' command\r\n", {}},
      {{}, {"PSETEX", "k", "100000", "v"}, kOk, {"0:k"}},
      {{{"SET", "k", "a"}}, {"GETSET", "k", "b"}, Bulk("a"), {"0:k"}},
      {{}, {"GETSET", "k", "b"}, kNil, {"0:k"}},
      {{{"SET", "k", "v"}}, {"GETEX", "k"}, Bulk("v"), {}},
      {{{"SET", "k", "v"}}, {"GETEX", "k", "EX", "100"}, Bulk("v"), {"0:k"}},
      {{{"SET", "k", "v"}}, {"GETEX", "k", "PERSIST"}, Bulk("v"), {}},
      {{{"SET", "k", "v", "EX", "100"}}, {"GETEX", "k", "PERSIST"}, Bulk("v"), {"0:k"}},
      {{{"SET", "k", "v"}}, {"GETEX", "k", "PXAT", "1"}, Bulk("v"), {"0:k"}},  // past: deleted
      {{}, {"GETEX", "k", "EX", "100"}, kNil, {}},
      {{{"SET", "k", "v"}}, {"GETDEL", "k"}, Bulk("v"), {"0:k"}},
      {{}, {"GETDEL", "k"}, kNil, {}},
      {{}, {"MSET", "a", "1", "b", "2"}, kOk, {"0:a", "0:b"}},
      {{}, {"MSET", "a", "1", "a", "2"}, kOk, {"0:a", "0:a"}},  // as Redis: once per setKey
      {{}, {"MSETNX", "a", "1", "b", "2"}, Int(1), {"0:a", "0:b"}},
      {{{"SET", "b", "x"}}, {"MSETNX", "a", "1", "b", "2"}, Int(0), {}},
      {{}, {"APPEND", "k", "x"}, Int(1), {"0:k"}},
      {{{"SET", "k", "v"}}, {"APPEND", "k", ""}, Int(1), {"0:k"}},
      {{{"SET", "k", "12"}}, {"APPEND", "k", "3"}, Int(3), {"0:k"}},
      {{{"SET", "k", "hello"}}, {"SETRANGE", "k", "1", "EY"}, Int(5), {"0:k"}},
      {{{"SET", "k", "hello"}}, {"SETRANGE", "k", "1", ""}, Int(5), {}},
      {{}, {"SETRANGE", "k", "3", ""}, Int(0), {}},
      {{}, {"SETRANGE", "k", "3", "x"}, Int(4), {"0:k"}},
      {{}, {"INCR", "n"}, Int(1), {"0:n"}},
      {{{"SET", "n", "5"}}, {"INCR", "n"}, Int(6), {"0:n"}},
      {{{"SET", "n", "x"}}, {"INCR", "n"}, "-ERR value is not an integer or out of range\r\n", {}},
      {{{"SET", "n", "5"}}, {"DECR", "n"}, Int(4), {"0:n"}},
      {{{"SET", "n", "5"}}, {"INCRBY", "n", "10"}, Int(15), {"0:n"}},
      {{{"SET", "n", "5"}}, {"DECRBY", "n", "10"}, Int(-5), {"0:n"}},
      {{{"SET", "n", "1.5"}}, {"INCRBYFLOAT", "n", "1"}, Bulk("2.5"), {"0:n"}},
      {{{"SET", "n", "x"}}, {"INCRBYFLOAT", "n", "1"}, "-ERR value is not a valid float\r\n", {}},
      // --- bitmaps: Redis 7.0 signals a SETBIT / BITFIELD only when a bit changed or the
      // string was created or grew ---
      {{}, {"SETBIT", "b", "3", "1"}, Int(0), {"0:b"}},
      {{{"SETBIT", "b", "3", "1"}}, {"SETBIT", "b", "3", "1"}, Int(1), {}},
      {{{"SETBIT", "b", "3", "1"}}, {"SETBIT", "b", "3", "0"}, Int(1), {"0:b"}},
      {{{"SETBIT", "b", "3", "1"}}, {"SETBIT", "b", "100", "0"}, Int(0), {"0:b"}},  // grows
      {{{"SET", "b", "5"}}, {"SETBIT", "b", "2", "1"}, Int(1), {}},  // converted, unchanged
      {{{"SET", "a", "x"}, {"SET", "b", "y"}}, {"BITOP", "AND", "d", "a", "b"}, Int(1), {"0:d"}},
      {{}, {"BITOP", "OR", "d", "a", "b"}, Int(0), {}},
      {{{"SET", "d", "x"}}, {"BITOP", "OR", "d", "a", "b"}, Int(0), {"0:d"}},  // deleted
      {{}, {"BITFIELD", "f", "SET", "u8", "0", "5"}, "*1\r\n:0\r\n", {"0:f"}},
      {{{"BITFIELD", "f", "SET", "u8", "0", "5"}},
       {"BITFIELD", "f", "SET", "u8", "0", "5"},
       "*1\r\n:5\r\n",
       {}},
      {{{"BITFIELD", "f", "SET", "u8", "0", "5"}},
       {"BITFIELD", "f", "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "255"},
       "*1\r\n$-1\r\n",
       {}},
      {{{"BITFIELD", "f", "SET", "u8", "0", "5"}},
       {"BITFIELD", "f", "INCRBY", "u8", "0", "1"},
       "*1\r\n:6\r\n",
       {"0:f"}},
      {{{"SET", "f", "x"}}, {"BITFIELD", "f", "GET", "u8", "0"}, "*1\r\n:120\r\n", {}},
      // --- keys ---
      {{{"MSET", "a", "1", "b", "2"}}, {"DEL", "a", "missing", "b", "a"}, Int(2), {"0:a", "0:b"}},
      {{}, {"DEL", "missing"}, Int(0), {}},
      {{{"MSET", "a", "1", "b", "2"}}, {"UNLINK", "a", "b"}, Int(2), {"0:a", "0:b"}},
      {{}, {"UNLINK", "missing"}, Int(0), {}},
      {{{"SET", "a", "1"}}, {"RENAME", "a", "b"}, kOk, {"0:a", "0:b"}},
      {{{"SET", "a", "1"}, {"SET", "b", "2"}}, {"RENAME", "a", "b"}, kOk, {"0:a", "0:b"}},
      {{{"SET", "a", "1"}}, {"RENAME", "a", "a"}, kOk, {}},
      {{}, {"RENAME", "a", "b"}, "-ERR no such key\r\n", {}},
      {{{"SET", "a", "1"}}, {"RENAMENX", "a", "b"}, Int(1), {"0:a", "0:b"}},
      {{{"SET", "a", "1"}, {"SET", "b", "2"}}, {"RENAMENX", "a", "b"}, Int(0), {}},
      {{{"SET", "a", "1"}}, {"COPY", "a", "b"}, Int(1), {"0:b"}},
      {{{"SET", "a", "1"}, {"SET", "b", "2"}}, {"COPY", "a", "b"}, Int(0), {}},
      {{{"SET", "a", "1"}, {"SET", "b", "2"}}, {"COPY", "a", "b", "REPLACE"}, Int(1), {"0:b"}},
      {{{"SET", "a", "1"}}, {"COPY", "a", "b", "DB", "3"}, Int(1), {"3:b"}},
      {{}, {"COPY", "a", "b"}, Int(0), {}},
      {{{"SET", "a", "1"}}, {"MOVE", "a", "1"}, Int(1), {"0:a", "1:a"}},
      {{{"SET", "a", "1"}, {"SELECT", "1"}, {"SET", "a", "2"}, {"SELECT", "0"}},
       {"MOVE", "a", "1"},
       Int(0),
       {}},
      {{}, {"MOVE", "a", "1"}, Int(0), {}},
      {{{"SET", "a", "1"}}, {"SWAPDB", "0", "2"}, kOk, {"swap:0,2"}},
      {{}, {"SWAPDB", "1", "1"}, kOk, {}},
      {{{"SET", "a", "1"}}, {"FLUSHDB"}, kOk, {"flush:0"}},
      {{{"SET", "a", "1"}}, {"FLUSHDB", "ASYNC"}, kOk, {"flush:0"}},
      {{{"SET", "a", "1"}}, {"FLUSHALL"}, kOk, {"flush:-1"}},
      // Function libraries are not keys.
      {{}, {"FUNCTION", "LOAD", kLibrary}, Bulk("lib"), {}},
      {{{"FUNCTION", "LOAD", kLibrary}}, {"FUNCTION", "DELETE", "lib"}, kOk, {}},
      {{{"FUNCTION", "LOAD", kLibrary}}, {"FUNCTION", "FLUSH"}, kOk, {}},
      {{}, {"FUNCTION", "RESTORE", scripting::DumpFunctions({kLibrary})}, kOk, {}},
      {{{"SET", "k", "v"}}, {"EXPIRE", "k", "100"}, Int(1), {"0:k"}},
      {{{"SET", "k", "v", "EX", "50"}}, {"EXPIRE", "k", "100", "NX"}, Int(0), {}},
      {{{"SET", "k", "v", "EX", "50"}}, {"EXPIRE", "k", "100", "GT"}, Int(1), {"0:k"}},
      {{}, {"EXPIRE", "k", "100"}, Int(0), {}},
      {{{"SET", "k", "v"}}, {"EXPIRE", "k", "-1"}, Int(1), {"0:k"}},  // deletes
      {{{"SET", "k", "v"}}, {"PEXPIRE", "k", "100000"}, Int(1), {"0:k"}},
      {{{"SET", "k", "v"}}, {"EXPIREAT", "k", "4102444800"}, Int(1), {"0:k"}},
      {{{"SET", "k", "v"}}, {"PEXPIREAT", "k", "1"}, Int(1), {"0:k"}},
      {{{"SET", "k", "v", "EX", "100"}}, {"PERSIST", "k"}, Int(1), {"0:k"}},
      {{{"SET", "k", "v"}}, {"PERSIST", "k"}, Int(0), {}},
      // --- sets ---
      {{}, {"SADD", "s", "1", "a"}, Int(2), {"0:s"}},
      {{{"SADD", "s", "1"}}, {"SADD", "s", "1"}, Int(0), {}},
      {{{"SADD", "s", "1", "2"}}, {"SREM", "s", "1"}, Int(1), {"0:s"}},
      {{{"SADD", "s", "1"}}, {"SREM", "s", "1"}, Int(1), {"0:s"}},  // deleted
      {{{"SADD", "s", "1"}}, {"SREM", "s", "2"}, Int(0), {}},
      {{{"SADD", "s", "1"}}, {"SPOP", "s"}, Bulk("1"), {"0:s"}},
      {{{"SADD", "s", "1"}}, {"SPOP", "s", "0"}, "*0\r\n", {}},
      {{{"SADD", "a", "1"}}, {"SMOVE", "a", "b", "1"}, Int(1), {"0:a", "0:b"}},
      {{{"SADD", "a", "1"}}, {"SMOVE", "a", "b", "2"}, Int(0), {}},
      {{{"SADD", "a", "1"}}, {"SMOVE", "a", "a", "1"}, Int(1), {}},
      {{{"SADD", "a", "1"}, {"SADD", "b", "1"}}, {"SINTERSTORE", "d", "a", "b"}, Int(1), {"0:d"}},
      {{}, {"SINTERSTORE", "d", "a", "b"}, Int(0), {}},
      {{{"SET", "d", "x"}}, {"SINTERSTORE", "d", "a"}, Int(0), {"0:d"}},
      {{{"SADD", "a", "1"}}, {"SUNIONSTORE", "d", "a", "b"}, Int(1), {"0:d"}},
      {{{"SADD", "a", "1"}}, {"SDIFFSTORE", "d", "a", "b"}, Int(1), {"0:d"}},
      {{{"SADD", "s", "2", "1"}}, {"SORT", "s"}, "*2\r\n$1\r\n1\r\n$1\r\n2\r\n", {}},
      // --- hashes ---
      {{}, {"HSET", "h", "f", "v"}, Int(1), {"0:h"}},
      {{{"HSET", "h", "f", "v"}}, {"HSET", "h", "f", "v"}, Int(0), {"0:h"}},
      {{}, {"HMSET", "h", "f", "v"}, kOk, {"0:h"}},
      {{}, {"HSETNX", "h", "f", "v"}, Int(1), {"0:h"}},
      {{{"HSET", "h", "f", "v"}}, {"HSETNX", "h", "f", "w"}, Int(0), {}},
      {{{"HSET", "h", "f", "v", "g", "w"}}, {"HDEL", "h", "f"}, Int(1), {"0:h"}},
      {{{"HSET", "h", "f", "v"}}, {"HDEL", "h", "f"}, Int(1), {"0:h"}},  // deleted
      {{{"HSET", "h", "f", "v"}}, {"HDEL", "h", "g"}, Int(0), {}},
      {{}, {"HINCRBY", "h", "f", "2"}, Int(2), {"0:h"}},
      {{{"HSET", "h", "f", "x"}},
       {"HINCRBY", "h", "f", "2"},
       "-ERR hash value is not an integer\r\n",
       {}},
      {{}, {"HINCRBYFLOAT", "h", "f", "2.5"}, Bulk("2.5"), {"0:h"}},
      // --- sorted sets ---
      {{}, {"ZADD", "z", "1", "a"}, Int(1), {"0:z"}},
      {{{"ZADD", "z", "1", "a"}}, {"ZADD", "z", "1", "a"}, Int(0), {}},
      {{{"ZADD", "z", "1", "a"}}, {"ZADD", "z", "NX", "2", "a"}, Int(0), {}},
      {{}, {"ZADD", "z", "XX", "1", "a"}, Int(0), {}},
      {{{"ZADD", "z", "1", "a"}}, {"ZADD", "z", "CH", "2", "a"}, Int(1), {"0:z"}},
      {{}, {"ZINCRBY", "z", "1", "a"}, Bulk("1"), {"0:z"}},
      {{{"ZADD", "z", "1", "a", "2", "b"}}, {"ZREM", "z", "a", "x"}, Int(1), {"0:z"}},
      {{{"ZADD", "z", "1", "a"}}, {"ZREM", "z", "x"}, Int(0), {}},
      {{{"ZADD", "z", "1", "a"}}, {"ZREM", "z", "a"}, Int(1), {"0:z"}},
      {{{"ZADD", "z", "1", "a", "2", "b"}}, {"ZREMRANGEBYRANK", "z", "0", "0"}, Int(1), {"0:z"}},
      {{{"ZADD", "z", "1", "a"}}, {"ZREMRANGEBYSCORE", "z", "5", "6"}, Int(0), {}},
      {{{"ZADD", "z", "1", "a"}}, {"ZREMRANGEBYSCORE", "z", "1", "6"}, Int(1), {"0:z"}},
      {{{"ZADD", "z", "0", "a"}}, {"ZREMRANGEBYLEX", "z", "-", "+"}, Int(1), {"0:z"}},
      {{{"ZADD", "z", "1", "a"}}, {"ZPOPMIN", "z"}, "*2\r\n$1\r\na\r\n$1\r\n1\r\n", {"0:z"}},
      {{}, {"ZPOPMAX", "z"}, "*0\r\n", {}},
      {{{"ZADD", "z", "1", "a"}},
       {"ZMPOP", "2", "y", "z", "MIN"},
       "*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n",
       {"0:z"}},
      {{{"ZADD", "z", "1", "a"}}, {"ZRANGESTORE", "d", "z", "0", "-1"}, Int(1), {"0:d"}},
      {{}, {"ZRANGESTORE", "d", "z", "0", "-1"}, Int(0), {}},
      {{{"ZADD", "d", "1", "a"}}, {"ZRANGESTORE", "d", "z", "0", "-1"}, Int(0), {"0:d"}},
      {{{"ZADD", "z", "1", "a"}}, {"ZUNIONSTORE", "d", "2", "z", "y"}, Int(1), {"0:d"}},
      {{{"ZADD", "z", "1", "a"}}, {"ZINTERSTORE", "d", "2", "z", "y"}, Int(0), {}},
      {{{"ZADD", "z", "1", "a"}}, {"ZDIFFSTORE", "z", "2", "z", "y"}, Int(1), {"0:z"}},
      {{{"ZADD", "z", "1", "a"}},
       {"BZPOPMIN", "z", "0"},
       "*3\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\n1\r\n",
       {"0:z"}},
      {{{"ZADD", "z", "1", "a"}},
       {"BZMPOP", "0", "2", "y", "z", "MIN"},
       "*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n",
       {"0:z"}},
      {{{"ZADD", "z", "1", "a", "2", "b"}},
       {"BZPOPMAX", "z", "0"},
       "*3\r\n$1\r\nz\r\n$1\r\nb\r\n$1\r\n2\r\n",
       {"0:z"}},
      // --- lists ---
      {{}, {"LPUSH", "k", "a", "b"}, Int(2), {"0:k"}},
      {{{"LPUSH", "k", "a"}}, {"RPUSH", "k", "b"}, Int(2), {"0:k"}},
      {{}, {"LPUSHX", "k", "a"}, Int(0), {}},
      {{}, {"RPUSHX", "k", "a"}, Int(0), {}},
      {{{"LPUSH", "k", "a"}}, {"RPUSHX", "k", "b"}, Int(2), {"0:k"}},
      {{{"RPUSH", "k", "a", "b"}}, {"LPOP", "k"}, Bulk("a"), {"0:k"}},
      {{{"RPUSH", "k", "a"}}, {"RPOP", "k"}, Bulk("a"), {"0:k"}},  // deletes
      {{}, {"RPOP", "k"}, kNil, {}},
      {{{"RPUSH", "k", "a"}}, {"LSET", "k", "0", "b"}, kOk, {"0:k"}},
      {{{"RPUSH", "k", "a"}}, {"LINSERT", "k", "BEFORE", "a", "b"}, Int(2), {"0:k"}},
      {{{"RPUSH", "k", "a"}}, {"LINSERT", "k", "BEFORE", "x", "b"}, Int(-1), {}},
      {{{"RPUSH", "k", "a", "b"}}, {"LREM", "k", "0", "a"}, Int(1), {"0:k"}},
      {{{"RPUSH", "k", "a"}}, {"LREM", "k", "0", "x"}, Int(0), {}},
      {{{"RPUSH", "k", "a"}}, {"LTRIM", "k", "0", "-1"}, kOk, {"0:k"}},  // as Redis: always
      {{{"RPUSH", "a", "x"}}, {"LMOVE", "a", "b", "LEFT", "RIGHT"}, Bulk("x"), {"0:b", "0:a"}},
      {{{"RPUSH", "a", "x", "y"}}, {"RPOPLPUSH", "a", "a"}, Bulk("y"), {"0:a"}},
      {{}, {"RPOPLPUSH", "a", "b"}, kNil, {}},
      {{{"RPUSH", "b", "x"}},
       {"LMPOP", "2", "a", "b", "LEFT"},
       "*2\r\n$1\r\nb\r\n*1\r\n$1\r\nx\r\n",
       {"0:b"}},
      {{{"RPUSH", "k", "a"}}, {"BLPOP", "k", "0"}, "*2\r\n$1\r\nk\r\n$1\r\na\r\n", {"0:k"}},
      {{{"RPUSH", "k", "a"}}, {"BRPOP", "k", "0"}, "*2\r\n$1\r\nk\r\n$1\r\na\r\n", {"0:k"}},
      {{{"RPUSH", "a", "x"}}, {"BLMOVE", "a", "b", "LEFT", "LEFT", "0"}, Bulk("x"), {"0:b", "0:a"}},
      {{{"RPUSH", "a", "x"}}, {"BRPOPLPUSH", "a", "b", "0"}, Bulk("x"), {"0:b", "0:a"}},
      {{{"RPUSH", "b", "x"}},
       {"BLMPOP", "0", "2", "a", "b", "LEFT"},
       "*2\r\n$1\r\nb\r\n*1\r\n$1\r\nx\r\n",
       {"0:b"}},
  };
  return cases;
}

std::string Describe(const Argv& argv) {
  std::string s;
  for (const std::string& a : argv) s += (s.empty() ? "" : " ") + a.substr(0, 20);
  return s;
}

}  // namespace

TEST_CASE("every write command signals exactly the keys it changed, once each") {
  for (const Case& c : Cases()) {
    Harness h;
    for (const Argv& argv : c.setup) h.Run(argv);
    std::string reply;
    std::vector<std::string> signals = h.Signals(c.command, &reply);
    CAPTURE(Describe(c.command));
    CHECK(reply == c.reply);
    CHECK(signals == c.signals);
  }
}

TEST_CASE("the signal cases cover every write command in the command table") {
  std::set<std::string> covered, noop_covered;
  for (const Case& c : Cases()) {
    std::string name = c.command[0];
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    covered.insert(name);
    if (c.command.size() > 1) {  // a container's subcommand, e.g. function|load
      std::string sub = name + "|" + c.command[1];
      std::transform(sub.begin(), sub.end(), sub.begin(), ::tolower);
      covered.insert(sub);
    }
  }
  CommandTable table = AllCommands();
  std::vector<std::string> writes;
  for (const CommandSpec& spec : table.all()) {
    if (spec.flags & kWrite) writes.emplace_back(spec.name);
    for (const CommandSpec* sub : spec.subcommands) {
      if (sub->flags & kWrite) writes.emplace_back(sub->name);
    }
  }
  CHECK(writes.size() >= 33);  // the strings, bitmaps and keys families of the foundation
  for (const std::string& name : writes) {
    CAPTURE(name);
    CHECK(covered.count(name) == 1);
  }
}

TEST_CASE("reads signal nothing; a read that meets an expired key signals its deletion") {
  Harness h;
  h.Run({"SET", "k", "v"});
  for (const Argv& read : std::vector<Argv>{{"GET", "k"},
                                            {"EXISTS", "k"},
                                            {"TTL", "k"},
                                            {"STRLEN", "k"},
                                            {"TYPE", "k"},
                                            {"OBJECT", "ENCODING", "k"},
                                            {"SCAN", "0"},
                                            {"KEYS", "*"},
                                            {"RANDOMKEY"},
                                            {"BITCOUNT", "k"},
                                            {"GET", "missing"}}) {
    CAPTURE(Describe(read));
    CHECK(h.Signals(read).empty());
  }
  // An expiry already in the past: the first lookup deletes the key and says so, once.
  h.server.dbs().db(0).PutString("old", "v", false, /*has_expire=*/true, /*expire_at_ms=*/1);
  CHECK(h.Signals({"GET", "old"}) == std::vector<std::string>{"0:old"});
  CHECK(h.Signals({"GET", "old"}).empty());
  h.server.dbs().db(0).PutString("old", "v", false, true, 1);
  std::string reply;
  CHECK(h.Signals({"DEL", "old"}, &reply) == std::vector<std::string>{"0:old"});
  CHECK(reply == Int(0));  // the expired key did not count as deleted
  h.server.dbs().db(0).PutString("old", "v", false, true, 1);
  CHECK(h.Signals({"SCAN", "0"}) == std::vector<std::string>{"0:old"});
}

TEST_CASE("active expiry and eviction signal the keys they delete") {
  engine::DbSet dbs(2);
  dbs.SetNow(1000000);
  Recorder recorder;
  dbs.AddObserver(&recorder);
  dbs.db(1).PutString("gone", "v", false, true, 1000500);
  dbs.db(1).PutString("stays", "v", false, true, 9000000);
  recorder.events.clear();
  dbs.SetNow(1001000);
  dbs.db(1).ActiveExpire(1001000, engine::SteadyUs() + 1000000);
  CHECK(recorder.events == std::vector<std::string>{"1:gone"});

  recorder.events.clear();
  size_t keys = dbs.total_keys();
  engine::EvictUntilUnderLimit(dbs, engine::EvictionPolicy::kAllKeysRandom, 5,
                               [&] { return dbs.total_keys() == keys; });
  CHECK(recorder.events == std::vector<std::string>{"1:stays"});
  dbs.RemoveObserver(&recorder);
}

TEST_CASE("with no observer registered nothing is recorded; removed observers hear nothing") {
  Harness h;
  Recorder a, b;
  h.server.dbs().AddObserver(&a);
  h.server.dbs().AddObserver(&b);
  h.Run({"SET", "k", "v"});
  h.server.dbs().RemoveObserver(&a);
  h.Run({"DEL", "k"});
  h.server.dbs().RemoveObserver(&b);
  h.Run({"SET", "k", "v"});
  CHECK(a.events == std::vector<std::string>{"0:k"});
  CHECK(b.events == std::vector<std::string>{"0:k", "0:k"});
}

TEST_CASE("an entry's version changes with every write and with nothing else") {
  Harness h;
  engine::Database& db = h.server.dbs().db(0);
  auto version = [&](const std::string& key) { return engine::KeyWrite(db, key).Version(); };
  h.Run({"SET", "k", "value"});
  const size_t before = db.memory();
  const uint64_t v0 = version("k");
  CHECK(db.memory() > before);  // the version field is paid for once it exists
  CHECK(version("k") == v0);    // reading it again changes nothing
  std::set<uint64_t> seen = {v0};
  uint64_t last = v0;
  // Reads, failed conditions and no-op writes keep it.
  for (const Argv& same : std::vector<Argv>{{"GET", "k"},
                                            {"SETNX", "k", "x"},
                                            {"SET", "k", "x", "NX"},
                                            {"GETEX", "k"},
                                            {"PERSIST", "k"},
                                            {"SETRANGE", "k", "0", ""},
                                            {"SETBIT", "k", "1", "1"},  // 'v' has bit 1 set
                                            {"OBJECT", "ENCODING", "k"}}) {
    h.Run(same);
    CAPTURE(Describe(same));
    CHECK(version("k") == last);
  }
  // Every change gives a new, higher one: in place, resized, expiry, conversions.
  for (const Argv& change : std::vector<Argv>{{"SET", "k", "other"},
                                              {"SET", "k", std::string(60, 'l')},
                                              {"APPEND", "k", "x"},
                                              {"SETRANGE", "k", "0", "z"},
                                              {"SETBIT", "k", "1", "0"},
                                              {"EXPIRE", "k", "100"},
                                              {"PERSIST", "k"},
                                              {"SET", "k", "5"},
                                              {"INCR", "k"},
                                              {"INCRBYFLOAT", "k", "0.5"},
                                              {"GETSET", "k", "9"}}) {
    h.Run(change);
    CAPTURE(Describe(change));
    const uint64_t v = version("k");
    CHECK(v > last);
    CHECK(seen.insert(v).second);
    last = v;
  }
  // A deleted and recreated key starts without one: a new item, a new version when read.
  h.Run({"DEL", "k"});
  h.Run({"SET", "k", "value"});
  CHECK(version("k") > last);
}

TEST_CASE(
    "memcached's lease bits stay through a CAS stamp and TTL changes; a new value ends them") {
  Harness h;
  engine::Database& db = h.server.dbs().db(0);
  constexpr uint8_t kBoth = engine::Entry::kLeaseStale | engine::Entry::kLeaseTokenSent;
  auto lease = [&] { return db.Find("k") ? db.Find("k")->lease() : 0xff; };
  auto mark = [&] { engine::KeyWrite(db, "k").entry()->set_lease(kBoth); };
  h.Run({"SET", "k", "value"});
  mark();
  CHECK(lease() == kBoth);
  engine::KeyWrite(db, "k").Version();  // the entry is copied to make room for a version
  CHECK(lease() == kBoth);
  for (const Argv& keep : std::vector<Argv>{
           {"GET", "k"}, {"EXPIRE", "k", "100"}, {"PERSIST", "k"}, {"EXPIRE", "k", "50"}}) {
    h.Run(keep);
    CAPTURE(Describe(keep));
    CHECK(lease() == kBoth);
  }
  for (const Argv& change : std::vector<Argv>{{"SET", "k", "other"},  // in place
                                              {"SET", "k", std::string(60, 'l')},
                                              {"APPEND", "k", "x"},
                                              {"SET", "k", "5"},
                                              {"INCR", "k"},
                                              {"GETSET", "k", "9"}}) {
    mark();
    h.Run(change);
    CAPTURE(Describe(change));
    CHECK(lease() == 0);
  }
}

TEST_CASE("DEBUG OBJECT reports the refcount OBJECT REFCOUNT does, also after COPY") {
  Harness h;
  h.Run({"SET", "n", "5"});
  auto refcount = [&](const std::string& key) {
    std::string reply = h.Run({"DEBUG", "OBJECT", key});
    size_t at = reply.find("refcount:");
    REQUIRE(at != std::string::npos);
    return reply.substr(at + 9, reply.find(' ', at) - at - 9);
  };
  CHECK(refcount("n") == "2147483647");  // one of Redis's shared integers
  CHECK(h.Run({"OBJECT", "REFCOUNT", "n"}) == Int(2147483647));
  CHECK(h.Run({"COPY", "n", "c"}) == Int(1));
  CHECK(refcount("c") == "1");  // COPY made a private object, as Redis's dupStringObject
  CHECK(h.Run({"OBJECT", "REFCOUNT", "c"}) == Int(1));
  CHECK(refcount("n") == "2147483647");
  h.Run({"SET", "s", "text"});
  CHECK(refcount("s") == "1");
}

TEST_CASE("INFO counts what the lazy-free thread freed; CONFIG RESETSTAT zeroes it") {
  Harness h;
  auto field = [&](const std::string& name) {
    std::vector<std::string_view> sections = {"memory"};
    std::string info = BuildInfo(h.server, CmdArgs(sections));
    size_t at = info.find("\r\n" + name + ":");
    REQUIRE(at != std::string::npos);
    return std::stoll(info.substr(at + name.size() + 3));
  };
  CHECK(field("lazyfreed_objects") == 0);
  h.Run({"MSET", "a", "1", "b", "2", "c", "3"});
  h.Run({"SELECT", "4"});
  h.Run({"SET", "d", "4"});
  h.Run({"FLUSHALL", "ASYNC"});
  h.server.dbs().lazy_free().Drain();
  CHECK(field("lazyfree_pending_objects") == 0);
  CHECK(field("lazyfreed_objects") == 4);  // one per key, as Redis counts a flushed database
  h.Run({"SET", "e", "5"});
  h.Run({"FLUSHDB", "ASYNC"});
  h.server.dbs().lazy_free().Drain();
  CHECK(field("lazyfreed_objects") == 5);
  h.Run({"SET", "e", "5"});
  h.Run({"FLUSHDB", "SYNC"});  // freed on the spot: not counted
  CHECK(field("lazyfreed_objects") == 5);
  CHECK(h.Run({"CONFIG", "RESETSTAT"}) == kOk);
  CHECK(field("lazyfreed_objects") == 0);
}

// The figures redis-server 7.0.15 gives for the same steps: more than 64 scripts or
// functions go to the lazy-free thread with their Lua state, counted one per script or
// function; fewer, SYNC, RESTORE FLUSH and the default mode (lazyfree-lazy-user-flush no)
// free on the spot.
TEST_CASE("SCRIPT FLUSH and FUNCTION FLUSH ASYNC free the Lua state in the background") {
  Harness h;
  auto freed = [&] {
    h.server.dbs().lazy_free().Drain();
    std::vector<std::string_view> sections = {"memory"};
    std::string info = BuildInfo(h.server, CmdArgs(sections));
    size_t at = info.find("\r\nlazyfreed_objects:");
    REQUIRE(at != std::string::npos);
    return std::stoll(info.substr(at + 20));
  };
  auto load_scripts = [&](int n) {
    for (int i = 0; i < n; ++i) h.Run({"SCRIPT", "LOAD", "return " + std::to_string(i)});
  };
  std::string lib = "#!lua name=lib1\n";
  for (int i = 0; i < 70; ++i) {
    lib += "redis.register_function('f" + std::to_string(i) + "', function() return " +
           std::to_string(i) + " end)\n";
  }
  const std::string small =
      "#!lua name=lib2\nredis.register_function('g', function() return 1 end)";
  h.Run({"FUNCTION", "LOAD", lib});
  h.Run({"FUNCTION", "LOAD", small});
  CHECK(h.Run({"FUNCTION", "FLUSH", "ASYNC"}) == kOk);
  CHECK(freed() == 71);
  CHECK(h.Run({"FCALL", "f1", "0"}) == "-ERR Function not found\r\n");
  h.Run({"FUNCTION", "LOAD", lib});
  CHECK(h.Run({"FCALL", "f7", "0"}) == Int(7));  // the new Lua state works
  CHECK(h.Run({"FUNCTION", "FLUSH"}) == kOk);    // lazyfree-lazy-user-flush no
  CHECK(freed() == 71);
  h.Run({"CONFIG", "SET", "lazyfree-lazy-user-flush", "yes"});
  h.Run({"FUNCTION", "LOAD", lib});
  CHECK(h.Run({"FUNCTION", "FLUSH"}) == kOk);
  CHECK(freed() == 141);
  h.Run({"FUNCTION", "LOAD", lib});
  h.Run({"FUNCTION", "FLUSH", "SYNC"});
  h.Run({"FUNCTION", "LOAD", small});
  h.Run({"FUNCTION", "FLUSH", "ASYNC"});  // one function: on the spot
  CHECK(freed() == 141);

  load_scripts(70);
  CHECK(h.Run({"SCRIPT", "FLUSH", "ASYNC"}) == kOk);
  CHECK(freed() == 211);
  CHECK(h.Run({"EVAL", "return 5", "0"}) == Int(5));
  h.Run({"CONFIG", "SET", "lazyfree-lazy-user-flush", "no"});
  load_scripts(70);
  h.Run({"SCRIPT", "FLUSH"});
  load_scripts(30);
  h.Run({"SCRIPT", "FLUSH", "ASYNC"});
  CHECK(freed() == 211);
  CHECK(h.Run({"SCRIPT", "EXISTS", "e0a3d3a3e0a2a7b0c8e8b8a1a5e5e5e5e5e5e5e5"}) == "*1\r\n:0\r\n");
}

}  // namespace tandem::commands
