// Replies shared by container commands (CLIENT, CONFIG, COMMAND, SLOWLOG, DEBUG...): the
// HELP listing and the "unknown subcommand or wrong number of arguments" error, both in
// Redis's exact wording (addReplyHelp, addReplySubcommandSyntaxError).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "protocol/reply_builder.h"
#include "server/commands/command.h"
#include "server/engine/ascii.h"

namespace tandem::commands {

// "<NAME> <subcommand> [<arg> [value] [opt] ...]. Subcommands are:", the lines, then the
// HELP entry, each as a status reply.
inline void SendHelp(protocol::ReplyBuilder& rb, std::string_view name,
                     std::initializer_list<std::string_view> lines) {
  rb.StartArray(lines.size() + 3);
  std::string head = engine::ToUpper(name);
  head += " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:";
  rb.SendSimple(head);
  for (std::string_view line : lines) rb.SendSimple(line);
  rb.SendSimple("HELP");
  rb.SendSimple("    Prints this help.");
}

// For a subcommand called with arguments it does not accept: names argv[1] as typed (at most
// 128 bytes) and the container in upper case.
inline std::string SubcommandSyntaxError(CmdArgs argv) {
  std::string err = "ERR unknown subcommand or wrong number of arguments for '";
  err.append(argv[1].substr(0, 128));
  err += "'. Try ";
  err += engine::ToUpper(argv[0]);
  err += " HELP.";
  return err;
}

}  // namespace tandem::commands
