// Immortal objects (PEP 683) and the reference-count helpers of src/objects/object.h: decref
// never lowers an immortal count (so the eval loop may skip its increments), and the
// immortal-aware increments leave such counts untouched while counting mortal objects.
#include "objects/boolobject.h"
#include "objects/longobject.h"
#include "objects/object.h"
#include "objects_support.h"

namespace objtest {
namespace {

using Immortal = ObjectsTest;

TEST_F(Immortal, DecrefLeavesImmortalCountsAlone) {
  Object* objs[] = {none(), py_true(), py_false(), long_small(0), long_small(256),
                    long_small(-5)};
  for (Object* o : objs) {
    ASSERT_TRUE(is_immortal(o));
    ssize before = o->refcnt;
    // More decrements than any increments: an unbalanced decref (a skipped increment) must
    // not move the count towards zero.
    for (int i = 0; i < 1000; ++i) decref(o);
    EXPECT_EQ(o->refcnt, before);
    Object* r = immortal_ref(o);
    EXPECT_EQ(r, o);
    EXPECT_EQ(o->refcnt, before);
    incref_unless_immortal(o);
    EXPECT_EQ(o->refcnt, before);
    EXPECT_TRUE(is_immortal(o));
  }
}

TEST_F(Immortal, MortalObjectsAreStillCounted) {
  Object* big = long_from_long_long(1234567);  // outside the small-int cache
  ASSERT_NE(big, nullptr);
  ASSERT_FALSE(is_immortal(big));
  EXPECT_EQ(big->refcnt, 1);
  Object* r = new_ref_unless_immortal(big);
  EXPECT_EQ(r, big);
  EXPECT_EQ(big->refcnt, 2);
  decref(big);
  EXPECT_EQ(big->refcnt, 1);
  decref(big);  // freed
}

}  // namespace
}  // namespace objtest
