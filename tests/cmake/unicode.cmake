# src/unicode: the committed tables are what tools/unicode/gen_tables.py makes of the dump.
add_test(NAME unicode.tables_agree
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/unicode/gen_tables.py --check)
