// The debug hooks of the allocator (src/gc/obmalloc.cpp, Objects/obmalloc.c's
// _PyMem_DebugMalloc family as PYTHONMALLOC=debug and -X dev install them): a buffer overrun
// or underrun, or a block freed through the other API, is reported with the block's dump and
// a fatal error when the block is freed or reallocated; fresh memory is filled with 0xCD.
//
// The hooks stay on once installed, so every case turns them on in a child process (death
// tests fork) and the rest of the unit tests keep the plain allocator.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "gc/gc.h"

namespace {

using cppy::gc::Allocator;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

void overrun_then_free(Allocator a, size_t n) {
  cppy::gc::set_allocator(a);
  auto* p = static_cast<unsigned char*>(cppy::gc::object_malloc(n));
  std::memset(p, 'x', n + 1);  // one byte too many
  cppy::gc::object_free(p);
}

TEST(DebugHooksDeathTest, TrailingOverrunIsFatalOnFree) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(overrun_then_free(Allocator::kDebug, 10),
               "Debug memory block at address p=0x[0-9a-f]+: API 'o'\n"
               "    10 bytes originally requested\n"
               "    The 7 pad bytes at p-7 are FORBIDDENBYTE, as expected.\n"
               "    The 8 pad bytes at tail=0x[0-9a-f]+ are not all FORBIDDENBYTE \\(0xfd\\):\n"
               "        at tail\\+0: 0x78 \\*\\*\\* OUCH\n"
               "        at tail\\+1: 0xfd\n"
               "(.*\n)*"
               "    Data at p: 78 78 78 78 78 78 78 78 78 78\n"
               "\n"
               "Enable tracemalloc to get the memory block allocation traceback\n"
               "\n"
               "Fatal Python error: _PyMem_DebugRawFree: bad trailing pad byte\n"
               "Python runtime state: initialized\n");
}

TEST(DebugHooksDeathTest, OverrunOfALargeBlockWithMalloc) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(overrun_then_free(Allocator::kMallocDebug, 1000),
               "    1000 bytes originally requested\n(.*\n)*"
               "    Data at p: 78 78 78 78 78 78 78 78 \\.\\.\\. 78 78 78 78 78 78 78 78\n"
               "(.*\n)*Fatal Python error: _PyMem_DebugRawFree: bad trailing pad byte\n");
}

void underrun_then_realloc() {
  cppy::gc::set_allocator(Allocator::kPymallocDebug);
  auto* p = static_cast<unsigned char*>(cppy::gc::object_malloc(24));
  p[-2] = 0;
  cppy::gc::object_realloc(p, 48);
}

TEST(DebugHooksDeathTest, UnderrunIsFatalOnRealloc) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(underrun_then_realloc(),
               "    The 7 pad bytes at p-7 are not all FORBIDDENBYTE \\(0xfd\\):\n"
               "        at p-7: 0xfd\n(.*\n)*"
               "        at p-2: 0x00 \\*\\*\\* OUCH\n"
               "        at p-1: 0xfd\n"
               "    Because memory is corrupted at the start, the count of bytes requested\n"
               "       may be bogus, and checking the trailing pad bytes may segfault.\n"
               "(.*\n)*Fatal Python error: _PyMem_DebugRawRealloc: bad leading pad byte\n");
}

void free_through_the_other_api() {
  cppy::gc::set_allocator(Allocator::kDebug);
  void* p = cppy::gc::mem_malloc(16);
  cppy::gc::object_free(p);
}

TEST(DebugHooksDeathTest, ApiMismatchIsFatal) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(free_through_the_other_api(),
               "Debug memory block at address p=0x[0-9a-f]+: API 'm'\n(.*\n)*"
               "Fatal Python error: _PyMem_DebugRawFree: bad ID: Allocated using API 'm', "
               "verified using API 'o'\n");
}

// Without a fault nothing is reported: fresh memory is CLEANBYTE, calloc zeroes, realloc keeps
// the data and marks what it adds, freed pool memory is DEADBYTE, and blocks allocated before
// the hooks were installed are freed and reallocated normally.
int well_behaved_program() {
  void* before = cppy::gc::object_malloc(40);
  void* before_big = cppy::gc::object_malloc(5000);
  cppy::gc::set_allocator(Allocator::kDebug);
  if (!cppy::gc::debug_hooks_enabled()) return 1;
  auto* p = static_cast<unsigned char*>(cppy::gc::object_malloc(100));
  for (int i = 0; i < 100; ++i)
    if (p[i] != 0xCD) return 2;
  auto* z = static_cast<unsigned char*>(cppy::gc::object_calloc(10, 10));
  for (int i = 0; i < 100; ++i)
    if (z[i] != 0) return 3;
  std::memset(p, 7, 100);
  p = static_cast<unsigned char*>(cppy::gc::object_realloc(p, 300));
  for (int i = 0; i < 300; ++i)
    if (p[i] != (i < 100 ? 7 : 0xCD)) return 4;
  p = static_cast<unsigned char*>(cppy::gc::object_realloc(p, 20));
  for (int i = 0; i < 20; ++i)
    if (p[i] != 7) return 5;
  if (!kSanitized) {
    // z's pool stays in use through keep, so its memory stays mapped after the free.
    void* keep = cppy::gc::object_malloc(100);
    cppy::gc::object_free(z);
    for (int i = 8; i < 100; ++i)
      if (z[i] != 0xDD) return 6;
    cppy::gc::object_free(keep);
  } else {
    cppy::gc::object_free(z);
  }
  cppy::gc::object_free(p);
  before = cppy::gc::object_realloc(before, 80);
  cppy::gc::object_free(before);
  cppy::gc::object_free(before_big);
  void* m = cppy::gc::mem_malloc(64);
  m = cppy::gc::mem_realloc(m, 640);
  cppy::gc::mem_free(m);
  // Changing to an allocator without the hooks is refused: the live blocks need them.
  cppy::gc::set_allocator(Allocator::kPymalloc);
  return cppy::gc::debug_hooks_enabled() ? 0 : 7;
}

TEST(DebugHooksDeathTest, WellBehavedProgramRunsToTheEnd) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(std::exit(well_behaved_program()), ::testing::ExitedWithCode(0), "");
}

TEST(DebugHooks, AllocatorNames) {
  Allocator a;
  const char* good[] = {"default", "debug", "pymalloc", "pymalloc_debug",
                        "malloc",  "malloc_debug", "mimalloc", "mimalloc_debug"};
  for (const char* name : good) EXPECT_TRUE(cppy::gc::allocator_from_name(name, &a)) << name;
  EXPECT_TRUE(cppy::gc::allocator_from_name("malloc_debug", &a));
  EXPECT_EQ(a, Allocator::kMallocDebug);
  EXPECT_FALSE(cppy::gc::allocator_from_name("foo", &a));
  EXPECT_FALSE(cppy::gc::allocator_from_name("Malloc", &a));
  EXPECT_FALSE(cppy::gc::allocator_from_name("", &a));
}

}  // namespace
