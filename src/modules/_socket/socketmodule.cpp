// The _socket module: Modules/socketmodule.c of CPython 3.14 for Linux. A socket object owns a
// file descriptor and a timeout (-1: blocking, 0: non-blocking, >0: the descriptor is
// non-blocking and every operation first waits with poll() up to the timeout, as sock_call
// does). Blocking calls run with the GIL released and are retried after EINTR (PEP 475).
#include "modules/_socket/socketmodule.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <netpacket/packet.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "errors/errors.h"
#include "gc/gc.h"
#include "modules/_codecs/codecs.h"
#include "modules/_signal/signalmodule.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/buffer.h"
#include "objects/bytearrayobject.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "runtime/pytime.h"
#include "vm/ceval_gil.h"

namespace cppy::modules::_socket {

using namespace objects;

namespace {

// sock_addr_t: room for every address family handled here.
union SockAddr {
  struct sockaddr sa;
  struct sockaddr_in in;
  struct sockaddr_in6 in6;
  struct sockaddr_un un;
  struct sockaddr_storage storage;
};

// PySocketSockObject.
struct SockObject : Object {
  int fd;
  int family;
  int type;
  int proto;
  long long timeout;  // nanoseconds; -1 blocks
};

TypeObject sock_type{};
// The module state (socket_state): one interpreter, so plain statics.
TypeObject* socket_herror = nullptr;
TypeObject* socket_gaierror = nullptr;
long long default_timeout = -1;

// SOCKLEN_T_LIMIT: the largest length stored in a socklen_t for ancillary data.
constexpr size_t kSocklenLimit = 0x7fffffff;

// ---- argument helpers (the PyArg_ParseTuple format units the module uses) -------------------

// vgetargs1's count message: "f() takes exactly/at least/at most N argument(s) (M given)".
bool check_count(const char* fname, ssize nargs, ssize min, ssize max) {
  if (nargs >= min && nargs <= max) return true;
  ssize n = nargs < min ? min : max;
  errors::format(exc_TypeError, "%s() takes %s %zd argument%s (%zd given)", fname,
                 min == max ? "exactly" : nargs < min ? "at least" : "at most", n,
                 n == 1 ? "" : "s", nargs);
  return false;
}

// "i": PyLong_AsInt.
bool arg_int(Object* o, int* out) {
  int v = long_as_int(o);
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  return true;
}

// "n": an index as Py_ssize_t.
bool arg_ssize(Object* o, ssize* out) {
  Ref<> idx = Ref<>::steal(number_index(o));
  if (!idx) return false;
  ssize v = long_as_ssize(idx.get());
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  return true;
}

// A non-negative int as an unsigned 64-bit value: false (no exception set) when it does not
// fit; the callers raise their own OverflowError.
bool as_u64(Object* v, unsigned long long* out) {
  if (long_sign_of(v) < 0 || long_num_bits(v) > 64) return false;
  if (long_num_bits(v) <= 63) {
    long long r = long_as_long_long(v);
    if (r == -1 && errors::occurred()) {
      errors::clear();
      return false;
    }
    *out = static_cast<unsigned long long>(r);
    return true;
  }
  // 64 bits: the two 32-bit halves.
  Ref<> mask = Ref<>::steal(long_from_long_long(0xffffffffLL));
  Ref<> shift = Ref<>::steal(long_from_long(32));
  Ref<> lo = Ref<>::steal(mask ? long_and(v, mask.get()) : nullptr);
  Ref<> hi = Ref<>::steal(shift ? long_rshift(v, shift.get()) : nullptr);
  if (!lo || !hi) {
    errors::clear();
    return false;
  }
  unsigned long long r = (static_cast<unsigned long long>(long_as_long_long(hi.get())) << 32) |
                         static_cast<unsigned long long>(long_as_long_long(lo.get()));
  *out = r;
  return true;
}

// "I": unsigned int without overflow checking (PyLong_AsUnsignedLongMask).
bool arg_uint_mask(Object* o, unsigned* out) {
  Ref<> idx = Ref<>::steal(number_index(o));
  if (!idx) return false;
  Ref<> mask = Ref<>::steal(long_from_unsigned_long_long(0xffffffffULL));
  if (!mask) return false;
  Ref<> masked = Ref<>::steal(long_and(idx.get(), mask.get()));
  if (!masked) return false;
  unsigned long long v = 0;
  as_u64(masked.get(), &v);
  *out = static_cast<unsigned>(v);
  return true;
}

// "s": a str without NUL characters, as UTF-8.
// argnum 0: a clinic positional-only parameter ("argument must be").
bool arg_str(const char* fname, int argnum, Object* o, const char** out) {
  if (!str_check(o)) {
    if (argnum == 0) {
      errors::format(exc_TypeError, "%s() argument must be str, not %.50s", fname,
                     o == none() ? "None" : o->type->name);
    } else {
      errors::format(exc_TypeError, "%s() argument %d must be str, not %.50s", fname, argnum,
                     o == none() ? "None" : o->type->name);
    }
    return false;
  }
  ssize n;
  const char* s = str_as_utf8(o, &n);
  if (!s) return false;
  if (static_cast<size_t>(n) != std::strlen(s)) {
    errors::set_string(exc_ValueError, "embedded null character");
    return false;
  }
  *out = s;
  return true;
}

// PyUnicode_EncodeFSDefault: UTF-8 with surrogateescape (bytes).
Object* encode_fs(Object* s) { return str_encode(s, "utf-8", "surrogateescape"); }
// PyUnicode_DecodeFSDefault.
Object* decode_fs(const char* s, ssize n) { return str_decode_utf8(s, n, "surrogateescape"); }
Object* decode_fs(const char* s) { return decode_fs(s, static_cast<ssize>(std::strlen(s))); }

// socket_parse_timeout.
bool parse_timeout(Object* obj, long long* timeout) {
  if (obj == none()) {
    *timeout = -1;
    return true;
  }
  runtime::PyTime ns;
  if (runtime::time_from_seconds_object(&ns, obj, runtime::kRoundTimeout) < 0) return false;
  *timeout = ns;
  if (*timeout < 0) {
    errors::set_string(exc_ValueError, "Timeout value out of range");
    return false;
  }
  return true;
}

// PyTime_AsSecondsDouble.
Object* timeout_as_float(long long ns) {
  return float_from_double(runtime::time_as_seconds_double(ns));
}

// ---- errors ----------------------------------------------------------------------------------

// set_error: OSError (or its errno subclass) from errno.
std::nullptr_t set_error() { return errors::set_from_errno(exc_OSError); }

Object* build_int_str(int code, const char* message) {
  Ref<> n = Ref<>::steal(long_from_long(code));
  Ref<> s = Ref<>::steal(str_from_cstr(message));
  if (!n || !s) return nullptr;
  return tuple_pack(2, n.get(), s.get());
}

// set_herror.
std::nullptr_t set_herror(int h_error) {
  Ref<> v = Ref<>::steal(build_int_str(h_error, hstrerror(h_error)));
  if (v) errors::set_object(socket_herror, v.get());
  return nullptr;
}

// set_gaierror.
std::nullptr_t set_gaierror(int error) {
  if (error == EAI_SYSTEM) return set_error();
  Ref<> v = Ref<>::steal(build_int_str(error, gai_strerror(error)));
  if (v) errors::set_object(socket_gaierror, v.get());
  return nullptr;
}

// ---- blocking mode and sock_call -------------------------------------------------------------

// internal_setblocking.
int internal_setblocking(SockObject* s, bool block) {
  int result;
  {
    vm::AllowThreads allow;
    int nonblock = !block;
    result = ioctl(s->fd, FIONBIO, &nonblock);
  }
  if (result == -1) {
    set_error();
    return -1;
  }
  return 0;
}

// internal_select: 1 on timeout, 0 when ready, -1 on error (errno set).
int internal_select(SockObject* s, bool writing, long long interval, bool connect) {
  if (s->fd == -1) return 0;
  struct pollfd pfd;
  pfd.fd = s->fd;
  pfd.events = writing ? POLLOUT : POLLIN;
  if (connect) pfd.events |= POLLERR;
  long long ms;
  if (interval < 0) {
    ms = -1;
  } else {
    ms = runtime::time_as_milliseconds(interval, runtime::TimeRound::kCeiling);
    if (ms > INT_MAX) ms = INT_MAX;
  }
  int n;
  {
    vm::AllowThreads allow;
    n = ::poll(&pfd, 1, static_cast<int>(ms));
  }
  if (n < 0) return -1;
  if (n == 0) return 1;
  return 0;
}

// sock_call_ex: func runs without the GIL and returns true on success (errno set on failure).
// 0 on success; -1 with an exception set (or, with err non-null, *err the error code and no
// exception unless a signal handler raised, then *err == -1).
template <class F>
int sock_call_ex(SockObject* s, bool writing, F&& func, bool connect, int* err,
                 long long timeout) {
  bool has_timeout = timeout > 0;
  long long deadline = 0;
  bool deadline_initialized = false;
  for (;;) {
    // For connect(), poll even a blocking socket: the connection runs asynchronously.
    if (has_timeout || connect) {
      int res;
      if (has_timeout) {
        long long interval;
        if (deadline_initialized) {
          interval = runtime::deadline_get(deadline);
        } else {
          deadline_initialized = true;
          deadline = runtime::deadline_init(timeout);
          interval = timeout;
        }
        res = interval >= 0 ? internal_select(s, writing, interval, connect) : 1;
      } else {
        res = internal_select(s, writing, timeout, connect);
      }
      if (res == -1) {
        if (err) *err = errno;
        if (errno == EINTR) {
          if (_signal::check_signals() < 0) {
            if (err) *err = -1;
            return -1;
          }
          continue;  // retry poll()
        }
        if (!err) set_error();
        return -1;
      }
      if (res == 1) {
        if (err) {
          *err = EWOULDBLOCK;
        } else {
          errors::set_string(exc_TimeoutError, "timed out");
        }
        return -1;
      }
    }
    // Retry func() when a signal interrupted it.
    for (;;) {
      bool ok;
      {
        vm::AllowThreads allow;
        ok = func();
      }
      if (ok) {
        if (err) *err = 0;
        return 0;
      }
      if (err) *err = errno;
      if (errno != EINTR) break;
      int saved = errno;
      if (_signal::check_signals() < 0) {
        if (err) *err = -1;
        return -1;
      }
      errno = saved;
    }
    // A false positive of poll() (the data was discarded): wait again.
    if (s->timeout > 0 && (errno == EWOULDBLOCK || errno == EAGAIN)) continue;
    if (!err) set_error();
    return -1;
  }
}

template <class F>
int sock_call(SockObject* s, bool writing, F&& func) {
  return sock_call_ex(s, writing, func, false, nullptr, s->timeout);
}

// init_sockobject.
int init_sockobject(SockObject* s, int fd, int family, int type, int proto) {
  s->fd = fd;
  s->family = family;
  s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  s->proto = proto;
  if (type & SOCK_NONBLOCK) {
    s->timeout = 0;
  } else {
    s->timeout = default_timeout;
    if (s->timeout >= 0 && internal_setblocking(s, false) == -1) return -1;
  }
  return 0;
}

// new_sockobject.
SockObject* new_sockobject(int fd, int family, int type, int proto) {
  Ref<> obj = Ref<>::steal(sock_type.alloc(&sock_type, 0));
  if (!obj) return nullptr;
  auto* s = static_cast<SockObject*>(obj.get());
  s->fd = -1;
  s->timeout = -1;
  if (init_sockobject(s, fd, family, type, proto) == -1) return nullptr;
  return static_cast<SockObject*>(obj.release());
}

// ---- addresses -------------------------------------------------------------------------------

// setipaddr: name to a numeric address of family af in addr; the address length (4 or 16), or
// -1 with an exception.
int setipaddr(const char* name, struct sockaddr* addr_ret, size_t addr_ret_size, int af) {
  struct addrinfo hints, *res;
  int error;
  std::memset(addr_ret, 0, sizeof(*addr_ret));
  if (name[0] == '\0') {
    std::memset(&hints, 0, sizeof(hints));
    hints.ai_family = af;
    hints.ai_socktype = SOCK_DGRAM;  // dummy
    hints.ai_flags = AI_PASSIVE;
    {
      vm::AllowThreads allow;
      error = getaddrinfo(nullptr, "0", &hints, &res);
    }
    if (error) {
      set_gaierror(error);
      return -1;
    }
    int siz;
    switch (res->ai_family) {
      case AF_INET:
        siz = 4;
        break;
      case AF_INET6:
        siz = 16;
        break;
      default:
        freeaddrinfo(res);
        errors::set_string(exc_OSError, "unsupported address family");
        return -1;
    }
    if (res->ai_next) {
      freeaddrinfo(res);
      errors::set_string(exc_OSError, "wildcard resolved to multiple address");
      return -1;
    }
    if (res->ai_addrlen < addr_ret_size) addr_ret_size = res->ai_addrlen;
    std::memcpy(addr_ret, res->ai_addr, addr_ret_size);
    freeaddrinfo(res);
    return siz;
  }
  // The broadcast address (inet_addr would fail on it).
  if (std::strcmp(name, "255.255.255.255") == 0 || std::strcmp(name, "<broadcast>") == 0) {
    if (af != AF_INET && af != AF_UNSPEC) {
      errors::set_string(exc_OSError, "address family mismatched");
      return -1;
    }
    auto* sin = reinterpret_cast<struct sockaddr_in*>(addr_ret);
    std::memset(sin, 0, sizeof(*sin));
    sin->sin_family = AF_INET;
    sin->sin_addr.s_addr = INADDR_BROADCAST;
    return sizeof(sin->sin_addr);
  }
  // Numeric addresses need no resolution.
  if (af == AF_UNSPEC || af == AF_INET) {
    auto* sin = reinterpret_cast<struct sockaddr_in*>(addr_ret);
    std::memset(sin, 0, sizeof(*sin));
    if (inet_pton(AF_INET, name, &sin->sin_addr) > 0) {
      sin->sin_family = AF_INET;
      return 4;
    }
  }
  // An IPv6 address with a scope ID goes to getaddrinfo (interface names).
  if ((af == AF_UNSPEC || af == AF_INET6) && !std::strchr(name, '%')) {
    auto* sin = reinterpret_cast<struct sockaddr_in6*>(addr_ret);
    std::memset(sin, 0, sizeof(*sin));
    if (inet_pton(AF_INET6, name, &sin->sin6_addr) > 0) {
      sin->sin6_family = AF_INET6;
      return 16;
    }
  }
  std::memset(&hints, 0, sizeof(hints));
  hints.ai_family = af;
  {
    vm::AllowThreads allow;
    error = getaddrinfo(name, nullptr, &hints, &res);
  }
  if (error) {
    set_gaierror(error);
    return -1;
  }
  if (res->ai_addrlen < addr_ret_size) addr_ret_size = res->ai_addrlen;
  std::memcpy(addr_ret, res->ai_addr, addr_ret_size);
  freeaddrinfo(res);
  switch (addr_ret->sa_family) {
    case AF_INET:
      return 4;
    case AF_INET6:
      return 16;
    default:
      errors::set_string(exc_OSError, "unknown address family");
      return -1;
  }
}

// make_ipv4_addr / make_ipv6_addr.
Object* make_ipv4_addr(const struct sockaddr_in* addr) {
  char buf[INET_ADDRSTRLEN];
  if (!inet_ntop(AF_INET, &addr->sin_addr, buf, sizeof(buf))) return set_error();
  return str_from_cstr(buf);
}

Object* make_ipv6_addr(const struct sockaddr_in6* addr) {
  char buf[INET6_ADDRSTRLEN];
  if (!inet_ntop(AF_INET6, &addr->sin6_addr, buf, sizeof(buf))) return set_error();
  return str_from_cstr(buf);
}

// makesockaddr: the Python form of an address.
Object* makesockaddr(const struct sockaddr* addr, size_t addrlen) {
  if (addrlen == 0) return return_none();  // recvfrom() of a connected socket
  switch (addr->sa_family) {
    case AF_INET: {
      auto* a = reinterpret_cast<const struct sockaddr_in*>(addr);
      Ref<> host = Ref<>::steal(make_ipv4_addr(a));
      Ref<> port = Ref<>::steal(host ? long_from_long(ntohs(a->sin_port)) : nullptr);
      if (!port) return nullptr;
      return tuple_pack(2, host.get(), port.get());
    }
    case AF_UNIX: {
      auto* a = reinterpret_cast<const struct sockaddr_un*>(addr);
      size_t linuxaddrlen = addrlen - offsetof(struct sockaddr_un, sun_path);
      if (linuxaddrlen > 0 && a->sun_path[0] == 0) {  // the Linux abstract namespace
        return bytes_from_string_and_size(a->sun_path, static_cast<ssize>(linuxaddrlen));
      }
      size_t n = strnlen(a->sun_path, linuxaddrlen < sizeof(a->sun_path) ? linuxaddrlen
                                                                         : sizeof(a->sun_path));
      return decode_fs(a->sun_path, static_cast<ssize>(n));
    }
    case AF_INET6: {
      auto* a = reinterpret_cast<const struct sockaddr_in6*>(addr);
      Ref<> host = Ref<>::steal(make_ipv6_addr(a));
      if (!host) return nullptr;
      Ref<> port = Ref<>::steal(long_from_long(ntohs(a->sin6_port)));
      Ref<> flow = Ref<>::steal(long_from_unsigned_long_long(ntohl(a->sin6_flowinfo)));
      Ref<> scope = Ref<>::steal(long_from_unsigned_long_long(a->sin6_scope_id));
      if (!port || !flow || !scope) return nullptr;
      return tuple_pack(4, host.get(), port.get(), flow.get(), scope.get());
    }
    default: {
      // An unknown family is returned as (family, raw bytes).
      Ref<> fam = Ref<>::steal(long_from_long(addr->sa_family));
      Ref<> data = Ref<>::steal(bytes_from_string_and_size(addr->sa_data, sizeof(addr->sa_data)));
      if (!fam || !data) return nullptr;
      return tuple_pack(2, fam.get(), data.get());
    }
  }
}

// idna_converter: a host name as bytes (ASCII str as is, other str through the idna codec).
bool idna_converter(Object* obj, std::string* out) {
  if (bytes_check(obj)) {
    out->assign(bytes_as_string(obj), static_cast<size_t>(bytes_size(obj)));
  } else if (bytearray_check(obj)) {
    out->assign(bytearray_as_string(obj), static_cast<size_t>(bytearray_size(obj)));
  } else if (str_check(obj)) {
    if (str_is_ascii(obj)) {
      ssize n;
      const char* s = str_as_utf8(obj, &n);
      if (!s) return false;
      out->assign(s, static_cast<size_t>(n));
    } else {
      Ref<> enc = Ref<>::steal(_codecs::encode(obj, "idna", nullptr));
      if (!enc || !bytes_check(enc.get())) {
        errors::clear();
        errors::set_string(exc_TypeError, "encoding of hostname failed");
        return false;
      }
      out->assign(bytes_as_string(enc.get()), static_cast<size_t>(bytes_size(enc.get())));
    }
  } else {
    errors::format(exc_TypeError, "str, bytes or bytearray expected, not %s", obj->type->name);
    return false;
  }
  if (std::strlen(out->c_str()) != out->size()) {
    errors::set_string(exc_TypeError, "host name must not contain null character");
    return false;
  }
  return true;
}

// The "O&i|II;message" tuple of an AF_INET / AF_INET6 address: host and port (and flowinfo,
// scope_id), with CPython's messages.
bool parse_inet_tuple(Object* args, const char* caller, const char* message, ssize maxn,
                      std::string* host, int* port, unsigned* flowinfo, unsigned* scope_id) {
  ssize n = tuple_size(args);
  if (n < 2 || n > maxn) {
    errors::set_string(exc_TypeError, message);
    return false;
  }
  bool ok = idna_converter(tuple_item(args, 0), host) && arg_int(tuple_item(args, 1), port) &&
            (n < 3 || arg_uint_mask(tuple_item(args, 2), flowinfo)) &&
            (n < 4 || arg_uint_mask(tuple_item(args, 3), scope_id));
  if (!ok) {
    if (errors::exception_matches(exc_OverflowError)) {
      errors::clear();
      errors::format(exc_OverflowError, "%s(): port must be 0-65535.", caller);
    }
    return false;
  }
  return true;
}

// getsockaddrarg: the address argument of bind(), connect()... for the socket's family.
bool getsockaddrarg(SockObject* s, Object* args, SockAddr* addrbuf, socklen_t* len_ret,
                    const char* caller) {
  switch (s->family) {
    case AF_UNIX: {
      // PEP 383; embedded NULs are allowed (the abstract namespace).
      Ref<> owned;
      if (str_check(args)) {
        owned = Ref<>::steal(encode_fs(args));
        if (!owned) return false;
        args = owned.get();
      }
      BufferHolder path;
      if (path.get(args) < 0) return false;
      struct sockaddr_un* addr = &addrbuf->un;
      std::memset(addr, 0, sizeof(*addr));
      size_t len = static_cast<size_t>(path.size());
      if (len == 0 || path.data()[0] == 0) {
        // The Linux abstract namespace: auto-binding or a name starting with NUL.
        if (len > sizeof(addr->sun_path)) {
          errors::set_string(exc_OSError, "AF_UNIX path too long");
          return false;
        }
        *len_ret = static_cast<socklen_t>(len + offsetof(struct sockaddr_un, sun_path));
      } else {
        if (len >= sizeof(addr->sun_path)) {
          errors::set_string(exc_OSError, "AF_UNIX path too long");
          return false;
        }
        addr->sun_path[len] = 0;
        *len_ret = static_cast<socklen_t>(len + offsetof(struct sockaddr_un, sun_path) + 1);
      }
      addr->sun_family = static_cast<sa_family_t>(s->family);
      std::memcpy(addr->sun_path, path.data(), len);
      return true;
    }
    case AF_INET: {
      if (!tuple_check(args)) {
        errors::format(exc_TypeError, "%s(): AF_INET address must be tuple, not %.500s", caller,
                       args->type->name);
        return false;
      }
      std::string host;
      int port;
      if (!parse_inet_tuple(args, caller, "AF_INET address must be a pair (host, port)", 2,
                            &host, &port, nullptr, nullptr)) {
        return false;
      }
      struct sockaddr_in* addr = &addrbuf->in;
      std::memset(addr, 0, sizeof(*addr));
      if (setipaddr(host.c_str(), reinterpret_cast<struct sockaddr*>(addr), sizeof(*addr),
                    AF_INET) < 0) {
        return false;
      }
      if (port < 0 || port > 0xffff) {
        errors::format(exc_OverflowError, "%s(): port must be 0-65535.", caller);
        return false;
      }
      addr->sin_family = AF_INET;
      addr->sin_port = htons(static_cast<uint16_t>(port));
      *len_ret = sizeof(*addr);
      return true;
    }
    case AF_INET6: {
      if (!tuple_check(args)) {
        errors::format(exc_TypeError, "%s(): AF_INET6 address must be tuple, not %.500s", caller,
                       args->type->name);
        return false;
      }
      std::string host;
      int port;
      unsigned flowinfo = 0, scope_id = 0;
      if (!parse_inet_tuple(args, caller,
                            "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])",
                            4, &host, &port, &flowinfo, &scope_id)) {
        return false;
      }
      struct sockaddr_in6* addr = &addrbuf->in6;
      std::memset(addr, 0, sizeof(*addr));
      if (setipaddr(host.c_str(), reinterpret_cast<struct sockaddr*>(addr), sizeof(*addr),
                    AF_INET6) < 0) {
        return false;
      }
      if (port < 0 || port > 0xffff) {
        errors::format(exc_OverflowError, "%s(): port must be 0-65535.", caller);
        return false;
      }
      if (flowinfo > 0xfffff) {
        errors::format(exc_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
        return false;
      }
      addr->sin6_family = static_cast<sa_family_t>(s->family);
      addr->sin6_port = htons(static_cast<uint16_t>(port));
      addr->sin6_flowinfo = htonl(flowinfo);
      addr->sin6_scope_id = scope_id;
      *len_ret = sizeof(*addr);
      return true;
    }
    default:
      errors::format(exc_OSError, "%s(): bad family", caller);
      return false;
  }
}

// getsockaddrlen.
bool getsockaddrlen(SockObject* s, socklen_t* len_ret) {
  switch (s->family) {
    case AF_UNIX:
      *len_ret = sizeof(struct sockaddr_un);
      return true;
    case AF_INET:
      *len_ret = sizeof(struct sockaddr_in);
      return true;
    case AF_INET6:
      *len_ret = sizeof(struct sockaddr_in6);
      return true;
    default:
      errors::set_string(exc_OSError, "getsockaddrlen: bad family");
      return false;
  }
}

// ---- the socket type -------------------------------------------------------------------------

SockObject* sock(Object* o) { return static_cast<SockObject*>(o); }

// sock_new: an unopened socket (sock_initobj opens it).
Object* sock_new(TypeObject* type, Object*, Object*) {
  Object* o = type->alloc(type, 0);
  if (!o) return nullptr;
  SockObject* s = sock(o);
  s->fd = -1;
  s->family = 0;
  s->type = 0;
  s->proto = 0;
  s->timeout = -1;
  return o;
}

// sock_initobj: socket(family=-1, type=-1, proto=-1, fileno=None).
int sock_initobj(Object* self, Object* args, Object* kwds) {
  static const char* const kw[] = {"family", "type", "proto", "fileno", nullptr};
  static const ArgParser parser = {"socket", kw, 0, 4, 0};
  Object* a[4] = {};
  if (!unpack_keywords(args ? tuple_items(args) : nullptr, args ? tuple_size(args) : 0, kwds,
                       nullptr, parser, a)) {
    return -1;
  }
  SockObject* s = sock(self);
  int family = -1, type = -1, proto = -1;
  if (a[0] && !arg_int(a[0], &family)) return -1;
  if (a[1] && !arg_int(a[1], &type)) return -1;
  if (a[2] && !arg_int(a[2], &proto)) return -1;
  Object* fdobj = a[3];
  int fd = -1;
  if (fdobj && fdobj != none()) {
    Ref<> idx = Ref<>::steal(number_index(fdobj));
    if (!idx) return -1;
    long long v = long_as_long_long(idx.get());
    if (v == -1 && errors::occurred()) return -1;
    if (v < 0) {
      errors::set_string(exc_ValueError, "negative file descriptor");
      return -1;
    }
    if (v > INT_MAX) {
      errors::set_string(exc_OverflowError, "Python int too large to convert to C int");
      return -1;
    }
    fd = static_cast<int>(v);
    // The descriptor must be a socket; its family, type and protocol fill the unset ones.
    SockAddr addrbuf;
    socklen_t addrlen = sizeof(addrbuf);
    std::memset(&addrbuf, 0, sizeof(addrbuf));
    if (getsockname(fd, &addrbuf.sa, &addrlen) == 0) {
      if (family == -1) family = addrbuf.sa.sa_family;
    } else if (errno == EBADF || errno == ENOTSOCK) {
      set_error();
      return -1;
    }
    if (type == -1) {
      int tmp;
      socklen_t slen = sizeof(tmp);
      if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &tmp, &slen) == 0) {
        type = tmp;
      } else {
        set_error();
        return -1;
      }
    }
    if (proto == -1) {
      int tmp;
      socklen_t slen = sizeof(tmp);
      if (getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &tmp, &slen) == 0) {
        proto = tmp;
      } else {
        set_error();
        return -1;
      }
    }
  } else {
    if (family == -1) family = AF_INET;
    if (type == -1) type = SOCK_STREAM;
    if (proto == -1) proto = 0;
    {
      vm::AllowThreads allow;
      fd = ::socket(family, type | SOCK_CLOEXEC, proto);
    }
    if (fd < 0) {
      set_error();
      return -1;
    }
  }
  // A second __init__ on an open socket replaces it, as CPython's does (the old descriptor
  // stays open there too).
  if (init_sockobject(s, fd, family, type, proto) == -1) return -1;
  return 0;
}

