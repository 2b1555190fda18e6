// The engine lock: one per server, held by a connection for each batch of commands (or by
// an io thread for a round of batches, see BeginRound) and by the cron. Batches are short, so a
// waiter first retries (TrySpinning: 10 tries 8 pauses apart, then up to 990 more within 300 us, a
// sched_yield between), and only then sleeps in glibc's adaptive mutex: most waits never pay the
// futex sleep and wake-up. The retry outlasts a pipeline of 16 costly commands (ZADD into a large
// set, ~25 us): at 200 pause-spaced tries the futex wait and wake took ~20% of a ZADD -P 16 run and
// ZADD ran at 470k/s, at 1,000 665k/s. The yields matter when clients share the cores: a holder
// preempted by a client thread left the waiter pausing for nothing (7% of the server's CPU
// under memcaslap's set mix); yielding hands that core back. A/B, memcaslap set 1:1:
// 94.8-105.0k -> 108.9-114.7k; ZADD -P 16: 331-352k -> 363-386k; GET/SET -P 1 and PUBLISH
// -P 1 unchanged.
#pragma once

#include <pthread.h>
#include <sched.h>
#include <time.h>

namespace tandem {

class EngineLock {
 public:
  EngineLock() {
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ADAPTIVE_NP);
    pthread_mutex_init(&mu_, &attr);
    pthread_mutexattr_destroy(&attr);
  }
  ~EngineLock() { pthread_mutex_destroy(&mu_); }
  EngineLock(const EngineLock&) = delete;
  EngineLock& operator=(const EngineLock&) = delete;

  void lock() {
    if (Nested()) return;
    if (!TrySpinning()) pthread_mutex_lock(&mu_);
  }
  // Tries for a while (at most kSpinNs) without sleeping.
  bool TrySpinning() {
    if (Nested()) return true;
    timespec start;
    for (int i = 0; i < kSpins; ++i) {
      if (pthread_mutex_trylock(&mu_) == 0) return true;
      if (i < kPauseSpins) {
        for (int j = 0; j < 8; ++j) __builtin_ia32_pause();
        continue;
      }
      // A yield may run another thread for a while: the clock bounds the total.
      timespec now;
      clock_gettime(CLOCK_MONOTONIC, &now);
      if (i == kPauseSpins) start = now;
      if ((now.tv_sec - start.tv_sec) * 1000000000 + (now.tv_nsec - start.tv_nsec) > kSpinNs) {
        break;
      }
      sched_yield();
    }
    return false;
  }
  void unlock() {
    if (t_reentries_ > 0) {
      --t_reentries_;
      return;
    }
    if (before_unlock_) before_unlock_(before_unlock_arg_);
    pthread_mutex_unlock(&mu_);
  }
  // Runs fn(arg) under the lock just before each release.
  void SetBeforeUnlock(void (*fn)(void*), void* arg) {
    before_unlock_ = fn;
    before_unlock_arg_ = arg;
  }
  bool try_lock() { return Nested() || pthread_mutex_trylock(&mu_) == 0; }
  // Waits at most `ms` milliseconds (spinning first, like lock()).
  bool try_lock_for_ms(int ms) {
    if (try_lock()) return true;
    timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += static_cast<long>(ms) * 1000000;
    until.tv_sec += until.tv_nsec / 1000000000;
    until.tv_nsec %= 1000000000;
    return pthread_mutex_timedlock(&mu_, &until) == 0;
  }

  // A busy script serves its own io thread's loop (Redis's processEventsWhileBlocked): its
  // other clients get -BUSY at once instead of waiting for the script. The io thread
  // registers how its loop is served; the script's thread, holding the lock, calls
  // LendToLoop(), and the handlers run from there find the lock re-entrant (lock() and
  // unlock() do nothing on this thread meanwhile). They must not change the keyspace:
  // Dispatcher::LockUnlessBusy() tells them a script is busy, as on the other io threads.
  // `post(arg, fn, fn_arg)` queues fn(fn_arg) on the loop behind the handlers it has ready.
  using Post = void (*)(void* arg, void (*fn)(void*), void* fn_arg);
  static void SetLoopServer(void (*serve)(void*), Post post, void* arg) {
    t_loop_server_ = serve;
    t_loop_post_ = post;
    t_loop_arg_ = arg;
  }
  // Queues fn(arg) on this io thread's loop, after the handlers it has ready now (the rest of
  // its round); false on a thread without a loop.
  static bool PostToLoop(void (*fn)(void*), void* arg) {
    if (!t_loop_post_) return false;
    t_loop_post_(t_loop_arg_, fn, arg);
    return true;
  }
  void LendToLoop() {
    if (!t_loop_server_ || t_lent_) return;
    t_lent_ = true;
    t_loop_server_(t_loop_arg_);
    t_lent_ = false;
  }
  // True while the lock's holder on this thread lends it to the loop's handlers.
  static bool LentHere() { return t_lent_; }

  // A round: the holder keeps the lock across the batches of several connections
  // (Connection::FlushDeferredReads), and lock() and unlock() nest inside it. Taking the
  // lock once for a round's batches instead of once for each: LPUSH -P 16 on two io
  // threads 0.70 -> 0.64 us of server CPU a request, RPOP 0.63 -> 0.54 (the engine's lines
  // stay in one core's cache for the round, and the other thread meanwhile does its socket
  // calls instead of contending for the lock at every batch).
  void BeginRound() { t_round_ = true; }
  void EndRound() { t_round_ = false; }
  static bool InRound() { return t_round_; }

 private:
  // Under a lent lock or a round: the lock is this thread's already.
  static bool Nested() {
    if (!t_lent_ && !t_round_) return false;
    ++t_reentries_;
    return true;
  }
  static constexpr int kSpins = 1000;
  static constexpr int kPauseSpins = 10;
  static constexpr long kSpinNs = 300000;
  static inline thread_local bool t_lent_ = false;
  static inline thread_local bool t_round_ = false;
  static inline thread_local int t_reentries_ = 0;
  static inline thread_local void (*t_loop_server_)(void*) = nullptr;
  static inline thread_local Post t_loop_post_ = nullptr;
  static inline thread_local void* t_loop_arg_ = nullptr;
  pthread_mutex_t mu_;
  void (*before_unlock_)(void*) = nullptr;
  void* before_unlock_arg_ = nullptr;
};

}  // namespace tandem
