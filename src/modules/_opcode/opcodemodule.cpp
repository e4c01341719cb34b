// The _opcode module: Modules/_opcode.c of CPython 3.14 over the generated instruction tables
// of src/compile (opcode_metadata, opcode_utils).
#include "modules/_opcode/opcodemodule.h"

#include "compile/opcode_metadata.h"
#include "compile/opcode_utils.h"
#include "errors/errors.h"
#include "objects/boolobject.h"
#include "objects/codeobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::_opcode {

using namespace objects;

namespace {

bool parse_opcode(const char* fname, Object* const* args, ssize nargs, Object* kwnames,
                  int* opcode) {
  static const char* const kw[] = {"opcode", nullptr};
  ArgParser parser = {fname, kw, 1, 1, 0};
  Object* a[1] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return false;
  *opcode = long_as_int(a[0]);
  return !(*opcode == -1 && errors::occurred());
}

// _opcode_stack_effect_impl: stack_effect(opcode, oparg=None, /, *, jump=None).
Object* stack_effect(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "", "jump", nullptr};
  static const ArgParser parser = {"stack_effect", kw, 1, 2, 0};
  Object* a[3] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  int opcode = long_as_int(a[0]);
  if (opcode == -1 && errors::occurred()) return nullptr;
  int oparg = 0;
  if (a[1] && a[1] != none()) {
    oparg = long_as_int(a[1]);
    if (oparg == -1 && errors::occurred()) return nullptr;
  }
  int jump;
  if (!a[2] || a[2] == none()) {
    jump = -1;
  } else if (a[2] == py_true()) {
    jump = 1;
  } else if (a[2] == py_false()) {
    jump = 0;
  } else {
    errors::set_string(exc_ValueError, "stack_effect: jump must be False, True or None");
    return nullptr;
  }
  int effect = compile::stack_effect(opcode, oparg, jump);
  if (effect == compile::kInvalidStackEffect) {
    errors::set_string(exc_ValueError, "invalid opcode or oparg");
    return nullptr;
  }
  return long_from_long(effect);
}

template <bool (*Pred)(int)>
Object* opcode_predicate(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  int opcode;
  if (!parse_opcode("is_valid", args, nargs, kwnames, &opcode)) return nullptr;
  return new_ref(compile::is_valid_opcode(opcode) && Pred(opcode) ? py_true() : py_false());
}

bool always(int) { return true; }
bool has_arg(int op) { return compile::opcode_has_arg(op); }
bool has_const(int op) { return compile::opcode_has_const(op); }
bool has_name(int op) { return compile::opcode_has_name(op); }
bool has_jump(int op) { return compile::opcode_has_jump(op); }
bool has_free(int op) { return compile::opcode_has_free(op); }
bool has_local(int op) { return compile::opcode_has_local(op); }
bool has_exc(int op) { return compile::is_block_push_opcode(op); }

Object* str_list(std::initializer_list<const char*> names) {
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  for (const char* n : names) {
    Ref<> s = Ref<>::steal(str_from_cstr(n));
    if (!s || list_append(list.get(), s.get()) < 0) return nullptr;
  }
  return list.release();
}

// _opcode_get_intrinsic1_descs_impl: the names of pycore_intrinsics.h in oparg order.
Object* get_intrinsic1_descs(Object*, Object*) {
  return str_list({"INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR",
                   "INTRINSIC_STOPITERATION_ERROR", "INTRINSIC_ASYNC_GEN_WRAP",
                   "INTRINSIC_UNARY_POSITIVE", "INTRINSIC_LIST_TO_TUPLE", "INTRINSIC_TYPEVAR",
                   "INTRINSIC_PARAMSPEC", "INTRINSIC_TYPEVARTUPLE",
                   "INTRINSIC_SUBSCRIPT_GENERIC", "INTRINSIC_TYPEALIAS"});
}

Object* get_intrinsic2_descs(Object*, Object*) {
  return str_list({"INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR",
                   "INTRINSIC_TYPEVAR_WITH_BOUND", "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
                   "INTRINSIC_SET_FUNCTION_TYPE_PARAMS", "INTRINSIC_SET_TYPEPARAM_DEFAULT"});
}

// _opcode_get_special_method_names_impl: LOAD_SPECIAL's operands.
Object* get_special_method_names(Object*, Object*) {
  return str_list({"__enter__", "__exit__", "__aenter__", "__aexit__"});
}

// _opcode_get_nb_ops_impl: BINARY_OP's operands and their symbols.
Object* get_nb_ops(Object*, Object*) {
  static const char* const ops[][2] = {
      {"NB_ADD", "+"}, {"NB_AND", "&"}, {"NB_FLOOR_DIVIDE", "//"}, {"NB_LSHIFT", "<<"},
      {"NB_MATRIX_MULTIPLY", "@"}, {"NB_MULTIPLY", "*"}, {"NB_REMAINDER", "%"},
      {"NB_OR", "|"}, {"NB_POWER", "**"}, {"NB_RSHIFT", ">>"}, {"NB_SUBTRACT", "-"},
      {"NB_TRUE_DIVIDE", "/"}, {"NB_XOR", "^"}, {"NB_INPLACE_ADD", "+="},
      {"NB_INPLACE_AND", "&="}, {"NB_INPLACE_FLOOR_DIVIDE", "//="},
      {"NB_INPLACE_LSHIFT", "<<="}, {"NB_INPLACE_MATRIX_MULTIPLY", "@="},
      {"NB_INPLACE_MULTIPLY", "*="}, {"NB_INPLACE_REMAINDER", "%="}, {"NB_INPLACE_OR", "|="},
      {"NB_INPLACE_POWER", "**="}, {"NB_INPLACE_RSHIFT", ">>="},
      {"NB_INPLACE_SUBTRACT", "-="}, {"NB_INPLACE_TRUE_DIVIDE", "/="},
      {"NB_INPLACE_XOR", "^="}, {"NB_SUBSCR", "[]"}};
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  for (const auto& op : ops) {
    Ref<> name = Ref<>::steal(str_from_cstr(op[0]));
    Ref<> sym = Ref<>::steal(str_from_cstr(op[1]));
    if (!name || !sym) return nullptr;
    Ref<> pair = Ref<>::steal(tuple_pack(2, name.get(), sym.get()));
    if (!pair || list_append(list.get(), pair.get()) < 0) return nullptr;
  }
  return list.release();
}

