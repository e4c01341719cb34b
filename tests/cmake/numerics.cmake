# Numeric algorithm layers (src/hash, src/pystrconv, src/pymath, the bigint digits): the unit
# tests read reference data from tests/data; the generators must reproduce the committed data.
target_compile_definitions(cppy_unit_tests PRIVATE
                           CPPY_NUMERICS_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data")
add_test(NAME numerics.hash_data_generator
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/hashdata/gen_hash_data.py --check)
add_test(NAME numerics.strconv_data_generator
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/strconvdata/gen_strconv_data.py --check)
add_test(NAME numerics.bigint_data_generator
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/bigintdata/gen_bigint_data.py --check)
add_test(NAME numerics.pymath_data_generator
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/pymathdata/gen_pymath_data.py --check)
