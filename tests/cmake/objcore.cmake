# The object core's reference expectations agree with their generator (tools/objcore).
add_test(NAME objcore.expectations
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/objcore/expectations.py --check)
set_tests_properties(objcore.expectations PROPERTIES TIMEOUT 120)
