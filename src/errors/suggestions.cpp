// "Did you mean" hints: Python/suggestions.c and the candidate lists of Lib/traceback.py's
// _compute_suggestion_error (which CPython 3.13+ uses when it prints an exception).
#include "errors/suggestions.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "errors/errors.h"
#include "imp/import.h"
#include "objects/abstract.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/unicodeobject.h"
#include "sys/stdlib_module_names.h"
#include "vm/traceback.h"

namespace cppy::errors {

using namespace objects;

namespace {

constexpr size_t kMaxCandidateItems = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

// substitution_cost: free for equal bytes, a case change costs less than other changes.
size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + ('a' - 'A'));
  if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + ('a' - 'A'));
  return a == b ? kCaseCost : kMoveCost;
}

}  // namespace

// levenshtein_distance (Python/suggestions.c): one row of the matrix updated in place.
size_t levenshtein_distance(const char* a, size_t na, const char* b, size_t nb,
                            size_t max_cost) {
  if (na == nb && std::memcmp(a, b, na) == 0) return 0;
  // Common prefix and suffix cost nothing.
  while (na && nb && a[0] == b[0]) a++, b++, na--, nb--;
  while (na && nb && a[na - 1] == b[nb - 1]) na--, nb--;
  if (na == 0 || nb == 0) return (na + nb) * kMoveCost;
  if (na > kMaxStringSize || nb > kMaxStringSize) return max_cost + 1;
  // The shorter string indexes the row.
  if (nb < na) {
    std::swap(a, b);
    std::swap(na, nb);
  }
  // Quick fail when the length difference alone is too much.
  if ((nb - na) * kMoveCost > max_cost) return max_cost + 1;
  size_t buffer[kMaxStringSize];
  for (size_t i = 0; i < na; i++) buffer[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t bi = 0; bi < nb; bi++) {
    char code = b[bi];
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t ai = 0; ai < na; ai++) {
      size_t substitute = distance + substitution_cost(code, a[ai]);
      distance = buffer[ai];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      buffer[ai] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max_cost) return max_cost + 1;  // the whole row is beyond the limit
  }
  return result;
}

// _Py_CalculateSuggestions.
Object* calculate_suggestions(Object* dir, Object* name) {
  ssize dir_size = list_size(dir);
  if (size_t(dir_size) >= kMaxCandidateItems) return nullptr;
  ssize name_size = 0;
  const char* name_str = str_as_utf8(name, &name_size);
  if (!name_str) return nullptr;
  size_t suggestion_distance = SIZE_MAX;
  Object* suggestion = nullptr;
  for (ssize i = 0; i < dir_size; ++i) {
    Object* item = list_item(dir, i);
    if (str_equal(name, item)) continue;
    ssize item_size = 0;
    const char* item_str = str_as_utf8(item, &item_size);
    if (!item_str) return nullptr;
    // No more than a third of the characters involved should need to change, and matches
    // already beaten are not taken.
    size_t max_distance = (size_t(name_size) + size_t(item_size) + 3) * kMoveCost / 6;
    max_distance = std::min(max_distance, suggestion_distance - 1);
    size_t d = levenshtein_distance(name_str, size_t(name_size), item_str, size_t(item_size),
                                    max_distance);
    if (d > max_distance) continue;
    if (!suggestion || d < suggestion_distance) {
      suggestion = item;
      suggestion_distance = d;
    }
  }
  return xnew_ref(suggestion);
}

