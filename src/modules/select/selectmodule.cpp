// The select module: Modules/selectmodule.c of CPython 3.14 for Linux: select(), poll objects
// and epoll objects, with PyObject_AsFileDescriptor of Objects/fileobject.c. Waits run with
// the GIL released and are retried after EINTR with the remaining timeout (PEP 475).
#include "modules/select/selectmodule.h"

#include <limits.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <map>
#include <utility>
#include <vector>

#include "errors/errors.h"
#include "modules/_signal/signalmodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/exceptions.h"
#include "objects/fileobject.h"
#include "objects/floatobject.h"
#include "objects/clinic_args.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "runtime/pytime.h"
#include "vm/ceval_gil.h"

namespace cppy::modules::select {

using namespace objects;

namespace {

// PyObject_AsFileDescriptor: an int, or the int fileno() returns.
int as_file_descriptor(Object* o) { return object_as_file_descriptor(o); }

// seq2set: the descriptors of an iterable (with the objects, to return them).
bool seq2set(Object* seq, fd_set* set, std::vector<std::pair<int, Object*>>* items, int* maxfd) {
  FD_ZERO(set);
  Ref<> fast = Ref<>::steal(sequence_fast(seq, "arguments 1-3 must be sequences"));
  if (!fast) return false;
  ssize n = list_check(fast.get()) ? list_size(fast.get()) : tuple_size(fast.get());
  for (ssize i = 0; i < n; ++i) {
    Object* o = list_check(fast.get()) ? list_get_item(fast.get(), i) : tuple_item(fast.get(), i);
    int fd = as_file_descriptor(o);
    if (fd == -1) return false;
    if (fd >= FD_SETSIZE) {
      errors::set_string(exc_ValueError, "filedescriptor out of range in select()");
      return false;
    }
    if (fd > *maxfd) *maxfd = fd;
    FD_SET(fd, set);
    items->push_back({fd, o});
  }
  return true;
}

Object* set2list(const fd_set* set, const std::vector<std::pair<int, Object*>>& items) {
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  for (const auto& it : items) {
    if (FD_ISSET(it.first, set) && list_append(list.get(), it.second) < 0) return nullptr;
  }
  return list.release();
}

// select_select_impl.
Object* select_select(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("select", nargs, 3, 4)) return nullptr;
  Object* timeout_obj = nargs > 3 ? args[3] : none();
  runtime::PyTime timeout = -1;
  struct timeval tv, *tvp = nullptr;
  if (timeout_obj != none()) {
    if (runtime::time_from_seconds_object(&timeout, timeout_obj, runtime::kRoundTimeout) < 0) {
      if (errors::exception_matches(exc_TypeError)) {
        errors::clear();
        errors::set_string(exc_TypeError, "timeout must be a float or None");
      }
      return nullptr;
    }
    if (runtime::time_as_timeval(timeout, &tv, runtime::kRoundTimeout) < 0) return nullptr;
    if (tv.tv_sec < 0) {
      errors::set_string(exc_ValueError, "timeout must be non-negative");
      return nullptr;
    }
    tvp = &tv;
  }
  // Keep the sequences alive: their objects are returned.
  Ref<> keep[3] = {Ref<>::borrow(args[0]), Ref<>::borrow(args[1]), Ref<>::borrow(args[2])};
  fd_set ifdset, ofdset, efdset;
  std::vector<std::pair<int, Object*>> rl, wl, xl;
  int max = -1;
  if (!seq2set(args[0], &ifdset, &rl, &max) || !seq2set(args[1], &ofdset, &wl, &max) ||
      !seq2set(args[2], &efdset, &xl, &max)) {
    return nullptr;
  }
  // The objects stay referenced by the argument sequences for the call.
  runtime::PyTime deadline = tvp ? runtime::deadline_init(timeout) : 0;
  fd_set r, w, x;
  int n;
  for (;;) {
    r = ifdset;
    w = ofdset;
    x = efdset;
    {
      vm::AllowThreads allow;
      errno = 0;
      n = ::select(max + 1, &r, &w, &x, tvp);
    }
    if (n >= 0 || errno != EINTR) break;
    // select() was interrupted by a signal.
    if (_signal::check_signals() < 0) return nullptr;
    if (tvp) {
      timeout = runtime::deadline_get(deadline);
      if (timeout < 0) {
        // The timeout expired: an empty result.
        FD_ZERO(&r);
        FD_ZERO(&w);
        FD_ZERO(&x);
        n = 0;
        break;
      }
      runtime::time_as_timeval_clamp(timeout, &tv, runtime::TimeRound::kCeiling);
    }
  }
  if (n < 0) return errors::set_from_errno(exc_OSError);
  Ref<> a = Ref<>::steal(set2list(&r, rl));
  Ref<> b = Ref<>::steal(a ? set2list(&w, wl) : nullptr);
  Ref<> c = Ref<>::steal(b ? set2list(&x, xl) : nullptr);
  if (!c) return nullptr;
  return tuple_pack(3, a.get(), b.get(), c.get());
}

// select_poll_poll_impl's timeout: milliseconds (_PyTime_FromMillisecondsObject) as
// nanoseconds (-1: none) and poll()'s argument (-1 waits forever).
bool poll_timeout(Object* obj, runtime::PyTime* timeout, long long* ms) {
  *timeout = -1;
  *ms = -1;
  if (!obj || obj == none()) return true;
  if (runtime::time_from_milliseconds_object(timeout, obj, runtime::kRoundTimeout) < 0) {
    if (errors::exception_matches(exc_TypeError)) {
      errors::clear();
      errors::set_string(exc_TypeError, "timeout must be an integer or None");
    }
    return false;
  }
  *ms = runtime::time_as_milliseconds(*timeout, runtime::kRoundTimeout);
  if (*ms < INT_MIN || *ms > INT_MAX) {
    errors::set_string(exc_OverflowError, "timeout is too large");
    return false;
  }
  if (*ms < 0) *ms = -1;
  return true;
}

bool as_eventmask(Object* o, unsigned* out, unsigned max) {
  Ref<> idx = Ref<>::steal(number_index(o));
  if (!idx) return false;
  if (long_sign_of(idx.get()) < 0) {
    errors::set_string(exc_OverflowError, "Python int too large for C unsigned short");
    return false;
  }
  long long v = long_as_long_long(idx.get());
  if (v == -1 && errors::occurred()) return false;
  if (static_cast<unsigned long long>(v) > max) {
    errors::set_string(exc_OverflowError, max == 0xffff ? "Python int too large for C unsigned short"
                                                         : "Python int too large for C unsigned int");
    return false;
  }
  *out = static_cast<unsigned>(v);
  return true;
}

// ---- poll -----------------------------------------------------------------------------------

struct PollObject : Object {
  std::map<int, short>* dict;  // fd -> events, in registration order by fd
  bool ufd_uptodate;
  bool poll_running;
};

TypeObject poll_type{};

Object* poll_register(Object* op, Object* const* args, ssize nargs) {
  if (!check_positional("register", nargs, 1, 2)) return nullptr;
  auto* self = static_cast<PollObject*>(op);
  int fd = as_file_descriptor(args[0]);
  if (fd == -1) return nullptr;
  unsigned events = POLLIN | POLLPRI | POLLOUT;
  if (nargs > 1 && !as_eventmask(args[1], &events, 0xffff)) return nullptr;
  (*self->dict)[fd] = static_cast<short>(events);
  return return_none();
}

Object* poll_modify(Object* op, Object* const* args, ssize nargs) {
  if (!check_positional("modify", nargs, 2, 2)) return nullptr;
  auto* self = static_cast<PollObject*>(op);
  int fd = as_file_descriptor(args[0]);
  if (fd == -1) return nullptr;
  unsigned events;
  if (!as_eventmask(args[1], &events, 0xffff)) return nullptr;
  auto it = self->dict->find(fd);
  if (it == self->dict->end()) {
    errno = ENOENT;
    return errors::set_from_errno(exc_OSError);
  }
  it->second = static_cast<short>(events);
  return return_none();
}

Object* poll_unregister(Object* op, Object* arg) {
  auto* self = static_cast<PollObject*>(op);
  int fd = as_file_descriptor(arg);
  if (fd == -1) return nullptr;
  auto it = self->dict->find(fd);
  if (it == self->dict->end()) {
    Ref<> key = Ref<>::steal(long_from_long(fd));
    if (key) errors::set_object(exc_KeyError, key.get());
    return nullptr;
  }
  self->dict->erase(it);
  return return_none();
}

// select_poll_poll_impl.
Object* poll_poll(Object* op, Object* const* args, ssize nargs) {
  if (!check_positional("poll", nargs, 0, 1)) return nullptr;
  auto* self = static_cast<PollObject*>(op);
  runtime::PyTime timeout;
  long long ms;
  if (!poll_timeout(nargs ? args[0] : nullptr, &timeout, &ms)) return nullptr;
  if (self->poll_running) {
    errors::set_string(exc_RuntimeError, "concurrent poll() invocation");
    return nullptr;
  }
  std::vector<struct pollfd> ufds;
  for (const auto& [fd, events] : *self->dict) {
    struct pollfd p;
    p.fd = fd;
    p.events = events;
    p.revents = 0;
    ufds.push_back(p);
  }
  runtime::PyTime deadline = timeout >= 0 ? runtime::deadline_init(timeout) : 0;
  int poll_result;
  self->poll_running = true;
  for (;;) {
    {
      vm::AllowThreads allow;
      errno = 0;
      poll_result = ::poll(ufds.data(), ufds.size(), static_cast<int>(ms));
    }
    if (poll_result >= 0 || errno != EINTR) break;
    if (_signal::check_signals() < 0) {
      self->poll_running = false;
      return nullptr;
    }
    if (timeout >= 0) {
      timeout = runtime::deadline_get(deadline);
      if (timeout < 0) {
        poll_result = 0;
        break;
      }
      ms = runtime::time_as_milliseconds(timeout, runtime::TimeRound::kCeiling);
    }
  }
  self->poll_running = false;
  if (poll_result < 0) return errors::set_from_errno(exc_OSError);
  Ref<> result = Ref<>::steal(list_new(0));
  if (!result) return nullptr;
  for (const struct pollfd& p : ufds) {
    if (!p.revents) continue;
    // The revents of POLLNVAL-like results go through as is (unsigned short).
    Ref<> item = Ref<>::steal(nullptr);
    Ref<> fd = Ref<>::steal(long_from_long(p.fd));
    Ref<> ev = Ref<>::steal(long_from_long(static_cast<unsigned short>(p.revents)));
    if (!fd || !ev) return nullptr;
    item = Ref<>::steal(tuple_pack(2, fd.get(), ev.get()));
    if (!item || list_append(result.get(), item.get()) < 0) return nullptr;
  }
  return result.release();
}

void poll_dealloc(Object* o) {
  delete static_cast<PollObject*>(o)->dict;
  o->type->free(o);
}

Object* select_poll(Object*, Object*) {
  auto* self = static_cast<PollObject*>(poll_type.alloc(&poll_type, 0));
  if (!self) return nullptr;
  self->dict = new std::map<int, short>();
  self->ufd_uptodate = false;
  self->poll_running = false;
  return self;
}

// ---- epoll ----------------------------------------------------------------------------------

struct EpollObject : Object {
  int epfd;
};

TypeObject epoll_type{};

Object* epoll_closed_error() {
  errors::set_string(exc_ValueError, "I/O operation on closed epoll object");
  return nullptr;
}

Object* new_epoll(TypeObject* type, int sizehint, int fd) {
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* self = static_cast<EpollObject*>(obj.get());
  if (fd == -1) {
    (void)sizehint;
    self->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (self->epfd < 0) {
      self->epfd = -1;
      return errors::set_from_errno(exc_OSError);
    }
  } else {
    self->epfd = fd;
  }
  return obj.release();
}

// select_epoll_impl: epoll(sizehint=-1, flags=0).
Object* epoll_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"sizehint", "flags", nullptr};
  static const ArgParser parser = {"epoll", kw, 0, 2, 0};
  Object* a[2] = {};
  if (unpack_keywords_tuple(parser, args, kwds, a) < 0) return nullptr;
  int sizehint = -1, flags = 0;
  if (a[0] && (sizehint = long_as_int(a[0])) == -1 && errors::occurred()) return nullptr;
  if (a[1] && (flags = long_as_int(a[1])) == -1 && errors::occurred()) return nullptr;
  if (sizehint == -1) {
    sizehint = FD_SETSIZE - 1;
  } else if (sizehint <= 0) {
    errors::set_string(exc_ValueError, "negative sizehint");
    return nullptr;
  }
  if (flags && flags != EPOLL_CLOEXEC) {
    errno = EINVAL;
    return errors::set_from_errno(exc_OSError);
  }
  return new_epoll(type, sizehint, -1);
}

