// OS threads and locks: Python/thread.c, Python/thread_pthread.h.
#include "runtime/thread.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <new>

#include "gc/gc.h"

namespace cppy::runtime {

struct RawLock {
  std::mutex mutex;
  std::condition_variable cv;
  bool locked = false;
};

unsigned long get_thread_ident() {  // PyThread_get_thread_ident: pthread_self
  return static_cast<unsigned long>(pthread_self());
}

unsigned long get_thread_native_id() {  // PyThread_get_thread_native_id: gettid
  return static_cast<unsigned long>(syscall(SYS_gettid));
}

double timeout_max_seconds() {
  double timeout_max = static_cast<double>(kTimeoutMaxMicroseconds) * 1e-6;
  double time_max = static_cast<double>(INT64_MAX) * 1e-9;  // PyTime_MAX in seconds
  return std::floor(timeout_max < time_max ? timeout_max : time_max);
}

RawLock* allocate_lock() { return new (std::nothrow) RawLock(); }

void free_lock(RawLock* lock) { delete lock; }

LockStatus acquire_lock_timed(RawLock* lock, int64_t microseconds) {
  std::unique_lock<std::mutex> guard(lock->mutex);
  if (!lock->locked) {
    lock->locked = true;
    return LockStatus::kAcquired;
  }
  if (microseconds == 0) return LockStatus::kFailure;
  if (microseconds < 0) {
    lock->cv.wait(guard, [lock] { return !lock->locked; });
  } else {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::microseconds(microseconds);
    if (!lock->cv.wait_until(guard, deadline, [lock] { return !lock->locked; }))
      return LockStatus::kFailure;
  }
  lock->locked = true;
  return LockStatus::kAcquired;
}

void release_lock(RawLock* lock) {
  {
    std::lock_guard<std::mutex> guard(lock->mutex);
    lock->locked = false;
  }
  lock->cv.notify_one();
}

bool lock_is_locked(RawLock* lock) {
  std::lock_guard<std::mutex> guard(lock->mutex);
  return lock->locked;
}

void lock_reinit(RawLock* lock) {
  // After fork only the calling thread exists: the old mutex may be held by a thread that is
  // gone, so it is rebuilt rather than unlocked.
  lock->~RawLock();
  new (lock) RawLock();
}

namespace {

size_t the_stack_size = 0;

struct StartArgs {
  void (*func)(void*);
  void* arg;
};

void* thread_entry(void* p) {
  StartArgs args = *static_cast<StartArgs*>(p);
  delete static_cast<StartArgs*>(p);
  args.func(args.arg);
  return nullptr;
}

}  // namespace

int start_thread(void (*func)(void*), void* arg, unsigned long* ident, size_t stack_size) {
  pthread_attr_t attrs;
  if (pthread_attr_init(&attrs) != 0) return -1;
  if (stack_size && pthread_attr_setstacksize(&attrs, stack_size) != 0) {
    pthread_attr_destroy(&attrs);
    return -1;
  }
  pthread_attr_setdetachstate(&attrs, PTHREAD_CREATE_DETACHED);
  auto* args = new (std::nothrow) StartArgs{func, arg};
  if (!args) {
    pthread_attr_destroy(&attrs);
    return -1;
  }
  pthread_t th;
  gc::obmalloc_enable_locking();  // the new thread shares the allocator's pools
  int rc = pthread_create(&th, &attrs, thread_entry, args);
  pthread_attr_destroy(&attrs);
  if (rc != 0) {
    delete args;
    return -1;
  }
  *ident = static_cast<unsigned long>(th);
  return 0;
}

size_t thread_stack_size() { return the_stack_size; }

// _pythread_pthread_set_stacksize: 0 resets; other sizes must be at least
// THREAD_STACK_MIN (0x8000 bytes on Linux) and accepted by pthread_attr_setstacksize.
int set_thread_stack_size(size_t size) {
  if (size == 0) {
    the_stack_size = 0;
    return 0;
  }
  if (size < 0x8000) return -1;
  pthread_attr_t attrs;
  if (pthread_attr_init(&attrs) != 0) return -1;
  int rc = pthread_attr_setstacksize(&attrs, size);
  pthread_attr_destroy(&attrs);
  if (rc != 0) return -1;
  the_stack_size = size;
  return 0;
}

}  // namespace cppy::runtime
