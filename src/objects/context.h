// Context variables: Include/internal/pycore_context.h, Include/cpython/context.h,
// Python/context.c. A Context maps ContextVars to values in a HAMT (objects/hamt.h); the
// thread state points at the current one.
#pragma once

#include "objects/hamt.h"
#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

struct ContextObject : Object {  // PyContext
  ContextObject* ctx_prev;
  HamtObject* ctx_vars;
  Object* ctx_weakreflist;
  int ctx_entered;
};

struct ContextVarObject : Object {  // PyContextVar
  Object* var_name;
  Object* var_default;  // null when there is none
  hash_t var_hash;
};

struct ContextTokenObject : Object {  // PyContextToken
  ContextObject* tok_ctx;
  ContextVarObject* tok_var;
  Object* tok_oldval;  // null: the variable had no value
  int tok_used;
};

extern TypeObject context_type;        // _contextvars.Context
extern TypeObject contextvar_type;     // _contextvars.ContextVar
extern TypeObject contexttoken_type;   // _contextvars.Token
extern TypeObject contexttoken_missing_type;  // Token.MISSING

inline bool context_check_exact(Object* o) { return o->type == &context_type; }
inline bool contextvar_check_exact(Object* o) { return o->type == &contextvar_type; }
inline bool contexttoken_check_exact(Object* o) { return o->type == &contexttoken_type; }

// PyContext_New / PyContext_Copy / PyContext_CopyCurrent: new references.
Object* context_new();
Object* context_copy(Object* ctx);
Object* context_copy_current();
// PyContext_Enter / PyContext_Exit: 0 or -1 (RuntimeError).
int context_enter(Object* ctx);
int context_exit(Object* ctx);
// The thread's current context (created on first use); borrowed.
Object* context_current();

// PyContextVar_New: name is a C string; def may be null. New reference.
Object* contextvar_new(const char* name, Object* def);
// PyContextVar_Get: 0 and *value (new reference, or null when there is no value and no
// default), or -1.
int contextvar_get(Object* var, Object* def, Object** value);
// PyContextVar_Set: a new Token or null.
Object* contextvar_set(Object* var, Object* value);
// PyContextVar_Reset: 0 or -1.
int contextvar_reset(Object* var, Object* token);

// Readies the types (and the HAMT's). 0 or -1.
int init_context_types();

}  // namespace cppy::objects
