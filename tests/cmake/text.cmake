# The text and number objects (src/objects unicodeobject, longobject, boolobject...): unit
# tests in tests/text reading tests/data/text, and the check that tools/textdata reproduces
# that data from the reference.
file(GLOB CPPY_TEXT_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/text/*_test.cpp)
if(EXISTS ${CMAKE_SOURCE_DIR}/src/errors/errors.cpp)
  target_sources(cppy_unit_tests PRIVATE ${CPPY_TEXT_TEST_SOURCES})
  target_compile_definitions(cppy_unit_tests PRIVATE
                             CPPY_TEXT_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data"
                             CPPY_TEXT_WITH_CORE=1)
else()
  # The object core is not in the tree yet: link against test stand-ins for it.
  add_executable(cppy_text_tests ${CPPY_TEXT_TEST_SOURCES}
                 ${CMAKE_CURRENT_SOURCE_DIR}/text/core_stubs.cpp)
  target_link_libraries(cppy_text_tests PRIVATE cppy_core GTest::gtest GTest::gtest_main)
  target_compile_definitions(cppy_text_tests PRIVATE
                             CPPY_TEXT_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data")
  cppy_add_gtest(cppy_text_tests text)
endif()
add_test(NAME text.data_generator
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/textdata/gen_text_data.py --check)
