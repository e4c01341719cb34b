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

}  // namespace cppy::objects
