// The table of built-in modules: Modules/config.c (_PyImport_Inittab). A module joins by
// adding one line here and one declaration of its ModuleDef accessor.
#include "modules/moduledef.h"

#include "imp/import.h"
#include "modules/_abc/abcmodule.h"
#include "modules/_contextvars/contextvarsmodule.h"
#include "modules/_stat/statmodule.h"
#include "modules/_string/stringmodule.h"
#include "modules/_suggestions/suggestionsmodule.h"
#include "modules/_thread/threadmodule.h"
#include "modules/_warnings/warnings.h"
#include "modules/_weakref/weakrefmodule.h"
#include "modules/atexit/atexitmodule.h"
#include "modules/bisect/bisectmodule.h"
#include "modules/_sre/sre.h"
#include "modules/_codecs/codecs.h"
#include "modules/_io/_iomodule.h"
#include "modules/_types/typesmodule.h"
#include "modules/_typing/typingmodule.h"
#include "modules/errno/errnomodule.h"
#include "modules/math/mathmodule.h"
#include "modules/_random/randommodule.h"
#include "modules/_tokenize/tokenizemodule.h"
#include "modules/unicodedata/unicodedatamodule.h"
#include "modules/_struct/structmodule.h"
#include "modules/binascii/binasciimodule.h"
#include "modules/time/timemodule.h"
#include "modules/gc/gcmodule_def.h"
#include "modules/collections/collectionsmodule.h"
#include "modules/functools/functoolsmodule.h"
#include "modules/heapq/heapqmodule.h"
#include "modules/itertools/itertoolsmodule.h"
#include "modules/operator/operatormodule.h"
#include "modules/marshal/marshalmodule.h"
#include "modules/posix/posixmodule.h"
#include "modules/pwd/pwdmodule.h"
#include "modules/grp/grpmodule.h"
#include "ast/python_ast.h"
#include "modules/_signal/signalmodule.h"
#include "modules/_json/jsonmodule.h"
#include "modules/zlib/zlibmodule.h"
#include "modules/_hashlib/hashopenssl.h"
#include "modules/_blake2/blake2module.h"
#include "modules/_posixsubprocess/posixsubprocess.h"
#include "modules/select/selectmodule.h"
#include "modules/fcntl/fcntlmodule.h"
#include "modules/_opcode/opcodemodule.h"
#include "modules/_symtable/symtablemodule.h"
#include "modules/faulthandler/faulthandlermodule.h"
#include "modules/resource/resourcemodule.h"
#include "modules/_sqlite/sqlitemodule.h"
#include "modules/_zoneinfo/zoneinfomodule.h"
#include "modules/_multiprocessing/multiprocessingmodule.h"
#include "modules/_locale/localemodule.h"
#include "modules/_bz2/bz2module.h"
#include "modules/_decimal/decimalmodule.h"
#include "modules/_socket/socketmodule.h"
#include "modules/pyexpat/pyexpat.h"
#include "modules/_lzma/lzmamodule.h"
#include "modules/termios/termiosmodule.h"
#include "modules/_csv/csvmodule.h"
#include "modules/cmath/cmathmodule.h"

namespace cppy::modules {

const InittabEntry* inittab() {
  static const InittabEntry table[] = {
      // Core modules made at start-up (their init function is NULL in CPython's table too).
      {"builtins", nullptr},
      {"sys", nullptr},
      {"errno", errno_::module_def()},
      {"_types", types_::module_def()},
      {"_typing", typing_::module_def()},
      {"_codecs", _codecs::module_def()},
      {"_io", _io::module_def()},
      {"math", math::module_def()},
      {"_random", random::module_def()},
      {"_tokenize", tokenize::module_def()},
      {"unicodedata", unicodedata::module_def()},
      {"_struct", struct_::module_def()},
      {"binascii", binascii::module_def()},
      {"time", time::module_def()},
      {"_abc", _abc::module_def()},
      {"_contextvars", _contextvars::module_def()},
      {"_stat", _stat::module_def()},
      {"_string", _string::module_def()},
      {"_suggestions", _suggestions::module_def()},
      {"_thread", _thread::module_def()},
      {"_warnings", _warnings::module_def()},
      {"_weakref", _weakref::module_def()},
      {"atexit", atexit::module_def()},
      {"gc", gc::module_def()},
      {"_bisect", bisect::module_def()},
      {"_heapq", heapq::module_def()},
      {"_functools", functools::module_def()},
      {"_operator", operator_::module_def()},
      {"itertools", itertools::module_def()},
      {"_collections", collections::module_def()},
      {"_sre", _sre::module_def()},
      {"_imp", imp::module_def()},
      {"posix", posix::module_def()},
      {"pwd", pwd::module_def()},
      {"grp", grp::module_def()},
      {"marshal", marshal::module_def()},
      {"_ast", ast::pyast::module_def()},
      {"_signal", _signal::module_def()},
      {"_json", _json::module_def()},
      {"zlib", zlib::module_def()},
      {"_hashlib", _hashlib::module_def()},
      {"_blake2", _blake2::module_def()},
      {"_posixsubprocess", _posixsubprocess::module_def()},
      {"select", select::module_def()},
      {"fcntl", fcntl_::module_def()},
      {"_opcode", _opcode::module_def()},
      {"_symtable", _symtable::module_def()},
      {"faulthandler", faulthandler::module_def()},
      {"resource", resource::module_def()},
      {"_sqlite3", _sqlite::module_def()},
      {"_zoneinfo", _zoneinfo::module_def()},
      {"_multiprocessing", _multiprocessing::module_def()},
      {"_posixshmem", _multiprocessing::posixshmem_module_def()},
      {"_locale", _locale::module_def()},
      {"_bz2", _bz2::module_def()},
      {"_decimal", decimal::module_def()},
      {"_socket", _socket::module_def()},
      {"pyexpat", pyexpat::module_def()},
      {"_lzma", _lzma::module_def()},
      {"termios", termios_::module_def()},
      {"_csv", csv::module_def()},
      {"cmath", cmath::module_def()},
      {nullptr, nullptr},
  };
  return table;
}

}  // namespace cppy::modules
