// The _stat module: Modules/_stat.c (Linux: no doors, event ports or whiteouts; the BSD and
// macOS flag constants with the fixed values CPython 3.13+ defines everywhere).
#include "modules/_stat/statmodule.h"

#include <sys/stat.h>

#include <climits>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/exceptions.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"

namespace cppy::modules::_stat {

using namespace objects;

namespace {

// _PyLong_AsMode_t: an unsigned long that must fit mode_t.
bool as_mode(Object* op, mode_t* out) {
  Ref<> v = Ref<>::steal(number_index(op));
  if (!v) return false;
  int overflow = 0;
  long value = long_as_long_and_overflow(v.get(), &overflow);
  if (value == -1 && errors::occurred()) return false;
  if (overflow < 0 || (overflow == 0 && value < 0)) {
    errors::format(exc_OverflowError, "can't convert negative value to unsigned int");
    return false;
  }
  unsigned long u = static_cast<unsigned long>(value);
  if (overflow > 0) {
    // Beyond a long long: still an unsigned long when below 2**64.
    Ref<> bits = Ref<>::steal(call_method_no_args(v.get(), Ref<>::steal(str_from_cstr("bit_length")).get()));
    if (!bits) return false;
    if (long_as_long(bits.get()) > static_cast<long>(sizeof(unsigned long) * CHAR_BIT)) {
      errors::format(exc_OverflowError, "Python int too large to convert to C unsigned long");
      return false;
    }
    errors::format(exc_OverflowError, "mode out of range");
    return false;
  }
  mode_t mode = static_cast<mode_t>(u);
  if (static_cast<unsigned long>(mode) != u) {
    errors::format(exc_OverflowError, "mode out of range");
    return false;
  }
  *out = mode;
  return true;
}

#define S_ISFUNC(isname, test)                     \
  Object* stat_##isname(Object*, Object* omode) {  \
    mode_t mode;                                   \
    if (!as_mode(omode, &mode)) return nullptr;    \
    return bool_from_long(test);                   \
  }

S_ISFUNC(S_ISDIR, S_ISDIR(mode))
S_ISFUNC(S_ISCHR, S_ISCHR(mode))
S_ISFUNC(S_ISBLK, S_ISBLK(mode))
S_ISFUNC(S_ISREG, S_ISREG(mode))
S_ISFUNC(S_ISFIFO, S_ISFIFO(mode))
S_ISFUNC(S_ISLNK, S_ISLNK(mode))
S_ISFUNC(S_ISSOCK, S_ISSOCK(mode))
S_ISFUNC(S_ISDOOR, false)
S_ISFUNC(S_ISPORT, false)
S_ISFUNC(S_ISWHT, false)
#undef S_ISFUNC

Object* stat_S_IMODE(Object*, Object* omode) {
  mode_t mode;
  if (!as_mode(omode, &mode)) return nullptr;
  return long_from_long(static_cast<long>(mode & 07777));
}
Object* stat_S_IFMT(Object*, Object* omode) {
  mode_t mode;
  if (!as_mode(omode, &mode)) return nullptr;
  return long_from_long(static_cast<long>(mode & S_IFMT));
}

// filetype / fileperm / stat_filemode.
char filetype(mode_t mode) {
  if (S_ISREG(mode)) return '-';
  if (S_ISDIR(mode)) return 'd';
  if (S_ISLNK(mode)) return 'l';
  if (S_ISBLK(mode)) return 'b';
  if (S_ISCHR(mode)) return 'c';
  if (S_ISFIFO(mode)) return 'p';
  if (S_ISSOCK(mode)) return 's';
  return '?';
}
Object* stat_filemode(Object*, Object* omode) {
  mode_t mode;
  if (!as_mode(omode, &mode)) return nullptr;
  char buf[10];
  buf[0] = filetype(mode);
  buf[1] = mode & S_IRUSR ? 'r' : '-';
  buf[2] = mode & S_IWUSR ? 'w' : '-';
  buf[3] = mode & S_ISUID ? (mode & S_IXUSR ? 's' : 'S') : (mode & S_IXUSR ? 'x' : '-');
  buf[4] = mode & S_IRGRP ? 'r' : '-';
  buf[5] = mode & S_IWGRP ? 'w' : '-';
  buf[6] = mode & S_ISGID ? (mode & S_IXGRP ? 's' : 'S') : (mode & S_IXGRP ? 'x' : '-');
  buf[7] = mode & S_IROTH ? 'r' : '-';
  buf[8] = mode & S_IWOTH ? 'w' : '-';
  buf[9] = mode & S_ISVTX ? (mode & S_IXOTH ? 't' : 'T') : (mode & S_IXOTH ? 'x' : '-');
  return str_from_ascii(buf, 10);
}

#define ISDOC(name, what) #name "(mode) -> bool\n\nReturn True if mode is from " what "."
#define F(name, doc) {#name, reinterpret_cast<void*>(stat_##name), kMethO, doc}
MethodDef functions[] = {
    F(S_ISDIR, ISDOC(S_ISDIR, "a directory")),
    F(S_ISCHR, ISDOC(S_ISCHR, "a character special device file")),
    F(S_ISBLK, ISDOC(S_ISBLK, "a block special device file")),
    F(S_ISREG, ISDOC(S_ISREG, "a regular file")),
    F(S_ISFIFO, ISDOC(S_ISFIFO, "a FIFO (named pipe)")),
    F(S_ISLNK, ISDOC(S_ISLNK, "a symbolic link")),
    F(S_ISSOCK, ISDOC(S_ISSOCK, "a socket")),
    F(S_ISDOOR, ISDOC(S_ISDOOR, "a door")),
    F(S_ISPORT, ISDOC(S_ISPORT, "an event port")),
    F(S_ISWHT, ISDOC(S_ISWHT, "a whiteout")),
    F(S_IMODE, "Return the portion of the file's mode that can be set by os.chmod()."),
    F(S_IFMT, "Return the portion of the file's mode that describes the file type."),
    {"filemode", reinterpret_cast<void*>(stat_filemode), kMethO,
     "Convert a file's mode to a string of the form '-rwxrwxrwx'"},
    {nullptr, nullptr, 0, nullptr}};
#undef F
#undef ISDOC

// stat_exec: the constants, in _stat.c's order.
int stat_exec(Object* m) {
  const struct {
    const char* name;
    long value;
  } consts[] = {
      {"S_IFDIR", S_IFDIR}, {"S_IFCHR", S_IFCHR}, {"S_IFBLK", S_IFBLK}, {"S_IFREG", S_IFREG},
      {"S_IFIFO", S_IFIFO}, {"S_IFLNK", S_IFLNK}, {"S_IFSOCK", S_IFSOCK}, {"S_IFDOOR", 0},
      {"S_IFPORT", 0}, {"S_IFWHT", 0}, {"S_ISUID", S_ISUID}, {"S_ISGID", S_ISGID},
      {"S_ISVTX", S_ISVTX}, {"S_ENFMT", S_ISGID}, {"S_IREAD", S_IRUSR}, {"S_IWRITE", S_IWUSR},
      {"S_IEXEC", S_IXUSR}, {"S_IRWXU", S_IRWXU}, {"S_IRUSR", S_IRUSR}, {"S_IWUSR", S_IWUSR},
      {"S_IXUSR", S_IXUSR}, {"S_IRWXG", S_IRWXG}, {"S_IRGRP", S_IRGRP}, {"S_IWGRP", S_IWGRP},
      {"S_IXGRP", S_IXGRP}, {"S_IRWXO", S_IRWXO}, {"S_IROTH", S_IROTH}, {"S_IWOTH", S_IWOTH},
      {"S_IXOTH", S_IXOTH}, {"UF_SETTABLE", 0x0000ffff}, {"UF_NODUMP", 0x00000001},
      {"UF_IMMUTABLE", 0x00000002}, {"UF_APPEND", 0x00000004}, {"UF_OPAQUE", 0x00000008},
      {"UF_NOUNLINK", 0x00000010}, {"UF_COMPRESSED", 0x00000020}, {"UF_TRACKED", 0x00000040},
      {"UF_DATAVAULT", 0x00000080}, {"UF_HIDDEN", 0x00008000},
      {"SF_SETTABLE", 0xffff0000L},
      {"SF_ARCHIVED", 0x00010000}, {"SF_IMMUTABLE", 0x00020000}, {"SF_APPEND", 0x00040000},
{"SF_NOUNLINK", 0x00100000}, {"SF_SNAPSHOT", 0x00200000},
      {"SF_FIRMLINK", 0x00800000}, {"SF_DATALESS", 0x40000000}, {"ST_MODE", 0}, {"ST_INO", 1},
      {"ST_DEV", 2}, {"ST_NLINK", 3}, {"ST_UID", 4}, {"ST_GID", 5}, {"ST_SIZE", 6},
      {"ST_ATIME", 7}, {"ST_MTIME", 8}, {"ST_CTIME", 9}};
  for (const auto& c : consts) {
    Ref<> v = Ref<>::steal(long_from_long(c.value));
    if (!v || module_add_object_ref(m, c.name, v.get()) < 0) return -1;
  }
  return 0;
}

const char kDoc[] =
    "S_IFMT_: file type bits\nS_IFDIR: directory\nS_IFCHR: character device\nS_IFBLK: block "
    "device\nS_IFREG: regular file\nS_IFIFO: fifo (named pipe)\nS_IFLNK: symbolic link\nS_IFSOCK: "
    "socket file\nS_IFDOOR: door\nS_IFPORT: event port\nS_IFWHT: whiteout\n\nS_ISUID: set UID "
    "bit\nS_ISGID: set GID bit\nS_ENFMT: file locking enforcement\nS_ISVTX: sticky bit\nS_IREAD: "
    "Unix V7 synonym for S_IRUSR\nS_IWRITE: Unix V7 synonym for S_IWUSR\nS_IEXEC: Unix V7 synonym "
    "for S_IXUSR\nS_IRWXU: mask for owner permissions\nS_IRUSR: read by owner\nS_IWUSR: write by "
    "owner\nS_IXUSR: execute by owner\nS_IRWXG: mask for group permissions\nS_IRGRP: read by "
    "group\nS_IWGRP: write by group\nS_IXGRP: execute by group\nS_IRWXO: mask for others (not in "
    "group) permissions\nS_IROTH: read by others\nS_IWOTH: write by others\nS_IXOTH: execute by "
    "others\n\nUF_SETTABLE: mask of owner changeable flags\nUF_NODUMP: do not dump file\n"
    "UF_IMMUTABLE: file may not be changed\nUF_APPEND: file may only be appended to\nUF_OPAQUE: "
    "directory is opaque when viewed through a union stack\nUF_NOUNLINK: file may not be renamed "
    "or deleted\nUF_COMPRESSED: macOS: file is hfs-compressed\nUF_TRACKED: used for dealing with "
    "document IDs\nUF_DATAVAULT: entitlement required for reading and writing\nUF_HIDDEN: macOS: "
    "file should not be displayed\nSF_SETTABLE: mask of super user changeable flags\n"
    "SF_ARCHIVED: file may be archived\nSF_IMMUTABLE: file may not be changed\nSF_APPEND: file "
    "may only be appended to\nSF_RESTRICTED: entitlement required for writing\nSF_NOUNLINK: file "
    "may not be renamed or deleted\nSF_SNAPSHOT: file is a snapshot file\nSF_FIRMLINK: file is a "
    "firmlink\nSF_DATALESS: file is a dataless object\n\nOn macOS:\nSF_SUPPORTED: mask of super "
    "user supported flags\nSF_SYNTHETIC: mask of read-only synthetic flags\n\nST_MODE\nST_INO\n"
    "ST_DEV\nST_NLINK\nST_UID\nST_GID\nST_SIZE\nST_ATIME\nST_MTIME\nST_CTIME\n\n"
    "FILE_ATTRIBUTE_*: Windows file attribute constants\n                   (only present on "
    "Windows)\n";

ModuleDef def = {"_stat", kDoc, functions, stat_exec};

}  // namespace

ModuleDef* module_def() { return &def; }

}  // namespace cppy::modules::_stat