// sock_finalize: an unclosed socket warns, then closes.
void sock_finalize(Object* self) {
  SockObject* s = sock(self);
  Object* exc = errors::get_raised_exception();
  if (s->fd != -1) {
    if (errors::resource_warning(self, 1, "unclosed %R", self) < 0) {
      // Spurious errors can appear at shutdown.
      if (errors::exception_matches(exc_Warning)) {
        errors::format_unraisable("Exception ignored while finalizing socket %R", self);
      }
      errors::clear();
    }
    // Closed only after the warning, so that a logger can still call getsockname().
    int fd = s->fd;
    s->fd = -1;
    vm::AllowThreads allow;
    (void)::close(fd);
  }
  errors::set_raised_exception(exc);
}

int sock_traverse(Object*, visitproc, void*) { return 0; }

void sock_dealloc(Object* self) {
  if (object_call_finalizer_from_dealloc(self) < 0) return;
  gc::untrack(self);
  self->type->free(self);
}

// sock_repr.
Object* sock_repr(Object* self) {
  SockObject* s = sock(self);
  return str_from_format("<socket object, fd=%ld, family=%d, type=%d, proto=%d>",
                         static_cast<long>(s->fd), s->family, s->type, s->proto);
}

// s._accept() -> (fd, address)
Object* sock_accept(Object* self, Object*) {
  SockObject* s = sock(self);
  SockAddr addrbuf;
  socklen_t addrlen;
  if (!getsockaddrlen(s, &addrlen)) return nullptr;
  std::memset(&addrbuf, 0, addrlen);
  int newfd = -1;
  if (sock_call(s, false, [&] {
        socklen_t len = addrlen;
        newfd = accept4(s->fd, &addrbuf.sa, &len, SOCK_CLOEXEC);
        if (newfd >= 0) addrlen = len;
        return newfd >= 0;
      }) < 0) {
    return nullptr;
  }
  Ref<> fd = Ref<>::steal(long_from_long(newfd));
  if (!fd) {
    ::close(newfd);
    return nullptr;
  }
  Ref<> addr = Ref<>::steal(makesockaddr(&addrbuf.sa, addrlen));
  if (!addr) return nullptr;
  return tuple_pack(2, fd.get(), addr.get());
}

