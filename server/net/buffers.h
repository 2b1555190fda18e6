// A connection's query and reply buffers. Owned by one connection, used only on its io
// thread. Both give memory back: the query buffer exists only while a request is partly
// read, and a big reply buffer is released once written, so an idle connection holds none.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "server/config.h"

namespace tandem::net {

class InputBuffer {
 public:
  InputBuffer() = default;
  InputBuffer(const InputBuffer&) = delete;
  InputBuffer& operator=(const InputBuffer&) = delete;
  ~InputBuffer();

  std::string_view Pending() const { return {data_ + start_, end_ - start_}; }
  size_t size() const { return end_ - start_; }
  size_t capacity() const { return capacity_; }
  size_t free_space() const { return capacity_ - end_; }

  // Room for the next read of at most `max_bytes`: allocates on first use and compacts or
  // doubles the buffer when less than a small read fits. May move the pending bytes, so
  // no parsed argument may point into them across this call.
  std::span<char> PrepareRead(size_t max_bytes);
  void CommitRead(size_t n) { end_ += n; }
  // Drops `n` parsed bytes from the front.
  void Consume(size_t n);
  // Returns the memory when nothing is pending: an idle client's query buffer costs nothing.
  // Buffers of the normal size go to per-thread spares, so busy clients do not pay a
  // malloc per read.
  void ReleaseIfEmpty();

 private:
  char* data_ = nullptr;
  size_t capacity_ = 0;
  size_t start_ = 0;
  size_t end_ = 0;
};

class OutputBuffer {
 public:
  // Replies are appended here while commands run.
  std::string& queued() { return queued_; }
  // Bytes waiting: queued plus in flight on the socket.
  size_t pending() const { return queued_.size() + sending_.size(); }
  size_t capacity() const { return queued_.capacity() + sending_.capacity(); }
  bool sending() const { return !sending_.empty(); }
  std::string_view sending_bytes() const { return sending_; }

  // Moves the queued bytes to the in-flight buffer and returns them.
  std::string_view BeginSend();
  // The in-flight bytes were written: a big buffer is released.
  void EndSend();
  // Drops everything (the client is being closed).
  void Clear();

  // Redis's checkClientOutputBufferLimits: true once pending output reaches the hard
  // limit, or has stayed over the soft limit for longer than its seconds.
  bool OverLimit(const OutputBufferLimit& limit, int64_t now_ms);

 private:
  std::string queued_;
  std::string sending_;
  int64_t soft_limit_since_ms_ = 0;
};

}  // namespace tandem::net
