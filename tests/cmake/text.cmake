# The text and number objects (src/objects unicodeobject, longobject, boolobject, floatobject...):
# GoogleTest files in tests/text, built into cppy_unit_tests and reading tests/data/text, and
# the check that tools/textdata reproduces that data from the reference.
file(GLOB CPPY_TEXT_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/text/*_test.cpp)
target_sources(cppy_unit_tests PRIVATE ${CPPY_TEXT_TEST_SOURCES})
target_compile_definitions(cppy_unit_tests PRIVATE
                           CPPY_TEXT_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data")
add_test(NAME text.data_generator
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/textdata/gen_text_data.py --check)
