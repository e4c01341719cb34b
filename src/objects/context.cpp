// Context variables: Python/context.c.
#include "objects/context.h"

#include <cstddef>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/genericaliasobject.h"
#include "objects/getargs.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/weakrefobject.h"
#include "runtime/pystate.h"

namespace cppy::objects {

namespace {

Object* gc_object(TypeObject* type, size_t size) {
  Object* o = gc::gc_malloc(size);
  if (!o) return nullptr;
  o->refcnt = 1;
  o->type = type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  return o;
}

ContextObject* ctx(Object* o) { return static_cast<ContextObject*>(o); }
ContextVarObject* cvar(Object* o) { return static_cast<ContextVarObject*>(o); }
ContextTokenObject* tok(Object* o) { return static_cast<ContextTokenObject*>(o); }

// Token.MISSING: the old value of a token whose variable had none.
Object missing_object = [] {
  Object o{};
  o.refcnt = kImmortalRefcnt;
  o.type = &contexttoken_missing_type;
  return o;
}();

// ---- Context -------------------------------------------------------------------------------

ContextObject* context_alloc() {  // _context_alloc
  auto* c = static_cast<ContextObject*>(gc_object(&context_type, sizeof(ContextObject)));
  if (!c) return nullptr;
  c->ctx_vars = nullptr;
  c->ctx_prev = nullptr;
  c->ctx_entered = 0;
  c->ctx_weakreflist = nullptr;
  return c;
}

ContextObject* context_new_empty() {
  ContextObject* c = context_alloc();
  if (!c) return nullptr;
  c->ctx_vars = hamt_new();
  if (!c->ctx_vars) {
    decref(c);
    return nullptr;
  }
  gc::track(c);
  return c;
}

ContextObject* context_new_from_vars(HamtObject* vars) {
  ContextObject* c = context_alloc();
  if (!c) return nullptr;
  c->ctx_vars = new_ref(vars);
  gc::track(c);
  return c;
}

// context_get: the thread's context, created on first use (borrowed).
ContextObject* context_get() {
  runtime::ThreadState* ts = runtime::thread_state();
  if (!ts->context) {
    ContextObject* c = context_new_empty();
    if (!c) return nullptr;
    ts->context = c;
  }
  return ctx(ts->context);
}

int context_check_key_type(Object* key) {
  if (!contextvar_check_exact(key)) {
    errors::format(exc_TypeError, "a ContextVar key was expected, got %R", key);
    return -1;
  }
  return 0;
}

Object* context_tp_new(TypeObject*, Object* args, Object* kwds) {
  if ((args && tuple_size(args)) || (kwds && dict_size(kwds))) {
    return errors::format(exc_TypeError, "Context() does not accept any arguments");
  }
  return context_new();
}

int context_tp_clear(Object* o) {
  clear(ctx(o)->ctx_prev);
  clear(ctx(o)->ctx_vars);
  return 0;
}
int context_tp_traverse(Object* o, visitproc visit, void* arg) {
  if (ctx(o)->ctx_prev)
    if (int r = visit(ctx(o)->ctx_prev, arg)) return r;
  if (ctx(o)->ctx_vars)
    if (int r = visit(ctx(o)->ctx_vars, arg)) return r;
  return 0;
}
void context_tp_dealloc(Object* o) {
  gc::untrack(o);
  if (ctx(o)->ctx_weakreflist) object_clear_weakrefs(o);
  context_tp_clear(o);
  gc::gc_free(o);
}

Object* context_tp_iter(Object* o) { return hamt_new_iter_keys(ctx(o)->ctx_vars); }

Object* context_tp_richcompare(Object* v, Object* w, int op) {
  if (!context_check_exact(v) || !context_check_exact(w) || (op != kEQ && op != kNE))
    return return_not_implemented();
  int res = hamt_eq(ctx(v)->ctx_vars, ctx(w)->ctx_vars);
  if (res < 0) return nullptr;
  if (op == kNE) res = !res;
  return new_ref(res ? true_object() : false_object());
}

ssize context_tp_len(Object* o) { return hamt_len(ctx(o)->ctx_vars); }

Object* context_tp_subscript(Object* o, Object* key) {
  if (context_check_key_type(key)) return nullptr;
  Object* val = nullptr;
  int found = hamt_find(ctx(o)->ctx_vars, key, &val);
  if (found < 0) return nullptr;
  if (found == 0) {
    errors::set_object(exc_KeyError, key);
    return nullptr;
  }
  return new_ref(val);
}

int context_tp_contains(Object* o, Object* key) {
  if (context_check_key_type(key)) return -1;
  Object* val = nullptr;
  return hamt_find(ctx(o)->ctx_vars, key, &val);
}

// _contextvars_Context_get_impl: get(key, default=None, /).
Object* context_py_get(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("get", nargs, 1, 2)) return nullptr;
  Object* key = args[0];
  if (context_check_key_type(key)) return nullptr;
  Object* val = nullptr;
  int found = hamt_find(ctx(self)->ctx_vars, key, &val);
  if (found < 0) return nullptr;
  if (found == 0) return new_ref(nargs > 1 ? args[1] : none());
  return new_ref(val);
}
Object* context_py_items(Object* self, Object*) { return hamt_new_iter_items(ctx(self)->ctx_vars); }
Object* context_py_keys(Object* self, Object*) { return hamt_new_iter_keys(ctx(self)->ctx_vars); }
Object* context_py_values(Object* self, Object*) { return hamt_new_iter_values(ctx(self)->ctx_vars); }
Object* context_py_copy(Object* self, Object*) { return context_new_from_vars(ctx(self)->ctx_vars); }

// context_run: run(callable, *args, **kwargs) inside the context.
Object* context_run(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs < 1) {
    return errors::format(exc_TypeError, "run() missing 1 required positional argument");
  }
  if (context_enter(self)) return nullptr;
  Object* call = vectorcall(args[0], args + 1, static_cast<size_t>(nargs - 1), kwnames);
  if (context_exit(self)) {
    xdecref(call);
    return nullptr;
  }
  return call;
}

