// MEMORY USAGE | STATS | DOCTOR | MALLOC-STATS | PURGE | HELP (Redis 7.0.15's object.c), with
// byte counts from the engine's accounting: what redis-cli --memkeys reads.
#include <malloc.h>

#include <cstdio>
#include <string>

#include "protocol/errors.h"
#include "scripting/scripting.h"
#include "server/commands/families.h"
#include "server/commands/info.h"
#include "server/engine/ascii.h"
#include "server/engine/database.h"
#include "server/engine/db_set.h"
#include "server/engine/numbers.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

// MEMORY USAGE key [SAMPLES count]
// The entry with its value, plus its bucket slot. Every value's size is kept exact by the
// engine, so SAMPLES is parsed as Redis does and otherwise changes nothing.
void CmdMemoryUsage(CmdArgs argv, CommandContext& ctx) {
  for (size_t j = 3; j < argv.size(); ++j) {
    if (engine::EqualsTokenIgnoreCase(argv[j], "samples") && j + 1 < argv.size()) {
      long long samples;
      if (!engine::StringToLL(argv[j + 1], &samples)) {
        return ctx.rb.SendError(protocol::kErrNotInteger);
      }
      if (samples < 0) return ctx.rb.SendError(protocol::kErrSyntax);
      ++j;
    } else {
      return ctx.rb.SendError(protocol::kErrSyntax);
    }
  }
  // Redis looks the key up in the dict directly: no expiry, no touch.
  const engine::Entry* e = ctx.db().Peek(argv[2]);
  if (!e) return ctx.rb.SendNull();
  ctx.rb.SendLong(static_cast<long long>(e->MemoryUsage() + sizeof(void*)));
}

struct MemoryFigures {
  size_t used, startup, clients, overhead, dataset, peak, rss;
  size_t allocated, active, resident;
  size_t keys;
};

MemoryFigures Measure(CommandContext& ctx) {
  MemoryFigures f{};
  ServerState& server = ctx.server;
  f.used = server.UsedMemory();
  f.startup = std::min(f.used, server.startup_allocated);
  f.clients = server.client_buffer_bytes.load(std::memory_order_relaxed);
  f.overhead = std::min(f.used, f.startup + f.clients);
  f.dataset = f.used - f.overhead;
  f.peak = f.used;
  f.rss = ResidentSetSize();
  struct mallinfo2 mi = mallinfo2();
  f.allocated = mi.uordblks + mi.hblkhd;
  f.active = mi.arena + mi.hblkhd - mi.fordblks;
  f.resident = mi.arena + mi.hblkhd;
  engine::DbSet& dbs = server.dbs();
  for (int i = 0; i < dbs.count(); ++i) f.keys += dbs.db(i).size();
  return f;
}

double Ratio(size_t a, size_t b) { return b ? static_cast<double>(a) / b : 0; }
// Redis computes its percentages and ratios in float.
double AsFloat(double v) { return static_cast<double>(static_cast<float>(v)); }

// MEMORY STATS
void CmdMemoryStats(CmdArgs, CommandContext& ctx) {
  const MemoryFigures f = Measure(ctx);
  engine::DbSet& dbs = ctx.server.dbs();
  size_t nonempty = 0;
  for (int i = 0; i < dbs.count(); ++i) nonempty += dbs.db(i).size() ? 1 : 0;
  protocol::ReplyBuilder& rb = ctx.rb;
  rb.StartMap(27 + nonempty);
  auto num = [&](std::string_view k, long long v) {
    rb.SendBulk(k);
    rb.SendLong(v);
  };
  auto dbl = [&](std::string_view k, double v) {
    rb.SendBulk(k);
    rb.SendDouble(AsFloat(v));
  };
  num("peak.allocated", f.peak);
  num("total.allocated", f.used);
  num("startup.allocated", f.startup);
  num("replication.backlog", 0);
  num("clients.slaves", 0);
  num("clients.normal", f.clients);
  num("cluster.links", 0);
  num("aof.buffer", 0);
  num("lua.caches", 0);
  num("functions.caches",
      static_cast<long long>(scripting::ScriptingOf(ctx.server).functions().overhead_bytes()));
  for (int i = 0; i < dbs.count(); ++i) {
    engine::Database& db = dbs.db(i);
    if (!db.size()) continue;
    rb.SendBulk("db." + std::to_string(i));
    rb.StartMap(3);
    num("overhead.hashtable.main", db.bucket_bytes());
    num("overhead.hashtable.expires", 0);
    num("overhead.hashtable.slot-to-keys", 0);
  }
  num("overhead.total", f.overhead);
  num("keys.count", f.keys);
  num("keys.bytes-per-key", f.keys ? (f.used - f.startup) / f.keys : 0);
  num("dataset.bytes", f.dataset);
  dbl("dataset.percentage", 100.0 * Ratio(f.dataset, f.used - f.startup));
  dbl("peak.percentage", 100.0 * Ratio(f.used, f.peak));
  num("allocator.allocated", f.allocated);
  num("allocator.active", f.active);
  num("allocator.resident", f.resident);
  dbl("allocator-fragmentation.ratio", Ratio(f.active, f.allocated));
  num("allocator-fragmentation.bytes",
      static_cast<long long>(f.active) - static_cast<long long>(f.allocated));
  dbl("allocator-rss.ratio", Ratio(f.rss, f.resident));
  num("allocator-rss.bytes", static_cast<long long>(f.rss) - static_cast<long long>(f.resident));
  dbl("rss-overhead.ratio", Ratio(f.rss, f.resident));
  num("rss-overhead.bytes", 0);
  dbl("fragmentation", Ratio(f.rss, f.used));
  num("fragmentation.bytes", static_cast<long long>(f.rss) - static_cast<long long>(f.used));
}

