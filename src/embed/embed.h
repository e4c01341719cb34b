// The C++ embedding API of cppy: what CPython's embedding C API offers (Py_InitializeFromConfig,
// PyRun_String, PyImport_ImportModule, PyObject_Call..., Py_FinalizeEx, Py_BytesMain) as a small
// C++ interface. It hides the interpreter's internal headers: an application includes only this
// file and links the cppy_embed library.
//
//   cppy::embed::Interpreter py;                     // Py_InitializeFromConfig
//   py.exec("import math\nr = math.sqrt(2)");         // PyRun_String in __main__
//   double r = *py.eval("r").to_double();
//   cppy::embed::Value f = py.import("json").attr("dumps");
//   std::string s = *f.call({py.eval("[1, 2]")}).to_string();
//
// Errors follow the interpreter's error-indicator protocol instead of C++ exceptions: a failing
// operation returns an empty Value (or std::nullopt) and leaves the Python exception set;
// Interpreter::take_error() fetches it (type name, message, formatted traceback) and clears it.
//
// One interpreter per process, used from the thread that created it (as the GIL-holding main
// thread of CPython); Python threads started by the embedded code run as usual.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cppy::objects {
struct Object;
}

namespace cppy::embed {

// An owned reference to a Python object (null when a call failed). Copying increments the
// reference count; destruction releases it.
class Value {
 public:
  Value() = default;
  Value(const Value& other);
  Value(Value&& other) noexcept : object_(std::exchange(other.object_, nullptr)) {}
  Value& operator=(const Value& other);
  Value& operator=(Value&& other) noexcept;
  ~Value();

  // Python values from C++ ones.
  static Value none();
  static Value from_bool(bool v);
  static Value from_int(long long v);
  static Value from_double(double v);
  static Value from_string(std::string_view utf8);
  static Value from_bytes(std::string_view data);
  static Value list(std::initializer_list<Value> items);
  static Value tuple(std::initializer_list<Value> items);
  static Value dict(std::initializer_list<std::pair<std::string_view, Value>> items);

  // Whether this holds an object (false after a failed operation).
  explicit operator bool() const { return object_ != nullptr; }
  bool is_none() const;
  // The name of its type ("int", "str", "MyClass").
  std::string type_name() const;

  // Conversions to C++; std::nullopt with the Python exception set (TypeError, OverflowError)
  // when the object is not of that kind. to_string accepts str only, to_bytes bytes only.
  std::optional<long long> to_int() const;
  std::optional<double> to_double() const;
  std::optional<bool> truth() const;  // bool(x)
  std::optional<std::string> to_string() const;
  std::optional<std::string> to_bytes() const;
  // str(x) and repr(x) as UTF-8 (std::nullopt when they raise).
  std::optional<std::string> str() const;
  std::optional<std::string> repr() const;

  // getattr/setattr, x[key], x[key] = v, len(x), and calls with positional and keyword
  // arguments. Failures return an empty Value, false or std::nullopt.
  Value attr(std::string_view name) const;
  bool set_attr(std::string_view name, const Value& v) const;
  Value item(const Value& key) const;
  bool set_item(const Value& key, const Value& v) const;
  std::optional<long long> size() const;
  Value call(std::initializer_list<Value> args = {}) const;
  Value call(std::span<const Value> args,
             std::span<const std::pair<std::string_view, Value>> kwargs = {}) const;
  // The items of any iterable, in order (std::nullopt when iteration raises).
  std::optional<std::vector<Value>> to_vector() const;

  // The interpreter's object (borrowed) and the adoption of a new reference, for code that
  // also uses cppy's internal API.
  objects::Object* get() const { return object_; }
  static Value steal(objects::Object* o);
  static Value borrow(objects::Object* o);

 private:
  objects::Object* object_ = nullptr;
};

// A Python exception taken out of the interpreter.
struct Error {
  std::string type;       // "ZeroDivisionError", or "module.Name" outside builtins
  std::string message;    // str(exc)
  std::string traceback;  // traceback.format_exception(exc), as CPython prints it
  Value exception;        // the exception object itself
};

// The start-up configuration (the PyConfig fields an embedder sets).
struct Options {
  std::vector<std::string> argv{""};  // sys.argv
  bool import_site = true;            // false: as -S
  bool ignore_environment = false;    // true: PYTHON* variables ignored, as -E
  bool write_bytecode = true;         // false: as -B
  bool buffered_stdio = true;         // false: as -u
  std::optional<uint32_t> hash_seed;  // PYTHONHASHSEED; random when unset
  std::string home;                   // prefix holding lib/python3.14; "" = beside the executable
  std::vector<std::string> warnoptions;  // -W
  std::vector<std::string> xoptions;     // -X
};

// A native function callable from Python: receives the positional arguments and returns a
// result, or an empty Value after raise_error() (or a failed operation) set the exception.
using NativeFunction = std::function<Value(std::span<const Value> args)>;

class Interpreter {
 public:
  // Initialises the runtime, sys, the import system and (unless disabled) site. ok() tells
  // whether it succeeded; a failure is printed to stderr as CPython's fatal errors are.
  explicit Interpreter(const Options& options = Options());
  // Py_FinalizeEx's part: non-daemon threads joined, atexit callbacks run, streams flushed.
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  bool ok() const { return ok_; }

  // Runs statements in __main__'s namespace (or in the dict `globals`); None or empty.
  Value exec(std::string_view source, std::string_view filename = "<embedded>",
             const Value& globals = Value());
  // Evaluates one expression in __main__'s namespace (or `globals`).
  Value eval(std::string_view expression, const Value& globals = Value());
  // import name (dotted names give the leaf module, as importlib.import_module does).
  Value import(std::string_view name);
  // __main__'s namespace dict.
  Value main_dict();
  // A builtin function object named `name` that calls fn; bind it with set_item/set_attr.
  Value function(std::string_view name, NativeFunction fn);

  // The pending Python exception, taken out and cleared; std::nullopt when none is set.
  std::optional<Error> take_error();
  // Whether a Python exception is pending.
  bool error_pending() const;
  // Prints and clears the pending exception the way an uncaught one is printed
  // (sys.excepthook). Does nothing when none is set.
  void print_error();

 private:
  bool ok_ = false;
};

// Raises a built-in exception (e.g. "ValueError") with message from native code; returns an
// empty Value so a NativeFunction can `return raise_error(...)`.
Value raise_error(std::string_view builtin_type, std::string_view message);

// Py_BytesMain: the whole `cppy` command (options, -c/-m/script/REPL) in an application's
// main(); returns the process exit status.
int run_main(int argc, char** argv);

}  // namespace cppy::embed
