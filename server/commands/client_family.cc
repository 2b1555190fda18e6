// CLIENT ID SETNAME GETNAME LIST INFO KILL REPLY NO-EVICT PAUSE UNPAUSE UNBLOCK GETREDIR
// TRACKINGINFO CACHING HELP.
#include "server/commands/client_family.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "protocol/errors.h"
#include "server/commands/arg_parser.h"
#include "server/commands/block_on_keys.h"
#include "server/commands/families.h"
#include "server/commands/subcommand_replies.h"
#include "server/engine/ascii.h"
#include "server/engine/db_set.h"
#include "server/engine/numbers.h"
#include "server/server_state.h"

namespace tandem::commands {

namespace {

// Redis's client types (getClientTypeByName). Tandem has no replication links, so every
// client is normal, or pubsub while subscribed.
enum class ClientType { kNormal, kReplica, kPubSub, kMaster };

ClientType TypeOf(const ClientState& client) { return ClientType::kNormal; }

// Redis's getClientTypeByName (strcasecmp, so the name ends at a NUL byte).
bool ParseClientType(std::string_view name, ClientType* type) {
  const CmdArgs arg(&name, 1);
  ArgParser parser(arg);
  *type = parser.MapNext("NORMAL", ClientType::kNormal, "SLAVE", ClientType::kReplica, "REPLICA",
                         ClientType::kReplica, "PUBSUB", ClientType::kPubSub, "MASTER",
                         ClientType::kMaster);
  return parser.Ok();
}

// Redis prints the name with %s: it ends at a NUL byte.
std::string UnknownTypeError(std::string_view name) {
  return "ERR Unknown client type '" + std::string(engine::CStringPart(name)) + "'";
}

// Clients in creation order, as Redis lists them.
std::vector<ClientState*> ClientsById(ServerState& server) {
  std::vector<ClientState*> out;
  out.reserve(server.clients().size());
  for (auto& [id, client] : server.clients()) out.push_back(client);
  std::sort(out.begin(), out.end(),
            [](const ClientState* a, const ClientState* b) { return a->id < b->id; });
  return out;
}

// CLIENT ID
void CmdClientId(CmdArgs argv, CommandContext& ctx) {
  ctx.rb.SendLong(static_cast<long long>(ctx.client.id));
}

// CLIENT SETNAME name
void CmdClientSetName(CmdArgs argv, CommandContext& ctx) {
  if (!IsValidClientName(argv[2])) return ctx.rb.SendError(protocol::kErrBadClientName);
  ctx.client.name = std::string(argv[2]);
  ctx.rb.SendOk();
}

// CLIENT GETNAME
void CmdClientGetName(CmdArgs argv, CommandContext& ctx) {
  if (ctx.client.name.empty()) return ctx.rb.SendNull();
  ctx.rb.SendBulk(ctx.client.name);
}

// CLIENT LIST [TYPE NORMAL|MASTER|REPLICA|PUBSUB] [ID client-id ...]
void CmdClientList(CmdArgs argv, CommandContext& ctx) {
  int64_t now = engine::WallClockMs();
  auto line = [&](const ClientState& c) {
    return ClientInfoLine(c, now, &c == &ctx.client ? &argv : nullptr) + "\n";
  };
  std::string out;
  ArgParser parser(argv.subspan(2));
  if (parser.Remaining() == 2 && parser.Check("TYPE")) {
    std::string_view name = parser.Next();
    ClientType type;
    if (!ParseClientType(name, &type)) return ctx.rb.SendError(UnknownTypeError(name));
    for (ClientState* c : ClientsById(ctx.server)) {
      if (TypeOf(*c) == type) out += line(*c);
    }
  } else if (parser.Remaining() >= 2 && parser.Check("ID")) {
    while (parser.HasNext()) {
      long long id;
      if (!engine::StringToLL(parser.Next(), &id)) {
        return ctx.rb.SendError(protocol::kErrInvalidClientId);
      }
      auto it = ctx.server.clients().find(static_cast<uint64_t>(id));
      if (id > 0 && it != ctx.server.clients().end()) out += line(*it->second);
    }
  } else if (parser.HasNext()) {
    return ctx.rb.SendError(protocol::kErrSyntax);
  } else {
    for (ClientState* c : ClientsById(ctx.server)) out += line(*c);
  }
  ctx.rb.SendVerbatim(out);
}

// CLIENT INFO
void CmdClientInfo(CmdArgs argv, CommandContext& ctx) {
  ctx.rb.SendVerbatim(ClientInfoLine(ctx.client, engine::WallClockMs(), &argv) + "\n");
}

// What CLIENT KILL selects; unset fields match every client.
struct KillFilter {
  std::string_view addr;
  std::string_view laddr;
  std::optional<ClientType> type;
  uint64_t id = 0;
  bool skipme = true;
};

// Parses the new form's option/value pairs; returns an error text or "".
std::string ParseKillFilter(CmdArgs args, KillFilter* f) {
  ArgParser parser(args);
  while (parser.HasNext()) {
    if (parser.Remaining() < 2) {
      parser.Fail();  // every option takes a value
    } else if (parser.Check("ID")) {
      long long id;
      if (engine::StringToLL(parser.Next(), &id) && id >= 1) {
        f->id = static_cast<uint64_t>(id);
      } else {
        parser.Fail(protocol::kErrClientIdPositive);
      }
    } else if (parser.Check("TYPE")) {
      std::string_view name = parser.Next();
      ClientType type;
      if (ParseClientType(name, &type)) {
        f->type = type;
      } else {
        parser.Fail(UnknownTypeError(name));
      }
    } else if (parser.Check("ADDR")) {
      f->addr = parser.Next();
    } else if (parser.Check("LADDR")) {
      f->laddr = parser.Next();
    } else if (parser.Check("USER")) {
      // Tandem has only the "default" user.
      std::string_view user = parser.Next();
      if (user != "default") {
        parser.Fail("ERR No such user '" + std::string(engine::CStringPart(user)) + "'");
      }
    } else if (parser.Check("SKIPME")) {
      f->skipme = parser.MapNext("YES", true, "NO", false);
    } else {
      parser.Fail();
    }
  }
  return parser.Finalize() ? std::string() : std::string(parser.ErrorText());
}

bool KillMatches(const KillFilter& f, const ClientState& c, const ClientState& self) {
  if (!f.addr.empty() && c.addr != f.addr) return false;
  if (!f.laddr.empty() && c.laddr != f.laddr) return false;
  if (f.type && TypeOf(c) != *f.type) return false;
  if (f.id != 0 && c.id != f.id) return false;
  if (&c == &self && f.skipme) return false;
  return true;
}

// CLIENT KILL ip:port | CLIENT KILL [ID id] [TYPE type] [ADDR a] [LADDR a] [USER u]
//                                   [SKIPME yes|no] ...
void CmdClientKill(CmdArgs argv, CommandContext& ctx) {
  KillFilter filter;
  bool old_form = argv.size() == 3;
  if (old_form) {
    filter.addr = argv[2];
    filter.skipme = false;  // the old form may kill the caller
  } else if (std::string err = ParseKillFilter(argv.subspan(2), &filter); !err.empty()) {
    return ctx.rb.SendError(err);
  }
  long long killed = 0;
  bool close_self = false;
  for (ClientState* c : ClientsById(ctx.server)) {
    if (!KillMatches(filter, *c, ctx.client)) continue;
    if (c == &ctx.client) {
      close_self = true;
    } else {
      KillClient(ctx.server, *c);
    }
    ++killed;
  }
  if (old_form) {
    killed == 0 ? ctx.rb.SendError(protocol::kErrNoSuchClient) : ctx.rb.SendOk();
  } else {
    ctx.rb.SendLong(killed);
  }
  if (close_self) ctx.client.close_after_reply = true;
}

// CLIENT REPLY ON|OFF|SKIP
void CmdClientReply(CmdArgs argv, CommandContext& ctx) {
  using Mode = ClientState::ReplyMode;
  ArgParser parser(argv.subspan(2));
  const Mode mode = parser.MapNext("ON", Mode::kOn, "OFF", Mode::kOff, "SKIP", Mode::kSkipNext);
  if (!parser.Finalize()) return ctx.rb.SendError(parser.ErrorText());
  if (mode == Mode::kOn) {
    ctx.client.reply_mode = Mode::kOn;
    ctx.rb.SendOk();
  } else if (mode == Mode::kOff || ctx.client.reply_mode != Mode::kOff) {
    ctx.client.reply_mode = mode;  // SKIP does nothing while replies are OFF
  }
}

// CLIENT NO-EVICT ON|OFF
void CmdClientNoEvict(CmdArgs argv, CommandContext& ctx) {
  ArgParser parser(argv.subspan(2));
  const bool on = parser.MapNext("ON", true, "OFF", false);
  if (!parser.Finalize()) return ctx.rb.SendError(parser.ErrorText());
  ctx.client.no_evict = on;
  ctx.rb.SendOk();
}

// CLIENT PAUSE timeout [WRITE | ALL]
void CmdClientPause(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() > 4) return ctx.rb.SendError(SubcommandSyntaxError(argv));
  ArgParser mode(argv.subspan(3));
  const bool writes_only = mode.HasNext() && mode.MapNext("WRITE", true, "ALL", false);
  if (!mode.Ok()) return ctx.rb.SendError(protocol::kErrPauseMode);
  long long timeout;
  if (!engine::StringToLL(argv[2], &timeout)) {
    return ctx.rb.SendError(protocol::kErrTimeoutNotInteger);
  }
  if (timeout < 0) return ctx.rb.SendError(protocol::kErrTimeoutNegative);
  int64_t now = engine::WallClockMs();
  // Redis adds the current time without an overflow check: a huge timeout wraps into the
  // past and pauses nothing.
  int64_t end = timeout == 0 ? 0 : (timeout > LLONG_MAX - now ? LLONG_MIN : timeout + now);
  ServerState& server = ctx.server;
  bool active = server.pause_until_ms != 0 && server.pause_until_ms > now;
  if (active) {
    // Like Redis, a new pause extends the current one and the stronger mode wins.
    server.pause_until_ms = std::max(server.pause_until_ms, end);
    server.pause_writes_only = server.pause_writes_only && writes_only;
  } else if (end > now) {
    server.pause_until_ms = end;
    server.pause_writes_only = writes_only;
  }
  ctx.rb.SendOk();
}

// CLIENT UNPAUSE
void CmdClientUnpause(CmdArgs argv, CommandContext& ctx) {
  ctx.server.pause_until_ms = 0;
  ctx.server.pause_writes_only = false;
  ctx.server.blocking().WakePaused();
  ctx.rb.SendOk();
}

// CLIENT UNBLOCK client-id [TIMEOUT | ERROR]
void CmdClientUnblock(CmdArgs argv, CommandContext& ctx) {
  if (argv.size() > 4) return ctx.rb.SendError(SubcommandSyntaxError(argv));
  long long id;
  if (!engine::StringToLL(argv[2], &id)) return ctx.rb.SendError(protocol::kErrNotInteger);
  ArgParser reason(argv.subspan(3));
  bool as_error = false;
  if (reason.HasNext() && !reason.Check("TIMEOUT")) {
    if (!reason.Check("ERROR")) return ctx.rb.SendError(protocol::kErrUnblockReason);
    as_error = true;
  }
  auto it = ctx.server.clients().find(static_cast<uint64_t>(id));
  bool unblocked =
      it != ctx.server.clients().end() && UnblockClient(ctx.server, *it->second, as_error);
  ctx.rb.SendLong(unblocked ? 1 : 0);
}

// CLIENT TRACKING ON|OFF [REDIRECT id] [PREFIX prefix ...] [BCAST] [OPTIN] [OPTOUT] [NOLOOP]
// Options are checked in Redis's order: while parsing (REDIRECT's target must exist now),
// then against each other and the client's current mode.
void CmdClientTracking(CmdArgs argv, CommandContext& ctx) {
  long long redirect = 0;
  bool bcast = false, optin = false, optout = false, noloop = false;
  std::vector<std::string_view> prefixes;
  for (size_t j = 3; j < argv.size(); ++j) {
    const bool more = j + 1 < argv.size();
    std::string_view opt = argv[j];
    if (engine::EqualsIgnoreCase(opt, "redirect") && more) {
      ++j;
      if (redirect != 0) return ctx.rb.SendError(protocol::kErrTrackingOneRedirect);
      if (!engine::StringToLL(argv[j], &redirect)) {
        return ctx.rb.SendError(protocol::kErrNotInteger);
      }
      if (!ctx.server.clients().contains(static_cast<uint64_t>(redirect))) {
        return ctx.rb.SendError(protocol::kErrTrackingNoRedirectTarget);
      }
    } else if (engine::EqualsIgnoreCase(opt, "bcast")) {
      bcast = true;
    } else if (engine::EqualsIgnoreCase(opt, "optin")) {
      optin = true;
    } else if (engine::EqualsIgnoreCase(opt, "optout")) {
      optout = true;
    } else if (engine::EqualsIgnoreCase(opt, "noloop")) {
      noloop = true;
    } else if (engine::EqualsIgnoreCase(opt, "prefix") && more) {
      prefixes.push_back(argv[++j]);
    } else {
      return ctx.rb.SendError(protocol::kErrSyntax);
    }
  }
  ClientState& c = ctx.client;
  TrackingRegistry& tracking = ctx.server.tracking();
  if (engine::EqualsIgnoreCase(argv[2], "off")) {
    tracking.Disable(&c);
    return ctx.rb.SendOk();
  }
  if (!engine::EqualsIgnoreCase(argv[2], "on")) return ctx.rb.SendError(protocol::kErrSyntax);
  if (!bcast && !prefixes.empty()) {
    return ctx.rb.SendError(protocol::kErrTrackingPrefixNeedsBcast);
  }
  if (c.tracking.on && c.tracking.bcast != bcast) {
    return ctx.rb.SendError(protocol::kErrTrackingBcastSwitch);
  }
  if (bcast && (optin || optout)) return ctx.rb.SendError(protocol::kErrTrackingOptInBcast);
  if (optin && optout) return ctx.rb.SendError(protocol::kErrTrackingOptInOptOut);
  if ((optin && c.tracking.optout) || (optout && c.tracking.optin)) {
    return ctx.rb.SendError(protocol::kErrTrackingOptSwitch);
  }
  if (bcast) {
    bool go_on = false;
    std::string err = tracking.PrefixCollision(&c, prefixes, &go_on);
    if (!err.empty()) {
      ctx.rb.SendError(err);
      // Redis 7.0.15 reports a collision found past the first prefix and then enables
      // tracking all the same, replying +OK as well.
      if (!go_on) return;
    }
  }
  tracking.Enable(&c, static_cast<uint64_t>(redirect), bcast, optin, optout, noloop, prefixes);
  ctx.rb.SendOk();
}

// CLIENT GETREDIR
void CmdClientGetRedir(CmdArgs argv, CommandContext& ctx) {
  const ClientState::Tracking& t = ctx.client.tracking;
  ctx.rb.SendLong(t.on ? static_cast<long long>(t.redirect) : -1);
}

// CLIENT TRACKINGINFO
void CmdClientTrackingInfo(CmdArgs argv, CommandContext& ctx) {
  const ClientState::Tracking& t = ctx.client.tracking;
  std::vector<std::string_view> flags{t.on ? "on" : "off"};
  if (t.bcast) flags.push_back("bcast");
  if (t.optin) flags.push_back("optin");
  if (t.optin && t.caching) flags.push_back("caching-yes");
  if (t.optout) flags.push_back("optout");
  if (t.optout && t.caching) flags.push_back("caching-no");
  if (t.noloop) flags.push_back("noloop");
  if (t.broken_redir) flags.push_back("broken_redirect");
  ctx.rb.StartMap(3);
  ctx.rb.SendBulk("flags");
  ctx.rb.StartSet(flags.size());
  for (std::string_view f : flags) ctx.rb.SendBulk(f);
  ctx.rb.SendBulk("redirect");
  ctx.rb.SendLong(t.on ? static_cast<long long>(t.redirect) : -1);
  ctx.rb.SendBulk("prefixes");
  ctx.rb.StartArray(t.prefixes.size());
  for (const std::string& p : t.prefixes) ctx.rb.SendBulk(p);
}

// CLIENT CACHING YES|NO
void CmdClientCaching(CmdArgs argv, CommandContext& ctx) {
  ClientState::Tracking& t = ctx.client.tracking;
  if (!t.on) return ctx.rb.SendError(protocol::kErrCachingNotTracking);
  if (engine::EqualsIgnoreCase(argv[2], "yes")) {
    if (!t.optin) return ctx.rb.SendError(protocol::kErrCachingYesNeedsOptin);
  } else if (engine::EqualsIgnoreCase(argv[2], "no")) {
    if (!t.optout) return ctx.rb.SendError(protocol::kErrCachingNoNeedsOptout);
  } else {
    return ctx.rb.SendError(protocol::kErrSyntax);
  }
  t.caching = true;
  ctx.rb.SendOk();
}

// CLIENT HELP
void CmdClientHelp(CmdArgs argv, CommandContext& ctx) {
  SendHelp(ctx.rb, "CLIENT",
           {"CACHING (YES|NO)",
            "    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.",
            "GETREDIR",
            "    Return the client ID we are redirecting to when tracking is enabled.",
            "GETNAME",
            "    Return the name of the current connection.",
            "ID",
            "    Return the ID of the current connection.",
            "INFO",
            "    Return information about the current client connection.",
            "KILL <ip:port>",
            "    Kill connection made from <ip:port>.",
            "KILL <option> <value> [<option> <value> [...]]",
            "    Kill connections. Options are:",
            "    * ADDR (<ip:port>|<unixsocket>:0)",
            "      Kill connections made from the specified address",
            "    * LADDR (<ip:port>|<unixsocket>:0)",
            "      Kill connections made to specified local address",
            "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
            "      Kill connections by type.",
            "    * USER <username>",
            "      Kill connections authenticated by <username>.",
            "    * SKIPME (YES|NO)",
            "      Skip killing current connection (default: yes).",
            "LIST [options ...]",
            "    Return information about client connections. Options:",
            "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
            "      Return clients of specified type.",
            "UNPAUSE",
            "    Stop the current client pause, resuming traffic.",
            "PAUSE <timeout> [WRITE|ALL]",
            "    Suspend all, or just write, clients for <timeout> milliseconds.",
            "REPLY (ON|OFF|SKIP)",
            "    Control the replies sent to the current connection.",
            "SETNAME <name>",
            "    Assign the name <name> to the current connection.",
            "UNBLOCK <clientid> [TIMEOUT|ERROR]",
            "    Unblock the specified blocked client.",
            "TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]",
            "         [OPTIN] [OPTOUT] [NOLOOP]",
            "    Control server assisted client side caching.",
            "TRACKINGINFO",
            "    Report tracking status for the current connection.",
            "NO-EVICT (ON|OFF)",
            "    Protect current client connection from eviction."});
}

}  // namespace

