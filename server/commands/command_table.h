// The registry of every command, filled once at start-up by the families'
// RegisterXxxFamily() functions and read-only afterwards.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "server/commands/command.h"

namespace tandem::commands {

class CommandTable {
 public:
  // Registers a top-level command or, when spec.name is "parent|sub", a subcommand of an
  // already registered container.
  void Register(CommandSpec spec);

  // Case-insensitive lookup of a top-level command.
  const CommandSpec* Find(std::string_view name) const;
  // Case-insensitive lookup of `sub` under container `parent`.
  const CommandSpec* FindSub(const CommandSpec& parent, std::string_view sub) const;
  // Resolves argv to the command to run (the subcommand for containers), or nullptr.
  const CommandSpec* Resolve(CmdArgs argv) const;

  // Top-level commands in registration order.
  const std::deque<CommandSpec>& all() const { return specs_; }
  size_t size() const { return top_count_; }

 private:
  struct CaseHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const;
  };
  struct CaseEq {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const;
  };

  // Adds a top-level command to slots_.
  void InsertTop(const CommandSpec* spec);

  std::deque<CommandSpec> specs_;  // stable addresses
  // Top-level commands: open addressing with linear probing in a power-of-two array kept
  // at most a quarter full, so the lookup every request makes is a hash, a mask and
  // usually one name comparison (std::unordered_map's modulo and node walk took 4% of
  // the server's CPU under ZPOPMIN -P 16).
  std::vector<const CommandSpec*> slots_;
  size_t top_count_ = 0;
  std::unordered_map<std::string, const CommandSpec*, CaseHash, CaseEq> by_full_name_;
};

}  // namespace tandem::commands
