# Front-end and compiler parity measured on the cppy binary (issues 3 and 5), and the marshal
# fuzzer.

# SyntaxError parity of the whole pipeline (parser, preprocessing, symbol table, compiler):
# cppy runs the program tests/data/parser/gen_syntax_errors.py ran on the reference, over the
# same snippets (tests/data/parser/syntax_errors.tsv). Fails below the figure.
set(CPPY_SYNTAX_ERROR_PARITY_MIN 605)
add_test(NAME front.syntax_error_parity
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/parity/syntax_error_parity.py
                 $<TARGET_FILE:cppy> ${CMAKE_SOURCE_DIR}/tests/data/parser/syntax_errors.tsv
                 ${CPPY_SYNTAX_ERROR_PARITY_MIN})

# marshal.loads on mutated reference marshal data (tests/vm/marshal_fuzz.cpp): no crash, every
# failure an exception. The release suite runs a short pass; the asan preset the million
# iterations of issue 5 (`ctest --preset asan -R front.marshal_fuzz`).
add_executable(marshal_fuzz ${CMAKE_CURRENT_SOURCE_DIR}/vm/marshal_fuzz.cpp)
target_link_libraries(marshal_fuzz PRIVATE cppy_core)
if(CPPY_SANITIZE)
  set(CPPY_MARSHAL_FUZZ_ITERATIONS 1000000)
else()
  set(CPPY_MARSHAL_FUZZ_ITERATIONS 100000)
endif()
add_test(NAME front.marshal_fuzz
         COMMAND marshal_fuzz ${CMAKE_SOURCE_DIR}/tests/data ${CPPY_MARSHAL_FUZZ_ITERATIONS})
set_tests_properties(front.marshal_fuzz PROPERTIES TIMEOUT 3600)

# dis.dis() of cppy's code objects for the corpus tests/data/compile/dis_corpus.py (every
# opcode the 3.14.2 compiler emits, 301 code objects) against the reference's disassembly
# (tests/data/compile/dis_corpus.expected, tools/parity/make_dis_reference.py): every code
# object identical.
add_test(NAME front.dis_parity
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/parity/dis_parity.py
                 $<TARGET_FILE:cppy>)

# Deeply nested source (issue 3's limits): moderate shapes as the reference reports them
# (tests/data/parser/deep_nesting.expected), huge ones (100 000 brackets, 1 MB expressions)
# within CPython's limit errors and never a crash.
add_test(NAME front.deep_nesting
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/parity/deep_nesting.py
                 --cppy $<TARGET_FILE:cppy>)
set_tests_properties(front.deep_nesting PROPERTIES TIMEOUT 900)

# The file tokenizer (Parser/tokenizer/file_tokenizer.c): scripts read line by line, after a
# coding cookie through io.open(fd, encoding).readline; decoding errors at the reference's line
# with its message and position (tests/data/parser/file_tokenizer.expected, from CPython 3.14.2's
# own file tokenizer called through ctypes in the reference; the pipe case against python3).
add_test(NAME front.file_tokenizer
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/parity/file_tokenizer.py
                 --cppy $<TARGET_FILE:cppy>)
add_test(NAME front.file_tokenizer_check
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/parity/file_tokenizer.py --check)
set_tests_properties(front.file_tokenizer_check PROPERTIES LABELS "oracle" TIMEOUT 300)

# The interactive prompt read through the tokenizer (tok_underflow_interactive,
# PyRun_InteractiveOneObjectEx): what `cppy -q -i` prints for piped inputs, prompts and errors
# included, against CPython 3.14.2's own interactive loop run through ctypes in the reference
# (tests/data/parser/repl.expected).
add_test(NAME front.repl
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/parity/repl.py
                 --cppy $<TARGET_FILE:cppy>)
add_test(NAME front.repl_check
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/parity/repl.py --check)
set_tests_properties(front.repl_check PROPERTIES LABELS "oracle" TIMEOUT 300)
