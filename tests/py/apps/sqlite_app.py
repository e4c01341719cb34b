import sqlite3
from datetime import date

con = sqlite3.connect(":memory:")
con.row_factory = sqlite3.Row
cur = con.cursor()
cur.executescript("""
CREATE TABLE author(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, born INTEGER);
CREATE TABLE book(id INTEGER PRIMARY KEY, title TEXT, author_id INTEGER REFERENCES author(id),
                  year INTEGER, price REAL, tags TEXT);
CREATE INDEX book_year ON book(year);
""")
authors = [("Tolkien", 1892), ("Austen", 1775), ("Orwell", 1903), ("Le Guin", 1929)]
cur.executemany("INSERT INTO author(name, born) VALUES (?, ?)", authors)
books = [("The Hobbit", 1, 1937, 8.99, "fantasy,classic"), ("LOTR", 1, 1954, 25.5, "fantasy"),
         ("Emma", 2, 1815, 5.0, "romance"), ("Persuasion", 2, 1817, 4.5, None),
         ("1984", 3, 1949, 9.99, "dystopia,classic"), ("Animal Farm", 3, 1945, 7.25, "satire"),
         ("Earthsea", 4, 1968, 11.0, "fantasy")]
cur.executemany("INSERT INTO book(title, author_id, year, price, tags) VALUES (?,?,?,?,?)", books)
con.commit()
print(cur.lastrowid, cur.rowcount, con.total_changes)

for row in cur.execute("""SELECT a.name, COUNT(*) AS n, ROUND(AVG(b.price), 2) AS avg_price,
                           MIN(b.year) AS first FROM book b JOIN author a ON a.id = b.author_id
                           GROUP BY a.id ORDER BY n DESC, a.name"""):
    print(dict(row), row.keys(), row["n"], row[0])
print([tuple(r) for r in cur.execute("SELECT title FROM book WHERE tags LIKE :t ORDER BY year", {"t": "%classic%"})])
print(cur.execute("SELECT COUNT(*), SUM(price), TOTAL(price), GROUP_CONCAT(title, '|') FROM book WHERE year < 1900").fetchone()[:])
print(cur.description[0][0], [d[0] for d in cur.description])
cur.execute("SELECT title, year FROM book ORDER BY year")
print(cur.fetchone()[:], [r[:] for r in cur.fetchmany(2)], len(cur.fetchall()))
con.row_factory = None
print(con.execute("SELECT typeof(1), typeof(1.5), typeof('x'), typeof(x'00'), typeof(NULL)").fetchone())
print(con.execute("SELECT ?, ?, ?, ?, ?", (1, 2.5, "s", b"\x00\x01", None)).fetchone())
print(con.execute("SELECT 2**62 * 2 - 1 + 2**62 * 2", ()).fetchone() if False else con.execute("SELECT 9223372036854775807").fetchone())
con.create_function("rev", 1, lambda s: s[::-1] if s else s, deterministic=True)
print(con.execute("SELECT rev(title) FROM book WHERE id = 1").fetchone())


class Median:
    def __init__(self):
        self.v = []

    def step(self, x):
        self.v.append(x)

    def finalize(self):
        v = sorted(self.v)
        return v[len(v) // 2]


con.create_aggregate("median", 1, Median)
print(con.execute("SELECT median(price) FROM book").fetchone())
con.create_collation("nocase_rev", lambda a, b: (b.lower() > a.lower()) - (b.lower() < a.lower()))
print([r[0] for r in con.execute("SELECT name FROM author ORDER BY name COLLATE nocase_rev")])
try:
    con.execute("INSERT INTO author(name) VALUES ('Austen')")
except sqlite3.IntegrityError as e:
    print("IntegrityError:", e, e.sqlite_errorname)
try:
    con.execute("SELEC 1")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
try:
    con.execute("SELECT * FROM nope")
except sqlite3.Error as e:
    print(type(e).__name__, e)
try:
    con.execute("SELECT ?", (1, 2))
except sqlite3.ProgrammingError as e:
    print("ProgrammingError:", e)
with con:
    con.execute("UPDATE book SET price = price * 1.1 WHERE year > 1950")
try:
    with con:
        con.execute("DELETE FROM book")
        raise RuntimeError("rollback please")
except RuntimeError:
    pass
print(con.execute("SELECT COUNT(*) FROM book").fetchone(), con.in_transaction)
print([round(r[0], 3) for r in con.execute("SELECT price FROM book WHERE year > 1950 ORDER BY id")])
sqlite3.register_adapter(date, lambda d: d.isoformat())
sqlite3.register_converter("DATE", lambda b: date.fromisoformat(b.decode()))
c2 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
c2.execute("CREATE TABLE ev(d DATE, name TEXT)")
c2.execute("INSERT INTO ev VALUES (?, ?)", (date(2024, 2, 29), "leap"))
print(c2.execute("SELECT * FROM ev").fetchone())
c2.row_factory = lambda cur, row: {d[0]: v for d, v in zip(cur.description, row)}
print(c2.execute("SELECT name, d FROM ev").fetchall())
print(list(c2.iterdump()))
print(sqlite3.complete_statement("SELECT 1;"), sqlite3.complete_statement("SELECT 1"), sqlite3.paramstyle, sqlite3.threadsafety in (0, 1, 3))
rows = con.execute("WITH RECURSIVE cnt(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM cnt WHERE x < 5) SELECT x, x * x FROM cnt").fetchall()
print(rows)
print(con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").fetchall())
print(con.execute("SELECT json_extract('{\"a\": [1, 2]}', '$.a[1]')").fetchone())
cur2 = con.execute("SELECT title FROM book ORDER BY id LIMIT 3")
for (t,) in cur2:
    print(" -", t)
bl = con.execute("SELECT zeroblob(4)").fetchone()[0]
print(type(bl).__name__, bl)
con.close()
try:
    con.execute("SELECT 1")
except sqlite3.ProgrammingError as e:
    print("ProgrammingError:", e)
