"""A library database on sqlite3: schema, transactions, row factories, adapters, aggregates."""
import datetime
import sqlite3
from decimal import Decimal

sqlite3.register_adapter(Decimal, str)
sqlite3.register_converter("DECIMAL", lambda b: Decimal(b.decode()))
con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
con.execute("PRAGMA foreign_keys = ON")
con.executescript("""
CREATE TABLE author (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, born INTEGER);
CREATE TABLE book (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    author_id INTEGER NOT NULL REFERENCES author(id),
    price DECIMAL,
    year INTEGER CHECK (year > 1000)
);
CREATE TABLE loan (book_id INTEGER REFERENCES book(id), member TEXT, due TEXT);
CREATE INDEX book_author ON book(author_id);
""")
authors = [("Ursula K. Le Guin", 1929), ("Terry Pratchett", 1948), ("Iain M. Banks", 1954)]
con.executemany("INSERT INTO author (name, born) VALUES (?, ?)", authors)
books = [
    ("A Wizard of Earthsea", 1, Decimal("8.99"), 1968),
    ("The Left Hand of Darkness", 1, Decimal("10.50"), 1969),
    ("Guards! Guards!", 2, Decimal("7.25"), 1989),
    ("Small Gods", 2, Decimal("7.99"), 1992),
    ("Consider Phlebas", 3, Decimal("9.40"), 1987),
    ("The Player of Games", 3, None, 1988),
]
cur = con.executemany("INSERT INTO book (title, author_id, price, year) VALUES (?, ?, ?, ?)", books)
print("rowcount", cur.rowcount, "lastrowid", con.execute("SELECT max(id) FROM book").fetchone())
con.commit()

for row in con.execute("""
        SELECT a.name, count(*), sum(b.price IS NOT NULL), min(b.year), max(b.year)
        FROM book b JOIN author a ON a.id = b.author_id
        GROUP BY a.id ORDER BY a.name"""):
    print(row)
print(con.execute("SELECT title, price FROM book WHERE price > ? ORDER BY price DESC",
                  (Decimal("8"),)).fetchall())
print(con.execute("SELECT typeof(price), price FROM book WHERE id = 1").fetchone())

con.row_factory = sqlite3.Row
row = con.execute("SELECT * FROM book WHERE title LIKE :pat", {"pat": "%Gods%"}).fetchone()
print(type(row).__name__, row.keys(), row["title"], row[3], tuple(row), dict(row), len(row))
con.row_factory = lambda cursor, r: {d[0]: v for d, v in zip(cursor.description, r)}
print(con.execute("SELECT id, upper(title) AS t FROM book LIMIT 2").fetchall())
con.row_factory = None

try:
    con.execute("INSERT INTO book (title, author_id, year) VALUES ('Ghost', 99, 2000)")
except sqlite3.IntegrityError as exc:
    print("IntegrityError:", exc, exc.sqlite_errorname)
try:
    con.execute("INSERT INTO book (title, author_id, year) VALUES ('Old', 1, 999)")
except sqlite3.IntegrityError as exc:
    print("IntegrityError:", exc)
try:
    con.execute("INSERT INTO author (name) VALUES ('Terry Pratchett')")
except sqlite3.IntegrityError as exc:
    print("IntegrityError:", exc)
try:
    con.execute("SELEC * FROM book")
except sqlite3.OperationalError as exc:
    print("OperationalError:", exc)
try:
    con.execute("SELECT * FROM nowhere")
except sqlite3.OperationalError as exc:
    print("OperationalError:", exc)
try:
    con.execute("SELECT ?", (1, 2))
except sqlite3.ProgrammingError as exc:
    print("ProgrammingError:", exc)
try:
    con.execute("SELECT 1; SELECT 2")
except sqlite3.ProgrammingError as exc:
    print("ProgrammingError:", exc)

# Transactions: a failed loan batch rolls back
try:
    with con:
        con.execute("INSERT INTO loan VALUES (1, 'ann', '2024-06-01')")
        con.execute("INSERT INTO loan VALUES (42, 'bob', '2024-06-02')")
except sqlite3.IntegrityError as exc:
    print("rolled back:", exc)
print(con.execute("SELECT count(*) FROM loan").fetchone(), con.in_transaction)
with con:
    con.execute("INSERT INTO loan VALUES (1, 'ann', ?)", (datetime.date(2024, 6, 1).isoformat(),))
    con.execute("INSERT INTO loan VALUES (3, 'cy', '2024-05-20')")
print(con.execute("SELECT member, due FROM loan ORDER BY due").fetchall(), con.total_changes)
con.execute("SAVEPOINT sp1")
con.execute("DELETE FROM loan")
con.execute("ROLLBACK TO sp1")
con.execute("RELEASE sp1")
print(con.execute("SELECT count(*) FROM loan").fetchone())


# User-defined functions, aggregates, collations
def initials(name):
    return "".join(p[0] for p in name.replace(".", " ").split())


class Median:
    def __init__(self):
        self.values = []

    def step(self, v):
        if v is not None:
            self.values.append(v)

    def finalize(self):
        v = sorted(self.values)
        n = len(v)
        return None if not n else (v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2)


con.create_function("initials", 1, initials, deterministic=True)
con.create_aggregate("median", 1, Median)
con.create_collation("reverse", lambda a, b: (a < b) - (a > b))
print(con.execute("SELECT initials(name) FROM author ORDER BY 1").fetchall())
print(con.execute("SELECT median(year), median(CAST(price AS REAL)) FROM book").fetchone())
print(con.execute("SELECT name FROM author ORDER BY name COLLATE reverse").fetchall())
con.create_function("boom", 0, lambda: 1 / 0)
try:
    con.execute("SELECT boom()").fetchone()
