#include "server/commands/info.h"

#include <malloc.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <string_view>
#include <vector>

#include "scripting/scripting.h"
#include "server/engine/ascii.h"
#include "server/engine/db_set.h"
#include "server/version.h"

namespace tandem::commands {
namespace {

// Appends "name:value\r\n" lines.
class InfoText {
 public:
  explicit InfoText(std::string* out) : out_(out) {}

  void Add(std::string_view name, std::string_view value) {
    out_->append(name);
    out_->push_back(':');
    out_->append(value);
    out_->append("\r\n");
  }
  void Add(std::string_view name, const std::string& value) { Add(name, std::string_view(value)); }
  void Add(std::string_view name, const char* value) { Add(name, std::string_view(value)); }
  template <class T>
  requires std::is_integral_v<T>
  void Add(std::string_view name, T value) { Add(name, std::to_string(value)); }
  // A "%.2f" value.
  void AddFixed2(std::string_view name, double value) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%.2f", value);
    Add(name, buf);
  }
  void Raw(std::string_view line) {
    out_->append(line);
    out_->append("\r\n");
  }

 private:
  std::string* out_;
};

std::string RandomHex40() {
  std::random_device rd;
  std::mt19937_64 rng((uint64_t{rd()} << 32) ^ rd());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s(40, '0');
  for (char& c : s) c = kHex[rng() & 15];
  return s;
}

const std::string& RunId() {
  static const std::string id = RandomHex40();
  return id;
}

const std::string& ReplId() {
  static const std::string id = RandomHex40();
  return id;
}

// Instantaneous metrics, sampled like Redis's trackInstantaneousMetric: the rate between two
// samples, averaged over the last 16 samples. Used under the engine lock.
struct MetricTracker {
  static constexpr int kSamples = 16;
  int64_t last_ms = 0;
  uint64_t last_value = 0;
  std::array<double, kSamples> samples{};
  int next = 0;

  void Sample(int64_t now_ms, uint64_t value) {
    // A counter below its last reading was reset (a new server in the same process): the
    // next sample starts from it.
    if (last_ms != 0 && now_ms > last_ms && value >= last_value) {
      samples[next] = static_cast<double>(value - last_value) * 1000.0 / (now_ms - last_ms);
      next = (next + 1) % kSamples;
    }
    last_ms = now_ms;
    last_value = value;
  }
  double Average() const {
    double sum = 0;
    for (double s : samples) sum += s;
    return sum / kSamples;
  }
  void Reset() { *this = MetricTracker(); }
};

struct Metrics {
  int64_t last_sample_ms = 0;
  MetricTracker ops, net_in, net_out;
  size_t memory_peak = 0;
};

Metrics& TheMetrics() {
  static Metrics metrics;
  return metrics;
}

// ---- Sections -------------------------------------------------------------------------------

void ServerSection(ServerState& server, InfoText& t) {
  utsname name{};
  uname(&name);
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
  exe[n > 0 ? n : 0] = '\0';
  int64_t now_us = engine::WallClockUs();
  int64_t uptime_s = (now_us / 1000 - server.start_time_ms()) / 1000;
  const Config& config = server.config();
  t.Add("redis_version", kRedisCompatVersion);
  t.Add("tandem_version", kTandemVersion);
  t.Add("redis_git_sha1", "00000000");
  t.Add("redis_git_dirty", 0);
  t.Add("redis_build_id", RunId().substr(0, 15));
  t.Add("redis_mode", "standalone");
  t.Add("os", std::string(name.sysname) + " " + name.release + " " + name.machine);
  t.Add("arch_bits", static_cast<int>(sizeof(void*) * 8));
  t.Add("monotonic_clock", "POSIX clock_gettime");
  t.Add("multiplexing_api", "epoll");
  t.Add("atomicvar_api", "c11-builtin");
#if defined(__GNUC__)
  t.Add("gcc_version", std::to_string(__GNUC__) + "." + std::to_string(__GNUC_MINOR__) + "." +
                           std::to_string(__GNUC_PATCHLEVEL__));
#else
  t.Add("gcc_version", "0.0.0");
#endif
  t.Add("process_id", static_cast<long long>(getpid()));
  t.Add("process_supervised", "no");
  t.Add("run_id", RunId());
  t.Add("tcp_port", config.port);
  t.Add("server_time_usec", static_cast<long long>(now_us));
  t.Add("uptime_in_seconds", static_cast<long long>(uptime_s));
  t.Add("uptime_in_days", static_cast<long long>(uptime_s / 86400));
  t.Add("hz", config.hz);
  t.Add("configured_hz", config.hz);
  t.Add("lru_clock", engine::LruClockFor(now_us / 1000));
  t.Add("executable", exe);
  t.Add("config_file", config.config_file);
  t.Add("io_threads_active", 0);
}

void ClientsSection(ServerState& server, InfoText& t) {
  size_t max_in = 0;
  size_t max_out = 0;
  for (auto& [id, client] : server.clients()) {
    max_in = std::max(max_in, client->query_buf.load(std::memory_order_relaxed));
    max_out = std::max(max_out, client->output_bytes.load(std::memory_order_relaxed));
  }
  t.Add("connected_clients", server.clients().size());
  t.Add("cluster_connections", 0);
  t.Add("maxclients", server.config().maxclients);
  t.Add("client_recent_max_input_buffer", max_in);
  t.Add("client_recent_max_output_buffer", max_out);
  t.Add("blocked_clients", server.blocking().blocked_clients());
  t.Add("tracking_clients", server.tracking().tracking_clients());
  t.Add("clients_in_timeout_table", 0);
}

void AddBytes(InfoText& t, std::string name, unsigned long long bytes) {
  t.Add(name, bytes);
  t.Add(name + "_human", BytesToHuman(bytes));
}

double Ratio(double a, double b) { return b > 0 ? a / b : 0; }

void MemorySection(ServerState& server, InfoText& t) {
  const Config& config = server.config();
  size_t used = server.UsedMemory();
  size_t rss = ResidentSetSize();
  Metrics& m = TheMetrics();
  m.memory_peak = std::max(m.memory_peak, used);
  size_t startup = server.startup_allocated;
  size_t clients = server.client_buffer_bytes.load(std::memory_order_relaxed);
  size_t overhead = std::min(used, startup + clients);
  size_t dataset = used - overhead;
  struct mallinfo2 mi = mallinfo2();
  size_t allocated = mi.uordblks + mi.hblkhd;
  size_t active = mi.arena + mi.hblkhd - mi.fordblks;
  size_t resident = mi.arena + mi.hblkhd;
  long pages = sysconf(_SC_PHYS_PAGES);
  long page_size = sysconf(_SC_PAGESIZE);
  unsigned long long total_system =
      pages > 0 && page_size > 0 ? static_cast<unsigned long long>(pages) * page_size : 0;

  AddBytes(t, "used_memory", used);
  AddBytes(t, "used_memory_rss", rss);
  AddBytes(t, "used_memory_peak", m.memory_peak);
  char perc[32];
  std::snprintf(perc, sizeof(perc), "%.2f%%", 100.0 * Ratio(used, m.memory_peak));
  t.Add("used_memory_peak_perc", perc);
  t.Add("used_memory_overhead", overhead);
  t.Add("used_memory_startup", startup);
  t.Add("used_memory_dataset", dataset);
  std::snprintf(perc, sizeof(perc), "%.2f%%",
                100.0 * Ratio(dataset, used > startup ? used - startup : 0));
  t.Add("used_memory_dataset_perc", perc);
  t.Add("allocator_allocated", allocated);
  t.Add("allocator_active", active);
  t.Add("allocator_resident", resident);
  AddBytes(t, "total_system_memory", total_system);
  // The Lua VMs of EVAL scripts and of functions (scripting/).
  scripting::ScriptingState& lua = scripting::ScriptingOf(server);
  const size_t lua_vm = lua.vm().memory();
  const size_t lua_scripts = lua.vm().body_bytes();
  scripting::FunctionRegistry& functions = lua.functions();
  const size_t functions_vm = functions.vm().memory();
  const size_t functions_overhead = functions.overhead_bytes();
  t.Add("used_memory_lua", lua_vm);
  t.Add("used_memory_vm_eval", lua_vm);
  t.Add("used_memory_lua_human", BytesToHuman(lua_vm));
  t.Add("used_memory_scripts_eval", lua_scripts);
  t.Add("number_of_cached_scripts", lua.vm().script_count());
  t.Add("number_of_functions", functions.current().function_count());
  t.Add("used_memory_vm_functions", functions_vm);
  AddBytes(t, "used_memory_vm_total", lua_vm + functions_vm);
  t.Add("used_memory_functions", functions_overhead);
  AddBytes(t, "used_memory_scripts", lua_scripts + functions_overhead);
  AddBytes(t, "maxmemory", config.maxmemory);
  t.Add("maxmemory_policy", config.maxmemory_policy);
  t.AddFixed2("allocator_frag_ratio", Ratio(active, allocated));
  t.Add("allocator_frag_bytes", static_cast<long long>(active) - static_cast<long long>(allocated));
  t.AddFixed2("allocator_rss_ratio", Ratio(rss, resident));
  t.Add("allocator_rss_bytes", static_cast<long long>(rss) - static_cast<long long>(resident));
  t.AddFixed2("rss_overhead_ratio", Ratio(rss, resident));
  t.Add("rss_overhead_bytes", static_cast<long long>(rss) - static_cast<long long>(resident));
  t.AddFixed2("mem_fragmentation_ratio", Ratio(rss, used));
  t.Add("mem_fragmentation_bytes", static_cast<long long>(rss) - static_cast<long long>(used));
  t.Add("mem_not_counted_for_evict", 0);
  t.Add("mem_replication_backlog", 0);
  t.Add("mem_total_replication_buffers", 0);
  t.Add("mem_clients_slaves", 0);
  t.Add("mem_clients_normal", clients);
  t.Add("mem_cluster_links", 0);
  t.Add("mem_aof_buffer", 0);
  t.Add("mem_allocator", "libc");
  t.Add("active_defrag_running", 0);
  t.Add("lazyfree_pending_objects", server.dbs().lazy_free().pending());
  t.Add("lazyfreed_objects", server.dbs().lazy_free().freed());
}

// Tandem keeps no snapshots or append-only file: the fields say so.
void PersistenceSection(ServerState& server, InfoText& t) {
  for (const char* f : {"loading", "async_loading", "current_cow_peak", "current_cow_size",
                        "current_cow_size_age"}) {
    t.Add(f, 0);
  }
  t.Add("current_fork_perc", "0.00");
  t.Add("current_save_keys_processed", 0);
  t.Add("current_save_keys_total", 0);
  t.Add("rdb_changes_since_last_save", 0);
  t.Add("rdb_bgsave_in_progress", 0);
  t.Add("rdb_last_save_time", static_cast<long long>(server.lastsave_s));
  t.Add("rdb_last_bgsave_status", "ok");
  t.Add("rdb_last_bgsave_time_sec", -1);
  t.Add("rdb_current_bgsave_time_sec", -1);
  t.Add("rdb_saves", 0);
  t.Add("rdb_last_cow_size", 0);
  t.Add("rdb_last_load_keys_expired", 0);
  t.Add("rdb_last_load_keys_loaded", 0);
  t.Add("aof_enabled", 0);
  t.Add("aof_rewrite_in_progress", 0);
  t.Add("aof_rewrite_scheduled", 0);
  t.Add("aof_last_rewrite_time_sec", -1);
  t.Add("aof_current_rewrite_time_sec", -1);
  t.Add("aof_last_bgrewrite_status", "ok");
  t.Add("aof_rewrites", 0);
  t.Add("aof_rewrites_consecutive_failures", 0);
  t.Add("aof_last_write_status", "ok");
  t.Add("aof_last_cow_size", 0);
  t.Add("module_fork_in_progress", 0);
  t.Add("module_fork_last_cow_size", 0);
}

void StatsSection(ServerState& server, InfoText& t) {
  const ServerStats& s = server.stats();
  const engine::KeyspaceStats& ks = server.dbs().stats();
  Metrics& m = TheMetrics();
  t.Add("total_connections_received", s.total_connections_received);
  t.Add("total_commands_processed", s.total_commands_processed);
  t.Add("instantaneous_ops_per_sec", static_cast<long long>(m.ops.Average()));
  t.Add("total_net_input_bytes", s.net_input_bytes.load());
  t.Add("total_net_output_bytes", s.net_output_bytes.load());
  t.Add("total_net_repl_input_bytes", 0);
  t.Add("total_net_repl_output_bytes", 0);
  t.AddFixed2("instantaneous_input_kbps", m.net_in.Average() / 1024);
  t.AddFixed2("instantaneous_output_kbps", m.net_out.Average() / 1024);
  t.Add("instantaneous_input_repl_kbps", "0.00");
  t.Add("instantaneous_output_repl_kbps", "0.00");
  t.Add("rejected_connections", s.rejected_connections);
  t.Add("sync_full", 0);
  t.Add("sync_partial_ok", 0);
  t.Add("sync_partial_err", 0);
  t.Add("expired_keys", ks.expired_keys);
  t.AddFixed2("expired_stale_perc", static_cast<double>(ks.expired_stale_perc));
  t.Add("expired_time_cap_reached_count", 0);
  t.Add("expire_cycle_cpu_milliseconds", 0);
  t.Add("evicted_keys", ks.evicted_keys);
  t.Add("evicted_clients", 0);
  t.Add("total_eviction_exceeded_time", 0);
  t.Add("current_eviction_exceeded_time", 0);
  t.Add("keyspace_hits", server.dbs().keyspace_hits());
  t.Add("keyspace_misses", server.dbs().keyspace_misses());
  t.Add("pubsub_channels", server.pubsub().channel_count());
  t.Add("pubsub_patterns", server.pubsub().pattern_count());
  t.Add("pubsubshard_channels", server.pubsub().shard_channel_count());
  for (const char* f :
       {"latest_fork_usec", "total_forks", "migrate_cached_sockets", "slave_expires_tracked_keys",
        "active_defrag_hits", "active_defrag_misses", "active_defrag_key_hits",
        "active_defrag_key_misses", "total_active_defrag_time", "current_active_defrag_time"}) {
    t.Add(f, 0);
  }
  t.Add("tracking_total_keys", server.tracking().total_keys());
  t.Add("tracking_total_items", server.tracking().total_items());
  t.Add("tracking_total_prefixes", server.tracking().total_prefixes());
  t.Add("unexpected_error_replies", 0);
  t.Add("total_error_replies", s.total_error_replies);
  t.Add("dump_payload_sanitizations", 0);
  for (const char* f :
       {"total_reads_processed", "total_writes_processed", "io_threaded_reads_processed",
        "io_threaded_writes_processed", "reply_buffer_shrinks", "reply_buffer_expands"}) {
    t.Add(f, 0);
  }
  // Redis 7.2's names for the limits' disconnections.
  t.Add("client_query_buffer_limit_disconnections", s.client_query_limit_disconnections);
  t.Add("client_output_buffer_limit_disconnections", s.client_output_limit_disconnections);
}

void ReplicationSection(ServerState& server, InfoText& t) {
  t.Add("role", "master");
  t.Add("connected_slaves", 0);
  t.Add("master_failover_state", "no-failover");
  t.Add("master_replid", ReplId());
  t.Add("master_replid2", std::string(40, '0'));
  t.Add("master_repl_offset", 0);
  t.Add("second_repl_offset", -1);
  t.Add("repl_backlog_active", 0);
  t.Add("repl_backlog_size", 1048576);
  t.Add("repl_backlog_first_byte_offset", 0);
  t.Add("repl_backlog_histlen", 0);
}

std::string TimevalSeconds(const timeval& tv) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%ld.%06ld", static_cast<long>(tv.tv_sec),
                static_cast<long>(tv.tv_usec));
  return buf;
}