MethodDef context_methods[] = {
    {"get", reinterpret_cast<void*>(context_py_get), kMethFastcall,
     "get($self, key, default=None, /)\n--\n\nReturn the value for `key` if `key` has the value "
     "in the context object.\n\nIf `key` does not exist, return `default`. If `default` is not "
     "given,\nreturn None."},
    {"items", reinterpret_cast<void*>(context_py_items), kMethNoArgs,
     "items($self, /)\n--\n\nReturn all variables and their values in the context "
     "object.\n\nThe result is returned as a list of 2-tuples (variable, value)."},
    {"keys", reinterpret_cast<void*>(context_py_keys), kMethNoArgs,
     "keys($self, /)\n--\n\nReturn a list of all variables in the context object."},
    {"values", reinterpret_cast<void*>(context_py_values), kMethNoArgs,
     "values($self, /)\n--\n\nReturn a list of all variables' values in the context object."},
    {"copy", reinterpret_cast<void*>(context_py_copy), kMethNoArgs,
     "copy($self, /)\n--\n\nReturn a shallow copy of the context object."},
    {"run", reinterpret_cast<void*>(context_run), kMethFastcall | kMethKeywords, nullptr},
    {nullptr, nullptr, 0, nullptr}};

MappingMethods context_as_mapping = {context_tp_len, context_tp_subscript, nullptr};
SequenceMethods context_as_sequence = {nullptr, nullptr, nullptr, nullptr, nullptr,
                                       nullptr, nullptr, context_tp_contains, nullptr, nullptr};

// ---- ContextVar ----------------------------------------------------------------------------

// contextvar_generate_hash: the name's hash mixed with the address, so that equal names of
// different variables spread over the trie.
hash_t contextvar_generate_hash(void* addr, Object* name) {
  hash_t name_hash = object_hash(name);
  if (name_hash == -1) return -1;
  hash_t res = hash_pointer(addr) ^ name_hash;
  return res == -1 ? -2 : res;
}

