// The internal docs ("name(signature)\n--\n\ndoc", CPython's PyDoc_STRVAR texts with the
// Argument Clinic signature line) of the builtin functions, the builtin types and their
// methods, as the reference has them. They are generated (tools/docsig/gen_docsig.py ->
// docsig_gen.cpp) and given to the MethodDefs when a type is readied and when the builtins
// module is built, so each signature is declared once; __text_signature__ and __doc__
// (Objects/descrobject.c, methodobject.c, typeobject.c) read them back.
#pragma once

#include "objects/typeobject.h"

namespace cppy::objects {

struct DocEntry {
  const char* owner;  // tp_name of the type, or the module's name ("builtins")
  const char* name;   // the method or function, "" for the type's own doc
  const char* doc;
};

// The reference's internal doc of owner.name, or null.
const char* builtin_internal_doc(const char* owner, const char* name);
// Gives every method of the table (up to its null entry) the reference's doc when there is
// one: the methods of a type (owner: its tp_name) or the functions of a module.
void apply_builtin_docs(const char* owner, MethodDef* methods);

}  // namespace cppy::objects
