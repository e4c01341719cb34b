// str methods as C++ functions (Objects/unicodeobject.c's unicode_*_impl): the method table
// binds them once the type machinery is available. Arguments are already converted; results
// and errors follow the object conventions.
#pragma once

#include "objects/unicodeobject.h"

namespace cppy::objects {

// str.find / rfind / index / count on s[start:end] (indices as after slice adjustment:
// ADJUST_INDICES is applied here). find returns -1 when absent; -2 on error.
ssize str_find(Object* s, Object* sub, ssize start, ssize end, int direction);
ssize str_count(Object* s, Object* sub, ssize start, ssize end);
// str.replace(old, new, count) (count -1: all).
Object* str_replace(Object* s, Object* old, Object* repl, ssize count);
// r (a new reference, or null) with a cached one-character string replaced by a new one.
Object* str_not_cached(Object* r);
// str.strip / lstrip / rstrip: chars nullptr strips white space. which: 0 left, 1 right,
// 2 both.
Object* str_strip(Object* s, Object* chars, int which);
// str.startswith / endswith for one prefix: 1, 0.
int str_tailmatch(Object* s, Object* sub, ssize start, ssize end, int direction);
// str.lower / upper / casefold / swapcase / title / capitalize.
Object* str_lower(Object* s);
Object* str_upper(Object* s);
Object* str_casefold(Object* s);
Object* str_swapcase(Object* s);
Object* str_title(Object* s);
Object* str_capitalize(Object* s);

}  // namespace cppy::objects
