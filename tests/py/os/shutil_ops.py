# shutil over a private temporary directory: copies (contents, modes, trees), moves, rmtree
# with an error handler, which, and disk_usage's shape.
import os
import shutil
import stat
import tempfile

base = tempfile.mkdtemp()
os.chdir(base)
os.makedirs("src/inner")
with open("src/a.txt", "w") as f:
    f.write("alpha\n" * 100)
with open("src/inner/b.bin", "wb") as f:
    f.write(bytes(range(256)) * 40)
os.chmod("src/a.txt", 0o640)

print(shutil.copyfile("src/a.txt", "copy.txt"))
print(shutil.copy("src/a.txt", "copy2.txt"), oct(stat.S_IMODE(os.stat("copy2.txt").st_mode)))
os.utime("src/a.txt", (1234567, 7654321))
print(shutil.copy2("src/a.txt", "copy3.txt"), os.stat("copy3.txt").st_mtime)
os.mkdir("dest")
print(shutil.copy("src/a.txt", "dest"))
with open("copy.txt") as f:
    print(len(f.read()))
try:
    shutil.copyfile("src/a.txt", "src/a.txt")
except shutil.SameFileError as e:
    print(type(e).__name__, e)
try:
    shutil.copyfile("missing", "x")
except FileNotFoundError as e:
    print(e.filename, e.strerror)

print(shutil.copytree("src", "tree"))
for root, dirs, files in sorted(os.walk("tree")):
    print(root, sorted(dirs), sorted((n, os.path.getsize(os.path.join(root, n))) for n in files))
try:
    shutil.copytree("src", "tree")
except FileExistsError as e:
    print(e.filename, e.strerror)
shutil.copytree("src", "tree", dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.bin"))
shutil.copytree("src", "tree2", ignore=shutil.ignore_patterns("*.bin"))
print(sorted(os.listdir("tree2/inner")))

print(shutil.move("copy2.txt", "moved.txt"), os.path.exists("copy2.txt"))
print(shutil.move("tree2", "dest"), sorted(os.listdir("dest")))
print(shutil.move("moved.txt", "dest"), sorted(os.listdir("dest")))

shutil.rmtree("tree")
print(os.path.exists("tree"))
errors = []
shutil.rmtree("missing", onexc=lambda f, p, e: errors.append((f.__name__, p, type(e).__name__)))
print(errors)
shutil.rmtree("missing", ignore_errors=True)
try:
    shutil.rmtree("copy.txt")
except NotADirectoryError as e:
    print(type(e).__name__, e.filename)

usage = shutil.disk_usage(".")
print(type(usage).__name__, usage._fields, all(v >= 0 for v in usage))
print(shutil.which("definitely-not-a-command-xyz"))
with open("tool", "w") as f:
    f.write("#!/bin/sh\n")
os.chmod("tool", 0o755)
print(shutil.which("tool", path=".") == os.path.join(".", "tool"))
print(shutil.get_terminal_size((33, 44)) is not None)

os.chdir("/")
shutil.rmtree(base)
print(os.path.exists(base))
