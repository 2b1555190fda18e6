// Redis 7.0 functions: the libraries loaded by FUNCTION LOAD / RESTORE, their functions
// (found case-insensitively by FCALL), and the Lua state they live in (a second LuaVm, of
// Kind::kFunctions). Owned by ScriptingState; used only under the engine lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "scripting/lua_vm.h"

namespace tandem::scripting {

struct FunctionLibrary;

struct FunctionInfo {
  RegisteredFunction f;  // name, description, flags, callback
  FunctionLibrary* library = nullptr;
};

struct FunctionLibrary {
  std::string name;
  std::string code;  // FUNCTION LOAD's argument, shebang included
  std::vector<std::unique_ptr<FunctionInfo>> functions;  // in registration order
};

// ASCII case-insensitive hashing and equality, for FCALL's lookups by string_view.
struct CaseHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const;
};
struct CaseEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};

// A set of libraries and the index of their functions (Redis's functionsLibCtx).
class LibrarySet {
 public:
  const std::map<std::string, std::unique_ptr<FunctionLibrary>, std::less<>>& libraries() const {
    return libraries_;
  }
  const FunctionInfo* FindFunction(std::string_view name) const {
    auto it = functions_.find(name);
    return it == functions_.end() ? nullptr : it->second;
  }
  FunctionLibrary* FindLibrary(std::string_view name) const {
    auto it = libraries_.find(name);
    return it == libraries_.end() ? nullptr : it->second.get();
  }
  size_t function_count() const { return functions_.size(); }
  size_t library_count() const { return libraries_.size(); }
  size_t code_bytes() const { return code_bytes_; }

  // Adds a library and indexes its functions (a name taken already is skipped, as Redis's
  // dictAdd does).
  void Link(std::unique_ptr<FunctionLibrary> lib);
  // Takes a library out of the set, with its functions.
  std::unique_ptr<FunctionLibrary> Unlink(std::string_view name);

 private:
  std::map<std::string, std::unique_ptr<FunctionLibrary>, std::less<>> libraries_;
  std::unordered_map<std::string, FunctionInfo*, CaseHash, CaseEq> functions_;
  size_t code_bytes_ = 0;
};

class FunctionRegistry {
 public:
  FunctionRegistry();
  ~FunctionRegistry();

  LuaVm& vm() { return *vm_; }
  const LibrarySet& current() const { return current_; }
  // What the libraries cost besides the Lua state (INFO used_memory_functions, MEMORY STATS
  // functions.caches): Redis's structures-and-dictionaries estimate.
  size_t overhead_bytes() const;

  // FUNCTION LOAD [REPLACE] code: the library's name, or "" with Redis's error in *error.
  std::string Load(std::string_view code, bool replace, std::string* error);
  // FUNCTION DELETE: false when there is no such library.
  bool Delete(std::string_view name);
  // FUNCTION FLUSH: drops every library and, when it held any, their Lua state, which are
  // returned for the caller to free (ASYNC: on the lazy-free thread); else nullptr.
  std::shared_ptr<void> Flush();
  size_t function_count() const { return current_.function_count(); }
  // FUNCTION DUMP.
  std::string Dump() const;
  enum class RestorePolicy { kFlush, kAppend, kReplace };
  // FUNCTION RESTORE payload policy: false with Redis's error in *error.
  bool Restore(std::string_view payload, RestorePolicy policy, std::string* error);

 private:
  // functionsCreateWithLibraryCtx: compiles `code` into `set`.
  std::string Create(std::string_view code, bool replace, LibrarySet& set, std::string* error);
  // Frees the callbacks of a library that leaves for good.
  void Release(std::unique_ptr<FunctionLibrary> lib);
  void ReleaseAll(LibrarySet& set);
  // libraryJoin: moves every library of src into current_ or leaves both untouched.
  bool Join(LibrarySet& src, bool replace, std::string* error);

  std::unique_ptr<LuaVm> vm_;
  LibrarySet current_;
};

}  // namespace tandem::scripting