void CpuSection(ServerState& server, InfoText& t) {
  rusage self{}, children{}, thread{};
  getrusage(RUSAGE_SELF, &self);
  getrusage(RUSAGE_CHILDREN, &children);
  getrusage(RUSAGE_THREAD, &thread);
  t.Add("used_cpu_sys", TimevalSeconds(self.ru_stime));
  t.Add("used_cpu_user", TimevalSeconds(self.ru_utime));
  t.Add("used_cpu_sys_children", TimevalSeconds(children.ru_stime));
  t.Add("used_cpu_user_children", TimevalSeconds(children.ru_utime));
  t.Add("used_cpu_sys_main_thread", TimevalSeconds(thread.ru_stime));
  t.Add("used_cpu_user_main_thread", TimevalSeconds(thread.ru_utime));
}

void ModulesSection(ServerState& server, InfoText& t) {}

void AddCommandStat(ServerState& server, const CommandSpec& spec, InfoText& t) {
  const CommandStats s = server.command_stats().Merged(spec);
  if (s.calls == 0 && s.failed_calls == 0 && s.rejected_calls == 0) return;
  char buf[256];
  std::snprintf(buf, sizeof(buf),
                "cmdstat_%.*s:calls=%llu,usec=%llu,usec_per_call=%.2f,rejected_calls=%llu,"
                "failed_calls=%llu",
                static_cast<int>(spec.name.size()), spec.name.data(),
                static_cast<unsigned long long>(s.calls), static_cast<unsigned long long>(s.usec),
                s.calls ? static_cast<double>(s.usec) / s.calls : 0.0,
                static_cast<unsigned long long>(s.rejected_calls),
                static_cast<unsigned long long>(s.failed_calls));
  t.Raw(buf);
}

