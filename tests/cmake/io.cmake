# _io and _codecs (src/modules/_io, src/modules/_codecs): the reference values of
# tests/unit/modules_io_test.cpp are what the reference prints (runs the oracle).
add_test(NAME io.expectations_check
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/io/gen_expected.py --check)
set_tests_properties(io.expectations_check PROPERTIES LABELS "oracle;io" TIMEOUT 300)
