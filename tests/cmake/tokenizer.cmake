# The tokenizer (src/parser/lexer*, token_gen*): generated files and parity with CPython 3.14.

# token_gen.{h,cpp} are what tools/tokens/gen_tokens.py makes of src/parser/Tokens, and the
# kinds agree with the installed standard library's token.py.
add_test(NAME tokenizer.gen_tokens
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/tokens/gen_tokens.py --check
                 --token-py ${CMAKE_BINARY_DIR}/lib/python3.14/token.py)

# Token parity on the standard library: every file's token stream equals CPython 3.14.2's
# (tests/data/tokenizer/stdlib_tokens.tsv, from tools/tokenizer/make_reference.py).
add_executable(tokenizer_parity ${CMAKE_CURRENT_SOURCE_DIR}/tokenizer/tokenizer_parity.cpp)
target_link_libraries(tokenizer_parity PRIVATE cppy_core cppy_test_support)
add_dependencies(tokenizer_parity stdlib)
add_test(NAME tokenizer.stdlib_parity
         COMMAND tokenizer_parity ${CMAKE_BINARY_DIR}/lib/python3.14
                 ${CMAKE_CURRENT_SOURCE_DIR}/data/tokenizer/stdlib_tokens.tsv
                 ${CMAKE_CURRENT_SOURCE_DIR}/data/tokenizer/stdlib_known_mismatches.txt)

# Error parity: the snippets of tests/data/parser/syntax_errors.tsv whose error comes from the
# tokenizer get CPython 3.14.2's message and positions.
add_executable(tokenizer_errors ${CMAKE_CURRENT_SOURCE_DIR}/tokenizer/tokenizer_errors.cpp)
target_link_libraries(tokenizer_errors PRIVATE cppy_core cppy_test_support)
add_test(NAME tokenizer.syntax_errors
         COMMAND tokenizer_errors ${CMAKE_CURRENT_SOURCE_DIR}/data/parser/syntax_errors.tsv
                 ${CMAKE_CURRENT_SOURCE_DIR}/data/tokenizer/syntax_errors_known_mismatches.txt)

# tools/pegen accepts the grammar with src/parser/Tokens (the parser itself is built elsewhere).
add_test(NAME tokenizer.pegen_accepts_tokens
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/pegen/pegen.py
                 ${CMAKE_SOURCE_DIR}/src/parser/python.gram ${CMAKE_SOURCE_DIR}/src/parser/Tokens
                 -o ${CMAKE_CURRENT_BINARY_DIR}/pegen_tokens_check.cpp)
# ... and the tokenizer's own corpus (tools/tokenizer/make_error_reference.py), same format.
add_test(NAME tokenizer.errors
         COMMAND tokenizer_errors ${CMAKE_CURRENT_SOURCE_DIR}/data/tokenizer/errors.tsv
                 ${CMAKE_CURRENT_SOURCE_DIR}/data/tokenizer/syntax_errors_known_mismatches.txt)
