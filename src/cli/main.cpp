// The `cppy` executable: Programs/python.c, whose main() is Py_BytesMain (embed::run_main).
#include "embed/embed.h"

int main(int argc, char** argv) { return cppy::embed::run_main(argc, argv); }
