// The embedding API (embed.h) over the interpreter's internal one. Each entry mirrors the C API
// function it names; errors stay in the thread's error indicator (errors/errors.h).
#include "embed/embed.h"

#include "builtins/bltinmodule.h"
#include "cli/options.h"
#include "compile/compile.h"
#include "errors/errors.h"
#include "imp/import.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/capsule.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/object.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "parser/compiler_flags.h"
#include "runtime/config.h"
#include "sys/sysmodule.h"
#include "vm/pythonrun.h"
#include "vm/traceback.h"

namespace cppy::embed {

using namespace objects;

namespace {

Object* str_of(std::string_view s) { return str_from_utf8(s.data(), ssize(s.size())); }

// The UTF-8 text of a str result (stolen), or nullopt when it is null or not UTF-8-encodable.
std::optional<std::string> take_utf8(Object* s) {
  Value keep = Value::steal(s);
  if (!s) return std::nullopt;
  ssize n = 0;
  const char* p = str_as_utf8(s, &n);
  if (!p) return std::nullopt;
  return std::string(p, size_t(n));
}

// A new tuple of the values (the PyTuple_Pack of embed values).
Object* tuple_of(std::span<const Value> items) {
  Object* t = tuple_new(ssize(items.size()));
  if (!t) return nullptr;
  for (size_t i = 0; i < items.size(); ++i) {
    Object* o = items[i].get();
    if (!o) {
      decref(t);
      errors::set_string(exc_SystemError, "embed: an argument is an empty Value");
      return nullptr;
    }
    tuple_set_item(t, ssize(i), new_ref(o));
  }
  return t;
}

// The __main__ module's dict (borrowed), as PyImport_AddModule("__main__") gives it.
Object* main_globals() {
  Ref<> m = Ref<>::steal(imp::import_module("__main__"));
  if (!m) return nullptr;
  return module_get_dict(m.get());
}

// The dict code runs in: globals when given, else __main__'s. Null with TypeError otherwise.
Object* namespace_for(const Value& globals) {
  if (!globals) return main_globals();
  if (!dict_check(globals.get())) {
    errors::set_string(exc_TypeError, "embed: globals must be a dict");
    return nullptr;
  }
  return globals.get();
}

// PyRun_StringFlags: compiles source in mode (UTF-8, any coding cookie ignored) and runs it.
Value run_string(std::string_view source, const std::string& filename, int mode,
                 const Value& globals) {
  Object* d = namespace_for(globals);
  if (!d) return Value();
  Value code = Value::steal(
      compile::compile_string(source, filename, mode, parser::kPyCF_IGNORE_COOKIE, -1));
  if (!code) return Value();
  return Value::steal(vm::run_eval_code_obj(code.get(), d, d));
}

// A native function: the builtin function's MethodDef and the C++ callable. The capsule that
// is the function's self owns it.
struct NativeFunctionRecord {
  std::string name;
  MethodDef def;
  NativeFunction fn;
};

constexpr const char* kNativeCapsuleName = "cppy.embed.function";

void free_native_record(Object* capsule) {
  delete static_cast<NativeFunctionRecord*>(capsule_get_pointer(capsule, kNativeCapsuleName));
}

// The METH_FASTCALL body of every native function: arguments as Values, the result stolen.
Object* call_native(Object* self, Object* const* args, ssize nargs) {
  auto* record = static_cast<NativeFunctionRecord*>(capsule_get_pointer(self, kNativeCapsuleName));
  if (!record) return nullptr;
  std::vector<Value> values;
  values.reserve(size_t(nargs));
  for (ssize i = 0; i < nargs; ++i) values.push_back(Value::borrow(args[i]));
  Value result = record->fn(std::span<const Value>(values));
  if (!result) {
    if (!errors::occurred())
      errors::format(exc_SystemError, "%s returned NULL without setting an exception",
                     record->name.c_str());
    return nullptr;
  }
  if (errors::occurred()) {
    errors::format(exc_SystemError, "%s returned a result with an exception set",
                   record->name.c_str());
    return nullptr;
  }
  return new_ref(result.get());
}

// "Name" for builtins' types, "module.Qualname" for the others (as traceback prints them).
std::string exception_type_name(Object* exc) {
  Object* type = reinterpret_cast<Object*>(exc->type);
  std::optional<std::string> qualname = take_utf8(object_getattr_string(type, "__qualname__"));
  std::optional<std::string> module = take_utf8(object_getattr_string(type, "__module__"));
  errors::clear();
  std::string name = qualname ? *qualname : std::string(exc->type->name);
  if (module && *module != "builtins" && *module != "__main__") return *module + "." + name;
  return name;
}

}  // namespace

// ---- Value ----

Value::Value(const Value& other) : object_(other.object_) { xincref(object_); }

Value& Value::operator=(const Value& other) {
  if (this != &other) {
    xincref(other.object_);
    xdecref(std::exchange(object_, other.object_));
  }
  return *this;
}

Value& Value::operator=(Value&& other) noexcept {
  if (this != &other) xdecref(std::exchange(object_, std::exchange(other.object_, nullptr)));
  return *this;
}

Value::~Value() { xdecref(object_); }

Value Value::steal(Object* o) {
  Value v;
  v.object_ = o;
  return v;
}

Value Value::borrow(Object* o) {
  xincref(o);
  return steal(o);
}

Value Value::none() { return borrow(objects::none()); }
Value Value::from_bool(bool v) { return steal(bool_from_bool(v)); }
Value Value::from_int(long long v) { return steal(long_from_long_long(v)); }
Value Value::from_double(double v) { return steal(float_from_double(v)); }
Value Value::from_string(std::string_view utf8) { return steal(str_of(utf8)); }
Value Value::from_bytes(std::string_view data) {
  return steal(bytes_from_string_and_size(data.data(), ssize(data.size())));
}

Value Value::list(std::initializer_list<Value> items) {
  // tuple_of checks the items once; PySequence_List copies them into the list.
  Value t = steal(tuple_of(std::span<const Value>(items.begin(), items.size())));
  return t ? steal(sequence_list(t.get())) : Value();
}

Value Value::tuple(std::initializer_list<Value> items) {
  return steal(tuple_of(std::span<const Value>(items.begin(), items.size())));
}

Value Value::dict(std::initializer_list<std::pair<std::string_view, Value>> items) {
  Value d = steal(dict_new());
  if (!d) return Value();
  for (const auto& [key, v] : items) {
    Value k = from_string(key);
    if (!k || !v) {
      if (!errors::occurred()) errors::set_string(exc_SystemError, "embed: empty Value in dict");
      return Value();
    }
    if (object_set_item(d.get(), k.get(), v.get()) < 0) return Value();
  }
  return d;
}

bool Value::is_none() const { return object_ == objects::none(); }

std::string Value::type_name() const {
  return object_ ? std::string(object_->type->name) : std::string();
}

std::optional<long long> Value::to_int() const {
  if (!object_) return std::nullopt;
  long long v = long_as_long_long(object_);
  if (v == -1 && errors::occurred()) return std::nullopt;
  return v;
}

std::optional<double> Value::to_double() const {
  if (!object_) return std::nullopt;
  double v = float_as_double(object_);
  if (v == -1.0 && errors::occurred()) return std::nullopt;
  return v;
}

std::optional<bool> Value::truth() const {
  if (!object_) return std::nullopt;
  int r = object_is_true(object_);
  if (r < 0) return std::nullopt;
  return r != 0;
}

std::optional<std::string> Value::to_string() const {
  if (!object_) return std::nullopt;
  if (!str_check(object_)) {
    errors::format(exc_TypeError, "expected str, got %s", object_->type->name);
    return std::nullopt;
  }
  return take_utf8(new_ref(object_));
}

std::optional<std::string> Value::to_bytes() const {
  if (!object_) return std::nullopt;
  if (!bytes_check(object_)) {
    errors::format(exc_TypeError, "expected bytes, got %s", object_->type->name);
    return std::nullopt;
  }
  return std::string(bytes_as_string(object_), size_t(object_size(object_)));
}

std::optional<std::string> Value::str() const {
  if (!object_) return std::nullopt;
  return take_utf8(object_str(object_));
}

std::optional<std::string> Value::repr() const {
  if (!object_) return std::nullopt;
  return take_utf8(object_repr(object_));
}

Value Value::attr(std::string_view name) const {
  if (!object_) return Value();
  Value n = from_string(name);
  if (!n) return Value();
  return steal(object_getattr(object_, n.get()));
}

bool Value::set_attr(std::string_view name, const Value& v) const {
  if (!object_ || !v) return false;
  Value n = from_string(name);
  return n && object_setattr(object_, n.get(), v.get()) == 0;
}

Value Value::item(const Value& key) const {
  if (!object_ || !key) return Value();
  return steal(object_get_item(object_, key.get()));
}

bool Value::set_item(const Value& key, const Value& v) const {
  if (!object_ || !key || !v) return false;
  return object_set_item(object_, key.get(), v.get()) == 0;
}

std::optional<long long> Value::size() const {
  if (!object_) return std::nullopt;
  ssize n = object_size(object_);
  if (n < 0) return std::nullopt;
  return n;
}

Value Value::call(std::initializer_list<Value> args) const {
  return call(std::span<const Value>(args.begin(), args.size()));
}

Value Value::call(std::span<const Value> args,
                  std::span<const std::pair<std::string_view, Value>> kwargs) const {
  if (!object_) return Value();
  Value positional = steal(tuple_of(args));
  if (!positional) return Value();
  Value keywords;
  if (!kwargs.empty()) {
    keywords = steal(dict_new());
    if (!keywords) return Value();
    for (const auto& [key, v] : kwargs) {
      Value k = from_string(key);
      if (!k || !v) {
        if (!errors::occurred())
          errors::set_string(exc_SystemError, "embed: a keyword argument is an empty Value");
        return Value();
      }
      if (object_set_item(keywords.get(), k.get(), v.get()) < 0) return Value();
    }
  }
  return steal(object_call(object_, positional.get(), keywords.get()));
}

std::optional<std::vector<Value>> Value::to_vector() const {
  if (!object_) return std::nullopt;
  Value it = steal(object_get_iter(object_));
  if (!it) return std::nullopt;
  std::vector<Value> items;
  while (Object* x = iter_next(it.get())) items.push_back(steal(x));
  if (errors::occurred()) return std::nullopt;
  return items;
}

// ---- Interpreter ----

Interpreter::Interpreter(const Options& options) {
  runtime::Config config;
  config.argv = options.argv.empty() ? std::vector<std::string>{""} : options.argv;
  config.orig_argv = config.argv;
  config.program_name = config.argv[0];
  config.site_import = options.import_site;
  config.ignore_environment = options.ignore_environment;
  config.dont_write_bytecode = !options.write_bytecode;
  config.buffered_stdio = options.buffered_stdio;
  config.warnoptions = options.warnoptions;
  config.xoptions = options.xoptions;
  config.hash_seed = options.hash_seed;
  config.home = options.home;
  ok_ = vm::initialize_main(config) == 0;
}

Interpreter::~Interpreter() {
  if (ok_) vm::finalize_main(0);
}

Value Interpreter::exec(std::string_view source, std::string_view filename,
                        const Value& globals) {
  return run_string(source, std::string(filename), compile::kPyFileInput, globals);
}

Value Interpreter::eval(std::string_view expression, const Value& globals) {
  return run_string(expression, "<string>", compile::kPyEvalInput, globals);
}

Value Interpreter::import(std::string_view name) {
  std::string n(name);
  return Value::steal(imp::import_module(n.c_str()));
}

Value Interpreter::main_dict() { return Value::borrow(main_globals()); }

Value Interpreter::function(std::string_view name, NativeFunction fn) {
  auto* record = new NativeFunctionRecord{std::string(name), {}, std::move(fn)};
  record->def = MethodDef{record->name.c_str(), reinterpret_cast<void*>(&call_native),
                          kMethFastcall, nullptr};
  Object* capsule = capsule_new(record, kNativeCapsuleName, free_native_record);
  if (!capsule) {
    delete record;
    return Value();
  }
  Value owner = Value::steal(capsule);
  return Value::steal(cfunction_new(&record->def, owner.get()));
}

bool Interpreter::error_pending() const { return errors::occurred() != nullptr; }

std::optional<Error> Interpreter::take_error() {
  Object* exc = errors::get_raised_exception();
  if (!exc) return std::nullopt;
  Error e;
  e.exception = Value::steal(exc);
  e.type = exception_type_name(exc);
  e.message = take_utf8(object_str(exc)).value_or("<exception str() failed>");
  errors::clear();
  vm::print_exception(exc, &e.traceback);
  errors::clear();
  return e;
}

void Interpreter::print_error() {
  if (errors::occurred()) vm::print_exception_and_set_status();
}

Value raise_error(std::string_view builtin_type, std::string_view message) {
  Object* builtins = module_get_dict(builtins::builtins_module());
  std::string name(builtin_type);
  Object* type = dict_get_item_string(builtins, name.c_str());
  if (!type || !type_check_type(type) ||
      !is_subtype(reinterpret_cast<TypeObject*>(type), exc_BaseException)) {
    errors::format(exc_SystemError, "embed: %s is not a built-in exception", name.c_str());
    return Value();
  }
  Value text = Value::from_string(message);
  if (text) errors::set_object(reinterpret_cast<TypeObject*>(type), text.get());
  return Value();
}

int run_main(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  cli::ParsedCommandLine parsed = cli::parse_command_line(args);
  if (parsed.exit_now) return parsed.exit_status;
  return vm::run_main(parsed.config);
}

}  // namespace cppy::embed
