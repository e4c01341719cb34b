# contextvars: variables, tokens, contexts, copy and run.
import contextvars

v = contextvars.ContextVar("v", default=0)
w = contextvars.ContextVar("w")
print(v.name, v.get(), w.get(None))
try:
    w.get()
except LookupError:
    print("LookupError")

t = v.set(1)
print(v.get(), t.var is v, t.old_value is contextvars.Token.MISSING)
ctx = contextvars.copy_context()

def inside(n):
    v.set(n)
    w.set("in")
    return v.get(), w.get(), len(contextvars.copy_context())

print(ctx.run(inside, 42), v.get(), ctx[v], ctx[w], len(ctx))
print(sorted(var.name for var in ctx), sorted(ctx.values(), key=str))
v.reset(t)
print(v.get())
try:
    v.reset(t)
except RuntimeError as e:
    print("RuntimeError:", str(e).split(" var=")[0])
with v.set(7):
    print("with", v.get())
print("after", v.get())

vars_ = [contextvars.ContextVar(f"x{i}") for i in range(40)]
c = contextvars.Context()
def fill():
    for i, var in enumerate(vars_):
        var.set(i)
c.run(fill)
print(len(c), sum(c.values()), c.get(vars_[5]), vars_[5] in c, c == c.copy())
try:
    ctx.run(ctx.run, print)
except RuntimeError as e:
    print("RuntimeError:", str(e).split(":")[0])
