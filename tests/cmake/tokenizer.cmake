# The tokenizer (src/parser/lexer*, token_gen*): generated files and parity with CPython 3.14.

# token_gen.{h,cpp} are what tools/tokens/gen_tokens.py makes of src/parser/Tokens, and the
# kinds agree with the installed standard library's token.py.
add_test(NAME tokenizer.gen_tokens
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/tokens/gen_tokens.py --check
                 --token-py ${CMAKE_BINARY_DIR}/lib/python3.14/token.py)
