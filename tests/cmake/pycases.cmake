# tests/data/compile/dis_corpus.expected is the reference's disassembly of the current
# tests/data/compile/dis_corpus.py (tools/parity/make_dis_reference.py records the corpus digest).
add_test(NAME compile.dis_corpus_reference
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/parity/make_dis_reference.py --check)
