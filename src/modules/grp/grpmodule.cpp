// The grp module (Modules/grpmodule.c): the group database through getgrgid_r, getgrnam_r
// and getgrent, entries as grp.struct_group.
#include "modules/grp/grpmodule.h"

#include <grp.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <vector>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/getargs.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/structseq.h"
#include "objects/text_api.h"
#include "vm/ceval_gil.h"

namespace cppy::modules::grp {

using namespace objects;

namespace {

TypeObject struct_group_type{};
StructSeqField struct_group_fields[] = {{"gr_name", "group name"},
                                        {"gr_passwd", "password"},
                                        {"gr_gid", "group id"},
                                        {"gr_mem", "member list"},
                                        {nullptr, nullptr}};
StructSeqDesc struct_group_desc = {
    "grp.struct_group",
    "grp.struct_group: Results from getgr*() routines.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (gr_name,gr_passwd,gr_gid,gr_mem)\n"
    "or via the object attributes as named in the above tuple.\n",
    struct_group_fields, 4};

Object* decode(const char* s) {
  return str_decode_utf8(s ? s : "", static_cast<ssize>(s ? std::strlen(s) : 0),
                         "surrogateescape");
}

// mkgrent.
Object* mkgrent(const struct group* g) {
  Ref<> mem = Ref<>::steal(list_new(0));
  if (!mem) return nullptr;
  for (char** m = g->gr_mem; m && *m; ++m) {
    Ref<> x = Ref<>::steal(decode(*m));
    if (!x || list_append(mem.get(), x.get()) < 0) return nullptr;
  }
  Ref<> v = Ref<>::steal(structseq_new(&struct_group_type));
  if (!v) return nullptr;
  Object* items[] = {decode(g->gr_name), decode(g->gr_passwd), long_from_long_long(g->gr_gid),
                     mem.release()};
  bool ok = true;
  for (int i = 0; i < 4; ++i) {
    if (!items[i]) ok = false;
    structseq_set_item(v.get(), i, items[i]);
  }
  return ok ? v.release() : nullptr;
}

size_t buffer_size() {
  long n = ::sysconf(_SC_GETGR_R_SIZE_MAX);
  return n > 0 ? static_cast<size_t>(n) : 1024;
}

// grp_getgrgid_impl: getgrgid(id).
Object* grp_getgrgid(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"id", nullptr};
  Object* id = nullptr;
  ArgParser parser{"getgrgid", kw, 1, 1, 0};
  if (unpack_keywords_impl(parser, args, nargs, nullptr, kwnames, &id) < 0) return nullptr;
  if (float_check(id)) {
    return errors::format(exc_TypeError, "gid should be integer, not %.200s",
                          type_short_name(id->type));
  }
  Ref<> index = Ref<>::steal(number_index(id));
  if (!index) return nullptr;
  int overflow = 0;
  long long gid = long_as_long_and_overflow(index.get(), &overflow);
  if (gid == -1 && errors::occurred()) return nullptr;
  if (overflow || gid < -1 || gid > 0xFFFFFFFFLL) {
    return errors::format(exc_KeyError, "getgrgid(): gid not found");
  }
  std::vector<char> buf(buffer_size());
  struct group gr;
  struct group* result = nullptr;
  int e;
  for (;;) {
    {
      vm::AllowThreads nogil;
      e = ::getgrgid_r(static_cast<gid_t>(gid), &gr, buf.data(), buf.size(), &result);
    }
    if (e != ERANGE) break;
    buf.resize(buf.size() * 2);
  }
  if (!result) {
    if (e == ENOMEM) return errors::no_memory();
    return errors::format(exc_KeyError, "getgrgid(): gid not found: %S", id);
  }
  return mkgrent(result);
}

// grp_getgrnam_impl: getgrnam(name).
Object* grp_getgrnam(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"name", nullptr};
  Object* name_obj = nullptr;
  ArgParser parser{"getgrnam", kw, 1, 1, 0};
  if (unpack_keywords_impl(parser, args, nargs, nullptr, kwnames, &name_obj) < 0) return nullptr;
  if (!str_check(name_obj)) {
    return errors::format(exc_TypeError, "getgrnam() argument 'name' must be str, not %.50s",
                          type_short_name(name_obj->type));
  }
  Ref<> bytes = Ref<>::steal(str_encode(name_obj, "utf-8", "surrogateescape"));
  if (!bytes) return nullptr;
  const char* name = bytes_as_string(bytes.get());
  if (std::strlen(name) != static_cast<size_t>(bytes_size(bytes.get()))) {
    return errors::format(exc_ValueError, "embedded null byte");
  }
  std::vector<char> buf(buffer_size());
  struct group gr;
  struct group* result = nullptr;
  int e;
  for (;;) {
    {
      vm::AllowThreads nogil;
      e = ::getgrnam_r(name, &gr, buf.data(), buf.size(), &result);
    }
    if (e != ERANGE) break;
    buf.resize(buf.size() * 2);
  }
  if (!result) {
    if (e == ENOMEM) return errors::no_memory();
    return errors::format(exc_KeyError, "getgrnam(): name not found: %R", name_obj);
  }
  return mkgrent(result);
}

// grp_getgrall_impl (getgrent is not reentrant: one caller at a time).
Object* grp_getgrall(Object*, Object*) {
  static std::mutex lock;
  std::lock_guard<std::mutex> guard(lock);
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  ::setgrent();
  while (struct group* g = ::getgrent()) {
    Ref<> v = Ref<>::steal(mkgrent(g));
    if (!v || list_append(list.get(), v.get()) < 0) {
      ::endgrent();
      return nullptr;
    }
  }
  ::endgrent();
  return list.release();
}

MethodDef grp_methods[] = {
    {"getgrgid", reinterpret_cast<void*>(grp_getgrgid), kMethFastcall | kMethKeywords,
     "getgrgid($module, /, id)\n--\n\nReturn the group database entry for the given numeric "
     "group ID.\n\nIf id is not valid, raise KeyError."},
    {"getgrnam", reinterpret_cast<void*>(grp_getgrnam), kMethFastcall | kMethKeywords,
     "getgrnam($module, /, name)\n--\n\nReturn the group database entry for the given group "
     "name.\n\nIf name is not valid, raise KeyError."},
    {"getgrall", reinterpret_cast<void*>(grp_getgrall), kMethNoArgs,
     "getgrall($module, /)\n--\n\nReturn a list of all available group entries, in arbitrary "
     "order.\n\nAn entry whose name starts with '+' or '-' represents an instruction\nto use "
     "YP/NIS and may not be accessible via getgrnam or getgrgid."},
    {nullptr, nullptr, 0, nullptr}};

int grp_exec(Object* m) {
  if (structseq_init_type(&struct_group_type, &struct_group_desc) < 0) return -1;
  return module_add_object_ref(m, "struct_group", &struct_group_type);
}

ModuleDef grp_def = {
    "grp",
    "Access to the Unix group database.\n\n"
    "Group entries are reported as 4-tuples containing the following fields\n"
    "from the group database, in order:\n\n"
    "  gr_name   - name of the group\n"
    "  gr_passwd - group password (encrypted); often empty\n"
    "  gr_gid    - numeric ID of the group\n"
    "  gr_mem    - list of members\n\n"
    "The gid is an integer, name and password are strings.  (Note that most\n"
    "users are not explicitly listed as members of the groups they are in\n"
    "according to the password database.  Check both databases to get\n"
    "complete membership information.)",
    grp_methods, grp_exec};

}  // namespace

ModuleDef* module_def() { return &grp_def; }

}  // namespace cppy::modules::grp