void CommandstatsSection(ServerState& server, InfoText& t) {
  for (const CommandSpec& spec : server.commands().all()) {
    if (spec.parent != nullptr) continue;
    AddCommandStat(server, spec, t);
    for (const CommandSpec* sub : spec.subcommands) AddCommandStat(server, *sub, t);
  }
}

void ErrorstatsSection(ServerState& server, InfoText& t) {
  std::map<std::string, uint64_t> sorted(server.stats().error_stats.begin(),
                                         server.stats().error_stats.end());
  for (const auto& [code, count] : sorted) {
    t.Raw("errorstat_" + code + ":count=" + std::to_string(count));
  }
}

// Tandem keeps no per-command latency histograms; the section is present and empty.
void LatencystatsSection(ServerState& server, InfoText& t) {}

void ClusterSection(ServerState& server, InfoText& t) { t.Add("cluster_enabled", 0); }

void KeyspaceSection(ServerState& server, InfoText& t) {
  engine::DbSet& dbs = server.dbs();
  for (int i = 0; i < dbs.count(); ++i) {
    engine::Database& db = dbs.db(i);
    if (db.size() == 0) continue;
    t.Raw("db" + std::to_string(i) + ":keys=" + std::to_string(db.size()) + ",expires=" +
          std::to_string(db.expires_count()) + ",avg_ttl=" + std::to_string(db.avg_ttl()));
  }
}