Object* contextvar_create(Object* name, Object* def) {  // contextvar_new
  if (!str_check(name)) {
    return errors::format(exc_TypeError, "context variable name must be a str");
  }
  auto* var = static_cast<ContextVarObject*>(gc_object(&contextvar_type, sizeof(ContextVarObject)));
  if (!var) return nullptr;
  var->var_name = new_ref(name);
  var->var_default = xnew_ref(def);
  var->var_hash = contextvar_generate_hash(var, name);
  if (var->var_hash == -1) {
    decref(var);
    return nullptr;
  }
  // Variables of str names and defaults without references cannot be part of a cycle.
  if (def && type_has_feature(def->type, kTpflagsHaveGc)) gc::track(var);
  return var;
}

// contextvar_tp_new: ContextVar(name, *, default=<missing>), parsed as
// PyArg_ParseTupleAndKeywords("O|$O:ContextVar") reports errors.
Object* contextvar_tp_new(TypeObject*, Object* args, Object* kwds) {
  ssize nargs = tuple_size(args);
  ssize nkw = kwds ? dict_size(kwds) : 0;
  if (nargs + nkw > 2) {
    return errors::format(exc_TypeError, "ContextVar() takes at most 2 arguments (%zd given)",
                          nargs + nkw);
  }
  if (nargs > 1) {
    return errors::format(exc_TypeError,
                          "ContextVar() takes at most 1 positional argument (%zd given)", nargs);
  }
  Object* name = nargs ? tuple_item(args, 0) : nullptr;
  Object* def = nullptr;
  if (nkw) {
    ssize pos = 0;
    Object *key = nullptr, *value = nullptr;
    while (dict_next(kwds, &pos, &key, &value)) {
      if (str_check(key) && str_compare_cstr(key, "name") == 0) {
        if (name) {
          return errors::format(exc_TypeError,
                                "argument for ContextVar() given by name ('name') and position (1)");
        }
        name = value;
      } else if (str_check(key) && str_compare_cstr(key, "default") == 0) {
        def = value;
      } else if (!str_check(key)) {
        return errors::format(exc_TypeError, "keywords must be strings");
      } else {
        return errors::format(exc_TypeError, "ContextVar() got an unexpected keyword argument '%U'",
                              key);
      }
    }
  }
  if (!name) {
    return errors::format(exc_TypeError,
                          "ContextVar() takes exactly 1 positional argument (0 given)");
  }
  return contextvar_create(name, def);
}

int contextvar_tp_clear(Object* o) {
  clear(cvar(o)->var_name);
  clear(cvar(o)->var_default);
  return 0;
}
int contextvar_tp_traverse(Object* o, visitproc visit, void* arg) {
  if (cvar(o)->var_name)
    if (int r = visit(cvar(o)->var_name, arg)) return r;
  if (cvar(o)->var_default)
    if (int r = visit(cvar(o)->var_default, arg)) return r;
  return 0;
}
void contextvar_tp_dealloc(Object* o) {
  if (gc::is_tracked(o)) gc::untrack(o);
  contextvar_tp_clear(o);
  gc::gc_free(o);
}
hash_t contextvar_tp_hash(Object* o) { return cvar(o)->var_hash; }

// contextvar_tp_repr: <ContextVar name='x' default=1 at 0x...>.
Object* contextvar_tp_repr(Object* o) {
  Ref<> name = Ref<>::steal(object_repr(cvar(o)->var_name));
  if (!name) return nullptr;
  if (cvar(o)->var_default) {
    Ref<> def = Ref<>::steal(object_repr(cvar(o)->var_default));
    if (!def) return nullptr;
    return str_from_format("<ContextVar name=%U default=%U at %p>", name.get(), def.get(),
                           static_cast<void*>(o));
  }
  return str_from_format("<ContextVar name=%U at %p>", name.get(), static_cast<void*>(o));
}

