// The compile() flags of Include/cpython/compile.h (PyCF_*): one definition for the parser,
// the compiler, compile(), ast.parse and the REPL.
#pragma once

namespace cppy::parser {

inline constexpr int kPyCF_SOURCE_IS_UTF8 = 0x0100;
inline constexpr int kPyCF_DONT_IMPLY_DEDENT = 0x0200;
inline constexpr int kPyCF_ONLY_AST = 0x0400;
inline constexpr int kPyCF_IGNORE_COOKIE = 0x0800;
inline constexpr int kPyCF_TYPE_COMMENTS = 0x1000;
inline constexpr int kPyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000;
inline constexpr int kPyCF_ALLOW_INCOMPLETE_INPUT = 0x4000;
inline constexpr int kPyCF_OPTIMIZED_AST = 0x8000 | kPyCF_ONLY_AST;

}  // namespace cppy::parser
