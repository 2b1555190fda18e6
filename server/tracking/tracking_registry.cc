#include "server/tracking/tracking_registry.h"

#include <algorithm>
#include <cstring>

namespace tandem::commands {
namespace {

using protocol::ReplyValue;

ReplyValue Bulk(std::string_view s) {
  ReplyValue v;
  v.kind = ReplyValue::Kind::kBulk;
  v.str = std::string(s);
  return v;
}

protocol::PushPtr MakePush(protocol::Push::Kind kind, std::vector<ReplyValue> items) {
  ReplyValue v;
  v.kind = ReplyValue::Kind::kPush;
  v.items = std::move(items);
  return std::make_shared<const protocol::Push>(kind, std::move(v));
}

// Redis's stringCheckPrefix: one is a prefix of the other (the empty prefix overlaps all).
bool Overlap(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size());
  return std::memcmp(a.data(), b.data(), n) == 0;
}

// What Redis's "%s" prints of a prefix: up to its first NUL.
std::string_view CString(std::string_view s) { return s.substr(0, s.find('\0')); }

}  // namespace

ClientState* TrackingRegistry::Lookup(uint64_t id) const {
  auto it = clients_.find(id);
  return it == clients_.end() ? nullptr : it->second;
}

void TrackingRegistry::AddPrefix(ClientState* client, std::string_view prefix) {
  Prefix& p = prefixes_[std::string(prefix)];
  if (std::find(p.clients.begin(), p.clients.end(), client) != p.clients.end()) return;
  p.clients.push_back(client);
  auto& mine = client->tracking.prefixes;
  auto at = std::lower_bound(mine.begin(), mine.end(), prefix);
  if (at == mine.end() || *at != prefix) mine.insert(at, std::string(prefix));
}

void TrackingRegistry::Enable(ClientState* client, uint64_t redirect, bool bcast, bool optin,
                              bool optout, bool noloop,
                              const std::vector<std::string_view>& prefixes) {
  ClientState::Tracking& t = client->tracking;
  if (!t.on) trackers_.push_back(client);
  t.on = true;
  t.broken_redir = t.bcast = t.optin = t.optout = t.noloop = false;
  t.redirect = redirect;
  if (bcast) {
    t.bcast = true;
    if (prefixes.empty()) AddPrefix(client, "");
    for (std::string_view p : prefixes) AddPrefix(client, p);
  }
  t.optin = optin;
  t.optout = optout;
  t.noloop = noloop;
}

void TrackingRegistry::Disable(ClientState* client) {
  ClientState::Tracking& t = client->tracking;
  if (t.bcast) {
    for (const std::string& name : t.prefixes) {
      auto it = prefixes_.find(name);
      if (it == prefixes_.end()) continue;
      auto& v = it->second.clients;
      v.erase(std::remove(v.begin(), v.end(), client), v.end());
      if (v.empty()) prefixes_.erase(it);
    }
    t.prefixes.clear();
  }
  if (t.on) {
    trackers_.erase(std::remove(trackers_.begin(), trackers_.end(), client), trackers_.end());
    t = ClientState::Tracking{};
  }
}

std::string TrackingRegistry::PrefixCollision(const ClientState* client,
                                              const std::vector<std::string_view>& prefixes,
                                              bool* ok_after_error) const {
  *ok_after_error = false;
  const char* kTail = ". Prefixes for a single client must not overlap.";
  for (size_t i = 0; i < prefixes.size(); ++i) {
    for (const std::string& mine : client->tracking.prefixes) {
      if (Overlap(mine, prefixes[i])) {
        return "ERR Prefix '" + std::string(CString(prefixes[i])) +
               "' overlaps with an existing prefix '" + std::string(CString(mine)) + "'" + kTail;
      }
    }
    for (size_t j = i + 1; j < prefixes.size(); ++j) {
      if (Overlap(prefixes[i], prefixes[j])) {
        // Redis 7.0 returns the index as its verdict: past the first prefix it goes on.
        *ok_after_error = i != 0;
        return "ERR Prefix '" + std::string(CString(prefixes[i])) +
               "' overlaps with another provided prefix '" + std::string(CString(prefixes[j])) +
               "'" + kTail;
      }
    }
  }
  return "";
}

void TrackingRegistry::RememberKeys(ClientState* client, std::span<const std::string_view> argv,
                                    const std::vector<int>& positions) {
  const ClientState::Tracking& t = client->tracking;
  if (!t.on || t.bcast) return;
  if ((t.optin && !t.caching) || (t.optout && t.caching)) return;
  for (int pos : positions) {
    std::string_view key = argv[pos];
    auto it = table_.find(key);
    if (it == table_.end()) it = table_.emplace(std::string(key), std::vector<uint64_t>()).first;
    auto& ids = it->second;
    if (std::find(ids.begin(), ids.end(), client->id) == ids.end()) {
      ids.push_back(client->id);
      ++total_items_;
    }
  }
}

void TrackingRegistry::Deliver(ClientState* to, protocol::PushPtr push) {
  // Pushes pass CLIENT REPLY OFF/SKIP (Redis's CLIENT_PUSHING), which drops what the caller's
  // command writes: then they take the mailbox, after the batch.
  using Mode = ClientState::ReplyMode;
  const bool replies_dropped = to->reply_mode == Mode::kOff || to->reply_mode == Mode::kSkipThis;
  if (to == caller_ && caller_rb_ != nullptr && !replies_dropped) {
    push->Replay(*caller_rb_);
  } else {
    outbox_.Stage(to, std::move(push));
  }
}