// _contextvars_ContextVar_get_impl: get([default]).
Object* contextvar_py_get(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("get", nargs, 0, 1)) return nullptr;
  Object* val = nullptr;
  if (contextvar_get(self, nargs ? args[0] : nullptr, &val) < 0) return nullptr;
  if (!val) {
    errors::set_object(exc_LookupError, self);
    return nullptr;
  }
  return val;
}
Object* contextvar_py_set(Object* self, Object* value) { return contextvar_set(self, value); }
Object* contextvar_py_reset(Object* self, Object* token) {
  if (!contexttoken_check_exact(token)) {
    return errors::format(exc_TypeError, "expected an instance of Token, got %R", token);
  }
  if (contextvar_reset(self, token)) return nullptr;
  return return_none();
}

MethodDef contextvar_methods[] = {
    {"get", reinterpret_cast<void*>(contextvar_py_get), kMethFastcall,
     "get($self, default=<unrepresentable>, /)\n--\n\nReturn a value for the context variable "
     "for the current context.\n\nIf there is no value for the variable in the current context, "
     "the method will:\n * return the value of the default argument of the method, if "
     "provided; or\n * return the default value for the context variable, if it was created\n   "
     "with one; or\n * raise a LookupError."},
    {"set", reinterpret_cast<void*>(contextvar_py_set), kMethO,
     "set($self, value, /)\n--\n\nCall to set a new value for the context variable in the "
     "current context.\n\nThe required value argument is the new value for the context "
     "variable.\n\nReturns a Token object that can be used to restore the variable to its "
     "previous\nvalue via the `ContextVar.reset()` method."},
    {"reset", reinterpret_cast<void*>(contextvar_py_reset), kMethO,
     "reset($self, token, /)\n--\n\nReset the context variable.\n\nThe variable is reset to "
     "the value it had before the `ContextVar.set()` that\ncreated the token was used."},
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem),
     kMethO | kMethClass, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr}};

MemberDef contextvar_members[] = {
    {"name", kMemberObject, static_cast<ssize>(offsetof(ContextVarObject, var_name)),
     kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

// ---- Token ---------------------------------------------------------------------------------

Object* token_new(ContextObject* c, ContextVarObject* var, Object* val) {
  auto* t = static_cast<ContextTokenObject*>(
      gc_object(&contexttoken_type, sizeof(ContextTokenObject)));
  if (!t) return nullptr;
  t->tok_ctx = new_ref(c);
  t->tok_var = new_ref(var);
  t->tok_oldval = xnew_ref(val);
  t->tok_used = 0;
  gc::track(t);
  return t;
}

Object* token_tp_new(TypeObject*, Object*, Object*) {
  return errors::format(exc_RuntimeError, "Tokens can only be created by ContextVars");
}
int token_tp_clear(Object* o) {
  clear(tok(o)->tok_ctx);
  clear(tok(o)->tok_var);
  clear(tok(o)->tok_oldval);
  return 0;
}
int token_tp_traverse(Object* o, visitproc visit, void* arg) {
  Object* fields[] = {tok(o)->tok_ctx, tok(o)->tok_var, tok(o)->tok_oldval};
  for (Object* f : fields)
    if (f)
      if (int r = visit(f, arg)) return r;
  return 0;
}
void token_tp_dealloc(Object* o) {
  gc::untrack(o);
  token_tp_clear(o);
  gc::gc_free(o);
}
Object* token_tp_repr(Object* o) {
  return str_from_format("<Token%s var=%R at %p>", tok(o)->tok_used ? " used" : "",
                         static_cast<Object*>(tok(o)->tok_var), static_cast<void*>(o));
}
Object* token_get_var(Object* o, void*) { return new_ref(static_cast<Object*>(tok(o)->tok_var)); }
Object* token_get_old_value(Object* o, void*) {
  return new_ref(tok(o)->tok_oldval ? tok(o)->tok_oldval : &missing_object);
}
GetSetDef token_getset[] = {
    {"var", token_get_var, nullptr, nullptr, nullptr},
    {"old_value", token_get_old_value, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

Object* token_enter(Object* self, Object*) { return new_ref(self); }
// token_exit: the with statement resets the variable.
Object* token_exit(Object* self, Object* const*, ssize) {
  if (contextvar_reset(tok(self)->tok_var, self)) return nullptr;
  return return_none();
}
MethodDef token_methods[] = {
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem),
     kMethO | kMethClass, "See PEP 585"},
    {"__enter__", reinterpret_cast<void*>(token_enter), kMethNoArgs,
     "__enter__($self, /)\n--\n\nEnter into Token context manager."},
    {"__exit__", reinterpret_cast<void*>(token_exit), kMethFastcall,
     "__exit__($self, type, val, tb, /)\n--\n\nExit from Token context manager, restore the "
     "linked ContextVar."},
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem),
     kMethO | kMethClass, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr}};

