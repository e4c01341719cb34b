// The resource module: Modules/resource.c.
#include "modules/resource/resourcemodule.h"

#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/structseq.h"
#include "objects/tupleobject.h"

namespace cppy::modules::resource {

using namespace objects;

namespace {

TypeObject struct_rusage_type{};
StructSeqField struct_rusage_fields[] = {
    {"ru_utime", "user time used"},
    {"ru_stime", "system time used"},
    {"ru_maxrss", "max. resident set size"},
    {"ru_ixrss", "shared memory size"},
    {"ru_idrss", "unshared data size"},
    {"ru_isrss", "unshared stack size"},
    {"ru_minflt", "page faults not requiring I/O"},
    {"ru_majflt", "page faults requiring I/O"},
    {"ru_nswap", "number of swap outs"},
    {"ru_inblock", "block input operations"},
    {"ru_oublock", "block output operations"},
    {"ru_msgsnd", "IPC messages sent"},
    {"ru_msgrcv", "IPC messages received"},
    {"ru_nsignals", "signals received"},
    {"ru_nvcsw", "voluntary context switches"},
    {"ru_nivcsw", "involuntary context switches"},
    {nullptr, nullptr}};
StructSeqDesc struct_rusage_desc = {
    "resource.struct_rusage",
    "struct_rusage: Result from getrusage.\n\n"
    "This object may be accessed either as a tuple of\n"
    "    (utime,stime,maxrss,ixrss,idrss,isrss,minflt,majflt,\n"
    "    nswap,inblock,oublock,msgsnd,msgrcv,nsignals,nvcsw,nivcsw)\n"
    "or via the attributes ru_utime, ru_stime, ru_maxrss, and so on.",
    struct_rusage_fields, 16};

double doubletime(const struct timeval& tv) { return double(tv.tv_sec) + double(tv.tv_usec) * 1e-6; }

// resource_getrusage_impl.
Object* resource_getrusage(Object*, Object* arg) {
  long who = long_as_long(arg);
  if (who == -1 && errors::occurred()) return nullptr;
  struct rusage ru;
  if (getrusage(int(who), &ru) == -1) {
    if (errno == EINVAL) return errors::format(exc_ValueError, "invalid who parameter");
    return errors::set_from_errno(exc_OSError);
  }
  Ref<> result = Ref<>::steal(structseq_new(&struct_rusage_type));
  if (!result) return nullptr;
  Object* items[16] = {
      float_from_double(doubletime(ru.ru_utime)), float_from_double(doubletime(ru.ru_stime)),
      long_from_long(ru.ru_maxrss), long_from_long(ru.ru_ixrss), long_from_long(ru.ru_idrss),
      long_from_long(ru.ru_isrss), long_from_long(ru.ru_minflt), long_from_long(ru.ru_majflt),
      long_from_long(ru.ru_nswap), long_from_long(ru.ru_inblock), long_from_long(ru.ru_oublock),
      long_from_long(ru.ru_msgsnd), long_from_long(ru.ru_msgrcv), long_from_long(ru.ru_nsignals),
      long_from_long(ru.ru_nvcsw), long_from_long(ru.ru_nivcsw)};
  bool ok = true;
  for (int i = 0; i < 16; ++i) {
    if (!items[i]) ok = false;
    structseq_set_item(result.get(), i, items[i]);
  }
  return ok ? result.release() : nullptr;
}

// rlim2py: RLIM_INFINITY is -1, as the module's constant.
Object* rlim_to_object(rlim_t value) { return long_from_long_long((long long)value); }

Object* rlimit_to_tuple(const struct rlimit& rl) {
  Ref<> soft = Ref<>::steal(rlim_to_object(rl.rlim_cur));
  Ref<> hard = Ref<>::steal(rlim_to_object(rl.rlim_max));
  if (!soft || !hard) return nullptr;
  return tuple_pack(2, soft.get(), hard.get());
}

// py2rlimit: an int (index) to rlim_t; negative values wrap as C does (-1 is infinity).
bool object_to_rlim(Object* o, rlim_t* out) {
  Ref<> index = Ref<>::steal(number_index(o));
  if (!index) return false;
  int overflow = 0;
  long v = long_as_long_and_overflow(index.get(), &overflow);
  if (overflow > 0) {
    unsigned long long u = long_as_unsigned_long_long(index.get());
    if (u == (unsigned long long)-1 && errors::occurred()) return false;
    *out = rlim_t(u);
    return true;
  }
  if (overflow < 0 || (v == -1 && errors::occurred())) {
    if (!errors::occurred())
      errors::set_string(exc_OverflowError, "Python int too large to convert to C long");
    return false;
  }
  *out = rlim_t(v);
  return true;
}

// py2rlimit: limits must be a sequence of two ints.
bool limits_from_object(Object* limits, struct rlimit* rl) {
  Ref<> seq = Ref<>::steal(sequence_tuple(limits));
  if (!seq) return false;
  if (tuple_size(seq.get()) != 2) {
    errors::set_string(exc_ValueError, "expected a tuple of 2 integers");
    return false;
  }
  return object_to_rlim(tuple_items(seq.get())[0], &rl->rlim_cur) &&
         object_to_rlim(tuple_items(seq.get())[1], &rl->rlim_max);
}

bool resource_arg(Object* o, int* out) {
  long v = long_as_long(o);
  if (v == -1 && errors::occurred()) return false;
  if (v < 0 || v >= RLIM_NLIMITS) {
    errors::set_string(exc_ValueError, "invalid resource specified");
    return false;
  }
  *out = int(v);
  return true;
}

Object* resource_getrlimit(Object*, Object* arg) {
  int resource = 0;
  if (!resource_arg(arg, &resource)) return nullptr;
  struct rlimit rl;
  if (getrlimit(__rlimit_resource(resource), &rl) == -1) return errors::set_from_errno(exc_OSError);
  return rlimit_to_tuple(rl);
}

// The errors setrlimit and prlimit share (EINVAL and EPERM are ValueErrors).
std::nullptr_t set_limit_error() {
  if (errno == EINVAL) return errors::format(exc_ValueError, "current limit exceeds maximum limit");
  if (errno == EPERM) return errors::format(exc_ValueError, "not allowed to raise maximum limit");
  return errors::set_from_errno(exc_OSError);
}

Object* resource_setrlimit(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("setrlimit", nargs, 2, 2)) return nullptr;
  int resource = 0;
  if (!resource_arg(args[0], &resource)) return nullptr;
  struct rlimit rl;
  if (!limits_from_object(args[1], &rl)) return nullptr;
  if (setrlimit(__rlimit_resource(resource), &rl) == -1) return set_limit_error();
  return new_ref(none());
}

Object* resource_prlimit(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("prlimit", nargs, 2, 3)) return nullptr;
  long pid = long_as_long(args[0]);
  if (pid == -1 && errors::occurred()) return nullptr;
  int resource = 0;
  if (!resource_arg(args[1], &resource)) return nullptr;
  struct rlimit new_limit, old_limit;
  bool set = nargs == 3 && args[2] != none();
  if (set && !limits_from_object(args[2], &new_limit)) return nullptr;
  if (prlimit(pid_t(pid), __rlimit_resource(resource), set ? &new_limit : nullptr, &old_limit) == -1)
    return set_limit_error();
  return rlimit_to_tuple(old_limit);
}

