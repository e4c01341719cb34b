// OS threads and locks: Include/pythread.h, Python/thread.c, Python/thread_pthread.h (the
// PyThread_* layer) with the binary lock Modules/_threadmodule.c's Lock objects use.
#pragma once

#include <cstddef>
#include <cstdint>

namespace cppy::runtime {

// PyThread_get_thread_ident / PyThread_get_thread_native_id.
unsigned long get_thread_ident();
unsigned long get_thread_native_id();

// PY_TIMEOUT_MAX in microseconds, and _thread.TIMEOUT_MAX in seconds (floor of the smaller of
// PY_TIMEOUT_MAX and the largest PyTime_t).
inline constexpr int64_t kTimeoutMaxMicroseconds = INT64_MAX / 1000;
double timeout_max_seconds();

// A binary lock any thread may release (PyThread_type_lock): acquire with a timeout in
// microseconds (-1 waits forever, 0 only tries).
enum class LockStatus { kFailure, kAcquired, kInterrupted };
struct RawLock;
RawLock* allocate_lock();  // PyThread_allocate_lock; null when out of memory
void free_lock(RawLock* lock);
LockStatus acquire_lock_timed(RawLock* lock, int64_t microseconds);
void release_lock(RawLock* lock);
bool lock_is_locked(RawLock* lock);
// _PyThread_at_fork_reinit: a fresh unlocked lock in place of one a dead thread may hold.
void lock_reinit(RawLock* lock);

// PyThread_start_new_thread (joinable): runs func(arg) on a new OS thread. 0 and the
// thread's ident, or -1 when the thread could not be created.
int start_thread(void (*func)(void*), void* arg, unsigned long* ident, size_t stack_size);

// The stack size of new threads (threading.stack_size): 0 is the platform default.
size_t thread_stack_size();
// PyThread_set_stacksize: 0, -1 (invalid size).
int set_thread_stack_size(size_t size);

}  // namespace cppy::runtime
