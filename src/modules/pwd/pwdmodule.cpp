// The pwd module (Modules/pwdmodule.c): the password database through getpwuid_r,
// getpwnam_r and getpwent, entries as pwd.struct_passwd.
#include "modules/pwd/pwdmodule.h"

#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <vector>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/structseq.h"
#include "objects/text_api.h"
#include "vm/ceval_gil.h"

namespace cppy::modules::pwd {

using namespace objects;

namespace {

TypeObject struct_passwd_type{};
StructSeqField struct_passwd_fields[] = {
    {"pw_name", "user name"},        {"pw_passwd", "password"},
    {"pw_uid", "user id"},           {"pw_gid", "group id"},
    {"pw_gecos", "real name"},       {"pw_dir", "home directory"},
    {"pw_shell", "shell program"},   {nullptr, nullptr}};
StructSeqDesc struct_passwd_desc = {
    "pwd.struct_passwd",
    "pwd.struct_passwd: Results from getpw*() routines.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (pw_name,pw_passwd,pw_uid,pw_gid,pw_gecos,pw_dir,pw_shell)\n"
    "or via the object attributes as named in the above tuple.",
    struct_passwd_fields, 7};

Object* decode(const char* s) {
  return str_decode_utf8(s ? s : "", static_cast<ssize>(s ? std::strlen(s) : 0),
                         "surrogateescape");
}

// mkpwent.
Object* mkpwent(const struct passwd* p) {
  Ref<> v = Ref<>::steal(structseq_new(&struct_passwd_type));
  if (!v) return nullptr;
  Object* items[] = {decode(p->pw_name),  decode(p->pw_passwd),
                     long_from_long_long(p->pw_uid), long_from_long_long(p->pw_gid),
                     decode(p->pw_gecos), decode(p->pw_dir), decode(p->pw_shell)};
  bool ok = true;
  for (int i = 0; i < 7; ++i) {
    if (!items[i]) ok = false;
    structseq_set_item(v.get(), i, items[i]);
  }
  return ok ? v.release() : nullptr;
}

size_t buffer_size() {
  long n = ::sysconf(_SC_GETPW_R_SIZE_MAX);
  return n > 0 ? static_cast<size_t>(n) : 1024;
}

// pwd_getpwuid(uid, /).
Object* pwd_getpwuid(Object*, Object* arg) {
  if (float_check(arg)) {
    return errors::format(exc_TypeError, "uid should be integer, not %.200s",
                          type_short_name(arg->type));
  }
  Ref<> index = Ref<>::steal(number_index(arg));
  if (!index) return nullptr;
  int overflow = 0;
  long long uid = long_as_long_and_overflow(index.get(), &overflow);
  if (uid == -1 && errors::occurred()) return nullptr;
  if (overflow || uid < -1 || uid > 0xFFFFFFFFLL) {
    return errors::format(exc_KeyError, "getpwuid(): uid not found");
  }
  std::vector<char> buf(buffer_size());
  struct passwd pw;
  struct passwd* result = nullptr;
  int e;
  for (;;) {
    {
      vm::AllowThreads nogil;
      e = ::getpwuid_r(static_cast<uid_t>(uid), &pw, buf.data(), buf.size(), &result);
    }
    if (e != ERANGE) break;
    buf.resize(buf.size() * 2);
  }
  if (!result) {
    if (e == ENOMEM) return errors::no_memory();
    return errors::format(exc_KeyError, "getpwuid(): uid not found: %lld", uid);
  }
  return mkpwent(result);
}

// pwd_getpwnam(name, /).
Object* pwd_getpwnam(Object*, Object* arg) {
  if (!str_check(arg)) {
    return errors::format(exc_TypeError, "getpwnam() argument must be str, not %.50s",
                          type_short_name(arg->type));
  }
  Ref<> bytes = Ref<>::steal(str_encode(arg, "utf-8", "surrogateescape"));
  if (!bytes) return nullptr;
  const char* name = bytes_as_string(bytes.get());
  if (std::strlen(name) != static_cast<size_t>(bytes_size(bytes.get()))) {
    return errors::format(exc_ValueError, "embedded null byte");
  }
  std::vector<char> buf(buffer_size());
  struct passwd pw;
  struct passwd* result = nullptr;
  int e;
  for (;;) {
    {
      vm::AllowThreads nogil;
      e = ::getpwnam_r(name, &pw, buf.data(), buf.size(), &result);
    }
    if (e != ERANGE) break;
    buf.resize(buf.size() * 2);
  }
  if (!result) {
    if (e == ENOMEM) return errors::no_memory();
    return errors::format(exc_KeyError, "getpwnam(): name not found: %R", arg);
  }
  return mkpwent(result);
}

// pwd_getpwall: the whole database (getpwent is not reentrant: one caller at a time).
Object* pwd_getpwall(Object*, Object*) {
  static std::mutex lock;
  std::lock_guard<std::mutex> guard(lock);
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  ::setpwent();
  while (struct passwd* p = ::getpwent()) {
    Ref<> v = Ref<>::steal(mkpwent(p));
    if (!v || list_append(list.get(), v.get()) < 0) {
      ::endpwent();
      return nullptr;
    }
  }
  ::endpwent();
  return list.release();
}

MethodDef pwd_methods[] = {
    {"getpwuid", reinterpret_cast<void*>(pwd_getpwuid), kMethO,
     "getpwuid($module, uidobj, /)\n--\n\nReturn the password database entry for the given "
     "numeric user ID.\n\nSee `help(pwd)` for more on password database entries."},
    {"getpwnam", reinterpret_cast<void*>(pwd_getpwnam), kMethO,
     "getpwnam($module, name, /)\n--\n\nReturn the password database entry for the given user "
     "name.\n\nSee `help(pwd)` for more on password database entries."},
    {"getpwall", reinterpret_cast<void*>(pwd_getpwall), kMethNoArgs,
     "getpwall($module, /)\n--\n\nReturn a list of all available password database "
     "entries, in arbitrary order.\n\nSee help(pwd) for more on password database entries."},
    {nullptr, nullptr, 0, nullptr}};

int pwd_exec(Object* m) {
  if (structseq_init_type(&struct_passwd_type, &struct_passwd_desc) < 0) return -1;
  return module_add_object_ref(m, "struct_passwd", &struct_passwd_type);
}

ModuleDef pwd_def = {
    "pwd",
    "This module provides access to the Unix password database.\n"
    "It is available on all Unix versions.\n\n"
    "Password database entries are reported as 7-tuples containing the following\n"
    "items from the password database (see `<pwd.h>'), in order:\n"
    "pw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.\n"
    "The uid and gid items are integers, all others are strings. An\n"
    "exception is raised if the entry asked for cannot be found.",
    pwd_methods, pwd_exec};

}  // namespace

ModuleDef* module_def() { return &pwd_def; }

}  // namespace cppy::modules::pwd
