#include "server/engine/database.h"

#include <memory>

#include "server/engine/collections.h"
#include "server/engine/db_set.h"
#include "server/engine/key_write.h"
#include "server/engine/numbers.h"

namespace tandem::engine {

Table::Slot Database::FindSlot(std::string_view key, unsigned flags) {
  Table::Slot slot = table_.Find(key, !owner_->rehash_paused());
  if (slot.entry && IsExpired(slot.entry, owner_->now_ms())) {
    DeleteExpired(slot, key);
    slot = {};
  }
  if (flags & kCountStats) {
    owner_->CountLookup(slot.entry != nullptr);
  }
  if (slot.entry && !(flags & kNoTouch)) {
    owner_->TouchEntry(slot.entry);
    // A read command's hit fetches the value (memcached's ITEM_FETCHED).
    if (flags & kCountStats) slot.entry->set_fetched(true);
  }
  return slot;
}

void Database::DeleteExpired(const Table::Slot& slot, std::string_view key) {
  KeyWrite w(*this, key, slot);
  w.Delete();
  ++owner_->stats().expired_keys;
  // Redis notifies "expired" before signalling the key (w's destructor does that).
  owner_->SignalEvent(index_, key, KeyObserver::KeyEvent::kExpired);
}

Entry* Database::Peek(std::string_view key) {
  return table_.Find(key, !owner_->rehash_paused()).entry;
}

Entry* Database::Put(std::string_view key, const Entry::Init& init, bool keep_ttl) {
  return KeyWrite(*this, key, kNoTouch).Set(init, keep_ttl);
}

Entry* Database::PutString(std::string_view key, std::string_view value, bool keep_ttl,
                           bool has_expire, int64_t expire_at_ms) {
  Entry::Init init;
  init.has_expire = has_expire;
  init.expire_at_ms = expire_at_ms;
  long long v;
  if (value.size() <= 20 && StringToLL(value, &v)) {
    init.encoding = Encoding::kInt;
    init.integer = v;
  } else if (value.size() <= kEmbStrMaxLen) {
    init.encoding = Encoding::kEmbStr;
    init.str = value;
  } else {
    init.encoding = Encoding::kRaw;
    init.raw = new std::string(value);
  }
  return Put(key, init, keep_ttl);
}

bool Database::Delete(std::string_view key) {
  KeyWrite w(*this, key, kNoTouch);
  if (!w.entry()) return false;
  w.Delete();
  return true;
}

void Database::Clear(bool async) {
  if (async && table_.size() > 0) {
    owner_->lazy_free().FreeTable(std::make_unique<Table>(std::move(table_)));
  } else {
    table_.Clear();
  }
  table_ = Table();
  memory_ = 0;
  expires_ = 0;
  avg_ttl_ = 0;
  expire_cursor_ = 0;
}

void Database::SwapContents(Database& other) {
  std::swap(table_, other.table_);
  std::swap(expires_, other.expires_);
  std::swap(memory_, other.memory_);
  std::swap(avg_ttl_, other.avg_ttl_);
  std::swap(expire_cursor_, other.expire_cursor_);
}

Entry* Database::RandomLive(std::mt19937_64& rng) {
  // Bounded retries: a database full of expired keys must not loop forever.
  for (int tries = 0; tries < 100 && table_.size() > 0; ++tries) {
    Entry* e = table_.Random(rng, !owner_->rehash_paused());
    if (!IsExpired(e, owner_->now_ms())) return e;
    if (tries == 99) return e;  // Redis also returns an expired key rather than spin
    const std::string key(e->key());
    DeleteExpired(table_.Find(key, /*rehash_step=*/false), key);
  }
  return nullptr;
}

size_t Database::ActiveExpire(int64_t now_ms, int64_t deadline_us) {
  if (expires_ == 0) return 0;
  size_t deleted = 0;
  std::vector<std::string> expired;
  // TTLs near INT64_MAX (PEXPIREAT far in the future) would overflow a long long sum.
  __int128 ttl_sum = 0;
  long long ttl_samples = 0;
  // Like Redis's activeExpireCycle: a round samples at least 20 keys with a TTL (or walks
  // 1,024 buckets looking for them); the pass goes on only while more than 10% of a
  // round's samples had expired (ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE), so a keyspace of
  // live TTLs is not walked end to end, under the engine lock, at every cron tick.
  size_t sampled = 0, stale = 0, walked = 0;
  bool go_on = true;
  do {
    expired.clear();
    table_.WalkBuckets(&expire_cursor_, 64, [&](Entry* e) {
      if (!e->has_expire()) return;
      ++sampled;
      if (now_ms > e->expire_at()) {
        expired.emplace_back(e->key());
      } else {
        ttl_sum += e->expire_at() - now_ms;
        ++ttl_samples;
      }
    });
    for (const std::string& key : expired) {
      Table::Slot slot = table_.Find(key, /*rehash_step=*/false);
      if (!slot.entry) continue;
      if (!slot.entry->fetched()) ++owner_->stats().expired_unfetched;
      DeleteExpired(slot, key);
    }
    deleted += expired.size();
    stale += expired.size();
    walked += 64;
    if (sampled >= 20 || walked >= 1024) {
      go_on = stale * 10 > sampled;
      sampled = stale = walked = 0;
    }
  } while (go_on && expires_ > 0 && SteadyUs() < deadline_us && table_.bucket_count() > 64 &&
           expire_cursor_ % table_.bucket_count() != 0);
  if (ttl_samples > 0) {
    auto avg = static_cast<long long>(ttl_sum / ttl_samples);
    // Running estimate, as Redis: new = old/50*49 + sample/50.
    avg_ttl_ = avg_ttl_ == 0 ? avg : (avg_ttl_ / 50) * 49 + avg / 50;
  }
  if (expires_ == 0) avg_ttl_ = 0;
  return deleted;
}

void Database::Housekeep(int64_t rehash_us) {
  table_.ShrinkIfSparse();
  if (table_.rehashing()) table_.RehashFor(rehash_us);
}

const StrTable* Database::MemberTable(std::string_view key) {
  const Entry* e = table_.Find(key, false).entry;
  if (!e || e->encoding() != Encoding::kHashtable) return nullptr;
  if (e->type() == ObjType::kSet) return &static_cast<const SetTableObject*>(e->object())->table();
  if (e->type() == ObjType::kHash)
    return &static_cast<const HashTableObject*>(e->object())->table();
  return nullptr;
}

}  // namespace tandem::engine
