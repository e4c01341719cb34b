# PYTHONMALLOC and -X dev (Python/preconfig.c, Objects/obmalloc.c): which allocator names are
# accepted, the fatal error for an unknown one, and the layout of sys._debugmallocstats() for
# pymalloc with its numbers masked (they depend on each interpreter's own allocations).
import os
import re
import subprocess
import sys


def run(args, **env):
    e = dict(os.environ)
    e.pop("PYTHONMALLOC", None)
    e.pop("PYTHONDEVMODE", None)
    e.update(env)
    p = subprocess.run([sys.executable, *args], env=e, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


for name in ["foo", "Malloc", "malloc ", "pymalloc,debug"]:
    rc, out, err = run(["-c", "print('ran')"], PYTHONMALLOC=name)
    print(repr(name), rc, repr(out), err.splitlines())
print("-E:", run(["-E", "-c", "print('ran')"], PYTHONMALLOC="foo"))
print("-I:", run(["-I", "-c", "print('ran')"], PYTHONMALLOC="foo"))
print("empty:", run(["-c", "print('ran')"], PYTHONMALLOC=""))

WORK = ("import sys\n"
        "d = {str(i): [i, (i,), {i: i}] for i in range(20000)}\n"
        "s = bytearray()\n"
        "for i in range(3000): s += b'x' * i; del s[:i // 2]\n"
        "print(len(d), len(s), sys.flags.dev_mode)\n")
for name in ["malloc", "pymalloc", "debug", "malloc_debug", "pymalloc_debug", "default"]:
    print(name, run(["-c", WORK], PYTHONMALLOC=name))
print("-X dev:", run(["-X", "dev", "-c", WORK]))
print("PYTHONDEVMODE:", run(["-c", WORK], PYTHONDEVMODE="1"))
print("-X dev, malloc:", run(["-X", "dev", "-c", WORK], PYTHONMALLOC="malloc"))


def pymalloc_part(err):
    # Up to the first free-list line ("N free ...").
    lines = err.splitlines()
    end = next((i for i, l in enumerate(lines) if " free " in l), len(lines))
    return lines[:end]


def shape(lines):
    """Each line with its counts masked; the class table's rows (one per size class in use)
    become one ROW line once their column widths are checked. The bytes accounted for must
    add up to the arenas' size."""
    out = []
    values = {}
    for line in lines:
        if re.fullmatch(r"[ 0-9]{5} [ 0-9]{6} [ 0-9]{11} [ 0-9]{15} [ 0-9]{13}", line):
            if out[-1] != "ROW":
                out.append("ROW")
            continue
        m = re.fullmatch(r"(.{35,})=( *[0-9,]+)", line)
        if m:
            # printone: the label padded to 35 columns, the value right-aligned in 21.
            label = re.sub(r"^[0-9]+", "N", m.group(1).rstrip())
            values.setdefault(label, int(m.group(2).replace(",", "")))
            out.append("%s = N%s" % (label, "" if len(m.group(2)) == 21 else " BAD"))
            continue
        out.append(line)
    if values:
        arenas = values["N arenas * 1048576 bytes/arena"]
        print("    accounted:", values["Total"] == arenas,
              values["# arenas allocated current"] * 1048576 == arenas)
    return out


STATS = "import sys; x = [str(i) * 3 for i in range(5000)]; sys._debugmallocstats()"
for name in [None, "pymalloc", "debug", "malloc", "malloc_debug"]:
    env = {"PYTHONMALLOC": name} if name else {}
    rc, out, err = run(["-c", STATS], **env)
    part = pymalloc_part(err)
    print(name, rc, repr(out), len(part) > 0)
    for line in shape(part):
        print("   ", line)
    # The free-list lines: "%48s " labels then the value in 21 columns.
    rest = err.splitlines()[len(part):]
    print("    free lists:", len(rest) > 0,
          all(re.fullmatch(r" *[0-9]+ free [ -~]+ bytes each = {0,20}[0-9,]+", l) and
              len(l.rsplit("=", 1)[1]) == 21 for l in rest))
