// memcached's `stats` family and `lru_crawler metadump`, with Tandem's real numbers where
// the field has a meaning here and memcached's neutral values elsewhere.
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>

#include "protocol/memcache_errors.h"
#include "server/engine/key_write.h"
#include "server/memcache/text_protocol.h"
#include "server/server_state.h"

namespace tandem::memcache {
namespace {

class StatWriter {
 public:
  explicit StatWriter(std::string* out) : out_(out) {}
  void Add(std::string_view name, std::string_view value) {
    out_->append("STAT ");
    out_->append(name);
    out_->push_back(' ');
    out_->append(value);
    out_->append("\r\n");
  }
  void Add(std::string_view name, unsigned long long v) { Add(name, std::to_string(v)); }
  void End() { out_->append("END\r\n"); }

 private:
  std::string* out_;
};

std::string Rusage(const timeval& tv) {
  char buf[48];
  std::snprintf(buf, sizeof(buf), "%ld.%06ld", static_cast<long>(tv.tv_sec),
                static_cast<long>(tv.tv_usec));
  return buf;
}

// memcached's URL encoding of keys in metadump lines.
std::string UrlEncode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

}  // namespace

int SlabClass(size_t item_bytes) {
  static constexpr size_t kChunkSizes[] = {
      96,    120,    152,    192,    240,    304,    384,    480,    600,   752,
      944,   1184,   1480,   1856,   2320,   2904,   3632,   4544,   5680,  7104,
      8880,  11104,  13880,  17352,  21696,  27120,  33904,  42384,  52984, 66232,
      82792, 103496, 129376, 161720, 202152, 252696, 315872, 394840, 524288};
  constexpr int kClasses = sizeof(kChunkSizes) / sizeof(kChunkSizes[0]);
  for (int i = 0; i < kClasses; ++i) {
    if (item_bytes <= kChunkSizes[i]) return i + 1;
  }
  return kClasses;  // larger items are chained from the largest class's chunks
}

// stats [settings|items|slabs|sizes|conns|reset|detail]
void TextProtocol::Stats(const Request& req, std::string* out) {
  memcache::Stats& st = server_.memcache_stats;
  const Config& config = server_.config();
  engine::Database& d = db();
  const engine::KeyspaceStats& ks = server_.dbs().stats();
  const auto& t = req.tokens;
  StatWriter w(out);
  const int64_t now = now_ms();
  // An engine counter since the last `stats reset` (all of it after a RESP CONFIG RESETSTAT).
  auto since = [](uint64_t v, uint64_t base) { return v >= base ? v - base : v; };
  const uint64_t evictions = since(ks.evicted_keys, st.evictions_base);
  // Items the active expiry cycle and flush_all removed (memcached's crawler reclaims expired
  // and flushed items; those a command's lookup met are its get_expired instead).
  const uint64_t expired = since(ks.expired_keys, st.expired_base);
  const uint64_t reclaimed =
      (expired >= st.get_expired ? expired - st.get_expired : 0) + st.reclaimed;
  const uint64_t expired_unfetched =
      since(ks.expired_unfetched, st.expired_unfetched_base) + st.expired_unfetched;
  const uint64_t evicted_unfetched = since(ks.evicted_unfetched, st.evicted_unfetched_base);
  const unsigned threads =
      config.io_threads > 0 ? config.io_threads : std::max(1u, std::thread::hardware_concurrency());
  if (t.n == 1) {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    w.Add("pid", static_cast<unsigned long long>(getpid()));
    w.Add("uptime", static_cast<unsigned long long>((now - server_.start_time_ms()) / 1000));
    w.Add("time", static_cast<unsigned long long>(now / 1000));
    w.Add("version", "1.6.18");
    w.Add("libevent", "2.1.12-stable");
    w.Add("pointer_size", 64);
    w.Add("rusage_user", Rusage(ru.ru_utime));
    w.Add("rusage_system", Rusage(ru.ru_stime));
    w.Add("max_connections", config.maxclients);
    w.Add("curr_connections", st.curr_connections);
    w.Add("total_connections", st.total_connections);
    w.Add("rejected_connections", st.rejected_connections);
    w.Add("connection_structures", st.curr_connections + 1);
    for (const char* name :
         {"response_obj_oom", "response_obj_count", "response_obj_bytes", "read_buf_count",
          "read_buf_bytes", "read_buf_bytes_free", "read_buf_oom"}) {
      w.Add(name, 0);
    }
    w.Add("reserved_fds", 10);
    w.Add("cmd_get", st.cmd_get);
    w.Add("cmd_set", st.cmd_set);
    w.Add("cmd_flush", st.cmd_flush);
    w.Add("cmd_touch", st.cmd_touch);
    w.Add("cmd_meta", st.cmd_meta);
    w.Add("get_hits", st.get_hits);
    w.Add("get_misses", st.get_misses);
    w.Add("get_expired", st.get_expired);
    w.Add("get_flushed", st.get_flushed);
    w.Add("delete_misses", st.delete_misses);
    w.Add("delete_hits", st.delete_hits);
    w.Add("incr_misses", st.incr_misses);
    w.Add("incr_hits", st.incr_hits);
    w.Add("decr_misses", st.decr_misses);
    w.Add("decr_hits", st.decr_hits);
    w.Add("cas_misses", st.cas_misses);
    w.Add("cas_hits", st.cas_hits);
    w.Add("cas_badval", st.cas_badval);
    w.Add("touch_hits", st.touch_hits);
    w.Add("touch_misses", st.touch_misses);
    w.Add("store_too_large", st.store_too_large);
    w.Add("store_no_memory", st.store_no_memory);
    w.Add("auth_cmds", 0);
    w.Add("auth_errors", 0);
    w.Add("bytes_read", st.bytes_read);
    w.Add("bytes_written", st.bytes_written);
    w.Add("limit_maxbytes", config.maxmemory ? config.maxmemory : 64ull * 1024 * 1024);
    w.Add("accepting_conns", 1);
    w.Add("listen_disabled_num", 0);
    w.Add("time_in_listen_disabled_us", 0);
    w.Add("threads", threads);
    w.Add("conn_yields", 0);
    w.Add("hash_power_level", 16);
    w.Add("hash_bytes", d.bucket_bytes());
    w.Add("hash_is_expanding", d.rehashing() ? 1 : 0);
    for (const char* name :
         {"slab_reassign_rescues", "slab_reassign_chunk_rescues", "slab_reassign_evictions_nomem",
          "slab_reassign_inline_reclaim", "slab_reassign_busy_items", "slab_reassign_busy_deletes",
          "slab_reassign_running", "slabs_moved", "lru_crawler_running", "lru_crawler_starts",
          "lru_maintainer_juggles", "malloc_fails", "log_worker_dropped", "log_worker_written",
          "log_watcher_skipped", "log_watcher_sent", "log_watchers", "unexpected_napi_ids",
          "round_robin_fallback"}) {
      w.Add(name, 0);
    }
    w.Add("bytes", d.memory() - d.bucket_bytes());
    w.Add("curr_items", d.size());
    w.Add("total_items", st.total_items);
    w.Add("slab_global_page_pool", 0);
    w.Add("expired_unfetched", expired_unfetched);
    w.Add("evicted_unfetched", evicted_unfetched);
    w.Add("evicted_active", 0);
    w.Add("evictions", evictions);
    w.Add("reclaimed", reclaimed);
    for (const char* name :
         {"crawler_reclaimed", "crawler_items_checked", "lrutail_reflocked", "moves_to_cold",
          "moves_to_warm", "moves_within_lru", "direct_reclaims", "lru_bumps_dropped"}) {
      w.Add(name, 0);
    }
    return w.End();
  }
  std::string_view sub = t.tok[1];
  if (sub == "reset") {
    const uint64_t curr = st.curr_connections, total = st.total_connections,
                   rejected = st.rejected_connections;
    const uint32_t verbosity = st.verbosity;
    const int64_t flush_at = st.flush_at_ms;
    const bool slab_pages = st.slab_pages;
    st = memcache::Stats{};
    st.slab_pages = slab_pages;
    st.curr_connections = curr;
    st.total_connections = total;
    st.rejected_connections = rejected;
    st.verbosity = verbosity;
    st.flush_at_ms = flush_at;
    st.evictions_base = ks.evicted_keys;
    st.expired_base = ks.expired_keys;
    st.expired_unfetched_base = ks.expired_unfetched;
    st.evicted_unfetched_base = ks.evicted_unfetched;
    out->append("RESET\r\n");
    return;
  }
  if (sub == "detail") {
    out->append(protocol::memcache::kStatsDetailUsage);
    return;
  }
  if (sub == "settings") {
    std::string inter = config.memcached_bind.empty()
                            ? (config.bind.empty() ? "NULL" : config.bind[0])
                            : config.memcached_bind[0];
    if (!inter.empty() && inter[0] == '-') inter = inter.substr(1);
    w.Add("maxbytes", config.maxmemory ? config.maxmemory : 64ull * 1024 * 1024);
    w.Add("maxconns", config.maxclients);
    w.Add("tcpport", static_cast<unsigned long long>(config.memcached_port));
    w.Add("udpport", 0);
    w.Add("inter", inter);
    w.Add("verbosity", st.verbosity);
    w.Add("oldest", 0);
    w.Add("evictions", config.maxmemory_policy == "noeviction" ? "off" : "on");
    w.Add("domain_socket", "NULL");
    w.Add("umask", 700);
    w.Add("shutdown_command", config.memcached_enable_shutdown ? "yes" : "no");
    w.Add("growth_factor", "1.25");
    w.Add("chunk_size", 48);
    w.Add("num_threads", threads);
    w.Add("num_threads_per_udp", threads);
    w.Add("stat_key_prefix", ":");
    w.Add("detail_enabled", "no");
    w.Add("reqs_per_event", 20);
    w.Add("cas_enabled", "yes");
    w.Add("tcp_backlog", static_cast<unsigned long long>(config.tcp_backlog));
    w.Add("binding_protocol", "ascii");
    w.Add("auth_enabled_sasl", "no");
    w.Add("auth_enabled_ascii", "no");
    w.Add("item_size_max", static_cast<unsigned long long>(config.memcached_item_size_max));
    w.Add("maxconns_fast", "yes");
    w.Add("hashpower_init", 0);
    w.Add("slab_reassign", "yes");
    w.Add("slab_automove", 1);
    w.Add("slab_automove_ratio", "0.80");
    w.Add("slab_automove_window", 30);
    w.Add("slab_chunk_max", static_cast<unsigned long long>(config.memcached_item_size_max / 2));
    w.Add("lru_crawler", "yes");
    w.Add("lru_crawler_sleep", 100);
    w.Add("lru_crawler_tocrawl", 0);
    w.Add("tail_repair_time", 0);
    w.Add("flush_enabled", "yes");
    w.Add("dump_enabled", "yes");
    w.Add("hash_algorithm", "murmur3");
    w.Add("lru_maintainer_thread", "yes");
    w.Add("lru_segmented", "yes");
    w.Add("hot_lru_pct", 20);
    w.Add("warm_lru_pct", 40);
    w.Add("hot_max_factor", "0.20");
    w.Add("warm_max_factor", "2.00");
    w.Add("temp_lru", "no");
    w.Add("temporary_ttl", 61);
    w.Add("idle_timeout", static_cast<unsigned long long>(config.timeout));
    w.Add("watcher_logbuf_size", 262144);
    w.Add("worker_logbuf_size", 65536);
    w.Add("read_buf_mem_limit", 0);
    w.Add("track_sizes", "no");
    w.Add("inline_ascii_response", "no");
    w.Add("ext_item_size", 512);
    w.Add("ext_item_age", 4294967295ull);
    w.Add("ext_low_ttl", 0);
    w.Add("ext_recache_rate", 2000);
    w.Add("ext_wbuf_size", 4194304);
    w.Add("ext_compact_under", 0);
    w.Add("ext_drop_under", 0);
    w.Add("ext_max_sleep", 1000000);
    w.Add("ext_max_frag", "0.80");
    w.Add("slab_automove_freeratio", "0.010");
    w.Add("ext_drop_unread", "no");
    w.Add("ssl_enabled", "no");
    w.Add("ssl_chain_cert", "(null)");
    w.Add("ssl_key", "(null)");
    w.Add("ssl_verify_mode", 0);
    w.Add("ssl_keyformat", 1);
    w.Add("ssl_ciphers", "NULL");
    w.Add("ssl_ca_cert", "NULL");
    w.Add("ssl_wbuf_size", 16384);
    w.Add("ssl_session_cache", "no");
    w.Add("ssl_kernel_tls", "no");
    w.Add("ssl_min_version", "tlsv1.2");
    w.Add("num_napi_ids", "(null)");
    w.Add("memory_file", "(null)");
    return w.End();
  }
  if (sub == "items") {
    if (d.size() > 0) {
      auto add = [&](const char* name, unsigned long long v) {
        w.Add(std::string("items:1:") + name, v);
      };
      add("number", d.size());
      add("number_hot", 0);
      add("number_warm", 0);
      add("number_cold", d.size());
      add("age_hot", 0);
      add("age_warm", 0);
      add("age", 0);
      add("mem_requested", d.memory() - d.bucket_bytes());
      add("evicted", evictions);
      add("evicted_nonzero", 0);
      add("evicted_time", 0);
      add("outofmemory", 0);
      add("tailrepairs", 0);
      add("reclaimed", reclaimed);
      add("expired_unfetched", expired_unfetched);
      add("evicted_unfetched", evicted_unfetched);
      for (const char* name :
           {"evicted_active", "crawler_reclaimed", "crawler_items_checked", "lrutail_reflocked",
            "moves_to_cold", "moves_to_warm", "moves_within_lru", "direct_reclaims", "hits_to_hot",
            "hits_to_warm", "hits_to_cold", "hits_to_temp"}) {
        add(name, 0);
      }
    }
    return w.End();
  }
  if (sub == "slabs") {
    if (d.size() > 0 || st.slab_pages) {
      // One class of 96-byte chunks, as many 1 MB pages as the items need.
      constexpr uint64_t kChunksPerPage = 10922;
      const uint64_t pages =
          std::max<uint64_t>(1, (d.size() + kChunksPerPage - 1) / kChunksPerPage);
      w.Add("1:chunk_size", 96);
      w.Add("1:chunks_per_page", kChunksPerPage);
      w.Add("1:total_pages", pages);
      w.Add("1:total_chunks", pages * kChunksPerPage);
      w.Add("1:used_chunks", d.size());
      w.Add("1:free_chunks", pages * kChunksPerPage - d.size());
      w.Add("1:free_chunks_end", 0);
      w.Add("1:get_hits", st.get_hits);
      w.Add("1:cmd_set", st.cmd_set);
      w.Add("1:delete_hits", st.delete_hits);
      w.Add("1:incr_hits", st.incr_hits);
      w.Add("1:decr_hits", st.decr_hits);
      w.Add("1:cas_hits", st.cas_hits);
      w.Add("1:cas_badval", st.cas_badval);
      w.Add("1:touch_hits", st.touch_hits);
    }
    w.Add("active_slabs", d.size() > 0 || st.slab_pages ? 1 : 0);
    w.Add("total_malloced", d.memory());
    return w.End();
  }
  if (sub == "sizes") {
    w.Add("sizes_status", "disabled");
    return w.End();
  }
  if (sub == "conns") {
    return w.End();
  }
  out->append(protocol::memcache::kError);
}

// lru_crawler metadump <all|hash|classes>: one line per live item of the memcached database.
void TextProtocol::LruCrawler(const Request& req, std::string* out) {
  const auto& t = req.tokens;
  if (t.n < 3 || t.tok[1] != "metadump") {
    out->append(protocol::memcache::kError);
    return;
  }
  if (out->size() > batch_mark_) {
    out->append(protocol::memcache::kMetadumpPipelined);
    return;
  }
  engine::Database& d = db();
  const int64_t now = now_ms();
  const uint32_t lru_now = server_.dbs().lru_clock();
  uint64_t cursor = 0;
  do {
    cursor = d.Scan(cursor, [&](engine::Entry* e) {
      if (e->type() != engine::ObjType::kString || d.IsExpired(e, now)) return;
      char buf[24];
      const size_t size = e->StringValue(buf).size();
      const long long exp = e->has_expire() ? e->expire_at() / 1000 : -1;
      const long long la =
          now / 1000 - static_cast<long long>(engine::IdleSeconds(lru_now, e->lru()));
      char line[160];
      const size_t item_bytes = ItemBytes(e, size);
      std::snprintf(line, sizeof(line), " exp=%lld la=%lld cas=%llu fetch=%s cls=%d size=%zu\n",
                    exp, la, static_cast<unsigned long long>(e->has_version() ? e->version() : 0),
                    e->fetched() ? "yes" : "no", SlabClass(item_bytes), item_bytes);
      out->append("key=");
      out->append(UrlEncode(e->key()));
      out->append(line);
    });
  } while (cursor != 0);
  out->append("END\r\n");
}

}  // namespace tandem::memcache
