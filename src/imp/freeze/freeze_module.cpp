// cppy_freeze: Programs/_freeze_module.c with the table generation of
// Tools/build/freeze_modules.py. Compiles the modules CPython 3.14.2 freezes (importlib's
// bootstrap, zipimport, the start-up modules, runpy's, the __hello__ test modules) from the
// installed standard library with cppy's own compiler, and writes one C++ source holding their
// marshal data and the frozen tables, which registers them with imp::set_frozen_tables() at
// start-up (src/imp/frozen.h).
//
//   cppy_freeze STDLIB_DIR OUTPUT.cpp
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "compile/compile.h"
#include "errors/errors.h"
#include "marshal/marshal.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/unicodeobject.h"
#include "vm/pythonrun.h"

namespace {

using namespace cppy::objects;

// One frozen entry (freeze_modules.py FROZEN, as 3.14.2's frozen.c lists them): the name it
// is imported as, the module whose source it is, whether it is a package.
struct Spec {
  const char* name;
  const char* source;  // module name of the source (the "frozenid")
  bool is_package;
  int section;  // 0 bootstrap, 1 stdlib, 2 test
};

const Spec kSpecs[] = {
    {"_frozen_importlib", "importlib._bootstrap", false, 0},
    {"_frozen_importlib_external", "importlib._bootstrap_external", false, 0},
    {"zipimport", "zipimport", false, 0},
    // stdlib - start-up, without site (python -S)
    {"abc", "abc", false, 1},
    {"codecs", "codecs", false, 1},
    {"io", "io", false, 1},
    // stdlib - start-up, with site
    {"_collections_abc", "_collections_abc", false, 1},
    {"_sitebuiltins", "_sitebuiltins", false, 1},
    {"genericpath", "genericpath", false, 1},
    {"ntpath", "ntpath", false, 1},
    {"posixpath", "posixpath", false, 1},
    {"os", "os", false, 1},
    {"site", "site", false, 1},
    {"stat", "stat", false, 1},
    // runpy - run module with -m
    {"importlib.util", "importlib.util", false, 1},
    {"importlib.machinery", "importlib.machinery", false, 1},
    {"runpy", "runpy", false, 1},
    // test modules
    {"__hello__", "__hello__", false, 2},
    {"__hello_alias__", "__hello__", false, 2},
    {"__phello_alias__", "__hello__", true, 2},
    {"__phello_alias__.spam", "__hello__", false, 2},
    {"__phello__", "__phello__", true, 2},
    {"__phello__.__init__", "__phello__", false, 2},
    {"__phello__.ham", "__phello__.ham", true, 2},
    {"__phello__.ham.__init__", "__phello__.ham", false, 2},
    {"__phello__.ham.eggs", "__phello__.ham.eggs", false, 2},
    {"__phello__.spam", "__phello__.spam", false, 2},
};

// The packages among the sources: their file is NAME/__init__.py.
bool source_is_package(const std::string& source) {
  return source == "__phello__" || source == "__phello__.ham";
}

std::string source_path(const std::string& stdlib, const std::string& source) {
  std::string rel = source;
  for (char& c : rel)
    if (c == '.') c = '/';
  return stdlib + "/" + rel + (source_is_package(source) ? "/__init__.py" : ".py");
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

std::string symbol(const std::string& source) {
  std::string s = "M_";
  for (char c : source) s += c == '.' ? '_' : c;
  return s;
}

void print_error(const std::string& what) {
  std::fprintf(stderr, "cppy_freeze: %s\n", what.c_str());
  Object* exc = cppy::errors::get_raised_exception();
  if (exc) {
    Ref<> s = Ref<>::steal(object_str(exc));
    std::fprintf(stderr, "  %s: %s\n", type_short_name(exc->type),
                 s ? str_as_utf8(s.get()) : "<unprintable>");
    decref(exc);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: cppy_freeze STDLIB_DIR OUTPUT.cpp\n");
    return 2;
  }
  std::string stdlib = argv[1];
  if (cppy::vm::initialize_runtime() < 0) {
    print_error("cannot initialise the runtime");
    return 1;
  }
  // The marshal data of each source module, compiled once (_freeze_module's compile_and_marshal).
  std::map<std::string, std::vector<unsigned char>> data;
  std::vector<std::string> order;
  for (const Spec& spec : kSpecs) {
    if (data.count(spec.source)) continue;
    std::string path = source_path(stdlib, spec.source), text;
    if (!read_file(path, &text)) continue;  // not in this library (the reference lacks some tests)
    std::string filename = std::string("<frozen ") + spec.source + ">";
    Ref<> code = Ref<>::steal(
        cppy::compile::compile_string(text, filename, cppy::compile::kPyFileInput, 0, 0));
    if (!code) {
      print_error("cannot compile " + path);
      return 1;
    }
    Ref<> bytes = Ref<>::steal(cppy::marshal::dumps(code.get()));
    if (!bytes) {
      print_error("cannot marshal " + path);
      return 1;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(bytes_as_string(bytes.get()));
    data[spec.source].assign(p, p + bytes_size(bytes.get()));
    order.push_back(spec.source);
  }

  std::ostringstream out;
  out << "// Generated by cppy_freeze (src/imp/freeze) from " << stdlib << ": do not edit.\n"
      << "#include \"imp/frozen.h\"\n\nnamespace {\n\n";
  for (const std::string& source : order) {
    const auto& bytes = data[source];
    out << "// " << source << "\nconst unsigned char " << symbol(source) << "[" << bytes.size()
        << "] = {";
    for (size_t i = 0; i < bytes.size(); ++i) {
      if (i % 24 == 0) out << "\n   ";
      out << " " << static_cast<unsigned>(bytes[i]) << ",";
    }
    out << "\n};\n\n";
  }
  const char* sections[] = {"bootstrap", "stdlib", "test"};
  for (int section = 0; section < 3; ++section) {
    out << "const cppy::imp::FrozenModule " << sections[section] << "_modules[] = {\n";
    for (const Spec& spec : kSpecs) {
      if (spec.section != section || !data.count(spec.source)) continue;
      out << "    {\"" << spec.name << "\", " << symbol(spec.source) << ", int(sizeof "
          << symbol(spec.source) << "), " << (spec.is_package ? "true" : "false") << "},\n";
    }
    out << "    {nullptr, nullptr, 0, false},\n};\n\n";
  }
  out << "// Registered before main() runs (the tables are constant data).\n"
      << "const bool registered = [] {\n"
      << "  cppy::imp::set_frozen_tables({bootstrap_modules, stdlib_modules, test_modules});\n"
      << "  return true;\n}();\n\n}  // namespace\n";

  // Rewritten only when it changed, so that a rebuild does not recompile it needlessly.
  std::string text = out.str(), old;
  if (read_file(argv[2], &old) && old == text) return 0;
  std::ofstream f(argv[2], std::ios::binary);
  f << text;
  if (!f) {
    std::fprintf(stderr, "cppy_freeze: cannot write %s\n", argv[2]);
    return 1;
  }
  return 0;
}