// s.setblocking(flag)
Object* sock_setblocking(Object* self, Object* arg) {
  int block = object_is_true(arg);
  if (block < 0) return nullptr;
  SockObject* s = sock(self);
  s->timeout = block ? -1 : 0;
  if (internal_setblocking(s, block) == -1) return nullptr;
  return return_none();
}

Object* sock_getblocking(Object* self, Object*) {
  return new_ref(sock(self)->timeout ? py_true() : py_false());
}

// s.settimeout(timeout)
Object* sock_settimeout(Object* self, Object* arg) {
  long long timeout;
  if (!parse_timeout(arg, &timeout)) return nullptr;
  SockObject* s = sock(self);
  s->timeout = timeout;
  // A positive timeout keeps the descriptor non-blocking: the waits are poll()'s.
  if (internal_setblocking(s, timeout < 0) == -1) return nullptr;
  return return_none();
}

Object* sock_gettimeout(Object* self, Object*) {
  SockObject* s = sock(self);
  if (s->timeout < 0) return return_none();
  return timeout_as_float(s->timeout);
}

Object* sock_timeout_get(Object* self, void*) { return sock_gettimeout(self, nullptr); }

// s.setsockopt(level, option, value) / (level, option, None, optlen)
Object* sock_setsockopt(Object* self, Object* const* args, ssize nargs) {
  SockObject* s = sock(self);
  // CPython tries "iii", then "iiO!I", then "iiy*": a failure reports the last form's error.
  int level, optname, res;
  if (nargs == 4 && args[2] == none()) {
    unsigned optlen;
    if (arg_int(args[0], &level) && arg_int(args[1], &optname) &&
        arg_uint_mask(args[3], &optlen)) {
      res = setsockopt(s->fd, level, optname, nullptr, static_cast<socklen_t>(optlen));
      if (res < 0) return set_error();
      return return_none();
    }
    errors::clear();
  }
  if (!check_count("setsockopt", nargs, 3, 3)) return nullptr;
  if (!arg_int(args[0], &level) || !arg_int(args[1], &optname)) return nullptr;
  int flag;
  if (arg_int(args[2], &flag)) {
    res = setsockopt(s->fd, level, optname, &flag, sizeof(flag));
  } else {
    // Not an int: a bytes-like value.
    errors::clear();
    BufferHolder optval;
    if (optval.get(args[2]) < 0) return nullptr;
    res = setsockopt(s->fd, level, optname, optval.data(), static_cast<socklen_t>(optval.size()));
  }
  if (res < 0) return set_error();
  return return_none();
}

// s.getsockopt(level, option[, buffersize])
Object* sock_getsockopt(Object* self, Object* const* args, ssize nargs) {
  SockObject* s = sock(self);
  if (!check_count("getsockopt", nargs, 2, 3)) return nullptr;
  int level, optname, buflen = 0;
  if (!arg_int(args[0], &level) || !arg_int(args[1], &optname)) return nullptr;
  if (nargs > 2 && !arg_int(args[2], &buflen)) return nullptr;
  if (buflen == 0) {
    int flag = 0;
    socklen_t flagsize = sizeof(flag);
    if (getsockopt(s->fd, level, optname, &flag, &flagsize) < 0) return set_error();
    return long_from_long(flag);
  }
  if (buflen <= 0 || buflen > 1024) {
    errors::set_string(exc_OSError, "getsockopt buflen out of range");
    return nullptr;
  }
  Object* buf = bytes_from_string_and_size(nullptr, buflen);
  if (!buf) return nullptr;
  socklen_t len = static_cast<socklen_t>(buflen);
  if (getsockopt(s->fd, level, optname, bytes_as_string(buf), &len) < 0) {
    decref(buf);
    return set_error();
  }
  if (bytes_resize(&buf, static_cast<ssize>(len)) < 0) return nullptr;
  return buf;
}

// s.bind(address)
Object* sock_bind(Object* self, Object* addro) {
  SockObject* s = sock(self);
  SockAddr addrbuf;
  socklen_t addrlen;
  if (!getsockaddrarg(s, addro, &addrbuf, &addrlen, "bind")) return nullptr;
  int res;
  {
    vm::AllowThreads allow;
    res = ::bind(s->fd, &addrbuf.sa, addrlen);
  }
  if (res < 0) return set_error();
  return return_none();
}

// s.close()
Object* sock_close(Object* self, Object*) {
  SockObject* s = sock(self);
  int fd = s->fd;
  if (fd != -1) {
    s->fd = -1;
    int res;
    {
      // No retry on EINTR: the descriptor is released anyway (see CPython's sock_close).
      vm::AllowThreads allow;
      res = ::close(fd);
    }
    // bpo-30319: the peer may have closed the connection already.
    if (res < 0 && errno != ECONNRESET) return set_error();
  }
  return return_none();
}

Object* sock_detach(Object* self, Object*) {
  SockObject* s = sock(self);
  int fd = s->fd;
  s->fd = -1;
  return long_from_long(fd);
}

// internal_connect: 0 on success; with raise, -1 and an exception on failure; without, the
// error code (or -1 with an exception for other errors).
int internal_connect(SockObject* s, const struct sockaddr* addr, socklen_t addrlen, bool raise) {
  int res;
  {
    vm::AllowThreads allow;
    res = ::connect(s->fd, addr, addrlen);
  }
  if (!res) return 0;
  int err = errno;
  bool wait_connect;
  if (err == EINTR) {
    if (_signal::check_signals() < 0) return -1;
    // Issue #23618: the connection runs asynchronously; a blocking socket (or one with a
    // timeout) waits for it, a non-blocking one raises InterruptedError.
    wait_connect = s->timeout != 0;
  } else {
    wait_connect = s->timeout > 0 && err == EINPROGRESS;
  }
  if (!wait_connect) {
    if (raise) {
      errno = err;
      set_error();
      return -1;
    }
    return err;
  }
  auto connect_done = [s] {
    int e;
    socklen_t size = sizeof(e);
    if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &e, &size)) return false;
    if (e == EISCONN) return true;
    if (e != 0) {
      errno = e;
      return false;
    }
    return true;
  };
  if (raise) {
    if (sock_call_ex(s, true, connect_done, true, nullptr, s->timeout) < 0) return -1;
  } else {
    if (sock_call_ex(s, true, connect_done, true, &err, s->timeout) < 0) return err;
  }
  return 0;
}

Object* sock_connect(Object* self, Object* addro) {
  SockObject* s = sock(self);
  SockAddr addrbuf;
  socklen_t addrlen;
  if (!getsockaddrarg(s, addro, &addrbuf, &addrlen, "connect")) return nullptr;
  if (internal_connect(s, &addrbuf.sa, addrlen, true) < 0) return nullptr;
  return return_none();
}

Object* sock_connect_ex(Object* self, Object* addro) {
  SockObject* s = sock(self);
  SockAddr addrbuf;
  socklen_t addrlen;
  if (!getsockaddrarg(s, addro, &addrbuf, &addrlen, "connect_ex")) return nullptr;
  int res = internal_connect(s, &addrbuf.sa, addrlen, false);
  if (res == -1 && errors::occurred()) return nullptr;
  return long_from_long(res);
}

Object* sock_fileno(Object* self, Object*) { return long_from_long(sock(self)->fd); }

Object* sock_getsockname(Object* self, Object*) {
  SockObject* s = sock(self);
  SockAddr addrbuf;
  socklen_t addrlen;
  if (!getsockaddrlen(s, &addrlen)) return nullptr;
  std::memset(&addrbuf, 0, addrlen);
  int res;
  {
    vm::AllowThreads allow;
    res = getsockname(s->fd, &addrbuf.sa, &addrlen);
  }
  if (res < 0) return set_error();
  return makesockaddr(&addrbuf.sa, addrlen);
}

Object* sock_getpeername(Object* self, Object*) {
  SockObject* s = sock(self);
  SockAddr addrbuf;
  socklen_t addrlen;
  if (!getsockaddrlen(s, &addrlen)) return nullptr;
  std::memset(&addrbuf, 0, addrlen);
  int res;
  {
    vm::AllowThreads allow;
    res = getpeername(s->fd, &addrbuf.sa, &addrlen);
  }
  if (res < 0) return set_error();
  return makesockaddr(&addrbuf.sa, addrlen);
}

// s.listen([backlog])
Object* sock_listen(Object* self, Object* const* args, ssize nargs) {
  SockObject* s = sock(self);
  if (!check_count("listen", nargs, 0, 1)) return nullptr;
  int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
  if (nargs && !arg_int(args[0], &backlog)) return nullptr;
  if (backlog < 0) backlog = 0;
  int res;
  {
    vm::AllowThreads allow;
    res = ::listen(s->fd, backlog);
  }
  if (res < 0) return set_error();
  return return_none();
}

// sock_recv_guts: the byte count read into cbuf, or -1 with an exception.
ssize sock_recv_guts(SockObject* s, char* cbuf, ssize len, int flags) {
  if (len == 0) return 0;  // nothing was asked for
  ssize result = -1;
  if (sock_call(s, false, [&] {
        result = ::recv(s->fd, cbuf, static_cast<size_t>(len), flags);
        return result >= 0;
      }) < 0) {
    return -1;
  }
  return result;
}

// s.recv(buffersize[, flags])
Object* sock_recv(Object* self, Object* const* args, ssize nargs) {
  SockObject* s = sock(self);
  if (!check_count("recv", nargs, 1, 2)) return nullptr;
  ssize recvlen;
  int flags = 0;
  if (!arg_ssize(args[0], &recvlen)) return nullptr;
  if (nargs > 1 && !arg_int(args[1], &flags)) return nullptr;
  if (recvlen < 0) {
    errors::set_string(exc_ValueError, "negative buffersize in recv");
    return nullptr;
  }
  Object* buf = bytes_from_string_and_size(nullptr, recvlen);
  if (!buf) return nullptr;
  ssize outlen = sock_recv_guts(s, bytes_as_string(buf), recvlen, flags);
  if (outlen < 0) {
    decref(buf);
    return nullptr;
  }
  if (outlen != recvlen && bytes_resize(&buf, outlen) < 0) return nullptr;
  return buf;
}

