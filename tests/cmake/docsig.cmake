# The generated table of builtin docs and signatures agrees with its generator (tools/docsig).
add_test(NAME objects.docsig_generator
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/docsig/gen_docsig.py --check)
