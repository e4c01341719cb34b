// The native modules of the "func" area (_bisect, _heapq, _operator, _functools, itertools,
// _collections) run on Python-level cases: each tests/py/funcmods case is run from the
// reference's .pyc (tests/data/pyc/funcmods, tools/pycdata/gen_pyc.py) and its output is
// compared with the reference's NAME.out. Until the import system is on main, the case's
// builtins carry a test-local __import__ that only finds built-in modules
// (modules::import_builtin); once cppy runs source, tests/py runs the same cases directly.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "marshal/marshal.h"
#include "modules/moduledef.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects_support.h"
#include "vm/ceval.h"
#include "vm/pythonrun.h"

namespace {

using namespace cppy::objects;
using objtest::error_text;
using objtest::to_std;

std::string repo_path(const std::string& rel) {
  std::string here = CPPY_UNIT_TEST_DIR "/file";
  return here.substr(0, here.rfind('/')) + "/../../" + rel;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// __import__(name, globals=None, locals=None, fromlist=(), level=0) for built-in modules.
Object* test_import(Object*, Object* const* args, ssize nargs, Object*) {
  if (nargs < 1 || !str_check(args[0])) {
    cppy::errors::set_string(exc_TypeError, "__import__ needs a module name");
    return nullptr;
  }
  const char* name = str_as_utf8(args[0]);
  if (!name) return nullptr;
  if (!cppy::modules::find_inittab(name))
    return cppy::errors::format(exc_ModuleNotFoundError, "No module named '%s'", name);
  return cppy::modules::import_builtin(name);
}

MethodDef import_def = {"__import__", reinterpret_cast<void*>(test_import),
                        kMethFastcall | kMethKeywords, nullptr};

// Runs tests/data/pyc/funcmods/NAME.pyc and returns what it printed, with the uncaught
// exception (if any) appended as "Type: message".
std::string run_case(const std::string& name) {
  if (cppy::vm::initialize_runtime() < 0) return "runtime initialisation failed";
  Ref<> builtins = Ref<>::steal(dict_copy(cppy::vm::builtins_dict()));
  Ref<> imp = Ref<>::steal(cfunction_new(&import_def, nullptr));
  Ref<> globals = Ref<>::steal(dict_new());
  Ref<> main_name = Ref<>::steal(str_from_cstr("__main__"));
  if (!builtins || !imp || !globals || !main_name ||
      dict_set_item_string(builtins.get(), "__import__", imp.get()) < 0 ||
      dict_set_item_string(globals.get(), "__builtins__", builtins.get()) < 0 ||
      dict_set_item_string(globals.get(), "__name__", main_name.get()) < 0)
    return "setup failed: " + error_text();
  std::string pyc = repo_path("tests/data/pyc/funcmods/" + name + ".pyc");
  Ref<> code = Ref<>::steal(cppy::marshal::read_pyc_file(pyc.c_str()));
  if (!code) return "cannot load " + pyc + ": " + error_text();
  std::fflush(stdout);
  testing::internal::CaptureStdout();
  Object* result = cppy::vm::eval_code(code.get(), globals.get(), globals.get());
  std::fflush(stdout);
  std::string out = testing::internal::GetCapturedStdout();
  if (!result) return out + "--- uncaught " + error_text() + "\n";
  decref(result);
  // Break the cycles through the case's functions so the next case starts clean.
  dict_clear(globals.get());
  return out;
}

void check_case(const std::string& name) {
  std::string expected = read_text(repo_path("tests/py/funcmods/" + name + ".out"));
  ASSERT_FALSE(expected.empty()) << "no reference output for " << name;
  std::string got = run_case(name);
  if (got == expected) return;
  // Report the first differing line, then the whole outputs.
  std::istringstream a(expected), b(got);
  std::string la, lb;
  int line = 1;
  while (true) {
    bool ea = !std::getline(a, la), eb = !std::getline(b, lb);
    if (ea && eb) break;
    if (ea || eb || la != lb) {
      ADD_FAILURE() << name << ": line " << line << " differs\n  reference: " << la
                    << "\n  cppy:      " << lb;
      break;
    }
    ++line;
  }
  EXPECT_EQ(got, expected);
}

TEST(FuncModules, Bisect) { check_case("bisect_cases"); }
TEST(FuncModules, Heapq) { check_case("heapq_cases"); }
TEST(FuncModules, Operator) { check_case("operator_cases"); }
TEST(FuncModules, Functools) { check_case("functools_cases"); }
TEST(FuncModules, Itertools) { check_case("itertools_cases"); }
TEST(FuncModules, Collections) { check_case("collections_cases"); }
TEST(FuncModules, EdgeCases) { check_case("edge_cases"); }

}  // namespace