void epoll_dealloc(Object* o) {
  auto* self = static_cast<EpollObject*>(o);
  if (self->epfd >= 0) ::close(self->epfd);
  o->type->free(o);
}

Object* epoll_close(Object* op, Object*) {
  auto* self = static_cast<EpollObject*>(op);
  if (self->epfd >= 0) {
    int fd = self->epfd;
    self->epfd = -1;
    if (::close(fd) < 0) return errors::set_from_errno(exc_OSError);
  }
  return return_none();
}

Object* epoll_get_closed(Object* op, void*) {
  return new_ref(static_cast<EpollObject*>(op)->epfd < 0 ? py_true() : py_false());
}

Object* epoll_fileno(Object* op, Object*) {
  auto* self = static_cast<EpollObject*>(op);
  if (self->epfd < 0) return epoll_closed_error();
  return long_from_long(self->epfd);
}

Object* epoll_fromfd(Object* cls, Object* arg) {
  int fd = long_as_int(arg);
  if (fd == -1 && errors::occurred()) return nullptr;
  return new_epoll(reinterpret_cast<TypeObject*>(cls), FD_SETSIZE - 1, fd);
}

// pyepoll_internal_ctl.
Object* epoll_ctl(EpollObject* self, int op, Object* fdobj, unsigned events) {
  if (self->epfd < 0) return epoll_closed_error();
  int fd = as_file_descriptor(fdobj);
  if (fd == -1) return nullptr;
  struct epoll_event ev;
  ev.events = events;
  ev.data.u64 = 0;
  ev.data.fd = fd;
  int result = epoll_ctl(self->epfd, op, fd, op == EPOLL_CTL_DEL ? nullptr : &ev);
  if (result < 0) return errors::set_from_errno(exc_OSError);
  return return_none();
}

