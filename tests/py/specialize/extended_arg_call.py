# A CALL whose oparg needs EXTENDED_ARG (300 arguments): the caller must resume after the
# CALL's caches when the Python callee returns (frame->instr_ptr must point at the CALL).
import opcode


def f(*a):
    return len(a)


class K:
    def __init__(self, *a):
        self.n = len(a)


def template():
    pass


def build(nargs, name):
    code = []

    def emit(op, arg=0):
        if arg > 0xFF:
            code.extend([opcode.opmap["EXTENDED_ARG"], arg >> 8])
            code.extend([0, 0] * opcode._inline_cache_entries.get("EXTENDED_ARG", 0))
        code.extend([opcode.opmap[op], arg & 0xFF])
        code.extend([0, 0] * opcode._inline_cache_entries.get(op, 0))

    emit("RESUME", 0)
    emit("LOAD_GLOBAL", 1)  # the callable and a NULL
    for i in range(nargs):
        emit("LOAD_SMALL_INT", i % 200)
    emit("CALL", nargs)
    emit("LOAD_SMALL_INT", 7)
    emit("BUILD_TUPLE", 2)
    emit("RETURN_VALUE")
    co = template.__code__.replace(co_code=bytes(code), co_names=(name,),
                                   co_stacksize=nargs + 4, co_linetable=b"")
    return type(template)(co, globals())


g = build(300, "f")
h = build(260, "K")
for _ in range(5):
    print(g(), h()[0].n, h()[1])
