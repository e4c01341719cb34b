// Allocation tracing: Python/tracemalloc.c (the _PyTraceMalloc_* functions) over the
// allocation hooks of src/gc (gc::set_alloc_hooks). Every block allocated while tracing is
// recorded with its size and the traceback (file, line) of the Python frames that asked for
// it; the _tracemalloc module (Modules/_tracemalloc.c) exposes the tables to tracemalloc.py.
#pragma once

#include <cstddef>

#include "objects/object.h"

namespace cppy::modules::tracemalloc {

using objects::Object;

// _PyTraceMalloc_Start: installs the hooks; max_nframe in [1; 65535] (ValueError
// otherwise). Nothing happens when already tracing. 0 or -1.
int start(int max_nframe);
// _PyTraceMalloc_Stop: removes the hooks and forgets every trace.
void stop();
bool is_tracing();               // _PyTraceMalloc_IsTracing
void clear_traces();             // _PyTraceMalloc_ClearTraces
int get_traceback_limit();       // _PyTraceMalloc_GetTracebackLimit
size_t get_memory();             // _PyTraceMalloc_GetMemory
Object* get_traced_memory();     // _PyTraceMalloc_GetTracedMemory: (current, peak)
void reset_peak();               // _PyTraceMalloc_ResetPeak
Object* get_traces();            // _PyTraceMalloc_GetTraces: [(domain, size, frames, total)]
Object* get_object_traceback(Object* obj);  // _PyTraceMalloc_GetObjectTraceback
// PyTraceMalloc_Track / PyTraceMalloc_Untrack: a block of another domain (or of memory not
// allocated through src/gc). 0, -1 (no memory) or -2 (not tracing).
int track(unsigned int domain, uintptr_t ptr, size_t size);
int untrack(unsigned int domain, uintptr_t ptr);

}  // namespace cppy::modules::tracemalloc
