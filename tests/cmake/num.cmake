# num: math, time, _struct, _random, binascii (src/modules). The reference data of
# tests/data/num/expected.tsv agrees with its generator (runs the oracle).
add_test(NAME num.data_check
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/numdata/gen_num_data.py --check)
set_tests_properties(num.data_check PROPERTIES LABELS "oracle;num" TIMEOUT 300)