except sqlite3.OperationalError as exc:
    print("OperationalError:", exc)


class Window:
    def __init__(self):
        self.total = 0

    def step(self, v):
        self.total += v

    def inverse(self, v):
        self.total -= v

    def value(self):
        return self.total

    def finalize(self):
        return self.total


con.create_window_function("wsum", 1, Window)
print(con.execute("""SELECT year, wsum(year % 100) OVER (ORDER BY year ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)
                     FROM book ORDER BY year""").fetchall())
print(con.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x * 2 FROM n WHERE x < 100) SELECT group_concat(x, ',') FROM n").fetchone())
print(con.execute("SELECT json_extract('{\"a\": [1, 2, {\"b\": 3}]}', '$.a[2].b')").fetchone())
cur = con.cursor()
cur.execute("SELECT id, title FROM book ORDER BY id")
print(cur.fetchone(), cur.fetchmany(2), len(cur.fetchall()), cur.fetchone(), [d[0] for d in cur.description])
cur.arraysize = 4
print(len(cur.execute("SELECT * FROM book").fetchmany()))
print(con.execute("SELECT x'00ff', 2.5, NULL, 10000000000000, 'text'").fetchone())
con.execute("CREATE TABLE blobs (b BLOB)")
con.execute("INSERT INTO blobs VALUES (?)", (memoryview(b"\x01\x02"),))
print(con.execute("SELECT b, length(b) FROM blobs").fetchone())
try:
    con.execute("SELECT ?", (object(),))
except sqlite3.ProgrammingError as exc:
    print("ProgrammingError:", exc)
try:
    con.execute("SELECT ?", (2 ** 64,))
except OverflowError as exc:
    print("OverflowError:", exc)
print([line for line in con.iterdump()][:4])
other = sqlite3.connect(":memory:")
other.executescript("\n".join(con.iterdump()))
print(other.execute("SELECT count(*), sum(year) FROM book").fetchone())
other.close()
con.commit()   # a backup waits for the source's write transaction to end
backup = sqlite3.connect(":memory:")
steps = []
con.backup(backup, pages=2, progress=lambda status, remaining, total: steps.append((status, remaining)))
print(backup.execute("SELECT count(*) FROM book").fetchone(), steps[-1], len(steps) > 1)
try:
    con.backup(con)
except ValueError as exc:
    print("ValueError:", exc)
try:
    con.backup(backup, progress=5)
except TypeError as exc:
    print("TypeError:", exc)
try:
    con.backup("file.db")
except TypeError as exc:
    print("TypeError:", exc)
data = backup.serialize()
print(type(data).__name__, data[:16], len(data) % 512)
fresh = sqlite3.connect(":memory:")
fresh.deserialize(data)
print(fresh.execute("SELECT title FROM book ORDER BY id DESC LIMIT 1").fetchone())
fresh.close()
backup.close()

# Hooks: trace, authorizer, progress handler
statements = []
con.set_trace_callback(statements.append)
con.execute("SELECT count(*) FROM book WHERE year > ?", (1980,)).fetchone()
con.execute("UPDATE book SET price = ? WHERE id = ?", (Decimal("1.5"), 1))
con.commit()
con.set_trace_callback(None)
con.execute("SELECT 1").fetchone()
print(statements)


def authorizer(action, arg1, arg2, dbname, source):
    if action == sqlite3.SQLITE_READ and arg2 == "price":
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_READ and arg2 == "born":
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_OK


con.set_authorizer(authorizer)
print(con.execute("SELECT name, born FROM author ORDER BY id LIMIT 1").fetchone())
try:
    con.execute("SELECT price FROM book")
except sqlite3.DatabaseError as exc:
    print(type(exc).__name__, exc)
con.set_authorizer(None)
print(con.execute("SELECT price FROM book WHERE id = 1").fetchone())
ticks = []
con.set_progress_handler(lambda: ticks.append(1), 10)
con.execute("SELECT count(*) FROM book a, book b, book c").fetchone()
print("progress called:", len(ticks) > 0)
con.set_progress_handler(lambda: 1, 1)
try:
    con.execute("SELECT count(*) FROM book a, book b").fetchone()
except sqlite3.OperationalError as exc:
    print("OperationalError:", exc)
con.set_progress_handler(None, 1)


class BadWindow:
    def step(self, v):
        pass

    def finalize(self):
        return 0


con.create_window_function("badw", 1, BadWindow)
try:
    con.execute("SELECT badw(id) OVER (ORDER BY id) FROM book").fetchall()
except sqlite3.OperationalError as exc:
    print("OperationalError:", exc)


class NoStep:
    def finalize(self):
        return 1


con.create_aggregate("nostep", 1, NoStep)
try:
    con.execute("SELECT nostep(id) FROM book").fetchone()
except sqlite3.OperationalError as exc:
    print("OperationalError:", exc)
for make, n in [(con.create_function, -2), (con.create_aggregate, 1000), (con.create_window_function, -5)]:
    try:
        make("f", n, Median)
    except sqlite3.ProgrammingError as exc:
        print("ProgrammingError:", exc)
try:
    con.create_window_function("wsum", 1, None)
except sqlite3.OperationalError as exc:
    print("OperationalError:", exc, exc.sqlite_errorname)
con.close()
try:
    con.execute("SELECT 1")
except sqlite3.ProgrammingError as exc:
    print("ProgrammingError:", exc)
print(sqlite3.paramstyle, sqlite3.complete_statement("SELECT 1;"),
      sqlite3.complete_statement("SELECT 1"))