Object* epoll_register(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"fd", "eventmask", nullptr};
  static const ArgParser parser = {"register", kw, 1, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  unsigned events = EPOLLIN | EPOLLPRI | EPOLLOUT;
  if (a[1] && !as_eventmask(a[1], &events, 0xffffffffu)) return nullptr;
  return epoll_ctl(static_cast<EpollObject*>(op), EPOLL_CTL_ADD, a[0], events);
}

Object* epoll_modify(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"fd", "eventmask", nullptr};
  static const ArgParser parser = {"modify", kw, 2, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  unsigned events;
  if (!as_eventmask(a[1], &events, 0xffffffffu)) return nullptr;
  return epoll_ctl(static_cast<EpollObject*>(op), EPOLL_CTL_MOD, a[0], events);
}

Object* epoll_unregister(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"fd", nullptr};
  static const ArgParser parser = {"unregister", kw, 1, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  return epoll_ctl(static_cast<EpollObject*>(op), EPOLL_CTL_DEL, a[0], 0);
}

// select_epoll_poll_impl: poll(timeout=None, maxevents=-1), timeout in seconds.
Object* epoll_poll(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"timeout", "maxevents", nullptr};
  static const ArgParser parser = {"poll", kw, 0, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  auto* self = static_cast<EpollObject*>(op);
  if (self->epfd < 0) return epoll_closed_error();
  runtime::PyTime timeout = -1;
  long long ms = -1;
  if (a[0] && a[0] != none()) {
    // epoll_wait() counts milliseconds: rounded towards infinity to wait at least timeout.
    if (runtime::time_from_seconds_object(&timeout, a[0], runtime::kRoundTimeout) < 0) {
      if (errors::exception_matches(exc_TypeError)) {
        errors::clear();
        errors::set_string(exc_TypeError, "timeout must be an integer or None");
      }
      return nullptr;
    }
    ms = runtime::time_as_milliseconds(timeout, runtime::TimeRound::kCeiling);
    if (ms < INT_MIN || ms > INT_MAX) {
      errors::set_string(exc_OverflowError, "timeout is too large");
      return nullptr;
    }
    if (ms < 0) ms = -1;
  }
  int maxevents = -1;
  if (a[1] && (maxevents = long_as_int(a[1])) == -1 && errors::occurred()) return nullptr;
  if (maxevents == -1) {
    maxevents = FD_SETSIZE - 1;
  } else if (maxevents < 1) {
    return errors::format(exc_ValueError, "maxevents must be greater than 0, got %d",
                          maxevents);
  }
  std::vector<struct epoll_event> evs(static_cast<size_t>(maxevents));
  runtime::PyTime deadline = timeout >= 0 ? runtime::deadline_init(timeout) : 0;
  int nfds;
  for (;;) {
    {
      vm::AllowThreads allow;
      errno = 0;
      nfds = epoll_wait(self->epfd, evs.data(), maxevents, static_cast<int>(ms));
    }
    if (nfds >= 0 || errno != EINTR) break;
    if (_signal::check_signals() < 0) return nullptr;
    if (timeout >= 0) {
      timeout = runtime::deadline_get(deadline);
      if (timeout < 0) {
        nfds = 0;
        break;
      }
      ms = runtime::time_as_milliseconds(timeout, runtime::TimeRound::kCeiling);
    }
  }
  if (nfds < 0) return errors::set_from_errno(exc_OSError);
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  for (int i = 0; i < nfds; ++i) {
    Ref<> fd = Ref<>::steal(long_from_long(evs[static_cast<size_t>(i)].data.fd));
    Ref<> ev = Ref<>::steal(long_from_unsigned_long_long(evs[static_cast<size_t>(i)].events));
    if (!fd || !ev) return nullptr;
    Ref<> item = Ref<>::steal(tuple_pack(2, fd.get(), ev.get()));
    if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
  }
  return list.release();
}