// _opcode_get_specialization_stats_impl: no Py_STATS build.
Object* get_specialization_stats(Object*, Object*) { return return_none(); }

// _opcode_get_executor_impl: no tier-2 executors.
Object* get_executor(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"code", "offset", nullptr};
  static const ArgParser parser = {"get_executor", kw, 2, 2, 0};
  Object* a[2] = {};
  if (!unpack_keywords(args, nargs, nullptr, kwnames, parser, a)) return nullptr;
  if (!code_check(a[0])) {
    return errors::format(exc_TypeError, "expected a code object, not '%.100s'",
                          a[0]->type->name);
  }
  errors::set_string(exc_RuntimeError, "Executors are not available in this build");
  return nullptr;
}

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef opcode_methods[] = {
    {"stack_effect", FASTCALL_KW(stack_effect),
     "stack_effect($module, opcode, oparg=None, /, *, jump=None)\n--\n\nCompute the stack "
     "effect of the opcode."},
    {"is_valid", FASTCALL_KW(opcode_predicate<always>),
     "is_valid($module, /, opcode)\n--\n\nReturn True if opcode is valid, False otherwise."},
    {"has_arg", FASTCALL_KW(opcode_predicate<has_arg>),
     "has_arg($module, /, opcode)\n--\n\nReturn True if the opcode uses its oparg, False "
     "otherwise."},
    {"has_const", FASTCALL_KW(opcode_predicate<has_const>),
     "has_const($module, /, opcode)\n--\n\nReturn True if the opcode accesses a constant, False "
     "otherwise."},
    {"has_name", FASTCALL_KW(opcode_predicate<has_name>),
     "has_name($module, /, opcode)\n--\n\nReturn True if the opcode accesses an attribute by "
     "name, False otherwise."},
    {"has_jump", FASTCALL_KW(opcode_predicate<has_jump>),
     "has_jump($module, /, opcode)\n--\n\nReturn True if the opcode has a jump target, False "
     "otherwise."},
    {"has_free", FASTCALL_KW(opcode_predicate<has_free>),
     "has_free($module, /, opcode)\n--\n\nReturn True if the opcode accesses a free variable, "
     "False otherwise."},
    {"has_local", FASTCALL_KW(opcode_predicate<has_local>),
     "has_local($module, /, opcode)\n--\n\nReturn True if the opcode accesses a local "
     "variable, False otherwise."},
    {"has_exc", FASTCALL_KW(opcode_predicate<has_exc>),
     "has_exc($module, /, opcode)\n--\n\nReturn True if the opcode sets an exception handler, "
     "False otherwise."},
    {"get_specialization_stats", NOARGS(get_specialization_stats),
     "get_specialization_stats($module, /)\n--\n\nReturn the specialization stats"},
    {"get_intrinsic1_descs", NOARGS(get_intrinsic1_descs),
     "get_intrinsic1_descs($module, /)\n--\n\nReturn a list of names of the unary intrinsics."},
    {"get_intrinsic2_descs", NOARGS(get_intrinsic2_descs),
     "get_intrinsic2_descs($module, /)\n--\n\nReturn a list of names of the binary "
     "intrinsics."},
    {"get_special_method_names", NOARGS(get_special_method_names),
     "get_special_method_names($module, /)\n--\n\nReturn a list of special method names."},
    {"get_nb_ops", NOARGS(get_nb_ops),
     "get_nb_ops($module, /)\n--\n\nReturn array of symbols of binary ops.\n\nIndexed by the "
     "BINARY_OP oparg value."},
    {"get_executor", FASTCALL_KW(get_executor),
     "get_executor($module, /, code, offset)\n--\n\nReturn the executor object at offset in "
     "code if exists, None otherwise."},
    {nullptr, nullptr, 0, nullptr}};

int opcode_exec(Object* m) {
  // The eval loop specializes (PEP 659); the free-threaded flag follows the default build.
  Ref<> one = Ref<>::steal(long_from_long(1));
  if (!one || module_add_object_ref(m, "ENABLE_SPECIALIZATION", one.get()) < 0 ||
      module_add_object_ref(m, "ENABLE_SPECIALIZATION_FT", one.get()) < 0) {
    return -1;
  }
  return 0;
}

ModuleDef opcode_def = {"_opcode", "Opcode support module.", opcode_methods, opcode_exec};

}  // namespace

ModuleDef* module_def() { return &opcode_def; }

}  // namespace cppy::modules::_opcode
