# The C++ embedding API (src/embed): a program of its own, as an embedding application is.
add_executable(cppy_embed_test ${CMAKE_SOURCE_DIR}/tests/embed/embed_test.cpp)
target_link_libraries(cppy_embed_test PRIVATE cppy_embed GTest::gtest GTest::gtest_main)
target_compile_definitions(cppy_embed_test PRIVATE CPPY_EMBED_HOME="${CMAKE_BINARY_DIR}")
add_dependencies(cppy_embed_test stdlib)
cppy_add_gtest(cppy_embed_test embed)

# The README's example program, with the interpreter found beside its executable.
add_executable(cppy_embed_demo ${CMAKE_SOURCE_DIR}/examples/embed_demo.cpp)
target_link_libraries(cppy_embed_demo PRIVATE cppy_embed)
add_dependencies(cppy_embed_demo stdlib)
add_test(NAME embed.demo COMMAND cppy_embed_demo)
set_tests_properties(embed.demo PROPERTIES LABELS "embed" TIMEOUT 60
  PASS_REGULAR_EXPRESSION "^mean 3.75\n42\nTraceback \\(most recent call last\\):\n  File \"demo.py\", line 2, in <module>\nZeroDivisionError: division by zero\n$")