void TrackingRegistry::Send(ClientState* target, const std::vector<std::string_view>& keys,
                            bool flush) {
  ClientState* to = target;
  bool redirected = false;
  if (target->tracking.redirect != 0) {
    to = Lookup(target->tracking.redirect);
    if (to == nullptr) {
      target->tracking.broken_redir = true;
      if (target->resp > 2) {
        ReplyValue id;
        id.kind = ReplyValue::Kind::kLong;
        id.integer = static_cast<long long>(target->tracking.redirect);
        Deliver(target, MakePush(protocol::Push::Kind::kInvalidate,
                                 {Bulk("tracking-redir-broken"), std::move(id)}));
      }
      return;
    }
    redirected = true;
  }
  ReplyValue payload;  // a null for a flush
  if (!flush) {
    payload.kind = ReplyValue::Kind::kArray;
    for (std::string_view k : keys) payload.items.push_back(Bulk(k));
  }
  if (to->resp > 2) {
    Deliver(to,
            MakePush(protocol::Push::Kind::kInvalidate, {Bulk("invalidate"), std::move(payload)}));
  } else if (redirected && to->pubsub) {
    // RESP2 has no pushes: a subscriber receives them as messages of this channel.
    Deliver(to, MakePush(protocol::Push::Kind::kInvalidate,
                         {Bulk("message"), Bulk("__redis__:invalidate"), std::move(payload)}));
  }
}

void TrackingRegistry::InvalidateKey(std::string_view key) {
  auto it = table_.find(key);
  if (it == table_.end()) return;
  std::vector<uint64_t> ids = std::move(it->second);
  std::string name = it->first;
  table_.erase(it);
  total_items_ -= ids.size();
  for (uint64_t id : ids) {
    ClientState* target = Lookup(id);
    // A client that switched to BCAST meanwhile does not get the old mode's messages.
    if (target == nullptr || !target->tracking.on || target->tracking.bcast) continue;
    if (target->tracking.noloop && target == caller_) continue;
    if (target == caller_) {
      pending_.emplace_back(name);  // after the caller's reply
    } else {
      Send(target, {name}, false);
    }
  }
}

void TrackingRegistry::OnKeyModified(int db, std::string_view key) {
  if (!prefixes_.empty()) {
    // Redis's trackingRememberKeyToBroadcast: the last writer is kept for NOLOOP.
    for (auto& [name, p] : prefixes_) {
      if (key.size() >= name.size() && key.compare(0, name.size(), name) == 0) {
        p.keys[std::string(key)] = caller_;
      }
    }
  }
  if (!table_.empty()) InvalidateKey(key);
}

void TrackingRegistry::OnFlush(int db) {
  // Redis 7.0 sends every tracking client (BCAST ones too) a null invalidation, whichever
  // database went, and drops the whole table.
  for (ClientState* t : trackers_) {
    if (t == caller_) {
      pending_.emplace_back(std::nullopt);
    } else {
      Send(t, {}, true);
    }
  }
  table_.clear();
  total_items_ = 0;
}

void TrackingRegistry::FlushCallerPending() {
  if (pending_.empty() || caller_ == nullptr) return;
  std::vector<std::optional<std::string>> pending;
  pending.swap(pending_);
  for (const auto& key : pending) {
    if (key) {
      Send(caller_, {*key}, false);
    } else {
      Send(caller_, {}, true);
    }
  }
}

void TrackingRegistry::EndBatch(long long max_keys) {
  for (auto& [name, p] : prefixes_) {
    if (p.keys.empty()) continue;
    std::vector<std::string_view> all;
    all.reserve(p.keys.size());
    for (const auto& [key, writer] : p.keys) all.push_back(key);
    for (ClientState* c : p.clients) {
      if (!c->tracking.noloop) {
        Send(c, all, false);
        continue;
      }
      std::vector<std::string_view> theirs;
      for (const auto& [key, writer] : p.keys) {
        if (writer != c) theirs.push_back(key);
      }
      if (!theirs.empty()) Send(c, theirs, false);
    }
    p.keys.clear();
  }
  // Redis's trackingLimitUsedSlots: random keys go (their clients are told) until the table
  // is back under the limit, with more effort each batch that ends still over it.
  if (max_keys <= 0 || table_.size() <= static_cast<size_t>(max_keys)) {
    limit_rounds_ = 0;
    return;
  }
  for (long effort = 100L * (limit_rounds_ + 1); effort > 0 && !table_.empty(); --effort) {
    auto victim = table_.begin();
    const size_t buckets = table_.bucket_count();
    for (int tries = 0; tries < 64; ++tries) {
      rng_ ^= rng_ << 13;
      rng_ ^= rng_ >> 7;
      rng_ ^= rng_ << 17;
      size_t b = rng_ % buckets;
      if (table_.bucket_size(b) != 0) {
        victim = table_.find(table_.begin(b)->first);
        break;
      }
    }
    std::string key = victim->first;
    InvalidateKey(key);
    if (table_.size() <= static_cast<size_t>(max_keys)) {
      limit_rounds_ = 0;
      return;
    }
  }
  ++limit_rounds_;
}

}  // namespace tandem::commands