namespace {

Object* attr(Object* o, const char* name) {
  Object* r = nullptr;
  Ref<> n = Ref<>::steal(str_intern_from_cstr(name));
  if (!n || object_get_optional_attr(o, n.get(), &r) < 0) return nullptr;
  return r;
}

// sorted(x for x in names if isinstance(x, str)), without the names starting with '_' when
// hide_underscored.
Object* sorted_str_names(Object* names, bool hide_underscored) {
  Ref<> seq = Ref<>::steal(sequence_list(names));
  if (!seq) return nullptr;
  Ref<> out = Ref<>::steal(list_new(0));
  if (!out) return nullptr;
  for (ssize i = 0; i < list_size(seq.get()); ++i) {
    Object* x = list_item(seq.get(), i);
    if (!str_check(x)) continue;
    if (list_append(out.get(), x) < 0) return nullptr;
  }
  if (list_sort(out.get()) < 0) return nullptr;
  if (!hide_underscored) return out.release();
  Ref<> shown = Ref<>::steal(list_new(0));
  if (!shown) return nullptr;
  for (ssize i = 0; i < list_size(out.get()); ++i) {
    Object* x = list_item(out.get(), i);
    ssize n = 0;
    const char* s = str_as_utf8(x, &n);
    if (!s) return nullptr;
    if (n > 0 && s[0] == '_') continue;
    if (list_append(shown.get(), x) < 0) return nullptr;
  }
  return shown.release();
}

// dir(obj), or when dir() raises TypeError (unsortable attribute names) the keys of the
// type's and the object's __dict__.
Object* dir_or_dicts(Object* obj) {
  Object* d = object_dir(obj);
  if (d || !exception_matches(reinterpret_cast<Object*>(exc_TypeError))) return d;
  clear();
  Ref<> cls = Ref<>::steal(attr(obj, "__class__"));
  if (!cls) return nullptr;
  Ref<> cdict = Ref<>::steal(attr(cls.get(), "__dict__"));
  Ref<> odict = Ref<>::steal(cdict ? attr(obj, "__dict__") : nullptr);
  if (!cdict || !odict) {
    if (!occurred()) set_string(exc_AttributeError, "__dict__");
    return nullptr;
  }
  Ref<> a = Ref<>::steal(sequence_list(cdict.get()));
  Ref<> b = Ref<>::steal(a ? sequence_list(odict.get()) : nullptr);
  if (!b) return nullptr;
  return number_add(a.get(), b.get());
}

// The frame of the last entry of traceback tb (new reference).
Object* last_frame(Object* tb) {
  auto* t = static_cast<vm::TracebackObject*>(tb);
  while (t->tb_next) t = t->tb_next;
  return t->tb_frame ? new_ref(t->tb_frame) : nullptr;
}

// The candidates of _compute_suggestion_error, or null (with an error set or not).
Object* candidates(Object* exc, Object* tb, Object* wrong_name, Object** direct) {
  ssize wn_size = 0;
  const char* wn = str_as_utf8(wrong_name, &wn_size);
  if (!wn) return nullptr;
  bool underscore = wn_size > 0 && wn[0] == '_';
  if (object_is_instance(exc, reinterpret_cast<Object*>(exc_AttributeError)) > 0) {
    Ref<> obj = Ref<>::steal(attr(exc, "obj"));
    if (!obj) return nullptr;
    Ref<> d = Ref<>::steal(dir_or_dicts(obj.get()));
    if (!d) return nullptr;
    bool hide = !underscore;
    if (hide && tb) {
      // Inside a method of obj, its private names are candidates too.
      Ref<> frame = Ref<>::steal(last_frame(tb));
      Ref<> locals = Ref<>::steal(frame ? attr(frame.get(), "f_locals") : nullptr);
      if (!locals) return nullptr;
      Ref<> self_name = Ref<>::steal(str_from_cstr("self"));
      int has = sequence_contains(locals.get(), self_name.get());
      if (has < 0) return nullptr;
      if (has) {
        Ref<> self = Ref<>::steal(object_get_item(locals.get(), self_name.get()));
        if (!self) return nullptr;
        if (self.get() == obj.get()) hide = false;
      }
    }
    return sorted_str_names(d.get(), hide);
  }
  if (object_is_instance(exc, reinterpret_cast<Object*>(exc_ImportError)) > 0) {
    Ref<> name = Ref<>::steal(attr(exc, "name"));
    if (!name) return nullptr;
    if (!str_check(name.get())) {
      set_string(exc_TypeError, "module name must be str");
      return nullptr;
    }
    Ref<> mod = Ref<>::steal(imp::import_module_level_object(name.get(), nullptr, nullptr,
                                                            nullptr, 0));
    if (!mod) return nullptr;
    Object* d = object_dir(mod.get());
    if (!d) {
      if (!exception_matches(reinterpret_cast<Object*>(exc_TypeError))) return nullptr;
      clear();
      Ref<> md = Ref<>::steal(attr(mod.get(), "__dict__"));
      if (!md) return nullptr;
      d = sequence_list(md.get());
      if (!d) return nullptr;
    }
    Ref<> dref = Ref<>::steal(d);
    return sorted_str_names(dref.get(), !underscore);
  }
  // NameError: the names of the innermost frame (locals, globals, builtins in this order).
  if (!tb) return nullptr;
  Ref<> frame = Ref<>::steal(last_frame(tb));
  if (!frame) return nullptr;
  Ref<> out = Ref<>::steal(list_new(0));
  if (!out) return nullptr;
  Ref<> locals;
  for (const char* which : {"f_locals", "f_globals", "f_builtins"}) {
    Ref<> ns = Ref<>::steal(attr(frame.get(), which));
    if (!ns) return nullptr;
    Ref<> keys = Ref<>::steal(sequence_list(ns.get()));
    if (!keys) return nullptr;
    for (ssize i = 0; i < list_size(keys.get()); ++i) {
      Object* k = list_item(keys.get(), i);
      if (str_check(k) && list_append(out.get(), k) < 0) return nullptr;
    }
    if (!locals) locals = std::move(ns);
  }
  // In a method whose instance has the name as an attribute: "self.<name>".
  Ref<> self_name = Ref<>::steal(str_from_cstr("self"));
  int has = sequence_contains(locals.get(), self_name.get());
  if (has < 0) return nullptr;
  if (has) {
    Ref<> self = Ref<>::steal(object_get_item(locals.get(), self_name.get()));
    if (!self) return nullptr;
    int has_attr = object_hasattr_with_error(self.get(), wrong_name);
    if (has_attr < 0) clear();
    if (has_attr > 0) {
      *direct = str_from_format("self.%U", wrong_name);
      return nullptr;
    }
  }
  return out.release();
}

bool is_stdlib_module_name(Object* name) {
  for (const char* const* n = sys::kStdlibModuleNames; *n; ++n)
    if (str_equal_cstr(name, *n)) return true;
  return false;
}

}  // namespace