Object* missing_repr(Object*) { return str_from_cstr("<Token.MISSING>"); }

// contextvar_set / contextvar_del on the current context.
int var_set(ContextVarObject* var, Object* val) {
  ContextObject* c = context_get();
  if (!c) return -1;
  HamtObject* new_vars = hamt_assoc(c->ctx_vars, var, val);
  if (!new_vars) return -1;
  xsetref(c->ctx_vars, new_vars);
  runtime::thread_state()->context_ver++;
  return 0;
}
int var_del(ContextVarObject* var) {
  ContextObject* c = context_get();
  if (!c) return -1;
  HamtObject* vars = c->ctx_vars;
  HamtObject* new_vars = hamt_without(vars, var);
  if (!new_vars) return -1;
  if (vars == new_vars) {
    decref(new_vars);
    errors::set_object(exc_LookupError, var);
    return -1;
  }
  xsetref(c->ctx_vars, new_vars);
  runtime::thread_state()->context_ver++;
  return 0;
}

}  // namespace

TypeObject context_type = [] {
  TypeObject t = static_type("_contextvars.Context", sizeof(ContextObject), 0,
                             kTpflagsHaveGc | kTpflagsStaticBuiltin);
  t.dealloc = context_tp_dealloc;
  t.traverse = context_tp_traverse;
  t.clear = context_tp_clear;
  t.richcompare = context_tp_richcompare;
  t.as_mapping = &context_as_mapping;
  t.as_sequence = &context_as_sequence;
  t.iter = context_tp_iter;
  t.methods = context_methods;
  t.getattro = object_generic_getattr;
  t.hash = object_hash_not_implemented;
  t.new_ = context_tp_new;
  t.weaklistoffset = static_cast<ssize>(offsetof(ContextObject, ctx_weakreflist));
  return t;
}();

TypeObject contextvar_type = [] {
  TypeObject t = static_type("_contextvars.ContextVar", sizeof(ContextVarObject), 0,
                             kTpflagsHaveGc | kTpflagsStaticBuiltin);
  t.dealloc = contextvar_tp_dealloc;
  t.traverse = contextvar_tp_traverse;
  t.clear = contextvar_tp_clear;
  t.repr = contextvar_tp_repr;
  t.hash = contextvar_tp_hash;
  t.methods = contextvar_methods;
  t.members = contextvar_members;
  t.getattro = object_generic_getattr;
  t.new_ = contextvar_tp_new;
  return t;
}();

TypeObject contexttoken_type = [] {
  TypeObject t = static_type("_contextvars.Token", sizeof(ContextTokenObject), 0,
                             kTpflagsHaveGc | kTpflagsStaticBuiltin);
  t.dealloc = token_tp_dealloc;
  t.hash = object_hash_not_implemented;  // tokens are unhashable
  t.traverse = token_tp_traverse;
  t.clear = token_tp_clear;
  t.repr = token_tp_repr;
  t.hash = object_hash_not_implemented;  // PyContextToken_Type: tokens are unhashable
  t.getset = token_getset;
  t.methods = token_methods;
  t.getattro = object_generic_getattr;
  t.new_ = token_tp_new;
  return t;
}();

TypeObject contexttoken_missing_type = [] {
  TypeObject t = static_type("Token.MISSING", sizeof(Object), 0, kTpflagsStaticBuiltin);
  t.repr = missing_repr;
  t.getattro = object_generic_getattr;
  return t;
}();

Object* context_new() { return context_new_empty(); }  // PyContext_New

Object* context_copy(Object* c) { return context_new_from_vars(ctx(c)->ctx_vars); }