// The "w*|ni" arguments of recv_into / recvfrom_into.
bool parse_into_args(const char* fname, Object* const* args, ssize nargs, Object* kwnames,
                     BufferHolder* pbuf, ssize* recvlen, int* flags) {
  static const char* const kw[] = {"buffer", "nbytes", "flags", nullptr};
  const ArgParser parser = {fname, kw, 1, 3, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return false;
  if (pbuf->get(a[0], kBufWritable) < 0) {
    errors::clear();
    errors::format(exc_TypeError, "%s() argument 1 must be read-write bytes-like object, not %.50s",
                   fname, a[0] == none() ? "None" : a[0]->type->name);
    return false;
  }
  *recvlen = 0;
  *flags = 0;
  if (a[1] && !arg_ssize(a[1], recvlen)) return false;
  if (a[2] && !arg_int(a[2], flags)) return false;
  return true;
}

// s.recv_into(buffer, [nbytes[, flags]])
Object* sock_recv_into(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  SockObject* s = sock(self);
  BufferHolder pbuf;
  ssize recvlen;
  int flags;
  if (!parse_into_args("recv_into", args, nargs, kwnames, &pbuf, &recvlen, &flags)) return nullptr;
  if (recvlen < 0) {
    errors::set_string(exc_ValueError, "negative buffersize in recv_into");
    return nullptr;
  }
  if (recvlen == 0) recvlen = pbuf.size();  // nbytes defaults to the buffer's length
  if (pbuf.size() < recvlen) {
    errors::set_string(exc_ValueError, "buffer too small for requested bytes");
    return nullptr;
  }
  ssize readlen = sock_recv_guts(s, pbuf.mutable_data(), recvlen, flags);
  if (readlen < 0) return nullptr;
  return long_from_ssize(readlen);
}

// sock_recvfrom_guts.
ssize sock_recvfrom_guts(SockObject* s, char* cbuf, ssize len, int flags, Ref<>* addr) {
  SockAddr addrbuf;
  socklen_t addrlen;
  if (!getsockaddrlen(s, &addrlen)) return -1;
  socklen_t maxlen = addrlen;
  ssize result = -1;
  if (sock_call(s, false, [&] {
        std::memset(&addrbuf, 0, maxlen);
        addrlen = maxlen;
        result = ::recvfrom(s->fd, cbuf, static_cast<size_t>(len), flags, &addrbuf.sa, &addrlen);
        return result >= 0;
      }) < 0) {
    return -1;
  }
  *addr = Ref<>::steal(makesockaddr(&addrbuf.sa, addrlen));
  if (!*addr) return -1;
  return result;
}

// s.recvfrom(buffersize[, flags])
Object* sock_recvfrom(Object* self, Object* const* args, ssize nargs) {
  SockObject* s = sock(self);
  if (!check_count("recvfrom", nargs, 1, 2)) return nullptr;
  ssize recvlen;
  int flags = 0;
  if (!arg_ssize(args[0], &recvlen)) return nullptr;
  if (nargs > 1 && !arg_int(args[1], &flags)) return nullptr;
  if (recvlen < 0) {
    errors::set_string(exc_ValueError, "negative buffersize in recvfrom");
    return nullptr;
  }
  Object* raw = bytes_from_string_and_size(nullptr, recvlen);
  if (!raw) return nullptr;
  Ref<> addr;
  ssize outlen = sock_recvfrom_guts(s, bytes_as_string(raw), recvlen, flags, &addr);
  if (outlen < 0) {
    decref(raw);
    return nullptr;
  }
  if (outlen != recvlen && bytes_resize(&raw, outlen) < 0) return nullptr;
  Ref<> buf = Ref<>::steal(raw);
  return tuple_pack(2, buf.get(), addr.get());
}

// s.recvfrom_into(buffer[, nbytes[, flags]])
Object* sock_recvfrom_into(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  SockObject* s = sock(self);
  BufferHolder pbuf;
  ssize recvlen;
  int flags;
  if (!parse_into_args("recvfrom_into", args, nargs, kwnames, &pbuf, &recvlen, &flags)) {
    return nullptr;
  }
  if (recvlen < 0) {
    errors::set_string(exc_ValueError, "negative buffersize in recvfrom_into");
    return nullptr;
  }
  if (recvlen == 0) {
    recvlen = pbuf.size();
  } else if (recvlen > pbuf.size()) {
    errors::set_string(exc_ValueError, "nbytes is greater than the length of the buffer");
    return nullptr;
  }
  Ref<> addr;
  ssize readlen = sock_recvfrom_guts(s, pbuf.mutable_data(), recvlen, flags, &addr);
  if (readlen < 0) return nullptr;
  Ref<> n = Ref<>::steal(long_from_ssize(readlen));
  if (!n) return nullptr;
  return tuple_pack(2, n.get(), addr.get());
}

// s.send(data[, flags])
Object* sock_send(Object* self, Object* const* args, ssize nargs) {
  SockObject* s = sock(self);
  if (!check_count("send", nargs, 1, 2)) return nullptr;
  BufferHolder pbuf;
  if (pbuf.get(args[0]) < 0) return nullptr;
  int flags = 0;
  if (nargs > 1 && !arg_int(args[1], &flags)) return nullptr;
  ssize result = -1;
  if (sock_call(s, true, [&] {
        result = ::send(s->fd, pbuf.data(), static_cast<size_t>(pbuf.size()), flags);
        return result >= 0;
      }) < 0) {
    return nullptr;
  }
  return long_from_ssize(result);
}

// s.sendall(data[, flags]): sends everything, the timeout covering the whole call.
Object* sock_sendall(Object* self, Object* const* args, ssize nargs) {
  SockObject* s = sock(self);
  if (!check_count("sendall", nargs, 1, 2)) return nullptr;
  BufferHolder pbuf;
  if (pbuf.get(args[0]) < 0) return nullptr;
  int flags = 0;
  if (nargs > 1 && !arg_int(args[1], &flags)) return nullptr;
  const char* buf = pbuf.data();
  ssize len = pbuf.size();
  bool has_timeout = s->timeout > 0;
  long long timeout = s->timeout;
  long long deadline = 0;
  bool deadline_initialized = false;
  do {
    if (has_timeout) {
      if (deadline_initialized) {
        timeout = runtime::deadline_get(deadline);
        if (timeout <= 0) {
          errors::set_string(exc_TimeoutError, "timed out");
          return nullptr;
        }
      } else {
        deadline_initialized = true;
        deadline = runtime::deadline_init(timeout);
      }
    }
    ssize n = -1;
    if (sock_call_ex(s, true, [&] {
          n = ::send(s->fd, buf, static_cast<size_t>(len), flags);
          return n >= 0;
        }, false, nullptr, timeout) < 0) {
      return nullptr;
    }
    buf += n;
    len -= n;
    // send() can return a partial write when interrupted: run the handlers before looping.
    if (_signal::check_signals() < 0) return nullptr;
  } while (len > 0);
  return return_none();
}

// s.sendto(data[, flags], address)
Object* sock_sendto(Object* self, Object* const* args, ssize nargs) {
  SockObject* s = sock(self);
  Object* data;
  Object* addro;
  int flags = 0;
  if (nargs == 2) {
    data = args[0];
    addro = args[1];
  } else if (nargs == 3) {
    data = args[0];
    if (!arg_int(args[1], &flags)) return nullptr;
    addro = args[2];
  } else {
    errors::format(exc_TypeError, "sendto() takes 2 or 3 arguments (%zd given)", nargs);
    return nullptr;
  }
  BufferHolder pbuf;
  if (pbuf.get(data) < 0) return nullptr;
  SockAddr addrbuf;
  socklen_t addrlen;
  if (!getsockaddrarg(s, addro, &addrbuf, &addrlen, "sendto")) return nullptr;
  ssize result = -1;
  if (sock_call(s, true, [&] {
        result = ::sendto(s->fd, pbuf.data(), static_cast<size_t>(pbuf.size()), flags,
                          &addrbuf.sa, addrlen);
        return result >= 0;
      }) < 0) {
    return nullptr;
  }
  return long_from_ssize(result);
}

// s.shutdown(how)
Object* sock_shutdown(Object* self, Object* arg) {
  SockObject* s = sock(self);
  int how;
  if (!arg_int(arg, &how)) return nullptr;
  int res;
  {
    vm::AllowThreads allow;
    res = ::shutdown(s->fd, how);
  }
  if (res < 0) return set_error();
  return return_none();
}

// ---- sendmsg / recvmsg -----------------------------------------------------------------------

// get_CMSG_LEN / get_CMSG_SPACE with overflow checks: false when length is out of range.
bool get_cmsg_len(size_t length, size_t* result) {
  size_t tmp = CMSG_LEN(0);
  if (length > static_cast<size_t>(SSIZE_MAX) - tmp) return false;
  tmp = CMSG_LEN(length);
  if (tmp > kSocklenLimit || tmp < length) return false;
  *result = tmp;
  return true;
}

bool get_cmsg_space(size_t length, size_t* result) {
  size_t tmp = CMSG_SPACE(1);
  if (length > static_cast<size_t>(SSIZE_MAX) - tmp) return false;
  tmp = CMSG_SPACE(length);
  if (tmp > kSocklenLimit || tmp < length) return false;
  *result = tmp;
  return true;
}

// sock_recvmsg_guts: recvmsg() into the iovecs; the byte count, or -1 with an exception. The
// ancillary data (a list of (level, type, data)), the flags and the address come back through
// the out parameters.
ssize sock_recvmsg_guts(SockObject* s, struct iovec* iov, size_t iovlen, int flags,
                        ssize controllen, Ref<>* anc, int* msg_flags, Ref<>* addr) {
  if (controllen < 0 || static_cast<size_t>(controllen) > kSocklenLimit) {
    errors::set_string(exc_ValueError, "invalid ancillary data buffer length");
    return -1;
  }
  SockAddr addrbuf;
  socklen_t addrbuflen;
  if (!getsockaddrlen(s, &addrbuflen)) return -1;
  std::vector<char> controlbuf(static_cast<size_t>(controllen > 0 ? controllen : 1));
  struct msghdr msg;
  ssize result = -1;
  if (sock_call(s, false, [&] {
        std::memset(&msg, 0, sizeof(msg));
        std::memset(&addrbuf, 0, addrbuflen);
        msg.msg_name = &addrbuf.sa;
        msg.msg_namelen = addrbuflen;
        msg.msg_iov = iov;
        msg.msg_iovlen = iovlen;
        msg.msg_control = controllen > 0 ? controlbuf.data() : nullptr;
        msg.msg_controllen = static_cast<size_t>(controllen);
        result = ::recvmsg(s->fd, &msg, flags);
        return result >= 0;
      }) < 0) {
    return -1;
  }
  Ref<> cmsg_list = Ref<>::steal(list_new(0));
  if (!cmsg_list) return -1;
  if (msg.msg_controllen > 0 && msg.msg_control) {
    for (struct cmsghdr* cmsgh = CMSG_FIRSTHDR(&msg); cmsgh; cmsgh = CMSG_NXTHDR(&msg, cmsgh)) {
      // The data of the item, cut at the end of the control buffer (a truncated last item).
      char* data = reinterpret_cast<char*>(CMSG_DATA(cmsgh));
      char* end = static_cast<char*>(msg.msg_control) + msg.msg_controllen;
      size_t datalen = cmsgh->cmsg_len > CMSG_LEN(0) ? cmsgh->cmsg_len - CMSG_LEN(0) : 0;
      if (data + datalen > end) datalen = data < end ? static_cast<size_t>(end - data) : 0;
      Ref<> level = Ref<>::steal(long_from_long(cmsgh->cmsg_level));
      Ref<> type = Ref<>::steal(long_from_long(cmsgh->cmsg_type));
      Ref<> bytes = Ref<>::steal(bytes_from_string_and_size(data, static_cast<ssize>(datalen)));
      if (!level || !type || !bytes) return -1;
      Ref<> item = Ref<>::steal(tuple_pack(3, level.get(), type.get(), bytes.get()));
      if (!item || list_append(cmsg_list.get(), item.get()) < 0) return -1;
    }
  }
  *addr = Ref<>::steal(
      makesockaddr(&addrbuf.sa, msg.msg_namelen < addrbuflen ? msg.msg_namelen : addrbuflen));
  if (!*addr) return -1;
  *anc = std::move(cmsg_list);
  *msg_flags = msg.msg_flags;
  return result;
}

// s.recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)
Object* sock_recvmsg(Object* self, Object* const* args, ssize nargs) {
  SockObject* s = sock(self);
  if (!check_count("recvmsg", nargs, 1, 3)) return nullptr;
  ssize bufsize, ancbufsize = 0;
  int flags = 0;
  if (!arg_ssize(args[0], &bufsize)) return nullptr;
  if (nargs > 1 && !arg_ssize(args[1], &ancbufsize)) return nullptr;
  if (nargs > 2 && !arg_int(args[2], &flags)) return nullptr;
  if (bufsize < 0) {
    errors::set_string(exc_ValueError, "negative buffer size in recvmsg()");
    return nullptr;
  }
  Object* raw = bytes_from_string_and_size(nullptr, bufsize);
  if (!raw) return nullptr;
  Ref<> buf = Ref<>::steal(raw);
  struct iovec iov;
  iov.iov_base = bytes_as_string(buf.get());
  iov.iov_len = static_cast<size_t>(bufsize);
  Ref<> anc, addr;
  int mflags = 0;
  ssize result = sock_recvmsg_guts(s, &iov, 1, flags, ancbufsize, &anc, &mflags, &addr);
  if (result < 0) return nullptr;
  if (result != bufsize) {
    Object* b = buf.release();
    if (bytes_resize(&b, result) < 0) return nullptr;
    buf = Ref<>::steal(b);
  }
  Ref<> mf = Ref<>::steal(long_from_long(mflags));
  if (!mf) return nullptr;
  return tuple_pack(4, buf.get(), anc.get(), mf.get(), addr.get());
}

// s.recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address)
Object* sock_recvmsg_into(Object* self, Object* const* args, ssize nargs) {
  SockObject* s = sock(self);
  if (!check_count("recvmsg_into", nargs, 1, 3)) return nullptr;
  ssize ancbufsize = 0;
  int flags = 0;
  if (nargs > 1 && !arg_ssize(args[1], &ancbufsize)) return nullptr;
  if (nargs > 2 && !arg_int(args[2], &flags)) return nullptr;
  Ref<> fast = Ref<>::steal(
      sequence_fast(args[0], "recvmsg_into() argument 1 must be an iterable"));
  if (!fast) return nullptr;
  ssize n = list_check(fast.get()) ? list_size(fast.get()) : tuple_size(fast.get());
  std::vector<BufferHolder> bufs(static_cast<size_t>(n));
  std::vector<struct iovec> iovs(static_cast<size_t>(n));
  for (ssize i = 0; i < n; ++i) {
    Object* item = list_check(fast.get()) ? list_get_item(fast.get(), i) : tuple_item(fast.get(), i);
    BufferHolder& b = bufs[static_cast<size_t>(i)];
    if (b.get(item, kBufWritable) < 0) {
      errors::clear();
      return errors::format(exc_TypeError,
                            "recvmsg_into() argument 1 must be an iterable of single-segment "
                            "read-write buffers");
    }
    iovs[static_cast<size_t>(i)].iov_base = b.mutable_data();
    iovs[static_cast<size_t>(i)].iov_len = static_cast<size_t>(b.size());
  }
  Ref<> anc, addr;
  int mflags = 0;
  ssize result =
      sock_recvmsg_guts(s, iovs.data(), iovs.size(), flags, ancbufsize, &anc, &mflags, &addr);
  if (result < 0) return nullptr;
  Ref<> nbytes = Ref<>::steal(long_from_ssize(result));
  Ref<> mf = Ref<>::steal(long_from_long(mflags));
  if (!nbytes || !mf) return nullptr;
  return tuple_pack(4, nbytes.get(), anc.get(), mf.get(), addr.get());
}

// s.sendmsg(buffers[, ancdata[, flags[, address]]])
Object* sock_sendmsg(Object* self, Object* const* args, ssize nargs) {
  SockObject* s = sock(self);
  if (!check_count("sendmsg", nargs, 1, 4)) return nullptr;
  int flags = 0;
  if (nargs > 2 && !arg_int(args[2], &flags)) return nullptr;
  SockAddr addrbuf;
  socklen_t addrlen = 0;
  bool have_addr = nargs > 3 && args[3] != none();
  if (have_addr && !getsockaddrarg(s, args[3], &addrbuf, &addrlen, "sendmsg")) return nullptr;
  // The data buffers.
  Ref<> data_fast = Ref<>::steal(sequence_fast(args[0], "sendmsg() argument 1 must be an iterable"));
  if (!data_fast) return nullptr;
  ssize ndata = list_check(data_fast.get()) ? list_size(data_fast.get())
                                            : tuple_size(data_fast.get());
  std::vector<BufferHolder> bufs(static_cast<size_t>(ndata));
  std::vector<struct iovec> iovs(static_cast<size_t>(ndata));
  for (ssize i = 0; i < ndata; ++i) {
    Object* item = list_check(data_fast.get()) ? list_get_item(data_fast.get(), i)
                                               : tuple_item(data_fast.get(), i);
    BufferHolder& b = bufs[static_cast<size_t>(i)];
    if (b.get(item) < 0) return nullptr;
    iovs[static_cast<size_t>(i)].iov_base = b.mutable_data();
    iovs[static_cast<size_t>(i)].iov_len = static_cast<size_t>(b.size());
  }
  // The ancillary data: an iterable of (level, type, data).
  std::vector<char> controlbuf;
  if (nargs > 1) {
    Ref<> anc_fast = Ref<>::steal(
        sequence_fast(args[1], "sendmsg() argument 2 must be an iterable"));
    if (!anc_fast) return nullptr;
    ssize nanc = list_check(anc_fast.get()) ? list_size(anc_fast.get())
                                            : tuple_size(anc_fast.get());
    struct Item {
      int level, type;
      BufferHolder data;
    };
    std::vector<Item> items(static_cast<size_t>(nanc));
    size_t controllen = 0;
    for (ssize i = 0; i < nanc; ++i) {
      Object* item = list_check(anc_fast.get()) ? list_get_item(anc_fast.get(), i)
                                                : tuple_item(anc_fast.get(), i);
      Item& it = items[static_cast<size_t>(i)];
      // PyArg_Parse(item, "(iiy*):[sendmsg() ancillary data items]") and its messages.
      if (!tuple_check(item)) {
        return errors::format(exc_TypeError,
                              "[sendmsg() ancillary data items]() argument must be 3-item tuple, "
                              "not %.50s",
                              item == none() ? "None" : item->type->name);
      }
      if (tuple_size(item) != 3) {
        return errors::format(exc_TypeError,
                              "[sendmsg() ancillary data items]() argument must be tuple of "
                              "length 3, not %zd",
                              tuple_size(item));
      }
      if (!arg_int(tuple_item(item, 0), &it.level) || !arg_int(tuple_item(item, 1), &it.type) ||
          it.data.get(tuple_item(item, 2)) < 0) {
        return nullptr;
      }
      size_t space;
      if (!get_cmsg_space(static_cast<size_t>(it.data.size()), &space) ||
          controllen + space < controllen) {
        errors::set_string(exc_OSError, "ancillary data item too large");
        return nullptr;
      }
      controllen += space;
    }
    if (controllen > kSocklenLimit) {
      errors::set_string(exc_OSError, "too much ancillary data");
      return nullptr;
    }
    controlbuf.assign(controllen, 0);
    if (controllen) {
      struct msghdr tmp;
      std::memset(&tmp, 0, sizeof(tmp));
      tmp.msg_control = controlbuf.data();
      tmp.msg_controllen = controllen;
      struct cmsghdr* cmsgh = nullptr;
      for (size_t i = 0; i < items.size(); ++i) {
        cmsgh = i == 0 ? CMSG_FIRSTHDR(&tmp) : CMSG_NXTHDR(&tmp, cmsgh);
        if (!cmsgh) {
          errors::set_string(exc_RuntimeError, "unexpected NULL result from CMSG_NXTHDR");
          return nullptr;
        }
        size_t len;
        get_cmsg_len(static_cast<size_t>(items[i].data.size()), &len);
        cmsgh->cmsg_level = items[i].level;
        cmsgh->cmsg_type = items[i].type;
        cmsgh->cmsg_len = len;
        std::memcpy(CMSG_DATA(cmsgh), items[i].data.data(), static_cast<size_t>(items[i].data.size()));
      }
    }
  }
  struct msghdr msg;
  std::memset(&msg, 0, sizeof(msg));
  msg.msg_name = have_addr ? &addrbuf.sa : nullptr;
  msg.msg_namelen = addrlen;
  msg.msg_iov = iovs.data();
  msg.msg_iovlen = iovs.size();
  msg.msg_control = controlbuf.empty() ? nullptr : controlbuf.data();
  msg.msg_controllen = controlbuf.size();
  ssize result = -1;
  if (sock_call(s, true, [&] {
        result = ::sendmsg(s->fd, &msg, flags);
        return result >= 0;
      }) < 0) {
    return nullptr;
  }
  return long_from_ssize(result);
}

#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef sock_methods[] = {
    {"_accept", NOARGS(sock_accept),
     "_accept() -> (integer, address info)\n\nWait for an incoming connection.  Return a new "
     "socket file descriptor\nrepresenting the connection, and the address of the client.\nFor "
     "IP sockets, the address info is a pair (hostaddr, port)."},
    {"bind", METH_O(sock_bind),
     "bind(address)\n\nBind the socket to a local address.  For IP sockets, the address is a\n"
     "pair (host, port); the host must refer to the local host. For raw packet\nsockets the "
     "address is a tuple (ifname, proto [,pkttype [,hatype [,addr]]])"},
    {"close", NOARGS(sock_close),
     "close()\n\nClose the socket.  It cannot be used after this call."},
    {"connect", METH_O(sock_connect),
     "connect(address)\n\nConnect the socket to a remote address.  For IP sockets, the address\n"
     "is a pair (host, port)."},
    {"connect_ex", METH_O(sock_connect_ex),
     "connect_ex(address) -> errno\n\nThis is like connect(address), but returns an error code "
     "(the errno value)\ninstead of raising an exception when an error occurs."},
    {"detach", NOARGS(sock_detach),
     "detach()\n\nClose the socket object without closing the underlying file descriptor.\nThe "
     "object cannot be used after this call, but the file descriptor\ncan be reused for other "
     "purposes.  The file descriptor is returned."},
    {"fileno", NOARGS(sock_fileno),
     "fileno() -> integer\n\nReturn the integer file descriptor of the socket."},
    {"getpeername", NOARGS(sock_getpeername),
     "getpeername() -> address info\n\nReturn the address of the remote endpoint.  For IP "
     "sockets, the address\ninfo is a pair (hostaddr, port)."},
    {"getsockname", NOARGS(sock_getsockname),
     "getsockname() -> address info\n\nReturn the address of the local endpoint. The format "
     "depends on the\naddress family. For IPv4 sockets, the address info is a pair\n(hostaddr, "
     "port). For IPv6 sockets, the address info is a 4-tuple\n(hostaddr, port, flowinfo, "
     "scope_id)."},
    {"getsockopt", FASTCALL(sock_getsockopt),
     "getsockopt(level, option[, buffersize]) -> value\n\nGet a socket option.  See the Unix "
     "manual for level and option.\nIf a nonzero buffersize argument is given, the return value "
     "is a\nstring of that length; otherwise it is an integer."},
    {"listen", FASTCALL(sock_listen),
     "listen([backlog])\n\nEnable a server to accept connections.  If backlog is specified, it "
     "must be\nat least 0 (if it is lower, it is set to 0); it specifies the number of\n"
     "unaccepted connections that the system will allow before refusing new\nconnections. If "
     "not specified, a default reasonable value is chosen."},
    {"recv", FASTCALL(sock_recv),
     "recv(buffersize[, flags]) -> data\n\nReceive up to buffersize bytes from the socket.  For "
     "the optional flags\nargument, see the Unix manual.  When no data is available, block "
     "until\nat least one byte is available or until the remote end is closed.  When\nthe "
     "remote end is closed and all data is read, return the empty string."},
    {"recv_into", FASTCALL_KW(sock_recv_into),
     "recv_into(buffer, [nbytes[, flags]]) -> nbytes_read\n\nA version of recv() that stores its "
     "data into a buffer rather than creating\na new string.  Receive up to buffersize bytes "
     "from the socket.  If buffersize\nis not specified (or 0), receive up to the size available "
     "in the given buffer.\n\nSee recv() for documentation about the flags."},
    {"recvfrom", FASTCALL(sock_recvfrom),
     "recvfrom(buffersize[, flags]) -> (data, address info)\n\nLike recv(buffersize, flags) but "
     "also return the sender's address info."},
    {"recvfrom_into", FASTCALL_KW(sock_recvfrom_into),
     "recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)\n\nLike "
     "recv_into(buffer[, nbytes[, flags]]) but also return the sender's address info."},
    {"send", FASTCALL(sock_send),
     "send(data[, flags]) -> count\n\nSend a data string to the socket.  For the optional flags"
     "\nargument, see the Unix manual.  Return the number of bytes\nsent; this may be less than "
     "len(data) if the network is busy."},
    {"sendall", FASTCALL(sock_sendall),
     "sendall(data[, flags])\n\nSend a data string to the socket.  For the optional flags\n"
     "argument, see the Unix manual.  This calls send() repeatedly\nuntil all data is sent.  If "
     "an error occurs, it's impossible\nto tell how much data has been sent."},
    {"sendto", FASTCALL(sock_sendto),
     "sendto(data[, flags], address) -> count\n\nLike send(data, flags) but allows specifying "
     "the destination address.\nFor IP sockets, the address is a pair (hostaddr, port)."},
    {"setblocking", METH_O(sock_setblocking),
     "setblocking(flag)\n\nSet the socket to blocking (flag is true) or non-blocking (false).\n"
     "setblocking(True) is equivalent to settimeout(None);\nsetblocking(False) is equivalent to "
     "settimeout(0.0)."},
    {"getblocking", NOARGS(sock_getblocking),
     "getblocking()\n\nReturns True if socket is in blocking mode, or False if it\nis in "
     "non-blocking mode."},
    {"settimeout", METH_O(sock_settimeout),
     "settimeout(timeout)\n\nSet a timeout on socket operations.  'timeout' can be a float,\n"
     "giving in seconds, or None.  Setting a timeout of None disables\nthe timeout feature and "
     "is equivalent to setblocking(1).\nSetting a timeout of zero is the same as setblocking(0)."},
    {"gettimeout", NOARGS(sock_gettimeout),
     "gettimeout() -> timeout\n\nReturns the timeout in seconds (float) associated with socket\n"
     "operations. A timeout of None indicates that timeouts on socket\noperations are disabled."},
    {"setsockopt", FASTCALL(sock_setsockopt),
     "setsockopt(level, option, value: int)\nsetsockopt(level, option, value: buffer)\n"
     "setsockopt(level, option, None, optlen: int)\n\nSet a socket option.  See the Unix manual "
     "for level and option.\nThe value argument can either be an integer, a string buffer, or\n"
     "None, optlen."},
    {"shutdown", METH_O(sock_shutdown),
     "shutdown(flag)\n\nShut down the reading side of the socket (flag == SHUT_RD), the writing "
     "side\nof the socket (flag == SHUT_WR), or both ends (flag == SHUT_RDWR)."},
    {"recvmsg", FASTCALL(sock_recvmsg),
     "recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)\n\n"
     "Receive normal data and ancillary data from the socket."},
    {"recvmsg_into", FASTCALL(sock_recvmsg_into),
     "recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address)\n\n"
     "Receive normal data and ancillary data from the socket, scattering the\nnon-ancillary "
     "data into a series of buffers."},
    {"sendmsg", FASTCALL(sock_sendmsg),
     "sendmsg(buffers[, ancdata[, flags[, address]]]) -> count\n\nSend normal and ancillary "
     "data to the socket, gathering the\nnon-ancillary data from a series of buffers and "
     "concatenating it into\na single message."},
    {nullptr, nullptr, 0, nullptr}};

