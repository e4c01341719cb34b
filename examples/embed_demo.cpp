// Embedding cppy in a C++ program (src/embed/embed.h): run code, read a result, expose a C++
// function to Python, and report a Python exception. Built as bin/cppy_embed_demo; the
// README shows this file.
#include <cstdio>
#include <span>

#include "embed/embed.h"

int main() {
  cppy::embed::Interpreter py;  // sys, the import system and site, as `cppy` starts
  if (!py.ok()) return 1;
  py.exec("import statistics\ndata = [2, 4, 4, 5]");
  double mean = *py.eval("statistics.mean(data)").to_double();
  std::printf("mean %g\n", mean);
  std::fflush(stdout);  // C's stdout and Python's sys.stdout buffer separately
  auto twice = py.function("twice", [](std::span<const cppy::embed::Value> args) {
    auto n = args.size() == 1 ? args[0].to_int() : std::nullopt;
    if (!n) return cppy::embed::raise_error("TypeError", "twice() takes one int");
    return cppy::embed::Value::from_int(*n * 2);
  });
  py.main_dict().set_item(cppy::embed::Value::from_string("twice"), twice);
  bool ok = static_cast<bool>(py.exec("print(twice(21))\nprint(twice(1) / 0)", "demo.py"));
  auto error = py.take_error();
  py.import("sys").attr("stdout").attr("flush").call();
  if (!ok) std::fputs(error->traceback.c_str(), stdout);  // as an uncaught one prints
  return mean == 3.75 ? 0 : 1;
}
