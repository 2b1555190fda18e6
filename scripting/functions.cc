#include "scripting/functions.h"

#include <strings.h>

#include <utility>

#include "protocol/resp_parser.h"
#include "scripting/function_payload.h"

namespace tandem::scripting {
namespace {

constexpr std::string_view kErrBadLibraryName =
    "ERR Library names can only contain letters, numbers, or underscores(_) and must be at "
    "least one character long";

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool ValidLibraryName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

struct LibraryMetadata {
  std::string engine;
  std::string name;
  std::string_view body;  // from the shebang line's newline on
};

// Redis's functionExtractLibMetaData: "#!<engine> name=<library>" on the first line.
bool ExtractMetadata(std::string_view code, LibraryMetadata* md, std::string* error) {
  if (code.substr(0, 2) != "#!") {
    *error = "ERR Missing library metadata";
    return false;
  }
  // Redis reads the code as a C string: the first line ends at a newline or a NUL byte.
  size_t nul = code.find('\0');
  size_t end = code.substr(0, nul).find('\n');
  if (end == std::string_view::npos) {
    *error = "ERR Invalid library metadata";
    return false;
  }
  std::vector<std::string> parts;
  if (!protocol::SplitInlineArgs(code.substr(0, end), &parts) || parts.empty()) {
    *error = "ERR Invalid library metadata";
    return false;
  }
  md->engine = parts[0].substr(2);
  bool has_name = false;
  for (size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].size() >= 5 && strncasecmp(parts[i].c_str(), "name=", 5) == 0) {
      if (has_name) {
        *error = "ERR Invalid metadata value, name argument was given multiple times";
        return false;
      }
      md->name = parts[i].substr(5);
      has_name = true;
      continue;
    }
    *error = "ERR Invalid metadata value given: " + parts[i];
    return false;
  }
  if (!has_name) {
    *error = "ERR Library name was not given";
    return false;
  }
  md->body = code.substr(end);
  return true;
}

}  // namespace

size_t CaseHash::operator()(std::string_view s) const {
  size_t h = 14695981039346656037ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(Lower(c))) * 1099511628211ull;
  return h;
}

