// libFuzzer target for the whole connection path: bytes, split at data-derived points, go
// through the real RESP session (query buffer, parser, batch, prefetch, dispatcher, every
// command family on a real engine, reply writer, output buffer) over an in-memory
// transport. Run with AddressSanitizer and UndefinedBehaviorSanitizer. Checks:
//  - nothing crashes, leaks or touches freed memory (the sanitizers);
//  - the output is a sequence of complete RESP replies;
//  - for inputs without time- or identity-dependent commands, the split stream gets the
//    same reply bytes as the stream delivered in one piece.
// Each input runs on a fresh server state, so runs are reproducible.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "server/commands/dispatcher.h"
#include "server/net/resp_session.h"

namespace {

using tandem::net::InputBuffer;
using tandem::net::OutputBuffer;
using tandem::net::RespSession;
using Next = tandem::net::Session::Next;

#define FUZZ_CHECK(cond)                                                            \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)

// Index just past one RESP reply starting at `pos`, or npos if it is incomplete or malformed.
size_t SkipReply(std::string_view s, size_t pos, int depth = 0) {
  constexpr size_t npos = std::string_view::npos;
  if (pos >= s.size() || depth > 64) return npos;
  size_t eol = s.find("\r\n", pos);
  if (eol == npos) return npos;
  char type = s[pos];
  std::string_view header = s.substr(pos + 1, eol - pos - 1);
  size_t next = eol + 2;
  auto number = [&](long long* out) {
    if (header.empty()) return false;
    char* end = nullptr;
    std::string h(header);
    *out = std::strtoll(h.c_str(), &end, 10);
    return end && *end == '\0';
  };
  long long n = 0;
  switch (type) {
    case '+':
    case '-':
    case ':':
    case '_':
    case ',':
    case '#':
    case '(':
      return next;
    case '$':
    case '=':
    case '!':
      if (!number(&n)) return npos;
      if (n < 0) return next;
      if (next + n + 2 > s.size() || s.substr(next + n, 2) != "\r\n") return npos;
      return next + n + 2;
    case '*':
    case '~':
    case '>':
    case '%': {
      if (!number(&n)) return npos;
      long long items = type == '%' ? 2 * n : n;
      for (long long i = 0; i < items && next != npos; ++i) next = SkipReply(s, next, depth + 1);
      return next;
    }
    default:
      return npos;
  }
}

void CheckWellFormed(std::string_view out) {
  size_t pos = 0;
  while (pos < out.size()) {
    pos = SkipReply(out, pos);
    FUZZ_CHECK(pos != std::string_view::npos);
  }
}

// Commands whose replies depend on the clock, the client's identity or server history.
bool Deterministic(std::string_view data) {
  std::string lower(data);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* word : {"time",  "info",    "client", "rand",   "object",   "slow",  "ttl",
                           "exp",   "px",      "ex",     "memory", "lastsave", "hello", "reset",
                           "pause", "monitor", "debug",  "config", "latency",  "wait"}) {
    if (lower.find(word) != std::string::npos) return false;
  }
  return true;
}

struct Server {
  tandem::commands::ServerState state;
  tandem::commands::Dispatcher dispatcher;

  static tandem::commands::CommandTable Table() {
    tandem::commands::CommandTable table;
    tandem::commands::RegisterAllCommands(table);
    return table;
  }
  Server() : state(tandem::Config{}, Table()), dispatcher(state) {
    state.request_shutdown = [] {};
    state.rebind_tcp = [](int, const std::vector<std::string>&, int,
                          const std::vector<std::string>&) { return std::string(); };
  }
};

// Feeds `data` in chunks of the given sizes (the last chunk takes the rest) and returns
// every byte written back.
std::string RunSession(std::string_view data, const std::vector<size_t>& chunks) {
  Server server;
  InputBuffer in;
  OutputBuffer out;
  RespSession session(server.state, server.dispatcher, in, out);
  std::string written;
  auto drain = [&] {
    written.append(out.BeginSend());
    out.EndSend();
  };
  bool closed = session.Open() != Next::kRead;
  size_t pos = 0;
  for (size_t i = 0; !closed && pos < data.size(); ++i) {
    size_t chunk = i < chunks.size() ? chunks[i] : data.size() - pos;
    chunk = std::min(chunk, data.size() - pos);
    while (chunk > 0 && !closed) {
      auto room = in.PrepareRead(session.ReadLimit());
      size_t n = std::min(chunk, room.size());
      std::copy_n(data.data() + pos, n, room.data());
      in.CommitRead(n);
      pos += n;
      chunk -= n;
      Next next;
      do {
        server.state.pause_until_ms = 0;  // CLIENT PAUSE would hold the session forever
        next = session.Process();
      } while (next == Next::kYield || next == Next::kPaused);
      if (next == Next::kClose) out.Clear();
      closed = next == Next::kClose || next == Next::kCloseAfterWrite;
      in.ReleaseIfEmpty();
      drain();
    }
  }
  session.Closed();
  return written;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  if (size < 2) return 0;
  // The first byte seeds the split points; the rest is the client's byte stream.
  uint32_t seed = bytes[0] * 2654435761u + 1;
  std::string_view data(reinterpret_cast<const char*>(bytes + 1), size - 1);
  std::vector<size_t> chunks;
  for (size_t total = 0; total < data.size();) {
    seed = seed * 1664525u + 1013904223u;
    size_t chunk = 1 + (seed >> 16) % 32;
    chunks.push_back(chunk);
    total += chunk;
  }
  std::string split = RunSession(data, chunks);
  CheckWellFormed(split);
  if (Deterministic(data)) FUZZ_CHECK(RunSession(data, {}) == split);
  return 0;
}
