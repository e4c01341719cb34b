# The C++ embedding API (src/embed): a program of its own, as an embedding application is.
add_executable(cppy_embed_test ${CMAKE_SOURCE_DIR}/tests/embed/embed_test.cpp)
target_link_libraries(cppy_embed_test PRIVATE cppy_embed GTest::gtest GTest::gtest_main)
target_compile_definitions(cppy_embed_test PRIVATE CPPY_EMBED_HOME="${CMAKE_BINARY_DIR}")
add_dependencies(cppy_embed_test stdlib)
cppy_add_gtest(cppy_embed_test embed)
