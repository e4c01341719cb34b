// The _csv module: Modules/_csv.c of CPython 3.14. The parser is CPython's character state
// machine (parse_process_char), fed one line at a time by Reader_iternext; the writer joins a
// record into a UCS-4 buffer in two passes (count, then copy) as join_append_data does.
//
// CPython keeps the registry, the field limit and the types in the module state; cppy has one
// _csv module per process, so they are globals here (the registry dict is the module's
// _dialects attribute, as in CPython).
#include "modules/_csv/csvmodule.h"

#include <cstddef>
#include <cstring>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"

namespace cppy::modules::csv {

using namespace objects;

namespace {

constexpr UCS4 kNotSet = static_cast<UCS4>(-1);  // NOT_SET: no such character
constexpr UCS4 kEol = static_cast<UCS4>(-2);     // EOL: the end of an input line

enum ParserState {
  kStartRecord,
  kStartField,
  kEscapedChar,
  kInField,
  kInQuotedField,
  kEscapeInQuotedField,
  kQuoteInQuotedField,
  kEatCrnl,
  kAfterEscapedCrnl,
};

enum QuoteStyle {
  kQuoteMinimal,
  kQuoteAll,
  kQuoteNonnumeric,
  kQuoteNone,
  kQuoteStrings,
  kQuoteNotnull,
};

struct StyleDesc {
  int style;
  const char* name;
};

const StyleDesc quote_styles[] = {
    {kQuoteMinimal, "QUOTE_MINIMAL"},   {kQuoteAll, "QUOTE_ALL"},
    {kQuoteNonnumeric, "QUOTE_NONNUMERIC"}, {kQuoteNone, "QUOTE_NONE"},
    {kQuoteStrings, "QUOTE_STRINGS"},   {kQuoteNotnull, "QUOTE_NOTNULL"},
    {0, nullptr},
};

// The module state (_csvstate).
TypeObject* error_obj = nullptr;  // _csv.Error
Object* dialects = nullptr;       // the registry
ssize field_limit = 128 * 1024;   // max parsed field size

struct DialectObj : Object {
  char doublequote;       // is " represented by ""?
  char skipinitialspace;  // ignore spaces following the delimiter?
  char strict;            // raise an exception on bad CSV
  int quoting;            // style of quoting to write
  UCS4 delimiter;         // field separator
  UCS4 quotechar;         // quote character
  UCS4 escapechar;        // escape character
  Object* lineterminator; // string to write between records
};

struct ReaderObj : Object {
  Object* input_iter;   // iterate over this for input lines
  DialectObj* dialect;  // parsing dialect
  Object* fields;       // field list for the current record
  ParserState state;    // current parse state
  UCS4* field;          // the field being read
  ssize field_size;     // size of the allocated buffer
  ssize field_len;      // length of the current field
  bool unquoted_field;  // no quotes around the current field
  unsigned long line_num;  // source-file line number
};

struct WriterObj : Object {
  Object* write;        // write output lines to this
  DialectObj* dialect;  // writing dialect
  UCS4* rec;            // buffer for the joined record
  ssize rec_size;       // size of the allocated record
  ssize rec_len;        // length of the record
  int num_fields;       // number of fields in the record
};

TypeObject dialect_type{};
TypeObject reader_type{};
TypeObject writer_type{};

// ---- Dialect ----------------------------------------------------------------------------------

// get_dialect_from_registry: new reference, or null with Error("unknown dialect").
Object* get_dialect_from_registry(Object* name) {
  Object* dialect = nullptr;
  int r = dict_get_item_ref(dialects, name, &dialect);
  if (r == 0) errors::set_string(error_obj, "unknown dialect");
  return dialect;
}

// get_char_or_None.
Object* get_char_or_none(UCS4 c) {
  if (c == kNotSet) return return_none();
  return str_from_ordinal(c);
}

Object* Dialect_get_lineterminator(Object* op, void*) {
  Object* t = static_cast<DialectObj*>(op)->lineterminator;
  xincref(t);
  return t;
}
Object* Dialect_get_delimiter(Object* op, void*) {
  return get_char_or_none(static_cast<DialectObj*>(op)->delimiter);
}
Object* Dialect_get_escapechar(Object* op, void*) {
  return get_char_or_none(static_cast<DialectObj*>(op)->escapechar);
}
Object* Dialect_get_quotechar(Object* op, void*) {
  return get_char_or_none(static_cast<DialectObj*>(op)->quotechar);
}
Object* Dialect_get_quoting(Object* op, void*) {
  return long_from_long(static_cast<DialectObj*>(op)->quoting);
}

// _set_bool.
int set_bool(char* target, Object* src, bool dflt) {
  if (!src) {
    *target = dflt;
    return 0;
  }
  int b = object_is_true(src);
  if (b < 0) return -1;
  *target = static_cast<char>(b);
  return 0;
}

// _set_int.
int set_int(const char* name, int* target, Object* src, int dflt) {
  if (!src) {
    *target = dflt;
    return 0;
  }
  if (!long_check_exact(src)) {
    errors::format(exc_TypeError, "\"%s\" must be an integer, not %.200s", name,
                   src->type->name);
    return -1;
  }
  int value = long_as_int(src);
  if (value == -1 && errors::occurred()) return -1;
  *target = value;
  return 0;
}

// _set_char_or_none.
int set_char_or_none(const char* name, UCS4* target, Object* src, UCS4 dflt) {
  if (!src) {
    *target = dflt;
    return 0;
  }
  *target = kNotSet;
  if (src == none()) return 0;
  if (!str_check(src)) {
    errors::format(exc_TypeError, "\"%s\" must be a unicode character or None, not %.200s",
                   name, src->type->name);
    return -1;
  }
  ssize len = str_length(src);
  if (len != 1) {
    errors::format(exc_TypeError,
                   "\"%s\" must be a unicode character or None, not a string of length %zd",
                   name, len);
    return -1;
  }
  *target = str_read_char(src, 0);
  return 0;
}

// _set_char.
int set_char(const char* name, UCS4* target, Object* src, UCS4 dflt) {
  if (!src) {
    *target = dflt;
    return 0;
  }
  if (!str_check(src)) {
    errors::format(exc_TypeError, "\"%s\" must be a unicode character, not %.200s", name,
                   src->type->name);
    return -1;
  }
  ssize len = str_length(src);
  if (len != 1) {
    errors::format(exc_TypeError, "\"%s\" must be a unicode character, not a string of length %zd",
                   name, len);
    return -1;
  }
  *target = str_read_char(src, 0);
  return 0;
}

// _set_str.
int set_str(const char* name, Object** target, Object* src, const char* dflt) {
  if (!src) {
    *target = str_from_ascii(dflt, static_cast<ssize>(std::strlen(dflt)));
    return *target ? 0 : -1;
  }
  if (!str_check(src)) {
    errors::format(exc_TypeError, "\"%s\" must be a string, not %.200s", name, src->type->name);
    return -1;
  }
  incref(src);
  xsetref(*target, src);
  return 0;
}

// dialect_check_quoting.
int dialect_check_quoting(int quoting) {
  for (const StyleDesc* qs = quote_styles; qs->name; qs++)
    if (qs->style == quoting) return 0;
  errors::set_string(exc_TypeError, "bad \"quoting\" value");
  return -1;
}

// dialect_check_char.
int dialect_check_char(const char* name, UCS4 c, DialectObj* dialect, bool allowspace) {
  if (c == '\r' || c == '\n' || (c == ' ' && !allowspace)) {
    errors::format(exc_ValueError, "bad %s value", name);
    return -1;
  }
  if (c != kNotSet &&
      str_find_char(dialect->lineterminator, c, 0, str_length(dialect->lineterminator), 1) >= 0) {
    errors::format(exc_ValueError, "bad %s or lineterminator value", name);
    return -1;
  }
  return 0;
}

// dialect_check_chars.
int dialect_check_chars(const char* name1, const char* name2, UCS4 c1, UCS4 c2) {
  if (c1 == c2 && c1 != kNotSet) {
    errors::format(exc_ValueError, "bad %s or %s value", name1, name2);
    return -1;
  }
  return 0;
}

void Dialect_dealloc(Object* op) {
  gc::untrack(op);
  clear(static_cast<DialectObj*>(op)->lineterminator);
  op->type->free(op);
}

int Dialect_traverse(Object* op, visitproc visit, void* arg) {
  if (Object* t = static_cast<DialectObj*>(op)->lineterminator)
    if (int r = visit(t, arg)) return r;
  return 0;
}

int Dialect_clear(Object* op) {
  clear(static_cast<DialectObj*>(op)->lineterminator);
  return 0;
}

const char* const dialect_kws[] = {"dialect",        "delimiter", "doublequote",
                                   "escapechar",     "lineterminator", "quotechar",
                                   "quoting",        "skipinitialspace", "strict",
                                   nullptr};

// dialect_new: Dialect(dialect=None, **fmtparams). PyArg_ParseTupleAndKeywords("|OOOOOOOOO")
// without a function name, hence the "function ..." wording of its errors.
Object* dialect_new(TypeObject* type, Object* args, Object* kwargs) {
  static const ArgParser parser = {nullptr, dialect_kws, 0, 9, 0};
  Object* a[9] = {};
  if (unpack_keywords_tuple(parser, args, kwargs, a) < 0) return nullptr;
  Ref<> dialect = Ref<>::borrow(a[0]);
  Ref<> delimiter = Ref<>::borrow(a[1]);
  Ref<> doublequote = Ref<>::borrow(a[2]);
  Ref<> escapechar = Ref<>::borrow(a[3]);
  Ref<> lineterminator = Ref<>::borrow(a[4]);
  Ref<> quotechar = Ref<>::borrow(a[5]);
  Ref<> quoting = Ref<>::borrow(a[6]);
  Ref<> skipinitialspace = Ref<>::borrow(a[7]);
  Ref<> strict = Ref<>::borrow(a[8]);

  if (dialect) {
    if (str_check(dialect.get())) {
      dialect = Ref<>::steal(get_dialect_from_registry(dialect.get()));
      if (!dialect) return nullptr;
    }
    // Can we reuse this instance?
    if (type_check(dialect.get(), &dialect_type) && !delimiter && !doublequote && !escapechar &&
        !lineterminator && !quotechar && !quoting && !skipinitialspace && !strict)
      return dialect.release();
  }

  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* self = static_cast<DialectObj*>(obj.get());
  self->lineterminator = nullptr;

  if (dialect) {
    // Missing attributes of the base dialect count as not given.
    auto getattr = [&](Ref<>& v, const char* n) {
      if (v) return;
      v = Ref<>::steal(object_getattr_string(dialect.get(), n));
      if (!v) errors::clear();
    };
    getattr(delimiter, "delimiter");
    getattr(doublequote, "doublequote");
    getattr(escapechar, "escapechar");
    getattr(lineterminator, "lineterminator");
    getattr(quotechar, "quotechar");
    getattr(quoting, "quoting");
    getattr(skipinitialspace, "skipinitialspace");
    getattr(strict, "strict");
  }

  // Check the types and convert to C values.
  if (set_char("delimiter", &self->delimiter, delimiter.get(), ',') ||
      set_bool(&self->doublequote, doublequote.get(), true) ||
      set_char_or_none("escapechar", &self->escapechar, escapechar.get(), kNotSet) ||
      set_str("lineterminator", &self->lineterminator, lineterminator.get(), "\r\n") ||
      set_char_or_none("quotechar", &self->quotechar, quotechar.get(), '"') ||
      set_int("quoting", &self->quoting, quoting.get(), kQuoteMinimal) ||
      set_bool(&self->skipinitialspace, skipinitialspace.get(), false) ||
      set_bool(&self->strict, strict.get(), false))
    return nullptr;

  // Validate the options.
  if (dialect_check_quoting(self->quoting)) return nullptr;
  if (quotechar.get() == none() && !quoting) self->quoting = kQuoteNone;
  if (self->quoting != kQuoteNone && self->quotechar == kNotSet) {
    errors::set_string(exc_TypeError, "quotechar must be set if quoting enabled");
    return nullptr;
  }
  if (!self->lineterminator) {
    errors::set_string(exc_TypeError, "lineterminator must be set");
    return nullptr;
  }
  if (dialect_check_char("delimiter", self->delimiter, self, true) ||
      dialect_check_char("escapechar", self->escapechar, self, !self->skipinitialspace) ||
      dialect_check_char("quotechar", self->quotechar, self, !self->skipinitialspace) ||
      dialect_check_chars("delimiter", "escapechar", self->delimiter, self->escapechar) ||
      dialect_check_chars("delimiter", "quotechar", self->delimiter, self->quotechar) ||
      dialect_check_chars("escapechar", "quotechar", self->escapechar, self->quotechar))
    return nullptr;
  return obj.release();
}

// Dialect_reduce: a heap type would inherit object's pickling; refuse it.
Object* Dialect_reduce(Object* self, Object*) {
  return errors::format(exc_TypeError, "cannot pickle '%.100s' instances",
                        type_short_name(self->type));
}

MemberDef dialect_members[] = {
    {"skipinitialspace", kMemberBool, offsetof(DialectObj, skipinitialspace), kMemberReadonly,
     nullptr},
    {"doublequote", kMemberBool, offsetof(DialectObj, doublequote), kMemberReadonly, nullptr},
    {"strict", kMemberBool, offsetof(DialectObj, strict), kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

GetSetDef dialect_getset[] = {
    {"delimiter", Dialect_get_delimiter, nullptr, nullptr, nullptr},
    {"escapechar", Dialect_get_escapechar, nullptr, nullptr, nullptr},
    {"lineterminator", Dialect_get_lineterminator, nullptr, nullptr, nullptr},
    {"quotechar", Dialect_get_quotechar, nullptr, nullptr, nullptr},
    {"quoting", Dialect_get_quoting, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

MethodDef dialect_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(Dialect_reduce), kMethVarargs,
     "raises an exception to avoid pickling"},
    {"__reduce_ex__", reinterpret_cast<void*>(Dialect_reduce), kMethVarargs,
     "raises an exception to avoid pickling"},
    {nullptr, nullptr, 0, nullptr}};

// _call_dialect: a Dialect from an instance (or name) and keyword overrides.
Object* call_dialect(Object* dialect_inst, Object* kwargs) {
  Object* type = &dialect_type;
  if (dialect_inst) return vectorcall_dict(type, &dialect_inst, 1, kwargs);
  return vectorcall_dict(type, nullptr, 0, kwargs);
}

// ---- reader -----------------------------------------------------------------------------------

// parse_save_field.
int parse_save_field(ReaderObj* self) {
  int quoting = self->dialect->quoting;
  Ref<> field;
  if (self->unquoted_field && self->field_len == 0 &&
      (quoting == kQuoteNotnull || quoting == kQuoteStrings)) {
    field = Ref<>::borrow(none());
  } else {
    field = Ref<>::steal(str_from_kind_and_data(kKind4, self->field, self->field_len));
    if (!field) return -1;
    if (self->unquoted_field && self->field_len != 0 &&
        (quoting == kQuoteNonnumeric || quoting == kQuoteStrings)) {
      field = Ref<>::steal(float_from_string(field.get()));
      if (!field) return -1;
    }
    self->field_len = 0;
  }
  return list_append(self->fields, field.get());
}

// parse_grow_buff.
bool parse_grow_buff(ReaderObj* self) {
  ssize field_size_new = self->field_size ? 2 * self->field_size : 4096;
  void* p = gc::mem_realloc(self->field, static_cast<size_t>(field_size_new) * sizeof(UCS4));
  if (!p) {
    errors::no_memory();
    return false;
  }
  self->field = static_cast<UCS4*>(p);
  self->field_size = field_size_new;
  return true;
}

// parse_add_char.
int parse_add_char(ReaderObj* self, UCS4 c) {
  if (self->field_len >= field_limit) {
    errors::format(error_obj, "field larger than field limit (%zd)", field_limit);
    return -1;
  }
  if (self->field_len == self->field_size && !parse_grow_buff(self)) return -1;
  self->field[self->field_len++] = c;
  return 0;
}

// parse_process_char: one step of the state machine (c may be kEol).
int parse_process_char(ReaderObj* self, UCS4 c) {
  DialectObj* dialect = self->dialect;
  switch (self->state) {
    case kStartRecord:
      // Start of a record.
      if (c == kEol) break;  // an empty line: return []
      if (c == '\n' || c == '\r') {
        self->state = kEatCrnl;
        break;
      }
      // A normal character: handle as kStartField.
      self->state = kStartField;
      [[fallthrough]];
    case kStartField:
      // Expecting a field.
      self->unquoted_field = true;
      if (c == '\n' || c == '\r' || c == kEol) {
        // Save an empty field: return [fields].
        if (parse_save_field(self) < 0) return -1;
        self->state = c == kEol ? kStartRecord : kEatCrnl;
      } else if (c == dialect->quotechar && dialect->quoting != kQuoteNone) {
        // Start a quoted field.
        self->unquoted_field = false;
        self->state = kInQuotedField;
      } else if (c == dialect->escapechar) {
        // A possibly escaped character.
        self->state = kEscapedChar;
      } else if (c == ' ' && dialect->skipinitialspace) {
        // Ignore spaces at the start of a field.
      } else if (c == dialect->delimiter) {
        // Save an empty field.
        if (parse_save_field(self) < 0) return -1;
      } else {
        // Begin a new unquoted field.
        if (parse_add_char(self, c) < 0) return -1;
        self->state = kInField;
      }
      break;

    case kEscapedChar:
      if (c == '\n' || c == '\r') {
        if (parse_add_char(self, c) < 0) return -1;
        self->state = kAfterEscapedCrnl;
        break;
      }
      if (c == kEol) c = '\n';
      if (parse_add_char(self, c) < 0) return -1;
      self->state = kInField;
      break;

    case kAfterEscapedCrnl:
      if (c == kEol) break;
      [[fallthrough]];
    case kInField:
      // In an unquoted field.
      if (c == '\n' || c == '\r' || c == kEol) {
        // End of line: return [fields].
        if (parse_save_field(self) < 0) return -1;
        self->state = c == kEol ? kStartRecord : kEatCrnl;
      } else if (c == dialect->escapechar) {
        self->state = kEscapedChar;
      } else if (c == dialect->delimiter) {
        // Save the field, wait for a new one.
        if (parse_save_field(self) < 0) return -1;
        self->state = kStartField;
      } else {
        if (parse_add_char(self, c) < 0) return -1;
      }
      break;

    case kInQuotedField:
      if (c == kEol) {
      } else if (c == dialect->escapechar) {
        self->state = kEscapeInQuotedField;
      } else if (c == dialect->quotechar && dialect->quoting != kQuoteNone) {
        // With doublequote, " is represented by "".
        self->state = dialect->doublequote ? kQuoteInQuotedField : kInField;
      } else {
        if (parse_add_char(self, c) < 0) return -1;
      }
      break;

    case kEscapeInQuotedField:
      if (c == kEol) c = '\n';
      if (parse_add_char(self, c) < 0) return -1;
      self->state = kInQuotedField;
      break;

    case kQuoteInQuotedField:
      // A quote seen in a quoted field with doublequote.
      if (dialect->quoting != kQuoteNone && c == dialect->quotechar) {
        // Save "" as ".
        if (parse_add_char(self, c) < 0) return -1;
        self->state = kInQuotedField;
      } else if (c == dialect->delimiter) {
        if (parse_save_field(self) < 0) return -1;
        self->state = kStartField;
      } else if (c == '\n' || c == '\r' || c == kEol) {
        if (parse_save_field(self) < 0) return -1;
        self->state = c == kEol ? kStartRecord : kEatCrnl;
      } else if (!dialect->strict) {
        if (parse_add_char(self, c) < 0) return -1;
        self->state = kInField;
      } else {
        errors::format(error_obj, "'%c' expected after '%c'", static_cast<int>(dialect->delimiter),
                       static_cast<int>(dialect->quotechar));
        return -1;
      }
      break;

    case kEatCrnl:
      if (c == '\n' || c == '\r') {
      } else if (c == kEol) {
        self->state = kStartRecord;
      } else {
        errors::set_string(error_obj,
                           "new-line character seen in unquoted field - do you need to open "
                           "the file with newline=''?");
        return -1;
      }
      break;
  }
  return 0;
}

// parse_reset.
int parse_reset(ReaderObj* self) {
  xsetref(self->fields, list_new(0));
  if (!self->fields) return -1;
  self->field_len = 0;
  self->state = kStartRecord;
  self->unquoted_field = false;
  return 0;
}

// Reader_iternext.
Object* Reader_iternext(Object* op) {
  auto* self = static_cast<ReaderObj*>(op);
  if (parse_reset(self) < 0) return nullptr;
  do {
    Ref<> lineobj = Ref<>::steal(iter_next(self->input_iter));
    if (!lineobj) {
      // The end of the input, or an exception.
      if (!errors::occurred() && (self->field_len != 0 || self->state == kInQuotedField)) {
        if (self->dialect->strict)
          errors::set_string(error_obj, "unexpected end of data");
        else if (parse_save_field(self) >= 0)
          break;
      }
      return nullptr;
    }
    if (!str_check(lineobj.get())) {
      errors::format(error_obj,
                     "iterator should return strings, not %.200s (the file should be opened "
                     "in text mode)",
                     lineobj->type->name);
      return nullptr;
    }
    ++self->line_num;
    unsigned kind = str_kind(lineobj.get());
    const void* data = str_data(lineobj.get());
    ssize linelen = str_length(lineobj.get());
    for (ssize pos = 0; pos < linelen; pos++)
      if (parse_process_char(self, str_read(kind, data, pos)) < 0) return nullptr;
    if (parse_process_char(self, kEol) < 0) return nullptr;
  } while (self->state != kStartRecord);
  Object* fields = self->fields;
  self->fields = nullptr;
  return fields;
}

int Reader_traverse(Object* op, visitproc visit, void* arg) {
  auto* self = static_cast<ReaderObj*>(op);
  for (Object* x : {static_cast<Object*>(self->dialect), self->input_iter, self->fields})
    if (x)
      if (int r = visit(x, arg)) return r;
  return 0;
}

int Reader_clear(Object* op) {
  auto* self = static_cast<ReaderObj*>(op);
  Object* d = self->dialect;
  self->dialect = nullptr;
  xdecref(d);
  clear(self->input_iter);
  clear(self->fields);
  return 0;
}

void Reader_dealloc(Object* op) {
  auto* self = static_cast<ReaderObj*>(op);
  gc::untrack(op);
  Reader_clear(op);
  if (self->field) {
    gc::mem_free(self->field);
    self->field = nullptr;
  }
  op->type->free(op);
}

MemberDef reader_members[] = {
    {"dialect", kMemberObject, offsetof(ReaderObj, dialect), kMemberReadonly, nullptr},
    {"line_num", kMemberULong, offsetof(ReaderObj, line_num), kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

// csv_reader: reader(iterable, /, dialect='excel', **fmtparams).
Object* csv_reader(Object*, Object* args, Object* kwargs) {
  Ref<> obj = Ref<>::steal(type_generic_alloc(&reader_type, 0));
  if (!obj) return nullptr;
  auto* self = static_cast<ReaderObj*>(obj.get());
  if (parse_reset(self) < 0) return nullptr;
  if (!check_positional("reader", tuple_size(args), 1, 2)) return nullptr;
  Object* iterator = tuple_item(args, 0);
  Object* dialect = tuple_size(args) > 1 ? tuple_item(args, 1) : nullptr;
  self->input_iter = object_get_iter(iterator);
  if (!self->input_iter) return nullptr;
  self->dialect = static_cast<DialectObj*>(call_dialect(dialect, kwargs));
  if (!self->dialect) return nullptr;
  return obj.release();
}

// ---- writer -----------------------------------------------------------------------------------

constexpr ssize kMemIncr = 32768;

// join_reset.
void join_reset(WriterObj* self) {
  self->rec_len = 0;
  self->num_fields = 0;
}

// join_append_data: the record length after appending the field (copy_phase false: counting
// only, which also decides *quoted), or -1 with an error.
ssize join_append_data(WriterObj* self, unsigned field_kind, const void* field_data,
                       ssize field_len, int* quoted, bool copy_phase) {
  DialectObj* dialect = self->dialect;
  ssize rec_len = self->rec_len;
  auto addch = [&](UCS4 c) {
    if (copy_phase) self->rec[rec_len] = c;
    rec_len++;
  };

  // A field separator unless this is the first field.
  if (self->num_fields > 0) addch(dialect->delimiter);
  // The opening quote.
  if (copy_phase && *quoted) addch(dialect->quotechar);

  // Copy or count the field's characters (a null field has none).
  for (ssize i = 0; field_data && i < field_len; i++) {
    UCS4 c = str_read(field_kind, field_data, i);
    bool want_escape = false;
    if (c == dialect->delimiter || c == dialect->escapechar || c == dialect->quotechar ||
        c == '\n' || c == '\r' ||
        str_find_char(dialect->lineterminator, c, 0, str_length(dialect->lineterminator), 1) >=
            0) {
      if (dialect->quoting == kQuoteNone) {
        want_escape = true;
      } else {
        if (c == dialect->quotechar) {
          if (dialect->doublequote)
            addch(dialect->quotechar);
          else
            want_escape = true;
        } else if (c == dialect->escapechar) {
          want_escape = true;
        }
        if (!want_escape) *quoted = 1;
      }
      if (want_escape) {
        if (dialect->escapechar == kNotSet) {
          errors::set_string(error_obj, "need to escape, but no escapechar set");
          return -1;
        }
        addch(dialect->escapechar);
      }
    }
    addch(c);
  }

  if (*quoted) {
    if (copy_phase)
      addch(dialect->quotechar);
    else
      rec_len += 2;  // the opening and closing quotes
  }
  return rec_len;
}

// join_check_rec_size.
bool join_check_rec_size(WriterObj* self, ssize rec_len) {
  if (rec_len > self->rec_size) {
    ssize rec_size_new = (rec_len / kMemIncr + 1) * kMemIncr;
    void* p = gc::mem_realloc(self->rec, static_cast<size_t>(rec_size_new) * sizeof(UCS4));
    if (!p) {
      errors::no_memory();
      return false;
    }
    self->rec = static_cast<UCS4*>(p);
    self->rec_size = rec_size_new;
  }
  return true;
}

// join_append: field null for None.
bool join_append(WriterObj* self, Object* field, int quoted) {
  DialectObj* dialect = self->dialect;
  unsigned field_kind = kKind1;
  const void* field_data = nullptr;
  ssize field_len = 0;
  if (field) {
    field_kind = str_kind(field);
    field_data = str_data(field);
    field_len = str_length(field);
  }
  if (!field_len && dialect->delimiter == ' ' && dialect->skipinitialspace) {
    if (dialect->quoting == kQuoteNone ||
        (!field && (dialect->quoting == kQuoteStrings || dialect->quoting == kQuoteNotnull))) {
      errors::set_string(error_obj,
                         "empty field must be quoted if delimiter is a space and "
                         "skipinitialspace is true");
      return false;
    }
    quoted = 1;
  }
  ssize rec_len = join_append_data(self, field_kind, field_data, field_len, &quoted, false);
  if (rec_len < 0) return false;
  if (!join_check_rec_size(self, rec_len)) return false;
  self->rec_len = join_append_data(self, field_kind, field_data, field_len, &quoted, true);
  self->num_fields++;
  return true;
}

// join_append_lineterminator.
bool join_append_lineterminator(WriterObj* self) {
  Object* term = self->dialect->lineterminator;
  ssize terminator_len = str_length(term);
  if (!join_check_rec_size(self, self->rec_len + terminator_len)) return false;
  unsigned kind = str_kind(term);
  const void* data = str_data(term);
  for (ssize i = 0; i < terminator_len; i++) self->rec[self->rec_len + i] = str_read(kind, data, i);
  self->rec_len += terminator_len;
  return true;
}

// csv_writerow.
Object* csv_writerow(Object* op, Object* seq) {
  auto* self = static_cast<WriterObj*>(op);
  DialectObj* dialect = self->dialect;
  Ref<> iter = Ref<>::steal(object_get_iter(seq));
  if (!iter) {
    if (errors::exception_matches(exc_TypeError))
      errors::format(error_obj, "iterable expected, not %.200s", seq->type->name);
    return nullptr;
  }
  // Join all the fields in the internal buffer.
  join_reset(self);
  bool null_field = false;
  for (;;) {
    Ref<> field = Ref<>::steal(iter_next(iter.get()));
    if (!field) break;
    int quoted;
    switch (dialect->quoting) {
      case kQuoteNonnumeric:
        quoted = !number_check(field.get());
        break;
      case kQuoteAll:
        quoted = 1;
        break;
      case kQuoteStrings:
        quoted = str_check(field.get());
        break;
      case kQuoteNotnull:
        quoted = field.get() != none();
        break;
      default:
        quoted = 0;
        break;
    }
    null_field = field.get() == none();
    bool append_ok;
    if (str_check(field.get())) {
      append_ok = join_append(self, field.get(), quoted);
    } else if (null_field) {
      append_ok = join_append(self, nullptr, quoted);
    } else {
      Ref<> str = Ref<>::steal(object_str(field.get()));
      if (!str) return nullptr;
      append_ok = join_append(self, str.get(), quoted);
    }
    if (!append_ok) return nullptr;
  }
  if (errors::occurred()) return nullptr;

  if (self->num_fields > 0 && self->rec_len == 0) {
    if (dialect->quoting == kQuoteNone ||
        (null_field && (dialect->quoting == kQuoteStrings || dialect->quoting == kQuoteNotnull))) {
      errors::set_string(error_obj, "single empty field record must be quoted");
      return nullptr;
    }
    self->num_fields--;
    if (!join_append(self, nullptr, 1)) return nullptr;
  }

  // Add the line terminator.
  if (!join_append_lineterminator(self)) return nullptr;
  Ref<> line = Ref<>::steal(str_from_kind_and_data(kKind4, self->rec, self->rec_len));
  if (!line) return nullptr;
  return object_call_one_arg(self->write, line.get());
}

// csv_writerows.
Object* csv_writerows(Object* self, Object* seqseq) {
  Ref<> row_iter = Ref<>::steal(object_get_iter(seqseq));
  if (!row_iter) return nullptr;
  for (;;) {
    Ref<> row = Ref<>::steal(iter_next(row_iter.get()));
    if (!row) break;
    Ref<> result = Ref<>::steal(csv_writerow(self, row.get()));
    if (!result) return nullptr;
  }
  if (errors::occurred()) return nullptr;
  return return_none();
}

int Writer_traverse(Object* op, visitproc visit, void* arg) {
  auto* self = static_cast<WriterObj*>(op);
  for (Object* x : {static_cast<Object*>(self->dialect), self->write})
    if (x)
      if (int r = visit(x, arg)) return r;
  return 0;
}

int Writer_clear(Object* op) {
  auto* self = static_cast<WriterObj*>(op);
  Object* d = self->dialect;
  self->dialect = nullptr;
  xdecref(d);
  clear(self->write);
  return 0;
}

void Writer_dealloc(Object* op) {
  auto* self = static_cast<WriterObj*>(op);
  gc::untrack(op);
  Writer_clear(op);
  if (self->rec) gc::mem_free(self->rec);
  op->type->free(op);
}

MethodDef writer_methods[] = {
    {"writerow", reinterpret_cast<void*>(csv_writerow), kMethO,
     "writerow($self, row, /)\n--\n\nConstruct and write a CSV record from an iterable of "
     "fields.\n\nNon-string elements will be converted to string."},
    {"writerows", reinterpret_cast<void*>(csv_writerows), kMethO,
     "writerows($self, rows, /)\n--\n\nConstruct and write a series of iterables to a csv "
     "file.\n\nNon-string elements will be converted to string."},
    {nullptr, nullptr, 0, nullptr}};

MemberDef writer_members[] = {
    {"dialect", kMemberObject, offsetof(WriterObj, dialect), kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

// csv_writer: writer(fileobj, /, dialect='excel', **fmtparams).
Object* csv_writer(Object*, Object* args, Object* kwargs) {
  Ref<> obj = Ref<>::steal(type_generic_alloc(&writer_type, 0));
  if (!obj) return nullptr;
  auto* self = static_cast<WriterObj*>(obj.get());
  if (!check_positional("writer", tuple_size(args), 1, 2)) return nullptr;
  Object* output_file = tuple_item(args, 0);
  Object* dialect = tuple_size(args) > 1 ? tuple_item(args, 1) : nullptr;
  static Object* str_write = str_intern_from_cstr("write");
  if (object_get_optional_attr(output_file, str_write, &self->write) < 0) return nullptr;
  if (!self->write || !callable_check(self->write)) {
    errors::set_string(exc_TypeError, "argument 1 must have a \"write\" method");
    return nullptr;
  }
  self->dialect = static_cast<DialectObj*>(call_dialect(dialect, kwargs));
  if (!self->dialect) return nullptr;
  return obj.release();
}

// ---- the dialect registry ---------------------------------------------------------------------

// _csv_list_dialects_impl.
Object* csv_list_dialects(Object*, Object*) { return dict_keys(dialects); }

// csv_register_dialect: register_dialect(name, /, dialect='excel', **fmtparams).
Object* csv_register_dialect(Object*, Object* args, Object* kwargs) {
  if (!check_positional("register_dialect", tuple_size(args), 1, 2)) return nullptr;
  Object* name_obj = tuple_item(args, 0);
  Object* dialect_obj = tuple_size(args) > 1 ? tuple_item(args, 1) : nullptr;
  if (!str_check(name_obj)) {
    errors::set_string(exc_TypeError, "dialect name must be a string");
    return nullptr;
  }
  Ref<> dialect = Ref<>::steal(call_dialect(dialect_obj, kwargs));
  if (!dialect) return nullptr;
  if (dict_set_item(dialects, name_obj, dialect.get()) < 0) return nullptr;
  return return_none();
}

// _csv_unregister_dialect_impl.
Object* csv_unregister_dialect(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"name", nullptr};
  static const ArgParser parser = {"unregister_dialect", kw, 1, 1, 0};
  Object* a[1] = {};
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  int rc = dict_pop(dialects, a[0], nullptr);
  if (rc < 0) return nullptr;
  if (rc == 0) return errors::format(error_obj, "unknown dialect");
  return return_none();
}

// _csv_get_dialect_impl.
Object* csv_get_dialect(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"name", nullptr};
  static const ArgParser parser = {"get_dialect", kw, 1, 1, 0};
  Object* a[1] = {};
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  return get_dialect_from_registry(a[0]);
}

// _csv_field_size_limit_impl.
Object* csv_field_size_limit(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"new_limit", nullptr};
  static const ArgParser parser = {"field_size_limit", kw, 0, 1, 0};
  Object* a[1] = {};
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  ssize old_limit = field_limit;
  if (a[0]) {
    if (!long_check_exact(a[0])) {
      errors::set_string(exc_TypeError, "limit must be an integer");
      return nullptr;
    }
    ssize value = long_as_ssize(a[0]);
    if (value == -1 && errors::occurred()) return nullptr;
    field_limit = value;
  }
  return long_from_ssize(old_limit);
}

MethodDef csv_methods[] = {
    {"reader", reinterpret_cast<void*>(csv_reader), kMethVarargs | kMethKeywords,
     "reader($module, iterable, /, dialect='excel', **fmtparams)\n--\n\n"
     "Return a reader object that will process lines from the given iterable.\n\n"
     "The \"iterable\" argument can be any object that returns a line\n"
     "of input for each iteration, such as a file object or a list.  The\n"
     "optional \"dialect\" argument defines a CSV dialect.  The function\n"
     "also accepts optional keyword arguments which override settings\n"
     "provided by the dialect.\n\n"
     "The returned object is an iterator.  Each iteration returns a row\n"
     "of the CSV file (which can span multiple input lines).\n"},
    {"writer", reinterpret_cast<void*>(csv_writer), kMethVarargs | kMethKeywords,
     "writer($module, fileobj, /, dialect='excel', **fmtparams)\n--\n\n"
     "Return a writer object that will write user data on the given file object.\n\n"
     "The \"fileobj\" argument can be any object that supports the file API.\n"
     "The optional \"dialect\" argument defines a CSV dialect.  The function\n"
     "also accepts optional keyword arguments which override settings\n"
     "provided by the dialect.\n"},
    {"register_dialect", reinterpret_cast<void*>(csv_register_dialect),
     kMethVarargs | kMethKeywords,
     "register_dialect($module, name, /, dialect='excel', **fmtparams)\n--\n\n"
     "Create a mapping from a string name to a CVS dialect.\n\n"
     "The optional \"dialect\" argument specifies the base dialect instance\n"
     "or the name of the registered dialect.  The function also accepts\n"
     "optional keyword arguments which override settings provided by the\n"
     "dialect.\n"},
    {"list_dialects", reinterpret_cast<void*>(csv_list_dialects), kMethNoArgs,
     "list_dialects($module, /)\n--\n\nReturn a list of all known dialect names."},
    {"unregister_dialect", reinterpret_cast<void*>(csv_unregister_dialect),
     kMethFastcall | kMethKeywords,
     "unregister_dialect($module, /, name)\n--\n\n"
     "Delete the name/dialect mapping associated with a string name."},
    {"get_dialect", reinterpret_cast<void*>(csv_get_dialect), kMethFastcall | kMethKeywords,
     "get_dialect($module, /, name)\n--\n\nReturn the dialect instance associated with name."},
    {"field_size_limit", reinterpret_cast<void*>(csv_field_size_limit),
     kMethFastcall | kMethKeywords,
     "field_size_limit($module, /, new_limit=<unrepresentable>)\n--\n\n"
     "Sets an upper limit on parsed fields.\n\n"
     "Returns old limit. If limit is not given, no new limit is set and\n"
     "the old limit is returned"},
    {nullptr, nullptr, 0, nullptr}};

int ready_types() {
  if (dialect_type.name) return 0;
  constexpr unsigned long kFlags = kTpflagsBasetype | kTpflagsHaveGc | kTpflagsImmutabletype;
  {
    TypeObject t = static_type("_csv.Dialect", sizeof(DialectObj), 0, kFlags);
    t.doc = "CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n";
    t.dealloc = Dialect_dealloc;
    t.traverse = Dialect_traverse;
    t.clear = Dialect_clear;
    t.members = dialect_members;
    t.getset = dialect_getset;
    t.methods = dialect_methods;
    t.alloc = type_generic_alloc;
    t.new_ = dialect_new;
    t.free = object_generic_free;
    dialect_type = t;
  }
  {
    TypeObject t = static_type("_csv.reader", sizeof(ReaderObj), 0,
                               kFlags | kTpflagsDisallowInstantiation);
    t.doc = "CSV reader\n\nReader objects are responsible for reading and parsing tabular data\n"
            "in CSV format.\n";
    t.dealloc = Reader_dealloc;
    t.traverse = Reader_traverse;
    t.clear = Reader_clear;
    t.iter = object_self_iter;
    t.iternext = Reader_iternext;
    t.members = reader_members;
    t.alloc = type_generic_alloc;
    t.free = object_generic_free;
    reader_type = t;
  }
  {
    TypeObject t = static_type("_csv.writer", sizeof(WriterObj), 0,
                               kFlags | kTpflagsDisallowInstantiation);
    t.doc = "CSV writer\n\nWriter objects are responsible for generating tabular data\n"
            "in CSV format from sequence input.\n";
    t.dealloc = Writer_dealloc;
    t.traverse = Writer_traverse;
    t.clear = Writer_clear;
    t.methods = writer_methods;
    t.members = writer_members;
    t.alloc = type_generic_alloc;
    t.free = object_generic_free;
    writer_type = t;
  }
  if (type_ready(&dialect_type) < 0 || type_ready(&reader_type) < 0 ||
      type_ready(&writer_type) < 0)
    return -1;
  return 0;
}

// csv_exec.
int csv_exec(Object* m) {
  if (ready_types() < 0) return -1;
  if (module_add_object_ref(m, "Dialect", &dialect_type) < 0 ||
      module_add_object_ref(m, "Reader", &reader_type) < 0 ||
      module_add_object_ref(m, "Writer", &writer_type) < 0)
    return -1;
  if (!dialects) {
    dialects = dict_new();
    if (!dialects) return -1;
  }
  if (module_add_object_ref(m, "_dialects", dialects) < 0) return -1;
  for (const StyleDesc* style = quote_styles; style->name; style++) {
    Ref<> v = Ref<>::steal(long_from_long(style->style));
    if (!v || module_add_object_ref(m, style->name, v.get()) < 0) return -1;
  }
  if (!error_obj) {
    error_obj = new_exception("_csv.Error", exc_Exception, nullptr);
    if (!error_obj) return -1;
  }
  return module_add_object_ref(m, "Error", error_obj);
}

ModuleDef csv_def = {"_csv", "CSV parsing and writing.\n", csv_methods, csv_exec};

}  // namespace

ModuleDef* module_def() { return &csv_def; }

}  // namespace cppy::modules::csv
