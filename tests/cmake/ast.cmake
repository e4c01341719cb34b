# src/ast: the generated node definitions agree with tools/asdl/Python.asdl, and the node set
# described there is CPython 3.14.2's (tests/data/ast/node_set.txt, from the reference).
add_test(NAME ast.gen_check
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/asdl/gen_ast.py --check)
add_test(NAME ast.node_set
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/asdl/gen_ast.py --node-set
                 --compare ${CMAKE_SOURCE_DIR}/tests/data/ast/node_set.txt)

# GoogleTest tests of src/ast and src/symtable (tests/ast), with the S-expression tree reader
# they share. They are part of cppy_unit_tests.
file(GLOB CPPY_AST_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/ast/*.cpp)
target_sources(cppy_unit_tests PRIVATE ${CPPY_AST_TEST_SOURCES})
target_include_directories(cppy_unit_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/ast)
target_compile_definitions(cppy_unit_tests PRIVATE
                           CPPY_AST_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data/ast")

# Symbol-table parity on the standard library (tests/data/ast/symtable_stdlib.tsv, from the
# reference): every file parsed by src/parser, its table compared with CPython's. Fails below
# the committed figure.
set(CPPY_SYMTABLE_PARITY_MIN 556)
set(CPPY_SYMTABLE_PARITY_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/symtable/symtable_parity.cpp)
add_executable(symtable_parity ${CPPY_SYMTABLE_PARITY_SOURCES})
target_link_libraries(symtable_parity PRIVATE cppy_core cppy_test_support)
add_dependencies(symtable_parity stdlib)
add_test(NAME ast.symtable_parity
         COMMAND symtable_parity ${CMAKE_BINARY_DIR}/lib/python3.14
                 ${CMAKE_CURRENT_SOURCE_DIR}/data/ast/symtable_stdlib.tsv ${CPPY_SYMTABLE_PARITY_MIN})

# SyntaxError parity past the parser (tests/data/parser/syntax_errors.tsv): the snippets the
# parser accepts, through future_from_ast and the symbol table. Fails below the figure.
set(CPPY_FRONT_END_ERRORS_MIN 55)
list(TRANSFORM CPPY_SYMTABLE_PARITY_SOURCES REPLACE "symtable_parity\\.cpp$" "front_end_errors.cpp"
     OUTPUT_VARIABLE CPPY_FRONT_END_ERRORS_SOURCES)
add_executable(front_end_errors ${CPPY_FRONT_END_ERRORS_SOURCES})
target_link_libraries(front_end_errors PRIVATE cppy_core cppy_test_support)
add_test(NAME ast.front_end_errors
         COMMAND front_end_errors ${CMAKE_CURRENT_SOURCE_DIR}/data/parser/syntax_errors.tsv
                 ${CPPY_FRONT_END_ERRORS_MIN})
