// Frozen modules: Python/frozen.c and the _frozen / _module_alias tables of
// Include/cpython/import.h. The build compiles importlib._bootstrap, _bootstrap_external and
// the start-up modules with cppy's own compiler into marshal data (src/imp/freeze), in a
// generated source file that registers its tables with set_frozen_tables() when it is linked
// in (the cppy executable and the unit tests link it; the freeze tool itself does not).
#pragma once

namespace cppy::imp {

// struct _frozen.
struct FrozenModule {
  const char* name;           // null ends a table
  const unsigned char* code;  // marshal data of the module's code object; null: excluded
  int size;
  bool is_package;
};

// struct _module_alias: name is a frozen alias of the module orig (null: no original).
struct ModuleAlias {
  const char* name;
  const char* orig;
};

// _PyImport_FrozenBootstrap / _PyImport_FrozenStdlib / _PyImport_FrozenTest.
struct FrozenTables {
  const FrozenModule* bootstrap;
  const FrozenModule* stdlib;
  const FrozenModule* test;
};

// The tables the generated source registers (empty ones until then).
void set_frozen_tables(const FrozenTables& tables);
const FrozenTables& frozen_tables();
// Whether the build's frozen modules are linked in (the bootstrap table is not empty).
bool have_frozen_modules();

// _PyImport_FrozenAliases (frozen.c aliases[]).
const ModuleAlias* frozen_aliases();

// PyImport_FrozenModules: an embedder's table, searched after the bootstrap modules (tests
// use it). Null for none.
void set_custom_frozen_modules(const FrozenModule* table);
const FrozenModule* custom_frozen_modules();

}  // namespace cppy::imp
