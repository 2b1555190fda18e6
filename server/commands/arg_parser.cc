#include "server/commands/arg_parser.h"

namespace tandem::commands {

std::string WrongNumArgsError(std::string_view command_fullname) {
  std::string out = "ERR wrong number of arguments for '";
  out.append(command_fullname).append("' command");
  return out;
}

}  // namespace tandem::commands
