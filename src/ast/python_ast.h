// The Python objects of the AST (Python/Python-ast.c's public side): the _ast module, the
// conversions between C++ trees and _ast objects, and the check that an object is a node.
#pragma once

#include "ast/ast_gen.h"

namespace cppy::modules {
struct ModuleDef;
}

namespace cppy::ast {

// PyAST_mod2obj: the _ast objects of a tree (new reference), positions included; null with
// the error set.
Object* mod_to_object(mod_ty m);

// PyAST_obj2mod: the C++ tree of an _ast object, allocated in arena; mode 0 requires a Module
// ("exec"), 1 an Expression ("eval"), 2 an Interactive ("single"), 3 a FunctionType. Null with TypeError,
// ValueError... set, with CPython's messages. The tree still has to pass validate().
mod_ty object_to_mod(Object* ast, Arena* arena, int mode);

// PyAST_Check: 1 if obj is an ast.AST instance, 0 if not, -1 on error.
int ast_check(Object* obj);

namespace pyast {
// The _ast module (PyInit__ast).
modules::ModuleDef* module_def();
}  // namespace pyast

}  // namespace cppy::ast
