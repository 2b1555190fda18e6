#include "server/pubsub/pubsub_registry.h"

#include <algorithm>

#include "server/engine/glob.h"

namespace tandem::commands {
protocol::PushPtr MakeMessagePush(std::string_view kind, std::string_view channel,
                                  std::string_view message) {
  return protocol::Push::Bulks(protocol::Push::Kind::kPubSub, {kind, channel, message});
}

protocol::PushPtr MakePMessagePush(std::string_view pattern, std::string_view channel,
                                   std::string_view message) {
  return protocol::Push::Bulks(protocol::Push::Kind::kPubSub,
                               {"pmessage", pattern, channel, message});
}

bool PubSubRegistry::Subscribe(ClientState* client, std::string_view channel, Kind kind) {
  auto& mine = kind == Kind::kShard ? client->sub_shard_channels : client->sub_channels;
  if (!mine.emplace(channel).second) return false;
  Map(kind)[std::string(channel)].push_back(client);
  client->pubsub = true;
  return true;
}

void PubSubRegistry::Remove(ChannelMap& map, const std::string& name, ClientState* client) {
  auto it = map.find(name);
  if (it == map.end()) return;
  auto& v = it->second;
  v.erase(std::remove(v.begin(), v.end(), client), v.end());
  if (v.empty()) map.erase(it);
}

bool PubSubRegistry::Unsubscribe(ClientState* client, std::string_view channel, Kind kind) {
  auto& mine = kind == Kind::kShard ? client->sub_shard_channels : client->sub_channels;
  auto it = mine.find(std::string(channel));
  if (it == mine.end()) return false;
  Remove(Map(kind), *it, client);
  mine.erase(it);
  client->pubsub = client->subscriptions() + client->sub_shard_channels.size() > 0;
  return true;
}

bool PubSubRegistry::PSubscribe(ClientState* client, std::string_view pattern) {
  auto& mine = client->sub_patterns;
  if (std::find(mine.begin(), mine.end(), pattern) != mine.end()) return false;
  mine.emplace_back(pattern);
  patterns_[std::string(pattern)].push_back(client);
  client->pubsub = true;
  return true;
}

bool PubSubRegistry::PUnsubscribe(ClientState* client, std::string_view pattern) {
  auto& mine = client->sub_patterns;
  auto it = std::find(mine.begin(), mine.end(), pattern);
  if (it == mine.end()) return false;
  Remove(patterns_, *it, client);
  mine.erase(it);
  client->pubsub = client->subscriptions() + client->sub_shard_channels.size() > 0;
  return true;
}

void PubSubRegistry::UnsubscribeAll(ClientState* client) {
  for (const auto& c : client->sub_channels) Remove(channels_, c, client);
  for (const auto& c : client->sub_shard_channels) Remove(shard_channels_, c, client);
  for (const auto& p : client->sub_patterns) Remove(patterns_, p, client);
  client->sub_channels.clear();
  client->sub_shard_channels.clear();
  client->sub_patterns.clear();
  client->pubsub = false;
}

void PubSubRegistry::Deliver(ClientState* client, const protocol::PushPtr& push) {
  if (client == caller_ && caller_rb_ != nullptr) {
    push->Replay(*caller_rb_);
  } else {
    outbox_.Stage(client, push);
  }
}

size_t PubSubRegistry::Publish(std::string_view channel, std::string_view message, Kind kind) {
  size_t receivers = 0;
  const ChannelMap& map = Map(kind);
  if (!map.empty()) {
    auto it = map.find(std::string(channel));
    if (it != map.end()) {
      auto push = MakeMessagePush(kind == Kind::kShard ? "smessage" : "message", channel, message);
      for (ClientState* c : it->second) Deliver(c, push);
      receivers += it->second.size();
    }
  }
  if (kind == Kind::kChannel) {
    for (const auto& [pattern, clients] : patterns_) {
      if (!engine::GlobMatch(pattern, channel)) continue;
      auto push = MakePMessagePush(pattern, channel, message);
      for (ClientState* c : clients) Deliver(c, push);
      receivers += clients.size();
    }
  }
  return receivers;
}

std::vector<std::string> PubSubRegistry::Channels(std::string_view pattern, Kind kind) const {
  std::vector<std::string> out;
  for (const auto& [name, clients] : Map(kind)) {
    if (pattern.empty() || engine::GlobMatch(pattern, name)) out.push_back(name);
  }
  return out;
}

size_t PubSubRegistry::Subscribers(std::string_view channel, Kind kind) const {
  auto it = Map(kind).find(std::string(channel));
  return it == Map(kind).end() ? 0 : it->second.size();
}

}  // namespace tandem::commands
