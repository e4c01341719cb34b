// The compiler's entry point (Python/compile.c _PyAST_Compile): AST -> code units.
//
// A compiled unit is kept as CodeData, the fields of a code object with its constants as
// Konsts; code_object() turns one into an objects::CodeObject. compile_string() is the whole
// pipeline from source to code object (Py_CompileStringObject).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast_gen.h"
#include "compile/assemble.h"
#include "compile/konst.h"
#include "objects/object.h"

namespace cppy::symtable {
struct SymbolTable;
}

namespace cppy::parser {
struct ParseError;
struct ParseWarning;
struct InteractiveInput;
}  // namespace cppy::parser

namespace cppy::compile {

// What makecode (Python/assemble.c) puts in a code object.
struct CodeData {
  std::string name;
  std::string qualname;
  std::string filename;
  AssembledCode a;  // co_code, co_linetable, co_exceptiontable, sizes, flags, localsplus
  std::vector<std::string> names;          // co_names
  std::vector<const Konst*> consts;        // co_consts
  // Derived from a.localsplusnames / a.localspluskinds.
  std::vector<std::string> varnames() const;
  std::vector<std::string> cellvars() const;
  std::vector<std::string> freevars() const;
  int nlocals() const;
};

// A SyntaxError (or another error) raised by the compiler.
// The columns are 0-based UTF-8 byte offsets. When exception_set is true the failure came
// from a pass that raises exceptions itself (future, preprocessing, symbol table): the
// exception is the thread's current one and the other fields are empty.
struct CompileFailure {
  std::string type;  // "SyntaxError", "SystemError", ...
  std::string message;
  int lineno = -1, col_offset = -1, end_lineno = -1, end_col_offset = -1;
  bool exception_set = false;
};

struct CompileResult {
  std::shared_ptr<KonstFactory> konsts;  // owns the constants of `code`
  std::shared_ptr<CodeData> code;        // null on failure
  CompileFailure failure;
};

// Compiler flags (PyCompilerFlags cf_flags) the compiler reads.
inline constexpr int PyCF_MASK = 0x3fe0000;  // the CO_FUTURE_* bits

// _PyAST_Compile: compiles a Module (or Expression/Interactive) tree. optimize is -O's level
// (0, 1, 2). The tree may be modified (ast_preprocess). On failure, see CompileFailure.
// merged_flags, when given, gets flags joined with the tree's future features as soon as they
// are known (compiler_setup's flags->cf_flags = merged: the prompt carries them to later
// inputs).
CompileResult compile_ast(ast::mod_ty mod, const std::string& filename, int flags,
                          int optimize, ast::Arena* arena, int* merged_flags = nullptr);

// makecode (Python/assemble.c): the code object of a compiled unit and, recursively, of the
// units among its constants; equal constants are shared as CPython's const cache shares
// them. A new reference, or nullptr with the exception set.
objects::Object* code_object(const CodeData& code);

// The start symbols of Include/compile.h (compile()'s modes 'single', 'exec', 'eval',
// 'func_type').
inline constexpr int kPySingleInput = 256;
inline constexpr int kPyFileInput = 257;
inline constexpr int kPyEvalInput = 258;
inline constexpr int kPyFuncTypeInput = 345;

// Py_CompileStringObject: parses source (bytes with PEP 263 cookie/BOM detection unless flags
// has PyCF_IGNORE_COOKIE, then UTF-8), compiles it with the PyCF_* and CO_FUTURE_* flags and
// the -O level (0, 1, 2; -1 as 0) and returns a new code object, or nullptr with the
// exception set (SyntaxError, IndentationError, TabError with CPython's attributes,
// MemoryError, ...). The parser's warnings go through the warnings filters. With
// PyCF_ONLY_AST the result is the tree as _ast objects (preprocessed with the -O level when
// flags has all of PyCF_OPTIMIZED_AST); feature_version is ast.parse's minor version (-1:
// the current one).
objects::Object* compile_string(std::string_view source, const std::string& filename, int mode,
                                int flags, int optimize, int feature_version = -1);

// Where the bytes of a program given to compile_file come from: a pipe cannot seek (the
// file tokenizer's fp_setreadl then fails), and the lines of errors are not read back from
// stdin.
struct FileSource {
  bool seekable = true;
  bool is_stdin = false;
};

// _PyParser_ASTFromFile + compile (pyrun_file): a file's bytes in file input mode, read as
// CPython's file tokenizer reads them (line by line; after a coding cookie through
// io.open(fd, encoding).readline, so that a decoding error comes at its line).
objects::Object* compile_file(std::string_view source, const std::string& filename, int flags,
                              const FileSource& file);

// compile_string, or compile_file when file is not null.
objects::Object* compile_source(std::string_view source, const std::string& filename, int mode,
                                int flags, int optimize, int feature_version,
                                const FileSource* file);

// _PyParser_InteractiveASTFromFile: one statement from the prompt (lines read through
// input as the tokenizer asks for them), the parser's warnings through the warnings filters.
// nullptr with the exception set, or without one and *eof set at end of file; *source gets
// the lines read.
ast::mod_ty parse_interactive(const parser::InteractiveInput& input, const std::string& filename,
                              int flags, ast::Arena* arena, bool* eof, std::string* source);

// run_mod's _PyAST_Compile: the code object of mod, or nullptr with the exception set; *flags
// gets the future features of mod (PyCompilerFlags updated in place).
objects::Object* compile_mod(ast::mod_ty mod, const std::string& filename, int* flags,
                             ast::Arena* arena);

// _Py_SymtableStringObjectFlags: parses source in mode (kPy*Input) and builds its symbol table
// (the future features of the tree joined with flags). The tree lives in arena; the caller
// frees the table with symtable::symtable_free. nullptr with the exception set.
symtable::SymbolTable* symtable_string(std::string_view source, const std::string& filename,
                                       int mode, int flags, ast::Arena* arena);

// _PyCompile_AstPreprocess: the future features of the tree, then the preprocessing pass
// (_PyAST_Preprocess) at the -O level (-1 as 0); syntax_check_only leaves the tree as it is
// (only the checks run). 0, or -1 with the exception set.
int ast_preprocess_only(ast::mod_ty mod, const std::string& filename, int flags, int optimize,
                        ast::Arena* arena, bool syntax_check_only);

// Raises the exception a parser error record stands for (_PyPegen_raise_error_known_location:
// SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))).
void raise_parse_error(const parser::ParseError& error);
// Raises the exception of a compiler failure (_PyErr_RaiseSyntaxError for a SyntaxError: the
// source line is read from the file `filename` when it exists).
void raise_compile_failure(const CompileFailure& failure, const std::string& filename);
// Makes the tokenizer decode sources whose coding cookie names an encoding other than UTF-8
// through the codec registry (_PyTokenizer_translate_into_utf8: cp1252, koi8-r, shift_jis...).
// The runtime calls it once at start-up.
void install_source_decoder();
// Shows the parser's warnings on stderr (until the warnings module exists).
void report_parse_warnings(const std::vector<parser::ParseWarning>& warnings,
                           const std::string& filename);

}  // namespace cppy::compile
