#include "protocol/errors.h"

namespace tandem::protocol {

std::string FormatError(std::string_view format, std::string_view arg) {
  const size_t hole = format.find("%s");
  std::string text(format.substr(0, hole));
  if (hole == std::string_view::npos) return text;
  text.append(arg).append(format.substr(hole + 2));
  return text;
}

}  // namespace tandem::protocol
