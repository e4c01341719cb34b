"""ContextVar and Token are generic (PEP 585 __class_getitem__, Python/context.c)."""
import _contextvars
import contextvars

print(contextvars.ContextVar[int], contextvars.Token[str])
print(type(contextvars.ContextVar[int]).__name__, contextvars.ContextVar[int].__args__)
print(list(vars(_contextvars.Token)))
print(list(vars(_contextvars.ContextVar)))
for t in (_contextvars.ContextVar, _contextvars.Token):
    m = vars(t)["__class_getitem__"]
    print(type(m).__name__, m.__doc__, m.__text_signature__)
v = contextvars.ContextVar("v", default=1)
alias = contextvars.ContextVar[int]
print(alias.__origin__ is contextvars.ContextVar, isinstance(v, contextvars.ContextVar))
try:
    alias("w", 1, 2)
except TypeError as e:
    print("TypeError", e)
w = alias("w", default=5)
print(type(w).__name__, w.get(), w.name)
t = v.set(2)
try:
    hash(t)
except TypeError as e:
    print("TypeError", e)
print(repr(vars(_contextvars.Token)["__hash__"]), t == t, t != t)
