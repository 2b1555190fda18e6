// Pub/sub: who listens to which channel, pattern and shard channel, and delivery of
// messages. Lives in ServerState; used only under the engine lock, by whichever io thread
// runs the publishing command.
//
// A message is built once as a typed protocol::Push and handed to every receiver's own
// loop through ClientState::push (encoded there, at most once per protocol version). The
// one exception is the calling client itself (a RESP3 subscriber publishing, a keyspace
// event of its own write): Redis puts that message in its output before the command's
// reply, so it goes straight into the caller's reply builder.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "protocol/push.h"
#include "protocol/reply_builder.h"
#include "server/client_state.h"
#include "server/push_outbox.h"

namespace tandem::commands {

class PubSubRegistry {
 public:
  enum class Kind { kChannel, kShard };

  explicit PubSubRegistry(PushOutbox& outbox) : outbox_(outbox) {}

  // The client whose command runs now, and where its replies go (nullptr between calls):
  // set by the dispatcher around each client call.
  void SetCaller(ClientState* client, protocol::ReplyBuilder* rb) {
    caller_ = client;
    caller_rb_ = rb;
  }

  // True if the client was not subscribed yet.
  bool Subscribe(ClientState* client, std::string_view channel, Kind kind);
  bool Unsubscribe(ClientState* client, std::string_view channel, Kind kind);
  bool PSubscribe(ClientState* client, std::string_view pattern);
  bool PUnsubscribe(ClientState* client, std::string_view pattern);
  // Drops every subscription of the client, without replies (disconnection, RESET).
  void UnsubscribeAll(ClientState* client);

  // PUBLISH / SPUBLISH: delivers `message` and returns how many clients received it
  // (channel subscribers, then pattern subscribers for each matching pattern).
  size_t Publish(std::string_view channel, std::string_view message, Kind kind);

  // Active channels (PUBSUB CHANNELS / SHARDCHANNELS) matching `pattern` (all if empty).
  std::vector<std::string> Channels(std::string_view pattern, Kind kind) const;
  size_t Subscribers(std::string_view channel, Kind kind) const;
  // No channel or pattern has a subscriber: publishing reaches nobody.
  bool idle() const { return channels_.empty() && patterns_.empty(); }
  size_t channel_count() const { return channels_.size(); }
  size_t shard_channel_count() const { return shard_channels_.size(); }
  size_t pattern_count() const { return patterns_.size(); }

 private:
  using ClientList = std::vector<ClientState*>;
  using ChannelMap = std::unordered_map<std::string, ClientList>;
  ChannelMap& Map(Kind kind) { return kind == Kind::kShard ? shard_channels_ : channels_; }
  const ChannelMap& Map(Kind kind) const {
    return kind == Kind::kShard ? shard_channels_ : channels_;
  }
  void Deliver(ClientState* client, const protocol::PushPtr& push);
  static void Remove(ChannelMap& map, const std::string& name, ClientState* client);

  ChannelMap channels_;
  ChannelMap shard_channels_;
  ChannelMap patterns_;  // pattern -> subscribers
  PushOutbox& outbox_;
  ClientState* caller_ = nullptr;
  protocol::ReplyBuilder* caller_rb_ = nullptr;
};

// The pushes of pub/sub: message, pmessage, smessage.
protocol::PushPtr MakeMessagePush(std::string_view kind, std::string_view channel,
                                  std::string_view message);
protocol::PushPtr MakePMessagePush(std::string_view pattern, std::string_view channel,
                                   std::string_view message);

}  // namespace tandem::commands
