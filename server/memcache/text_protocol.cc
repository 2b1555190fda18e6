#include "server/memcache/text_protocol.h"

#include <sys/resource.h>
#include <unistd.h>

#include <charconv>
#include <climits>
#include <cstdio>

#include "protocol/memcache_errors.h"
#include "server/engine/eviction.h"
#include "server/engine/key_write.h"
#include "server/engine/numbers.h"
#include "server/keyspace_events.h"
#include "server/server_state.h"

namespace tandem::memcache {
namespace {

using protocol::memcache::kBadChunk;
using protocol::memcache::kBadDelta;
using protocol::memcache::kBadExptime;
using protocol::memcache::kBadFormat;
using protocol::memcache::kBadShutdownMode;
using protocol::memcache::kDeleteUsage;
using protocol::memcache::kError;
using protocol::memcache::kKeyMaxLength;
using protocol::memcache::kNoMemory;
using protocol::memcache::kNonNumeric;
using protocol::memcache::kShutdownDisabled;
using protocol::memcache::kTooLarge;
using protocol::memcache::ParseI32;
using protocol::memcache::ParseU32;
using protocol::memcache::ParseU64;
using protocol::memcache::Tokens;

constexpr std::string_view kVersion = "1.6.18";
// memcached's item header with a CAS field, plus the key's terminating NUL: what an item
// takes beyond its key and value (item_size_ok).
constexpr size_t kItemOverhead = 48 + 8 + 1;

enum class StoreOp { kSet, kAdd, kReplace, kAppend, kPrepend, kCas };

struct StorageArgs {
  StoreOp op = StoreOp::kSet;
  uint32_t flags = 0;
  int32_t exptime = 0;
  int32_t vlen = 0;
  uint64_t cas = 0;
};

bool IsNoreply(const Tokens& t) { return t.last() == "noreply"; }

// The storage command a line is (with memcached's token counts), if any.
bool StorageOp(const Tokens& t, StoreOp* op) {
  if (t.n == 0) return false;
  std::string_view c = t.tok[0];
  size_t nt = t.ntokens();
  if (c == "cas") {
    *op = StoreOp::kCas;
    return nt == 7 || nt == 8;
  }
  if (c == "set") {
    *op = StoreOp::kSet;
  } else if (c == "add") {
    *op = StoreOp::kAdd;
  } else if (c == "replace") {
    *op = StoreOp::kReplace;
  } else if (c == "append") {
    *op = StoreOp::kAppend;
  } else if (c == "prepend") {
    *op = StoreOp::kPrepend;
  } else {
    return false;
  }
  return nt == 6 || nt == 7;
}

// process_update_command's checks of the line; false: CLIENT_ERROR bad command line format.
bool ParseStorage(const Tokens& t, StorageArgs* a) {
  if (t.tok[1].size() > kKeyMaxLength) return false;
  if (!ParseU32(t.tok[2], &a->flags) || !ParseI32(t.tok[3], &a->exptime) ||
      !ParseI32(t.tok[4], &a->vlen)) {
    return false;
  }
  if (a->op == StoreOp::kCas && !ParseU64(t.tok[5], &a->cas)) return false;
  return a->vlen >= 0 && a->vlen <= INT_MAX - 2;
}

// The entry of a string value before its encoding is chosen: memcached's client flags and
// the expiry.
engine::Entry::Init ItemInit(uint32_t flags, const Expiry& exp) {
  engine::Entry::Init init;
  init.client_flags = flags;
  init.has_expire = exp.kind == Expiry::kAt;
  init.expire_at_ms = exp.at_ms;
  return init;
}

}  // namespace

// Builds the entry of a string value as RESP's SET would store it (int, embstr or raw), with
// memcached's client flags.
engine::Entry::Init StringInit(std::string_view value, uint32_t flags, const Expiry& exp) {
  engine::Entry::Init init = ItemInit(flags, exp);
  long long v;
  if (value.size() <= 20 && engine::StringToLL(value, &v)) {
    init.encoding = engine::Encoding::kInt;
    init.integer = v;
  } else if (value.size() <= engine::kEmbStrMaxLen) {
    init.encoding = engine::Encoding::kEmbStr;
    init.str = value;
  } else {
    init.encoding = engine::Encoding::kRaw;
    init.raw = new std::string(value);
  }
  return init;
}

engine::Entry::Init StringInit(const Request& req, uint32_t flags, const Expiry& exp) {
  if (!req.raw) return StringInit(req.data, flags, exp);
  engine::Entry::Init init = ItemInit(flags, exp);  // longer than an embstr: raw
  init.encoding = engine::Encoding::kRaw;
  init.raw = req.raw.release();
  return init;
}

namespace {

void AppendValue(std::string* out, std::string_view key, const engine::Entry* e, bool with_cas,
                 uint64_t cas) {
  char buf[24];
  std::string_view v = e->StringValue(buf);
  out->append("VALUE ");
  out->append(key);
  // " <flags> <bytes> <cas>\r\n" takes at most 1+10+1+20+1+20+2 = 55 bytes; each number is
  // written with room left for what follows it.
  char head[72];
  char* p = head;
  char* const end = head + sizeof(head) - 4;
  *p++ = ' ';
  p = std::to_chars(p, end, e->client_flags()).ptr;
  *p++ = ' ';
  p = std::to_chars(p, end, v.size()).ptr;
  if (with_cas) {
    *p++ = ' ';
    p = std::to_chars(p, end, cas).ptr;
  }
  *p++ = '\r';
  *p++ = '\n';
  out->append(head, p - head);
  out->append(v);
  out->append("\r\n");
}

}  // namespace

// Applies a touch's expiry through the guard (signalled like any write) while the item keeps
// its CAS, as memcached's touch and gat do. Returns the keyspace event, nullptr for none.
engine::Entry::Init ArithmeticResult(const engine::Entry* e, std::string_view old,
                                     std::string_view digits, std::string* stored) {
  stored->assign(digits);
  if (stored->size() < old.size()) stored->resize(old.size(), ' ');
  engine::Entry::Init init = StringInit(*stored, e->client_flags(), {});
  if (stored->size() == old.size()) {  // rewritten in place: the item keeps its state
    init.fetched = e->fetched();
    init.lease = e->lease();
  }
  return init;
}

const char* ApplyTouch(engine::KeyWrite& w, const Expiry& exp) {
  if (exp.kind == Expiry::kPast) {
    w.Delete();
    w.Commit();
    return "del";
  }
  const bool versioned = w.entry()->has_version();
  const uint64_t version = versioned ? w.entry()->version() : 0;
  const char* event = "expire";
  if (exp.kind == Expiry::kAt) {
    w.SetExpire(exp.at_ms);
  } else if (w.Persist()) {
    event = "persist";
  } else {
    return nullptr;
  }
  w.Commit();
  if (versioned) w.entry()->set_version(version);
  return event;
}

Expiry ToExpiry(int64_t exptime, int64_t now_ms) {
  if (exptime == 0) return {};
  if (exptime < 0) return {Expiry::kPast, 0};
  if (exptime > kRealtimeMaxDelta) {
    if (exptime * 1000 <= now_ms) return {Expiry::kPast, 0};
    return {Expiry::kAt, exptime * 1000};
  }
  return {Expiry::kAt, now_ms + exptime * 1000};
}

Frame FrameRequest(std::string_view input, size_t item_size_max, Request* req) {
  Frame f;
  size_t nl = protocol::memcache::FindLineEnd(input);
  if (nl == std::string_view::npos) {
    if (protocol::memcache::IncompleteLineTooLong(input)) f.kind = Frame::kClose;
    return f;
  }
  req->has_data = req->bad_chunk = req->too_large = false;
  req->data = {};
  req->raw.reset();
  protocol::memcache::Tokenize(protocol::memcache::LineBefore(input, nl), &req->tokens);
  f.kind = Frame::kRequest;
  f.consumed = nl + 1;
  StorageArgs a;
  const Tokens& t = req->tokens;
  if (t.n >= 3 && t.tok[0] == "ms") {
    // meta set: once its length parses, the data block follows whatever the flags say.
    if (t.tok[1].size() > kKeyMaxLength || !ParseI32(t.tok[2], &a.vlen) || a.vlen < 0 ||
        a.vlen > INT_MAX - 2) {
      return f;
    }
  } else if (!StorageOp(t, &a.op) || !ParseStorage(t, &a)) {
    return f;
  }
  const size_t block = static_cast<size_t>(a.vlen) + 2;
  if (req->tokens.tok[1].size() + block + kItemOverhead > item_size_max) {
    req->too_large = true;
    f.kind = Frame::kSwallow;
    f.swallow = block;
    return f;
  }
  const size_t total = f.consumed + block;
  if (input.size() < total) {
    f.kind = Frame::kNeedMore;
    f.need = total;
    return f;
  }
  req->has_data = true;
  req->data = input.substr(f.consumed, a.vlen);
  req->bad_chunk = input.substr(f.consumed + a.vlen, 2) != "\r\n";
  f.consumed = total;
  const bool whole = t.tok[0] == "ms" || (a.op != StoreOp::kAppend && a.op != StoreOp::kPrepend);
  if (whole && !req->bad_chunk && req->data.size() > engine::kEmbStrMaxLen) {
    req->raw = std::make_unique<std::string>(req->data);
  }
  return f;
}

engine::Database& TextProtocol::db() {
  engine::DbSet& dbs = server_.dbs();
  int index = server_.config().memcached_db;
  return dbs.db(index < dbs.count() ? index : 0);
}

int64_t TextProtocol::now_ms() const { return server_.dbs().now_ms(); }

void FlushMemcachedDb(commands::ServerState& server) {
  memcache::Stats& st = server.memcache_stats;
  st.flush_at_ms = 0;
  engine::DbSet& dbs = server.dbs();
  const int index = server.config().memcached_db < dbs.count() ? server.config().memcached_db : 0;
  // memcached's LRU crawler reclaims flushed items at once, counting them as reclaimed and,
  // when never fetched, as expired_unfetched.
  engine::Database& d = dbs.db(index);
  st.reclaimed += d.size();
  uint64_t cursor = 0;
  do {
    cursor = d.Scan(cursor, [&](engine::Entry* e) { st.expired_unfetched += !e->fetched(); });
  } while (cursor != 0);
  dbs.FlushDb(index, false);
}

void ApplyDueFlush(commands::ServerState& server) {
  const memcache::Stats& st = server.memcache_stats;
  if (st.flush_at_ms == 0 || server.dbs().now_ms() < st.flush_at_ms) return;
  FlushMemcachedDb(server);
}

void TextProtocol::ApplyPendingFlush() { ApplyDueFlush(server_); }

bool TextProtocol::MakeRoom() {
  const Config& config = server_.config();
  if (config.maxmemory == 0 || server_.UsedMemory() <= config.maxmemory) return true;
  return engine::EvictUntilUnderLimit(server_.dbs(), server_.eviction_policy,
                                      config.maxmemory_samples,
                                      [&] { return server_.UsedMemory() > config.maxmemory; });
}

TextProtocol::After TextProtocol::Execute(const Request& req, std::string* out) {
  ApplyPendingFlush();
  // memcached counts get_expired wherever a command's lookup meets an expired item (get, a
  // store over it, delete, incr, touch, the meta commands): here, the keys this command's
  // lookups expired.
  const engine::KeyspaceStats& ks = server_.dbs().stats();
  const uint64_t expired_before = ks.expired_keys;
  const After after = Dispatch(req, out);
  server_.memcache_stats.get_expired += ks.expired_keys - expired_before;
  return after;
}

TextProtocol::After TextProtocol::Dispatch(const Request& req, std::string* out) {
  const Tokens& t = req.tokens;
  const size_t nt = t.ntokens();
  // No valid command is shorter than two bytes.
  if (t.n == 0 || t.tok[0].size() < 2) {
    out->append(kError);
    return After::kContinue;
  }
  std::string_view cmd = t.tok[0];
  StoreOp op;
  if (cmd == "get") {  // the common case first
    if (nt < 3) {
      out->append(kError);
    } else {
      Get(req, false, false, out);
    }
  } else if (StorageOp(t, &op)) {
    Store(req, out);
  } else if (cmd == "gets" || cmd == "gat" || cmd == "gats") {
    if (nt < 3) {
      out->append(kError);
    } else {
      Get(req, cmd != "gat", cmd[1] == 'a', out);
    }
  } else if ((cmd == "incr" || cmd == "decr") && (nt == 4 || nt == 5)) {
    Arithmetic(req, cmd == "incr", out);
  } else if (cmd == "delete" && nt >= 3 && nt <= 5) {
    Delete(req, out);
  } else if (cmd == "touch" && (nt == 4 || nt == 5)) {
    Touch(req, out);
  } else if (cmd == "flush_all" && nt >= 2 && nt <= 4) {
    FlushAll(req, out);
  } else if (cmd == "version") {
    out->append("VERSION ");
    out->append(kVersion);
    out->append("\r\n");
  } else if (cmd == "quit") {
    return After::kCloseAfterWrite;
  } else if (cmd == "verbosity" && (nt == 3 || nt == 4)) {
    Verbosity(req, out);
  } else if (cmd == "cache_memlimit" && (nt == 3 || nt == 4)) {
    CacheMemlimit(req, out);
  } else if (cmd == "shutdown") {
    return Shutdown(req, out);
  } else if (cmd == "stats") {
    Stats(req, out);
  } else if (cmd == "lru_crawler") {
    LruCrawler(req, out);
  } else if (cmd.size() == 2 && cmd[0] == 'm') {
    switch (cmd[1]) {
      case 'g':
        MetaGet(req, out);
        break;
      case 's':
        MetaSet(req, out);
        break;
      case 'd':
        MetaDelete(req, out);
        break;
      case 'a':
        MetaArithmetic(req, out);
        break;
      case 'e':  // memcached's cmd_meta counts only this one
        ++server_.memcache_stats.cmd_meta;
        MetaDebug(req, out);
        break;
      case 'n':
        out->append("MN\r\n");
        break;
      default:
        out->append(kError);
    }
  } else if (t.last().starts_with("HTTP/")) {
    return After::kClose;
  } else {
    out->append(kError);
  }
  return After::kContinue;
}

// get|gets <key>*  ·  gat|gats <exptime> <key>*
void TextProtocol::Get(const Request& req, bool cas, bool touch, std::string* out) {
  memcache::Stats& st = server_.memcache_stats;
  Tokens cur = req.tokens;
  size_t i = 1;
  Expiry exp;
  if (touch) {
    int32_t exptime;
    if (!ParseI32(cur.tok[1], &exptime)) {
      out->append(kBadExptime);
      return;
    }
    exp = ToExpiry(exptime, now_ms());
    i = 2;
  }
  engine::Database& d = db();
  for (;;) {
    for (; i < cur.n; ++i) {
      std::string_view key = cur.tok[i];
      if (key.size() > kKeyMaxLength) {
        // As memcached: the error replaces every reply of the batch not sent yet.
        out->resize(batch_mark_);
        out->append(kBadFormat);
        return;
      }
      // gat and gats count as touches only, as memcached.
      touch ? ++st.cmd_touch : ++st.cmd_get;
      if (!cas && !touch) {
        engine::Entry* e = d.Find(key);
        if (IsString(e)) {
          ++st.get_hits;
          e->set_fetched(true);
          AppendValue(out, key, e, false, 0);
        } else {
          ++st.get_misses;
        }
        continue;
      }
      engine::KeyWrite w(d, key);
      if (!IsString(w.entry())) {
        touch ? ++st.touch_misses : ++st.get_misses;
        continue;
      }
      if (touch) {
        ++st.touch_hits;
      } else {
        ++st.get_hits;
      }
      const uint64_t version = cas ? w.Version() : 0;
      w.entry()->set_fetched(true);
      AppendValue(out, key, w.entry(), cas, version);
      if (!touch) continue;
      // gat's new exptime applies after the value is read (a past one removes the item).
      if (const char* event = ApplyTouch(w, exp)) {
        NotifyKeyspaceEvent(server_, notify::kGeneric, event, key, d.index());
      }
    }
    if (cur.rest.empty()) break;
    std::string_view rest = cur.rest;
    protocol::memcache::Tokenize(rest, &cur);
    i = 0;
  }
  out->append("END\r\n");
}

// set|add|replace|append|prepend <key> <flags> <exptime> <bytes> [noreply]
// cas <key> <flags> <exptime> <bytes> <cas unique> [noreply]
void TextProtocol::Store(const Request& req, std::string* out) {
  memcache::Stats& st = server_.memcache_stats;
  const Tokens& t = req.tokens;
  const bool noreply = IsNoreply(t);
  auto reply = [&](std::string_view s) {
    if (!noreply) out->append(s);
  };
  StorageArgs a;
  StorageOp(t, &a.op);
  if (!ParseStorage(t, &a)) return reply(kBadFormat);
  std::string_view key = t.tok[1];
  engine::Database& d = db();
  if (req.too_large) {
    ++st.store_too_large;
    // As memcached: a failed set leaves no stale value behind.
    if (a.op == StoreOp::kSet) {
      engine::KeyWrite w(d, key, engine::Database::kNoTouch);
      if (IsString(w.entry())) {
        w.Delete();
        NotifyKeyspaceEvent(server_, notify::kGeneric, "del", key, d.index());
      }
    }
    return reply(kTooLarge);
  }
  if (req.bad_chunk) return reply(kBadChunk);
  ++st.cmd_set;
  if (!MakeRoom()) {
    ++st.store_no_memory;
    return reply(kNoMemory);
  }
  const Expiry exp = ToExpiry(a.exptime, now_ms());
  engine::KeyWrite w(d, key);
  engine::Entry* e = w.entry();
  const char* event = "set";
  switch (a.op) {
    case StoreOp::kSet:
      break;
    case StoreOp::kAdd:
      if (e) {
        return reply("NOT_STORED\r\n");
      }
      break;
    case StoreOp::kReplace:
      if (!IsString(e)) return reply("NOT_STORED\r\n");
      break;
    case StoreOp::kAppend:
    case StoreOp::kPrepend: {
      if (!IsString(e)) return reply("NOT_STORED\r\n");
      std::string* raw = w.MutableRaw();
      if (a.op == StoreOp::kAppend) {
        raw->append(req.data);
      } else {
        raw->insert(0, req.data);
      }
      w.Commit();
      w.entry()->set_fetched(false);  // memcached's append makes a new item
      st.CountItem();
      NotifyKeyspaceEvent(server_, notify::kString, a.op == StoreOp::kAppend ? "append" : "prepend",
                          key, d.index());
      return reply("STORED\r\n");
    }
    case StoreOp::kCas:
      if (!e) {
        ++st.cas_misses;
        return reply("NOT_FOUND\r\n");
      }
      if (!IsString(e)) return reply("NOT_STORED\r\n");
      if (!e->has_version() || e->version() != a.cas) {
        ++st.cas_badval;
        return reply("EXISTS\r\n");
      }
      ++st.cas_hits;
      break;
  }
  st.CountItem();
  if (exp.kind == Expiry::kPast) {
    // Stored already expired: nothing is left under the key.
    if (e) {
      w.Delete();
      NotifyKeyspaceEvent(server_, notify::kGeneric, "del", key, d.index());
    }
    return reply("STORED\r\n");
  }
  w.Set(StringInit(req, a.flags, exp));
  w.Commit();
  NotifyKeyspaceEvent(server_, notify::kString, event, key, d.index());
  reply("STORED\r\n");
}

// incr|decr <key> <value> [noreply]
void TextProtocol::Arithmetic(const Request& req, bool incr, std::string* out) {
  memcache::Stats& st = server_.memcache_stats;
  const Tokens& t = req.tokens;
  const bool noreply = IsNoreply(t);
  auto reply = [&](std::string_view s) {
    if (!noreply) out->append(s);
  };
  std::string_view key = t.tok[1];
  if (key.size() > kKeyMaxLength) return reply(kBadFormat);
  uint64_t delta;
  if (!ParseU64(t.tok[2], &delta)) return reply(kBadDelta);
  engine::Database& d = db();
  engine::KeyWrite w(d, key);
  engine::Entry* e = w.entry();
  if (!IsString(e)) {
    incr ? ++st.incr_misses : ++st.decr_misses;
    return reply("NOT_FOUND\r\n");
  }
  char buf[24];
  std::string_view old = e->StringValue(buf);
  uint64_t value;
  if (old.empty() || !ParseU64(old, &value)) return reply(kNonNumeric);
  if (incr) {
    value += delta;
    ++st.incr_hits;
  } else {
    value = delta > value ? 0 : value - delta;
    ++st.decr_hits;
  }
  char digits[24];
  int n = std::snprintf(digits, sizeof(digits), "%llu", static_cast<unsigned long long>(value));
  std::string stored;
  w.Set(ArithmeticResult(e, old, std::string_view(digits, n), &stored), /*keep_ttl=*/true);
  w.Commit();
  if (stored.size() != old.size()) st.CountItem();  // a longer result is a new item
  NotifyKeyspaceEvent(server_, notify::kString, incr ? "incrby" : "decrby", key, d.index());
  if (noreply) return;
  out->append(digits, n);
  out->append("\r\n");
}

// delete <key> [0] [noreply]
void TextProtocol::Delete(const Request& req, std::string* out) {
  memcache::Stats& st = server_.memcache_stats;
  const Tokens& t = req.tokens;
  const size_t nt = t.ntokens();
  bool noreply = false;
  if (nt > 3) {
    const bool hold_is_zero = t.tok[2] == "0";
    noreply = IsNoreply(t);
    const bool valid =
        (nt == 4 && (hold_is_zero || noreply)) || (nt == 5 && hold_is_zero && noreply);
    if (!valid) {
      out->append(kDeleteUsage);
      return;
    }
  }
  auto reply = [&](std::string_view s) {
    if (!noreply) out->append(s);
  };
  std::string_view key = t.tok[1];
  if (key.size() > kKeyMaxLength) return reply(kBadFormat);
  engine::Database& d = db();
  engine::KeyWrite w(d, key, engine::Database::kNoTouch);
  if (!IsString(w.entry())) {
    ++st.delete_misses;
    return reply("NOT_FOUND\r\n");
  }
  ++st.delete_hits;
  w.Delete();
  w.Commit();
  NotifyKeyspaceEvent(server_, notify::kGeneric, "del", key, d.index());
  reply("DELETED\r\n");
}

// touch <key> <exptime> [noreply]
void TextProtocol::Touch(const Request& req, std::string* out) {
  memcache::Stats& st = server_.memcache_stats;
  const Tokens& t = req.tokens;
  const bool noreply = IsNoreply(t);
  auto reply = [&](std::string_view s) {
    if (!noreply) out->append(s);
  };
  std::string_view key = t.tok[1];
  if (key.size() > kKeyMaxLength) return reply(kBadFormat);
  int32_t exptime;
  if (!ParseI32(t.tok[2], &exptime)) return reply(kBadExptime);
  ++st.cmd_touch;
  engine::Database& d = db();
  engine::KeyWrite w(d, key);
  if (!IsString(w.entry())) {
    ++st.touch_misses;
    return reply("NOT_FOUND\r\n");
  }
  ++st.touch_hits;
  w.entry()->set_fetched(true);  // memcached's touch bumps the item
  if (const char* event = ApplyTouch(w, ToExpiry(exptime, now_ms()))) {
    NotifyKeyspaceEvent(server_, notify::kGeneric, event, key, d.index());
  }
  reply("TOUCHED\r\n");
}

// flush_all [delay] [noreply]
void TextProtocol::FlushAll(const Request& req, std::string* out) {
  memcache::Stats& st = server_.memcache_stats;
  const Tokens& t = req.tokens;
  const bool noreply = IsNoreply(t);
  auto reply = [&](std::string_view s) {
    if (!noreply) out->append(s);
  };
  int32_t delay = 0;
  if (t.ntokens() != (noreply ? 3u : 2u)) {
    if (!ParseI32(t.tok[1], &delay)) return reply(kBadExptime);
  }
  ++st.cmd_flush;
  // memcached invalidates every item last written in or before the second realtime(delay) - 1
  // once its clock reaches that second: a delay of 1 (or an absolute time already past)
  // flushes now. Everything present when that second begins is older, and what is written
  // during it memcached invalidates too, so emptying the database then (on the next request
  // or cron tick) is the same; what is written later stays.
  const Expiry exp = ToExpiry(delay, now_ms());
  const int64_t flush_second = exp.at_ms / 1000 - 1;
  if (delay > 0 && exp.kind == Expiry::kAt && flush_second > now_ms() / 1000) {
    st.flush_at_ms = flush_second * 1000;
  } else {
    FlushMemcachedDb(server_);
  }
  reply("OK\r\n");
}

// verbosity <level> [noreply]
void TextProtocol::Verbosity(const Request& req, std::string* out) {
  const Tokens& t = req.tokens;
  const bool noreply = IsNoreply(t);
  uint32_t level;
  if (!ParseU32(t.tok[1], &level)) {
    if (!noreply) out->append(kBadFormat);
    return;
  }
  server_.memcache_stats.verbosity = level > 2 ? 2 : level;
  if (!noreply) out->append("OK\r\n");
}

// cache_memlimit <megabytes> [noreply]
void TextProtocol::CacheMemlimit(const Request& req, std::string* out) {
  const Tokens& t = req.tokens;
  const bool noreply = IsNoreply(t);
  auto reply = [&](std::string_view s) {
    if (!noreply) out->append(s);
  };
  uint32_t mb;
  if (!ParseU32(t.tok[1], &mb)) return reply(kError);
  if (mb < 8) return reply("MEMLIMIT_TOO_SMALL cannot set maxbytes to less than 8m\r\n");
  if (mb > 1000000000) {
    return reply("MEMLIMIT_ADJUST_FAILED input value is megabytes not bytes\r\n");
  }
  Config next = server_.config();
  next.maxmemory = static_cast<unsigned long long>(mb) * 1024 * 1024;
  server_.PublishConfig(std::move(next));
  reply("OK\r\n");
}

// shutdown [graceful]: only with memcached-enable-shutdown (memcached's -A).
TextProtocol::After TextProtocol::Shutdown(const Request& req, std::string* out) {
  if (!server_.config().memcached_enable_shutdown) {
    out->append(kShutdownDisabled);
    return After::kContinue;
  }
  const Tokens& t = req.tokens;
  if (!(t.n == 1 || (t.n == 2 && t.tok[1] == "graceful"))) {
    out->append(kBadShutdownMode);
    return After::kContinue;
  }
  if (server_.request_shutdown) server_.request_shutdown();
  return After::kClose;
}

}  // namespace tandem::memcache
