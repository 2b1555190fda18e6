// The one path by which a key changes (Redis's lookupKeyWrite ... signalModifiedKey).
// A command takes a KeyWrite for each key it writes: the guard looks the key up (lazy
// expiry applies), makes the changes through its methods and, at Commit() or when it goes
// out of scope,
//   - applies the memory delta of everything it did to the database's accounting (one
//     measurement before the first change that can resize the entry, one after the last),
//   - gives the entry a new version if it carries one (memcached's CAS), and
//   - signals the key once to the DbSet's observers (WATCH, blocked clients, tracking,
//     keyspace notifications).
// A guard that changed nothing signals nothing: SETNX on an existing key, DEL of a missing
// one, EXPIRE whose condition fails, as in Redis.
//
// Several guards may be alive at once (RENAME holds the source and the destination); each
// finds its entry again if another one changed the table meanwhile. Used only under the
// engine lock. Entry pointers it returns stay valid until the key changes again.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "server/engine/database.h"

namespace tandem::engine {

class KeyWrite {
 public:
  // Looks `key` up for writing with Database::LookupFlags. The guard keeps a view of `key`
  // (it signals it, and finds the entry again by it): the bytes must outlive the guard.
  KeyWrite(Database& db, std::string_view key, unsigned lookup = Database::kNone);
  // A temporary std::string would dangle: refused at compile time.
  template <class S, class = std::enable_if_t<std::is_same_v<S, std::string>>>
  KeyWrite(Database& db, S&& key, unsigned lookup = Database::kNone) = delete;
  ~KeyWrite() {
    if (begun_) Finish();
  }
  KeyWrite(const KeyWrite&) = delete;
  KeyWrite& operator=(const KeyWrite&) = delete;

  // The key's live entry, nullptr when absent.
  Entry* entry() const { return slot_.entry; }
  std::string_view key() const { return key_; }
  int db_index() const { return db_.index(); }

  // --- Changes ---------------------------------------------------------------------------
  // Stores a value: in place when it takes the old value's room, otherwise replacing the
  // entry (an overwritten value keeps its LFU counter, as Redis's dbSetValue; with LRU it
  // takes the clock) or adding the key (fresh LRU/LFU data). With keep_ttl the old expiry
  // carries over instead of init's. Returns the entry.
  Entry* Set(Entry::Init init, bool keep_ttl = false);
  // Adds a prepared entry under this key, which must be absent (RENAME, MOVE, COPY): it
  // keeps its LFU data; with LRU it takes the clock.
  void Adopt(Entry* e);
  // Deletes the key. With lazy, a big value is freed by the lazy-free thread (UNLINK).
  void Delete(bool lazy = false);
  // Removes the entry and hands it over (RENAME, MOVE); the caller owns it.
  Entry* Detach();
  // Sets the expiry time (absolute ms) of the existing key.
  void SetExpire(int64_t at_ms);
  // Removes the existing key's expiry; false, changing nothing, when it had none.
  bool Persist();
  // A new value for an int-encoded entry, in place (INCR's hot path).
  void SetInt(long long v);
  // The string value as a raw std::string to edit in place, converting an int or embedded
  // value first. Edits may resize it: the guard measures at Commit(). Counts as a
  // modification unless `modifies` is false, for callers that may leave the value as it
  // was (SETBIT writing the bit it already holds: Redis neither signals nor propagates
  // that); they call MarkModified() if they change it.
  std::string* MutableRaw(bool modifies = true);
  void MarkModified();
  // A modification is pending: it will be signalled at the next Commit().
  bool modified() const { return modified_; }
  // The collection value (list, set, zset, hash) to edit in place; the entry must hold one.
  // The same modification rules as MutableRaw. An edit that changes the encoding records it
  // with entry()->set_encoding().
  Object* MutableObject(bool modifies = true);

  // memcached's CAS: the existing entry's version, giving it a version field first if it has
  // none. Not a modification: nothing is signalled.
  uint64_t Version();

  // Applies the memory delta, re-versions and signals now. The guard stays usable; further
  // changes are committed again.
  void Commit() {
    if (begun_) Finish();
  }

 private:
  friend class Database;
  // Over a slot the database already found (its expiry path).
  KeyWrite(Database& db, std::string_view key, const Table::Slot& slot)
      : db_(db), key_(key), slot_(slot) {}

  // The slot, found again if another change reshaped the table since.
  Table::Slot& CurrentSlot();
  // Called before every change: remembers the state that Commit() compares against.
  void Begin(bool may_resize) {
    if (!begun_) {
      begun_ = true;
      had_expire_ = slot_.entry && slot_.entry->has_expire();
    }
    if (may_resize && !measured_) {
      measured_ = true;
      before_bytes_ = slot_.entry ? slot_.entry->MemoryUsage() : 0;
    }
  }
  void Finish();
  bool RehashStep() const;

  Database& db_;
  std::string_view key_;
  Table::Slot slot_;
  bool begun_ = false;     // a change happened since the last Commit()
  bool measured_ = false;  // before_bytes_ holds the usage before the first resizing change
  bool modified_ = false;  // the value changed: re-version and signal
  bool had_expire_ = false;
  size_t before_bytes_ = 0;
};

}  // namespace tandem::engine