struct SectionDef {
  std::string_view name;   // as INFO's argument
  std::string_view title;  // as "# Title"
  bool in_default;
  void (*fill)(ServerState&, InfoText&);
};

constexpr SectionDef kSections[] = {
    {"server", "Server", true, &ServerSection},
    {"clients", "Clients", true, &ClientsSection},
    {"memory", "Memory", true, &MemorySection},
    {"persistence", "Persistence", true, &PersistenceSection},
    {"stats", "Stats", true, &StatsSection},
    {"replication", "Replication", true, &ReplicationSection},
    {"cpu", "CPU", true, &CpuSection},
    {"modules", "Modules", true, &ModulesSection},
    {"commandstats", "Commandstats", false, &CommandstatsSection},
    {"errorstats", "Errorstats", true, &ErrorstatsSection},
    {"latencystats", "Latencystats", false, &LatencystatsSection},
    {"cluster", "Cluster", true, &ClusterSection},
    {"keyspace", "Keyspace", true, &KeyspaceSection},
};

}  // namespace

std::string BuildInfo(ServerState& server, CmdArgs sections) {
  SampleInstantaneousMetrics(server);
  constexpr size_t kCount = std::size(kSections);
  std::array<bool, kCount> wanted{};
  auto select_default = [&] {
    for (size_t i = 0; i < kCount; ++i) wanted[i] = wanted[i] || kSections[i].in_default;
  };
  if (sections.empty()) select_default();
  for (std::string_view arg : sections) {
    if (engine::EqualsTokenIgnoreCase(arg, "default")) {
      select_default();
    } else if (engine::EqualsTokenIgnoreCase(arg, "all") ||
               engine::EqualsTokenIgnoreCase(arg, "everything")) {
      wanted.fill(true);
    } else {
      for (size_t i = 0; i < kCount; ++i) {
        if (engine::EqualsTokenIgnoreCase(arg, kSections[i].name)) wanted[i] = true;
      }
    }
  }
  std::string out;
  InfoText text(&out);
  for (size_t i = 0; i < kCount; ++i) {
    if (!wanted[i]) continue;
    if (!out.empty()) out += "\r\n";
    out += "# ";
    out += kSections[i].title;
    out += "\r\n";
    kSections[i].fill(server, text);
  }
  return out;
}

