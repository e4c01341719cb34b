# The weakref tests' reference expectations agree with their generator (tools/weakref).
add_test(NAME weakref.expectations
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/weakref/expectations.py --check)
set_tests_properties(weakref.expectations PROPERTIES TIMEOUT 120)
