// Cells: Objects/cellobject.c.
#include "objects/cellobject.h"

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"

namespace cppy::objects {

namespace {

inline CellObject* ce(Object* o) { return static_cast<CellObject*>(o); }

void cell_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(ce(o)->ob_ref);
  gc::gc_free(o);
}
int cell_traverse(Object* o, visitproc visit, void* arg) {
  return ce(o)->ob_ref ? visit(ce(o)->ob_ref, arg) : 0;
}
int cell_clear(Object* o) {
  clear(ce(o)->ob_ref);
  return 0;
}

// cell_richcompare: by contents, an empty cell sorting before any other.
Object* cell_richcompare(Object* a, Object* b, int op) {
  if (!cell_check(a) || !cell_check(b)) return return_not_implemented();
  Object* x = ce(a)->ob_ref;
  Object* y = ce(b)->ob_ref;
  if (x && y) return object_rich_compare(x, y, op);
  int c = (y == nullptr) - (x == nullptr);
  bool r = false;
  switch (op) {
    case kLT: r = c < 0; break;
    case kLE: r = c <= 0; break;
    case kEQ: r = c == 0; break;
    case kNE: r = c != 0; break;
    case kGT: r = c > 0; break;
    case kGE: r = c >= 0; break;
  }
  return bool_from_long(r);
}

Object* cell_repr(Object* o) {
  Object* ref = ce(o)->ob_ref;
  if (!ref) return str_from_format("<cell at %p: empty>", static_cast<void*>(o));
  return str_from_format("<cell at %p: %.80s object at %p>", static_cast<void*>(o),
                         ref->type->name, static_cast<void*>(ref));
}

Object* cell_get_contents(Object* o, void*) {
  Object* ref = ce(o)->ob_ref;
  if (!ref) {
    errors::set_string(exc_ValueError, "Cell is empty");
    return nullptr;
  }
  return new_ref(ref);
}
int cell_set_contents(Object* o, Object* v, void*) {
  xsetref(ce(o)->ob_ref, xnew_ref(v));
  return 0;
}
GetSetDef cell_getset[] = {{"cell_contents", cell_get_contents, cell_set_contents, nullptr, nullptr},
                           {nullptr, nullptr, nullptr, nullptr, nullptr}};

// cell_new_impl: cell([contents]).
Object* cell_tp_new(TypeObject*, Object* args, Object* kwds) {
  if (kwds && dict_size(kwds)) return errors::format(exc_TypeError, "cell() takes no keyword arguments");
  ssize n = tuple_size(args);
  if (n > 1) return errors::format(exc_TypeError, "cell expected at most 1 argument, got %zd", n);
  return cell_new(n ? tuple_item(args, 0) : nullptr);
}

}  // namespace

TypeObject cell_type = [] {
  TypeObject t = static_type("cell", sizeof(CellObject), 0, kTpflagsHaveGc);
  t.dealloc = cell_dealloc;
  t.repr = cell_repr;
  t.hash = object_hash_not_implemented;
  t.getattro = object_generic_getattr;
  t.traverse = cell_traverse;
  t.clear = cell_clear;
  t.richcompare = cell_richcompare;
  t.getset = cell_getset;
  t.new_ = cell_tp_new;
  t.doc = "cell([contents])\n--\n\nCreate a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will be empty,\n    and \n further attempts to access its cell_contents attribute will\n    raise a ValueError.";
  return t;
}();

Object* cell_new(Object* value) {
  auto* c = static_cast<CellObject*>(gc::gc_malloc(sizeof(CellObject)));
  if (!c) return nullptr;
  c->refcnt = 1;
  c->type = &cell_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  c->ob_ref = xnew_ref(value);
  gc::track(c);
  return c;
}

}  // namespace cppy::objects