bool IsValidClientName(std::string_view name) {
  return std::all_of(name.begin(), name.end(), [](char c) { return c >= '!' && c <= '~'; });
}

std::string ClientInfoLine(const ClientState& c, int64_t now_ms, const CmdArgs* running) {
  // For the asking client: its command is still in the query buffer (as in Redis), and its
  // pending output is the previous batch's replies, already on their way.
  size_t argv_bytes = 0;
  size_t qbuf = c.query_buf;
  size_t qbuf_free = c.query_buf_free;
  size_t output = c.output_bytes;
  if (running) {
    qbuf = 1 + std::to_string(running->size()).size() + 2;
    for (std::string_view a : *running) {
      argv_bytes += a.size();
      qbuf += 1 + std::to_string(a.size()).size() + 2 + a.size() + 2;
    }
    constexpr size_t kReadBufferBytes = 16 * 1024;
    if (qbuf_free == 0) qbuf_free = qbuf < kReadBufferBytes ? kReadBufferBytes - qbuf : 0;
    output = 0;
  }
  std::string flags;
  if (c.monitor) flags += 'O';
  if (c.pubsub) flags += 'P';
  if (c.in_multi) flags += 'x';
  if (c.blocked) flags += 'b';
  if (c.tracking.on) flags += 't';
  if (c.tracking.broken_redir) flags += 'R';
  if (c.tracking.bcast) flags += 'B';
  if (c.dirty_cas) flags += 'd';
  if (c.close_after_reply) flags += 'c';
  if (c.unix_socket) flags += 'U';
  if (c.no_evict) flags += 'e';
  if (flags.empty()) flags = "N";
  // Memory: the read buffer, pending output, the running command's arguments, and the
  // connection's fixed structures.
  constexpr size_t kFixedBytes = 1024;
  constexpr size_t kReplyBufferBytes = 16 * 1024;
  // Redis's multi-mem: the queued arguments and a 24-byte record per queued command.
  const size_t multi_mem = c.in_multi ? c.multi_bytes + 24 * c.multi_queue.size() : 0;
  size_t tot_mem = qbuf + qbuf_free + output + argv_bytes + multi_mem + kFixedBytes;
  char buf[512];
  std::snprintf(
      buf, sizeof(buf),
      " age=%lld idle=%lld flags=%s db=%d sub=%zu psub=%zu ssub=%zu multi=%lld qbuf=%zu "
      "qbuf-free=%zu argv-mem=%zu multi-mem=%zu rbs=%zu rbp=%zu obl=%zu oll=0 omem=0 "
      "tot-mem=%zu events=%s cmd=",
      static_cast<long long>((now_ms - c.created_ms) / 1000),
      static_cast<long long>((now_ms - c.last_interaction_ms) / 1000), flags.c_str(), c.db_index,
      c.sub_channels.size(), c.sub_patterns.size(), c.sub_shard_channels.size(),
      c.in_multi ? static_cast<long long>(c.multi_queue.size()) : -1LL, qbuf, qbuf_free, argv_bytes,
      multi_mem, kReplyBufferBytes, output, output, tot_mem, output > 0 ? "rw" : "r");
  std::string line = "id=" + std::to_string(c.id) + " addr=" + c.addr + " laddr=" + c.laddr +
                     " fd=" + std::to_string(c.fd) + " name=" + c.name;
  line += buf;
  line += c.last_cmd;
  line += " user=default redir=";
  line += std::to_string(c.tracking.on ? static_cast<long long>(c.tracking.redirect) : -1LL);
  line += " resp=" + std::to_string(c.resp);
  return line;
}

