# The PEG parser (src/parser pegen*, action_helpers, string_parser, parser_gen.cpp): the
# generated files agree with their generators, and AST and error parity with CPython 3.14.2.

# parser_gen.cpp is what tools/pegen makes of python.gram; dump_gen.cpp what gen_dump.py makes
# of Python.asdl.
add_test(NAME parser.gen_check
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/pegen/pegen.py
                 ${CMAKE_SOURCE_DIR}/src/parser/python.gram ${CMAKE_SOURCE_DIR}/src/parser/Tokens
                 --check ${CMAKE_SOURCE_DIR}/src/parser/parser_gen.cpp)
add_test(NAME parser.dump_gen_check
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/asdl/gen_dump.py --check)


# AST parity on the standard library (tests/data/parity/stdlib.tsv): fails below the figure.
set(CPPY_PARSER_AST_PARITY_MIN 559)
add_executable(parser_ast_parity ${CMAKE_CURRENT_SOURCE_DIR}/parser/ast_parity.cpp)
target_link_libraries(parser_ast_parity PRIVATE cppy_core cppy_test_support)
add_dependencies(parser_ast_parity stdlib)
add_test(NAME parser.ast_parity
         COMMAND parser_ast_parity ${CMAKE_BINARY_DIR}/lib/python3.14
                 ${CMAKE_CURRENT_SOURCE_DIR}/data/parity/stdlib.tsv ${CPPY_PARSER_AST_PARITY_MIN})

# SyntaxError parity (tests/data/parser/syntax_errors.tsv): fails below the figure.
set(CPPY_PARSER_ERROR_PARITY_MIN 535)
add_executable(parser_syntax_errors ${CMAKE_CURRENT_SOURCE_DIR}/parser/syntax_errors.cpp)
target_link_libraries(parser_syntax_errors PRIVATE cppy_core cppy_test_support)
add_test(NAME parser.syntax_errors
         COMMAND parser_syntax_errors ${CMAKE_CURRENT_SOURCE_DIR}/data/parser/syntax_errors.tsv
                 ${CPPY_PARSER_ERROR_PARITY_MIN})
