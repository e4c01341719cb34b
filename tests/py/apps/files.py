import io
import os
import pathlib
import shutil
import tarfile
import tempfile
import zipfile
import fnmatch
import glob
import filecmp
import hashlib

with tempfile.TemporaryDirectory(prefix="e2e") as tmp:
    root = pathlib.Path(tmp)
    rel = lambda p: pathlib.Path(p).relative_to(root).as_posix()
    (root / "src" / "pkg").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "src" / "pkg" / "__init__.py").write_text("VERSION = '1.0'\n")
    (root / "src" / "pkg" / "core.py").write_text("def f():\n    return 42\n" * 3)
    (root / "docs" / "index.md").write_text("# Title\n\nSome text ü\n", encoding="utf-8")
    (root / "data.bin").write_bytes(bytes(range(256)) * 4)
    (root / "README").write_text("readme\n")
    print(sorted(rel(p) for p in root.rglob("*")))
    print(sorted(rel(p) for p in root.glob("**/*.py")), sorted(p.name for p in root.iterdir()))
    p = root / "src" / "pkg" / "core.py"
    print(p.name, p.stem, p.suffix, p.parent.name, rel(p.with_suffix(".txt")), p.with_name("x.py").name)
    print(p.stat().st_size, p.is_file(), p.parent.is_dir(), p.exists(), (root / "nope").exists())
    print(p.read_text().count("\n"), p.read_text().splitlines()[0], (root / "docs/index.md").read_bytes()[-5:])
    print(pathlib.PurePosixPath("/a/b/../c.tar.gz").suffixes, pathlib.PurePosixPath("a/b").parts,
          pathlib.PurePosixPath("/x").joinpath("y", "z"), pathlib.PurePosixPath("a/b/c").relative_to("a"),
          pathlib.PurePosixPath("a/b.py").match("*.py"), pathlib.PurePosixPath("a/b").full_match("a/*"),
          pathlib.PureWindowsPath(r"C:\Users\x\f.txt").parts, pathlib.PurePosixPath("/a/b").is_relative_to("/a"))
    with p.open("a") as fh:
        fh.write("# appended\n")
    print(p.read_text().splitlines()[-1])
    for dirpath, dirnames, filenames in sorted(os.walk(root)):
        dirnames.sort()
        print(" walk", rel(dirpath) if dirpath != tmp else ".", sorted(dirnames), sorted(filenames))
    print(sorted(rel(x) for x in root.walk() and [d for d, _, _ in root.walk()]))
    shutil.copytree(root / "src", root / "backup", ignore=shutil.ignore_patterns("__init__*"))
    print(sorted(rel(p) for p in (root / "backup").rglob("*")))
    shutil.copy2(root / "README", root / "README.bak")
    shutil.move(root / "README.bak", root / "docs" / "README.old")
    print(sorted(os.listdir(root / "docs")), filecmp.cmp(root / "README", root / "docs" / "README.old"))
    shutil.rmtree(root / "backup")
    print((root / "backup").exists(), fnmatch.filter(["a.py", "b.txt", "c.PY"], "*.py"), fnmatch.translate("*.p?"))
    os.chdir(root)
    print(sorted(glob.glob("**/*.md", recursive=True)), sorted(glob.glob("src/*/*.py")), glob.escape("a[b]*"))

    zpath = root / "bundle.zip"
    with zipfile.ZipFile(zpath, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for f in sorted(root.rglob("*")):
            if f.is_file() and f != zpath:
                zf.write(f, arcname=rel(f))
        zf.writestr("extra/note.txt", "hello zip\n" * 10)
        zf.writestr(zipfile.ZipInfo("stored.txt", date_time=(2020, 1, 2, 3, 4, 6)), b"stored", compress_type=zipfile.ZIP_STORED)
    with zipfile.ZipFile(zpath) as zf:
        for info in zf.infolist():
            print(" zip", info.filename, info.file_size, info.compress_type, info.is_dir())
        print(zf.read("extra/note.txt")[:9], zf.testzip(), zf.getinfo("stored.txt").date_time)
        zf.extractall(root / "unz")
        print(zipfile.Path(zf, "src/pkg/").is_dir(), [x.name for x in zipfile.Path(zf, "src/pkg/").iterdir()])
    print(sorted(rel(p) for p in (root / "unz").rglob("*.py")), zipfile.is_zipfile(zpath), zipfile.is_zipfile(root / "README"))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "a") as zf:
        zf.writestr("m.txt", "in memory")
    print(zipfile.ZipFile(io.BytesIO(buf.getvalue())).namelist())
    try:
        zipfile.ZipFile(root / "README")
    except zipfile.BadZipFile as e:
        print("BadZipFile:", e)

    for mode in ("w", "w:gz", "w:bz2", "w:xz"):
        tpath = root / f"a.tar{mode[2:] and '.' + mode[2:]}"
        with tarfile.open(tpath, mode) as tf:
            tf.add(root / "src", arcname="src", filter=lambda ti: (setattr(ti, "mtime", 0) or setattr(ti, "uid", 0) or setattr(ti, "gid", 0) or setattr(ti, "uname", "") or setattr(ti, "gname", "") or ti))
            data = b"hello tar"
            ti = tarfile.TarInfo("mem/hello.txt")
            ti.size = len(data)
            ti.mtime = 0
            tf.addfile(ti, io.BytesIO(data))
        with tarfile.open(tpath) as tf:
            names = tf.getnames()
            print(" tar", mode, sorted(names), tf.extractfile("mem/hello.txt").read())
            tf.extractall(root / "untar", filter="data")
    print(sorted(rel(p) for p in (root / "untar").rglob("*")))
    print(tarfile.is_tarfile(root / "a.tar.gz"), tarfile.is_tarfile(root / "README"))
    h = hashlib.sha256()
    with open(root / "data.bin", "rb") as fh:
        for chunk in iter(lambda: fh.read(100), b""):
            h.update(chunk)
    print(h.hexdigest()[:16], hashlib.md5(b"x").hexdigest(), hashlib.file_digest(open(root / "data.bin", "rb"), "sha1").hexdigest()[:10])
    with tempfile.NamedTemporaryFile("w+", dir=root, suffix=".tmp", delete=False) as nt:
        nt.write("temp data")
        name = pathlib.Path(nt.name)
    print(name.suffix, name.parent == root, name.read_text())
    with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as sp:
        sp.write("short")
        print(sp._rolled)
        sp.write(" now longer than ten")
        print(sp._rolled)
        sp.seek(0)
        print(sp.read())
    try:
        (root / "missing.txt").read_text()
    except FileNotFoundError as e:
        print("FileNotFoundError:", e.strerror, pathlib.Path(e.filename).name)
    try:
        os.mkdir(root / "docs")
    except FileExistsError as e:
        print("FileExistsError:", e.strerror)
    try:
        shutil.rmtree(root / "nothere")
    except OSError as e:
        print(type(e).__name__, e.strerror)
    (root / "link").symlink_to(root / "README")
    print((root / "link").is_symlink(), (root / "link").resolve() == (root / "README").resolve(), (root / "link").read_text())
    usage = shutil.disk_usage(root)
    print(usage.total > 0, shutil.which("definitely-not-a-cmd"))
    os.chdir("/")
print(os.path.exists(tmp))
print(os.path.join("a", "b", "/c"), os.path.splitext("x.tar.gz"), os.path.normpath("a//b/../c/."), os.path.basename("/x/y/"), os.path.commonpath(["/a/b/c", "/a/b/d"]))