Object* context_copy_current() {
  ContextObject* c = context_get();
  if (!c) return nullptr;
  return context_new_from_vars(c->ctx_vars);
}

Object* context_current() { return context_get(); }

int context_enter(Object* o) {  // _PyContext_Enter
  ContextObject* c = ctx(o);
  if (c->ctx_entered) {
    errors::format(exc_RuntimeError, "cannot enter context: %R is already entered", o);
    return -1;
  }
  runtime::ThreadState* ts = runtime::thread_state();
  c->ctx_prev = ctx(ts->context);  // the reference moves from the thread state
  c->ctx_entered = 1;
  ts->context = new_ref(o);
  ts->context_ver++;
  return 0;
}

int context_exit(Object* o) {  // _PyContext_Exit
  ContextObject* c = ctx(o);
  runtime::ThreadState* ts = runtime::thread_state();
  if (!c->ctx_entered) {
    errors::format(exc_RuntimeError, "cannot exit context: %R has not been entered", o);
    return -1;
  }
  if (ts->context != o) {
    errors::format(exc_RuntimeError,
                   "cannot exit context: thread state references a different context object");
    return -1;
  }
  Object* cur = ts->context;
  ts->context = c->ctx_prev;
  c->ctx_prev = nullptr;
  c->ctx_entered = 0;
  ts->context_ver++;
  decref(cur);
  return 0;
}

Object* contextvar_new(const char* name, Object* def) {  // PyContextVar_New
  Ref<> n = Ref<>::steal(str_from_cstr(name));
  if (!n) return nullptr;
  return contextvar_create(n.get(), def);
}

int contextvar_get(Object* o, Object* def, Object** value) {  // PyContextVar_Get
  *value = nullptr;
  runtime::ThreadState* ts = runtime::thread_state();
  if (ts->context) {
    Object* found = nullptr;
    int res = hamt_find(ctx(ts->context)->ctx_vars, o, &found);
    if (res < 0) return -1;
    if (res == 1) {
      *value = new_ref(found);
      return 0;
    }
  }
  if (def) {
    *value = new_ref(def);
  } else if (cvar(o)->var_default) {
    *value = new_ref(cvar(o)->var_default);
  }
  return 0;
}

Object* contextvar_set(Object* o, Object* value) {  // PyContextVar_Set
  ContextObject* c = context_get();
  if (!c) return nullptr;
  Object* old_val = nullptr;
  if (hamt_find(c->ctx_vars, o, &old_val) < 0) return nullptr;
  Ref<> old = Ref<>::borrow(old_val);
  Ref<> t = Ref<>::steal(token_new(c, cvar(o), old.get()));
  if (!t) return nullptr;
  if (var_set(cvar(o), value)) return nullptr;
  return t.release();
}

int contextvar_reset(Object* o, Object* token) {  // PyContextVar_Reset
  ContextTokenObject* t = tok(token);
  if (t->tok_used) {
    errors::format(exc_RuntimeError, "%R has already been used once", token);
    return -1;
  }
  if (static_cast<Object*>(t->tok_var) != o) {
    errors::format(exc_ValueError, "%R was created by a different ContextVar", token);
    return -1;
  }
  ContextObject* c = context_get();
  if (!c) return -1;
  if (c != t->tok_ctx) {
    errors::format(exc_ValueError, "%R was created in a different Context", token);
    return -1;
  }
  t->tok_used = 1;
  if (!t->tok_oldval) return var_del(cvar(o));
  return var_set(cvar(o), t->tok_oldval);
}

int init_context_types() {
  if (init_hamt_types() < 0) return -1;
  TypeObject* const types[] = {&context_type, &contextvar_type, &contexttoken_type,
                               &contexttoken_missing_type};
  for (TypeObject* t : types)
    if (!type_has_feature(t, kTpflagsReady) && type_ready(t) < 0) return -1;
  if (!dict_get_item_string(contexttoken_type.dict, "MISSING")) {
    if (dict_set_item_string(contexttoken_type.dict, "MISSING", &missing_object) < 0) return -1;
    type_modified(&contexttoken_type);
  }
  return 0;
}

}  // namespace cppy::objects