Object* resource_getpagesize(Object*, Object*) { return long_from_long(sysconf(_SC_PAGE_SIZE)); }

MethodDef resource_methods[] = {
    {"getrusage", reinterpret_cast<void*>(resource_getrusage), kMethO,
     "getrusage($module, who, /)\n--\n\n"},
    {"getrlimit", reinterpret_cast<void*>(resource_getrlimit), kMethO,
     "getrlimit($module, resource, /)\n--\n\n"},
    {"setrlimit", reinterpret_cast<void*>(resource_setrlimit), kMethFastcall,
     "setrlimit($module, resource, limits, /)\n--\n\n"},
    {"prlimit", reinterpret_cast<void*>(resource_prlimit), kMethFastcall,
     "prlimit($module, pid, resource, limits=None, /)\n--\n\n"},
    {"getpagesize", reinterpret_cast<void*>(resource_getpagesize), kMethNoArgs,
     "getpagesize($module, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

int resource_exec(Object* m) {
  if (module_add_object_ref(m, "error", exc_OSError) < 0) return -1;
  if (!struct_rusage_type.name && structseq_init_type(&struct_rusage_type, &struct_rusage_desc) < 0)
    return -1;
  if (module_add_object_ref(m, "struct_rusage", &struct_rusage_type) < 0) return -1;
  const struct {
    const char* name;
    long long value;
  } constants[] = {
      {"RLIMIT_CPU", RLIMIT_CPU},         {"RLIMIT_FSIZE", RLIMIT_FSIZE},
      {"RLIMIT_DATA", RLIMIT_DATA},       {"RLIMIT_STACK", RLIMIT_STACK},
      {"RLIMIT_CORE", RLIMIT_CORE},       {"RLIMIT_NOFILE", RLIMIT_NOFILE},
      {"RLIMIT_OFILE", RLIMIT_OFILE},     {"RLIMIT_AS", RLIMIT_AS},
      {"RLIMIT_RSS", RLIMIT_RSS},         {"RLIMIT_NPROC", RLIMIT_NPROC},
      {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK}, {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE},
      {"RLIMIT_NICE", RLIMIT_NICE},       {"RLIMIT_RTPRIO", RLIMIT_RTPRIO},
      {"RLIMIT_RTTIME", RLIMIT_RTTIME},   {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
      {"RUSAGE_SELF", RUSAGE_SELF},       {"RUSAGE_CHILDREN", RUSAGE_CHILDREN},
      {"RUSAGE_THREAD", RUSAGE_THREAD},   {"RLIM_INFINITY", (long long)RLIM_INFINITY},
  };
  for (const auto& c : constants) {
    Ref<> v = Ref<>::steal(long_from_long_long(c.value));
    if (!v || module_add_object_ref(m, c.name, v.get()) < 0) return -1;
  }
  return 0;
}

ModuleDef resource_def = {"resource", nullptr, resource_methods, resource_exec};

}  // namespace

ModuleDef* module_def() { return &resource_def; }

}  // namespace cppy::modules::resource
