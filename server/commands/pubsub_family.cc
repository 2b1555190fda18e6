// Pub/sub commands: SUBSCRIBE UNSUBSCRIBE PSUBSCRIBE PUNSUBSCRIBE SSUBSCRIBE SUNSUBSCRIBE
// PUBLISH SPUBLISH PUBSUB. The registry (server/pubsub/) keeps the subscriptions and
// delivers; the subscribed-context rule of RESP2 is checked at admission (dispatcher).
#include <string>

#include "protocol/errors.h"
#include "server/commands/families.h"
#include "server/commands/subcommand_replies.h"
#include "server/server_state.h"

namespace tandem::commands {
namespace {

using Kind = PubSubRegistry::Kind;

// ["subscribe", channel, count] and friends: a push in RESP3, an array in RESP2.
void SendSubscription(protocol::ReplyBuilder& rb, std::string_view what, const std::string* name,
                      size_t count) {
  rb.StartPush(3);
  rb.SendBulk(what);
  if (name) {
    rb.SendBulk(*name);
  } else {
    rb.SendNull();
  }
  rb.SendLong(static_cast<long long>(count));
}

// A client that expects exactly one reply per command (a script) cannot subscribe; EXEC
// may, for backward compatibility, as in Redis.
bool RefuseDenyBlocking(CommandContext& ctx, std::string_view command) {
  if (!ctx.client.deny_blocking || ctx.client.in_multi) return false;
  ctx.rb.SendError("ERR " + std::string(command) + " isn't allowed for a DENY BLOCKING client");
  return true;
}

// SUBSCRIBE channel [channel ...]
void CmdSubscribe(CmdArgs argv, CommandContext& ctx) {
  if (RefuseDenyBlocking(ctx, "SUBSCRIBE")) return;
  PubSubRegistry& reg = ctx.server.pubsub();
  for (size_t i = 1; i < argv.size(); ++i) {
    reg.Subscribe(&ctx.client, argv[i], Kind::kChannel);
    std::string name(argv[i]);
    SendSubscription(ctx.rb, "subscribe", &name, ctx.client.subscriptions());
  }
}

// SSUBSCRIBE shardchannel [shardchannel ...]
void CmdSSubscribe(CmdArgs argv, CommandContext& ctx) {
  if (RefuseDenyBlocking(ctx, "SSUBSCRIBE")) return;
  PubSubRegistry& reg = ctx.server.pubsub();
  for (size_t i = 1; i < argv.size(); ++i) {
    reg.Subscribe(&ctx.client, argv[i], Kind::kShard);
    std::string name(argv[i]);
    SendSubscription(ctx.rb, "ssubscribe", &name, ctx.client.sub_shard_channels.size());
  }
}

// PSUBSCRIBE pattern [pattern ...]
void CmdPSubscribe(CmdArgs argv, CommandContext& ctx) {
  if (RefuseDenyBlocking(ctx, "PSUBSCRIBE")) return;
  PubSubRegistry& reg = ctx.server.pubsub();
  for (size_t i = 1; i < argv.size(); ++i) {
    reg.PSubscribe(&ctx.client, argv[i]);
    std::string name(argv[i]);
    SendSubscription(ctx.rb, "psubscribe", &name, ctx.client.subscriptions());
  }
}

// UNSUBSCRIBE / SUNSUBSCRIBE [channel ...]
void Unsubscribe(CmdArgs argv, CommandContext& ctx, Kind kind) {
  PubSubRegistry& reg = ctx.server.pubsub();
  ClientState& c = ctx.client;
  const std::string_view what = kind == Kind::kShard ? "sunsubscribe" : "unsubscribe";
  auto count = [&] {
    return kind == Kind::kShard ? c.sub_shard_channels.size() : c.subscriptions();
  };
  std::vector<std::string> names;
  if (argv.size() > 1) {
    for (size_t i = 1; i < argv.size(); ++i) names.emplace_back(argv[i]);
  } else {
    const auto& mine = kind == Kind::kShard ? c.sub_shard_channels : c.sub_channels;
    names.assign(mine.begin(), mine.end());
    if (names.empty()) return SendSubscription(ctx.rb, what, nullptr, count());
  }
  for (const std::string& name : names) {
    reg.Unsubscribe(&c, name, kind);
    SendSubscription(ctx.rb, what, &name, count());
  }
}

void CmdUnsubscribe(CmdArgs argv, CommandContext& ctx) { Unsubscribe(argv, ctx, Kind::kChannel); }
void CmdSUnsubscribe(CmdArgs argv, CommandContext& ctx) { Unsubscribe(argv, ctx, Kind::kShard); }

// PUNSUBSCRIBE [pattern ...]
void CmdPUnsubscribe(CmdArgs argv, CommandContext& ctx) {
  PubSubRegistry& reg = ctx.server.pubsub();
  ClientState& c = ctx.client;
  std::vector<std::string> names;
  if (argv.size() > 1) {
    for (size_t i = 1; i < argv.size(); ++i) names.emplace_back(argv[i]);
  } else {
    names = c.sub_patterns;
    if (names.empty()) return SendSubscription(ctx.rb, "punsubscribe", nullptr, c.subscriptions());
  }
  for (const std::string& name : names) {
    reg.PUnsubscribe(&c, name);
    SendSubscription(ctx.rb, "punsubscribe", &name, c.subscriptions());
  }
}

// PUBLISH channel message
void CmdPublish(CmdArgs argv, CommandContext& ctx) {
  size_t n = ctx.server.pubsub().Publish(argv[1], argv[2], Kind::kChannel);
  ctx.rb.SendLong(static_cast<long long>(n));
}

// SPUBLISH shardchannel message
void CmdSPublish(CmdArgs argv, CommandContext& ctx) {
  size_t n = ctx.server.pubsub().Publish(argv[1], argv[2], Kind::kShard);
  ctx.rb.SendLong(static_cast<long long>(n));
}

// PUBSUB CHANNELS [pattern] / PUBSUB SHARDCHANNELS [pattern]
void Channels(CmdArgs argv, CommandContext& ctx, Kind kind) {
  if (argv.size() > 3) return ctx.rb.SendError(SubcommandSyntaxError(argv));
  auto names = ctx.server.pubsub().Channels(argv.size() == 3 ? argv[2] : "", kind);
  ctx.rb.StartArray(names.size());
  for (const auto& n : names) ctx.rb.SendBulk(n);
}
void CmdPubsubChannels(CmdArgs argv, CommandContext& ctx) { Channels(argv, ctx, Kind::kChannel); }
void CmdPubsubShardChannels(CmdArgs argv, CommandContext& ctx) {
  Channels(argv, ctx, Kind::kShard);
}

// PUBSUB NUMSUB [channel ...] / PUBSUB SHARDNUMSUB [shardchannel ...]
void NumSub(CmdArgs argv, CommandContext& ctx, Kind kind) {
  ctx.rb.StartArray(2 * (argv.size() - 2));
  for (size_t i = 2; i < argv.size(); ++i) {
    ctx.rb.SendBulk(argv[i]);
    ctx.rb.SendLong(static_cast<long long>(ctx.server.pubsub().Subscribers(argv[i], kind)));
  }
}
void CmdPubsubNumSub(CmdArgs argv, CommandContext& ctx) { NumSub(argv, ctx, Kind::kChannel); }
void CmdPubsubShardNumSub(CmdArgs argv, CommandContext& ctx) { NumSub(argv, ctx, Kind::kShard); }

// PUBSUB NUMPAT
void CmdPubsubNumPat(CmdArgs argv, CommandContext& ctx) {
  ctx.rb.SendLong(static_cast<long long>(ctx.server.pubsub().pattern_count()));
}

// PUBSUB HELP
void CmdPubsubHelp(CmdArgs argv, CommandContext& ctx) {
  SendHelp(ctx.rb, "PUBSUB",
           {"CHANNELS [<pattern>]",
            "    Return the currently active channels matching a <pattern> (default: '*').",
            "NUMPAT", "    Return number of subscriptions to patterns.", "NUMSUB [<channel> ...]",
            "    Return the number of subscribers for the specified channels, excluding",
            "    pattern subscriptions(default: no channels).", "SHARDCHANNELS [<pattern>]",
            "    Return the currently active shard level channels matching a <pattern> (default: "
            "'*').",
            "SHARDNUMSUB [<shardchannel> ...]",
            "    Return the number of subscribers for the specified shard level channel(s)"});
}

}  // namespace

void RegisterPubSubFamily(CommandTable& table) {
  // clang-format off
  constexpr uint32_t kSub = kPubSub | kNoScript | kLoading | kStale;
  constexpr uint32_t kPub = kPubSub | kLoading | kStale | kFast;
  constexpr uint32_t kInfo = kPubSub | kLoading | kStale;
  table.Register({.name = "subscribe", .arity = -2, .flags = kSub, .handler = &CmdSubscribe});
  table.Register({.name = "unsubscribe", .arity = -1, .flags = kSub, .handler = &CmdUnsubscribe});
  table.Register({.name = "psubscribe", .arity = -2, .flags = kSub, .handler = &CmdPSubscribe});
  table.Register({.name = "punsubscribe", .arity = -1, .flags = kSub,
                  .handler = &CmdPUnsubscribe});
  table.Register({.name = "ssubscribe", .arity = -2, .flags = kSub, .first_key = 1,
                  .last_key = -1, .step = 1, .handler = &CmdSSubscribe});
  table.Register({.name = "sunsubscribe", .arity = -1, .flags = kSub, .first_key = 1,
                  .last_key = -1, .step = 1, .handler = &CmdSUnsubscribe});
  table.Register({.name = "publish", .arity = 3, .flags = kPub, .handler = &CmdPublish});
  table.Register({.name = "spublish", .arity = 3, .flags = kPub, .first_key = 1, .last_key = 1,
                  .step = 1, .handler = &CmdSPublish});
  table.Register({.name = "pubsub", .arity = -2});
  table.Register({.name = "pubsub|channels", .arity = -2, .flags = kInfo,
                  .handler = &CmdPubsubChannels});
  table.Register({.name = "pubsub|help", .arity = 2, .flags = kLoading | kStale,
                  .handler = &CmdPubsubHelp});
  table.Register({.name = "pubsub|numpat", .arity = 2, .flags = kInfo,
                  .handler = &CmdPubsubNumPat});
  table.Register({.name = "pubsub|numsub", .arity = -2, .flags = kInfo,
                  .handler = &CmdPubsubNumSub});
  table.Register({.name = "pubsub|shardchannels", .arity = -2, .flags = kInfo,
                  .handler = &CmdPubsubShardChannels});
  table.Register({.name = "pubsub|shardnumsub", .arity = -2, .flags = kInfo,
                  .handler = &CmdPubsubShardNumSub});
  // clang-format on
}

}  // namespace tandem::commands
