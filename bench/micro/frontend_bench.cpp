// The front end and the compiler over the whole installed standard library: parsing (source to
// AST, what ast.parse does) and parsing plus compiling (what compile() does, up to the code
// units). The files are those listed in $CPPY_BENCH_FILES (one path per line), as
// bench/micro/frontend_py.py writes them for the files CPython 3.11 also parses, so that the
// two sides time the same work; without it, every .py file under $CPPY_BENCH_STDLIB (default
// build/release/lib/python3.14).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ast/arena.h"
#include "compile/compile.h"
#include "errors/errors.h"
#include "parser/pegen.h"
#include "objects/typeobject.h"

namespace {

struct SourceFile {
  std::string path;
  std::string text;
};

std::vector<SourceFile> load_files() {
  std::vector<std::string> paths;
  if (const char* list = std::getenv("CPPY_BENCH_FILES")) {
    std::ifstream in(list);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) paths.push_back(line);
  } else {
    const char* lib = std::getenv("CPPY_BENCH_STDLIB");
    std::filesystem::path root = lib ? lib : "build/release/lib/python3.14";
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
         it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (it->is_regular_file() && it->path().extension() == ".py")
        paths.push_back(it->path().string());
    }
  }
  std::vector<SourceFile> files;
  for (const std::string& p : paths) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    files.push_back({p, ss.str()});
  }
  return files;
}

const std::vector<SourceFile>& stdlib_files() {
  static const std::vector<SourceFile> files = [] {
    cppy::runtime::initialize_objects();
    return load_files();
  }();
  return files;
}

void BM_ParseStdlib(benchmark::State& state) {
  const auto& files = stdlib_files();
  size_t bytes = 0;
  for (auto _ : state) {
    for (const SourceFile& f : files) {
      cppy::ast::Arena arena;
      cppy::parser::ParseOptions options;
      cppy::parser::ParseResult r = cppy::parser::parse_string(f.text, f.path, options, &arena);
      benchmark::DoNotOptimize(r.mod);
      cppy::errors::clear();
      bytes += f.text.size();
    }
  }
  state.SetBytesProcessed(int64_t(bytes));
  state.counters["files"] = double(files.size());
}
BENCHMARK(BM_ParseStdlib)->Unit(benchmark::kMillisecond)->MinTime(3.0);

void BM_CompileStdlib(benchmark::State& state) {
  const auto& files = stdlib_files();
  for (auto _ : state) {
    for (const SourceFile& f : files) {
      cppy::ast::Arena arena;
      cppy::parser::ParseOptions options;
      cppy::parser::ParseResult r = cppy::parser::parse_string(f.text, f.path, options, &arena);
      if (r.mod) {
        cppy::compile::CompileResult cr = cppy::compile::compile_ast(r.mod, f.path, 0, 0, &arena);
        benchmark::DoNotOptimize(cr.code);
      }
      cppy::errors::clear();
    }
  }
  state.counters["files"] = double(files.size());
}
BENCHMARK(BM_CompileStdlib)->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace
