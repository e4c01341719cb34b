// The str/int/bool entry points the object core uses (names agreed in the project's shared
// API list). They are owned by the text objects (unicodeobject.h, longobject.h,
// boolobject.h); until those headers exist, the declarations below stand in for them and
// text_fallback.cpp supplies a minimal implementation so the core can be built and tested
// on its own. Once the real headers land, this file only includes them.
#pragma once

#include <cstdarg>

#include "objects/object.h"
#include "objects/typeobject.h"

#if __has_include("objects/unicodeobject.h")
#include "objects/unicodeobject.h"
#define CPPY_HAVE_REAL_STR 1
#else
namespace cppy::objects {
extern TypeObject str_type;
inline bool str_check(Object* o) {
  return type_check(o, &str_type);
}
Object* str_from_utf8(const char* s, ssize n);
Object* str_from_cstr(const char* s);
const char* str_as_utf8(Object* s, ssize* size = nullptr);
Object* str_intern_from_cstr(const char* s);
void str_intern_in_place(Object** p);
bool str_equal(Object* a, Object* b);
int str_compare_cstr(Object* s, const char* c);
Object* str_from_format(const char* fmt, ...);
Object* str_from_format_v(const char* fmt, va_list va);  // PyUnicode_FromFormatV
Object* str_concat(Object* a, Object* b);
}  // namespace cppy::objects
#endif

#if __has_include("objects/longobject.h")
#include "objects/longobject.h"
#define CPPY_HAVE_REAL_LONG 1
#else
namespace cppy::objects {
Object* long_from_long(long v);
Object* long_from_ssize(ssize v);
long long_as_long(Object* o);
}  // namespace cppy::objects
#endif

#if __has_include("objects/boolobject.h")
#include "objects/boolobject.h"
#define CPPY_HAVE_REAL_BOOL 1
#else
namespace cppy::objects {
Object* bool_from_long(long v);
}  // namespace cppy::objects
#endif
