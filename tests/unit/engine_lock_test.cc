// The engine lock's rounds: one thread keeps the lock across several batches, whose own
// lock() and unlock() nest inside; other threads get it only when the round gives it back.
#include "server/engine_lock.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace tandem {
namespace {

TEST_CASE("a round keeps the engine lock across its batches; other threads wait for its end") {
  EngineLock mu;
  int releases = 0;
  mu.SetBeforeUnlock([](void* n) { ++*static_cast<int*>(n); }, &releases);
  std::atomic<int> phase{0};
  std::atomic<bool> other_held_in_round{false};
  std::atomic<bool> other_got_it{false};
  std::thread other([&] {
    while (phase.load() < 1) std::this_thread::yield();
    while (phase.load() < 2) {  // the round's batches take and give back the lock meanwhile
      if (mu.try_lock()) {
        other_held_in_round = true;
        mu.unlock();
      }
    }
    std::lock_guard lock(mu);  // the round is over: this waits only for the holder's release
    other_got_it = true;
  });

  mu.lock();
  mu.BeginRound();
  CHECK(EngineLock::InRound());
  phase = 1;
  for (int batch = 0; batch < 200; ++batch) {
    std::unique_lock guard(mu);  // a batch's lock: nested, nothing is released
    CHECK(guard.owns_lock());
    CHECK(mu.TrySpinning());  // LockUnlessBusy's path nests too
    mu.unlock();
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  }
  CHECK(releases == 0);  // the hook runs at the real release only
  mu.EndRound();
  CHECK_FALSE(EngineLock::InRound());
  phase = 2;
  mu.unlock();
  other.join();
  CHECK_FALSE(other_held_in_round.load());
  CHECK(other_got_it.load());
  CHECK(releases == 2);  // the round's end, then the other thread's release
}

TEST_CASE("a round is this thread's: another thread's lock() is not nested in it") {
  EngineLock mu;
  std::atomic<bool> in_round_there{true};
  mu.lock();
  mu.BeginRound();
  std::thread other([&] { in_round_there = EngineLock::InRound(); });
  other.join();
  CHECK_FALSE(in_round_there.load());
  mu.EndRound();
  mu.unlock();
  std::lock_guard lock(mu);  // released for real: taken again at once
}

}  // namespace
}  // namespace tandem
