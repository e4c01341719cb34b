// Sequence and callable iterators: Include/iterobject.h, Objects/iterobject.c.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

extern TypeObject seqiter_type;   // iterator
extern TypeObject calliter_type;  // callable_iterator
extern TypeObject anextawaitable_type;  // anext_awaitable (_PyAnextAwaitable_Type)

Object* seqiter_new(Object* seq);                        // PySeqIter_New
Object* calliter_new(Object* callable, Object* sentinel);  // PyCallIter_New
Object* anextawaitable_new(Object* awaitable, Object* default_value);  // PyAnextAwaitable_New

// The pickling helpers shared by the builtin iterators (their __reduce__/__setstate__, as
// iter_reduce, listiter_reduce_general, dictiter_reduce... do it in CPython):
// (iter, (seq,), index) while seq is set, (iter, (empty,)) once exhausted (empty: () when
// null). builtins.iter is looked up first, as CPython does (gh-101765).
Object* iter_reduce_indexed(Object* seq, ssize index, Object* empty = nullptr);
// (iter, (list(copy),)): the iterators without an index (dict, set) pickle the rest of their
// items; copy is a fresh iterator in the same state (stolen), consumed here.
Object* iter_reduce_as_list(Object* copy);
// The state of __setstate__ as an index (PyLong_AsSsize_t): -1 with an exception on failure.
int iter_setstate_index(Object* state, ssize* index);

}  // namespace cppy::objects
