// memcached's text protocol (memcached 1.6.18's proto_text.c) over the shared engine: the
// framing of requests (a line, and for storage commands a data block), and their execution
// on the memcached database through the same KeyWrite path RESP commands take, so WATCH,
// keyspace notifications and client tracking see memcached writes.
//
// Framing is pure (io thread, no lock); TextProtocol::Execute runs under the engine lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "protocol/memcache_parser.h"
#include "server/engine/entry.h"

namespace tandem::commands {
class ServerState;
}
namespace tandem::engine {
class Database;
class KeyWrite;
}  // namespace tandem::engine

namespace tandem::memcache {

// One framed request. Views point into the connection's input: valid until it is consumed.
struct Request {
  protocol::memcache::Tokens tokens;
  // Storage commands (set add replace append prepend cas, and meta's ms): the value.
  bool has_data = false;
  std::string_view data;
  // The data block did not end in "\r\n" (memcached's "bad data chunk").
  bool bad_chunk = false;
  // The value is over the item size limit: the block is swallowed, the reply is an error.
  bool too_large = false;
  // A value set whole (set add replace cas ms) and too long to embed, copied by FrameRequest
  // into the string the entry will own, before the engine lock is taken: the allocation, the
  // copy and the page faults of fresh heap memory then hold up no other io thread (under the
  // set mix they were 80% of the faults taken under the lock). StringInit(req, ...) takes it;
  // what a request leaves is freed by the session after the lock is released.
  mutable std::unique_ptr<std::string> raw;
};

// What framing found at the start of `input`.
struct Frame {
  enum Kind {
    kNeedMore,  // no complete request yet; `need` bytes in all would complete it (0: unknown)
    kRequest,   // a complete request of `consumed` bytes
    kSwallow,   // a request of `consumed` bytes whose `swallow` following bytes are discarded
    kClose,     // memcached closes the connection (over-long line without a newline)
  } kind = kNeedMore;
  size_t consumed = 0;
  size_t need = 0;
  size_t swallow = 0;
};

// Frames the request at the start of `input` into *req. `item_size_max` decides which values
// are swallowed as too large.
Frame FrameRequest(std::string_view input, size_t item_size_max, Request* req);

// Runs requests for the memcached connections. Used under the engine lock.
class TextProtocol {
 public:
  explicit TextProtocol(commands::ServerState& server) : server_(server) {}

  enum class After { kContinue, kClose, kCloseAfterWrite };
  // Starts a batch: replies from `mark` on in *out are not sent yet (memcached drops them
  // on some errors, as it does its unsent responses).
  void BeginBatch(size_t mark) { batch_mark_ = mark; }
  // Runs one request, appending its reply (if any) to *out.
  After Execute(const Request& req, std::string* out);

 private:
  engine::Database& db();
  int64_t now_ms() const;
  After Dispatch(const Request& req, std::string* out);

  void Get(const Request& req, bool cas, bool touch, std::string* out);
  void Store(const Request& req, std::string* out);
  void Arithmetic(const Request& req, bool incr, std::string* out);
  void Delete(const Request& req, std::string* out);
  void Touch(const Request& req, std::string* out);
  void FlushAll(const Request& req, std::string* out);
  void Verbosity(const Request& req, std::string* out);
  void CacheMemlimit(const Request& req, std::string* out);
  After Shutdown(const Request& req, std::string* out);
  void Stats(const Request& req, std::string* out);
  void LruCrawler(const Request& req, std::string* out);
  // The meta commands (meta_protocol.cc).
  void MetaGet(const Request& req, std::string* out);
  void MetaSet(const Request& req, std::string* out);
  void MetaDelete(const Request& req, std::string* out);
  void MetaArithmetic(const Request& req, std::string* out);
  void MetaDebug(const Request& req, std::string* out);

  // memcached evicts before storing; false when memory is still over maxmemory.
  bool MakeRoom();
  // Applies a delayed flush_all whose time has come.
  void ApplyPendingFlush();

  commands::ServerState& server_;
  size_t batch_mark_ = 0;
};

// Empties the memcached database when a delayed flush_all's time has come. Under the engine
// lock: memcached requests and the server cron call it, so RESP sees the flush too.
void ApplyDueFlush(commands::ServerState& server);
// Empties the memcached database now (flush_all), counting its items as memcached does.
void FlushMemcachedDb(commands::ServerState& server);

// memcached's REALTIME_MAXDELTA: larger exptimes are absolute unix times.
inline constexpr int64_t kRealtimeMaxDelta = 60 * 60 * 24 * 30;

// memcached's realtime() for an exptime argument, at `now_ms`.
struct Expiry {
  enum Kind { kNever, kAt, kPast } kind = kNever;
  int64_t at_ms = 0;
};
Expiry ToExpiry(int64_t exptime, int64_t now_ms);

// A string value's entry as RESP's SET stores it (int, embstr or raw), with client flags.
engine::Entry::Init StringInit(std::string_view value, uint32_t flags, const Expiry& exp);
// The same for a request's value, taking the string FrameRequest prepared.
engine::Entry::Init StringInit(const Request& req, uint32_t flags, const Expiry& exp);
// The entry of an incr/decr/ma result `digits` over the value `old` of `e`. As memcached: a
// shorter result keeps the value's length, padded with spaces, and is rewritten in place, so
// the item keeps its state (fetched, lease bits); a longer one is a new item. *stored holds
// the text the returned Init points to.
engine::Entry::Init ArithmeticResult(const engine::Entry* e, std::string_view old,
                                     std::string_view digits, std::string* stored);
// A touch through the guard that keeps the item's CAS (memcached's touch, gat and mg T):
// returns the keyspace event to fire, nullptr for none.
const char* ApplyTouch(engine::KeyWrite& w, const Expiry& exp);
// The slab class memcached 1.6.18 (default -n 48 -f 1.25) stores an item of `item_bytes` in,
// as `me` and metadump print it.
int SlabClass(size_t item_bytes);
// The size memcached's `me` and metadump report for a string item (its item header, CAS,
// key, client flags and value with their terminators).
inline size_t ItemBytes(const engine::Entry* e, size_t value_size) {
  return value_size + e->key().size() + 59 + (e->client_flags() ? 4 : 0);
}
inline bool IsString(const engine::Entry* e) { return e && e->type() == engine::ObjType::kString; }

}  // namespace tandem::memcache
