# LOAD_GLOBAL specialisations (module and builtin) and their deoptimisation: globals rebound,
# deleted and shadowing builtins, builtins replaced, a function run with other globals.
import builtins

counter = 0


def read_counter():
    return counter


def use_len(x):
    return len(x)


results = []
for i in range(200):
    if i == 50:
        counter = 10          # value changes, keys stay: the same entry
    if i == 100:
        globals()["other"] = 1  # new key: the keys version changes
    if i == 150:
        del globals()["other"]
    results.append(read_counter())
    counter += 1
print(results[0], results[49], results[50], results[100], results[150], results[-1])

original_len = len
lens = []
for i in range(200):
    if i == 60:
        len = lambda x: -1      # a global shadows the builtin
    if i == 120:
        del len                 # the builtin again
    if i == 160:
        builtins.len = lambda x: 99
    lens.append(use_len("abc"))
del builtins.len
try:
    use_len("abc")
except NameError as e:
    print("NameError:", e)
builtins.len = original_len
print(lens[0], lens[59], lens[60], lens[119], lens[120], lens[159], lens[160], lens[-1])

# One code object, two globals dicts.
src = "def f():\n    return value\n"
ns1 = {"value": "one"}
ns2 = {"value": "two"}
exec(src, ns1)
exec(src, ns2)
g = ns1["f"]
out = []
for i in range(120):
    out.append(g())
    if i == 60:
        g = ns2["f"]
print(out[0], out[60], out[61], out[-1])


def missing():
    return not_defined_yet


for i in range(70):
    try:
        missing()
    except NameError:
        pass
not_defined_yet = "now defined"
print(missing())