// MEMORY DOCTOR: Redis's report for an instance too small to judge, or its all-clear (the
// detectors it runs need jemalloc's and replication's figures, which do not apply here).
void CmdMemoryDoctor(CmdArgs, CommandContext& ctx) {
  const MemoryFigures f = Measure(ctx);
  if (f.used < 1024 * 1024 * 5) {
    return ctx.rb.SendVerbatim(
        "Hi Sam, this instance is empty or is using very little memory, my issues detector "
        "can't be used in these conditions. Please, leave for your mission on Earth and fill it "
        "with some data. The new Sam and I will be back to our programming as soon as I "
        "finished rebooting.\n");
  }
  if (f.rss > f.used && Ratio(f.rss, f.used) > 1.4 && f.rss - f.used > 10 * 1024 * 1024) {
    return ctx.rb.SendVerbatim(
        "Sam, I detected a few issues in this Redis instance memory implants:\n\n"
        " * High total RSS: This instance has a memory fragmentation and RSS overhead greater "
        "than 1.4 (this means that the Resident Set Size of the Redis process is much larger "
        "than the sum of the logical allocations Redis performed). This problem is usually due "
        "either to a large peak memory (check if there is a peak memory entry above in the "
        "report) or may result from a workload that causes the allocator to fragment memory a "
        "lot. If the problem is a large peak memory, then there is no issue. Otherwise, make "
        "sure you are using the Jemalloc allocator and not the default libc malloc. Note: The "
        "currently used allocator is \"libc\".\n\n"
        "I'm here to keep you safe, Sam. I want to help you.\n");
  }
  ctx.rb.SendVerbatim(
      "Hi Sam, I can't find any memory issue in your instance. I can only account for what "
      "occurs on this base.\n");
}

// MEMORY MALLOC-STATS: glibc's malloc_info report (Redis gives jemalloc's).
void CmdMemoryMallocStats(CmdArgs, CommandContext& ctx) {
  char* buf = nullptr;
  size_t len = 0;
  FILE* f = open_memstream(&buf, &len);
  if (!f) return ctx.rb.SendVerbatim("Stats not supported for the current allocator");
  malloc_info(0, f);
  std::fclose(f);
  std::string text(buf, len);
  std::free(buf);
  ctx.rb.SendVerbatim(text);
}

// MEMORY PURGE: gives free heap pages back to the system.
void CmdMemoryPurge(CmdArgs, CommandContext& ctx) {
  malloc_trim(0);
  ctx.rb.SendOk();
}

// MEMORY HELP
void CmdMemoryHelp(CmdArgs, CommandContext& ctx) {
  static constexpr std::string_view kLines[] = {
      "MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
      "DOCTOR",
      "    Return memory problems reports.",
      "MALLOC-STATS",
      "    Return internal statistics report from the memory allocator.",
      "PURGE",
      "    Attempt to purge dirty pages for reclamation by the allocator.",
      "STATS",
      "    Return information about the memory usage of the server.",
      "USAGE <key> [SAMPLES <count>]",
      "    Return memory in bytes used by <key> and its value. Nested values are",
      "    sampled up to <count> times (default: 5, 0 means sample all).",
      "HELP",
      "    Prints this help.",
  };
  ctx.rb.StartArray(std::size(kLines));
  for (std::string_view line : kLines) ctx.rb.SendSimple(line);
}

}  // namespace

void RegisterMemoryFamily(CommandTable& table) {
  table.Register({.name = "memory", .arity = -2});
  table.Register({.name = "memory|doctor", .arity = 2, .handler = &CmdMemoryDoctor});
  table.Register(
      {.name = "memory|help", .arity = 2, .flags = kLoading | kStale, .handler = &CmdMemoryHelp});
  table.Register({.name = "memory|malloc-stats", .arity = 2, .handler = &CmdMemoryMallocStats});
  table.Register({.name = "memory|purge", .arity = 2, .handler = &CmdMemoryPurge});
  table.Register({.name = "memory|stats", .arity = 2, .handler = &CmdMemoryStats});
  table.Register({.name = "memory|usage",
                  .arity = -3,
                  .flags = kReadOnly,
                  .first_key = 2,
                  .last_key = 2,
                  .step = 1,
                  .handler = &CmdMemoryUsage});
}

}  // namespace tandem::commands
