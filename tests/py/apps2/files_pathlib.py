"""A backup tool over a temporary tree: pathlib, tempfile, shutil, glob, fnmatch, os.walk."""
import fnmatch
import glob
import hashlib
import io
import os
import shutil
import stat
import tempfile
import zipfile
import tarfile
from pathlib import Path, PurePosixPath, PureWindowsPath

root = Path(tempfile.mkdtemp(prefix="backup-"))
src = root / "src"
(src / "docs" / "old").mkdir(parents=True)
(src / "img").mkdir()
files = {
    "README.md": "# Project\n\nHello.\n",
    "docs/guide.txt": "line 1\nline 2\n" * 5,
    "docs/old/notes.txt": "obsolete\n",
    "docs/todo.md": "- [ ] write\n- [x] read\n",
    "img/logo.png": bytes(range(256)) * 4,
    "setup.cfg": "[meta]\nname = demo\n",
}
for rel, content in files.items():
    p = src / rel
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")


def rel(p):
    return p.relative_to(root).as_posix()


print(sorted(rel(p) for p in src.rglob("*")))
print(sorted(rel(p) for p in src.glob("**/*.md")))
print(sorted(rel(p) for p in src.glob("*/*.txt")), sorted(rel(p) for p in src.glob("docs/**")))
print(sorted(os.path.relpath(p, root) for p in glob.glob(str(src / "**" / "*.txt"), recursive=True)))
print(sorted(glob.glob("*.md", root_dir=src)), glob.escape("a[b]*?.txt"))
print(fnmatch.filter(["a.py", "b.PY", "c.txt", "d.pyc"], "*.py"), fnmatch.fnmatch("X.TXT", "*.txt"),
      fnmatch.translate("*.[ch]"))
for dirpath, dirnames, filenames in sorted(os.walk(src)):
    dirnames.sort()
    print(os.path.relpath(dirpath, root), dirnames, sorted(filenames))
walked = [(rel(d), sorted(f)) for d, _, f in src.walk(top_down=False)]
# Children come before their parent; siblings in directory order, which depends on the file system.
print(walked[-1], sorted(walked[:-1]), walked.index(("src/docs/old", ["notes.txt"])) < walked.index(("src/docs", ["guide.txt", "todo.md"])))


def digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(64), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


manifest = {rel(p): (p.stat().st_size, digest(p)) for p in sorted(src.rglob("*")) if p.is_file()}
for k, v in manifest.items():
    print(f"{k:<24} {v[0]:>6} {v[1]}")

dst = root / "dst"
shutil.copytree(src, dst, ignore=shutil.ignore_patterns("old", "*.png"))
print(sorted(rel(p) for p in dst.rglob("*")))
try:
    shutil.copytree(src, dst)
except FileExistsError as exc:
    print("FileExistsError", __import__("errno").errorcode[exc.errno], Path(exc.filename).name)
shutil.copytree(src / "img", dst / "img", dirs_exist_ok=True)
shutil.copy2(src / "README.md", dst / "README.copy")
shutil.move(dst / "README.copy", dst / "docs")
print(sorted(rel(p) for p in dst.rglob("*")))
(dst / "setup.cfg").unlink()
try:
    (dst / "setup.cfg").unlink()
except FileNotFoundError as exc:
    print("unlink:", exc.strerror)
(dst / "setup.cfg").unlink(missing_ok=True)
try:
    (dst / "docs").rmdir()
except OSError as exc:
    print("rmdir:", type(exc).__name__, exc.strerror)

p = dst / "docs" / "guide.txt"
print(p.name, p.stem, p.suffix, p.suffixes, p.parent.name, [x.name for x in p.parents][:2])
print(p.with_suffix(".rst").name, p.with_stem("manual").name, p.with_name("x.y.z").suffixes)
print(p.read_text().count("\n"), len(p.read_bytes()), p.exists(), p.is_dir(), p.is_symlink())
with p.open("a") as f:
    f.write("appended\n")
print(p.read_text().splitlines()[-2:])
link = dst / "link-to-guide"
link.symlink_to(p)
print(link.is_symlink(), link.resolve() == p.resolve(), link.readlink() == p, link.read_text()[:6])
os.chmod(p, 0o640)
print(oct(stat.S_IMODE(p.stat().st_mode)), stat.filemode(p.stat().st_mode), stat.S_ISREG(p.stat().st_mode))
p.touch()
(dst / "new").mkdir(exist_ok=True)
try:
    (dst / "new").mkdir()
except FileExistsError:
    print("mkdir: exists")
print(Path("a/b/../c").parts, PurePosixPath("/etc/passwd").is_absolute(), PurePosixPath("x") / "y" / "/z",
      PureWindowsPath(r"C:\Users\me\file.TXT").suffix, PureWindowsPath("c:/a/b").drive,
      PurePosixPath("/a/b/c.tar.gz").match("*.gz"), PurePosixPath("/a/b").full_match("/a/*"),
      PurePosixPath("a/b/c").relative_to("a"), PurePosixPath("a/b").is_relative_to("b"))
try:
    PurePosixPath("a/b").relative_to("c")
except ValueError as exc:
    print("relative_to:", exc)
print(PurePosixPath("/x/./y//z/").as_posix(), os.path.normpath("/x/./y/../z/"), os.path.splitext("a.b/c"),
      os.path.split("/a/b/"), os.path.commonpath(["/a/b/c", "/a/b/d"]), os.path.join("a", "/b", "c"),
      os.path.basename("/a/b.txt"), os.path.expanduser("~x/y") , os.path.isabs("a/b"))

archive = shutil.make_archive(str(root / "bk"), "zip", root_dir=src)
with zipfile.ZipFile(archive) as z:
    print(sorted(z.namelist()), z.read("docs/todo.md").decode().splitlines())
    info = z.getinfo("img/logo.png")
    print(info.file_size, info.compress_type)
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w:gz") as tar:
    tar.add(src / "docs", arcname="docs")
buf.seek(0)
with tarfile.open(fileobj=buf, mode="r:gz") as tar:
    print(sorted(m.name for m in tar.getmembers()), [m.isdir() for m in sorted(tar.getmembers(), key=lambda m: m.name)])
    tar.extractall(root / "restored", filter="data")
print(sorted(rel(p) for p in (root / "restored").rglob("*")))
usage = shutil.disk_usage(root)
print(usage.total >= usage.used, shutil.which("definitely-not-a-command-xyz"))
with tempfile.TemporaryDirectory() as tmp:
    with tempfile.NamedTemporaryFile("w+", dir=tmp, suffix=".log", delete=False) as f:
        f.write("temp data")
        name = f.name
    print(os.path.basename(name).endswith(".log"), Path(name).read_text(), os.path.dirname(name) == tmp)
    with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as sp:
        sp.write("short")
        print("rolled:", sp._rolled)
        sp.write(" and now longer")
        print("rolled:", sp._rolled)
        sp.seek(0)
        print(sp.read())
print(os.path.exists(tmp))
shutil.rmtree(root)
print(root.exists())
try:
    shutil.rmtree(root)
except FileNotFoundError as exc:
    print("rmtree:", exc.strerror)
shutil.rmtree(root, ignore_errors=True)
