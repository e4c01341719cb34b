# src/ast: the generated node definitions agree with tools/asdl/Python.asdl, and the node set
# described there is CPython 3.14.2's (tests/data/ast/node_set.txt, from the reference).
add_test(NAME ast.gen_check
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/asdl/gen_ast.py --check)
add_test(NAME ast.node_set
         COMMAND ${Python3_EXECUTABLE}
                 ${CMAKE_SOURCE_DIR}/tools/asdl/gen_ast.py --node-set
                 --compare ${CMAKE_SOURCE_DIR}/tests/data/ast/node_set.txt)
