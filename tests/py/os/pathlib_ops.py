# pathlib.Path over a private temporary directory: creation, reading and writing, iteration,
# glob and rglob, stat, renames, unlink, and the exceptions.
import os
import pathlib
import tempfile

base = pathlib.Path(tempfile.mkdtemp())
os.chdir(base)
p = pathlib.Path("pkg")
(p / "sub" / "deep").mkdir(parents=True)
(p / "sub" / "deep").mkdir(parents=True, exist_ok=True)
print((p / "a.py").write_text("print('a')\n"), (p / "b.txt").write_bytes(b"\x00\x01"))
(p / "sub" / "c.py").touch()
(p / "sub" / "deep" / "d.py").write_text("d")
print((p / "a.py").read_text(), (p / "b.txt").read_bytes())
print(sorted(x.name for x in p.iterdir()))
print(sorted(str(x) for x in p.glob("*.py")))
print(sorted(str(x) for x in p.rglob("*.py")))
print(sorted(str(x) for x in p.glob("**/*.py")))
print(sorted(str(x) for x in p.glob("sub/*")))
print(sorted(str(x) for x in pathlib.Path(".").glob("*/sub")))
print(p.exists(), p.is_dir(), p.is_file(), (p / "a.py").is_file(), (p / "zz").exists())
print((p / "a.py").stat().st_size, (p / "sub" / "c.py").stat().st_size)
print(p.resolve() == base.resolve() / "pkg", p.absolute().relative_to(base.absolute()))
(p / "a.py").rename(p / "renamed.py")
print(sorted(x.name for x in p.iterdir()))
(p / "renamed.py").replace(p / "sub" / "moved.py")
print(sorted(x.name for x in (p / "sub").iterdir()))
(p / "b.txt").unlink()
(p / "b.txt").unlink(missing_ok=True)
try:
    (p / "b.txt").unlink()
except FileNotFoundError as e:
    print(type(e).__name__, e.filename, e.strerror)
try:
    p.mkdir()
except FileExistsError as e:
    print(type(e).__name__, e.filename)
try:
    (p / "sub").rmdir()
except OSError as e:
    print(type(e).__name__, e.filename, e.strerror)
(p / "lnk").symlink_to("sub")
print((p / "lnk").is_symlink(), (p / "lnk").is_dir(), (p / "lnk").readlink())
print(sorted(x.name for x in (p / "lnk").iterdir()))
print(list(p.walk())[0][0], sorted(list(p.walk())[0][1]))
with (p / "e.txt").open("w") as f:
    f.write("line1\nline2\n")
print((p / "e.txt").read_text().splitlines())
print(os.path.getsize(p / "e.txt"), os.fspath(p / "e.txt"))
print(pathlib.Path.cwd() == base.resolve() or pathlib.Path.cwd() == base)
os.chdir("/")
import shutil
shutil.rmtree(base)
print(base.exists())
