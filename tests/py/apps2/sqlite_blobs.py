"""Storing images in SQLite and editing them in place with incremental BLOB I/O."""
import os
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE images (id INTEGER PRIMARY KEY, name TEXT, data BLOB)")
con.execute("INSERT INTO images (name, data) VALUES ('header', zeroblob(16))")
con.execute("INSERT INTO images (name, data) VALUES ('logo', ?)", (bytes(range(32)),))
con.commit()
print(sqlite3.Blob, sqlite3.Blob.__module__ if hasattr(sqlite3.Blob, "__module__") else "")

with con.blobopen("images", "data", 1) as blob:
    print(type(blob).__name__, len(blob), blob.tell())
    blob.write(b"PNG\x00")
    print(blob.tell(), blob.read(4), blob.tell())
    blob.seek(-2, os.SEEK_END)
    blob.write(b"ZZ")
    blob.seek(0)
    print(blob.read())
    blob.seek(4, os.SEEK_SET)
    blob.seek(2, os.SEEK_CUR)
    print(blob.tell(), blob[0], blob[-1], blob[1:4], blob[::4], blob[-3:])
    blob[5] = 255
    blob[8:12] = b"abcd"
    blob[0:8:2] = b"wxyz"
    print(blob[:], blob.read(3), blob.read(100), blob.read(), blob.read(-1))
    for bad, exc_type in [(lambda: blob.seek(17), ValueError), (lambda: blob.seek(-1), ValueError),
                          (lambda: blob.seek(0, 7), ValueError), (lambda: blob.write(b"x" * 40), ValueError),
                          (lambda: blob[16], IndexError), (lambda: blob["a"], TypeError),
                          (lambda: blob.__setitem__(0, 256), ValueError), (lambda: blob.__setitem__(0, "a"), TypeError),
                          (lambda: blob.__setitem__(slice(0, 3), b"ab"), IndexError),
                          (lambda: blob.__delitem__(0), TypeError), (lambda: blob.__delitem__(slice(0, 1)), TypeError),
                          (lambda: blob.seek(2 ** 31 - 1, os.SEEK_END), OverflowError)]:
        try:
            bad()
            print("no error?")
        except exc_type as exc:
            print(type(exc).__name__, exc)
print(con.execute("SELECT data FROM images WHERE id = 1").fetchone())
try:
    blob.read()
except sqlite3.ProgrammingError as exc:
    print("ProgrammingError:", exc)

ro = con.blobopen("images", "data", 2, readonly=True)
print(len(ro), ro.read(5))
try:
    ro.write(b"x")
except sqlite3.OperationalError as exc:
    print("OperationalError:", exc)
ro.close()
ro.close()
for args, kwargs in [(("images", "data", 99), {}), (("nope", "data", 1), {}), (("images", "nothing", 1), {}),
                     (("images", "data", 1), {"name": "other"}), (("images", "data", "1"), {}),
                     (("images", "data", 2 ** 70), {})]:
    try:
        con.blobopen(*args, **kwargs)
    except (sqlite3.Error, TypeError, OverflowError) as exc:
        print(type(exc).__name__, exc)
b2 = con.blobopen("images", "data", 2)
con.close()
try:
    b2.read()
except sqlite3.ProgrammingError as exc:
    print("ProgrammingError:", exc)
try:
    sqlite3.Blob()
except TypeError as exc:
    print("TypeError:", exc)