MemberDef sock_members[] = {
    {"family", kMemberInt, offsetof(SockObject, family), kMemberReadonly, "the socket family"},
    {"type", kMemberInt, offsetof(SockObject, type), kMemberReadonly, "the socket type"},
    {"proto", kMemberInt, offsetof(SockObject, proto), kMemberReadonly, "the socket protocol"},
    {nullptr, 0, 0, 0, nullptr}};

GetSetDef sock_getset[] = {
    {"timeout", sock_timeout_get, nullptr, "the socket timeout", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// ---- module functions ------------------------------------------------------------------------

Object* socket_gethostname(Object*, Object*) {
  char buf[1024];
  int res;
  {
    vm::AllowThreads allow;
    res = gethostname(buf, sizeof(buf) - 1);
  }
  if (res < 0) return set_error();
  buf[sizeof(buf) - 1] = '\0';
  return decode_fs(buf);
}

Object* socket_sethostname(Object*, Object* const* args, ssize nargs) {
  if (!check_count("sethostname", nargs, 1, 1)) return nullptr;
  Ref<> owned;
  Object* name = args[0];
  if (str_check(name)) {
    owned = Ref<>::steal(encode_fs(name));
    if (!owned) return nullptr;
    name = owned.get();
  }
  BufferHolder buf;
  if (buf.get(name) < 0) return nullptr;
  if (sethostname(buf.data(), static_cast<size_t>(buf.size())) < 0) return set_error();
  return return_none();
}

// The FS-encoded "et" host name argument of gethostbyname*.
bool hostname_arg(const char* fname, Object* o, std::string* out) {
  Ref<> owned;
  if (str_check(o)) {
    owned = Ref<>::steal(encode_fs(o));
    if (!owned) return false;
    o = owned.get();
  }
  if (bytes_check(o)) {
    out->assign(bytes_as_string(o), static_cast<size_t>(bytes_size(o)));
  } else if (bytearray_check(o)) {
    out->assign(bytearray_as_string(o), static_cast<size_t>(bytearray_size(o)));
  } else {
    errors::format(exc_TypeError, "%s() argument 1 must be str, bytes or bytearray, not %.50s",
                   fname, o == none() ? "None" : o->type->name);
    return false;
  }
  if (std::strlen(out->c_str()) != out->size()) {
    errors::set_string(exc_ValueError, "embedded null byte");
    return false;
  }
  return true;
}

// gethostbyname(host) -> address
Object* socket_gethostbyname(Object*, Object* arg) {
  std::string name;
  if (!hostname_arg("gethostbyname", arg, &name)) return nullptr;
  SockAddr addrbuf;
  if (setipaddr(name.c_str(), &addrbuf.sa, sizeof(addrbuf.in), AF_INET) < 0) return nullptr;
  return make_ipv4_addr(&addrbuf.in);
}

// gethost_common: (hostname, aliases, addresses) from a hostent.
Object* gethost_common(struct hostent* h, int af) {
  if (!h) return set_herror(h_errno);
  if (h->h_addrtype != af) {
    // The address family is not the one asked for.
    errno = EAFNOSUPPORT;
    return set_error();
  }
  Ref<> name_list = Ref<>::steal(list_new(0));
  Ref<> addr_list = Ref<>::steal(list_new(0));
  if (!name_list || !addr_list) return nullptr;
  if (h->h_aliases) {
    for (char** pch = h->h_aliases; *pch; ++pch) {
      Ref<> tmp = Ref<>::steal(str_from_cstr(*pch));
      if (!tmp || list_append(name_list.get(), tmp.get()) < 0) return nullptr;
    }
  }
  for (char** pch = h->h_addr_list; *pch; ++pch) {
    Ref<> tmp;
    if (af == AF_INET) {
      struct sockaddr_in sin;
      std::memset(&sin, 0, sizeof(sin));
      sin.sin_family = AF_INET;
      std::memcpy(&sin.sin_addr, *pch, sizeof(sin.sin_addr));
      tmp = Ref<>::steal(make_ipv4_addr(&sin));
    } else {
      struct sockaddr_in6 sin6;
      std::memset(&sin6, 0, sizeof(sin6));
      sin6.sin6_family = AF_INET6;
      std::memcpy(&sin6.sin6_addr, *pch, sizeof(sin6.sin6_addr));
      tmp = Ref<>::steal(make_ipv6_addr(&sin6));
    }
    if (!tmp || list_append(addr_list.get(), tmp.get()) < 0) return nullptr;
  }
  Ref<> hname = Ref<>::steal(str_from_cstr(h->h_name));
  if (!hname) return nullptr;
  return tuple_pack(3, hname.get(), name_list.get(), addr_list.get());
}

// gethostbyname_ex(host) -> (name, aliaslist, addresslist)
Object* socket_gethostbyname_ex(Object*, Object* arg) {
  std::string name;
  if (!hostname_arg("gethostbyname_ex", arg, &name)) return nullptr;
  SockAddr addr;
  if (setipaddr(name.c_str(), &addr.sa, sizeof(addr), AF_INET) < 0) return nullptr;
  struct hostent hbuf, *h = nullptr;
  std::vector<char> buf(16384);
  int errnop = 0;
  {
    vm::AllowThreads allow;
    gethostbyname_r(name.c_str(), &hbuf, buf.data(), buf.size(), &h, &errnop);
  }
  if (!h) return set_herror(errnop);
  return gethost_common(h, addr.sa.sa_family);
}

// gethostbyaddr(host) -> (name, aliaslist, addresslist)
Object* socket_gethostbyaddr(Object*, Object* arg) {
  std::string ip_num;
  if (!hostname_arg("gethostbyaddr", arg, &ip_num)) return nullptr;
  SockAddr addr;
  int af = AF_UNSPEC;
  if (setipaddr(ip_num.c_str(), &addr.sa, sizeof(addr), af) < 0) return nullptr;
  af = addr.sa.sa_family;
  const void* ap;
  socklen_t al;
  if (af == AF_INET) {
    ap = &addr.in.sin_addr;
    al = sizeof(addr.in.sin_addr);
  } else if (af == AF_INET6) {
    ap = &addr.in6.sin6_addr;
    al = sizeof(addr.in6.sin6_addr);
  } else {
    errors::set_string(exc_OSError, "unsupported address family");
    return nullptr;
  }
  struct hostent hbuf, *h = nullptr;
  std::vector<char> buf(16384);
  int errnop = 0;
  {
    vm::AllowThreads allow;
    gethostbyaddr_r(ap, al, af, &hbuf, buf.data(), buf.size(), &h, &errnop);
  }
  if (!h) return set_herror(errnop);
  return gethost_common(h, af);
}

// getservbyname(servicename[, protocolname]) -> integer
Object* socket_getservbyname(Object*, Object* const* args, ssize nargs) {
  if (!check_count("getservbyname", nargs, 1, 2)) return nullptr;
  const char* name;
  const char* proto = nullptr;
  if (!arg_str("getservbyname", 1, args[0], &name)) return nullptr;
  if (nargs > 1 && !arg_str("getservbyname", 2, args[1], &proto)) return nullptr;
  struct servent* sp;
  {
    vm::AllowThreads allow;
    sp = getservbyname(name, proto);
  }
  if (!sp) {
    errors::set_string(exc_OSError, "service/proto not found");
    return nullptr;
  }
  return long_from_long(ntohs(static_cast<uint16_t>(sp->s_port)));
}

// getservbyport(port[, protocolname]) -> string
Object* socket_getservbyport(Object*, Object* const* args, ssize nargs) {
  if (!check_count("getservbyport", nargs, 1, 2)) return nullptr;
  int port;
  const char* proto = nullptr;
  if (!arg_int(args[0], &port)) return nullptr;
  if (nargs > 1 && !arg_str("getservbyport", 2, args[1], &proto)) return nullptr;
  if (port < 0 || port > 0xffff) {
    errors::set_string(exc_OverflowError, "getservbyport: port must be 0-65535.");
    return nullptr;
  }
  struct servent* sp;
  {
    vm::AllowThreads allow;
    sp = getservbyport(htons(static_cast<uint16_t>(port)), proto);
  }
  if (!sp) {
    errors::set_string(exc_OSError, "port/proto not found");
    return nullptr;
  }
  return str_from_cstr(sp->s_name);
}

// getprotobyname(name) -> integer
Object* socket_getprotobyname(Object*, Object* arg) {
  const char* name;
  if (!arg_str("getprotobyname", 1, arg, &name)) return nullptr;
  struct protoent* sp = getprotobyname(name);
  if (!sp) {
    errors::set_string(exc_OSError, "protocol not found");
    return nullptr;
  }
  return long_from_long(sp->p_proto);
}

// The SOCKET_T argument of close() and dup().
bool fd_arg(Object* o, int* fd) {
  long long v = long_as_long_long(o);
  if (v == -1 && errors::occurred()) return false;
  if (v < INT_MIN || v > INT_MAX) {
    errors::set_string(exc_OverflowError, "Python int too large to convert to C int");
    return false;
  }
  *fd = static_cast<int>(v);
  return true;
}

// close(fd)
Object* socket_close(Object*, Object* arg) {
  int fd;
  if (!fd_arg(arg, &fd)) return nullptr;
  int res;
  {
    vm::AllowThreads allow;
    res = ::close(fd);
  }
  // bpo-30319: ECONNRESET is ignored.
  if (res < 0 && errno != ECONNRESET) return set_error();
  return return_none();
}

// dup(fd) -> non-inheritable duplicate
Object* socket_dup(Object*, Object* arg) {
  int fd;
  if (!fd_arg(arg, &fd)) return nullptr;
  int newfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (newfd < 0) return set_error();
  Object* r = long_from_long(newfd);
  if (!r) ::close(newfd);
  return r;
}

// socketpair([family[, type[, proto]]]) -> (socket object, socket object)
Object* socket_socketpair(Object*, Object* const* args, ssize nargs) {
  if (!check_count("socketpair", nargs, 0, 3)) return nullptr;
  int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
  if (nargs > 0 && !arg_int(args[0], &family)) return nullptr;
  if (nargs > 1 && !arg_int(args[1], &type)) return nullptr;
  if (nargs > 2 && !arg_int(args[2], &proto)) return nullptr;
  int sv[2];
  int ret;
  {
    vm::AllowThreads allow;
    ret = ::socketpair(family, type | SOCK_CLOEXEC, proto, sv);
  }
  if (ret < 0) return set_error();
  Ref<> s0 = Ref<>::steal(new_sockobject(sv[0], family, type, proto));
  if (!s0) {
    ::close(sv[0]);
    ::close(sv[1]);
    return nullptr;
  }
  Ref<> s1 = Ref<>::steal(new_sockobject(sv[1], family, type, proto));
  if (!s1) {
    ::close(sv[1]);
    return nullptr;
  }
  return tuple_pack(2, s0.get(), s1.get());
}

// _PyLong_UInt16_Converter / _PyLong_UInt32_Converter (clinic's uint16 and uint32): an index
// that fits the type.
bool uint_converter(Object* arg, unsigned long long max, const char* ctype,
                    unsigned long long* out) {
  Ref<> idx = Ref<>::steal(number_index(arg));
  if (!idx) return false;
  if (long_sign_of(idx.get()) < 0) {
    errors::set_string(exc_ValueError, "Cannot convert negative int");
    return false;
  }
  if (!as_u64(idx.get(), out) || *out > max) {
    errors::format(exc_OverflowError, "Python int too large for C %s", ctype);
    return false;
  }
  return true;
}

// _socket_ntohs_impl / _socket_htons_impl.
Object* socket_ntohs(Object*, Object* arg) {
  unsigned long long x;
  if (!uint_converter(arg, 0xffff, "uint16_t", &x)) return nullptr;
  return long_from_long(ntohs(static_cast<uint16_t>(x)));
}
Object* socket_htons(Object*, Object* arg) {
  unsigned long long x;
  if (!uint_converter(arg, 0xffff, "uint16_t", &x)) return nullptr;
  return long_from_long(htons(static_cast<uint16_t>(x)));
}

// _socket_ntohl_impl / _socket_htonl_impl.
Object* socket_ntohl(Object*, Object* arg) {
  unsigned long long x;
  if (!uint_converter(arg, 0xffffffffULL, "uint32_t", &x)) return nullptr;
  return long_from_unsigned_long_long(ntohl(static_cast<uint32_t>(x)));
}
Object* socket_htonl(Object*, Object* arg) {
  unsigned long long x;
  if (!uint_converter(arg, 0xffffffffULL, "uint32_t", &x)) return nullptr;
  return long_from_unsigned_long_long(htonl(static_cast<uint32_t>(x)));
}

// inet_aton(string) -> bytes giving packed 32-bit IP representation
Object* socket_inet_aton(Object*, Object* arg) {
  const char* ip;
  if (!arg_str("inet_aton", 0, arg, &ip)) return nullptr;
  struct in_addr buf;
  if (inet_aton(ip, &buf) == 0) {
    errors::set_string(exc_OSError, "illegal IP address string passed to inet_aton");
    return nullptr;
  }
  return bytes_from_string_and_size(reinterpret_cast<const char*>(&buf), sizeof(buf));
}

// inet_ntoa(packed_ip) -> ip_address_string
Object* socket_inet_ntoa(Object*, Object* arg) {
  BufferHolder packed;
  if (packed.get(arg) < 0) return nullptr;
  if (packed.size() != sizeof(struct in_addr)) {
    errors::set_string(exc_OSError, "packed IP wrong length for inet_ntoa");
    return nullptr;
  }
  struct in_addr packed_addr;
  std::memcpy(&packed_addr, packed.data(), sizeof(packed_addr));
  return str_from_cstr(inet_ntoa(packed_addr));
}

// inet_pton(af, ip) -> packed IP address string
Object* socket_inet_pton(Object*, Object* const* args, ssize nargs) {
  if (!check_count("inet_pton", nargs, 2, 2)) return nullptr;
  int af;
  const char* ip;
  if (!arg_int(args[0], &af) || !arg_str("inet_pton", 2, args[1], &ip)) return nullptr;
  unsigned char packed[sizeof(struct in6_addr)];
  int retval = inet_pton(af, ip, packed);
  if (retval < 0) return set_error();
  if (retval == 0) {
    errors::set_string(exc_OSError, "illegal IP address string passed to inet_pton");
    return nullptr;
  }
  if (af == AF_INET) return bytes_from_string_and_size(reinterpret_cast<char*>(packed), 4);
  if (af == AF_INET6) return bytes_from_string_and_size(reinterpret_cast<char*>(packed), 16);
  errors::set_string(exc_OSError, "unknown address family");
  return nullptr;
}

// inet_ntop(af, packed_ip) -> string formatted IP address
Object* socket_inet_ntop(Object*, Object* const* args, ssize nargs) {
  if (!check_count("inet_ntop", nargs, 2, 2)) return nullptr;
  int af;
  if (!arg_int(args[0], &af)) return nullptr;
  BufferHolder packed;
  if (packed.get(args[1]) < 0) return nullptr;
  if (af == AF_INET) {
    if (packed.size() != sizeof(struct in_addr)) {
      errors::set_string(exc_ValueError, "invalid length of packed IP address string");
      return nullptr;
    }
  } else if (af == AF_INET6) {
    if (packed.size() != sizeof(struct in6_addr)) {
      errors::set_string(exc_ValueError, "invalid length of packed IP address string");
      return nullptr;
    }
  } else {
    return errors::format(exc_ValueError, "unknown address family %d", af);
  }
  char ip[INET6_ADDRSTRLEN];
  if (!inet_ntop(af, packed.data(), ip, sizeof(ip))) return set_error();
  return str_from_cstr(ip);
}

// getaddrinfo(host, port [, family, type, proto, flags])
//     -> list of (family, type, proto, canonname, sockaddr)
Object* socket_getaddrinfo(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"host", "port", "family", "type", "proto", "flags", nullptr};
  static const ArgParser parser = {"getaddrinfo", kw, 2, 6, 0};
  Object* a[6] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int family = AF_UNSPEC, socktype = 0, protocol = 0, flags = 0;
  if (a[2] && !arg_int(a[2], &family)) return nullptr;
  if (a[3] && !arg_int(a[3], &socktype)) return nullptr;
  if (a[4] && !arg_int(a[4], &protocol)) return nullptr;
  if (a[5] && !arg_int(a[5], &flags)) return nullptr;
  Object* hobj = a[0];
  Object* pobj = a[1];
  std::string host, port;
  const char* hptr = nullptr;
  const char* pptr = nullptr;
  if (hobj == none()) {
    hptr = nullptr;
  } else if (str_check(hobj)) {
    Ref<> idna;
    if (str_is_ascii(hobj)) {
      ssize n;
      const char* s = str_as_utf8(hobj, &n);
      if (!s) return nullptr;
      host.assign(s, static_cast<size_t>(n));
    } else {
      idna = Ref<>::steal(_codecs::encode(hobj, "idna", nullptr));
      if (!idna) return nullptr;
      host.assign(bytes_as_string(idna.get()), static_cast<size_t>(bytes_size(idna.get())));
    }
    hptr = host.c_str();
  } else if (bytes_check(hobj)) {
    host.assign(bytes_as_string(hobj), static_cast<size_t>(bytes_size(hobj)));
    hptr = host.c_str();
  } else {
    errors::set_string(exc_TypeError, "getaddrinfo() argument 1 must be string or None");
    return nullptr;
  }
  if (long_check(pobj)) {
    long value = long_as_long(pobj);
    if (value == -1 && errors::occurred()) return nullptr;
    port = std::to_string(value);
    pptr = port.c_str();
  } else if (str_check(pobj)) {
    ssize n;
    const char* s = str_as_utf8(pobj, &n);
    if (!s) return nullptr;
    port.assign(s, static_cast<size_t>(n));
    pptr = port.c_str();
  } else if (bytes_check(pobj)) {
    port.assign(bytes_as_string(pobj), static_cast<size_t>(bytes_size(pobj)));
    pptr = port.c_str();
  } else if (pobj == none()) {
    pptr = nullptr;
  } else {
    errors::set_string(exc_OSError, "Int or String expected");
    return nullptr;
  }
  struct addrinfo hints, *res0 = nullptr;
  std::memset(&hints, 0, sizeof(hints));
  hints.ai_family = family;
  hints.ai_socktype = socktype;
  hints.ai_protocol = protocol;
  hints.ai_flags = flags;
  int error;
  {
    vm::AllowThreads allow;
    error = getaddrinfo(hptr, pptr, &hints, &res0);
  }
  if (error) return set_gaierror(error);
  Ref<> all = Ref<>::steal(list_new(0));
  if (!all) {
    freeaddrinfo(res0);
    return nullptr;
  }
  for (struct addrinfo* res = res0; res; res = res->ai_next) {
    Ref<> addr = Ref<>::steal(makesockaddr(res->ai_addr, res->ai_addrlen));
    if (!addr) {
      freeaddrinfo(res0);
      return nullptr;
    }
    Ref<> fam = Ref<>::steal(long_from_long(res->ai_family));
    Ref<> typ = Ref<>::steal(long_from_long(res->ai_socktype));
    Ref<> pro = Ref<>::steal(long_from_long(res->ai_protocol));
    Ref<> canon = Ref<>::steal(str_from_cstr(res->ai_canonname ? res->ai_canonname : ""));
    if (!fam || !typ || !pro || !canon) {
      freeaddrinfo(res0);
      return nullptr;
    }
    Ref<> single =
        Ref<>::steal(tuple_pack(5, fam.get(), typ.get(), pro.get(), canon.get(), addr.get()));
    if (!single || list_append(all.get(), single.get()) < 0) {
      freeaddrinfo(res0);
      return nullptr;
    }
  }
  freeaddrinfo(res0);
  return all.release();
}

// getnameinfo(sockaddr, flags) -> (host, port)
Object* socket_getnameinfo(Object*, Object* const* args, ssize nargs) {
  if (!check_count("getnameinfo", nargs, 2, 2)) return nullptr;
  Object* sa = args[0];
  int flags;
  if (!arg_int(args[1], &flags)) return nullptr;
  if (!tuple_check(sa)) {
    errors::set_string(exc_TypeError, "getnameinfo() argument 1 must be a tuple");
    return nullptr;
  }
  ssize n = tuple_size(sa);
  if (n < 2 || n > 4) {
    errors::set_string(exc_TypeError, "getnameinfo(): illegal sockaddr argument");
    return nullptr;
  }
  const char* hostp;
  int port;
  unsigned flowinfo = 0, scope_id = 0;
  if (!arg_str("getnameinfo", 1, tuple_item(sa, 0), &hostp) || !arg_int(tuple_item(sa, 1), &port) ||
      (n > 2 && !arg_uint_mask(tuple_item(sa, 2), &flowinfo)) ||
      (n > 3 && !arg_uint_mask(tuple_item(sa, 3), &scope_id))) {
    return nullptr;
  }
  if (flowinfo > 0xfffff) {
    errors::set_string(exc_OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
    return nullptr;
  }
  char pbuf[30];
  std::snprintf(pbuf, sizeof(pbuf), "%d", port);
  struct addrinfo hints, *res = nullptr;
  std::memset(&hints, 0, sizeof(hints));
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_DGRAM;  // make numeric port happy
  hints.ai_flags = AI_NUMERICHOST;  // don't do any name resolution
  int error;
  {
    vm::AllowThreads allow;
    error = getaddrinfo(hostp, pbuf, &hints, &res);
  }
  if (error) return set_gaierror(error);
  struct ResGuard {
    struct addrinfo* r;
    ~ResGuard() { freeaddrinfo(r); }
  } guard{res};
  if (res->ai_next) {
    errors::set_string(exc_OSError, "sockaddr resolved to multiple addresses");
    return nullptr;
  }
  switch (res->ai_family) {
    case AF_INET:
      if (n != 2) {
        errors::set_string(exc_OSError, "IPv4 sockaddr must be 2 tuple");
        return nullptr;
      }
      break;
    case AF_INET6: {
      auto* sin6 = reinterpret_cast<struct sockaddr_in6*>(res->ai_addr);
      sin6->sin6_flowinfo = htonl(flowinfo);
      sin6->sin6_scope_id = scope_id;
      break;
    }
    default:
      break;
  }
  char hbuf[NI_MAXHOST];
  char sbuf[NI_MAXSERV];
  {
    vm::AllowThreads allow;
    error = getnameinfo(res->ai_addr, res->ai_addrlen, hbuf, sizeof(hbuf), sbuf, sizeof(sbuf),
                        flags);
  }
  if (error) return set_gaierror(error);
  Ref<> h = Ref<>::steal(str_from_cstr(hbuf));
  Ref<> p = Ref<>::steal(h ? str_from_cstr(sbuf) : nullptr);
  if (!p) return nullptr;
  return tuple_pack(2, h.get(), p.get());
}

Object* socket_getdefaulttimeout(Object*, Object*) {
  if (default_timeout < 0) return return_none();
  return timeout_as_float(default_timeout);
}

Object* socket_setdefaulttimeout(Object*, Object* arg) {
  long long timeout;
  if (!parse_timeout(arg, &timeout)) return nullptr;
  default_timeout = timeout;
  return return_none();
}

// if_nameindex() -> list of (index, name)
Object* socket_if_nameindex(Object*, Object*) {
  struct if_nameindex* ni = if_nameindex();
  if (!ni) return set_error();
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) {
    if_freenameindex(ni);
    return nullptr;
  }
  for (int i = 0; ni[i].if_index != 0 && i < INT_MAX; ++i) {
    Ref<> idx = Ref<>::steal(long_from_unsigned_long_long(ni[i].if_index));
    Ref<> name = Ref<>::steal(idx ? decode_fs(ni[i].if_name) : nullptr);
    Ref<> item = Ref<>::steal(name ? tuple_pack(2, idx.get(), name.get()) : nullptr);
    if (!item || list_append(list.get(), item.get()) < 0) {
      if_freenameindex(ni);
      return nullptr;
    }
  }
  if_freenameindex(ni);
  return list.release();
}

// if_nametoindex(if_name) -> index
Object* socket_if_nametoindex(Object*, Object* arg) {
  Ref<> owned;
  Object* o = arg;
  if (str_check(o)) {
    owned = Ref<>::steal(encode_fs(o));
    if (!owned) return nullptr;
    o = owned.get();
  }
  if (!bytes_check(o)) {
    return errors::format(exc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                          arg->type->name);
  }
  unsigned long index = if_nametoindex(bytes_as_string(o));
  if (index == 0) {
    errors::set_string(exc_OSError, "no interface with this name");
    return nullptr;
  }
  return long_from_unsigned_long_long(index);
}

// if_indextoname(if_index) -> if_name
Object* socket_if_indextoname(Object*, Object* arg) {
  unsigned long long v;
  if (!uint_converter(arg, 0xffffffffULL, "unsigned int", &v)) return nullptr;
  char name[IF_NAMESIZE + 1];
  if (!if_indextoname(static_cast<unsigned>(v), name)) return set_error();
  return decode_fs(name);
}

// CMSG_LEN(length) / CMSG_SPACE(length)
Object* socket_cmsg_len(Object*, Object* const* args, ssize nargs) {
  if (!check_count("CMSG_LEN", nargs, 1, 1)) return nullptr;
  ssize length;
  if (!arg_ssize(args[0], &length)) return nullptr;
  size_t result;
  if (length < 0 || !get_cmsg_len(static_cast<size_t>(length), &result)) {
    return errors::format(exc_OverflowError, "CMSG_LEN() argument out of range");
  }
  return long_from_size_t(result);
}

Object* socket_cmsg_space(Object*, Object* const* args, ssize nargs) {
  if (!check_count("CMSG_SPACE", nargs, 1, 1)) return nullptr;
  ssize length;
  if (!arg_ssize(args[0], &length)) return nullptr;
  size_t result;
  if (length < 0 || !get_cmsg_space(static_cast<size_t>(length), &result)) {
    return errors::format(exc_OverflowError, "CMSG_SPACE() argument out of range");
  }
  return long_from_size_t(result);
}

MethodDef socket_methods[] = {
    {"gethostbyname", METH_O(socket_gethostbyname),
     "gethostbyname(host) -> address\n\nReturn the IP address (a string of the form "
     "'255.255.255.255') for a host."},
    {"gethostbyname_ex", METH_O(socket_gethostbyname_ex),
     "gethostbyname_ex(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a "
     "list of aliases, and a list of IP addresses,\nfor a host.  The host argument is a string "
     "giving a host name or IP number."},
    {"gethostbyaddr", METH_O(socket_gethostbyaddr),
     "gethostbyaddr(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list "
     "of aliases, and a list of IP addresses,\nfor a host.  The host argument is a string giving "
     "a host name or IP number."},
    {"gethostname", NOARGS(socket_gethostname),
     "gethostname() -> string\n\nReturn the current host name."},
    {"sethostname", FASTCALL(socket_sethostname),
     "sethostname(name)\n\nSets the hostname to name."},
    {"getservbyname", FASTCALL(socket_getservbyname),
     "getservbyname(servicename[, protocolname]) -> integer\n\nReturn a port number from a "
     "service name and protocol name.\nThe optional protocol name, if given, should be 'tcp' or "
     "'udp',\notherwise any protocol will match."},
    {"getservbyport", FASTCALL(socket_getservbyport),
     "getservbyport(port[, protocolname]) -> string\n\nReturn the service name from a port "
     "number and protocol name.\nThe optional protocol name, if given, should be 'tcp' or "
     "'udp',\notherwise any protocol will match."},
    {"getprotobyname", METH_O(socket_getprotobyname),
     "getprotobyname(name) -> integer\n\nReturn the protocol number for the named protocol.  "
     "(Rarely used.)"},
    {"close", METH_O(socket_close),
     "close($module, fd, /)\n--\n\nClose an integer socket file descriptor.\n\nThis is like "
     "os.close(), but for sockets; on some platforms os.close()\nwon't work for socket file "
     "descriptors."},
    {"dup", METH_O(socket_dup),
     "dup(integer) -> integer\n\nDuplicate an integer socket file descriptor.  This is like "
     "os.dup(), but for\nsockets; on some platforms os.dup() won't work for socket file "
     "descriptors."},
    {"socketpair", FASTCALL(socket_socketpair),
     "socketpair([family[, type [, proto]]]) -> (socket object, socket object)\n\nCreate a pair "
     "of socket objects from the sockets returned by the platform\nsocketpair() function.\nThe "
     "arguments are the same as for socket() except the default family is\nAF_UNIX if defined "
     "on the platform; otherwise, the default is AF_INET."},
    {"ntohs", METH_O(socket_ntohs),
     "ntohs($module, x, /)\n--\n\nConvert a 16-bit unsigned integer from network to host byte "
     "order."},
    {"ntohl", METH_O(socket_ntohl),
     "ntohl(integer) -> integer\n\nConvert a 32-bit integer from network to host byte order."},
    {"htons", METH_O(socket_htons),
     "htons($module, x, /)\n--\n\nConvert a 16-bit unsigned integer from host to network byte "
     "order."},
    {"htonl", METH_O(socket_htonl),
     "htonl(integer) -> integer\n\nConvert a 32-bit integer from host to network byte order."},
    {"inet_aton", METH_O(socket_inet_aton),
     "inet_aton($module, ip_addr, /)\n--\n\nConvert an IP address in string format "
     "(123.45.67.89) to the 32-bit packed binary format used in low-level network functions."},
    {"inet_ntoa", METH_O(socket_inet_ntoa),
     "inet_ntoa($module, packed_ip, /)\n--\n\nConvert an IP address from 32-bit packed binary "
     "format to string format."},
    {"inet_pton", FASTCALL(socket_inet_pton),
     "inet_pton(af, ip) -> packed IP address string\n\nConvert an IP address from string format "
     "to a packed string suitable\nfor use with low-level network functions."},
    {"inet_ntop", FASTCALL(socket_inet_ntop),
     "inet_ntop(af, packed_ip) -> string formatted IP address\n\nConvert a packed IP address of "
     "the given family to string format."},
    {"getaddrinfo", FASTCALL_KW(socket_getaddrinfo),
     "getaddrinfo(host, port [, family, type, proto, flags])\n    -> list of (family, type, "
     "proto, canonname, sockaddr)\n\nResolve host and port into addrinfo struct."},
    {"getnameinfo", FASTCALL(socket_getnameinfo),
     "getnameinfo(sockaddr, flags) --> (host, port)\n\nGet host and port for a sockaddr."},
    {"getdefaulttimeout", NOARGS(socket_getdefaulttimeout),
     "getdefaulttimeout() -> timeout\n\nReturns the default timeout in seconds (float) for new "
     "socket objects.\nA value of None indicates that new socket objects have no timeout.\n"
     "When the socket module is first imported, the default is None."},
    {"setdefaulttimeout", METH_O(socket_setdefaulttimeout),
     "setdefaulttimeout(timeout)\n\nSet the default timeout in seconds (float) for new socket "
     "objects.\nA value of None indicates that new socket objects have no timeout.\nWhen the "
     "socket module is first imported, the default is None."},
    {"if_nameindex", NOARGS(socket_if_nameindex),
     "if_nameindex()\n\nReturns a list of network interface information (index, name) tuples."},
    {"if_nametoindex", METH_O(socket_if_nametoindex),
     "if_nametoindex($module, oname, /)\n--\n\nReturns the interface index corresponding to the "
     "interface name if_name."},
    {"if_indextoname", METH_O(socket_if_indextoname),
     "if_indextoname($module, if_index, /)\n--\n\nReturns the interface name corresponding to "
     "the interface index if_index."},
    {"CMSG_LEN", FASTCALL(socket_cmsg_len),
     "CMSG_LEN(length) -> control message length\n\nReturn the total length, without trailing "
     "padding, of an ancillary\ndata item with associated data of the given length."},
    {"CMSG_SPACE", FASTCALL(socket_cmsg_space),
     "CMSG_SPACE(length) -> buffer size\n\nReturn the buffer size needed for recvmsg() to "
     "receive an ancillary\ndata item with associated data of the given length."},
    {nullptr, nullptr, 0, nullptr}};

// The integer constants (PyModule_AddIntMacro), Linux's subset socket.py and its users need.
#define C(name) {#name, static_cast<long long>(name)}
const std::pair<const char*, long long> kConstants[] = {
    // Address families.
    C(AF_UNSPEC), C(AF_INET), C(AF_UNIX), C(AF_AX25), C(AF_IPX), C(AF_APPLETALK),
    C(AF_NETROM), C(AF_BRIDGE), C(AF_ATMPVC), C(AF_X25), C(AF_INET6), C(AF_ROSE),
    C(AF_DECnet), C(AF_NETBEUI), C(AF_SECURITY), C(AF_KEY), C(AF_NETLINK), C(AF_ROUTE),
    C(AF_PACKET), C(PF_PACKET), C(AF_ASH), C(AF_ECONET), C(AF_ATMSVC), C(AF_RDS), C(PF_RDS),
    C(AF_SNA), C(AF_IRDA), C(AF_PPPOX), C(AF_WANPIPE), C(AF_LLC), C(AF_CAN), C(PF_CAN),
    C(AF_TIPC), C(AF_ALG), C(AF_VSOCK), C(AF_QIPCRTR),
    // Socket types.
    C(SOCK_STREAM), C(SOCK_DGRAM), C(SOCK_RAW), C(SOCK_SEQPACKET), C(SOCK_RDM),
    C(SOCK_CLOEXEC), C(SOCK_NONBLOCK),
    // SOL_SOCKET options.
    C(SO_DEBUG), C(SO_ACCEPTCONN), C(SO_REUSEADDR), C(SO_REUSEPORT), C(SO_KEEPALIVE),
    C(SO_DONTROUTE), C(SO_BROADCAST), C(SO_LINGER), C(SO_OOBINLINE), C(SO_SNDBUF), C(SO_RCVBUF),
    C(SO_SNDLOWAT), C(SO_RCVLOWAT), C(SO_SNDTIMEO), C(SO_RCVTIMEO), C(SO_ERROR), C(SO_TYPE),
    C(SO_PASSCRED), C(SO_PEERCRED), C(SO_PASSSEC), C(SO_PEERSEC), C(SO_BINDTODEVICE),
    C(SO_PRIORITY), C(SO_MARK), C(SO_DOMAIN), C(SO_PROTOCOL), C(SO_INCOMING_CPU),
    C(SOMAXCONN), C(SCM_RIGHTS), C(SCM_CREDENTIALS),
    // send/recv flags.
    C(MSG_OOB), C(MSG_PEEK), C(MSG_DONTROUTE), C(MSG_DONTWAIT), C(MSG_EOR), C(MSG_TRUNC),
    C(MSG_CTRUNC), C(MSG_WAITALL), C(MSG_NOSIGNAL), C(MSG_CMSG_CLOEXEC), C(MSG_ERRQUEUE),
    C(MSG_CONFIRM), C(MSG_MORE), C(MSG_FASTOPEN),
    // Protocol levels.
    C(SOL_SOCKET), C(SOL_IP), C(SOL_TCP), C(SOL_UDP), C(SOL_ALG), C(SOL_RDS), C(SOL_TIPC),
    C(IPPROTO_IP), C(IPPROTO_HOPOPTS), C(IPPROTO_ICMP), C(IPPROTO_IGMP), C(IPPROTO_IPIP),
    C(IPPROTO_TCP), C(IPPROTO_EGP), C(IPPROTO_PUP), C(IPPROTO_UDP), C(IPPROTO_IDP),
    C(IPPROTO_TP), C(IPPROTO_IPV6), C(IPPROTO_ROUTING), C(IPPROTO_FRAGMENT), C(IPPROTO_RSVP),
    C(IPPROTO_GRE), C(IPPROTO_ESP), C(IPPROTO_AH), C(IPPROTO_ICMPV6), C(IPPROTO_NONE),
    C(IPPROTO_DSTOPTS), C(IPPROTO_PIM), C(IPPROTO_SCTP), C(IPPROTO_UDPLITE), C(IPPROTO_MPTCP),
    C(IPPROTO_RAW), C(IPPORT_RESERVED), C(IPPORT_USERRESERVED),
    C(INADDR_ANY), C(INADDR_BROADCAST), C(INADDR_LOOPBACK), C(INADDR_UNSPEC_GROUP),
    C(INADDR_ALLHOSTS_GROUP), C(INADDR_MAX_LOCAL_GROUP), C(INADDR_NONE),
    // IP options.
    C(IP_OPTIONS), C(IP_HDRINCL), C(IP_TOS), C(IP_TTL), C(IP_RECVOPTS), C(IP_RECVRETOPTS),
    C(IP_RECVTOS), C(IP_RETOPTS), C(IP_TRANSPARENT), C(IP_BIND_ADDRESS_NO_PORT),
    C(IP_MULTICAST_IF), C(IP_MULTICAST_TTL), C(IP_MULTICAST_LOOP), C(IP_ADD_MEMBERSHIP),
    C(IP_DROP_MEMBERSHIP), C(IP_DEFAULT_MULTICAST_TTL), C(IP_DEFAULT_MULTICAST_LOOP),
    C(IP_MAX_MEMBERSHIPS),
    // IPv6 options.
    C(IPV6_JOIN_GROUP), C(IPV6_LEAVE_GROUP), C(IPV6_MULTICAST_HOPS), C(IPV6_MULTICAST_IF),
    C(IPV6_MULTICAST_LOOP), C(IPV6_UNICAST_HOPS), C(IPV6_V6ONLY), C(IPV6_CHECKSUM),
    C(IPV6_DONTFRAG), C(IPV6_DSTOPTS), C(IPV6_HOPLIMIT), C(IPV6_HOPOPTS), C(IPV6_NEXTHOP),
    C(IPV6_PATHMTU), C(IPV6_PKTINFO), C(IPV6_RECVDSTOPTS), C(IPV6_RECVHOPLIMIT),
    C(IPV6_RECVHOPOPTS), C(IPV6_RECVPKTINFO), C(IPV6_RECVRTHDR), C(IPV6_RECVTCLASS),
    C(IPV6_RTHDR), C(IPV6_RTHDRDSTOPTS), C(IPV6_RTHDR_TYPE_0), C(IPV6_RECVPATHMTU),
    C(IPV6_TCLASS),
    // TCP options.
    C(TCP_NODELAY), C(TCP_MAXSEG), C(TCP_CORK), C(TCP_KEEPIDLE), C(TCP_KEEPINTVL),
    C(TCP_KEEPCNT), C(TCP_SYNCNT), C(TCP_LINGER2), C(TCP_DEFER_ACCEPT), C(TCP_WINDOW_CLAMP),
    C(TCP_INFO), C(TCP_QUICKACK), C(TCP_FASTOPEN), C(TCP_CONGESTION), C(TCP_USER_TIMEOUT),
    C(TCP_NOTSENT_LOWAT),
    // getaddrinfo / getnameinfo.
    C(EAI_ADDRFAMILY), C(EAI_AGAIN), C(EAI_BADFLAGS), C(EAI_FAIL), C(EAI_FAMILY), C(EAI_MEMORY),
    C(EAI_NODATA), C(EAI_NONAME), C(EAI_OVERFLOW), C(EAI_SERVICE), C(EAI_SOCKTYPE),
    C(EAI_SYSTEM), C(AI_PASSIVE), C(AI_CANONNAME), C(AI_NUMERICHOST), C(AI_NUMERICSERV),
    C(AI_ALL), C(AI_ADDRCONFIG), C(AI_V4MAPPED), C(NI_MAXHOST), C(NI_MAXSERV), C(NI_NOFQDN),
    C(NI_NUMERICHOST), C(NI_NAMEREQD), C(NI_NUMERICSERV), C(NI_DGRAM),
    // shutdown().
    C(SHUT_RD), C(SHUT_WR), C(SHUT_RDWR),
    // AF_NETLINK protocols, AF_PACKET packet types, UDP-Lite checksum coverage.
    C(NETLINK_ROUTE), C(NETLINK_USERSOCK), C(NETLINK_FIREWALL), C(NETLINK_NFLOG),
    C(NETLINK_XFRM), C(NETLINK_IP6_FW), C(NETLINK_DNRTMSG), C(NETLINK_CRYPTO),
    C(PACKET_HOST), C(PACKET_BROADCAST), C(PACKET_MULTICAST), C(PACKET_OTHERHOST),
    C(PACKET_OUTGOING), C(PACKET_LOOPBACK), C(PACKET_FASTROUTE),
    {"UDPLITE_SEND_CSCOV", 10}, {"UDPLITE_RECV_CSCOV", 11},  // the kernel's, not in libc headers
};
#undef C

int ready_type() {
  if (sock_type.name) return 0;
  TypeObject t = static_type("_socket.socket", sizeof(SockObject), 0,
                             kTpflagsBasetype | kTpflagsHaveGc);
  t.doc =
      "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\n"
      "socket(family=-1, type=-1, proto=-1, fileno=None) -> socket object\n\n"
      "Open a socket of the given type.  The family argument specifies the\n"
      "address family; it defaults to AF_INET.  The type argument specifies\n"
      "whether this is a stream (SOCK_STREAM, this is the default)\n"
      "or datagram (SOCK_DGRAM) socket.  The protocol argument defaults to 0,\n"
      "specifying the default protocol.  Keyword arguments are accepted.\n"
      "The socket is created as non-inheritable.\n\n"
      "When a fileno is passed in, family, type and proto are auto-detected,\n"
      "unless they are explicitly set.\n\n"
      "A socket object represents one endpoint of a network connection.";
  t.dealloc = sock_dealloc;
  t.repr = sock_repr;
  t.traverse = sock_traverse;
  t.methods = sock_methods;
  t.members = sock_members;
  t.getset = sock_getset;
  t.init = sock_initobj;
  t.alloc = type_generic_alloc;
  t.new_ = sock_new;
  t.free = object_generic_free;
  t.finalize = sock_finalize;
  sock_type = t;
  return type_ready(&sock_type);
}

int socket_exec(Object* m) {
  if (ready_type() < 0) return -1;
  if (!socket_herror) {
    socket_herror = new_exception("socket.herror", exc_OSError, nullptr);
    if (!socket_herror) return -1;
  }
  if (!socket_gaierror) {
    socket_gaierror = new_exception("socket.gaierror", exc_OSError, nullptr);
    if (!socket_gaierror) return -1;
  }
  if (module_add_object_ref(m, "error", exc_OSError) < 0 ||
      module_add_object_ref(m, "herror", socket_herror) < 0 ||
      module_add_object_ref(m, "gaierror", socket_gaierror) < 0 ||
      module_add_object_ref(m, "timeout", exc_TimeoutError) < 0 ||
      module_add_object_ref(m, "SocketType", &sock_type) < 0 ||
      module_add_object_ref(m, "socket", &sock_type) < 0 ||
      module_add_object_ref(m, "has_ipv6", py_true()) < 0) {
    return -1;
  }
  for (const auto& c : kConstants) {
    Ref<> v = Ref<>::steal(long_from_long_long(c.second));
    if (!v || module_add_object_ref(m, c.first, v.get()) < 0) return -1;
  }
  return 0;
}

ModuleDef socket_def = {
    "_socket",
    "Implementation module for socket operations.\n\nSee the socket module for documentation.",
    socket_methods, socket_exec};

}  // namespace

ModuleDef* module_def() { return &socket_def; }

}  // namespace cppy::modules::_socket
