#include "server/engine/key_write.h"

#include "server/engine/db_set.h"

namespace tandem::engine {

KeyWrite::KeyWrite(Database& db, std::string_view key, unsigned lookup)
    : db_(db), key_(key), slot_(db.FindSlot(key, lookup)) {}

Table::Slot& KeyWrite::CurrentSlot() {
  // Another guard's insert or delete, or a rehash step an insert forced, may have moved the
  // bucket head or freed the predecessor this slot points at.
  if (!db_.table_.Valid(slot_)) slot_ = db_.table_.Find(key_, /*rehash_step=*/false);
  return slot_;
}

bool KeyWrite::RehashStep() const { return !db_.owner_->rehash_paused(); }

Entry* KeyWrite::Set(Entry::Init init, bool keep_ttl) {
  DbSet& dbs = *db_.owner_;
  Entry* old = slot_.entry;
  if (!old) {
    Begin(true);
    modified_ = true;
    init.lru = dbs.NewEntryLru();
    Entry* e = Entry::Create(key_, init);
    slot_ = db_.table_.Insert(e, RehashStep());
    dbs.SignalEvent(db_.index_, key_, KeyObserver::KeyEvent::kNew);
    return e;
  }
  Begin(false);
  modified_ = true;
  if (keep_ttl) {
    init.has_expire = old->has_expire();
    init.expire_at_ms = init.has_expire ? old->expire_at() : 0;
  }
  if (old->OverwriteInPlace(init)) {  // same room: the accounting stands
    if (!dbs.lfu_policy) old->set_lru(dbs.lru_clock());
    return old;
  }
  Begin(true);
  init.lru = dbs.lfu_policy ? old->lru() : dbs.lru_clock();
  // A value whose version was read keeps a version field (Commit() gives it a new value).
  init.has_version = init.has_version || old->has_version();
  Entry* e = Entry::Create(key_, init);
  Entry::Destroy(db_.table_.Replace(CurrentSlot(), e));
  return e;
}

void KeyWrite::Adopt(Entry* e) {
  Begin(true);
  modified_ = true;
  if (!db_.owner_->lfu_policy) e->set_lru(db_.owner_->lru_clock());
  slot_ = db_.table_.Insert(e, RehashStep());
  db_.owner_->SignalEvent(db_.index_, key_, KeyObserver::KeyEvent::kNew);
}

Entry* KeyWrite::Detach() {
  Begin(true);
  modified_ = true;
  Entry* e = db_.table_.Unlink(CurrentSlot());
  slot_.entry = nullptr;
  return e;
}

void KeyWrite::Delete(bool lazy) {
  Entry* e = Detach();
  if (lazy && LazyFree::Worth(e)) {
    db_.owner_->lazy_free().FreeEntry(e);
  } else {
    Entry::Destroy(e);
  }
}

void KeyWrite::SetExpire(int64_t at_ms) {
  Begin(false);
  modified_ = true;
  if (slot_.entry->has_expire()) {
    slot_.entry->set_expire_at(at_ms);
    return;
  }
  Begin(true);
  Table::Slot& slot = CurrentSlot();
  db_.table_.Moved(slot, Entry::WithExpire(slot.entry, true, at_ms));
}

bool KeyWrite::Persist() {
  if (!slot_.entry->has_expire()) return false;
  Begin(true);
  modified_ = true;
  Table::Slot& slot = CurrentSlot();
  db_.table_.Moved(slot, Entry::WithExpire(slot.entry, false, 0));
  return true;
}

void KeyWrite::SetInt(long long v) {
  Begin(false);
  modified_ = true;
  slot_.entry->set_lease(0);  // a new value
  slot_.entry->set_int_value(v);
}

std::string* KeyWrite::MutableRaw(bool modifies) {
  Begin(true);
  modified_ |= modifies;
  if (slot_.entry->encoding() != Encoding::kRaw) {
    Table::Slot& slot = CurrentSlot();
    db_.table_.Moved(slot, Entry::WithRawValue(slot.entry));
  }
  if (modifies) slot_.entry->set_lease(0);  // a new value
  return slot_.entry->raw();
}

Object* KeyWrite::MutableObject(bool modifies) {
  Begin(true);
  modified_ |= modifies;
  return slot_.entry->object();
}

void KeyWrite::MarkModified() {
  Begin(false);
  modified_ = true;
}

uint64_t KeyWrite::Version() {
  if (slot_.entry->has_version()) return slot_.entry->version();
  Begin(true);
  const uint64_t v = db_.owner_->NextVersion();
  Table::Slot& slot = CurrentSlot();
  db_.table_.Moved(slot, Entry::WithVersion(slot.entry, v));
  return v;
}

void KeyWrite::Finish() {
  Entry* e = slot_.entry;
  if (measured_) db_.memory_ += (e ? e->MemoryUsage() : 0) - before_bytes_;
  const bool has_expire = e && e->has_expire();
  if (has_expire != had_expire_) has_expire ? ++db_.expires_ : --db_.expires_;
  if (modified_) {
    if (e && e->has_version()) e->set_version(db_.owner_->NextVersion());
    db_.owner_->SignalModified(db_.index_, key_);
  }
  begun_ = measured_ = modified_ = false;
}

}  // namespace tandem::engine
