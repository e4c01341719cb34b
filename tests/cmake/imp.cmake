# The import system (src/imp): the unit tests run with the build's frozen modules linked in.
target_link_libraries(cppy_unit_tests PRIVATE cppy_frozen)
