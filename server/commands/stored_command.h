// A command that owns its argument bytes. Parsed commands borrow the connection's query
// buffer, which moves and is freed; a command kept beyond its batch (queued by MULTI,
// blocked on a key, a script's argv) is copied into a StoredCommand first.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "server/commands/command.h"

namespace tandem::commands {

class StoredCommand {
 public:
  StoredCommand() = default;
  explicit StoredCommand(CmdArgs argv);
  // Moves keep the bytes where they are (one heap block), so argv() stays valid.
  StoredCommand(StoredCommand&&) noexcept = default;
  StoredCommand& operator=(StoredCommand&&) noexcept = default;
  StoredCommand(const StoredCommand& other) : StoredCommand(other.argv()) {}
  StoredCommand& operator=(const StoredCommand& other) {
    if (this != &other) *this = StoredCommand(other.argv());
    return *this;
  }

  CmdArgs argv() const { return argv_; }
  // Bytes held: the arguments (MULTI's multi-mem, CLIENT LIST's argv-mem).
  size_t bytes() const { return size_; }

 private:
  std::unique_ptr<char[]> bytes_;
  size_t size_ = 0;
  std::vector<std::string_view> argv_;
};

}  // namespace tandem::commands
