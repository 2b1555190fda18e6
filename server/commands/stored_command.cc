#include "server/commands/stored_command.h"

#include <cstring>

namespace tandem::commands {

StoredCommand::StoredCommand(CmdArgs argv) {
  for (std::string_view a : argv) size_ += a.size();
  bytes_ = std::make_unique_for_overwrite<char[]>(size_ == 0 ? 1 : size_);
  argv_.reserve(argv.size());
  char* p = bytes_.get();
  for (std::string_view a : argv) {
    if (!a.empty()) std::memcpy(p, a.data(), a.size());
    argv_.emplace_back(p, a.size());
    p += a.size();
  }
}

}  // namespace tandem::commands