void ResetServerStats(ServerState& server) {
  ServerStats& s = server.stats();
  s.total_connections_received = 0;
  s.total_commands_processed = 0;
  s.rejected_connections = 0;
  s.total_error_replies = 0;
  s.net_input_bytes = 0;
  s.net_output_bytes = 0;
  s.client_output_limit_disconnections = 0;
  s.client_query_limit_disconnections = 0;
  s.error_stats.clear();
  server.dbs().ResetStats();
  server.dbs().lazy_free().ResetStats();
  server.command_stats().Reset();
  Metrics& m = TheMetrics();
  m.ops.Reset();
  m.net_in.Reset();
  m.net_out.Reset();
  m.last_sample_ms = 0;
}

void SampleInstantaneousMetrics(ServerState& server) {
  Metrics& m = TheMetrics();
  int64_t now = engine::WallClockMs();
  if (m.last_sample_ms != 0 && now - m.last_sample_ms < 100) return;
  m.last_sample_ms = now;
  const ServerStats& s = server.stats();
  m.ops.Sample(now, s.total_commands_processed);
  m.net_in.Sample(now, s.net_input_bytes.load());
  m.net_out.Sample(now, s.net_output_bytes.load());
  m.memory_peak = std::max(m.memory_peak, server.UsedMemory());
}

std::string BytesToHuman(unsigned long long n) {
  static constexpr const char* kUnits[] = {"K", "M", "G", "T", "P"};
  char buf[64];
  double unit = 1024;
  for (const char* name : kUnits) {
    if (n >= 1024 && static_cast<double>(n) < unit * 1024) {
      std::snprintf(buf, sizeof(buf), "%.2f%s", static_cast<double>(n) / unit, name);
      return buf;
    }
    unit *= 1024;
  }
  std::snprintf(buf, sizeof(buf), "%lluB", n);
  return buf;
}

size_t ResidentSetSize() {
  std::ifstream statm("/proc/self/statm");
  size_t size = 0;
  size_t resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return resident * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace tandem::commands
