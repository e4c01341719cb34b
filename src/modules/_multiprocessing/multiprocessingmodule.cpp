// _multiprocessing and _posixshmem: Modules/_multiprocessing/multiprocessing.c, semaphore.c
// (the POSIX branch) and posixshmem.c.
#include "modules/_multiprocessing/multiprocessingmodule.h"

#include <fcntl.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <sys/time.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "modules/_signal/signalmodule.h"
#include "modules/posix/posix_internal.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/thread.h"
#include "vm/ceval_gil.h"

namespace cppy::modules::_multiprocessing {

using namespace objects;

namespace {

constexpr int kRecursiveMutex = 0;
constexpr int kSemaphore = 1;

struct SemLockObject : Object {
  sem_t* handle;
  unsigned long last_tid;
  int count;
  int maxvalue;
  int kind;
  char* name;  // null when unlinked at creation
};

SemLockObject* as_semlock(Object* o) { return static_cast<SemLockObject*>(o); }

// ISMINE: held by the calling thread.
bool is_mine(SemLockObject* self) {
  return self->count > 0 && runtime::get_thread_ident() == self->last_tid;
}

Object* new_semlock(TypeObject* type, sem_t* handle, int kind, int maxvalue, const char* name) {
  Object* o = type->alloc(type, 0);
  if (!o) return nullptr;
  SemLockObject* self = as_semlock(o);
  self->handle = handle;
  self->kind = kind;
  self->count = 0;
  self->last_tid = 0;
  self->maxvalue = maxvalue;
  self->name = name ? strdup(name) : nullptr;
  return o;
}

bool int_arg(Object* o, int* out) {
  int v = long_as_int(o);
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  return true;
}

// semlock_new: SemLock(kind, value, maxvalue, name, unlink).
Object* semlock_new(TypeObject* type, Object* args, Object* kwargs) {
  static const char* const kw[] = {"kind", "value", "maxvalue", "name", "unlink", nullptr};
  static const ArgParser parser = {"SemLock", kw, 5, 5, 0};
  Object* a[5] = {};
  if (!unpack_keywords(tuple_items(args), tuple_size(args), kwargs, nullptr, parser, a))
    return nullptr;
  int kind, value, maxvalue, unlink;
  if (!int_arg(a[0], &kind) || !int_arg(a[1], &value) || !int_arg(a[2], &maxvalue)) return nullptr;
  if (!str_check(a[3]))
    return errors::format(exc_TypeError, "SemLock() argument 'name' must be str, not %.50s",
                          a[3]->type->name);
  const char* name = str_as_utf8(a[3]);
  if (!name || !int_arg(a[4], &unlink)) return nullptr;
  if (kind != kRecursiveMutex && kind != kSemaphore)
    return errors::format(exc_ValueError, "unrecognized kind");
  sem_t* handle = sem_open(name, O_CREAT | O_EXCL, 0600, unsigned(value));
  if (handle == SEM_FAILED) return errors::set_from_errno(exc_OSError);
  if (unlink && sem_unlink(name) < 0) {
    int err = errno;
    sem_close(handle);
    errno = err;
    return errors::set_from_errno(exc_OSError);
  }
  Object* result = new_semlock(type, handle, kind, maxvalue, unlink ? nullptr : name);
  if (!result) sem_close(handle);
  return result;
}

void semlock_dealloc(Object* o) {
  SemLockObject* self = as_semlock(o);
  if (self->handle != SEM_FAILED && self->handle) sem_close(self->handle);
  std::free(self->name);
  o->type->free(o);
}

// semlock_acquire: a recursive mutex held by this thread counts up; otherwise try without
// blocking, then wait (until the deadline when a timeout is given) with the GIL released.
Object* semlock_acquire(Object* o, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"block", "timeout", nullptr};
  static const ArgParser parser = {"acquire", kw, 0, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  SemLockObject* self = as_semlock(o);
  int blocking = 1;
  if (a[0]) {
    blocking = object_is_true(a[0]);
    if (blocking < 0) return nullptr;
  }
  if (self->kind == kRecursiveMutex && is_mine(self)) {
    ++self->count;
    return new_ref(true_object());
  }
  Object* timeout_obj = a[1] ? a[1] : none();
  struct timespec deadline = {};
  if (timeout_obj != none()) {
    double timeout = float_as_double(timeout_obj);
    if (timeout == -1.0 && errors::occurred()) return nullptr;
    if (timeout < 0.0) timeout = 0.0;
    struct timeval now;
    if (gettimeofday(&now, nullptr) < 0) return errors::set_from_errno(exc_OSError);
    long sec = long(timeout);
    long nsec = long(1e9 * (timeout - double(sec)) + 0.5);
    deadline.tv_sec = now.tv_sec + sec;
    deadline.tv_nsec = now.tv_usec * 1000 + nsec;
    deadline.tv_sec += deadline.tv_nsec / 1000000000;
    deadline.tv_nsec %= 1000000000;
  }
  int res, err;
  do {
    res = sem_trywait(self->handle);
    err = errno;
  } while (res < 0 && err == EINTR && modules::_signal::check_signals() == 0);
  if (res < 0 && err == EINTR) return nullptr;
  if (res < 0 && err == EAGAIN && blocking) {
    do {
      runtime::ThreadState* ts = vm::save_thread();
      res = timeout_obj == none() ? sem_wait(self->handle) : sem_timedwait(self->handle, &deadline);
      err = errno;
      vm::restore_thread(ts);
    } while (res < 0 && err == EINTR && modules::_signal::check_signals() == 0);
    if (res < 0 && err == EINTR) return nullptr;
  }
  if (res < 0) {
    if (err == EAGAIN || err == ETIMEDOUT) return new_ref(false_object());
    errno = err;
    return errors::set_from_errno(exc_OSError);
  }
  ++self->count;
  self->last_tid = runtime::get_thread_ident();
  return new_ref(true_object());
}

Object* semlock_release(Object* o, Object*) {
  SemLockObject* self = as_semlock(o);
  if (self->kind == kRecursiveMutex) {
    if (!is_mine(self))
      return errors::format(exc_AssertionError, "attempt to release recursive lock not owned by thread");
    if (self->count > 1) {
      --self->count;
      return new_ref(none());
    }
  } else {
    // Not an absolute guarantee that the value stays below maxvalue.
    int sval;
    if (sem_getvalue(self->handle, &sval) < 0) return errors::set_from_errno(exc_OSError);
    if (sval >= self->maxvalue)
      return errors::format(exc_ValueError, "semaphore or lock released too many times");
  }
  if (sem_post(self->handle) < 0) return errors::set_from_errno(exc_OSError);
  --self->count;
  return new_ref(none());
}

Object* semlock_exit(Object* o, Object* const*, ssize) { return semlock_release(o, nullptr); }

Object* semlock_count(Object* o, Object*) { return long_from_long(as_semlock(o)->count); }

Object* semlock_ismine(Object* o, Object*) {
  return new_ref(is_mine(as_semlock(o)) ? true_object() : false_object());
}

Object* semlock_getvalue(Object* o, Object*) {
  int sval;
  if (sem_getvalue(as_semlock(o)->handle, &sval) < 0) return errors::set_from_errno(exc_OSError);
  // Some implementations count the waiters as a negative value.
  return long_from_long(sval < 0 ? 0 : sval);
}

Object* semlock_iszero(Object* o, Object*) {
  int sval;
  if (sem_getvalue(as_semlock(o)->handle, &sval) < 0) return errors::set_from_errno(exc_OSError);
  return new_ref(sval == 0 ? true_object() : false_object());
}

Object* semlock_afterfork(Object* o, Object*) {
  as_semlock(o)->count = 0;
  return new_ref(none());
}

// _rebuild(handle, kind, maxvalue, name): the named semaphore reopened in a child process.
Object* semlock_rebuild(Object* cls, Object* const* args, ssize nargs) {
  if (!check_positional("_rebuild", nargs, 4, 4)) return nullptr;
  unsigned long long raw = long_as_unsigned_long_long(args[0]);
  if (raw == static_cast<unsigned long long>(-1) && errors::occurred()) return nullptr;
  int kind, maxvalue;
  if (!int_arg(args[1], &kind) || !int_arg(args[2], &maxvalue)) return nullptr;
  const char* name = nullptr;
  if (args[3] != none()) {
    name = str_as_utf8(args[3]);
    if (!name) return nullptr;
  }
  sem_t* handle = reinterpret_cast<sem_t*>(uintptr_t(raw));
  if (name) {
    handle = sem_open(name, 0);
    if (handle == SEM_FAILED) return errors::set_from_errno(exc_OSError);
  }
  return new_semlock(reinterpret_cast<TypeObject*>(cls), handle, kind, maxvalue, name);
}

Object* semlock_get_handle(Object* o, void*) {
  return long_from_unsigned_long_long(uintptr_t(as_semlock(o)->handle));
}
Object* semlock_get_kind(Object* o, void*) { return long_from_long(as_semlock(o)->kind); }
Object* semlock_get_maxvalue(Object* o, void*) { return long_from_long(as_semlock(o)->maxvalue); }
Object* semlock_get_name(Object* o, void*) {
  const char* name = as_semlock(o)->name;
  return name ? str_from_cstr(name) : new_ref(none());
}

#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef semlock_methods[] = {
    {"acquire", FASTCALL_KW(semlock_acquire), "Acquire the semaphore/lock."},
    {"release", reinterpret_cast<void*>(semlock_release), kMethNoArgs,
     "Release the semaphore/lock."},
    {"__enter__", FASTCALL_KW(semlock_acquire), "Enter the semaphore/lock."},
    {"__exit__", FASTCALL(semlock_exit), "Exit the semaphore/lock."},
    {"_count", reinterpret_cast<void*>(semlock_count), kMethNoArgs,
     "Num of `acquire()`s minus num of `release()`s for this process."},
    {"_is_mine", reinterpret_cast<void*>(semlock_ismine), kMethNoArgs,
     "Whether the lock is owned by this thread."},
    {"_get_value", reinterpret_cast<void*>(semlock_getvalue), kMethNoArgs,
     "Get the value of the semaphore."},
    {"_is_zero", reinterpret_cast<void*>(semlock_iszero), kMethNoArgs,
     "Return whether semaphore has value zero."},
    {"_rebuild", reinterpret_cast<void*>(semlock_rebuild), kMethFastcall | kMethClass, nullptr},
    {"_after_fork", reinterpret_cast<void*>(semlock_afterfork), kMethNoArgs,
     "Rezero the net acquisition count after fork()."},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef semlock_getset[] = {
    {"handle", semlock_get_handle, nullptr, nullptr, nullptr},
    {"kind", semlock_get_kind, nullptr, nullptr, nullptr},
    {"maxvalue", semlock_get_maxvalue, nullptr, nullptr, nullptr},
    {"name", semlock_get_name, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

TypeObject semlock_type = [] {
  TypeObject t = static_type("_multiprocessing.SemLock", sizeof(SemLockObject), 0, kTpflagsBasetype);
  t.doc = "Semaphore/Mutex type";
  t.dealloc = semlock_dealloc;
  t.getattro = object_generic_getattr;
  t.methods = semlock_methods;
  t.getset = semlock_getset;
  t.alloc = type_generic_alloc;
  t.new_ = semlock_new;
  t.free = object_generic_free;
  return t;
}();

Object* mp_sem_unlink(Object*, Object* arg) {
  if (!str_check(arg))
    return errors::format(exc_TypeError, "sem_unlink() argument must be str, not %.50s",
                          arg->type->name);
  const char* name = str_as_utf8(arg);
  if (!name) return nullptr;
  if (sem_unlink(name) < 0) return errors::set_from_errno(exc_OSError);
  return new_ref(none());
}

MethodDef mp_methods[] = {
    {"sem_unlink", reinterpret_cast<void*>(mp_sem_unlink), kMethO,
     "sem_unlink($module, name, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

int mp_exec(Object* m) {
  if (type_ready(&semlock_type) < 0) return -1;
  Ref<> max = Ref<>::steal(long_from_long(SEM_VALUE_MAX));
  if (!max || dict_set_item_string(semlock_type.dict, "SEM_VALUE_MAX", max.get()) < 0) return -1;
  type_modified(&semlock_type);
  if (module_add_object_ref(m, "SemLock", &semlock_type) < 0) return -1;
  Ref<> flags = Ref<>::steal(dict_new());
  Ref<> one = Ref<>::steal(long_from_long(1));
  if (!flags || !one || dict_set_item_string(flags.get(), "HAVE_SEM_OPEN", one.get()) < 0 ||
      dict_set_item_string(flags.get(), "HAVE_SEM_TIMEDWAIT", one.get()) < 0 ||
      module_add_object_ref(m, "flags", flags.get()) < 0)
    return -1;
  return 0;
}

ModuleDef mp_def = {"_multiprocessing", nullptr, mp_methods, mp_exec};

// --- _posixshmem -------------------------------------------------------------------------------

Object* shm_open_impl(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"path", "flags", "mode", nullptr};
  static const ArgParser parser = {"shm_open", kw, 2, 3, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  if (!str_check(a[0]))
    return errors::format(exc_TypeError, "shm_open() argument 'path' must be str, not %.50s",
                          a[0]->type->name);
  const char* path = str_as_utf8(a[0]);
  int flags, mode = 0777;
  if (!path || !int_arg(a[1], &flags) || (a[2] && !int_arg(a[2], &mode))) return nullptr;
  int fd;
  do {
    runtime::ThreadState* ts = vm::save_thread();
    fd = shm_open(path, flags, mode_t(mode));
    vm::restore_thread(ts);
  } while (fd < 0 && errno == EINTR && modules::_signal::check_signals() == 0);
  if (fd < 0) {
    int err = errno;
    if (errors::occurred()) return nullptr;
    return posix::errno_error(err, a[0]);
  }
  return long_from_long(fd);
}

Object* shm_unlink_impl(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"path", nullptr};
  static const ArgParser parser = {"shm_unlink", kw, 1, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  if (!str_check(a[0]))
    return errors::format(exc_TypeError, "shm_unlink() argument 'path' must be str, not %.50s",
                          a[0]->type->name);
  const char* path = str_as_utf8(a[0]);
  if (!path) return nullptr;
  int rv;
  do {
    runtime::ThreadState* ts = vm::save_thread();
    rv = shm_unlink(path);
    vm::restore_thread(ts);
  } while (rv < 0 && errno == EINTR && modules::_signal::check_signals() == 0);
  if (rv < 0) {
    int err = errno;
    if (errors::occurred()) return nullptr;
    return posix::errno_error(err, a[0]);
  }
  return new_ref(none());
}

MethodDef shm_methods[] = {
    {"shm_open", FASTCALL_KW(shm_open_impl),
     "shm_open($module, /, path, flags, mode=511)\n--\n\nOpen a shared memory object.  Returns "
     "a file descriptor (integer)."},
    {"shm_unlink", FASTCALL_KW(shm_unlink_impl),
     "shm_unlink($module, /, path)\n--\n\nRemove a shared memory object (similar to "
     "unlink()).\n\nRemove a shared memory object.  Similar to unlink()."},
    {nullptr, nullptr, 0, nullptr}};

ModuleDef shm_def = {"_posixshmem", nullptr, shm_methods, nullptr};

}  // namespace

ModuleDef* module_def() { return &mp_def; }
ModuleDef* posixshmem_module_def() { return &shm_def; }

}  // namespace cppy::modules::_multiprocessing
