// memcached 1.6.18's meta commands: mg ms md ma me (mn is answered by the dispatcher in
// text_protocol.cc). Flags are checked first (memcached's _meta_flag_preparse: unknown,
// duplicate and malformed flags fail the command), then return flags are written in the
// order the client gave them.
#include <array>
#include <climits>
#include <cstdio>

#include "protocol/memcache_errors.h"
#include "server/engine/key_write.h"
#include "server/keyspace_events.h"
#include "server/memcache/text_protocol.h"
#include "server/server_state.h"

namespace tandem::memcache {
namespace {

using protocol::memcache::kBadArithmeticMode;
using protocol::memcache::kBadChunk;
using protocol::memcache::kBadFormat;
using protocol::memcache::kBadKeyEncoding;
using protocol::memcache::kBadMetaDelta;
using protocol::memcache::kBadMetaInitial;
using protocol::memcache::kBadModeLength;
using protocol::memcache::kBadSetMode;
using protocol::memcache::kBadToken;
using protocol::memcache::kDuplicateFlag;
using protocol::memcache::kError;
using protocol::memcache::kInvalidFlag;
using protocol::memcache::kInvalidOrDuplicate;
using protocol::memcache::kKeyMaxLength;
using protocol::memcache::kNoMemory;
using protocol::memcache::kNonNumeric;
using protocol::memcache::kOpaqueTooLong;
using protocol::memcache::kTooLarge;
using protocol::memcache::ParseI32;
using protocol::memcache::ParseU32;
using protocol::memcache::ParseU64;
using protocol::memcache::Tokens;

constexpr size_t kMaxOpaque = 32;

// The flags a meta command carries: each one's token (after the flag character), in order.
struct MetaFlags {
  std::array<bool, 128> seen{};
  std::array<std::string_view, 128> value{};
  std::array<std::string_view, 24> order{};  // the flag tokens as given
  size_t count = 0;
  // The key the command works on: the token as sent, or with b its base64 decoding.
  std::string_view key;
  std::string decoded;
  bool has(char c) const { return seen[static_cast<unsigned char>(c)]; }
  std::string_view operator[](char c) const { return value[static_cast<unsigned char>(c)]; }
};

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Decodes a base64 key (the b flag); false when it is not valid base64.
bool DecodeBase64(std::string_view in, std::string* out) {
  if (in.empty() || in.size() % 4 != 0) return false;
  out->clear();
  for (size_t i = 0; i < in.size(); i += 4) {
    int v[4];
    int pad = 0;
    for (int j = 0; j < 4; ++j) {
      if (in[i + j] == '=' && i + 4 == in.size() && j >= 2) {
        v[j] = 0;
        ++pad;
      } else if (pad > 0 || (v[j] = Base64Value(in[i + j])) < 0) {
        return false;
      }
    }
    const uint32_t n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
    out->push_back(static_cast<char>(n >> 16));
    if (pad < 2) out->push_back(static_cast<char>((n >> 8) & 0xff));
    if (pad < 1) out->push_back(static_cast<char>(n & 0xff));
  }
  return !out->empty();
}

// memcached's _meta_flag_preparse over tokens [first, n): every meta command knows the same
// flags and checks the same values (numbers, M's length, O's length, b's decoding); a command
// ignores the flags it has no use for. An unknown or repeated flag stops the check; a bad
// value does not, and the last error text set is reported. Returns the error reply, empty when the
// flags are good. mg and ms send it; md and ma answer any of them with "invalid or duplicate flag".
std::string_view PreparseFlags(const Tokens& t, size_t first, MetaFlags* f) {
  f->key = t.tok[1];
  static constexpr std::string_view kKnown = "bcfhklqstuvCDFIJLMNOPRT";
  // A bad value fails the command with the last error text set, which starts as memcached's
  // default: F's failure leaves the text as it is.
  bool failed = false;
  std::string_view error = kBadFormat;
  auto fail = [&](std::string_view text) {
    failed = true;
    error = text;
  };
  for (size_t i = first; i < t.n; ++i) {
    std::string_view tok = t.tok[i];
    const unsigned char c = static_cast<unsigned char>(tok[0]);
    if (c >= 128 || kKnown.find(static_cast<char>(c)) == std::string_view::npos) {
      return kInvalidFlag;
    }
    if (f->seen[c]) return kDuplicateFlag;
    f->seen[c] = true;
    std::string_view value = tok.substr(1);
    f->value[c] = value;
    f->order[f->count++] = tok;
    int32_t i32;
    uint32_t u32;
    uint64_t u64;
    switch (c) {
      case 'N':
      case 'T':
      case 'R':
        if (!ParseI32(value, &i32)) fail(kBadToken);
        break;
      case 'C':
        if (!ParseU64(value, &u64)) fail(kBadToken);
        break;
      case 'D':
        if (!ParseU64(value, &u64)) fail(kBadMetaDelta);
        break;
      case 'J':
        if (!ParseU64(value, &u64)) fail(kBadMetaInitial);
        break;
      case 'F':
        if (!ParseU32(value, &u32)) failed = true;
        break;
      case 'M':
        if (value.size() != 1) fail(kBadModeLength);
        break;
      case 'O':
        if (value.size() > kMaxOpaque) fail(kOpaqueTooLong);
        break;
      case 'b':
        if (DecodeBase64(t.tok[1], &f->decoded)) {
          f->key = f->decoded;
        } else {
          fail(kBadKeyEncoding);
        }
        break;
      default:
        break;
    }
  }
  return failed ? error : std::string_view();
}

void AppendNumber(std::string* out, char flag, long long v) {
  char buf[32];
  int n = std::snprintf(buf, sizeof(buf), " %c%lld", flag, v);
  out->append(buf, n);
}

void AppendUnsigned(std::string* out, char flag, unsigned long long v) {
  char buf[32];
  int n = std::snprintf(buf, sizeof(buf), " %c%llu", flag, v);
  out->append(buf, n);
}

// The k and O return flags, which every meta reply echoes (the key as the client sent it).
void AppendKeyOpaque(std::string* out, const MetaFlags& f, std::string_view raw_key,
                     std::string_view tok) {
  if (tok[0] == 'k') {
    out->append(" k");
    out->append(raw_key);
    if (f.has('b')) out->append(" b");
  } else if (tok[0] == 'O') {
    out->append(" ");
    out->append(tok);
  }
}

// A reply line of `status` and the k and O flags only (misses, EX, md's replies).
void AppendStatusLine(std::string* out, std::string_view status, const MetaFlags& f,
                      std::string_view raw_key) {
  out->append(status);
  for (size_t i = 0; i < f.count; ++i) AppendKeyOpaque(out, f, raw_key, f.order[i]);
  out->append("\r\n");
}

// The t flag: seconds left, rounded up as memcached's clock counts them; -1 for none.
long long TtlSeconds(const engine::Entry* e, int64_t now_ms) {
  return e->has_expire() ? (e->expire_at() - now_ms + 999) / 1000 : -1;
}

// Gives `w`'s entry the expiry of an exptime argument (N's autovivify TTL, md I's T); a past
// one leaves it expired, for the next lookup to remove.
void SetMetaExpiry(engine::KeyWrite& w, int32_t exptime, int64_t now_ms) {
  const Expiry exp = ToExpiry(exptime, now_ms);
  if (exp.kind == Expiry::kAt) {
    w.SetExpire(exp.at_ms);
  } else if (exp.kind == Expiry::kPast) {
    w.SetExpire(now_ms - 1);
  } else {
    w.Persist();
  }
}

// T in mg and ma, in its place among the flags: the item's new TTL, keeping its CAS as touch
// does. A past one leaves the item to this reply (as memcached) and expired for the next
// lookup.
void ApplyMetaTtl(commands::ServerState& server, engine::KeyWrite& w, std::string_view token,
                  int64_t now_ms) {
  int32_t ttl;
  ParseI32(token, &ttl);
  const Expiry exp = ToExpiry(ttl, now_ms);
  if (exp.kind == Expiry::kPast) {
    SetMetaExpiry(w, ttl, now_ms);
    w.Commit();
  } else if (const char* event = ApplyTouch(w, exp)) {
    NotifyKeyspaceEvent(server, notify::kGeneric, event, w.key(), w.db_index());
  }
}

}  // namespace

// mg <key> <flags>*
// Leases: N vivifies a miss as an empty item and wins it (W); R wins a hit whose TTL is below
// its token; a stale item (X) is won by its first reader. Whoever won, later readers see Z
// until the item gets a new value.
void TextProtocol::MetaGet(const Request& req, std::string* out) {
  memcache::Stats& st = server_.memcache_stats;
  const Tokens& t = req.tokens;
  if (t.n < 2) {
    out->append(kError);
    return;
  }
  std::string_view raw_key = t.tok[1];
  if (raw_key.size() > kKeyMaxLength) {
    out->append(kBadFormat);
    return;
  }
  MetaFlags f;
  if (std::string_view err = PreparseFlags(t, 2, &f); !err.empty()) {
    out->append(err);
    return;
  }
  const std::string_view key = f.key;
  engine::Database& d = db();
  // The item is bumped (LRU, fetched) after l and h report their state before this read.
  engine::KeyWrite w(d, key, engine::Database::kNoTouch);
  bool created = false;
  if (!IsString(w.entry())) {
    if (!f.has('N') || w.entry()) {
      ++st.cmd_get;
      ++st.get_misses;
      if (f.has('q')) return;
      AppendStatusLine(out, "EN", f, raw_key);
      return;
    }
    // Autovivify: an empty item without TTL until the N flag's turn gives it one.
    w.Set(StringInit("", 0, {}));  // a non-null empty view (memcpy of 0 bytes)
    w.Commit();
    st.CountItem();
    NotifyKeyspaceEvent(server_, notify::kString, "set", key, d.index());
    created = true;
  }
  // As memcached: a hit with T counts as a touch, not a get.
  if (f.has('T')) {
    ++st.cmd_touch;
    ++st.touch_hits;
  } else {
    ++st.cmd_get;
    ++st.get_hits;
  }
  engine::Entry* e = w.entry();
  bool won = false;
  char buf[24];
  std::string_view value = e->StringValue(buf);
  std::string flags;
  for (size_t i = 0; i < f.count; ++i) {
    std::string_view tok = f.order[i];
    switch (tok[0]) {
      case 's':
        AppendUnsigned(&flags, 's', value.size());
        break;
      case 't':
        AppendNumber(&flags, 't', TtlSeconds(e, now_ms()));
        break;
      case 'N':
        if (created) {
          int32_t ttl;
          ParseI32(f['N'], &ttl);
          SetMetaExpiry(w, ttl, now_ms());
          w.Commit();
          e = w.entry();
          value = e->StringValue(buf);
          won = true;
        }
        break;
      case 'R': {  // recache: the first reader to find the TTL below the token wins
        int32_t token;
        ParseI32(f['R'], &token);
        const Expiry below = ToExpiry(token, now_ms());
        if (!created && !(e->lease() & engine::Entry::kLeaseTokenSent) && e->has_expire() &&
            below.kind == Expiry::kAt &&
            (token > kRealtimeMaxDelta ? e->expire_at() / 1000 < token
                                       : TtlSeconds(e, now_ms()) < token)) {
          won = true;
        }
        break;
      }
      case 'c':
        AppendUnsigned(&flags, 'c', w.Version());
        e = w.entry();
        value = e->StringValue(buf);
        break;
      case 'f':
        AppendUnsigned(&flags, 'f', e->client_flags());
        break;
      case 'l':
        AppendUnsigned(&flags, 'l', engine::IdleSeconds(server_.dbs().lru_clock(), e->lru()));
        break;
      case 'h':
        flags.append(e->fetched() ? " h1" : " h0");
        break;
      case 'T': {  // in its place: a t flag before it reports the old TTL
        ApplyMetaTtl(server_, w, f['T'], now_ms());
        e = w.entry();
        value = e->StringValue(buf);
        break;
      }
      default:
        AppendKeyOpaque(&flags, f, raw_key, tok);
    }
  }
  const uint8_t lease = e->lease();
  if (lease & engine::Entry::kLeaseTokenSent) flags.append(" Z");
  if (lease & engine::Entry::kLeaseStale) {
    flags.append(" X");
    won |= !(lease & engine::Entry::kLeaseTokenSent);
  }
  if (won) {
    flags.append(" W");
    e->set_lease(lease | engine::Entry::kLeaseTokenSent);
  }
  if (!f.has('u')) {  // u: no bump
    server_.dbs().TouchEntry(e);
    e->set_fetched(true);
  }
  if (f.has('v')) {
    out->append("VA ");
    out->append(std::to_string(value.size()));
    out->append(flags);
    out->append("\r\n");
    out->append(value);
    out->append("\r\n");
  } else {
    out->append("HD");
    out->append(flags);
    out->append("\r\n");
  }
}

// ms <key> <datalen> <flags>*\r\n<data>\r\n
void TextProtocol::MetaSet(const Request& req, std::string* out) {
  memcache::Stats& st = server_.memcache_stats;
  const Tokens& t = req.tokens;
  if (t.n < 2) {
    out->append(kError);
    return;
  }
  std::string_view raw_key = t.tok[1];
  int32_t vlen;
  if (raw_key.size() > kKeyMaxLength || t.n < 3 || !ParseI32(t.tok[2], &vlen) || vlen < 0) {
    out->append(kBadFormat);
    return;
  }
  // From here on the data block was read (or swallowed) with the line.
  MetaFlags f;
  if (std::string_view err = PreparseFlags(t, 3, &f); !err.empty()) {
    out->append(err);
    return;
  }
  const std::string_view key = f.key;
  uint32_t client_flags = 0;
  if (f.has('F')) ParseU32(f['F'], &client_flags);
  uint64_t compare_cas = 0;
  if (f.has('C')) ParseU64(f['C'], &compare_cas);
  char mode = 'S';
  if (f.has('M')) {
    mode = f['M'][0];
    if (std::string_view("EAPRS").find(mode) == std::string_view::npos) {
      out->append(kBadSetMode);
      return;
    }
  }
  if (req.too_large) {
    ++st.store_too_large;
    out->append(kTooLarge);
    return;
  }
  if (req.bad_chunk) {
    out->append(kBadChunk);
    return;
  }
  ++st.cmd_set;
  if (!MakeRoom()) {
    ++st.store_no_memory;
    out->append(kNoMemory);
    return;
  }
  int32_t ttl = 0;
  if (f.has('T')) ParseI32(f['T'], &ttl);
  const Expiry exp = ToExpiry(ttl, now_ms());
  engine::Database& d = db();
  engine::KeyWrite w(d, key);
  engine::Entry* e = w.entry();
  std::string_view status = "HD";
  // With I, a CAS older than the item's stores the value stale (keeping its TTL and token).
  uint8_t stale_lease = 0;
  auto cas_matches = [&] { return e->has_version() && e->version() == compare_cas; };
  if (f.has('C') && (mode == 'S' || mode == 'R')) {  // memcached's cas mode
    if (!e) {
      status = "NF";
      ++st.cas_misses;
    } else if (IsString(e) && cas_matches()) {
      ++st.cas_hits;
    } else if (IsString(e) && f.has('I') && compare_cas != 0 && compare_cas < w.Version()) {
      e = w.entry();
      stale_lease = engine::Entry::kLeaseStale | (e->lease() & engine::Entry::kLeaseTokenSent);
      ++st.cas_hits;
    } else {
      status = "EX";
      ++st.cas_badval;
    }
  } else if (mode == 'E') {  // add: a CAS is not checked
    if (e) status = "NS";
  } else if (mode == 'A' || mode == 'P') {  // a non-zero CAS must match
    if (!IsString(e)) {
      status = "NS";
    } else if (compare_cas != 0 && !cas_matches()) {
      status = "EX";
    }
  } else if (mode == 'R' && !IsString(e)) {
    status = "NS";
  }
  if (status == "HD") {
    st.CountItem();
    if (mode == 'A' || mode == 'P') {
      std::string* raw = w.MutableRaw();
      mode == 'A' ? raw->append(req.data) : raw->insert(0, req.data);
      w.Commit();
      NotifyKeyspaceEvent(server_, notify::kString, mode == 'A' ? "append" : "prepend", key,
                          d.index());
    } else if (stale_lease) {
      engine::Entry::Init init = StringInit(req, client_flags, {});
      init.lease = stale_lease;
      w.Set(init, /*keep_ttl=*/true);
      w.Commit();
      NotifyKeyspaceEvent(server_, notify::kString, "set", key, d.index());
    } else if (exp.kind == Expiry::kPast) {
      if (e) {
        w.Delete();
        w.Commit();
        NotifyKeyspaceEvent(server_, notify::kGeneric, "del", key, d.index());
      }
    } else {
      w.Set(StringInit(req, client_flags, exp));
      w.Commit();
      NotifyKeyspaceEvent(server_, notify::kString, "set", key, d.index());
    }
  }
  if (status == "HD" && f.has('q')) return;
  std::string flags;
  for (size_t i = 0; i < f.count; ++i) {
    std::string_view tok = f.order[i];
    if (tok[0] == 'c') {  // 0 when nothing was stored; a new CAS for an expired store
      AppendUnsigned(&flags, 'c',
                     status != "HD" ? 0
                     : w.entry()    ? w.Version()
                                    : server_.dbs().NextVersion());
    } else {
      AppendKeyOpaque(&flags, f, raw_key, tok);
    }
  }
  out->append(status);
  out->append(flags);
  out->append("\r\n");
}

// md <key> <flags>*
void TextProtocol::MetaDelete(const Request& req, std::string* out) {
  memcache::Stats& st = server_.memcache_stats;
  const Tokens& t = req.tokens;
  if (t.n < 2) {
    out->append(kError);
    return;
  }
  std::string_view raw_key = t.tok[1];
  if (raw_key.size() > kKeyMaxLength) {
    out->append(kBadFormat);
    return;
  }
  MetaFlags f;
  if (!PreparseFlags(t, 2, &f).empty()) {
    out->append(kInvalidOrDuplicate);
    return;
  }
  const std::string_view key = f.key;
  uint64_t compare_cas = 0;
  if (f.has('C')) ParseU64(f['C'], &compare_cas);
  engine::Database& d = db();
  engine::KeyWrite w(d, key, engine::Database::kNoTouch);
  std::string_view status = "HD";
  if (!IsString(w.entry())) {
    status = "NF";
    ++st.delete_misses;
  } else if (f.has('C') && (!w.entry()->has_version() || w.entry()->version() != compare_cas)) {
    status = "EX";
  } else if (f.has('I')) {
    // Invalidate: the item stays, marked stale with a new CAS (and T's TTL), and its token
    // goes back for the next reader to win.
    if (f.has('T')) {
      int32_t ttl;
      ParseI32(f['T'], &ttl);
      SetMetaExpiry(w, ttl, now_ms());
    }
    w.MarkModified();
    w.Commit();
    w.entry()->set_lease(engine::Entry::kLeaseStale);
    if (f.has('q')) return;
  } else {
    ++st.delete_hits;
    w.Delete();
    w.Commit();
    NotifyKeyspaceEvent(server_, notify::kGeneric, "del", key, d.index());
    if (f.has('q')) return;
  }
  AppendStatusLine(out, status, f, raw_key);
}

// ma <key> <flags>*
void TextProtocol::MetaArithmetic(const Request& req, std::string* out) {
  memcache::Stats& st = server_.memcache_stats;
  const Tokens& t = req.tokens;
  if (t.n < 2) {
    out->append(kError);
    return;
  }
  std::string_view raw_key = t.tok[1];
  if (raw_key.size() > kKeyMaxLength) {
    out->append(kBadFormat);
    return;
  }
  MetaFlags f;
  if (!PreparseFlags(t, 2, &f).empty()) {
    out->append(kInvalidOrDuplicate);
    return;
  }
  const std::string_view key = f.key;
  uint64_t delta = 1, initial = 0, compare_cas = 0;
  int32_t autoviv = 0;
  if (f.has('D')) ParseU64(f['D'], &delta);
  if (f.has('J')) ParseU64(f['J'], &initial);
  if (f.has('C')) ParseU64(f['C'], &compare_cas);
  if (f.has('N')) ParseI32(f['N'], &autoviv);
  bool incr = true;
  if (f.has('M')) {
    const char c = f['M'][0];
    if (c == 'I' || c == 'i' || c == '+') {
      incr = true;
    } else if (c == 'D' || c == 'd' || c == '-') {
      incr = false;
    } else {
      out->append(kBadArithmeticMode);
      return;
    }
  }
  const bool quiet = f.has('q');
  engine::Database& d = db();
  engine::KeyWrite w(d, key);
  engine::Entry* e = w.entry();
  uint64_t value;
  bool created = false;
  if (!IsString(e)) {
    if (!f.has('N') || e) {  // q does not hide NF
      incr ? ++st.incr_misses : ++st.decr_misses;
      AppendStatusLine(out, "NF", f, raw_key);
      return;
    }
    // Autovivify: the item starts at J (0), the delta not applied, without TTL until the N
    // flag's turn gives it one.
    value = initial;
    char digits[24];
    int n = std::snprintf(digits, sizeof(digits), "%llu", static_cast<unsigned long long>(value));
    w.Set(StringInit(std::string_view(digits, n), 0, {}));
    w.Commit();
    st.CountItem();
    NotifyKeyspaceEvent(server_, notify::kString, "set", key, d.index());
    created = true;
  } else {
    // memcached's order: an empty value, the CAS (0 compares nothing), then the number.
    char buf[24];
    std::string_view old = e->StringValue(buf);
    if (old.empty()) {
      out->append(kNonNumeric);
      return;
    }
    if (compare_cas != 0 && (!e->has_version() || e->version() != compare_cas)) {
      AppendStatusLine(out, "EX", f, raw_key);
      return;
    }
    if (!ParseU64(old, &value)) {
      out->append(kNonNumeric);
      return;
    }
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
  }
  e = w.entry();
  std::string flags;
  for (size_t i = 0; i < f.count; ++i) {
    std::string_view tok = f.order[i];
    if (tok[0] == 't') {
      AppendNumber(&flags, 't', e ? TtlSeconds(e, now_ms()) : -1);
    } else if (tok[0] == 'T') {  // in its place, as mg's
      if (e) ApplyMetaTtl(server_, w, f['T'], now_ms());
      e = w.entry();
    } else if (tok[0] == 'N' && created) {
      SetMetaExpiry(w, autoviv, now_ms());
      w.Commit();
      e = w.entry();
    } else if (tok[0] == 'c') {
      if (e) AppendUnsigned(&flags, 'c', w.Version());
      e = w.entry();
    } else {
      AppendKeyOpaque(&flags, f, raw_key, tok);
    }
  }
  if (quiet) return;
  if (f.has('v')) {
    const std::string digits = std::to_string(value);
    out->append("VA ");
    out->append(std::to_string(digits.size()));
    out->append(flags);
    out->append("\r\n");
    out->append(digits);
    out->append("\r\n");
  } else {
    out->append("HD");
    out->append(flags);
    out->append("\r\n");
  }
}

// me <key>: memcached's debug line for one item.
void TextProtocol::MetaDebug(const Request& req, std::string* out) {
  const Tokens& t = req.tokens;
  if (t.n < 2) {
    out->append(kError);
    return;
  }
  std::string_view key = t.tok[1];
  if (key.size() > kKeyMaxLength) {
    out->append(kBadFormat);
    return;
  }
  engine::KeyWrite w(db(), key, engine::Database::kNoTouch);
  if (!IsString(w.entry())) {
    out->append("EN\r\n");
    return;
  }
  const uint64_t cas = w.Version();  // memcached's items always have one
  const engine::Entry* e = w.entry();
  char buf[24];
  const size_t item_bytes = ItemBytes(e, e->StringValue(buf).size());
  char line[200];
  // memcached prints the clock minus the expiry time: minus the seconds left.
  const long long exp = e->has_expire() ? -((e->expire_at() - now_ms() + 999) / 1000) : -1;
  std::snprintf(
      line, sizeof(line), " exp=%lld la=%llu cas=%llu fetch=%s cls=%d size=%zu\r\n", exp,
      static_cast<unsigned long long>(engine::IdleSeconds(server_.dbs().lru_clock(), e->lru())),
      static_cast<unsigned long long>(cas), e->fetched() ? "yes" : "no", SlabClass(item_bytes),
      item_bytes);
  out->append("ME ");
  out->append(key);
  out->append(line);
}

}  // namespace tandem::memcache