Object* compute_suggestion_error(Object* exc, Object* tb, Object* wrong_name) {
  if (!wrong_name || !str_check(wrong_name)) return nullptr;
  Object* saved = get_raised_exception();
  Object* direct = nullptr;
  Object* result = nullptr;
  Ref<> d = Ref<>::steal(candidates(exc, tb, wrong_name, &direct));
  if (direct) {
    result = direct;
  } else if (d) {
    result = calculate_suggestions(d.get(), wrong_name);
  }
  clear();  // traceback.py gives up on any exception
  set_raised_exception(saved);
  return result;
}

std::string suggestion_suffix(Object* exc) {
  std::string out;
  Object* saved = get_raised_exception();
  bool is_import = object_is_instance(exc, reinterpret_cast<Object*>(exc_ImportError)) > 0;
  bool is_name = object_is_instance(exc, reinterpret_cast<Object*>(exc_NameError)) > 0;
  bool is_attr = object_is_instance(exc, reinterpret_cast<Object*>(exc_AttributeError)) > 0;
  clear();
  Ref<> wrong_name;
  if (is_import) wrong_name = Ref<>::steal(attr(exc, "name_from"));
  else if (is_name || is_attr) wrong_name = Ref<>::steal(attr(exc, "name"));
  clear();
  if (wrong_name && wrong_name.get() != none()) {
    Ref<> tb = Ref<>::steal(attr(exc, "__traceback__"));
    clear();
    Object* tbo = tb && tb.get() != none() ? tb.get() : nullptr;
    Ref<> suggestion = Ref<>::steal(compute_suggestion_error(exc, tbo, wrong_name.get()));
    auto utf8 = [](Object* s) {
      ssize n = 0;
      const char* p = s && str_check(s) ? str_as_utf8(s, &n) : nullptr;
      if (!p) clear();
      return p ? std::string(p, size_t(n)) : std::string();
    };
    // A suggestion that is not a str is formatted with str() by the f-string.
    std::string text;
    if (suggestion) {
      Ref<> s = Ref<>::steal(object_str(suggestion.get()));
      text = utf8(s.get());
      clear();
    }
    bool have = suggestion && object_is_true(suggestion.get()) > 0;
    clear();
    if (have) out += ". Did you mean: '" + text + "'?";
    if (!is_import && is_name && str_check(wrong_name.get()) &&
        is_stdlib_module_name(wrong_name.get())) {
      std::string n = utf8(wrong_name.get());
      out += have ? " Or did you forget to import '" + n + "'?"
                  : ". Did you forget to import '" + n + "'?";
    }
  }
  set_raised_exception(saved);
  return out;
}

}  // namespace cppy::errors
