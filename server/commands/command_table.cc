#include "server/commands/command_table.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <stdexcept>

#include "server/engine/ascii.h"
#include "server/engine/database.h"
#include "server/keyspace_events.h"
#include "server/server_state.h"

namespace tandem::commands {

engine::Database& CommandContext::db() { return server.dbs().db(client.db_index); }

void CommandContext::Notify(int type, std::string_view event, std::string_view key) {
  NotifyKeyspaceEvent(server, type, event, key, client.db_index);
}

std::vector<std::string_view> FlagNames(uint32_t flags) {
  static constexpr std::string_view kNames[] = {"write",
                                                "readonly",
                                                "denyoom",
                                                "module",
                                                "admin",
                                                "pubsub",
                                                "noscript",
                                                "blocking",
                                                "loading",
                                                "stale",
                                                "skip_monitor",
                                                "skip_slowlog",
                                                "asking",
                                                "fast",
                                                "no_auth",
                                                "may_replicate",
                                                "sentinel",
                                                "only_sentinel",
                                                "no_mandatory_keys",
                                                "protected",
                                                "no_async_loading",
                                                "no_multi",
                                                "movablekeys",
                                                "allow_busy"};
  std::vector<std::string_view> out;
  for (size_t i = 0; i < std::size(kNames); ++i) {
    if (flags & (1u << i)) out.push_back(kNames[i]);
  }
  return out;
}

std::vector<int> CommandSpec::KeyIndexes(size_t argc) const {
  std::vector<int> keys;
  if (first_key <= 0) return keys;
  int last = last_key < 0 ? static_cast<int>(argc) + last_key : last_key;
  int step_n = step > 0 ? step : 1;
  for (int i = first_key; i <= last && i < static_cast<int>(argc); i += step_n) keys.push_back(i);
  return keys;
}

size_t CommandTable::CaseHash::operator()(std::string_view s) const {
  size_t h = 1469598103934665603ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(engine::AsciiToLower(c))) * 1099511628211ull;
  return h;
}

bool CommandTable::CaseEq::operator()(std::string_view a, std::string_view b) const {
  return engine::EqualsIgnoreCase(a, b);
}

void CommandTable::Register(CommandSpec spec) {
  std::string full(spec.name);
  if (by_full_name_.count(full)) throw std::logic_error("command registered twice: " + full);
  size_t bar = full.find('|');
  // A spec without a handler is only ever reached through its subcommands, so it must be a
  // top-level command whose bare name fails the arity check.
  const bool bare_name_allowed = spec.arity == 1 || spec.arity == -1 || spec.arity == 0;
  if (!spec.handler && (bar != std::string::npos || bare_name_allowed)) {
    throw std::logic_error("command that can run has no handler: " + full);
  }
  CommandSpec* parent = nullptr;
  if (bar != std::string::npos) {
    parent = const_cast<CommandSpec*>(Find(std::string_view(full).substr(0, bar)));
    if (!parent) throw std::logic_error("subcommand before parent: " + full);
    spec.parent = parent;
  }
  spec.id = specs_.size();
  specs_.push_back(std::move(spec));
  const CommandSpec* stored = &specs_.back();
  by_full_name_.emplace(full, stored);
  if (parent) {
    parent->subcommands.push_back(stored);
  } else {
    InsertTop(stored);
  }
}

namespace {

// The slot hash of a command name, case-insensitive: its first and last 8 bytes (which
// overlap for short names) with every byte's 0x20 bit set, which lowercases letters and
// leaves digits, '-' and '_' as they are, mixed with the length. Two loads and three
// multiplies instead of a byte loop: this runs for every request.
size_t NameSlotHash(std::string_view s) {
  uint64_t head = 0, tail = 0;
  const size_t n = s.size();
  if (n > 0) std::memcpy(&head, s.data(), std::min<size_t>(n, 8));
  if (n > 8) std::memcpy(&tail, s.data() + n - 8, 8);
  constexpr uint64_t kLower = 0x2020202020202020ull;
  uint64_t h =
      ((head | kLower) * 0x9E3779B97F4A7C15ull) ^ ((tail | kLower) * 0xC2B2AE3D27D4EB4Full);
  h ^= n;
  h *= 0x165667B19E3779F9ull;
  return static_cast<size_t>(h >> 32);
}

}  // namespace

void CommandTable::InsertTop(const CommandSpec* spec) {
  if ((top_count_ + 1) * 4 > slots_.size()) {
    std::vector<const CommandSpec*> old(std::max<size_t>(64, slots_.size() * 2), nullptr);
    old.swap(slots_);
    top_count_ = 0;
    for (const CommandSpec* s : old) {
      if (s) InsertTop(s);
    }
  }
  const size_t mask = slots_.size() - 1;
  size_t i = NameSlotHash(spec->name) & mask;
  while (slots_[i]) i = (i + 1) & mask;
  slots_[i] = spec;
  ++top_count_;
}

const CommandSpec* CommandTable::Find(std::string_view name) const {
  if (slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  for (size_t i = NameSlotHash(name) & mask;; i = (i + 1) & mask) {
    const CommandSpec* s = slots_[i];
    if (!s) return nullptr;
    if (s->name.size() == name.size() && engine::EqualsIgnoreCase(s->name, name)) return s;
  }
}

const CommandSpec* CommandTable::FindSub(const CommandSpec& parent, std::string_view sub) const {
  std::string full(parent.name);
  full += '|';
  full += sub;
  auto it = by_full_name_.find(full);
  return it == by_full_name_.end() ? nullptr : it->second;
}

const CommandSpec* CommandTable::Resolve(CmdArgs argv) const {
  if (argv.empty()) return nullptr;
  const CommandSpec* spec = Find(argv[0]);
  if (spec && spec->IsContainer()) {
    if (argv.size() < 2) return spec;
    return FindSub(*spec, argv[1]);
  }
  return spec;
}

}  // namespace tandem::commands
