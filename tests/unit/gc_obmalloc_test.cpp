// The small-object allocator (src/gc/obmalloc.cpp): blocks of every size class keep their
// contents while others come and go, realloc moves data across classes and to the C
// library, and memory from the C library's malloc is accepted by object_free/realloc.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "gc/gc.h"

namespace {

using cppy::gc::object_calloc;
using cppy::gc::object_free;
using cppy::gc::object_malloc;
using cppy::gc::object_realloc;

void fill(void* p, size_t n, unsigned seed) {
  auto* b = static_cast<unsigned char*>(p);
  for (size_t i = 0; i < n; ++i) b[i] = static_cast<unsigned char>(seed + i * 7);
}
bool check(const void* p, size_t n, unsigned seed) {
  auto* b = static_cast<const unsigned char*>(p);
  for (size_t i = 0; i < n; ++i)
    if (b[i] != static_cast<unsigned char>(seed + i * 7)) return false;
  return true;
}

TEST(Obmalloc, BlocksKeepTheirContents) {
  struct Live {
    void* p;
    size_t n;
    unsigned seed;
  };
  std::vector<Live> live;
  unsigned x = 12345;
  for (int round = 0; round < 200000; ++round) {
    x = x * 1103515245u + 12345u;
    if (live.size() < 5000 && (x >> 16) % 3 != 0) {
      size_t n = (x >> 8) % 600;  // both sides of the 512-byte threshold, and 0
      void* p = object_malloc(n);
      ASSERT_NE(p, nullptr);
      ASSERT_EQ(reinterpret_cast<uintptr_t>(p) % 16, 0u);
      fill(p, n, x);
      live.push_back({p, n, x});
    } else if (!live.empty()) {
      size_t i = (x >> 4) % live.size();
      ASSERT_TRUE(check(live[i].p, live[i].n, live[i].seed)) << "round " << round;
      object_free(live[i].p);
      live[i] = live.back();
      live.pop_back();
    }
  }
  for (auto& l : live) {
    ASSERT_TRUE(check(l.p, l.n, l.seed));
    object_free(l.p);
  }
}

TEST(Obmalloc, ReallocAcrossClassesAndToTheCLibrary) {
  void* p = object_malloc(10);
  fill(p, 10, 3);
  size_t n = 10;
  for (size_t m : {24u, 40u, 500u, 513u, 4000u, 100u, 8u, 300u}) {
    p = object_realloc(p, m);
    ASSERT_NE(p, nullptr);
    size_t keep = n < m ? n : m;
    ASSERT_TRUE(check(p, keep, 3)) << m;
    fill(p, m, 3);
    n = m;
  }
  object_free(p);
  void* z = object_calloc(7, 9);
  for (int i = 0; i < 63; ++i) ASSERT_EQ(static_cast<unsigned char*>(z)[i], 0);
  object_free(z);
}

TEST(Obmalloc, AcceptsCLibraryMemory) {
  void* p = std::malloc(40);
  fill(p, 40, 9);
  p = object_realloc(p, 80);
  ASSERT_TRUE(check(p, 40, 9));
  object_free(p);
  object_free(std::malloc(16));
  object_free(nullptr);
}

TEST(Obmalloc, ArenasAreReusedAfterBeingEmptied) {
  // Several arenas' worth of 64-byte blocks, all freed, then again: the second round must
  // work the same (pools and arenas return and come back).
  for (int round = 0; round < 3; ++round) {
    std::vector<void*> v;
    for (int i = 0; i < 100000; ++i) {
      void* p = object_malloc(64);
      ASSERT_NE(p, nullptr);
      std::memset(p, i & 0xFF, 64);
      v.push_back(p);
    }
    for (size_t i = 0; i < v.size(); ++i)
      ASSERT_EQ(static_cast<unsigned char*>(v[i])[63], static_cast<unsigned char>(i & 0xFF));
    for (void* p : v) object_free(p);
  }
}

}  // namespace
