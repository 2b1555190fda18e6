#include "server/engine/database.h"

#include <thread>

#include "server/engine/db_set.h"
#include "server/engine/numbers.h"

namespace tandem::engine {

void Database::Account(Entry* e, int sign) {
  size_t usage = e->MemoryUsage();
  if (sign > 0) {
    memory_ += usage;
    if (e->has_expire()) ++expires_;
  } else {
    memory_ -= usage;
    if (e->has_expire()) --expires_;
  }
}

Table::Slot Database::FindSlot(std::string_view key, unsigned flags) {
  Table::Slot slot = table_.Find(key);
  if (!slot.entry) return slot;
  if (IsExpired(slot.entry, owner_->now_ms())) {
    DeleteAt(slot);
    ++owner_->stats().expired_keys;
    return {};
  }
  if (!(flags & kNoTouch)) owner_->TouchEntry(slot.entry);
  return slot;
}

Entry* Database::Peek(std::string_view key) { return table_.Find(key).entry; }

Entry* Database::Find(std::string_view key, unsigned flags) { return FindSlot(key, flags).entry; }

Entry* Database::FindRead(std::string_view key, unsigned flags) {
  Entry* e = FindSlot(key, flags).entry;
  ++(e ? owner_->stats().keyspace_hits : owner_->stats().keyspace_misses);
  return e;
}

Entry* Database::Add(std::string_view key, const Entry::Init& init) {
  Entry* e = Entry::Create(key, init);
  e->set_lru(owner_->NewEntryLru());
  Insert(e);
  return e;
}

void Database::Insert(Entry* e) {
  // RENAME and MOVE keep the value's LFU counter; with LRU the write is an access.
  if (!owner_->lfu_policy) e->set_lru(owner_->lru_clock());
  table_.Insert(e);
  Account(e, +1);
}

Entry* Database::Put(std::string_view key, Entry::Init init, bool keep_ttl) {
  Table::Slot slot = FindSlot(key, kNoTouch);
  init.lru = owner_->lru_clock();
  if (!slot.entry) return Add(key, init);
  if (keep_ttl) {
    init.has_expire = slot.entry->has_expire();
    init.expire_at_ms = init.has_expire ? slot.entry->expire_at() : 0;
  }
  if (slot.entry->OverwriteInPlace(init)) {  // same size: the accounting stands
    if (!owner_->lfu_policy) slot.entry->set_lru(owner_->lru_clock());
    return slot.entry;
  }
  return ReplaceAt(slot, Entry::Create(key, init));
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

Entry* Database::ReplaceAt(const Table::Slot& slot, Entry* e) {
  // As Redis's dbSetValue: an overwritten value keeps its LFU counter.
  e->set_lru(owner_->lfu_policy ? slot.entry->lru() : owner_->lru_clock());
  Account(slot.entry, -1);
  Entry* old = table_.Replace(slot, e);
  Account(e, +1);
  Entry::Destroy(old);
  return e;
}

bool Database::Delete(std::string_view key) {
  Table::Slot slot = FindSlot(key, kNoTouch);
  if (!slot.entry) return false;
  DeleteAt(slot);
  return true;
}

void Database::DeleteAt(const Table::Slot& slot) { Entry::Destroy(Detach(slot)); }

Entry* Database::Detach(const Table::Slot& slot) {
  Account(slot.entry, -1);
  return table_.Unlink(slot);
}

Entry* Database::SetExpire(const Table::Slot& slot, int64_t expire_at_ms) {
  Entry* e = slot.entry;
  if (e->has_expire()) {
    e->set_expire_at(expire_at_ms);
    return e;
  }
  Account(e, -1);
  // WithExpire frees `e` and copies its chain link, so the slot must not read `e` again.
  Table::Slot moved_slot = slot;
  moved_slot.entry = Entry::WithExpire(e, true, expire_at_ms);
  Entry* moved = table_.Replace(moved_slot, moved_slot.entry);
  Account(moved, +1);
  return moved;
}

Entry* Database::Persist(const Table::Slot& slot) {
  Entry* e = slot.entry;
  if (!e->has_expire()) return e;
  Account(e, -1);
  // WithExpire frees `e` and copies its chain link, so the slot must not read `e` again.
  Table::Slot moved_slot = slot;
  moved_slot.entry = Entry::WithExpire(e, false, 0);
  Entry* moved = table_.Replace(moved_slot, moved_slot.entry);
  Account(moved, +1);
  return moved;
}

std::string* Database::MutableRaw(const Table::Slot& slot) {
  Entry* e = slot.entry;
  if (e->encoding() == Encoding::kRaw) return e->raw();
  char buf[24];
  Entry::Init init;
  init.encoding = Encoding::kRaw;
  init.raw = new std::string(e->StringValue(buf));
  init.has_expire = e->has_expire();
  init.expire_at_ms = init.has_expire ? e->expire_at() : 0;
  init.lru = e->lru();
  return ReplaceAt(slot, Entry::Create(e->key(), init))->raw();
}

void Database::Clear(bool async) {
  if (async && table_.size() > 64) {
    auto* old = new Table(std::move(table_));
    std::thread([old] { delete old; }).detach();
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
    Entry* e = table_.Random(rng);
    if (!IsExpired(e, owner_->now_ms())) return e;
    if (tries < 99) {
      Delete(std::string(e->key()));
      ++owner_->stats().expired_keys;
    } else {
      return e;  // Redis also returns an expired key rather than spin
    }
  }
  return nullptr;
}

size_t Database::ActiveExpire(int64_t now_ms, int64_t deadline_us) {
  if (expires_ == 0) return 0;
  size_t deleted = 0;
  std::vector<std::string> expired;
  long long ttl_sum = 0, ttl_samples = 0;
  do {
    expired.clear();
    table_.WalkBuckets(&expire_cursor_, 64, [&](Entry* e) {
      if (!e->has_expire()) return;
      if (now_ms > e->expire_at()) {
        expired.emplace_back(e->key());
      } else {
        ttl_sum += e->expire_at() - now_ms;
        ++ttl_samples;
      }
    });
    for (const std::string& key : expired) {
      Table::Slot slot = table_.Find(key);
      if (slot.entry) DeleteAt(slot);
    }
    deleted += expired.size();
    owner_->stats().expired_keys += expired.size();
  } while (expires_ > 0 && SteadyUs() < deadline_us && table_.bucket_count() > 64 &&
           expire_cursor_ % table_.bucket_count() != 0);
  if (ttl_samples > 0) {
    long long avg = ttl_sum / ttl_samples;
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

}  // namespace tandem::engine
