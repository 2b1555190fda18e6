#include "server/net/ready_poller.h"

#include "server/net/connection.h"

namespace tandem::net {

ReadyPoller::ReadyPoller(asio::execution_context& ctx)
    : asio::execution_context::service(ctx),
      epfd_(epoll_create1(EPOLL_CLOEXEC)),
      watch_(static_cast<asio::io_context&>(ctx)) {
  if (epfd_ < 0) return;  // Add() then refuses every descriptor
  asio::error_code ignored;
  watch_.assign(epfd_, ignored);  // watch_ owns it from here on
}

ReadyPoller::~ReadyPoller() = default;

void ReadyPoller::shutdown() {
  asio::error_code ignored;
  watch_.close(ignored);
}

int64_t ReadyPoller::Add(int fd, std::shared_ptr<Connection> conn) {
  if (epfd_ < 0) return -1;
  uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
  ev.data.u64 = slot;
  if (epoll_ctl(epfd_, EPOLL_CTL_ADD, fd, &ev) != 0) {
    free_slots_.push_back(slot);
    return -1;
  }
  slots_[slot] = std::move(conn);
  Arm();
  return slot;
}

void ReadyPoller::Remove(int64_t token, int fd) {
  if (token < 0) return;
  epoll_ctl(epfd_, EPOLL_CTL_DEL, fd, nullptr);
  slots_[token].reset();
  free_slots_.push_back(static_cast<uint32_t>(token));
}

void ReadyPoller::Arm() {
  if (armed_) return;
  armed_ = true;
  watch_.async_wait(asio::posix::descriptor_base::wait_read, [this](const asio::error_code& ec) {
    armed_ = false;
    if (!ec) OnReady();
  });
}

// The round's connections are resolved (and held) before any of them runs, because one
// may close another and its slot may be reused meanwhile. The wait is re-armed before they
// run: a busy script that one of them starts serves this loop (EngineLock::LendToLoop),
// and the poller's next round must be among what it serves.
void ReadyPoller::OnReady() {
  int n = epoll_wait(epfd_, events_.data(), static_cast<int>(events_.size()), 0);
  std::vector<std::pair<std::shared_ptr<Connection>, uint32_t>> ready;
  ready.reserve(n > 0 ? n : 0);
  for (int i = 0; i < n; ++i) {
    const uint32_t events = events_[i].events;  // a packed struct: copied, not bound
    if (const auto& conn = slots_[events_[i].data.u64]) ready.emplace_back(conn, events);
  }
  Arm();  // a full batch leaves events behind: the re-armed wait reports them at once
  for (auto& [conn, events] : ready) conn->OnReadable(events);
}

}  // namespace tandem::net