Object* epoll_enter(Object* op, Object*) {
  if (static_cast<EpollObject*>(op)->epfd < 0) return epoll_closed_error();
  return new_ref(op);
}

Object* epoll_exit(Object* op, Object* const*, ssize) { return epoll_close(op, nullptr); }

#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef poll_methods[] = {
    {"register", FASTCALL(poll_register),
     "register($self, fd, eventmask=select.POLLIN | select.POLLPRI | select.POLLOUT, /)\n--\n\n"
     "Register a file descriptor with the polling object."},
    {"modify", FASTCALL(poll_modify),
     "modify($self, fd, eventmask, /)\n--\n\nModify an already registered file descriptor."},
    {"unregister", METH_O(poll_unregister),
     "unregister($self, fd, /)\n--\n\nRemove a file descriptor being tracked by the polling "
     "object."},
    {"poll", FASTCALL(poll_poll),
     "poll($self, timeout=None, /)\n--\n\nPolls the set of registered file descriptors."},
    {nullptr, nullptr, 0, nullptr}};

MethodDef epoll_methods[] = {
    {"close", NOARGS(epoll_close), "close($self, /)\n--\n\nClose the epoll control file descriptor."},
    {"fileno", NOARGS(epoll_fileno), "fileno($self, /)\n--\n\nReturn the epoll control file descriptor."},
    {"fromfd", reinterpret_cast<void*>(epoll_fromfd), kMethO | kMethClass,
     "fromfd($type, fd, /)\n--\n\nCreate an epoll object from a given control fd."},
    {"register", FASTCALL_KW(epoll_register),
     "register($self, /, fd, eventmask=select.EPOLLIN | select.EPOLLPRI | select.EPOLLOUT)\n--"
     "\n\nRegisters a new fd or raises an OSError if the fd is already registered."},
    {"modify", FASTCALL_KW(epoll_modify),
     "modify($self, /, fd, eventmask)\n--\n\nModify event mask for a registered file descriptor."},
    {"unregister", FASTCALL_KW(epoll_unregister),
     "unregister($self, /, fd)\n--\n\nRemove a registered file descriptor from the epoll "
     "object."},
    {"poll", FASTCALL_KW(epoll_poll),
     "poll($self, /, timeout=None, maxevents=-1)\n--\n\nWait for events on the epoll file "
     "descriptor."},
    {"__enter__", NOARGS(epoll_enter), "__enter__($self, /)\n--\n\n"},
    {"__exit__", FASTCALL(epoll_exit),
     "__exit__($self, exc_type=None, exc_value=None, exc_tb=None, /)\n--\n\n"},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef epoll_getset[] = {
    {"closed", epoll_get_closed, nullptr, "True if the epoll handler is closed", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

MethodDef select_methods[] = {
    {"select", FASTCALL(select_select),
     "select($module, rlist, wlist, xlist, timeout=None, /)\n--\n\nWait until one or more file "
     "descriptors are ready for some kind of I/O."},
    {"poll", NOARGS(select_poll),
     "poll($module, /)\n--\n\nReturns a polling object."},
    {nullptr, nullptr, 0, nullptr}};

int ready_types() {
  if (poll_type.name) return 0;
  {
    TypeObject t = static_type("select.poll", sizeof(PollObject), 0,
                               kTpflagsDisallowInstantiation);
    t.dealloc = poll_dealloc;
    t.methods = poll_methods;
    t.alloc = type_generic_alloc;
    t.free = object_generic_free;
    poll_type = t;
  }
  {
    TypeObject t = static_type("select.epoll", sizeof(EpollObject), 0, kTpflagsBasetype);
    t.doc = "select.epoll(sizehint=-1, flags=0)\n\nReturns an epolling object.";
    t.dealloc = epoll_dealloc;
    t.methods = epoll_methods;
    t.getset = epoll_getset;
    t.getattro = object_generic_getattr;
    t.alloc = type_generic_alloc;
    t.new_ = epoll_new;
    t.free = object_generic_free;
    epoll_type = t;
  }
  if (type_ready(&poll_type) < 0 || type_ready(&epoll_type) < 0) return -1;
  return 0;
}

int select_exec(Object* m) {
  if (ready_types() < 0) return -1;
  if (module_add_object_ref(m, "error", exc_OSError) < 0 ||
      module_add_object_ref(m, "epoll", &epoll_type) < 0) {
    return -1;
  }
  const std::pair<const char*, long long> consts[] = {
      {"PIPE_BUF", PIPE_BUF},       {"POLLIN", POLLIN},           {"POLLPRI", POLLPRI},
      {"POLLOUT", POLLOUT},         {"POLLERR", POLLERR},         {"POLLHUP", POLLHUP},
      {"POLLNVAL", POLLNVAL},       {"POLLRDNORM", POLLRDNORM},   {"POLLRDBAND", POLLRDBAND},
      {"POLLWRNORM", POLLWRNORM},   {"POLLWRBAND", POLLWRBAND},   {"POLLMSG", POLLMSG},
      {"POLLRDHUP", POLLRDHUP},     {"EPOLLIN", EPOLLIN},         {"EPOLLOUT", EPOLLOUT},
      {"EPOLLPRI", EPOLLPRI},       {"EPOLLERR", EPOLLERR},       {"EPOLLHUP", EPOLLHUP},
      {"EPOLLET", EPOLLET},         {"EPOLLONESHOT", EPOLLONESHOT},
      {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE}, {"EPOLLRDHUP", EPOLLRDHUP},
      {"EPOLLRDNORM", EPOLLRDNORM}, {"EPOLLRDBAND", EPOLLRDBAND}, {"EPOLLWRNORM", EPOLLWRNORM},
      {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},       {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
  };
  for (auto& c : consts) {
    Ref<> v = Ref<>::steal(long_from_long_long(c.second));
    if (!v || module_add_object_ref(m, c.first, v.get()) < 0) return -1;
  }
  return 0;
}

ModuleDef select_def = {
    "select",
    "This module supports asynchronous I/O on multiple file descriptors.\n\n*** IMPORTANT "
    "NOTICE ***\nOn Windows, only sockets are supported; on Unix, all file descriptors.",
    select_methods, select_exec};

}  // namespace

ModuleDef* module_def() { return &select_def; }

}  // namespace cppy::modules::select
