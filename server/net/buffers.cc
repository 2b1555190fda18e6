#include "server/net/buffers.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

namespace tandem::net {
namespace {

constexpr size_t kNormalBytes = 16 * 1024;  // Redis's PROTO_IOBUF_LEN
constexpr size_t kMinReadRoom = 4 * 1024;
constexpr size_t kKeepReplyBytes = 16 * 1024;

// Spare query buffers of the normal size, per io thread: a round reads the sockets of all
// its ready connections before running any (EventLoop::RecvAll), so each holds a buffer at
// once; up to kSpares of them stay for the next round instead of a malloc and free each.
constexpr size_t kSpares = 32;

struct Spares {
  char* buffers[kSpares];
  size_t count = 0;
  ~Spares() {
    while (count > 0) std::free(buffers[--count]);
  }
};
thread_local Spares spares;

char* Allocate(size_t bytes) {
  if (bytes == kNormalBytes && spares.count > 0) return spares.buffers[--spares.count];
  char* p = static_cast<char*>(std::malloc(bytes));
  if (!p) throw std::bad_alloc();
  return p;
}

void Release(char* p, size_t bytes) {
  if (bytes == kNormalBytes && spares.count < kSpares) {
    spares.buffers[spares.count++] = p;
    return;
  }
  std::free(p);
}

}  // namespace

InputBuffer::~InputBuffer() {
  if (data_) Release(data_, capacity_);
}

std::span<char> InputBuffer::PrepareRead(size_t max_bytes) {
  if (!data_) {
    capacity_ = std::max(kNormalBytes, max_bytes == SIZE_MAX ? 0 : max_bytes);
    data_ = Allocate(capacity_);
  }
  // A bounded read gets all the room it asks for; an unbounded one what is free, at least
  // a small read's worth.
  const size_t want = max_bytes == SIZE_MAX ? kMinReadRoom : max_bytes;
  if (free_space() < want && start_ > 0) {
    std::memmove(data_, data_ + start_, end_ - start_);
    end_ -= start_;
    start_ = 0;
  }
  if (free_space() < want) {
    size_t grown = std::max(capacity_ * 2, end_ + want);
    char* bigger = static_cast<char*>(std::malloc(grown));
    if (!bigger) throw std::bad_alloc();
    std::memcpy(bigger, data_, end_);
    Release(data_, capacity_);
    data_ = bigger;
    capacity_ = grown;
  }
  return {data_ + end_, std::min(max_bytes, free_space())};
}

void InputBuffer::Consume(size_t n) {
  start_ += n;
  if (start_ == end_) start_ = end_ = 0;
}

void InputBuffer::ReleaseIfEmpty() {
  if (!data_ || start_ != end_) return;
  Release(data_, capacity_);
  data_ = nullptr;
  capacity_ = start_ = end_ = 0;
}

std::string_view OutputBuffer::BeginSend() {
  sending_.swap(queued_);
  queued_.clear();
  return sending_;
}

void OutputBuffer::EndSend() {
  sending_.clear();
  if (sending_.capacity() > kKeepReplyBytes) std::string().swap(sending_);
  if (queued_.empty() && queued_.capacity() > kKeepReplyBytes) std::string().swap(queued_);
}

void OutputBuffer::Clear() {
  std::string().swap(queued_);
  std::string().swap(sending_);
}

bool OutputBuffer::OverLimit(const OutputBufferLimit& limit, int64_t now_ms) {
  size_t used = pending();
  if (limit.hard > 0 && used >= limit.hard) return true;
  if (limit.soft > 0 && used >= limit.soft) {
    if (soft_limit_since_ms_ == 0) {
      soft_limit_since_ms_ = now_ms;
      return false;
    }
    return (now_ms - soft_limit_since_ms_) / 1000 > limit.soft_seconds;
  }
  soft_limit_since_ms_ = 0;
  return false;
}

}  // namespace tandem::net
