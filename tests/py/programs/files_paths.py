import os, pathlib, tempfile, shutil, glob, fnmatch, filecmp, zipfile, tarfile, io
from pathlib import Path, PurePosixPath, PureWindowsPath
p = PurePosixPath("/usr/local/lib/python3.14/site-packages/pkg/module.tar.gz")
print(p.name, p.stem, p.suffix, p.suffixes, p.parent, p.parts[:3], p.anchor)
print(p.with_suffix(".zip"), p.with_name("x.py"), p.relative_to("/usr/local"), p.is_relative_to("/opt"))
print(PurePosixPath("a/b") / "c" / "../d", PurePosixPath("a//b/./c"), PureWindowsPath(r"C:\Users\x\file.txt").parts)
print(PurePosixPath("/a/b").joinpath("c", "d"), list(PurePosixPath("/a/b/c").parents), PurePosixPath("x.py").match("*.py"))
print(PurePosixPath("a/b.txt").with_stem("c"), PurePosixPath("/").name == "", repr(PurePosixPath("a")))
with tempfile.TemporaryDirectory() as d:
    root = Path(d)
    (root / "src" / "pkg").mkdir(parents=True)
    (root / "src" / "pkg" / "__init__.py").write_text("x = 1\n")
    (root / "src" / "pkg" / "mod.py").write_text("def f():\n    return 2\n", encoding="utf-8")
    (root / "data.bin").write_bytes(bytes(range(10)))
    (root / "notes.txt").write_text("alpha\nbeta\ngamma\n")
    print(sorted(str(q.relative_to(root)) for q in root.rglob("*")))
    print(sorted(q.name for q in root.glob("**/*.py")), sorted(os.listdir(root)))
    print((root / "notes.txt").read_text().splitlines(), (root / "data.bin").stat().st_size)
    print((root / "src").is_dir(), (root / "nope").exists(), (root / "notes.txt").is_file())
    with open(root / "notes.txt", "a") as f:
        f.write("delta\n")
    with open(root / "notes.txt") as f:
        print([line.rstrip() for line in f])
    shutil.copytree(root / "src", root / "copy")
    shutil.copy(root / "notes.txt", root / "copy" / "n2.txt")
    print(sorted(p.name for p in (root / "copy").iterdir()))
    print(filecmp.cmp(root / "notes.txt", root / "copy" / "n2.txt"))
    (root / "copy" / "n2.txt").rename(root / "copy" / "n3.txt")
    shutil.rmtree(root / "copy" / "pkg")
    print(sorted(os.listdir(root / "copy")))
    for dirpath, dirnames, filenames in sorted(os.walk(root)):
        print(os.path.relpath(dirpath, root), sorted(dirnames), sorted(filenames))
    old = os.getcwd()
    os.chdir(root)
    print(sorted(glob.glob("*.txt")), sorted(glob.glob("src/**/*.py", recursive=True)))
    os.chdir(old)
    print(fnmatch.filter(["a.py", "b.txt", "c.py"], "*.py"), fnmatch.fnmatch("Data.TXT", "*.txt"))
    zpath = root / "arch.zip"
    with zipfile.ZipFile(zpath, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.txt", "hello " * 100)
        z.write(root / "notes.txt", arcname="dir/notes.txt")
    with zipfile.ZipFile(zpath) as z:
        print(z.namelist(), [i.file_size for i in z.infolist()], z.read("a.txt")[:11], z.testzip())
    tpath = root / "arch.tar.gz"
    with tarfile.open(tpath, "w:gz") as t:
        t.add(root / "src", arcname="src")
    with tarfile.open(tpath) as t:
        print(sorted(t.getnames()), t.extractfile("src/pkg/mod.py").read())
    try:
        (root / "missing.txt").read_text()
    except FileNotFoundError as e:
        print(type(e).__name__, e.strerror, os.path.basename(e.filename))
    try:
        os.mkdir(root / "src")
    except FileExistsError as e:
        print(type(e).__name__, e.strerror)
    with tempfile.NamedTemporaryFile("w+", suffix=".log", dir=root, delete=False) as tf:
        tf.write("temp")
        name = tf.name
    print(Path(name).suffix, Path(name).read_text(), Path(name).parent == root)
    print(shutil.disk_usage(root).total > 0, os.path.getsize(root / "data.bin"))
print(os.path.join("a", "b", "/c"), os.path.splitext("x.tar.gz"), os.path.split("/a/b/"), os.path.normpath("a/./b/../c"))
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.commonpath(["/usr/lib", "/usr/local"]), os.path.basename("/x/y.z"))
print(os.path.isabs("/x"), os.path.dirname("a/b/c"), os.sep, os.extsep, os.path.expanduser("~") != "~")
