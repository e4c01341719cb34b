// The termios module: Modules/termios.c of CPython 3.14. The calls release nothing: they are
// quick system calls on a terminal (tcdrain may wait for the output to drain, as in CPython
// with the GIL released; cppy keeps it, which only delays other threads).
#include "modules/termios/termiosmodule.h"

#include <sys/ioctl.h>
#include <termios.h>

#include <cerrno>

#include "errors/errors.h"
#include "modules/posix/posix_internal.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"

namespace cppy::modules::termios_ {

using namespace objects;

namespace {

TypeObject* termios_error = nullptr;  // termios.error

Object* set_errno_error() { return errors::set_from_errno(termios_error); }

bool int_arg(Object* o, int* out) {
  return posix::as_int(o, out);
}

// Parses (fd, int...) positional-only arguments.
bool fd_and_ints(const char* fname, Object* const* args, ssize nargs, ssize n, int* fd,
                 int* ints) {
  if (!check_positional(fname, nargs, n, n)) return false;
  if (!posix::fildes_converter(args[0], fd)) return false;
  for (ssize i = 1; i < n; ++i)
    if (!int_arg(args[i], &ints[i - 1])) return false;
  return true;
}

// termios_tcgetattr_impl.
Object* termios_tcgetattr(Object*, Object* arg) {
  int fd;
  if (!posix::fildes_converter(arg, &fd)) return nullptr;
  struct termios mode;
  if (tcgetattr(fd, &mode) == -1) return set_errno_error();
  speed_t ispeed = cfgetispeed(&mode);
  speed_t ospeed = cfgetospeed(&mode);
  Ref<> cc = Ref<>::steal(list_new(NCCS));
  if (!cc) return nullptr;
  for (int i = 0; i < NCCS; ++i) {
    char ch = static_cast<char>(mode.c_cc[i]);
    Object* v = bytes_from_string_and_size(&ch, 1);
    if (!v) return nullptr;
    list_set_item_steal(cc.get(), i, v);
  }
  // MIN and TIME may share the slots of EOF and EOL: ints only in noncanonical mode.
  if ((mode.c_lflag & ICANON) == 0) {
    for (int slot : {VMIN, VTIME}) {
      Object* v = long_from_long(static_cast<long>(mode.c_cc[slot]));
      if (!v) return nullptr;
      list_set_item(cc.get(), slot, v);
    }
  }
  Ref<> v = Ref<>::steal(list_new(7));
  if (!v) return nullptr;
  const long fields[6] = {static_cast<long>(mode.c_iflag), static_cast<long>(mode.c_oflag),
                          static_cast<long>(mode.c_cflag), static_cast<long>(mode.c_lflag),
                          static_cast<long>(ispeed),       static_cast<long>(ospeed)};
  for (int i = 0; i < 6; ++i) {
    Object* item = long_from_long(fields[i]);
    if (!item) return nullptr;
    list_set_item_steal(v.get(), i, item);
  }
  list_set_item_steal(v.get(), 6, cc.release());
  return v.release();
}

// termios_tcsetattr_impl: tcsetattr(fd, when, attributes, /).
Object* termios_tcsetattr(Object*, Object* const* args, ssize nargs) {
  int fd, when;
  if (!check_positional("tcsetattr", nargs, 3, 3)) return nullptr;
  if (!posix::fildes_converter(args[0], &fd) || !int_arg(args[1], &when)) return nullptr;
  Object* term = args[2];
  if (!list_check(term) || list_size(term) != 7) {
    errors::set_string(exc_TypeError, "tcsetattr, arg 3: must be 7 element list");
    return nullptr;
  }
  // The old mode first, for any hidden fields.
  struct termios mode;
  if (tcgetattr(fd, &mode) == -1) return set_errno_error();
  long nums[6];
  for (int i = 0; i < 6; ++i) {
    nums[i] = long_as_long(list_item(term, i));
    if (nums[i] == -1 && errors::occurred()) return nullptr;
  }
  mode.c_iflag = static_cast<tcflag_t>(nums[0]);
  mode.c_oflag = static_cast<tcflag_t>(nums[1]);
  mode.c_cflag = static_cast<tcflag_t>(nums[2]);
  mode.c_lflag = static_cast<tcflag_t>(nums[3]);
  auto ispeed = static_cast<speed_t>(nums[4]);
  auto ospeed = static_cast<speed_t>(nums[5]);
  Object* cc = list_item(term, 6);
  if (!list_check(cc) || list_size(cc) != NCCS) {
    errors::format(exc_TypeError, "tcsetattr: attributes[6] must be %d element list", NCCS);
    return nullptr;
  }
  for (int i = 0; i < NCCS; ++i) {
    Object* v = list_item(cc, i);
    if (bytes_check(v) && bytes_size(v) == 1) {
      mode.c_cc[i] = static_cast<cc_t>(*bytes_as_string(v));
    } else if (long_check(v)) {
      long num = long_as_long(v);
      if (num == -1 && errors::occurred()) return nullptr;
      mode.c_cc[i] = static_cast<cc_t>(num);
    } else {
      errors::set_string(exc_TypeError,
                         "tcsetattr: elements of attributes must be characters or integers");
      return nullptr;
    }
  }
  if (cfsetispeed(&mode, ispeed) == -1) return set_errno_error();
  if (cfsetospeed(&mode, ospeed) == -1) return set_errno_error();
  if (tcsetattr(fd, when, &mode) == -1) return set_errno_error();
  return return_none();
}

// termios_tcsendbreak_impl.
Object* termios_tcsendbreak(Object*, Object* const* args, ssize nargs) {
  int fd, duration;
  if (!fd_and_ints("tcsendbreak", args, nargs, 2, &fd, &duration)) return nullptr;
  if (tcsendbreak(fd, duration) == -1) return set_errno_error();
  return return_none();
}

// termios_tcdrain_impl.
Object* termios_tcdrain(Object*, Object* arg) {
  int fd;
  if (!posix::fildes_converter(arg, &fd)) return nullptr;
  if (tcdrain(fd) == -1) return set_errno_error();
  return return_none();
}

// termios_tcflush_impl.
Object* termios_tcflush(Object*, Object* const* args, ssize nargs) {
  int fd, queue;
  if (!fd_and_ints("tcflush", args, nargs, 2, &fd, &queue)) return nullptr;
  if (tcflush(fd, queue) == -1) return set_errno_error();
  return return_none();
}

// termios_tcflow_impl.
Object* termios_tcflow(Object*, Object* const* args, ssize nargs) {
  int fd, action;
  if (!fd_and_ints("tcflow", args, nargs, 2, &fd, &action)) return nullptr;
  if (tcflow(fd, action) == -1) return set_errno_error();
  return return_none();
}

// termios_tcgetwinsize_impl: (ws_row, ws_col).
Object* termios_tcgetwinsize(Object*, Object* arg) {
  int fd;
  if (!posix::fildes_converter(arg, &fd)) return nullptr;
  struct winsize w;
  if (ioctl(fd, TIOCGWINSZ, &w) == -1) return set_errno_error();
  Ref<> row = Ref<>::steal(long_from_long(w.ws_row));
  Ref<> col = Ref<>::steal(long_from_long(w.ws_col));
  if (!row || !col) return nullptr;
  return tuple_pack(2, row.get(), col.get());
}

// termios_tcsetwinsize_impl: tcsetwinsize(fd, winsize, /).
Object* termios_tcsetwinsize(Object*, Object* const* args, ssize nargs) {
  int fd;
  if (!check_positional("tcsetwinsize", nargs, 2, 2)) return nullptr;
  if (!posix::fildes_converter(args[0], &fd)) return nullptr;
  Object* winsz = args[1];
  if (!sequence_check(winsz) || sequence_size(winsz) != 2) {
    errors::set_string(exc_TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
    return nullptr;
  }
  long size[2];
  for (int i = 0; i < 2; ++i) {
    Ref<> item = Ref<>::steal(sequence_get_item(winsz, i));
    if (!item) return nullptr;
    size[i] = long_as_long(item.get());
    if (size[i] == -1 && errors::occurred()) return nullptr;
  }
  // The old winsize first: it may have more fields (xpixel, ypixel).
  struct winsize w;
  if (ioctl(fd, TIOCGWINSZ, &w) == -1) return set_errno_error();
  w.ws_row = static_cast<unsigned short>(size[0]);
  w.ws_col = static_cast<unsigned short>(size[1]);
  if (static_cast<long>(w.ws_row) != size[0] || static_cast<long>(w.ws_col) != size[1]) {
    errors::set_string(exc_OverflowError, "winsize value(s) out of range.");
    return nullptr;
  }
  if (ioctl(fd, TIOCSWINSZ, &w) == -1) return set_errno_error();
  return return_none();
}

MethodDef termios_methods[] = {
    {"tcgetattr", reinterpret_cast<void*>(termios_tcgetattr), kMethO,
     "tcgetattr($module, fd, /)\n--\n\nGet the tty attributes for file descriptor fd.\n\n"
     "Returns a list [iflag, oflag, cflag, lflag, ispeed, ospeed, cc]\nwhere cc is a list of "
     "the tty special characters (each a string of\nlength 1, except the items with indices "
     "VMIN and VTIME, which are\nintegers when these fields are defined).  The interpretation "
     "of the\nflags and the speeds as well as the indexing in the cc array must be\ndone "
     "using the symbolic constants defined in this module."},
    {"tcsetattr", reinterpret_cast<void*>(termios_tcsetattr), kMethFastcall,
     "tcsetattr($module, fd, when, attributes, /)\n--\n\nSet the tty attributes for file "
     "descriptor fd.\n\nThe attributes to be set are taken from the attributes argument, "
     "which\nis a list like the one returned by tcgetattr(). The when argument\ndetermines "
     "when the attributes are changed: termios.TCSANOW to\nchange immediately, "
     "termios.TCSADRAIN to change after transmitting all\nqueued output, or "
     "termios.TCSAFLUSH to change after transmitting all\nqueued output and discarding all "
     "queued input."},
    {"tcsendbreak", reinterpret_cast<void*>(termios_tcsendbreak), kMethFastcall,
     "tcsendbreak($module, fd, duration, /)\n--\n\nSend a break on file descriptor fd.\n\n"
     "A zero duration sends a break for 0.25-0.5 seconds; a nonzero duration\nhas a system "
     "dependent meaning."},
    {"tcdrain", reinterpret_cast<void*>(termios_tcdrain), kMethO,
     "tcdrain($module, fd, /)\n--\n\nWait until all output written to file descriptor fd "
     "has been transmitted."},
    {"tcflush", reinterpret_cast<void*>(termios_tcflush), kMethFastcall,
     "tcflush($module, fd, queue, /)\n--\n\nDiscard queued data on file descriptor fd.\n\n"
     "The queue selector specifies which queue: termios.TCIFLUSH for the input\nqueue, "
     "termios.TCOFLUSH for the output queue, or termios.TCIOFLUSH for\nboth queues."},
    {"tcflow", reinterpret_cast<void*>(termios_tcflow), kMethFastcall,
     "tcflow($module, fd, action, /)\n--\n\nSuspend or resume input or output on file "
     "descriptor fd.\n\nThe action argument can be termios.TCOOFF to suspend output,\n"
     "termios.TCOON to restart output, termios.TCIOFF to suspend input,\nor termios.TCION to "
     "restart input."},
    {"tcgetwinsize", reinterpret_cast<void*>(termios_tcgetwinsize), kMethO,
     "tcgetwinsize($module, fd, /)\n--\n\nGet the tty winsize for file descriptor fd.\n\n"
     "Returns a tuple (ws_row, ws_col)."},
    {"tcsetwinsize", reinterpret_cast<void*>(termios_tcsetwinsize), kMethFastcall,
     "tcsetwinsize($module, fd, winsize, /)\n--\n\nSet the tty winsize for file descriptor "
     "fd.\n\nThe winsize to be set is taken from the winsize argument, which\nis a two-item "
     "tuple (ws_row, ws_col) like the one returned by tcgetwinsize()."},
    {nullptr, nullptr, 0, nullptr}};

// Modules/termios.c: each of VSWTC / VSWTCH stands for the other when only one is defined.
#if defined(VSWTCH) && !defined(VSWTC)
#define VSWTC VSWTCH
#endif
#if defined(VSWTC) && !defined(VSWTCH)
#define VSWTCH VSWTC
#endif

struct Constant {
  const char* name;
  long value;
};

const Constant kConstants[] = {
#include "modules/termios/termios_constants.inc"
    {nullptr, 0}};

// termios_exec.
int termios_exec(Object* m) {
  if (!termios_error) {
    termios_error = new_exception("termios.error", nullptr, nullptr);
    if (!termios_error) return -1;
  }
  if (module_add_object_ref(m, "error", termios_error) < 0) return -1;
  for (const Constant* c = kConstants; c->name; ++c) {
    Ref<> v = Ref<>::steal(long_from_long(c->value));
    if (!v || module_add_object_ref(m, c->name, v.get()) < 0) return -1;
  }
  return 0;
}

ModuleDef termios_def = {
    "termios",
    "This module provides an interface to the Posix calls for tty I/O control.\n"
    "For a complete description of these calls, see the Posix or Unix manual\n"
    "pages. It is only available for those Unix versions that support Posix\n"
    "termios style tty I/O control.\n\n"
    "All functions in this module take a file descriptor fd as their first\n"
    "argument. This can be an integer file descriptor, such as returned by\n"
    "sys.stdin.fileno(), or a file object, such as sys.stdin itself.",
    termios_methods, termios_exec};

}  // namespace

ModuleDef* module_def() { return &termios_def; }

}  // namespace cppy::modules::termios_