bool CaseEq::operator()(std::string_view a, std::string_view b) const {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

void LibrarySet::Link(std::unique_ptr<FunctionLibrary> lib) {
  for (auto& f : lib->functions) functions_.emplace(f->f.name, f.get());
  code_bytes_ += lib->code.size();
  std::string name = lib->name;
  libraries_.emplace(std::move(name), std::move(lib));
}

std::unique_ptr<FunctionLibrary> LibrarySet::Unlink(std::string_view name) {
  auto it = libraries_.find(name);
  if (it == libraries_.end()) return nullptr;
  std::unique_ptr<FunctionLibrary> lib = std::move(it->second);
  libraries_.erase(it);
  for (auto& f : lib->functions) {
    auto fit = functions_.find(f->f.name);
    if (fit != functions_.end() && fit->second == f.get()) functions_.erase(fit);
  }
  code_bytes_ -= lib->code.size();
  return lib;
}

FunctionRegistry::FunctionRegistry() : vm_(std::make_unique<LuaVm>(LuaVm::Kind::kFunctions)) {}

FunctionRegistry::~FunctionRegistry() = default;

void FunctionRegistry::Release(std::unique_ptr<FunctionLibrary> lib) {
  if (!lib) return;
  for (auto& f : lib->functions) vm_->Unref(f->f.ref);
}

void FunctionRegistry::ReleaseAll(LibrarySet& set) {
  std::vector<std::string> names;
  for (const auto& [name, lib] : set.libraries()) names.push_back(name);
  for (const std::string& name : names) Release(set.Unlink(name));
}

std::string FunctionRegistry::Create(std::string_view code, bool replace, LibrarySet& set,
                                     std::string* error) {
  LibraryMetadata md;
  if (!ExtractMetadata(code, &md, error)) return "";
  if (!ValidLibraryName(md.name)) {
    *error = std::string(kErrBadLibraryName);
    return "";
  }
  if (strcasecmp(md.engine.c_str(), "lua") != 0) {
    *error = "ERR Engine '" + md.engine + "' not found";
    return "";
  }
  if (set.FindLibrary(md.name) && !replace) {
    *error = "ERR Library '" + md.name + "' already exists";
    return "";
  }
  std::unique_ptr<FunctionLibrary> old = set.Unlink(md.name);
  std::vector<RegisteredFunction> registered;
  std::string failure;
  if (!vm_->LoadLibrary(md.body, &registered, &failure)) {
    // failure is set
  } else if (registered.empty()) {
    failure = "ERR No functions registered";
  } else {
    for (const RegisteredFunction& f : registered) {
      if (set.FindFunction(f.name)) {
        failure = "ERR Function " + f.name + " already exists";
        break;
      }
    }
  }
  auto lib = std::make_unique<FunctionLibrary>();
  lib->name = md.name;
  lib->code = std::string(code);
  for (RegisteredFunction& f : registered) {
    auto info = std::make_unique<FunctionInfo>();
    info->f = std::move(f);
    info->library = lib.get();
    lib->functions.push_back(std::move(info));
  }
  if (!failure.empty()) {
    Release(std::move(lib));
    if (old) set.Link(std::move(old));
    *error = std::move(failure);
    return "";
  }
  set.Link(std::move(lib));
  Release(std::move(old));
  return md.name;
}

std::string FunctionRegistry::Load(std::string_view code, bool replace, std::string* error) {
  return Create(code, replace, current_, error);
}

bool FunctionRegistry::Delete(std::string_view name) {
  std::unique_ptr<FunctionLibrary> lib = current_.Unlink(name);
  if (!lib) return false;
  Release(std::move(lib));
  return true;
}

std::shared_ptr<void> FunctionRegistry::Flush() {
  if (current_.library_count() == 0) return nullptr;  // every test harness flushes: keep it cheap
  struct Retired {
    LibrarySet libraries;
    std::unique_ptr<LuaVm> vm;
  };
  auto old = std::make_shared<Retired>();
  old->libraries = std::move(current_);
  old->vm = std::move(vm_);
  current_ = LibrarySet();
  vm_ = std::make_unique<LuaVm>(LuaVm::Kind::kFunctions);
  return old;
}

size_t FunctionRegistry::overhead_bytes() const {
  // redis-server reports 200 bytes with no library; then the libraries' and functions'
  // structures, names, descriptions and code.
  size_t bytes = 200;
  for (const auto& [name, lib] : current_.libraries()) {
    bytes += sizeof(FunctionLibrary) + 2 * name.size() + lib->code.size();
    for (const auto& f : lib->functions) {
      bytes += sizeof(FunctionInfo) + 2 * f->f.name.size() + f->f.description.size() + 32;
    }
  }
  return bytes;
}

std::string FunctionRegistry::Dump() const {
  std::vector<std::string_view> codes;
  for (const auto& [name, lib] : current_.libraries()) codes.push_back(lib->code);
  return DumpFunctions(codes);
}

bool FunctionRegistry::Join(LibrarySet& src, bool replace, std::string* error) {
  std::vector<std::unique_ptr<FunctionLibrary>> replaced;
  const auto undo = [&] {
    for (auto& lib : replaced) current_.Link(std::move(lib));
  };
  for (const auto& [name, lib] : src.libraries()) {
    if (!current_.FindLibrary(name)) continue;
    if (!replace) {
      *error = "ERR Library " + name + " already exists";
      return false;
    }
    replaced.push_back(current_.Unlink(name));
  }
  for (const auto& [name, lib] : src.libraries()) {
    for (const auto& f : lib->functions) {
      if (current_.FindFunction(f->f.name)) {
        *error = "ERR Function " + f->f.name + " already exists";
        undo();
        return false;
      }
    }
  }
  std::vector<std::string> names;
  for (const auto& [name, lib] : src.libraries()) names.push_back(name);
  for (const std::string& name : names) current_.Link(src.Unlink(name));
  for (auto& lib : replaced) Release(std::move(lib));
  return true;
}

bool FunctionRegistry::Restore(std::string_view payload, RestorePolicy policy, std::string* error) {
  if (!VerifyDumpPayload(payload)) {
    *error = "ERR DUMP payload version or checksum are wrong";
    return false;
  }
  error->clear();
  LibrarySet loaded;
  size_t pos = 0;
  while (payload.size() - pos > 10) {
    const auto type = static_cast<uint8_t>(payload[pos++]);
    if (type == kRdbOpcodeFunctionPreGa) {
      *error = "ERR Pre-GA function format not supported";
    } else if (type != kRdbOpcodeFunction2) {
      *error = "ERR given type is not a function";
    } else {
      std::string code;
      if (!ReadRdbString(payload, &pos, &code)) {
        *error = "ERR Failed loading library payload";
      } else if (Create(code, false, loaded, error).empty() && error->empty()) {
        *error = "ERR Failed creating the library";
      }
    }
    if (!error->empty()) {
      ReleaseAll(loaded);
      return false;
    }
  }
  if (policy == RestorePolicy::kFlush) {
    ReleaseAll(current_);
    current_ = std::move(loaded);
    return true;
  }
  if (!Join(loaded, policy == RestorePolicy::kReplace, error)) {
    ReleaseAll(loaded);
    return false;
  }
  return true;
}

}  // namespace tandem::scripting
