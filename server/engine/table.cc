#include "server/engine/table.h"

#include <chrono>
#include <cstdlib>
#include <utility>

#include "server/engine/hash.h"

namespace tandem::engine {
namespace {

constexpr size_t kInitialSize = 4;
constexpr size_t kForceResizeRatio = 5;
constexpr size_t kMinFillPercent = 10;

uint64_t Rev(uint64_t v) {
  v = ((v >> 1) & 0x5555555555555555ull) | ((v & 0x5555555555555555ull) << 1);
  v = ((v >> 2) & 0x3333333333333333ull) | ((v & 0x3333333333333333ull) << 2);
  v = ((v >> 4) & 0x0F0F0F0F0F0F0F0Full) | ((v & 0x0F0F0F0F0F0F0F0Full) << 4);
  return __builtin_bswap64(v);
}

size_t NextPower(size_t n) {
  size_t s = kInitialSize;
  while (s < n) s <<= 1;
  return s;
}

}  // namespace

Table::~Table() { Clear(); }

Table::Table(Table&& o) noexcept { *this = std::move(o); }

Table& Table::operator=(Table&& o) noexcept {
  if (this == &o) return *this;
  Clear();
  for (int t = 0; t < 2; ++t) {
    buckets_[t] = std::exchange(o.buckets_[t], nullptr);
    size_[t] = std::exchange(o.size_[t], 0);
    used_[t] = std::exchange(o.used_[t], 0);
  }
  rehash_idx_ = std::exchange(o.rehash_idx_, -1);
  ++epoch_;
  ++o.epoch_;
  return *this;
}

size_t Table::IndexOf(std::string_view key, int t) const { return HashBytes(key) & (size_[t] - 1); }

void Table::Prefetch(uint64_t hash) const {
  for (int t = 0; t < 2; ++t) {
    if (size_[t] != 0) __builtin_prefetch(&buckets_[t][hash & (size_[t] - 1)]);
  }
}

void Table::PrefetchChain(uint64_t hash) const {
  for (int t = 0; t < 2; ++t) {
    if (size_[t] == 0) continue;
    // The header, key and a small value span up to two cache lines (malloc aligns to 16).
    const char* e = reinterpret_cast<const char*>(buckets_[t][hash & (size_[t] - 1)]);
    if (!e) continue;
    __builtin_prefetch(e);
    __builtin_prefetch(e + 63);
  }
}

Table::Slot Table::Find(std::string_view key, bool rehash_step) {
  if (rehash_step && rehashing()) RehashStep(1);
  if (size() == 0) return {.epoch = epoch_};
  uint64_t h = HashBytes(key);
  for (int t = 0; t < 2; ++t) {
    if (size_[t] == 0) continue;
    Entry** bucket = &buckets_[t][h & (size_[t] - 1)];
    Entry* prev = nullptr;
    for (Entry* e = *bucket; e; prev = e, e = e->next()) {
      if (e->key() == key) return {bucket, prev, e, epoch_};
    }
    if (!rehashing()) break;
  }
  return {.epoch = epoch_};
}

void Table::ExpandIfNeeded() {
  if (rehashing()) return;
  if (size_[0] == 0) {
    Expand(kInitialSize);
  } else if (used_[0] >= size_[0]) {
    Expand(used_[0] + 1);
  }
  (void)kForceResizeRatio;
}

void Table::Expand(size_t min_size) {
  size_t n = NextPower(min_size);
  if (rehashing() || n == size_[0]) return;
  Entry** arr = static_cast<Entry**>(std::calloc(n, sizeof(Entry*)));
  if (size_[0] == 0) {
    buckets_[0] = arr;
    size_[0] = n;
    return;
  }
  buckets_[1] = arr;
  size_[1] = n;
  used_[1] = 0;
  rehash_idx_ = 0;
}

Table::Slot Table::Insert(Entry* e, bool rehash_step) {
  if (rehashing() && (rehash_step || used_[1] >= size_[1])) RehashStep(1);
  ExpandIfNeeded();
  int t = rehashing() ? 1 : 0;
  Entry** bucket = &buckets_[t][IndexOf(e->key(), t)];
  e->set_next(*bucket);
  *bucket = e;
  ++used_[t];
  ++epoch_;
  return {bucket, nullptr, e, epoch_};
}

Entry* Table::Replace(Slot& slot, Entry* e) {
  Entry* old = slot.entry;
  e->set_next(old->next());
  Moved(slot, e);
  return old;
}

void Table::Moved(Slot& slot, Entry* e) {
  if (slot.prev) {
    slot.prev->set_next(e);
  } else {
    *slot.bucket = e;
  }
  slot.entry = e;
  slot.epoch = ++epoch_;
}

Entry* Table::Unlink(const Slot& slot) {
  ++epoch_;
  Entry* old = slot.entry;
  if (slot.prev) {
    slot.prev->set_next(old->next());
  } else {
    *slot.bucket = old->next();
  }
  // Which array held it decides which count drops.
  int t = (size_[0] && slot.bucket >= buckets_[0] && slot.bucket < buckets_[0] + size_[0]) ? 0 : 1;
  --used_[t];
  return old;
}

void Table::Clear() {
  ++epoch_;
  for (int t = 0; t < 2; ++t) {
    for (size_t i = 0; i < size_[t] && used_[t] > 0; ++i) {
      Entry* e = buckets_[t][i];
      while (e) {
        Entry* next = e->next();
        Entry::Destroy(e);
        --used_[t];
        e = next;
      }
    }
    std::free(buckets_[t]);
    buckets_[t] = nullptr;
    size_[t] = used_[t] = 0;
  }
  rehash_idx_ = -1;
}

bool Table::RehashStep(int n) {
  if (!rehashing()) return false;
  ++epoch_;
  size_t empty_visits = static_cast<size_t>(n) * 10;
  while (n-- && used_[0] != 0) {
    while (buckets_[0][rehash_idx_] == nullptr) {
      ++rehash_idx_;
      if (--empty_visits == 0) return true;
    }
    Entry* e = buckets_[0][rehash_idx_];
    while (e) {
      Entry* next = e->next();
      Entry** dst = &buckets_[1][IndexOf(e->key(), 1)];
      e->set_next(*dst);
      *dst = e;
      --used_[0];
      ++used_[1];
      e = next;
    }
    buckets_[0][rehash_idx_] = nullptr;
    ++rehash_idx_;
  }
  if (used_[0] == 0) {
    std::free(buckets_[0]);
    buckets_[0] = std::exchange(buckets_[1], nullptr);
    size_[0] = std::exchange(size_[1], 0);
    used_[0] = std::exchange(used_[1], 0);
    rehash_idx_ = -1;
    return false;
  }
  return true;
}

void Table::RehashFor(int64_t us) {
  auto start = std::chrono::steady_clock::now();
  while (RehashStep(100)) {
    auto elapsed = std::chrono::steady_clock::now() - start;
    if (std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count() > us) break;
  }
}

bool Table::ShrinkIfSparse() {
  if (rehashing() || size_[0] <= kInitialSize) return false;
  if (used_[0] * 100 / size_[0] >= kMinFillPercent) return false;
  size_t n = NextPower(used_[0] == 0 ? 1 : used_[0]);
  if (n >= size_[0]) return false;
  Entry** arr = static_cast<Entry**>(std::calloc(n, sizeof(Entry*)));
  buckets_[1] = arr;
  size_[1] = n;
  used_[1] = 0;
  rehash_idx_ = 0;
  return true;
}

uint64_t Table::Scan(uint64_t v, const std::function<void(Entry*)>& fn) const {
  if (size() == 0) return 0;
  auto emit = [&](Entry* e) {
    while (e) {
      Entry* next = e->next();
      fn(e);
      e = next;
    }
  };
  if (!rehashing()) {
    uint64_t m0 = size_[0] - 1;
    emit(buckets_[0][v & m0]);
    v |= ~m0;
    v = Rev(v);
    ++v;
    return Rev(v);
  }
  int small = size_[0] <= size_[1] ? 0 : 1;
  int big = 1 - small;
  uint64_t m0 = size_[small] - 1, m1 = size_[big] - 1;
  emit(buckets_[small][v & m0]);
  do {
    emit(buckets_[big][v & m1]);
    v |= ~m1;
    v = Rev(v);
    ++v;
    v = Rev(v);
  } while (v & (m0 ^ m1));
  return v;
}

Entry* Table::Random(std::mt19937_64& rng, bool rehash_step) {
  if (size() == 0) return nullptr;
  if (rehash_step && rehashing()) RehashStep(1);
  Entry* head = nullptr;
  if (rehashing()) {
    // Buckets below rehash_idx_ in the old array are empty; skip them.
    do {
      size_t span = size_[0] + size_[1] - static_cast<size_t>(rehash_idx_);
      size_t h = static_cast<size_t>(rehash_idx_) + rng() % span;
      head = h >= size_[0] ? buckets_[1][h - size_[0]] : buckets_[0][h];
    } while (!head);
  } else {
    do {
      head = buckets_[0][rng() & (size_[0] - 1)];
    } while (!head);
  }
  size_t len = 0;
  for (Entry* e = head; e; e = e->next()) ++len;
  size_t pick = rng() % len;
  Entry* e = head;
  while (pick--) e = e->next();
  return e;
}

void Table::WalkBuckets(uint64_t* cursor, size_t max_buckets,
                        const std::function<void(Entry*)>& fn) {
  size_t total = size_[0] + size_[1];
  if (total == 0) return;
  for (size_t i = 0; i < max_buckets && i < total; ++i) {
    uint64_t c = *cursor % total;
    // While rehashing, the old array's buckets below rehash_idx_ have moved: skip them.
    if (rehashing() && c < static_cast<uint64_t>(rehash_idx_)) c = rehash_idx_;
    Entry* e = c < size_[0] ? buckets_[0][c] : buckets_[1][c - size_[0]];
    while (e) {
      Entry* next = e->next();
      fn(e);
      e = next;
    }
    *cursor = c + 1;
  }
}

}  // namespace tandem::engine