void KillClient(ServerState& server, ClientState& client) {
  server.clients().erase(client.id);
  auto& monitors = server.monitors();
  monitors.erase(std::remove(monitors.begin(), monitors.end(), &client), monitors.end());
  client.killed = true;
  if (client.kill) client.kill();
}

void RegisterClientFamily(CommandTable& table) {
  // clang-format off
  constexpr uint32_t kBase = kNoScript | kLoading | kStale;
  constexpr uint32_t kAdminBase = kAdmin | kBase;
  table.Register({.name = "client", .arity = -2});
  table.Register({.name = "client|caching", .arity = 3, .flags = kBase,
                  .handler = &CmdClientCaching});
  table.Register({.name = "client|getname", .arity = 2, .flags = kBase,
                  .handler = &CmdClientGetName});
  table.Register({.name = "client|getredir", .arity = 2, .flags = kBase,
                  .handler = &CmdClientGetRedir});
  table.Register({.name = "client|help", .arity = 2, .flags = kLoading | kStale,
                  .handler = &CmdClientHelp});
  table.Register({.name = "client|id", .arity = 2, .flags = kBase, .handler = &CmdClientId});
  table.Register({.name = "client|info", .arity = 2, .flags = kBase, .handler = &CmdClientInfo});
  table.Register({.name = "client|kill", .arity = -3, .flags = kAdminBase,
                  .handler = &CmdClientKill});
  table.Register({.name = "client|list", .arity = -2, .flags = kAdminBase,
                  .handler = &CmdClientList});
  table.Register({.name = "client|no-evict", .arity = 3, .flags = kAdminBase,
                  .handler = &CmdClientNoEvict});
  table.Register({.name = "client|pause", .arity = -3, .flags = kAdminBase,
                  .handler = &CmdClientPause});
  table.Register({.name = "client|reply", .arity = 3, .flags = kBase, .handler = &CmdClientReply});
  table.Register({.name = "client|setname", .arity = 3, .flags = kBase,
                  .handler = &CmdClientSetName});
  table.Register({.name = "client|tracking", .arity = -3, .flags = kBase,
                  .handler = &CmdClientTracking});
  table.Register({.name = "client|trackinginfo", .arity = 2, .flags = kBase,
                  .handler = &CmdClientTrackingInfo});
  table.Register({.name = "client|unblock", .arity = -3, .flags = kAdminBase,
                  .handler = &CmdClientUnblock});
  table.Register({.name = "client|unpause", .arity = 2, .flags = kAdminBase,
                  .handler = &CmdClientUnpause});
  // clang-format on
}

}  // namespace tandem::commands
