// Frozen modules: Python/frozen.c. The module tables themselves are generated at build time
// (src/imp/freeze/freeze_module.cpp writes them); this file holds the aliases and the hooks.
#include "imp/frozen.h"

namespace cppy::imp {

namespace {

const FrozenModule kEmpty[] = {{nullptr, nullptr, 0, false}};
FrozenTables tables = {kEmpty, kEmpty, kEmpty};
const FrozenModule* custom = nullptr;

// frozen.c aliases[] (3.14.2's: no os.path entry yet): the frozen names that are another module's code, and the module
// FrozenImporter reports as their origin (__origname__).
const ModuleAlias kAliases[] = {
    {"_frozen_importlib", "importlib._bootstrap"},
    {"_frozen_importlib_external", "importlib._bootstrap_external"},
    {"__hello_alias__", "__hello__"},
    {"__phello_alias__", "__hello__"},
    {"__phello_alias__.spam", "__hello__"},
    {"__phello__.__init__", "<__phello__"},
    {"__phello__.ham.__init__", "<__phello__.ham"},
    {"__hello_only__", nullptr},
    {nullptr, nullptr},
};

}  // namespace

void set_frozen_tables(const FrozenTables& t) {
  tables.bootstrap = t.bootstrap ? t.bootstrap : kEmpty;
  tables.stdlib = t.stdlib ? t.stdlib : kEmpty;
  tables.test = t.test ? t.test : kEmpty;
}

const FrozenTables& frozen_tables() { return tables; }

bool have_frozen_modules() { return tables.bootstrap[0].name != nullptr; }

const ModuleAlias* frozen_aliases() { return kAliases; }

void set_custom_frozen_modules(const FrozenModule* table) { custom = table; }
const FrozenModule* custom_frozen_modules() { return custom; }

}  // namespace cppy::imp
